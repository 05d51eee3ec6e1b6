import { ArrowRightOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, InputNumber, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail, WhatIfResult } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { cyclesApi } from './cycles-api.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';

type Mode = 'actual' | 'target';

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;

/**
 * 假设分析 (what-if): change one indicator's actual or target and see the new total and why,
 * from the API's answer. Nothing is saved; the panel says so.
 */
export default function WhatIfCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const indicators = d.result.indicators.filter((i) => !i.notApplicable);
  const [key, setKey] = useState<string | undefined>(indicators[0]?.key);
  const [mode, setMode] = useState<Mode>('actual');
  const [value, setValue] = useState<number | null>(null);
  const selected = d.result.indicators.find((i) => i.key === key);
  const manual = selected?.rule === 'manual';
  const current = mode === 'actual' ? (selected?.actual ?? null) : (selected?.target ?? null);
  const run = useMutation({
    mutationFn: () => cyclesApi.whatIf(ws, d.cycleId, d.id, mode === 'actual' ? { key: key!, actual: value } : { key: key!, target: value ?? undefined }),
  });
  const pick = (k: string) => {
    setKey(k);
    setValue(null);
    run.reset();
    if (d.result.indicators.find((i) => i.key === k)?.rule === 'manual') setMode('actual');
  };
  const r: WhatIfResult | undefined = run.data;

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
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <div>
          <div style={{ fontSize: 12, marginBottom: 4 }}>{t('score.indicator')}</div>
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
          <div style={{ fontSize: 12, marginBottom: 4 }}>
            {t('cycles.whatIf.now', { value: current === null ? '—' : String(current) })}
          </div>
          <InputNumber
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : null)}
            onPressEnter={() => key && value !== null && run.mutate()}
            placeholder={current === null ? '' : String(current)}
            style={{ width: 180 }}
            aria-label={t('cycles.whatIf.newValue')}
            data-testid="whatif-value"
          />
        </div>
        <Button type="primary" disabled={!key || value === null} loading={run.isPending} onClick={() => run.mutate()} data-testid="whatif-run">
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
      {r && (
        <div data-testid="whatif-result">
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cycles.whatIf.notSavedLong')} />
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} md={10}>
              <Space size="middle" align="center" wrap>
                <div>
                  <Typography.Text type="secondary">{t('cycles.whatIf.before')}</Typography.Text>
                  <div style={{ fontSize: 24 }} data-testid="whatif-before-total">
                    {fmtTotal(r.before.total)} <GradeTag grade={r.before.grade} />
                  </div>
                </div>
                <ArrowRightOutlined />
                <div>
                  <Typography.Text type="secondary">{t('cycles.whatIf.after')}</Typography.Text>
                  <div style={{ fontSize: 24, fontWeight: 600 }} data-testid="whatif-after-total">
                    {fmtTotal(r.after.total)} <GradeTag grade={r.after.grade} />
                  </div>
                </div>
                {r.totalDelta !== null ? (
                  <Tag color={r.totalDelta > 0 ? 'green' : r.totalDelta < 0 ? 'red' : 'default'} style={{ fontSize: 16, padding: '2px 8px' }} data-testid="whatif-delta">
                    {signed(r.totalDelta)}
                  </Tag>
                ) : (
                  <Space direction="vertical" size={0}>
                    <StatusTag status={r.after.status} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="whatif-no-delta">
                      {t('cycles.whatIf.noTotal')}
                    </Typography.Text>
                  </Space>
                )}
              </Space>
            </Col>
            <Col xs={24} md={14}>
              <Typography.Text strong>{t('cycles.whatIf.causes')}</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="whatif-causes">
                {r.causes.map((c, i) => (
                  <li key={i} data-code={c.code}>
                    {c.message[lang]}
                  </li>
                ))}
              </ul>
            </Col>
          </Row>
          {r.indicators.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={r.indicators}
              columns={[
                { title: t('score.indicator'), dataIndex: 'name' },
                { title: t('score.achievement'), key: 'r', render: (_, i) => `${pctOrDash(i.before.achievement)} → ${pctOrDash(i.after.achievement)}` },
                { title: t('score.points'), key: 'p', render: (_, i) => `${fmtTotal(i.before.points)} → ${fmtTotal(i.after.points)}` },
                {
                  title: t('cycles.whatIf.pointsDelta'),
                  dataIndex: 'pointsDelta',
                  align: 'right',
                  render: (x: number | null) => (x === null ? '—' : <Typography.Text type={x > 0 ? 'success' : x < 0 ? 'danger' : undefined}>{signed(x)}</Typography.Text>),
                },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}

const pctOrDash = (x: number | null) => (x === null ? '—' : `${Math.round(x * 10000) / 100}%`);
