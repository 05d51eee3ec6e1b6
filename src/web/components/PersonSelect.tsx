import { Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../features/org/org-queries.ts';
import { fontSize, space } from '../theme.ts';
import { useDebounced } from './use-debounced.ts';

type Props = {
  ws: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The label of the current value, known by the caller before any search (e.g. managerName). */
  initialLabel?: string | null;
  excludeId?: string;
  placeholder?: string;
  testId?: string;
  id?: string;
};

/** Picks an active person with a server-side search (people can be many). */
export default function PersonSelect({ ws, value, onChange, initialLabel, excludeId, placeholder, testId, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const labels = useRef(new Map<string, string>());
  if (value && initialLabel && !labels.current.has(value)) labels.current.set(value, initialLabel);

  const people = usePeopleSearch(ws, q);
  const items = (people.data?.items ?? []).filter((p) => p.id !== excludeId);
  for (const p of items) labels.current.set(p.id, p.name);
  const options = items.map((p) => ({ value: p.id, label: p.name, unit: p.unitName }));
  // keep the chosen person visible even when the current search does not list them
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: labels.current.get(value) ?? '…', unit: null });
  }

  return (
    <Select
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={placeholder ?? t('people.selectPerson')}
      options={options}
      optionRender={(o) => (
        <span>
          {o.label}
          {o.data.unit && (
            <Typography.Text type="secondary" style={{ marginInlineStart: space.sm, fontSize: fontSize.caption }}>
              {o.data.unit}
            </Typography.Text>
          )}
        </span>
      )}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('people.noResults')}
      onOpenChange={(open) => !open && setSearch('')}
      style={{ width: '100%' }}
    />
  );
}
