import { Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../components/use-debounced.ts';
import { fontSize, space } from '../../theme.ts';
import { usePeopleSearch } from './scorecards-queries.ts';

type Props = { ws: string; value: string[]; onChange: (ids: string[]) => void; known: { id: string; name: string }[]; testId: string; disabled?: boolean };

/** Several active people, searched on the server (people can be many). */
export default function PeopleMultiSelect({ ws, value, onChange, known, testId, disabled }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  // the names of the people chosen, seen in a search or known beforehand, for the chosen tags
  const labels = useRef(new Map<string, string>());
  for (const p of known) if (!labels.current.has(p.id)) labels.current.set(p.id, p.name);
  const people = usePeopleSearch(ws, q);
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
          <Typography.Text type="secondary" style={{ marginInlineStart: space.sm, fontSize: fontSize.caption }}>
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
