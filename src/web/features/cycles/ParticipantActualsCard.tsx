import { InfoCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantDetail } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { usePutActuals } from './cycles-queries.ts';
import { fmtTotal } from './labels.tsx';
import { sameSet } from './participant-utils.ts';
import { groupDigits, ungroupDigits } from '../../components/number-input.ts';
import DataSourceTag, { fromData } from '../metrics/DataSourceTag.tsx';
import { space, tabularNums, text } from '../../theme.ts';

type Need = ParticipantDetail['termsNeeded'][number];

/** 录入实际值 for one participant (managers, open cycles): the terms of each indicator and its not-applicable switch. */
export default function ParticipantActualsCard({ ws, d }: { ws: string; d: ParticipantDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [na, setNa] = useState<string[] | null>(null);
  const saved = (term: string) => d.values.find((v) => v.term === term) ?? null;
  const currentNa = na ?? d.notApplicable;
  const changedValues = Object.fromEntries(Object.entries(values).filter(([term, v]) => v !== (saved(term)?.value ?? null)));
  const naChanged = na !== null && !sameSet(na, d.notApplicable);
  const dirty = Object.keys(changedValues).length > 0 || naChanged;

  const save = usePutActuals(ws, d.cycleId, d.id);
  const saveNow = () =>
    save.mutate(
      { values: changedValues, notApplicable: naChanged ? currentNa : undefined },
      {
        onSuccess: (detail) => {
          setValues({});
          setNa(null);
          message.success(
            detail.result.total === null ? t('cycles.grid.savedIncomplete', { name: detail.personName }) : t('cycles.grid.saved', { name: detail.personName, total: fmtTotal(detail.result.total) }),
          );
        },
      },
    );

  const rows = d.termsNeeded.filter((n) => !n.manual || d.canEdit.setNotApplicable);
  return (
    <Card
      title={t('cycles.entry.title')}
      data-testid="participant-actuals"
      extra={
        <Space>
          {dirty && (
            <Button onClick={() => (setValues({}), setNa(null))} data-testid="entry-reset">
              {t('cycles.entry.reset')}
            </Button>
          )}
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={saveNow} data-testid="entry-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <FormAlert error={save.error} />
      <Table<Need>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        onRow={(n) => ({ 'data-testid': 'entry-row', 'data-indicator': n.key }) as object}
        columns={[
          { title: t('score.indicator'), dataIndex: 'name', width: 160 },
          {
            title: t('cycles.entry.terms'),
            key: 'terms',
            render: (_, n) =>
              n.manual ? (
                <Typography.Text type="secondary">{t('cycles.entry.rated')}</Typography.Text>
              ) : (
                <Space direction="vertical" size={space.xs} style={{ width: '100%' }}>
                  {n.terms.map((term) => {
                    const s = saved(term);
                    const value = term in values ? values[term] : (s?.value ?? null);
                    // taken from a metric: read-only, with where it came from
                    if (fromData(s)) {
                      return (
                        <Space key={term} size={space.sm} data-testid="entry-from-data" data-term={term}>
                          {(n.terms.length > 1 || term !== n.key) && <span style={{ display: 'inline-block', width: 130 }}>{term}</span>}
                          <span style={{ display: 'inline-block', width: 160, paddingInline: space.md, ...tabularNums }}>{groupDigits(s.value)}</span>
                          <DataSourceTag lineage={s.lineage} />
                        </Space>
                      );
                    }
                    return (
                      <Space key={term} size={space.sm}>
                        {(n.terms.length > 1 || term !== n.key) && <span style={{ display: 'inline-block', width: 130 }}>{term}</span>}
                        <InputNumber
                          value={value}
                          disabled={currentNa.includes(n.key) || !d.canEdit.enterActuals}
                          onChange={(v) => setValues((all) => ({ ...all, [term]: typeof v === 'number' ? v : null }))}
                          onPressEnter={() => dirty && saveNow()}
                          formatter={groupDigits}
                          parser={ungroupDigits}
                          style={{ width: 160 }}
                          aria-label={term}
                          data-testid="entry-input"
                          data-term={term}
                        />
                        {s && (
                          <Tooltip title={`${t(`cycles.entry.sources.${s.source}`)} · ${t('cycles.entry.by', { name: s.updatedBy?.name ?? t('cycles.entry.system'), at: s.updatedAt.slice(0, 16).replace('T', ' ') })}`}>
                            <InfoCircleOutlined style={{ color: text.icon }} aria-label={t(`cycles.entry.sources.${s.source}`)} />
                          </Tooltip>
                        )}
                      </Space>
                    );
                  })}
                </Space>
              ),
          },
          {
            title: t('score.notApplicable'),
            key: 'na',
            width: 90,
            align: 'center',
            render: (_, n) => (
              <Switch
                size="small"
                checked={currentNa.includes(n.key)}
                disabled={!d.canEdit.setNotApplicable}
                onChange={(on) => setNa(on ? [...currentNa, n.key] : currentNa.filter((k) => k !== n.key))}
                aria-label={t('cycles.grid.naLabel', { name: d.personName, indicator: n.name })}
                data-testid="entry-na"
                data-indicator={n.key}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
