import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where the admin drops (or picks) the file to import; `onChoose` gets it instead of an upload (it returns false). */
export default function FileDrop({ file, disabled, onChoose }: { file: File | null; disabled: boolean; onChoose: (f: File) => false }) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger accept=".csv,.xlsx" maxCount={1} beforeUpload={onChoose} showUploadList={false} disabled={disabled} data-testid="dataset-file">
      {!file && (
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
      )}
      <p className="ant-upload-text">{file ? file.name : t('importWizard.drop')}</p>
      <p className="ant-upload-hint">{t('importWizard.dropHint')}</p>
    </Upload.Dragger>
  );
}
