import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnType, isMissingCell, normaliseCell } from './cell-values.ts';
import { guessColumnType } from './column-type.ts';

describe('guessColumnType', () => {
  const guesses: [string, string[], ColumnType][] = [
    ['视频号 完播率', ['28.64%', '31.2%', '0%', '-'], 'percent'],
    ['视频号 平均播放时长', ['10秒', '1分30秒', '8秒'], 'duration'],
    ['mm:ss durations with leading zeros', ['00:15', '01:02', '00:09'], 'duration'],
    ['视频号 发布时间', ['2026/06/25', '2026/06/24'], 'datetime'],
    ['小红书 首次发布时间', ['2026年06月25日12时01分35秒', '2026年06月24日08时00分00秒'], 'datetime'],
    ['公众号 发表时间', ['20220329', '20220330'], 'datetime'],
    ['counts', ['128', '1,234', '-', '1.2万'], 'integer'],
    ['money', ['99.90', '¥1,299.00', '58'], 'decimal'],
    ['送达阅读率 as fractions', ['0.0374', '0.05', '0.1'], 'decimal'],
    ['淘宝 订单编号', ['="20220329123456789"', '="20220329123456790"'], 'text'],
    ['long ids unguarded', ['2022032912345678', '2022032912345679'], 'text'],
    ['leading zeros', ['00123', '00456'], 'text'],
    ['phones with apostrophe', ["'13800138000"], 'text'],
    ['Excel serials stay numbers', ['46198', '46199'], 'integer'],
    ['names', ['张三', '李四'], 'text'],
    ['only missing', ['-', '', '--'], 'text'],
    ['no samples', [], 'text'],
  ];
  it.each(guesses)('%s', (_name, samples, expected) => {
    expect(guessColumnType(samples)).toBe(expected);
  });

  it('tolerates up to 5 % of bad samples', () => {
    const samples = [...Array.from({ length: 95 }, (_, i) => String(i + 1)), ...Array.from({ length: 5 }, () => '未知')];
    expect(guessColumnType(samples)).toBe('integer');
    expect(guessColumnType([...samples, '未知'])).toBe('text');
  });

  it('always gives a type that accepts at least 95 % of the non-missing samples', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer().map(String), fc.double({ noNaN: true }).map(String), fc.constantFrom('10秒', '28.64%', '2026/06/25', '-', '="1"')), { maxLength: 30 }), (samples) => {
        const type = guessColumnType(samples);
        const present = samples.filter((s) => !isMissingCell(s));
        const accepted = present.filter((s) => normaliseCell(s, type).ok).length;
        expect(accepted).toBeGreaterThanOrEqual(0.95 * present.length);
      }),
    );
  });
});
