import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorsQuery, LibraryIndicator } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import LoadError from '../../components/LoadError.tsx';
import { MONO } from '../../components/mono.ts';
import { fontSize, space } from '../../theme.ts';
import { useCopyBuiltin, useIndicatorLibrary } from './indicators-queries.ts';
import { PERSPECTIVE_COLORS } from './labels.ts';

type Props = {
  ws: string;
  /** May copy into the workspace's library (`indicators.write`). */
  canWrite: boolean;
  query: Pick<IndicatorsQuery, 'q' | 'perspective'>;
  /** Shows a copy in the workspace list. */
  onShowCopy: (name: string) => void;
};

/** The built-in indicators (in the UI language), each copyable into the workspace by an admin. */
export default function BuiltinLibrary({ ws, canWrite, query, onShowCopy }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const library = useIndicatorLibrary(ws, query);
  const copy = useCopyBuiltin(ws);
  const copyItem = (item: LibraryIndicator) =>
    copy.mutate(item, {
      onSuccess: (copied) => void message.success(t('indicators.copiedAs', { name: copied.name })),
      onError: (e) => void message.error(errorMessage(e), 6),
    });

  if (library.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (library.isError) return <LoadError error={library.error} onRetry={() => library.refetch()} />;

  return (
    <div data-testid="builtin-library">
      <Alert type="info" showIcon title={t('indicators.builtinIntro')} style={{ marginBottom: space.lg }} />
      <List<LibraryIndicator>
        dataSource={library.data}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('indicators.builtinEmpty')} /> }}
        renderItem={(item) => (
          <List.Item
            data-testid="builtin-row"
            data-builtin-key={item.key}
            data-builtin-name={item.name}
            actions={[
              ...item.copiedAs.map((c) => (
                <Tag
                  key={c.id}
                  icon={<CheckOutlined />}
                  color="success"
                  style={{ cursor: 'pointer' }}
                  onClick={() => onShowCopy(c.name)}
                  data-testid="builtin-copied"
                  title={c.name}
                >
                  {t('indicators.copiedTag')}
                  {item.copiedAs.length > 1 || c.name !== item.name ? `${t('common.colon')}${c.name}` : ''}
                </Tag>
              )),
              ...(canWrite && item.copiedAs.length === 0
                ? [
                    <Button
                      key="copy"
                      icon={<CopyOutlined />}
                      loading={copy.isPending && copy.variables?.key === item.key}
                      onClick={() => copyItem(item)}
                      data-testid="builtin-copy"
                    >
                      {t('indicators.copyToWorkspace')}
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap size={space.sm}>
                  <span>{item.name}</span>
                  <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: fontSize.small }}>
                    {item.altName}
                  </Typography.Text>
                  <Tag color={PERSPECTIVE_COLORS[item.perspective]}>{t(`indicators.perspectives.${item.perspective}`)}</Tag>
                </Space>
              }
              description={
                <div>
                  <div>{item.purpose}</div>
                  <div style={{ marginTop: space.xs }}>
                    {item.formula ? (
                      <Typography.Text code style={{ fontFamily: MONO }}>
                        {item.formula}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="secondary">{t('indicators.noFormula')}</Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ marginInlineStart: space.sm }}>
                      {[item.unit, t(`indicators.directions.${item.direction}`)].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </div>
                </div>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
