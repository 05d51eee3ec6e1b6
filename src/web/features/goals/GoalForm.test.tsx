import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Indicator, Me } from '../../api.ts';
import { apiError, type StubRequest, stubApi } from '../../testing/network.ts';
import { renderInApp, t } from '../../testing/render.tsx';
import { workspaceSummary } from '../../testing/workspace.ts';
import { meKey } from '../auth/auth-queries.ts';
import GoalForm from './GoalForm.tsx';
import type { Plan, SmartCheckBody, SmartMessage } from './goals-api.ts';

const PLAN = '22222222-2222-4222-8222-222222222222';
const INDICATOR = '33333333-3333-4333-8333-333333333333';
const SMART = 'POST /workspaces/acme/goals/smart-check';
const CREATE = 'POST /workspaces/acme/goals';

const plan = {
  id: PLAN,
  name: '2027 年度经营计划',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  phases: [{ id: 'ph1', name: '上半年冲刺', startsOn: '2027-01-01', endsOn: '2027-06-30' }],
} as unknown as Plan;
const indicator = { id: INDICATOR, key: 'sales', name: '销售额', nameEn: 'Sales', unit: '元', rollUp: 'sum' } as unknown as Indicator;
// an administrator of a team workspace: every owner kind may be chosen
const me = { user: { id: 'u1', name: '管理员' }, csrfToken: 'csrf', workspaces: [workspaceSummary('admin')] } as unknown as Me;

const vague: SmartMessage = {
  letter: 'S',
  code: 'smart.vague_statement',
  path: ['statement'],
  params: {},
  message: { 'zh-CN': '目标描述太笼统：写明做什么、做到多少', en: 'Too vague' },
};

/** The SMART check as the server answers it: a short statement is vague; otherwise all good. */
const smartCheck = (r: StubRequest) => ({ messages: ((r.body as SmartCheckBody).statement ?? '').length < 8 ? [vague] : [], history: [], suggestion: null });

function setUp(routes: Record<string, unknown> = {}) {
  const net = stubApi({
    'GET /workspaces/acme/units': [],
    'GET /workspaces/acme/indicators': { items: [indicator], total: 1, page: 1, pageSize: 200 },
    [SMART]: smartCheck,
    ...routes,
  });
  const onClose = vi.fn();
  const view = renderInApp(<GoalForm ws="acme" plan={plan} onClose={onClose} />, { route: `/w/acme/plans/${PLAN}`, cache: [[meKey, me]] });
  return { net, onClose, ...view };
}

const create = () => screen.getByRole('button', { name: t('common.create') });
/** Fills what a goal needs: a statement, the indicator, a target and where it comes from. */
async function fill(user: ReturnType<typeof setUp>['user'], statement = '2027 年华东区销售额达到 1,000,000 元') {
  // pasted: each keystroke re-renders the whole form, and the typing is another test's subject
  await user.click(screen.getByLabelText(t('goals.form.statement')));
  await user.paste(statement);
  await user.click(screen.getByLabelText(t('goals.form.indicator')));
  await user.click(await screen.findByTitle(t('common.withNote', { text: '销售额', note: '元' })));
  await user.type(screen.getByLabelText(t('goals.form.target')), '1000000');
  await user.click(screen.getByLabelText(t('goals.form.source')));
  await user.click(await screen.findByTitle(t('goals.source.strategy')));
}

describe('GoalForm', () => {
  it('refuses to create a goal without its required fields, saying which', async () => {
    const { net, user, onClose } = setUp();
    await screen.findByText(t('goals.form.createTitle'));

    await user.click(create());

    await waitFor(() => expect(screen.getAllByText(t('field.required'))).toHaveLength(4));
    const form = screen.getByTestId('goal-form');
    for (const label of ['goals.form.statement', 'goals.form.indicator', 'goals.form.target', 'goals.form.source']) {
      const item = within(form).getByText(t(label)).closest('.ant-form-item') as HTMLElement;
      expect(within(item).getByText(t('field.required'))).toBeTruthy();
    }
    expect(net.callsTo(CREATE)).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('gives SMART feedback on the statement as it is typed', async () => {
    const { user } = setUp();
    await screen.findByText(t('goals.form.createTitle'));

    await user.type(screen.getByLabelText(t('goals.form.statement')), '多卖点');

    expect(await screen.findByText('目标描述太笼统：写明做什么、做到多少')).toBeTruthy();
    expect(screen.getByTestId('smart-letter-S').getAttribute('data-state')).toBe('fail');
    expect(screen.getByTestId('smart-letter-M').getAttribute('data-state')).toBe('pass');

    await user.clear(screen.getByLabelText(t('goals.form.statement')));
    await user.type(screen.getByLabelText(t('goals.form.statement')), '华东区销售额达到一百万元');
    expect(await screen.findByText(t('goals.smart.allGood'))).toBeTruthy();
    expect(screen.getByTestId('smart-letter-S').getAttribute('data-state')).toBe('pass');
  });

  it('creates the goal with the body the API expects, then closes with it', async () => {
    const saved = { id: 'g1', statement: '2027 年华东区销售额达到 1,000,000 元' };
    const { net, user, onClose } = setUp({ [CREATE]: { status: 201, body: saved } });
    await screen.findByText(t('goals.form.createTitle'));

    await fill(user);
    await user.click(create());

    await waitFor(() => expect(onClose).toHaveBeenCalledWith(saved));
    expect(net.last(CREATE)?.body).toEqual({
      planId: PLAN,
      owner: { kind: 'company' },
      statement: '2027 年华东区销售额达到 1,000,000 元',
      indicatorId: INDICATOR,
      baseline: null,
      target: 1000000,
      startsOn: '2027-01-01',
      deadline: '2027-12-31',
      phaseId: null,
      source: 'strategy',
      parentId: null,
      sourceNote: '',
      recurrence: null,
      periodTargets: [],
    });
    expect(await screen.findByText(t('goals.form.created'))).toBeTruthy();
  });

  it('takes the dates of the phase chosen', async () => {
    const { net, user, onClose } = setUp({ [CREATE]: { status: 201, body: { id: 'g1' } } });
    await screen.findByText(t('goals.form.createTitle'));

    await fill(user);
    await user.click(screen.getByLabelText(t('goals.form.phase')));
    await user.click(await screen.findByTitle('上半年冲刺'));
    await user.click(create());

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(net.last(CREATE)?.body).toMatchObject({ phaseId: 'ph1', startsOn: '2027-01-01', deadline: '2027-06-30' });
  });

  it('puts the server’s refusal on the field it is about and stays open', async () => {
    const { user, onClose } = setUp({
      [CREATE]: apiError(400, 'validation_failed', '请求有误', [{ path: ['body', 'target'], code: 'too_big', message: '目标值不能超过 1,000,000,000,000' }]),
    });
    await screen.findByText(t('goals.form.createTitle'));

    await fill(user);
    await user.click(create());

    const target = screen.getByLabelText(t('goals.form.target')).closest('.ant-form-item') as HTMLElement;
    expect(await within(target).findByText('目标值不能超过 1,000,000,000,000')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
