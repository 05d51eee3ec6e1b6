import { Progress, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { space } from '../../theme.ts';
import JobProgressLine from '../jobs/JobProgressLine.tsx';
import type { Job } from '../jobs/jobs-api.ts';

type Props = {
  fileName: string;
  /** The upload's fraction sent (null: none under way). */
  progress: number | null;
  /** Importing (not previewing): the upload says "uploading" rather than "reading". */
  running: boolean;
  /** The file is up and the server imports it. */
  importing: boolean;
  /** The import's job, when a large file goes on in the background. */
  job: Job | null;
  elapsed: number;
};

/** Where an upload is: its progress bar while it goes up, then the server's import (its job's progress, or the seconds it takes). */
export default function ImportProgress({ fileName, progress, running, importing, job, elapsed }: Props) {
  const { t } = useTranslation();
  if (progress === null && !importing) return null;
  return (
    <div style={{ marginTop: space.lg }} data-testid="dataset-import-progress">
      {importing && job ? (
        <JobProgressLine job={job} elapsed={elapsed} />
      ) : importing ? (
        <Space>
          <Spin size="small" />
          <Typography.Text>{t('importWizard.importing', { seconds: elapsed })}</Typography.Text>
        </Space>
      ) : (
        <>
          <Typography.Text>{running ? t('importWizard.uploading', { name: fileName }) : t('importWizard.reading', { name: fileName })}</Typography.Text>
          <Progress percent={Math.round((progress ?? 0) * 100)} status="active" />
        </>
      )}
    </div>
  );
}
