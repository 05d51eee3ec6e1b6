import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{\n  "a": [,]\n}', { offset: 10, found: ',', line: 2, column: 9 }],
    ['{"a": 1,}', { offset: 8, found: '}', line: 1, column: 9 }],
    ['{"a": 1 "b": 2}', { offset: 8, found: '"', line: 1, column: 9 }],
    ['{"名称": x}', { offset: 7, found: 'x', line: 1, column: 8 }],
    ['{"a": ', { offset: 6, found: null, line: 1, column: 7 }],
    ['', { offset: 0, found: null, line: 1, column: 1 }],
    ['[01]', { offset: 2, found: '1', line: 1, column: 3 }],
    ['"a\\x"', { offset: 3, found: 'x', line: 1, column: 4 }],
    ['"tab\there"', { offset: 4, found: '\t', line: 1, column: 5 }],
    ['{} {}', { offset: 3, found: '{', line: 1, column: 4 }],
    ['[\r\n tru]', { offset: 4, found: 't', line: 2, column: 2 }],
  ])('%j → %j', (text, error) => {
    expect(findJsonSyntaxError(text)).toEqual(error);
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonSyntaxError(text)).toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(',', '}', ']', '"', ':', 'x', ''), (text, at, insert) => {
        const broken = text.slice(0, at % (text.length + 1)) + insert;
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(broken) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
