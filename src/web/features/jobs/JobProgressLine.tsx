import { Progress, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from './jobs-api.ts';

/**
 * A background job as it goes: waiting its turn, then the rows the server has read (and the share
 * of the file, when it knows the file's size), then — still running after the last row — writing.
 */
export default function JobProgressLine({ job, elapsed }: { job: Job; elapsed: number }) {
  const { t, i18n } = useTranslation();
  const p = job.progress;
  const share = p?.totalBytes ? Math.min(1, (p.bytes ?? 0) / p.totalBytes) : null;
  const rows = (p?.done ?? 0).toLocaleString(i18n.language);
  const text =
    job.state === 'queued'
      ? job.attempts > 0
        ? t('jobs.retrying', { attempt: job.attempts + 1 })
        : t('jobs.queued')
      : share === 1
        ? t('jobs.finishing', { rows, seconds: elapsed })
        : t('jobs.rowsRead', { rows, seconds: elapsed });
  return (
    <div data-testid="job-progress" data-state={job.state} data-rows={p?.done ?? 0}>
      <Space>
        <Spin size="small" />
        <Typography.Text>{text}</Typography.Text>
      </Space>
      {share !== null && <Progress percent={Math.floor(share * 100)} status="active" />}
    </div>
  );
}
