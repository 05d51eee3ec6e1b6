import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Grid, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PeopleQuery } from '../../api.ts';
import { errorMessage } from '../../components/form-utils.ts';
import { useExportPeople } from './org-queries.ts';

type Props = {
  ws: string;
  /** What the export takes: the list's search and filters. */
  filters: PeopleQuery;
  canCreate: boolean;
  canImport: boolean;
  canExport: boolean;
  onAdd: () => void;
  onImport: () => void;
};

/** The people card's buttons: add, import, export. */
export default function PeopleToolbar({ ws, filters, canCreate, canImport, canExport, onAdd, onImport }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // on a phone the toolbar keeps only icons for import and export
  const compact = Grid.useBreakpoint().sm === false;
  const exportFile = useExportPeople(ws);
  return (
    <Space wrap>
      {canCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onAdd} data-testid="person-add">
          {t('people.add')}
        </Button>
      )}
      {canImport && (
        <Button
          icon={<UploadOutlined />}
          onClick={onImport}
          data-testid="people-import"
          aria-label={t('people.import')}
          title={compact ? t('people.import') : undefined}
        >
          {!compact && t('people.import')}
        </Button>
      )}
      {canExport && (
        <Button
          icon={<DownloadOutlined />}
          loading={exportFile.isPending}
          onClick={() => exportFile.mutate(filters, { onError: (e) => void message.error(errorMessage(e)) })}
          data-testid="people-export"
          aria-label={t('people.export')}
          title={compact ? t('people.export') : undefined}
        >
          {!compact && t('people.export')}
        </Button>
      )}
    </Space>
  );
}
