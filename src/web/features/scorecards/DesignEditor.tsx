import { Col, Empty, Form, Grid, Row, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import AddIndicator from './AddIndicator.tsx';
import type { CardDraft, IndicatorDraft } from './card-draft.ts';
import DesignCheck from './DesignCheck.tsx';
import GradesEditor from './GradesEditor.tsx';
import IndicatorDetails from './IndicatorDetails.tsx';
import { useIndicatorColumns } from './indicator-columns.tsx';
import { issuesAt, type LocatedIssue } from './issues.ts';
import MetaFields, { type Meta } from './MetaFields.tsx';

export type { Meta };

type Props = {
  ws: string;
  meta: Meta;
  onMeta: (patch: Partial<Meta>) => void;
  /** Errors of the name / description / period fields from the last save. */
  metaErrors: Partial<Record<keyof Meta, string>>;
  draft: CardDraft;
  onDraft: (update: (draft: CardDraft) => CardDraft) => void;
  issues: LocatedIssue[];
  checking: boolean;
  readOnly: boolean;
  periodLocked: boolean;
};

const rowSelector = (uid: string) => `[data-testid=indicator-row][data-uid="${uid}"]`;

/** The design tab: name and period, the indicators with their rules, the grades, and the live design check. */
export default function DesignEditor({ ws, meta, onMeta, metaErrors, draft, onDraft, issues, checking, readOnly, periodLocked }: Props) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<string[]>([]);
  // the check beside the editor on wide screens, above the indicators otherwise
  const wide = Grid.useBreakpoint().xxl === true;
  const expand = (uid: string) => setExpanded((e) => (e.includes(uid) ? e : [...e, uid]));

  const setIndicator = useCallback(
    (uid: string, patch: Partial<IndicatorDraft>) => onDraft((d) => ({ ...d, indicators: d.indicators.map((i) => (i.uid === uid ? { ...i, ...patch } : i)) })),
    [onDraft],
  );
  const add = (indicator: IndicatorDraft) => {
    onDraft((d) => ({ ...d, indicators: [...d.indicators, indicator] }));
    setExpanded((e) => [...e, indicator.uid]);
    setTimeout(() => document.querySelector<HTMLInputElement>(`${rowSelector(indicator.uid)} [data-testid=indicator-name]`)?.focus(), 50);
  };
  const showIssue = (issue: LocatedIssue) => {
    if (issue.path[0] !== 'indicators' || typeof issue.path[1] !== 'number') return;
    const row = draft.indicators[issue.path[1]];
    if (!row) return;
    expand(row.uid);
    setTimeout(() => document.querySelector<HTMLElement>(rowSelector(row.uid))?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
  };
  const columns = useIndicatorColumns({ draft, onDraft, issues, readOnly, expanded, expand, setIndicator });
  const checkPanel = <DesignCheck draft={draft} issues={issues} checking={checking} wide={wide} onShow={showIssue} />;

  return (
    <Form layout="vertical" component="div" disabled={readOnly} data-testid="template-form">
      <Row gutter={24}>
        <Col span={wide ? 17 : 24}>
          <MetaFields meta={meta} onMeta={onMeta} metaErrors={metaErrors} readOnly={readOnly} periodLocked={periodLocked} />
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: space.sm }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('scorecards.indicators')}
            </Typography.Title>
            {!readOnly && <AddIndicator ws={ws} draft={draft} add={add} />}
          </Space>

          {!wide && checkPanel}
          <Table<IndicatorDraft>
            rowKey="uid"
            size="small"
            dataSource={draft.indicators}
            pagination={false}
            scroll={{ x: 760 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecards.indicatorsEmpty')} /> }}
            onRow={(r, i) => ({ 'data-testid': 'indicator-row', 'data-uid': r.uid, 'data-key': r.key, 'data-index': i }) as React.HTMLAttributes<HTMLElement>}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (r, i) => <IndicatorDetails index={i} indicator={r} issues={issuesAt(issues, ['indicators', i])} onChange={setIndicator} />,
            }}
            columns={columns}
          />
          <GradesEditor draft={draft} onDraft={onDraft} issues={issues} readOnly={readOnly} />
        </Col>
        {wide && <Col span={7}>{checkPanel}</Col>}
      </Row>
    </Form>
  );
}
