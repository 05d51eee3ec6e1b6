import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScorecardTemplate, TargetGrid } from '../../api.ts';
import { apiError, stubApi } from '../../testing/network.ts';
import { renderInApp, t } from '../../testing/render.tsx';
import TargetsPanel from './TargetsPanel.tsx';

const POSITION = '11111111-1111-4111-8111-111111111111';
const TARGETS = 'GET /workspaces/acme/scorecard-templates/t1/targets';
const SAVE = 'PUT /workspaces/acme/scorecard-templates/t1/targets';
const year = new Date().getFullYear();

// only what the panel reads of a template: its id and the positions it is assigned to
const template = { id: 't1', assignments: { positions: [{ id: POSITION, name: '销售代表' }] } } as unknown as ScorecardTemplate;

const grid = (values: TargetGrid['values'] = { sales: { Q1: 120000 } }): TargetGrid => ({
  year,
  ownerKind: 'position',
  ownerId: POSITION,
  ownerName: '销售代表',
  periods: ['Q1', 'Q2', 'Q3', 'Q4'],
  indicators: [
    { key: 'sales', name: '销售额', unit: '元', defaultTarget: 100000 },
    { key: 'visits', name: '拜访数', unit: null, defaultTarget: null },
  ],
  values,
  version: 1,
});

function setUp(routes: Record<string, unknown> = {}) {
  const net = stubApi({ 'GET /workspaces/acme/positions': [{ id: POSITION, name: '销售代表' }], [TARGETS]: grid(), ...routes });
  const view = renderInApp(<TargetsPanel ws="acme" template={template} readOnly={false} />);
  return { net, ...view };
}

const cell = (indicator: string, period: string) => screen.getByRole('textbox', { name: t('scorecards.cellLabel', { indicator, period }) }) as HTMLInputElement;
const saveButton = () => screen.getByRole('button', { name: t('scorecards.saveTargets') });

