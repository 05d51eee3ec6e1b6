import type { CreateDatasetInput } from '../../contracts/datasets.ts';
import type { Org } from './fixtures.ts';
import type { TestApp } from './harness.ts';
import { multipartForm } from './sessions.ts';

/** An order export as a sales team has it: one row per order, a salesperson, a payment time and money. */
export const ORDERS_DATASET: CreateDatasetInput = {
  name: '订单',
  description: '有赞订单导出（测试）',
  columns: [
    { name: '订单号', type: 'text', snapshot: false, aliases: [] },
    { name: '销售员', type: 'text', snapshot: false, aliases: ['分销员'] },
    { name: '渠道', type: 'text', snapshot: false, aliases: [] },
    { name: '付款时间', type: 'datetime', snapshot: false, aliases: ['买家付款时间'] },
    { name: '实付金额', type: 'decimal', snapshot: false, aliases: [] },
    { name: '退款金额', type: 'decimal', snapshot: false, aliases: [] },
    { name: '订单状态', type: 'text', snapshot: false, aliases: [] },
  ],
  keyColumns: ['订单号'],
  dateColumn: '付款时间',
  templateKey: null,
};

export const ORDERS_HEADER = '订单号,销售员,渠道,付款时间,实付金额,退款金额,订单状态';

/** Orders of Oct 2026 for the seeded sales people (Erin East and Sam South by name). */
export const OCTOBER_ORDERS = [
  ORDERS_HEADER,
  '="E1001",Erin East,小程序,2026-10-03 10:00:00,"1,200.00",0,交易成功',
  '="E1002",Erin East,小程序,2026-10-15 11:30:00,800.50,100.50,交易成功',
  '="E1003",Erin East,H5,2026-10-20 09:00:00,500,-,交易关闭',
  '="S2001",Sam South,小程序,2026-10-05 14:00:00,¥2000,0,交易成功',
  '="S2002",Sam South,H5,2026-11-02 08:00:00,300,0,交易成功',
].join('\n');

export type ImportOptions = { datasetId?: string; create?: CreateDatasetInput; filename?: string; replace?: boolean; token?: string; language?: string };

/** Uploads a file: into a dataset, or creating one (multipart field "dataset" then "file"). */
export async function importFile(t: TestApp, org: Org, content: string | Buffer, options: ImportOptions) {
  const fields: Record<string, string> = options.create ? { dataset: JSON.stringify(options.create) } : {};
  const { payload, headers } = multipartForm(fields, { filename: options.filename ?? 'orders.csv', content });
  const path = options.datasetId ? `/datasets/${options.datasetId}/imports` : '/datasets/import';
  const query = options.replace ? '?replace=true' : '';
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/workspaces/${org.ws}${path}${query}`,
    headers: { ...headers, authorization: `Bearer ${options.token ?? org.tokens.admin}`, 'accept-language': options.language ?? 'en' },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}
