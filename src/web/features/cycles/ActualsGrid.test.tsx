import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Cycle, ParticipantDetail } from '../../api.ts';
import { apiError, type StubRequest, stubApi } from '../../testing/network.ts';
import { renderInApp, t } from '../../testing/render.tsx';
import ActualsGrid from './ActualsGrid.tsx';

const CYCLE = '/workspaces/acme/cycles/c1';
const cycle = { id: 'c1', name: '2026年10月考核', state: 'open' } as unknown as Cycle;
const who = { id: 'u1', name: '管理员' };

/** A participant as GET …/participants/:pid has it, with only what the grid reads filled in. */
function participant(id: string, personName: string, change: Partial<ParticipantDetail> = {}): ParticipantDetail {
  return {
    id,
    personName,
    unitName: '华东销售部',
    termsNeeded: [
      { key: 'sales', name: '销售额', manual: false, terms: ['销售额'] },
      { key: 'conv', name: '转化率', manual: false, terms: ['成交数', '线索数'] },
      { key: 'attitude', name: '工作态度', manual: true, terms: [] },
    ],
    values: [{ term: '销售额', value: 120000, source: 'entry', lineage: null, updatedBy: who, updatedAt: '2026-10-20T08:00:00Z' }],
    notApplicable: [],
    ratings: [{ indicatorKey: 'attitude', selfRating: 4, selfComment: null, selfAt: null, managerRating: null, managerComment: null, managerAt: null, managerBy: null }],
    card: { indicators: [{ key: 'sales', unit: '元' }, { key: 'conv', unit: '%' }, { key: 'attitude', rule: { type: 'manual', scale: [1, 5] } }] },
    result: { status: 'incomplete', total: null, grade: null },
    canEdit: { enterActuals: true, setNotApplicable: true, rate: true, selfRate: false, adjust: false, appeal: false },
    ...change,
  } as unknown as ParticipantDetail;
}

const zhang = participant('p1', '张三');
const li = participant('p2', '李四', { values: [] });

function setUp(routes: Record<string, unknown> = {}) {
  const net = stubApi({
    [`GET ${CYCLE}/participants`]: { items: [{ id: 'p1' }, { id: 'p2' }], total: 2, page: 1, pageSize: 200 },
    [`GET ${CYCLE}/participants/p1`]: zhang,
    [`GET ${CYCLE}/participants/p2`]: li,
    ...routes,
  });
  return { net, ...renderInApp(<ActualsGrid ws="acme" cycle={cycle} />) };
}

const input = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const row = (name: string) => screen.getAllByTestId('actuals-row').find((r) => r.getAttribute('data-person-name') === name)!;
/** What PUT …/actuals answers: the participant with the value stored and scored. */
const scored = (body: { values: Record<string, number | null> }, total: number) =>
  participant('p1', '张三', {
    values: Object.entries({ 销售额: 120000, ...body.values }).map(([term, value]) => ({ term, value, source: 'entry', lineage: null, updatedBy: who, updatedAt: '2026-10-21T08:00:00Z' })) as ParticipantDetail['values'],
    result: { status: 'complete', total, grade: 'B' } as ParticipantDetail['result'],
  });

