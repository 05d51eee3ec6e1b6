import { AutoComplete, Button, DatePicker, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import { actionCodes, actionLabel, entityLabel, entityTypes } from './audit-labels.ts';
import type { AuditFilters } from './use-audit-filters.ts';

/** The audit log's filters: entity type, action (code or name), actor, date range. */
export default function AuditFilterBar({ filters: f }: { filters: AuditFilters }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.sm, marginBottom: space.md }} data-testid="audit-filters">
      <Select
        allowClear
        value={f.entityType}
        onChange={f.setEntityType}
        placeholder={t('audit.entityType')}
        style={{ width: 150 }}
        options={entityTypes.map((e) => ({ value: e, label: entityLabel(e) }))}
        data-testid="audit-entity-type"
      />
      <AutoComplete
        allowClear
        value={f.action}
        onChange={(v: string | undefined) => f.setAction(v ?? '')}
        placeholder={t('audit.filterAction')}
        style={{ width: 220 }}
        data-testid="audit-action"
        options={actionCodes
          .filter((code) => code.startsWith(f.action.trim()) || actionLabel(code).includes(f.action.trim()))
          .map((code) => ({ value: code, label: `${actionLabel(code)} · ${code}` }))}
      />
      <Input allowClear value={f.actor} onChange={(e) => f.setActor(e.target.value)} placeholder={t('audit.filterActor')} style={{ width: 160 }} data-testid="audit-actor" />
      <DatePicker.RangePicker value={f.range} onChange={(v) => f.setRange(v)} aria-label={t('audit.range')} data-testid="audit-range" />
      <Button onClick={f.reset}>{t('audit.reset')}</Button>
    </div>
  );
}
