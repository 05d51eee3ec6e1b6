import { SearchOutlined } from '@ant-design/icons';
import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import type { PeopleStatus, usePeopleFilters } from './use-people-filters.ts';

type Props = { filters: ReturnType<typeof usePeopleFilters>; withSubunits: boolean };

/** The search box, the status filter and (for a unit) "include sub-units" above the people list. */
export default function PeopleFilterBar({ filters: f, withSubunits }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.sm, marginBottom: space.md, alignItems: 'center' }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={f.search}
        onChange={(e) => f.setSearch(e.target.value)}
        placeholder={t('people.searchPlaceholder')}
        style={{ flex: '1 1 220px', maxWidth: 360 }}
        data-testid="people-search"
        aria-label={t('common.search')}
      />
      <Select<PeopleStatus>
        value={f.status}
        onChange={f.setStatus}
        style={{ width: 120 }}
        aria-label={t('people.status')}
        data-testid="people-status"
        options={(['active', 'left', 'all'] as const).map((s) => ({ value: s, label: t(`people.status_${s}`) }))}
      />
      {withSubunits && (
        <span data-testid="people-include-subunits">
          <Checkbox checked={f.includeSubunits} onChange={(e) => f.setIncludeSubunits(e.target.checked)}>
            {t('people.includeSubunits')}
          </Checkbox>
        </span>
      )}
    </div>
  );
}
