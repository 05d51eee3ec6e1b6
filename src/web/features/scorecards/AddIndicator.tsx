import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../../theme.ts';
import { type CardDraft, emptyIndicator, fromLibrary, type IndicatorDraft } from './card-draft.ts';
import { useIndicatorChoices } from './scorecards-queries.ts';

type Props = { ws: string; draft: CardDraft; add: (indicator: IndicatorDraft) => void };

/** Adds an indicator: one of the workspace's library, or a blank one. */
export default function AddIndicator({ ws, draft, add }: Props) {
  const { t } = useTranslation();
  const library = useIndicatorChoices(ws, true);
  const libraryOptions = (library.data?.items ?? []).map((i) => ({
    value: i.id,
    label: i.name,
    search: `${i.name} ${i.nameEn ?? ''} ${i.key}`,
    hint: [i.unit, t(`scorecards.directionsShort.${i.direction}`)].filter(Boolean).join(' · '),
  }));
  return (
    <Space wrap>
      <Select<string>
        value={null}
        showSearch={{ optionFilterProp: 'search' }}
        placeholder={t('scorecards.addFromLibrary')}
        loading={library.isPending}
        options={libraryOptions}
        notFoundContent={t('scorecards.addFromLibraryEmpty')}
        optionRender={(o) => (
          <span>
            {o.label}
            <Typography.Text type="secondary" style={{ marginInlineStart: space.sm, fontSize: fontSize.caption }}>
              {o.data.hint}
            </Typography.Text>
          </span>
        )}
        onChange={(id) => {
          const found = library.data?.items.find((i) => i.id === id);
          if (found) add(fromLibrary(found, draft.indicators.map((i) => i.key)));
        }}
        style={{ width: 240 }}
        popupMatchSelectWidth={320}
        data-testid="add-from-library"
      />
      <Button icon={<PlusOutlined />} onClick={() => add(emptyIndicator())} data-testid="add-custom">
        {t('scorecards.addCustom')}
      </Button>
    </Space>
  );
}
