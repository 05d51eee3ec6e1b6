/**
 * Where a JSON text stops being JSON. V8's own messages name a position only sometimes (Node 20
 * says `Unexpected token ',', ..."goals": [,]..." is not valid JSON` with none), so the first
 * error is found by this small scanner, which follows RFC 8259 exactly as JSON.parse does.
 */

export type JsonSyntaxError = {
  /** UTF-16 offset of the first character that cannot be there. */
  offset: number;
  /** That character, or null when the text ends too soon. */
  found: string | null;
  line: number;
  column: number;
};

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The first syntax error of a JSON text with its line and column (1-based; a column counts
 * characters, so 中 is one), or null when the text is valid JSON.
 *
 * @example
 * findJsonSyntaxError('{\n  "a": [,]\n}'); // → { offset: 10, found: ',', line: 2, column: 9 }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (ch: string) => (text[i] === ch ? i++ : fail());
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length || text[i] < ' ') fail();
      const ch = text[i++];
      if (ch === '"') return;
      if (ch !== '\\') continue;
      if (text[i] !== undefined && '"\\/bfnrt'.includes(text[i])) i++;
      else if (text[i] === 'u') {
        i++;
        for (let k = 0; k < 4; k++) if (/[0-9a-fA-F]/.test(text[i] ?? '')) i++; else fail();
      } else fail();
    }
  };
  const value = (): void => {
    space();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[i] === ',') i++;
        else return void expect(close);
      }
    }
    if (ch === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    fail();
  };
  try {
    value();
    space();
    if (i < text.length) fail();
    return null;
  } catch (err) {
    // nested too deep for the scanner: point at the start rather than fail
    const offset = err instanceof Stop ? err.offset : 0;
    const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
    const found = offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : null;
    return { offset, found, line: lines.length, column: [...lines[lines.length - 1]].length + 1 };
  }
}