describe('ActualsGrid (entering actuals)', () => {
  it('shows a row per participant with the stored values, the empty ones to fill and the result', async () => {
    const { net } = setUp();

    await screen.findByTestId('actuals-grid');
    expect(screen.getAllByTestId('actuals-row').map((r) => r.getAttribute('data-person-name'))).toEqual(['张三', '李四']);
    expect(input('张三 销售额').value).toBe('120,000');
    expect(input('李四 销售额').value).toBe('');
    expect(within(row('张三')).getByText(t('score.status.incomplete'))).toBeTruthy();
    expect(net.last(`GET ${CYCLE}/participants`)?.query.get('pageSize')).toBe('200');
  });

  it('saves a row with its button, sending only the values changed, and shows the new total', async () => {
    const { net, user } = setUp({ [`PUT ${CYCLE}/participants/p1/actuals`]: (r: StubRequest) => scored(r.body as never, 91.5) });
    await screen.findByTestId('actuals-grid');

    await user.type(input('张三 成交数'), '30');
    await user.type(input('张三 线索数'), '1200');
    expect(screen.getByText(t('cycles.grid.unsaved', { count: 1 }))).toBeTruthy();
    expect(input('张三 线索数').value).toBe('1,200');
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));

    expect(await screen.findByText(t('cycles.grid.saved', { name: '张三', total: '91.50' }))).toBeTruthy();
    expect(net.last(`PUT ${CYCLE}/participants/p1/actuals`)?.body).toEqual({ values: { 成交数: 30, 线索数: 1200 } });
    await waitFor(() => expect(within(row('张三')).getByTestId('grid-total').textContent).toBe('91.50'));
    expect(within(row('张三')).getByText(t('common.saved'))).toBeTruthy();
    expect(screen.queryByText(t('cycles.grid.unsaved', { count: 1 }))).toBeNull();
  });

  it('saves the row with Enter from a value', async () => {
    const { net, user } = setUp({ [`PUT ${CYCLE}/participants/p2/actuals`]: () => participant('p2', '李四') });
    await screen.findByTestId('actuals-grid');

    await user.type(input('李四 销售额'), '98000{Enter}');

    await waitFor(() => expect(net.callsTo(`PUT ${CYCLE}/participants/p2/actuals`)).toHaveLength(1));
    expect(net.last(`PUT ${CYCLE}/participants/p2/actuals`)?.body).toEqual({ values: { 销售额: 98000 } });
    expect(await screen.findByText(t('cycles.grid.savedIncomplete', { name: '李四' }))).toBeTruthy();
  });

  it('keeps a value that is not a number in its cell, marked, with the message on the cell, and the row unsaved', async () => {
    const { net, user } = setUp();
    await screen.findByTestId('actuals-grid');

    await user.type(input('李四 成交数'), 'abc');
    fireEvent.blur(input('李四 成交数'));

    expect(input('李四 成交数').value).toBe('abc');
    expect(input('李四 成交数').getAttribute('aria-invalid')).toBe('true');
    expect(row('李四').getAttribute('data-dirty')).toBe('true');
    expect(within(row('李四')).getByTestId('row-save').hasAttribute('disabled')).toBe(true);
    await user.hover(input('李四 成交数'));
    expect((await screen.findByRole('tooltip')).textContent).toBe(t('common.notANumber', { text: 'abc' }));
    // Enter does not save it either
    await user.type(input('李四 成交数'), '{Enter}');
    expect(net.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('reads numbers as people write them and undoes a cell with Escape', async () => {
    const { net, user } = setUp({ [`PUT ${CYCLE}/participants/p2/actuals`]: () => participant('p2', '李四') });
    await screen.findByTestId('actuals-grid');

    await user.type(input('李四 销售额'), '12万');
    await user.type(input('李四 线索数'), '77{Escape}');
    expect(input('李四 线索数').value).toBe('');
    await user.click(within(row('李四')).getByRole('button', { name: t('common.save') }));

    await waitFor(() => expect(net.last(`PUT ${CYCLE}/participants/p2/actuals`)?.body).toEqual({ values: { 销售额: 120000 } }));
  });

  it('shows the server’s refusal and keeps the row’s edits to correct', async () => {
    const { user } = setUp({
      [`PUT ${CYCLE}/participants/p1/actuals`]: apiError(400, 'validation_failed', '“成交数”的值 -3 不能小于 0'),
    });
    await screen.findByTestId('actuals-grid');

    await user.type(input('张三 成交数'), '-3');
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));

    expect(await screen.findByText('“成交数”的值 -3 不能小于 0')).toBeTruthy();
    expect(row('张三').getAttribute('data-dirty')).toBe('true');
    expect(input('张三 成交数').value).toBe('-3');
    expect(within(row('张三')).getByTestId('row-save')).toBeTruthy();
  });

  it('shows the server’s refusal of a value on its cell', async () => {
    const { user } = setUp({
      [`PUT ${CYCLE}/participants/p1/actuals`]: apiError(400, 'validation_failed', '请求有误', [{ path: ['body', 'values', '成交数'], code: 'too_small', message: '不能小于 0' }]),
    });
    await screen.findByTestId('actuals-grid');

    await user.type(input('张三 成交数'), '-3');
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));

    await waitFor(() => expect(input('张三 成交数').getAttribute('aria-invalid')).toBe('true'));
    await user.hover(input('张三 成交数'));
    expect((await screen.findByRole('tooltip')).textContent).toBe('不能小于 0');
    expect(input('张三 线索数').getAttribute('aria-invalid')).toBeNull();
  });

  // `onError: (e) => message.error(…, 8)` returned antd's message handle, a thenable TanStack Query
  // awaits until the message closes: after a refused save the row's button spun for 8 s and no row
  // could be saved (the same in 18 mutations; now `void message.error(…)`)
  it('lets the row be saved again at once after a refusal', async () => {
    const { user } = setUp({
      [`PUT ${CYCLE}/participants/p1/actuals`]: apiError(400, 'validation_failed', '“成交数”的值 -3 不能小于 0'),
    });
    await screen.findByTestId('actuals-grid');
    await user.type(input('张三 成交数'), '-3');
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));
    await screen.findByText('“成交数”的值 -3 不能小于 0');

    expect(await within(row('张三')).findByRole('button', { name: t('common.save') }, { timeout: 1_500 })).toBeTruthy();
  });

  it('marks an indicator not applicable (its values locked) and sends the list', async () => {
    const { net, user } = setUp({ [`PUT ${CYCLE}/participants/p1/actuals`]: () => participant('p1', '张三', { notApplicable: ['conv'] }) });
    await screen.findByTestId('actuals-grid');

    await user.click(screen.getByRole('checkbox', { name: t('cycles.grid.naLabel', { name: '张三', indicator: '转化率' }) }));
    expect(input('张三 成交数').disabled).toBe(true);
    expect(input('张三 线索数').disabled).toBe(true);
    expect(input('张三 销售额').disabled).toBe(false);
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));

    await waitFor(() => expect(net.last(`PUT ${CYCLE}/participants/p1/actuals`)?.body).toEqual({ values: {}, notApplicable: ['conv'] }));
  });

  it('sends the manager’s rating of a manual indicator, then reads the participant again', async () => {
    const rated = participant('p1', '张三', { result: { status: 'complete', total: 88, grade: 'B' } as ParticipantDetail['result'] });
    const { net, user } = setUp({ [`PUT ${CYCLE}/participants/p1/ratings/attitude/manager`]: { ok: true } });
    await screen.findByTestId('actuals-grid');
    // the self-rating is shown beside the manager's choice
    expect(within(row('张三')).getByText(t('cycles.grid.selfWas', { rating: 4 }))).toBeTruthy();

    net.on(`GET ${CYCLE}/participants/p1`, rated);
    await user.click(screen.getByRole('combobox', { name: t('cycles.grid.ratingLabel', { name: '张三', indicator: '工作态度' }) }));
    await user.click(await screen.findByTitle('4'));
    await user.click(within(row('张三')).getByRole('button', { name: t('common.save') }));

    expect(await screen.findByText(t('cycles.grid.saved', { name: '张三', total: '88.00' }))).toBeTruthy();
    expect(net.last(`PUT ${CYCLE}/participants/p1/ratings/attitude/manager`)?.body).toEqual({ rating: 4 });
    // nothing typed: no actuals are written
    expect(net.callsTo(`PUT ${CYCLE}/participants/p1/actuals`)).toHaveLength(0);
  });
});