describe('TargetsPanel (the targets grid)', () => {
  it('shows the year grid of the first assigned position, stored targets grouped, defaults as placeholders', async () => {
    const { net } = setUp();

    await screen.findByTestId('targets-grid');
    expect(cell('销售额', 'Q1').value).toBe('120,000');
    expect(cell('销售额', 'Q2').value).toBe('');
    expect(cell('销售额', 'Q2').placeholder).toBe('100,000');
    expect(Object.fromEntries(net.last(TARGETS)!.query)).toEqual({ year: String(year), ownerKind: 'position', ownerId: POSITION });
    expect(saveButton().hasAttribute('disabled')).toBe(true);
  });

  it('saves only the changed cells, read as people write numbers (13万)', async () => {
    const { net, user } = setUp({ [SAVE]: grid({ sales: { Q1: 120000, Q2: 130000 }, visits: { Q1: 40 } }) });
    await screen.findByTestId('targets-grid');

    await user.type(cell('销售额', 'Q2'), '13万');
    await user.type(cell('拜访数', 'Q1'), '40');
    expect(screen.getByText(t('scorecards.changedCells', { count: 2 }))).toBeTruthy();
    await user.click(saveButton());

    expect(await screen.findByText(t('scorecards.targetsSaved'))).toBeTruthy();
    expect(net.last(SAVE)?.body).toEqual({ year, ownerKind: 'position', ownerId: POSITION, values: { sales: { Q2: 130000 }, visits: { Q1: 40 } }, version: 1 });
    // the grid shows what the server stored
    await waitFor(() => expect(cell('销售额', 'Q2').value).toBe('130,000'));
    expect(screen.queryByText(t('scorecards.changedCells', { count: 2 }))).toBeNull();
  });

  it('refuses a value that is not a number or not above zero, with the reason on the cell', async () => {
    const { net, user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.type(cell('拜访数', 'Q3'), 'abc');
    expect(saveButton().hasAttribute('disabled')).toBe(true);
    await user.hover(cell('拜访数', 'Q3'));
    expect(await screen.findByText(t('common.notANumber', { text: 'abc' }))).toBeTruthy();

    await user.type(cell('拜访数', 'Q4'), '-5');
    await user.hover(cell('拜访数', 'Q4'));
    expect(await screen.findByText(t('scorecards.mustBePositive'))).toBeTruthy();
    expect(saveButton().hasAttribute('disabled')).toBe(true);
    expect(net.callsTo(SAVE)).toHaveLength(0);
  });

  it('keeps a value that is not a number in its cell, marked, with the message on the cell', async () => {
    const { net, user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.type(cell('销售额', 'Q2'), '十二万');
    await user.keyboard('{Enter}');

    expect(cell('销售额', 'Q2').value).toBe('十二万');
    expect(cell('销售额', 'Q2').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(t('scorecards.changedCells', { count: 1 }))).toBeTruthy();
    expect(saveButton().hasAttribute('disabled')).toBe(true);
    await user.hover(cell('销售额', 'Q2'));
    expect((await screen.findByRole('tooltip')).textContent).toBe(t('common.notANumber', { text: '十二万' }));
    expect(net.callsTo(SAVE)).toHaveLength(0);
  });

  it('pastes a block copied from a spreadsheet from the cell it is pasted into', async () => {
    const { user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.click(cell('销售额', 'Q3'));
    await user.paste('150,000\t160000\n45\t50\n');

    expect(cell('销售额', 'Q3').value).toBe('150,000');
    expect(cell('销售额', 'Q4').value).toBe('160,000');
    expect(cell('拜访数', 'Q3').value).toBe('45');
    expect(cell('拜访数', 'Q4').value).toBe('50');
    expect(within(screen.getByTestId('paste-notice')).getByText(t('scorecards.pasted', { count: 4 }))).toBeTruthy();
  });

  it('pastes nothing when a pasted cell is not a number, and says which', async () => {
    const { user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.click(cell('销售额', 'Q1'));
    await user.paste('1\t2\n3\t约五十\n');

    expect(await screen.findByText(t('scorecards.pasteNotNumber', { row: 2, col: 2, text: '约五十' }))).toBeTruthy();
    expect(cell('销售额', 'Q1').value).toBe('120,000');
    expect(cell('拜访数', 'Q1').value).toBe('');
  });

  it('moves between cells with the keyboard and Escape undoes a cell', async () => {
    const { user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.click(cell('销售额', 'Q2'));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(cell('拜访数', 'Q2'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(cell('拜访数', 'Q3'));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(cell('销售额', 'Q3'));

    await user.keyboard('99');
    expect(cell('销售额', 'Q3').value).toBe('99');
    await user.keyboard('{Escape}');
    expect(cell('销售额', 'Q3').value).toBe('');
  });

  it('shows the server’s refusal by cell and keeps the edits', async () => {
    const { user } = setUp({
      [SAVE]: apiError(400, 'validation_failed', '请求有误', [{ path: ['body', 'values', 'sales', 'Q2'], code: 'too_big', message: '不能超过 1,000,000,000,000' }]),
    });
    await screen.findByTestId('targets-grid');

    await user.type(cell('销售额', 'Q2'), '9e15');
    await user.click(saveButton());

    const errors = await screen.findByTestId('targets-errors');
    expect(within(errors).getByText(t('scorecards.targetErrors', { count: 1 }))).toBeTruthy();
    expect(within(errors).getByRole('listitem').textContent).toBe(`${t('scorecards.cellLabel', { indicator: '销售额', period: 'Q2' })}${t('common.colon')}不能超过 1,000,000,000,000`);
    expect(cell('销售额', 'Q2').value).toBe('9e15');
    // and on the cell itself, until it is edited
    expect(cell('销售额', 'Q2').getAttribute('aria-invalid')).toBe('true');
    await user.hover(cell('销售额', 'Q2'));
    expect((await screen.findByRole('tooltip')).textContent).toBe('不能超过 1,000,000,000,000');
    await user.type(cell('销售额', 'Q2'), '{Backspace}4');
    expect(cell('销售额', 'Q2').getAttribute('aria-invalid')).toBeNull();
  });

  it('discards the edits', async () => {
    const { user } = setUp();
    await screen.findByTestId('targets-grid');

    await user.type(cell('拜访数', 'Q1'), 'x');
    await user.click(screen.getByRole('button', { name: t('scorecards.discard') }));

    expect(cell('拜访数', 'Q1').value).toBe('');
    expect(cell('拜访数', 'Q1').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByTestId('targets-changed')).toBeNull();
  });
});
