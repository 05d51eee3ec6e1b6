import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/**
 * Asks before unsaved changes are lost: on closing or reloading the tab (the browser's own
 * prompt) and on following a link inside the app (the router runs in declarative mode, which
 * has no navigation blocker, so links are intercepted before React Router sees the click).
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const confirmLeave = useCallback(
    (leave: () => void) => {
      if (!dirtyRef.current) {
        leave();
        return;
      }
      modal.confirm({
        title: t('scorecards.leaveTitle'),
        content: t('scorecards.leaveHint'),
        okText: t('scorecards.leave'),
        cancelText: t('scorecards.stay'),
        okButtonProps: { danger: true, ...({ 'data-testid': 'leave-ok' } as object) },
        onOk: () => {
          dirtyRef.current = false;
          leave();
        },
      });
    },
    [modal, t],
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (!dirtyRef.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!a || a.target === '_blank' || a.hasAttribute('download')) return;
      const url = new URL(a.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      e.preventDefault();
      e.stopPropagation();
      confirmLeave(() => navigate(url.pathname + url.search + url.hash));
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, confirmLeave, navigate]);

  return { confirmLeave };
}
