import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import FormButtons from '../../components/FormButtons.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { applyServerErrors } from '../../components/form-utils.ts';
import type { CycleSettings } from './cycles-api.ts';
import { useReloadCycle, useSaveCycle } from './cycles-queries.ts';

type Kind = Cycle['periodKind'];
type Values = { kind: Kind; period?: Dayjs; name?: string; trial: boolean; sMax?: number | null; aMax?: number | null };

/** The period label the API takes: 2026-11, 2026-Q4 or 2026. */
export function periodLabelOf(kind: Kind, d: Dayjs): string {
  if (kind === 'year') return String(d.year());
  if (kind === 'quarter') return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}

const shareOf = (limits: Cycle['forcedDistribution'], grade: string) => {
  const share = limits.find((l) => l.grade === grade)?.maxShare;
  return share === undefined ? null : Math.round(share * 1000) / 10;
};

/** What the form saves: the name, trial and the S/A limits (limits of other grades, set over the API, are kept as they are). */
function settingsOf(v: Values, cycle: Cycle | null): CycleSettings {
  const forcedDistribution = [
    ...(v.sMax === null || v.sMax === undefined ? [] : [{ grade: 'S', maxShare: v.sMax / 100 }]),
    ...(v.aMax === null || v.aMax === undefined ? [] : [{ grade: 'A', maxShare: v.aMax / 100 }]),
  ];
  const others = (cycle?.forcedDistribution ?? []).filter((l) => l.grade !== 'S' && l.grade !== 'A');
  return { name: v.name?.trim() || undefined, trial: v.trial, forcedDistribution: [...forcedDistribution, ...others] };
}

/** The settings of a cycle as the form edits them. */
const valuesOf = (cycle: Cycle | null, kind: Kind): Values => ({
  kind,
  period: dayjs().startOf('month'),
  name: cycle?.name,
  trial: cycle?.trial ?? false,
  sMax: cycle ? shareOf(cycle.forcedDistribution, 'S') : null,
  aMax: cycle ? shareOf(cycle.forcedDistribution, 'A') : null,
});

/**
 * New cycle (period, name, trial, forced distribution) or, with `cycle`, its settings (the
 * period is fixed once created). Closes with the created or saved cycle.
 */
export default function CycleFormModal({ ws, cycle, onClose }: { ws: string; cycle: Cycle | null; onClose: (saved?: Cycle) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<Kind>(cycle?.periodKind ?? 'month');
  const save = useSaveCycle(ws, cycle?.id);
  const stale = useStaleVersion(cycle?.version);
  const reload = useReloadCycle(ws);
  const reloadCycle = async (id: string) => (save.reset(), form.setFieldsValue(valuesOf(await reload(id), kind)));
  const submit = (v: Values, version = stale.version) =>
    save.mutate(
      { periodLabel: cycle ? undefined : periodLabelOf(v.kind, v.period!), settings: { ...settingsOf(v, cycle), ...(cycle ? { version } : {}) } },
      {
        onSuccess: (saved) => {
          message.success(cycle ? t('cycles.saved') : t('cycles.created', { name: saved.name }));
          onClose(saved);
        },
        onError: (e) => (cycle && stale.offer(e, { reload: () => reloadCycle(cycle.id), reapply: (current) => submit(v, current) })) || applyServerErrors(form, e),
      },
    );

  const picker = kind === 'month' ? 'month' : kind === 'quarter' ? 'quarter' : 'year';
  const period = Form.useWatch('period', form);
  return (
    <Modal open title={cycle ? t('cycles.settingsTitle', { name: cycle.name }) : t('cycles.createTitle')} onCancel={() => onClose()} footer={null} destroyOnHidden width={560}>
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="cycle-form"
        initialValues={valuesOf(cycle, kind)}
        onFinish={(v) => submit(v)}
      >
        {cycle ? (
          <Form.Item label={t('cycles.period')}>
            <Typography.Text strong>{cycle.periodLabel}</Typography.Text>
          </Form.Item>
        ) : (
          <>
            <Form.Item name="kind" label={t('cycles.periodKind')}>
              <Radio.Group
                optionType="button"
                onChange={(e) => setKind(e.target.value as Kind)}
                options={(['month', 'quarter', 'year'] as const).map((k) => ({ value: k, label: t(`cycles.periodKinds.${k}`) }))}
                data-testid="cycle-kind"
              />
            </Form.Item>
            <Form.Item
              name="period"
              label={t('cycles.period')}
              rules={[{ required: true, message: t('field.required') }]}
              extra={period ? t('cycles.periodLabelIs', { label: periodLabelOf(kind, period) }) : undefined}
            >
              <DatePicker picker={picker} allowClear={false} style={{ width: 220 }} data-testid="cycle-period" />
            </Form.Item>
          </>
        )}
        <Form.Item name="name" label={t('cycles.name')} extra={cycle ? undefined : t('cycles.nameHelp')}>
          <Input maxLength={100} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="trial" label={t('cycles.trial')} valuePropName="checked" extra={t('cycles.trialHint')}>
          <Switch data-testid="cycle-trial-switch" />
        </Form.Item>
        <Form.Item label={t('cycles.forcedDistribution')} extra={t('cycles.forcedDistributionHelp')}>
          <Space wrap>
            <Form.Item name="sMax" noStyle>
              <InputNumber min={0} max={100} prefix="S ≤" suffix="%" style={{ width: 140 }} data-testid="cycle-s-max" />
            </Form.Item>
            <Form.Item name="aMax" noStyle>
              <InputNumber min={0} max={100} prefix="A ≤" suffix="%" style={{ width: 140 }} data-testid="cycle-a-max" />
            </Form.Item>
          </Space>
        </Form.Item>
        <FormAlert error={save.error} />
        <StaleVersionDialog {...stale.dialog} />
        <FormButtons onCancel={() => onClose()} loading={save.isPending} testId="cycle-form-submit" submitLabel={cycle ? t('common.save') : t('cycles.createSubmit')} />
      </Form>
    </Modal>
  );
}
