import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from './builtin-templates.ts';
import { findHeaderRow, headerKey, type ImportTemplate, mapHeaders, matchTemplate } from './templates.ts';

const template = (key: string) => BUILTIN_TEMPLATES.find((t) => t.key === key)!;

describe('headerKey', () => {
  it('compares headers loosely: full-width, spaces, BOM and case do not matter', () => {
    expect(headerKey(' ＣＴＲ（%） ')).toBe('ctr(%)');
    expect(headerKey('\uFEFF累积 关注人数')).toBe(headerKey('累积关注人数'));
    expect(headerKey('Order ID')).toBe('orderid');
  });
});

describe('mapHeaders', () => {
  const columns = template('wechat-user-analysis').columns;

  it('maps by name, then by alias, each header once; lists the missing required columns and the unread headers', () => {
    const m = mapHeaders(['日期', '新增关注', '取消关注人数', '累计关注人数', '备注'], columns);
    expect(m.indexes.slice(0, 5)).toEqual([0, 1, 2, null, 3]);
    expect(m.missing).toEqual([]);
    expect(m.unused).toEqual(['备注']);
    expect(mapHeaders(['日期', '累计关注人数'], columns).missing).toEqual(['新关注人数', '取消关注人数']);
  });

  it('never lets an alias take a header that is another column’s own name', () => {
    const cols = [
      { name: '付款时间', nameEn: 'Paid', type: 'datetime' as const, aliases: ['时间'] },
      { name: '时间', nameEn: 'Time', type: 'datetime' as const },
    ];
    expect(mapHeaders(['时间', '付款时间'], cols).indexes).toEqual([1, 0]);
    expect(mapHeaders(['时间'], cols).indexes).toEqual([null, 0]);
  });
});

