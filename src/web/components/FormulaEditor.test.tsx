import { screen, waitFor, within } from '@testing-library/react';
import { type ComponentProps, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { FormulaCheck } from '../api.ts';
import { apiError, type StubRequest, stubApi } from '../testing/network.ts';
import { endingWith, renderInApp, t } from '../testing/render.tsx';
import FormulaEditor from './FormulaEditor.tsx';

const CHECK = 'POST /workspaces/acme/indicators/check-formula';
const ok = (variables: string[], unusedTerms: string[] = []): FormulaCheck => ({ ok: true, variables, diagnostics: [], unusedTerms });

/** The editor as the indicator form holds it: the formula in state, the term names beside it. */
function Editor({ initial = '', ...props }: Partial<ComponentProps<typeof FormulaEditor>> & { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <FormulaEditor ws="acme" termNames={['销售额', '销售目标']} {...props} value={value} onChange={setValue} />;
}

const input = () => screen.getByPlaceholderText(t('indicators.formulaPlaceholder'));

describe('FormulaEditor', () => {
  it('checks the typed formula against the term names and says it is correct', async () => {
    const net = stubApi({ [CHECK]: ok(['销售额', '销售目标']) });
    const { user } = renderInApp(<Editor />);

    await user.type(input(), '销售额/销售目标');

    expect(await screen.findByText(t('indicators.formulaOk'))).toBeTruthy();
    // one check for the whole formula, not one per keystroke (debounced)
    expect(net.callsTo(CHECK)).toHaveLength(1);
    expect(net.last(CHECK)?.body).toEqual({ formula: '销售额/销售目标', terms: ['销售额', '销售目标'] });
    expect(net.unhandled).toEqual([]);
  });

  it('shows a syntax error with its message and its position in the formula', async () => {
    stubApi({
      [CHECK]: {
        ok: false,
        variables: ['销售额'],
        unusedTerms: [],
        diagnostics: [{ severity: 'error', code: 'formula.unexpected_end', start: 4, end: 4, message: '公式在这里意外结束：缺少一个数或名称' }],
      },
    });
    const { user } = renderInApp(<Editor termNames={['销售额']} />);

    await user.type(input(), '销售额 +');

    const problem = await screen.findByTestId('formula-diagnostic');
    expect(within(problem).getByText(t('indicators.error'))).toBeTruthy();
    expect(within(problem).getByText('公式在这里意外结束：缺少一个数或名称')).toBeTruthy();
    // positions are counted from 1 for people; an empty range still marks one character
    expect(within(problem).getByText(`(${t('indicators.position', { start: 5, end: 5 })})`)).toBeTruthy();
    expect(screen.queryByText(t('indicators.formulaOk'))).toBeNull();
    // the place is underlined in the preview under the input
    expect(screen.getByTestId('formula-underline').getAttribute('data-severity')).toBe('error');
  });

  it('offers the term names that match the word being typed, and inserts the one picked', async () => {
    stubApi({ [CHECK]: (r: StubRequest) => ok([(r.body as { formula: string }).formula]) });
    const { user } = renderInApp(<Editor />);

    await user.type(input(), '目标');

    const offered = await screen.findAllByTestId('formula-option');
    expect(offered.map((o) => o.textContent)).toEqual(['销售目标']);
    await user.click(offered[0]);
    expect((input() as HTMLInputElement).value).toBe('销售目标');
  });

  it('replaces a misspelt name with the suggested one in one click', async () => {
    stubApi({
      [CHECK]: (r: StubRequest) =>
        (r.body as { formula: string }).formula === '销售/销售目标'
          ? {
              ok: false,
              variables: ['销售', '销售目标'],
              unusedTerms: [],
              diagnostics: [{ severity: 'error', code: 'formula.unknown_name', start: 0, end: 2, message: '“销售”不是已定义的数据项', suggestion: '销售额' }],
            }
          : ok(['销售额', '销售目标']),
    });
    const { user } = renderInApp(<Editor />);

    await user.type(input(), '销售/销售目标');
    await user.click(await screen.findByRole('button', { name: t('indicators.didYouMean', { name: '销售额' }) }));

    expect((input() as HTMLInputElement).value).toBe('销售额/销售目标');
    expect(await screen.findByText(t('indicators.formulaOk'))).toBeTruthy();
  });

  it('recognises names that have no term yet and adds one on request; lists the terms not used', async () => {
    stubApi({ [CHECK]: ok(['回款额', '销售额'], ['销售目标']) });
    const onAddTerm = vi.fn();
    const { user } = renderInApp(<Editor initial="回款额/销售额" onAddTerm={onAddTerm} />);

    const add = await screen.findByRole('button', { name: endingWith(t('indicators.addTermFor', { name: '回款额' })) });
    // a name that has a term is not offered
    expect(screen.queryByRole('button', { name: endingWith(t('indicators.addTermFor', { name: '销售额' })) })).toBeNull();
    expect(screen.getByText(t('indicators.unusedTerms', { names: '销售目标' }))).toBeTruthy();
    await user.click(add);
    expect(onAddTerm).toHaveBeenCalledWith('回款额');
  });

  // the check itself failing (no answer to show) once left the status on "checking…" for ever
  it('says why the check could not run when the server fails', async () => {
    stubApi({ [CHECK]: apiError(500, 'internal', '服务器内部错误，请稍后重试') });
    renderInApp(<Editor initial="销售额/销售目标" />);

    expect(await screen.findByText('服务器内部错误，请稍后重试', {}, { timeout: 1_500 })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('formula-status').getAttribute('data-state')).toBe('problems'));
    expect(screen.queryByText(t('indicators.formulaOk'))).toBeNull();
  });
});
