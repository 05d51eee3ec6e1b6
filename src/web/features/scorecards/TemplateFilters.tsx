import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplatePeriod } from '../../api.ts';
import { space } from '../../theme.ts';
import { PERIODS } from './labels.ts';
import type { TemplatesQuery } from './scorecards-api.ts';

export type StatusFilter = NonNullable<TemplatesQuery['status']>;

type Props = {
  search: string;
  onSearch: (search: string) => void;
  period: TemplatePeriod | undefined;
  onPeriod: (period: TemplatePeriod | undefined) => void;
  status: StatusFilter;
  onStatus: (status: StatusFilter) => void;
};

/** The templates list's filters: a name search, the period and the status. */
export default function TemplateFilters({ search, onSearch, period, onPeriod, status, onStatus }: Props) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: space.lg }}>
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        placeholder={t('scorecards.searchPlaceholder')}
        style={{ width: 260 }}
        aria-label={t('common.search')}
        data-testid="template-search"
      />
      <Select<TemplatePeriod>
        allowClear
        value={period}
        onChange={onPeriod}
        placeholder={t('scorecards.allPeriods')}
        options={PERIODS.map((p) => ({ value: p, label: t(`scorecards.periods.${p}`) }))}
        style={{ width: 130 }}
        aria-label={t('scorecards.columns.period')}
        data-testid="template-period-filter"
      />
      <Select<StatusFilter>
        value={status}
        onChange={onStatus}
        options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`scorecards.statusFilter.${s}`) }))}
        style={{ width: 120 }}
        aria-label={t('scorecards.columns.status')}
        data-testid="template-status-filter"
      />
    </Space>
  );
}
