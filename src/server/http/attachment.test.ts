import { describe, expect, it } from 'vitest';
import { contentDisposition } from './attachment.ts';

describe('contentDisposition', () => {
  it('gives the name in ASCII and, escaped per RFC 5987, in UTF-8', () => {
    expect(contentDisposition('people.xlsx')).toBe(`attachment; filename="people.xlsx"; filename*=UTF-8''people.xlsx`);
    expect(contentDisposition('2027 微商计划.plan.json')).toBe(`attachment; filename="2027 ____.plan.json"; filename*=UTF-8''2027%20%E5%BE%AE%E5%95%86%E8%AE%A1%E5%88%92.plan.json`);
  });

  it("escapes the '()* that encodeURIComponent leaves, and quotes and backslashes in the ASCII name", () => {
    const header = contentDisposition(`业绩(2026)*'终'.xlsx`);
    expect(header).toContain(`filename*=UTF-8''%E4%B8%9A%E7%BB%A9%282026%29%2A%27%E7%BB%88%27.xlsx`);
    expect(contentDisposition('a"b\\c.json')).toContain('filename="a_b_c.json"');
    // every character of the UTF-8 name is an RFC 5987 attr-char or a %XX escape
    expect(header.split("''")[1]).toMatch(/^(?:[A-Za-z0-9!#$&+.^_`|~-]|%[0-9A-F]{2})+$/);
  });
});
