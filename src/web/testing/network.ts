/**
 * The network of a component test, stubbed where the app meets it: `fetch` (api.ts `request`),
 * `XMLHttpRequest` (api.ts `upload`, for file uploads with progress) and `EventSource` (a job's
 * event stream, features/jobs/jobs-api.ts). Routes are "METHOD /path" as the API names them,
 * without `/api/v1` and the query string; every request is recorded with its parsed body.
 *
 * @example
 * const net = stubApi({ 'GET /workspaces/acme/positions': [{ id: 'p1', name: '销售' }] });
 * // … after the save
 * expect(net.last('PUT /workspaces/acme/scorecard-templates/t1/targets')?.body).toEqual({ … });
 */
import { vi } from 'vitest';
import type { ErrorDetail } from '../api.ts';

export type StubRequest = {
  method: string;
  /** Without /api/v1 and the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The JSON body, parsed; for an upload, its form fields (files as File). */
  body: unknown;
};

/** A reply: a status (200 unless said) and a JSON body. */
export type StubReply = { status: number; body?: unknown };
/** A plain value answers 200 with it as JSON; a function decides per request (and may wait). */
export type Handler = ((request: StubRequest) => StubReply | unknown | Promise<StubReply | unknown>) | unknown;

const PREFIX = '/api/v1';
const isReply = (x: unknown): x is StubReply => typeof x === 'object' && x !== null && 'status' in x && typeof (x as StubReply).status === 'number';

/** The server's error body (contracts/common.ts), as a reply. */
export function apiError(status: number, code: string, message: string, details: Partial<ErrorDetail>[] = []): StubReply {
  return { status, body: { error: { code, message, details } } };
}

/** A reply to send only when the test says so (to look at a pending state). */
export function deferred(): { handler: () => Promise<unknown>; resolve: (reply: unknown) => void } {
  let resolve: (reply: unknown) => void = () => {};
  const promise = new Promise<unknown>((r) => {
    resolve = r;
  });
  return { handler: () => promise, resolve };
}

/** Requests of this test that no route answered; setup.ts fails the test when any are left. */
const missed: string[] = [];

/** Empties and returns the requests of the test that no route answered. */
export function takeUnhandledRequests(): string[] {
  return missed.splice(0);
}

/** No network at all (before a test stubs it): any request fails the test. */
export function refuseNetwork(): void {
  const refuse = (what: string) =>
    vi.fn((...args: unknown[]) => {
      missed.push(`${what} ${String(args[0] ?? '')}`);
      throw new Error(`${what} without a stub: use stubApi() of src/web/testing/network.ts`);
    });
  vi.stubGlobal('fetch', refuse('fetch'));
  vi.stubGlobal('XMLHttpRequest', refuse('XMLHttpRequest'));
  vi.stubGlobal('EventSource', refuse('EventSource'));
}

export function stubApi(initial: Record<string, Handler> = {}) {
  const routes = new Map(Object.entries(initial));
  const calls: StubRequest[] = [];
  const unhandled: string[] = [];

  async function answer(request: StubRequest): Promise<StubReply> {
    calls.push(request);
    const key = `${request.method} ${request.path}`;
    if (!routes.has(key)) {
      unhandled.push(key);
      missed.push(key);
      return apiError(404, 'not_found', `no stub for ${key}`);
    }
    const handler = routes.get(key);
    const reply = typeof handler === 'function' ? await (handler as (r: StubRequest) => unknown)(request) : structuredClone(handler);
    return isReply(reply) ? reply : { status: 200, body: reply };
  }

  const split = (url: string) => {
    const parsed = new URL(url, 'http://kedu.test');
    return { path: parsed.pathname.startsWith(PREFIX) ? parsed.pathname.slice(PREFIX.length) : parsed.pathname, query: parsed.searchParams };
  };

  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
      const { path, query } = split(String(input));
      const headers = { ...(init.headers as Record<string, string> | undefined) };
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : init.body;
      const reply = await answer({ method: (init.method ?? 'GET').toUpperCase(), path, query, headers, body });
      if (reply.status === 204) return new Response(null, { status: 204 });
      return new Response(JSON.stringify(reply.body ?? null), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );

  /** Just enough of XMLHttpRequest for api.ts `upload`: the upload's progress, then the answer. */
  class StubXhr {
    status = 0;
    statusText = '';
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private method = 'GET';
    private url = '';
    private readonly headers: Record<string, string> = {};

    open(method: string, url: string) {
      this.method = method.toUpperCase();
      this.url = url;
    }

    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }

    send(form: FormData) {
      const fields: Record<string, FormDataEntryValue> = {};
      form.forEach((value, name) => {
        fields[name] = value;
      });
      const { path, query } = split(this.url);
      void answer({ method: this.method, path, query, headers: this.headers, body: fields }).then((reply) => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 1 });
        this.status = reply.status;
        this.statusText = String(reply.status);
        this.responseText = JSON.stringify(reply.body ?? null);
        this.onload?.();
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', StubXhr);

  return {
    /** Every request so far, in order. */
    calls,
    /** "METHOD /path" of requests no route answered (they got a 404). */
    unhandled,
    /** Adds or replaces a route. */
    on(route: string, handler: Handler) {
      routes.set(route, handler);
    },
    /** The requests to one route. */
    callsTo: (route: string) => calls.filter((c) => `${c.method} ${c.path}` === route),
    /** The last request to one route. */
    last: (route: string) => calls.filter((c) => `${c.method} ${c.path}` === route).at(-1),
  };
}

export type StubbedApi = ReturnType<typeof stubApi>;

/**
 * `EventSource` for a job's event stream. `fail`: the stream breaks at once (as behind a proxy
 * that buffers), so the caller falls back to polling GET …/jobs/:id. Otherwise the test sends
 * `job` events with `emit`.
 */
export function stubEventSource({ fail = false }: { fail?: boolean } = {}) {
  const sources: StubEventSource[] = [];
  class StubEventSource {
    onerror: (() => void) | null = null;
    closed = false;
    private readonly listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();

    constructor(readonly url: string) {
      sources.push(this);
      if (fail) setTimeout(() => this.onerror?.(), 0);
    }

    addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }

    close() {
      this.closed = true;
    }

    emit(type: string, data: unknown) {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: JSON.stringify(data) }));
    }
  }
  vi.stubGlobal('EventSource', StubEventSource);
  return { sources };
}
