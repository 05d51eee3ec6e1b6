import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type ScorecardTemplate } from '../../api.ts';
import FormAlert from '../../components/FormAlert.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { usePositions } from '../org/org-queries.ts';
import { stripPath } from './labels.ts';
import { scorecardApi } from './scorecard-api.ts';
import { useRefreshTemplates } from './scorecard-queries.ts';

type Props = { ws: string; template: ScorecardTemplate; readOnly: boolean };

/** Several active people, searched on the server (people can be many). */
export function PeopleMultiSelect({ ws, value, onChange, known, testId, disabled }: { ws: string; value: string[]; onChange: (ids: string[]) => void; known: { id: string; name: string }[]; testId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const labels = useRef(new Map<string, string>());
  for (const p of known) if (!labels.current.has(p.id)) labels.current.set(p.id, p.name);
  const people = useQuery({
    queryKey: ['ws', ws, 'people-search', q],
    queryFn: () => api.people.list(ws, { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const items = people.data?.items ?? [];
  for (const p of items) labels.current.set(p.id, p.name);
  const options = items.map((p) => ({ value: p.id, label: p.name, unit: p.unitName, position: p.positionName }));
  for (const id of value) if (!options.some((o) => o.value === id)) options.unshift({ value: id, label: labels.current.get(id) ?? '…', unit: null, position: null });
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('scorecards.pickPeople')}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {[o.data.position, o.data.unit].filter(Boolean).join(' · ')}
          </Typography.Text>
        </span>
      )}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('people.noResults')}
      onOpenChange={(open) => !open && setSearch('')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

/** Who gets the template: positions (every holder) and people directly; conflicts name the other template. */
export default function AssignmentsPanel({ ws, template, readOnly }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshTemplates(ws);
  const positions = usePositions(ws);
  const [positionIds, setPositionIds] = useState(() => template.assignments.positions.map((p) => p.id));
  const [personIds, setPersonIds] = useState(() => template.assignments.people.map((p) => p.id));
  const saved = JSON.stringify([template.assignments.positions.map((p) => p.id).sort(), template.assignments.people.map((p) => p.id).sort()]);
  const dirty = JSON.stringify([[...positionIds].sort(), [...personIds].sort()]) !== saved;

  const save = useMutation({
    mutationFn: () => scorecardApi.assign(ws, template.id, { positionIds, personIds }),
    onSuccess: () => {
      message.success(t('scorecards.assignmentsSaved'));
      void refresh();
    },
  });
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
                  <Tag closable={closable} onClose={onClose} color={conflictOn('positionIds', String(value)) ? 'error' : undefined} style={{ marginInlineEnd: 4 }}>
                    {label}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
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
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {conflicts.map((d, i) => (
                <li key={i} data-testid="assign-conflict">
                  {d.message}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      ) : (
        <FormAlert error={save.error} />
      )}
      <Space wrap>
        {!readOnly && (
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()} data-testid="assign-save">
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