describe('matchTemplate', () => {
  it('recognises each built-in layout from its own headers, and no other', () => {
    for (const t of BUILTIN_TEMPLATES) {
      expect(matchTemplate(t.columns.map((c) => c.name), BUILTIN_TEMPLATES)?.template.key, t.key).toBe(t.key);
      // the required columns alone are enough
      expect(matchTemplate(t.columns.filter((c) => c.required).map((c) => c.name), BUILTIN_TEMPLATES)?.template.key, `${t.key} (required only)`).toBe(t.key);
    }
  });

  it('recognises the variants: Taobao’s newer layout, WeChat’s 日期 and 新增关注, notified content without 送达', () => {
    const taobaoNew = ['订单编号', '买家会员名', '买家实付金额', '订单状态', '买家下单时间', '买家付款时间', '运单号'];
    const m = matchTemplate(taobaoNew, BUILTIN_TEMPLATES)!;
    expect(m.template.key).toBe('taobao-sold-items');
    const cols = m.template.columns.map((c) => c.name);
    expect(m.indexes[cols.indexOf('订单创建时间')]).toBe(4);
    expect(m.indexes[cols.indexOf('买家实际支付金额')]).toBe(2);
    expect(matchTemplate(['日期', '新增关注', '取消关注', '净增人数', '累计关注人数'], BUILTIN_TEMPLATES)?.template.key).toBe('wechat-user-analysis');
    const notified = template('wechat-content-notified').columns.map((c) => c.name).filter((n) => n !== '送达人数' && n !== '送达阅读率');
    expect(matchTemplate(notified, BUILTIN_TEMPLATES)?.template.key).toBe('wechat-content-notified');
  });

  it('never takes one layout for another: no template but its own fits a layout’s headers', () => {
    for (const a of BUILTIN_TEMPLATES) {
      const headers = a.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      for (const b of BUILTIN_TEMPLATES) {
        if (b !== a) expect(matchTemplate(headers, [b]), `${a.key} read as ${b.key}`).toBeNull();
      }
    }
  });

  it('never takes a Taobao export for a Youzan one, though both have 订单状态 and 买家付款时间', () => {
    const taobaoNew = ['订单编号', '买家会员名', '订单状态', '买家下单时间', '买家付款时间', '买家实付金额', '订单创建时间'];
    expect(matchTemplate(taobaoNew, BUILTIN_TEMPLATES)?.template.key).toBe('taobao-sold-items');
    const youzan = ['订单号', '订单状态', '订单创建时间', '买家付款时间', '订单实付金额', '买家手机号'];
    expect(matchTemplate(youzan, BUILTIN_TEMPLATES)?.template.key).toBe('youzan-orders');
  });

  it('reads headers as exporters write them: BOM, full-width brackets, spaces', () => {
    const m = matchTemplate(['\uFEFF视频描述', ' 视频ID ', '发布 时间', '完播率', '平均播放时长'], BUILTIN_TEMPLATES)!;
    expect(m.template.key).toBe('wechat-channels-videos');
    expect(m.indexes.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('recognises nothing in a file of another kind', () => {
    expect(matchTemplate(['姓名', '部门', '销售额'], BUILTIN_TEMPLATES)).toBeNull();
    expect(matchTemplate([], BUILTIN_TEMPLATES)).toBeNull();
  });

  it('prefers the template matching the most columns, then the one leaving fewest headers unread', () => {
    const a: ImportTemplate = { key: 'a', name: { 'zh-CN': 'a', en: 'a' }, description: { 'zh-CN': '', en: '' }, columns: [{ name: 'x', nameEn: 'x', type: 'text', required: true }, { name: 'd', nameEn: 'd', type: 'datetime' }], keyColumns: [], dateColumn: 'd' };
    const b: ImportTemplate = { ...a, key: 'b', columns: [...a.columns, { name: 'y', nameEn: 'y', type: 'integer' }] };
    expect(matchTemplate(['x', 'd', 'y'], [a, b])?.template.key).toBe('b');
    expect(matchTemplate(['x', 'd'], [b, a])?.template.key).toBe('b');
  });
});

describe('findHeaderRow', () => {
  it('skips a banner row above the header', () => {
    const rows = [['最多导出排序后前1000条笔记'], ['笔记标题', '首次发布时间', '曝光'], ['春日穿搭', '2026年06月25日12时01分35秒', '1200']];
    expect(findHeaderRow(rows)).toBe(1);
    expect(findHeaderRow(rows, BUILTIN_TEMPLATES)).toBe(1);
  });

  it('takes the first row a template fits, even after a title and a blank line', () => {
    const youzan = template('youzan-orders').columns.map((c) => c.name);
    expect(findHeaderRow([['有赞订单导出 2026-11-01'], [''], youzan, youzan.map(() => '1')], BUILTIN_TEMPLATES)).toBe(2);
  });

  it('does not take a row of numbers or dates for a header', () => {
    expect(findHeaderRow([['说明：单位 元', ''], ['2026-10-01', '100', '200'], ['日期', '收入', '成本'], ['2026-10-02', '1', '2']])).toBe(2);
    expect(findHeaderRow([['a', 'b'], ['1', '2']])).toBe(0);
    expect(findHeaderRow([])).toBe(0);
  });

  it('skips a title that spans the sheet but is one cell, and looks no further than 10 records', () => {
    const header = ['笔记标题', '首次发布时间', '曝光'];
    expect(findHeaderRow([['最多导出排序后前1000条笔记', '', ''], header], BUILTIN_TEMPLATES)).toBe(1);
    const late = [...Array.from({ length: 10 }, () => ['说明']), header];
    expect(findHeaderRow(late, BUILTIN_TEMPLATES)).toBe(0);
  });

  it('prefers a row a template fits to an earlier row that merely looks like a header', () => {
    const rows = [['店铺', '刻度羊绒旗舰店', '导出人', '王芳'], ['订单号', '订单状态', '订单创建时间', '订单实付金额']];
    expect(findHeaderRow(rows)).toBe(0);
    expect(findHeaderRow(rows, BUILTIN_TEMPLATES)).toBe(1);
  });
});
