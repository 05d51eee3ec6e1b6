/**
 * Set-up of the `components` test project (happy-dom): what antd needs from a DOM without a
 * layout engine, i18n as the app starts it (zh-CN unless a test switches), and a clean slate
 * after every test. No test reaches the network: `fetch`, `XMLHttpRequest` and `EventSource`
 * fail the test until it stubs them (testing/network.ts), and so does a request no stub answers.
 */
import { cleanup, configure } from '@testing-library/react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { afterEach, beforeEach, vi } from 'vitest';
import { configureApi, setCsrfToken } from '../api.ts';
import i18n, { currentLanguage } from '../i18n/index.ts';
import { refuseNetwork, takeUnhandledRequests } from './network.ts';

// debounced checks (250–400 ms) and antd's effects on a loaded two-core CI machine
configure({ asyncUtilTimeout: 4_000 });

// antd's Grid.useBreakpoint, Drawer and Modal read media queries, and rc-resize-observer (Table,
// Select, Tabs) observes sizes: happy-dom has both (a 1024 px wide window, so `lg` holds);
// these stand in for a DOM that has not
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as unknown as MediaQueryList;
}
if (typeof globalThis.ResizeObserver !== 'function') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}

/*
 * getComputedStyle: happy-dom computes the cascade of every style sheet in the document on each
 * call, and antd's CSS-in-JS puts hundreds of kB of rules into <head>. Testing Library (accessible
 * names, visibility), user-event (pointer-events) and antd itself (TextArea autosize, popup
 * alignment) call it thousands of times: tests ran 2–3× slower. antd's <style> elements are
 * therefore kept on a shelf outside the document (rc-util's dynamicCSS supports a container whose
 * appendChild is redirected, as micro-frontends do). What this costs: a test does not see what
 * only antd's CSS hides (a closed popup's class); inline styles and attributes still count.
 */
{
  const head = document.head;
  const shelf = document.createElement('div');
  const isStyle = (node: Node) => node.nodeName === 'STYLE';
  const append = head.appendChild.bind(head);
  const insert = head.insertBefore.bind(head);
  const remove = head.removeChild.bind(head);
  head.appendChild = (<T extends Node>(node: T): T => (isStyle(node) ? shelf.appendChild(node) : append(node))) as typeof head.appendChild;
  head.insertBefore = (<T extends Node>(node: T, child: Node | null): T =>
    isStyle(node) ? shelf.insertBefore(node, child?.parentNode === shelf ? child : null) : insert(node, child)) as typeof head.insertBefore;
  head.removeChild = (<T extends Node>(node: T): T => (node.parentNode === shelf ? shelf.removeChild(node) : remove(node))) as typeof head.removeChild;
}

// as main.tsx wires it: the language header and the network-failure message follow i18n
configureApi({ language: currentLanguage, networkMessage: () => i18n.t('error.network') });

beforeEach(async () => {
  if (i18n.language !== 'zh-CN') await i18n.changeLanguage('zh-CN');
  document.documentElement.lang = 'zh-CN';
  dayjs.locale('zh-cn');
  refuseNetwork();
});

afterEach(() => {
  cleanup();
  const unanswered = takeUnhandledRequests();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setCsrfToken(null);
  localStorage.clear();
  // antd's message and notification containers live outside the rendered tree
  document.body.innerHTML = '';
  // a request the test did not expect is a failure, not a silent 404
  if (unanswered.length > 0) throw new Error(`requests without a stub: ${[...new Set(unanswered)].join(', ')}`);
});
