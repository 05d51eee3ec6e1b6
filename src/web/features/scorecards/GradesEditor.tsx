import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Input, InputNumber, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../../theme.ts';
import { type CardDraft, type GradeDraft, newUid, toNum } from './card-draft.ts';
import Field from './Field.tsx';
import type { LocatedIssue } from './issues.ts';

type Props = { draft: CardDraft; onDraft: (update: (draft: CardDraft) => CardDraft) => void; issues: LocatedIssue[]; readOnly: boolean };

/** The grades (name and lowest total) and the cap on the total. */
export default function GradesEditor({ draft, onDraft, issues, readOnly }: Props) {
  const { t } = useTranslation();
  const setGrade = (uid: string, patch: Partial<GradeDraft>) => onDraft((d) => ({ ...d, grades: d.grades.map((g) => (g.uid === uid ? { ...g, ...patch } : g)) }));
  return (
    <Row gutter={24} style={{ marginTop: space.xl }}>
      <Col xs={24} md={14}>
        <Typography.Title level={5}>{t('scorecards.grades')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: fontSize.caption }}>
          {t('scorecards.gradesHelp')}
        </Typography.Paragraph>
        <div data-testid="grades">
          {draft.grades.map((g, j) => (
            <Field key={g.uid} issues={issues} path={['grades', j]}>
              <Space size={space.sm} data-testid="grade-row">
                <Input value={g.grade} maxLength={20} style={{ width: 80 }} onChange={(e) => setGrade(g.uid, { grade: e.target.value })} aria-label={t('scorecards.gradeName')} data-testid="grade-name" />
                <span>≥</span>
                <InputNumber value={g.min} style={{ width: 100 }} onChange={(v) => setGrade(g.uid, { min: toNum(v) })} aria-label={t('scorecards.gradeMin')} data-testid="grade-min" />
                {!readOnly && (
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('scorecards.removeRow')} onClick={() => onDraft((d) => ({ ...d, grades: d.grades.filter((x) => x.uid !== g.uid) }))} />
                )}
              </Space>
            </Field>
          ))}
          {!readOnly && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => onDraft((d) => ({ ...d, grades: [...d.grades, { uid: newUid(), min: null, grade: '' }] }))}>
              {t('scorecards.addGrade')}
            </Button>
          )}
        </div>
      </Col>
      <Col xs={24} md={10}>
        <Typography.Title level={5}>{t('scorecards.maxTotal')}</Typography.Title>
        <Field issues={issues} path={['maxTotal']}>
          <InputNumber value={draft.maxTotal} min={0} placeholder={t('scorecards.maxTotalPlaceholder')} onChange={(v) => onDraft((d) => ({ ...d, maxTotal: toNum(v) }))} style={{ width: 160 }} data-testid="max-total" />
        </Field>
      </Col>
    </Row>
  );
}
