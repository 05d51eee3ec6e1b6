import { Alert, App, Button, Col, Form, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ScorecardTemplate } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import StaleVersionDialog from '../../components/StaleVersionDialog.tsx';
import { useStaleVersion } from '../../components/StaleVersionDialog.hook.ts';
import { fontSize, space } from '../../theme.ts';
import { usePositions } from '../org/org-queries.ts';
import { stripPath } from './labels.ts';
import PeopleMultiSelect from './PeopleMultiSelect.tsx';
import { useReloadTemplate, useSaveAssignments } from './scorecards-queries.ts';

type Props = { ws: string; template: ScorecardTemplate; readOnly: boolean };

/** Who gets the template: positions (every holder) and people directly; conflicts name the other template. */
export default function AssignmentsPanel({ ws, template, readOnly }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const positions = usePositions(ws);
  const [positionIds, setPositionIds] = useState(() => template.assignments.positions.map((p) => p.id));
  const [personIds, setPersonIds] = useState(() => template.assignments.people.map((p) => p.id));
  const saved = JSON.stringify([template.assignments.positions.map((p) => p.id).sort(), template.assignments.people.map((p) => p.id).sort()]);
  const dirty = JSON.stringify([[...positionIds].sort(), [...personIds].sort()]) !== saved;

  const stale = useStaleVersion(template.version);
  const save = useSaveAssignments(ws, template.id, stale.version ?? template.version);
  const reload = useReloadTemplate(ws);
  const reloadAssignments = async () => {
    save.reset();
    const fresh = await reload(template.id);
    setPositionIds(fresh.assignments.positions.map((p) => p.id));
    setPersonIds(fresh.assignments.people.map((p) => p.id));
  };
  // mutateAsync: the success is told even if a change of the selection reset the mutation meanwhile
  const submit = (version?: number) =>
    save.mutateAsync({ positionIds, personIds, ...(version ? { version } : {}) }).then(
      () => void message.success(t('scorecards.assignmentsSaved')),
      // shown by the alerts below (save.error), or the dialog of a stale version
      (e) => void stale.offer(e, { reload: reloadAssignments, reapply: submit }),
    );
  const conflicts = isApiError(save.error) ? save.error.details : [];
  const conflictOn = (kind: 'positionIds' | 'personIds', id: string) =>
    conflicts.find((d) => {
      const [field, index] = stripPath(d.path, 'body');
      return field === kind && typeof index === 'number' && (kind === 'positionIds' ? positionIds : personIds)[index] === id;
    });
  const holdersOf = new Map(template.assignments.positions.map((p) => [p.id, p.holders]));
  const headcount = new Map((positions.data ?? []).map((p) => [p.id, p.headcount]));

  return (
    <div data-testid="assignments">
      <Typography.Paragraph type="secondary">{t('scorecards.assignIntro')}</Typography.Paragraph>
      <Form layout="vertical" component="div" disabled={readOnly || template.status === 'archived'}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label={t('scorecards.assignPositions')}>
              <Select
                mode="multiple"
                value={positionIds}
                onChange={(ids: string[]) => {
                  setPositionIds(ids);
                  save.reset();
                }}
                loading={positions.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('scorecards.pickPositions')}
                options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                tagRender={({ label, value, closable, onClose }) => (
                  <Tag closable={closable} onClose={onClose} color={conflictOn('positionIds', String(value)) ? 'error' : undefined} style={{ marginInlineEnd: space.xs }}>
                    {label}
                    <Typography.Text type="secondary" style={{ fontSize: fontSize.caption, marginInlineStart: space.xs }}>
                      {t('scorecards.holders', { count: holdersOf.get(String(value)) ?? headcount.get(String(value)) ?? 0 })}
                    </Typography.Text>
                  </Tag>
                )}
                style={{ width: '100%' }}
                data-testid="assign-positions"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('scorecards.assignPeople')}>
              <PeopleMultiSelect
                ws={ws}
                value={personIds}
                onChange={(ids) => {
                  setPersonIds(ids);
                  save.reset();
                }}
                known={template.assignments.people}
                disabled={readOnly || template.status === 'archived'}
                testId="assign-people"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {conflicts.length > 0 && isApiError(save.error) && save.error.status === 409 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="assign-conflicts"
          title={t('scorecards.conflictTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: space.lg }}>
              {conflicts.map((d, i) => (
                <li key={i} data-testid="assign-conflict">
                  {d.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: space.lg }}
        />
      ) : (
        <FormAlert error={save.error} />
      )}
      <StaleVersionDialog {...stale.dialog} />
      <Space wrap>
        {!readOnly && (
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => submit()} data-testid="assign-save">
            {t('scorecards.saveAssignments')}
          </Button>
        )}
        <Typography.Text type="secondary" data-testid="assign-holders">
          {t('scorecards.holderTotal', { count: template.holderCount })}
        </Typography.Text>
      </Space>
    </div>
  );
}
