import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fontSize, space } from '../theme.ts';

/**
 * Plain notices used before any page chunk is loaded (they live in the entry, so they
 * avoid antd's Result and its illustrations).
 */
export function Notice({ title, text, action }: { title: string; text: string; action?: ReactNode }) {
  return (
    <div role="alert" style={{ maxWidth: 480, margin: '15vh auto 0', padding: space.xl, textAlign: 'center' }}>
      <h1 style={{ fontSize: fontSize.figure, fontWeight: 600, margin: `0 0 ${space.sm}px` }}>{title}</h1>
      <p style={{ color: 'rgba(0,0,0,0.55)', margin: `0 0 ${space.lg}px` }}>{text}</p>
      {action}
    </div>
  );
}

/** Shown by ErrorBoundary when a page fails to render; reloading fetches the current files. */
export function RenderError() {
  const { t } = useTranslation();
  return (
    <Notice
      title={t('error.title')}
      text={t('error.pageCrashed')}
      action={
        <Button type="primary" onClick={() => window.location.reload()} data-testid="reload">
          {t('error.reload')}
        </Button>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <div data-testid="not-found">
      <Notice
        title={t('error.notFoundTitle')}
        text={t('error.notFound')}
        action={
          <Button type="primary" href="/">
            {t('error.home')}
          </Button>
        }
      />
    </div>
  );
}

/** A failed session check (server down, network): the message and a retry button. */
export function EntryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const text = error instanceof Error && error.message ? error.message : t('error.network');
  return (
    <div data-testid="load-error">
      <Notice
        title={t('error.loadFailed')}
        text={text}
        action={
          <Button type="primary" onClick={onRetry} data-testid="retry">
            {t('common.retry')}
          </Button>
        }
      />
    </div>
  );
}
