import { App, Col, Form, type InputRef, Row } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ambition } from '../../../core/goals/types.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormDrawer from '../../components/FormDrawer.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyNestedServerErrors } from '../../components/form-utils.ts';
import { useCurrentWorkspace } from '../auth/session.ts';
import { useIndicators } from '../indicators/indicators-queries.ts';
import { useUnits } from '../org/org-queries.ts';
import { subtreeIds } from '../org/unit-tree.ts';
import { changesTarget, createBodyOf, type GoalPrefill, goalFormPath, type GoalValues, goalValuesOf, newGoalValues, periodTargetsOf, updateBodyOf } from './goal-form.ts';
import GoalFields from './GoalFields.tsx';
import type { Goal, Plan } from './goals-api.ts';
import { useReloadGoals, useSaveGoal } from './goals-queries.ts';
import { withFormPaths } from './server-errors.ts';
import { fieldOf } from './SmartHints.tsx';
import SmartPanel from './SmartPanel.tsx';
import { usePeriodTargets } from './use-period-targets.ts';
import { useSmartCheck } from './use-smart-check.ts';

const FIELDS = ['ownerKind', 'unitId', 'personId', 'statement', 'indicatorId', 'baseline', 'target', 'recurrence', 'periodTargets', 'startsOn', 'deadline', 'phaseId', 'source', 'parentId', 'sourceNote'];

type Props = {
  ws: string;
  plan: Plan;
  /** The goal to edit; none to create one. */
  goal?: Goal | null;
  prefill?: GoalPrefill;
  /** The parent's owner when adding a child goal: the owner choices sit below it. */
  parentOwner?: Goal['owner'] | null;
  onClose: (saved?: Goal) => void;
};

/** Create or edit a goal, with the SMART check and a target suggestion beside it as it is typed. */
export default function GoalForm({ ws, plan, goal = null, prefill, parentOwner, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { isAdmin, personId, summary } = useCurrentWorkspace();
  const [form] = Form.useForm<GoalValues>();
  const statementRef = useRef<InputRef>(null);
  const units = useUnits(ws);
  const indicators = useIndicators(ws, { status: 'active', pageSize: 200 });
  const values = Form.useWatch([], { form, preserve: true }) as GoalValues | undefined;
  const [ambition, setAmbition] = useState<Ambition>('moderate');
  const initialValues = goal ? goalValuesOf(goal) : newGoalValues(plan, prefill);
  const { additive, follow } = usePeriodTargets(form, goal, indicators.data?.items, initialValues, values?.indicatorId);
  const smart = useSmartCheck(ws, plan.id, goal?.id, values, ambition, additive);
  const needsReason = changesTarget(goal, values, additive);
  // before the plan begins a target may still move freely; after, the change needs its reason (the server's rule)
  const reasonRequired = needsReason && dayjs().format('YYYY-MM-DD') >= plan.startsOn;

  const unitList = units.data ?? [];
  // managers set goals for the units they lead and below (a scope, canManageGoal's, which no action names: by role); a child goal for a unit sits below its parent's unit
  const selectableUnitIds = useMemo(() => {
    const scope = isAdmin ? null : subtreeIds(unitList, unitList.filter((u) => u.leadPersonId === personId).map((u) => u.id));
    if (parentOwner?.kind !== 'unit' || !parentOwner.id) return scope;
    const below = subtreeIds(unitList, [parentOwner.id]);
    below.delete(parentOwner.id);
    return scope ? new Set([...below].filter((id) => scope.has(id))) : below;
  }, [isAdmin, personId, unitList, parentOwner]);
  const cascade = parentOwner ? (parentOwner.kind === 'person' ? (['person'] as const) : (['unit', 'person'] as const)) : (['company', 'unit', 'person'] as const);
  // a solo seller's workspace has no departments to own goals
  const ownerKinds = summary?.kind === 'solo' ? cascade.filter((k) => k !== 'unit') : cascade;

  const messages = smart.data?.messages ?? [];
  const hints = (field: string) => messages.filter((m) => fieldOf(m) === field);
  const elsewhere = messages.filter((m) => !FIELDS.includes(fieldOf(m)));
  const unit = indicators.data?.items.find((i) => i.id === values?.indicatorId)?.unit ?? '';

  const save = useSaveGoal(ws);
  const stale = useStaleVersion(goal?.version);
  const reload = useReloadGoals(ws);
  // someone else's change meanwhile: the dialog offers the latest goal in the form, or this edit saved over it
  const reloadGoal = async (id: string) => {
    save.reset();
    const fresh = await reload.goal(id);
    form.resetFields();
    form.setFieldsValue(goalValuesOf(fresh));
  };
  const submit = (v: GoalValues, version = stale.version) =>
    save.mutate(goal ? { id: goal.id, body: { ...updateBodyOf(v, needsReason, additive), version } } : { body: createBodyOf(plan.id, v, additive) }, {
      onSuccess: (saved) => {
        message.success(goal ? t('goals.form.saved') : t('goals.form.created'));
        onClose(saved);
      },
      // a period's target is sent as the i-th of those that differ: its error goes back to the period's own field
      onError: (e) =>
        (goal && stale.offer(e, { reload: () => reloadGoal(goal.id), reapply: (current) => submit(v, current) })) ||
        applyNestedServerErrors(form, withFormPaths(e, (path) => goalFormPath(path, periodTargetsOf(v, additive)))),
    });

  const onValuesChange = (changed: Partial<GoalValues>) => {
    // a phase has its own dates: a goal of the phase starts and ends with it
    if (changed.phaseId) {
      const phase = plan.phases.find((ph) => ph.id === changed.phaseId);
      if (phase) form.setFieldsValue({ startsOn: dayjs(phase.startsOn), deadline: dayjs(phase.endsOn) });
    }
    follow(changed);
  };

  return (
    <FormDrawer
      form={form}
      onClose={() => onClose()}
      width={1040}
      title={goal ? t('goals.form.editTitle') : prefill?.parentStatement ? t('goals.form.childTitle', { parent: prefill.parentStatement }) : t('goals.form.createTitle')}
      afterOpenChange={(open) => open && statementRef.current?.focus()}
      data-testid="goal-form-drawer"
      saving={save.isPending}
      submitLabel={goal ? t('common.save') : t('common.create')}
      submitTestId="goal-submit"
    >
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Form<GoalValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => submit(v)} onValuesChange={onValuesChange} scrollToFirstError data-testid="goal-form">
            <GoalFields
              ws={ws}
              plan={plan}
              values={values}
              hints={hints}
              units={unitList}
              indicators={indicators.data?.items ?? []}
              indicatorsLoading={indicators.isPending}
              ownerKinds={ownerKinds}
              selectableUnitIds={selectableUnitIds}
              personLabel={goal?.owner.kind === 'person' ? goal.owner.name : undefined}
              parentLabel={prefill?.parentStatement}
              editingId={goal?.id}
              needsReason={needsReason}
              additive={additive}
              reasonRequired={reasonRequired}
              statementRef={statementRef}
            />
            <FormAlert error={save.error} />
            <StaleVersionDialog {...stale.dialog} />
          </Form>
        </Col>
        <Col xs={24} lg={10}>
          <SmartPanel smart={smart} elsewhere={elsewhere} ambition={ambition} onAmbition={setAmbition} onUse={(target) => (form.setFieldValue('target', target), follow({ target }))} unit={unit} indicatorId={values?.indicatorId} target={values?.target} />
        </Col>
      </Row>
    </FormDrawer>
  );
}

