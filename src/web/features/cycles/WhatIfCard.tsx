import { ExperimentOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { fontSize, space } from '../../theme.ts';
import { useWhatIf } from './cycles-queries.ts';
import WhatIfResultView from './WhatIfResultView.tsx';

type Mode = 'actual' | 'target';

/**
 * 假设分析 (what-if): change one indicator's actual or target and see the new total and why,
 * from the API's answer. Nothing is saved; the panel says so.
 */
export default function WhatIfCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const indicators = d.result.indicators.filter((i) => !i.notApplicable);
  const [key, setKey] = useState<string | undefined>(indicators[0]?.key);
  const [mode, setMode] = useState<Mode>('actual');
  const [value, setValue] = useState<number | null>(null);
  const selected = d.result.indicators.find((i) => i.key === key);
  const manual = selected?.rule === 'manual';
  const current = mode === 'actual' ? (selected?.actual ?? null) : (selected?.target ?? null);
  const run = useWhatIf(ws, d.cycleId, d.id);
  const runNow = () => run.mutate(mode === 'actual' ? { key: key!, actual: value } : { key: key!, target: value ?? undefined });
  const pick = (k: string) => {
    setKey(k);
    setValue(null);
    run.reset();
    if (d.result.indicators.find((i) => i.key === k)?.rule === 'manual') setMode('actual');
  };
  const r = run.data;
  const label = { fontSize: fontSize.caption, marginBottom: space.xs };

  return (
    <Card
      title={
        <Space>
          <ExperimentOutlined />
          {t('cycles.whatIf.title')}
          <Tag color="gold" data-testid="whatif-not-saved">
            {t('cycles.whatIf.notSaved')}
          </Tag>
        </Space>
      }
      data-testid="whatif-card"
    >
      <Typography.Paragraph type="secondary">{t('cycles.whatIf.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: space.lg }}>
        <div>
          <div style={label}>{t('score.indicator')}</div>
          <Select
            value={key}
            onChange={pick}
            options={indicators.map((i) => ({ value: i.key, label: i.name }))}
            style={{ width: 200 }}
            aria-label={t('score.indicator')}
            data-testid="whatif-indicator"
          />
        </div>
        <Segmented<Mode>
          value={mode}
          onChange={(m) => {
            setMode(m);
            setValue(null);
            run.reset();
          }}
          options={[
            { value: 'actual', label: manual ? t('cycles.whatIf.rating') : t('score.actual') },
            { value: 'target', label: t('score.target'), disabled: manual },
          ]}
          data-testid="whatif-mode"
        />
        <div>
          <div style={label}>{t('cycles.whatIf.now', { value: current === null ? '—' : String(current) })}</div>
          <InputNumber
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : null)}
            onPressEnter={() => key && value !== null && runNow()}
            placeholder={current === null ? '' : String(current)}
            style={{ width: 180 }}
            aria-label={t('cycles.whatIf.newValue')}
            data-testid="whatif-value"
          />
        </div>
        <Button type="primary" disabled={!key || value === null} loading={run.isPending} onClick={runNow} data-testid="whatif-run">
          {t('cycles.whatIf.run')}
        </Button>
        {r && (
          <Button
            onClick={() => {
              run.reset();
              setValue(null);
            }}
            data-testid="whatif-clear"
          >
            {t('cycles.whatIf.clear')}
          </Button>
        )}
      </Space>
      <FormAlert error={run.error} />
      {r && <WhatIfResultView r={r} />}
    </Card>
  );
}
