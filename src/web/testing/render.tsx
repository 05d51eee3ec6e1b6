/**
 * Renders a component as the app would hold it (main.tsx, shell/AppLayout.tsx): antd's
 * ConfigProvider in zh-CN with the app's button and modal settings, antd's App (message,
 * modal), TanStack Query (no retries: an error shows at once) and a router at a workspace URL
 * (`/w/:ws/…`, for components that read the workspace from it or render links).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18n from '../i18n/index.ts';

export type RenderOptions = {
  /** The URL the component is shown at. */
  route?: string;
  /** The route pattern it is rendered under (its params are what useParams reads). */
  path?: string;
  /** Data already loaded, e.g. the signed-in user under ['me']. */
  cache?: [readonly unknown[], unknown][];
};

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, gcTime: Number.POSITIVE_INFINITY },
      mutations: { retry: false },
    },
  });
}

function Providers({ client, route, path, children }: { client: QueryClient; route: string; path: string; children: ReactNode }) {
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      // no animations: a closed dialog or message leaves the DOM at once
      theme={{ token: { motion: false } }}
    >
      <App>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[route]}>
            <Routes>
              <Route path={path} element={children} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </App>
    </ConfigProvider>
  );
}

/** Renders `ui` in the app's providers; returns Testing Library's queries, a user-event `user` and the query client. */
export function renderInApp(ui: ReactElement, { route = '/w/acme', path = '/w/:ws/*', cache = [] }: RenderOptions = {}) {
  const client = testQueryClient();
  for (const [key, data] of cache) client.setQueryData(key, data);
  const user = userEvent.setup({ delay: null });
  const result = render(
    <Providers client={client} route={route} path={path}>
      {ui}
    </Providers>,
  );
  return { ...result, user, queryClient: client };
}

/** The app's text for a key in the current language (tests read what the user reads). */
export const t = (key: string, params?: Record<string, unknown>): string => (i18n.t as unknown as (k: string, p?: Record<string, unknown>) => string)(key, params);

/** Matches an accessible name that ends with `text` (antd puts an icon's label, e.g. "plus", before a button's text). */
export const endingWith = (text: string) => (name: string) => name.endsWith(text);
