import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type ColumnType, COLUMN_TYPES, isMissingCell, normaliseCell, plainCopyText, unguardCell } from './cell-values.ts';
import { guessColumnType } from './column-type.ts';

const ok = (value: string | number | null) => ({ ok: true, value });

describe('normaliseCell — values from real exports (docs/import-formats.md)', () => {
  const cases: [string, string, ColumnType, string | number | null][] = [
    // WeChat Channels 视频号
    ['视频号 完播率', '28.64%', 'percent', 0.2864],
    ['视频号 平均播放时长', '10秒', 'duration', 10],
    ['视频号 发布时间', '2026/06/25', 'datetime', '2026-06-25'],
    ['视频号 视频描述 with BOM-like spaces', '\uFEFF 今天的视频 ', 'text', '今天的视频'],
    ['视频号 播放量', '1,234,567', 'integer', 1234567],
    // WeChat 公众号
    ['公众号 用户分析 时间', '2026-06-25', 'datetime', '2026-06-25'],
    ['公众号 新关注人数', '128', 'integer', 128],
    ['公众号 取消关注人数 zero', '0', 'integer', 0],
    ['公众号 已通知内容 发表时间', '20220329', 'datetime', '2022-03-29'],
    ['公众号 送达阅读率', '0.0374', 'percent', 0.0374],
    ['公众号 送达阅读率 as decimal', '0.0374', 'decimal', 0.0374],
    ['公众号 阅读完成率 in %', '45.1%', 'percent', 0.451],
    // Douyin 作品列表
    ['抖音 播放量 missing', '-', 'integer', null],
    ['抖音 完播率 missing', '--', 'percent', null],
    ['抖音 播放量 with 万', '1.2万', 'integer', 12000],
    ['抖音 播放量 with 万, no float noise', '1.13万', 'integer', 11300],
    ['抖音 播放量 with 亿', '2.5亿', 'integer', 250000000],
    ['抖音 平均播放时长 min+sec', '1分30秒', 'duration', 90],
    ['抖音 平均播放时长 mm:ss', '00:15', 'duration', 15],
    ['抖音 发布时间', '2026-06-25 12:01:35', 'datetime', '2026-06-25T12:01:35'],
    ['抖音 发布时间 without seconds', '2026-06-25 12:01', 'datetime', '2026-06-25T12:01:00'],
    // Xiaohongshu 笔记列表明细表
    ['小红书 首次发布时间', '2026年06月25日12时01分35秒', 'datetime', '2026-06-25T12:01:35'],
    ['小红书 date only', '2026年6月25日', 'datetime', '2026-06-25'],
    ['小红书 人均观看时长 hh:mm:ss', '01:02:03', 'duration', 3723],
    ['小红书 封面点击率', '12.5%', 'percent', 0.125],
    // Taobao 已卖出的宝贝
    ['淘宝 订单编号 ="…"', '="20220329123456789"', 'text', '20220329123456789'],
    ['淘宝 联系手机 leading apostrophe', "'13800138000", 'text', '13800138000'],
    ['淘宝 买家实际支付金额', '99.90', 'decimal', 99.9],
    ['淘宝 总金额 with ¥', '¥1,299.00', 'decimal', 1299],
    ['淘宝 总金额 with full-width ￥', '￥1,299.50', 'decimal', 1299.5],
    ['淘宝 退款金额 negative', '-¥12.50', 'decimal', -12.5],
    ['淘宝 订单创建时间', '2026-06-25 12:01:35', 'datetime', '2026-06-25T12:01:35'],
    ['淘宝 订单付款时间 empty', '', 'datetime', null],
    ['淘宝 宝贝总数量 guarded', '="2"', 'integer', 2],
    // Youzan
    ['有赞 订单实付金额', '¥ 58.00', 'decimal', 58],
    ['有赞 订单创建时间 slashes', '2026/06/25 09:05:00', 'datetime', '2026-06-25T09:05:00'],
    ['有赞 商品数量 full-width', '１２', 'integer', 12],
    ['有赞 消费金额 full-width with separators', '１，２３４．５', 'decimal', 1234.5],
    // Excel serials
    ['Excel serial date', '46198', 'datetime', '2026-06-25'],
    ['Excel serial date-time', '46198.5', 'datetime', '2026-06-25T12:00:00'],
    ['Excel serial date-time 12:01:35', String(46198 + (12 * 3600 + 95) / 86400), 'datetime', '2026-06-25T12:01:35'],
    // missing everywhere
    ['em dash missing', '—', 'decimal', null],
    ['NA missing for numbers', 'N/A', 'decimal', null],
    ['dash missing for text', '-', 'text', null],
    ['empty guard missing', '=""', 'integer', null],
    // more durations
    ['duration with hours', '1小时2分3秒', 'duration', 3723],
    ['duration in seconds', '90', 'duration', 90],
    ['duration fractional seconds', '12.5秒', 'duration', 12.5],
    ['duration english units', '1m30s', 'duration', 90],
  ];
  it.each(cases)('%s: %s (%s)', (_name, raw, type, expected) => {
    expect(normaliseCell(raw, type)).toEqual(ok(expected));
  });

  it('keeps text as it is, without normalising its characters', () => {
    expect(normaliseCell(' 买家已付款，等待卖家发货 ', 'text')).toEqual(ok('买家已付款，等待卖家发货'));
    expect(normaliseCell('NA', 'text')).toEqual(ok('NA'));
    expect(normaliseCell('="a""b"', 'text')).toEqual(ok('a"b'));
  });

  it('never gives -0', () => {
    expect(Object.is((normaliseCell('-0', 'decimal') as { value: number }).value, 0)).toBe(true);
  });
});

