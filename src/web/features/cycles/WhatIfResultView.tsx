import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WhatIfResult } from '../../api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { fontSize, space } from '../../theme.ts';
import { fmtTotal, GradeTag, StatusTag } from './labels.tsx';

/** A change of the total or of points, signed (a real minus sign; ± for none). */
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;
const pctOrDash = (x: number | null) => (x === null ? '—' : `${Math.round(x * 10000) / 100}%`);

/** The what-if answer: the total before and after, why it moved, and each indicator's change; said not to be saved. */
export default function WhatIfResultView({ r }: { r: WhatIfResult }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div data-testid="whatif-result">
      <Alert type="warning" showIcon style={{ marginBottom: space.md }} title={t('cycles.whatIf.notSavedLong')} />
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={10}>
          <Space size="middle" align="center" wrap>
            <div>
              <Typography.Text type="secondary">{t('cycles.whatIf.before')}</Typography.Text>
              <div style={{ fontSize: fontSize.figure }} data-testid="whatif-before-total">
                {fmtTotal(r.before.total)} <GradeTag grade={r.before.grade} />
              </div>
            </div>
            <ArrowRightOutlined />
            <div>
              <Typography.Text type="secondary">{t('cycles.whatIf.after')}</Typography.Text>
              <div style={{ fontSize: fontSize.figure, fontWeight: 600 }} data-testid="whatif-after-total">
                {fmtTotal(r.after.total)} <GradeTag grade={r.after.grade} />
              </div>
            </div>
            {r.totalDelta !== null ? (
              <Tag
                color={r.totalDelta > 0 ? 'green' : r.totalDelta < 0 ? 'red' : 'default'}
                style={{ fontSize: fontSize.title, padding: `${space.xxs}px ${space.sm}px` }}
                data-testid="whatif-delta"
              >
                {signed(r.totalDelta)}
              </Tag>
            ) : (
              <Space direction="vertical" size={0}>
                <StatusTag status={r.after.status} />
                <Typography.Text type="secondary" style={{ fontSize: fontSize.caption }} data-testid="whatif-no-delta">
                  {t('cycles.whatIf.noTotal')}
                </Typography.Text>
              </Space>
            )}
          </Space>
        </Col>
        <Col xs={24} md={14}>
          <Typography.Text strong>{t('cycles.whatIf.causes')}</Typography.Text>
          <ul style={{ margin: `${space.xs}px 0 0`, paddingInlineStart: space.lg }} data-testid="whatif-causes">
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
          style={{ marginTop: space.md }}
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
  );
}
