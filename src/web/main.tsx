import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { configureApi, isApiError } from './api.ts';
import ErrorBoundary from './components/ErrorBoundary.tsx';
import { signedOut } from './features/auth/auth-queries.ts';
import i18n, { currentLanguage } from './i18n/index.ts';
import { AppRoutes, NavigationBridge, navigateTo } from './router.tsx';
import { space, themeConfig } from './theme.ts';

configureApi({ language: currentLanguage, networkMessage: () => i18n.t('error.network') });

/** A 401 on any call means the session ended: forget it and go to the sign-in page. */
function onApiError(error: unknown): void {
  if (!isApiError(error) || error.status !== 401 || error.code !== 'unauthenticated') return;
  // forget the session and everything loaded with it (another user may sign in next)
  signedOut(queryClient);
  if (window.location.pathname !== '/login') {
    const from = window.location.pathname + window.location.search;
    navigateTo('/login', { replace: true, state: { from } });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // client errors (4xx) will not get better by asking again
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

const modalConfig = { styles: { header: { marginBottom: space.lg } } };

function Root() {
  const { i18n: instance } = useTranslation();
  const lang = instance.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={themeConfig} button={{ autoInsertSpace: false }} modal={modalConfig}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <NavigationBridge />
          <ErrorBoundary>
            <AppRoutes />
          </ErrorBoundary>
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