describe('normaliseCell — refusals say what was expected, with an example, in both languages', () => {
  const refusals: [string, ColumnType, string, RegExp, RegExp][] = [
    ['12.5', 'integer', 'integer.not_whole', /整数.*1234/, /whole numbers.*1234/],
    ['1.23456万', 'integer', 'integer.not_whole', /整数/, /whole/],
    ['abc', 'integer', 'integer.invalid', /不是整数.*1,234/, /not a whole number.*1,234/],
    ['50%', 'integer', 'integer.invalid', /整数/, /whole number/],
    ['¥100', 'integer', 'integer.invalid', /整数/, /whole number/],
    ['1,5', 'decimal', 'decimal.invalid', /不是数字.*¥99\.90/, /not a number.*¥99\.90/],
    ['28.64%', 'decimal', 'decimal.percent', /百分比.*0\.2864/, /percentage.*0\.2864/],
    ['很多', 'percent', 'percent.invalid', /28\.64%/, /28\.64%/],
    ['2026-02-30', 'datetime', 'datetime.invalid', /2026-06-25/, /2026-06-25/],
    ['2026-06-25 24:00:00', 'datetime', 'datetime.invalid', /2026年06月25日12时01分35秒/, /2026-06-25 12:01:35/],
    ['2026-06-25T12:01:35Z', 'datetime', 'datetime.invalid', /日期/, /date/],
    ['20221399', 'datetime', 'datetime.invalid', /20220329/, /20220329/],
    ['昨天', 'datetime', 'datetime.invalid', /日期/, /date/],
    ['30秒1分', 'duration', 'duration.invalid', /1分30秒/, /1分30秒/],
    ['-10秒', 'duration', 'duration.invalid', /时长/, /duration/],
    ['1 0秒', 'duration', 'duration.invalid', /时长/, /duration/],
    ['10ms', 'duration', 'duration.invalid', /01:02:03/, /01:02:03/],
    ['1e16', 'decimal', 'number.out_of_range', /10¹⁵/, /10¹⁵/],
    ['-2,000,000,000,000,000', 'integer', 'number.out_of_range', /超出范围/, /out of range/],
    ['20220329123456789', 'integer', 'number.out_of_range', /超出范围/, /out of range/],
    ['1e400', 'decimal', 'decimal.invalid', /数字/, /number/],
    ['NaN', 'decimal', 'decimal.invalid', /数字/, /number/],
    ['Infinity', 'percent', 'percent.invalid', /百分比/, /percentage/],
  ];
  it.each(refusals)('%s as %s → %s', (raw, type, code, zh, en) => {
    const result = normaliseCell(raw, type);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message['zh-CN']).toMatch(zh);
    expect(result.message.en).toMatch(en);
    expect(result.message['zh-CN']).toContain(raw.trim());
    expect(result.message.en).toContain(raw.trim());
  });

  it('shortens a long value in the message', () => {
    const result = normaliseCell('x'.repeat(10_000), 'integer');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en.length).toBeLessThan(300);
  });
});

