/** The CSV tokeniser alone (the file readers of src/server/files/ test it with files). */
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer.ts';
import type { StreamedRecord } from './records.ts';

const tokenize = (chunks: string[], delimiter = ','): StreamedRecord[] => {
  const t = new CsvTokenizer(delimiter);
  const out: StreamedRecord[] = [];
  for (const chunk of chunks) t.feed(chunk, out);
  t.end(out);
  return out;
};

describe('CsvTokenizer', () => {
  it('keeps a quoted field cut between chunks in one record', () => {
    expect(tokenize(['a,"b\n', 'c"\n'])).toEqual([{ row: 1, values: ['a', 'b\nc'] }]);
  });

  it('gives the same records wherever the chunks are cut, blank records skipped but counted', () => {
    const text = 'x;"y ""q""";z\r\n\r\n1;2;3\r4;5\n';
    const whole = tokenize([text], ';');
    expect(whole).toEqual([
      { row: 1, values: ['x', 'y "q"', 'z'] },
      { row: 3, values: ['1', '2', '3'] },
      { row: 4, values: ['4', '5'] },
    ]);
    for (let cut = 0; cut <= text.length; cut++) expect(tokenize([text.slice(0, cut), text.slice(cut)], ';'), `cut at ${cut}`).toEqual(whole);
  });

  it('refuses an unclosed quote at the end, by row', () => {
    expect(() => tokenize(['a,b\n"x,3\n'])).toThrowError(expect.objectContaining({ code: 'csv_malformed', row: 2 }));
  });
});
