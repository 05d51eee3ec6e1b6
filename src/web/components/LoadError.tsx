import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api.ts';

type Props = { error: unknown; onRetry?: () => void; fullPage?: boolean };

/** The error state of a list or page: the server's message and a retry button; 403 reads as "no access". */
export default function LoadError({ error, onRetry, fullPage = false }: Props) {
  const { t } = useTranslation();
  const style = fullPage ? { marginTop: '15vh' } : undefined;
  if (isApiError(error) && error.status === 403) {
    return (
      <div data-testid="forbidden">
        <Result
          style={style}
          status="403"
          title={t('error.forbiddenTitle')}
          subTitle={error.message || t('error.forbidden')}
        />
      </div>
    );
  }
  const message = error instanceof Error && error.message ? error.message : t('error.network');
  return (
    <div data-testid="load-error">
      <Result
        style={style}
        status="warning"
        title={t('error.loadFailed')}
        subTitle={message}
        extra={
          onRetry && (
            <Button type="primary" onClick={onRetry} data-testid="retry">
              {t('common.retry')}
            </Button>
          )
        }
      />
    </div>
  );
}