describe('helpers', () => {
  it('unguardCell removes Excel text guards', () => {
    expect(unguardCell(' ="0012" ')).toEqual({ text: '0012', guarded: true });
    expect(unguardCell("'0012")).toEqual({ text: '0012', guarded: true });
    expect(unguardCell('0012')).toEqual({ text: '0012', guarded: false });
  });
  it('isMissingCell', () => {
    for (const v of ['', '  ', '-', '--', '－', '—', '="-"']) expect(isMissingCell(v)).toBe(true);
    for (const v of ['0', 'x', '---']) expect(isMissingCell(v)).toBe(false);
  });
});

/** Groups the integer digits by three: 1234567.5 → 1,234,567.5. */
function withSeparators(text: string): string {
  const [int, frac] = text.split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  const digits = int!.replace('-', '');
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

describe('properties', () => {
  const finite = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true });

  it('a finite number with thousands separators round-trips as decimal', () => {
    fc.assert(
      fc.property(finite, (x) => {
        const text = withSeparators(x.toFixed(6).replace(/\.?0+$/, '') || '0');
        const result = normaliseCell(text, 'decimal');
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toBe(Number(x.toFixed(6)) || 0);
      }),
    );
  });

  it('an integer with thousands separators round-trips as integer, with ¥ as decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
        expect(normaliseCell(withSeparators(String(n)), 'integer')).toEqual(ok(n === 0 ? 0 : n));
        const money = n < 0 ? `-¥${withSeparators(String(-n))}` : `¥${withSeparators(String(n))}`;
        expect(normaliseCell(money, 'decimal')).toEqual(ok(n === 0 ? 0 : n));
      }),
    );
  });

  it('p% gives p / 100 within 1e-12', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (p) => {
        const text = `${p.toFixed(4)}%`;
        const result = normaliseCell(text, 'percent');
        expect(result.ok).toBe(true);
        if (result.ok) expect(Math.abs((result.value as number) - Number(p.toFixed(4)) / 100)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(p)));
      }),
    );
  });

  it('x万 gives x × 10000 exactly for up to four decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 9999 }), (int, frac) => {
        const text = `${int}.${String(frac).padStart(4, '0')}万`;
        expect(normaliseCell(text, 'integer')).toEqual(ok(int * 10000 + frac));
      }),
    );
  });

  it('durations h:mm:ss and 时分秒 agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (h, m, s) => {
        const seconds = h * 3600 + m * 60 + s;
        const pad = (n: number) => String(n).padStart(2, '0');
        expect(normaliseCell(`${pad(h)}:${pad(m)}:${pad(s)}`, 'duration')).toEqual(ok(seconds));
        expect(normaliseCell(`${h}小时${m}分${s}秒`, 'duration')).toEqual(ok(seconds));
      }),
    );
  });

  it('every date-time layout gives the same ISO value', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 19);
        const [y, mo, da, h, mi, s] = iso.split(/[-T:]/);
        expect(normaliseCell(`${y}-${mo}-${da} ${h}:${mi}:${s}`, 'datetime')).toEqual(ok(iso));
        expect(normaliseCell(`${y}/${mo}/${da} ${h}:${mi}:${s}`, 'datetime')).toEqual(ok(iso));
        expect(normaliseCell(`${y}年${mo}月${da}日${h}时${mi}分${s}秒`, 'datetime')).toEqual(ok(iso));
        expect(normaliseCell(`${y}${mo}${da}`, 'datetime')).toEqual(ok(iso.slice(0, 10)));
        const serial = (Date.UTC(Number(y), Number(mo) - 1, Number(da)) - Date.UTC(1899, 11, 30)) / 86_400_000;
        const fraction = (Number(h) * 3600 + Number(mi) * 60 + Number(s)) / 86_400;
        expect(normaliseCell(String(serial + fraction), 'datetime')).toEqual(ok(fraction === 0 ? iso.slice(0, 10) : iso));
      }),
    );
  });

  it('never throws, and never gives NaN, Infinity or a number beyond ±1e15', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 50 }),
      fc.string({ unit: fc.constantFrom(...'0123456789,.%-+:￥¥万亿秒分时年月日eE =\'"０１２ '.split('')), maxLength: 40 }),
      fc.nat(2_000_000).map((n) => '9'.repeat(n)),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom(...COLUMN_TYPES), (raw, type) => {
        const result = normaliseCell(raw, type);
        if (result.ok && typeof result.value === 'number') {
          expect(Number.isFinite(result.value)).toBe(true);
          expect(Math.abs(result.value)).toBeLessThanOrEqual(1e15);
        }
        if (!result.ok) {
          expect(result.message['zh-CN'].length).toBeGreaterThan(0);
          expect(result.message.en.length).toBeGreaterThan(0);
        }
        guessColumnType([raw]);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a huge cell quickly', () => {
    const huge = `${'1,234'.repeat(200_000)}%`;
    const start = performance.now();
    for (const type of COLUMN_TYPES) normaliseCell(huge, type);
    guessColumnType([huge]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('the shortcut for machine-written cells', () => {
  // a leading space takes the general path (which trims it): both paths must agree
  const agree = (raw: string, type: ColumnType): void => {
    expect(normaliseCell(raw, type)).toEqual(normaliseCell(` ${raw}`, type));
  };

  it('reads plain numbers, ISO dates and words exactly as the general path does (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -2e15, max: 2e15, noNaN: true }), fc.constantFrom<ColumnType>('integer', 'decimal', 'percent'), (n, type) => {
        agree(String(n), type);
        agree(n.toFixed(2), type);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), (y, mo, d, h, mi) => {
        const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        agree(date, 'datetime');
        agree(`${date} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(mi).padStart(2, '0')}`, 'datetime');
        agree(`${date}T${String(h).padStart(2, '0')}:00:00`, 'datetime');
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        agree(text.trim(), 'text');
      }),
    );
    for (const raw of ['2024-02-29', '2026-02-29', '1900-01-01', '2100-12-31 23:59:59', '-0', '0.0374', '12.5', '000', '1e5', '１２３', '—', '--', '-']) {
      for (const type of ['integer', 'decimal', 'percent', 'datetime', 'text'] as const) agree(raw, type);
    }
  });
});

describe('plainCopyText', () => {
  it('gives the file’s text only where PostgreSQL reads it as the normalised value (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -2e15, max: 2e15, noNaN: true }).map(String), fc.integer().map(String), fc.string({ maxLength: 8 })), fc.constantFrom<ColumnType>('integer', 'decimal', 'percent', 'text', 'datetime'), (raw, type) => {
        const text = plainCopyText(raw, type);
        if (text === undefined) return;
        const cell = normaliseCell(raw, type);
        expect(cell.ok).toBe(true);
        if (!cell.ok) return;
        if (typeof cell.value === 'number') expect(Number(text)).toBe(cell.value);
        else if (type === 'datetime') expect(text.replace(' ', 'T')).toBe(cell.value);
        else expect(text).toBe(cell.value);
      }),
    );
    expect(plainCopyText('123.40', 'decimal')).toBe('123.40');
    expect(plainCopyText('2026-03-04 12:34:56', 'datetime')).toBe('2026-03-04 12:34:56');
    for (const raw of ['1,200', '¥12', '-0', '-0.0', 'a\\b', '  x  ', '2026-02-30', '12.5']) expect([raw, plainCopyText(raw, raw === '12.5' ? 'integer' : raw.startsWith('20') ? 'datetime' : raw.includes('\\') || raw.includes('x') ? 'text' : 'decimal')]).toEqual([raw, undefined]);
  });
});
