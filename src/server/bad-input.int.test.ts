import { expect, it } from 'vitest';
import { errorBody } from '../contracts/common.ts';
import { compareRouteTable, listApiRoutes, shortRoute, WRITE_METHODS } from './testing/api-routes.ts';
import { type BadCase, badInputCases } from './testing/bad-input.cases.ts';
import type { Org } from './testing/fixtures.ts';
import { describeEachDatabase, type TestApp } from './testing/harness.ts';
import { useSeededOrg } from './testing/seeded-org.ts';
import { writeFingerprint } from './testing/sessions.ts';

/**
 * One bad request per write route (testing/bad-input.cases.ts): a 4xx with the error shape,
 * every problem located at its field, messages in the request's language, nothing written.
 * The general cases (malformed JSON, content types, …) are in bad-input-forms.int.test.ts.
 */
const CJK = /[\u4e00-\u9fff]/;
const cases = Object.entries(badInputCases).map(([route, c]) => ({ name: `${shortRoute(route)}: ${c.what} → ${c.status}`, route, c }));

describeEachDatabase('bad input on every write route', (kind) => {
  let t: TestApp;
  let org: Org;
  useSeededOrg(kind, (app, seeded) => {
    t = app;
    org = seeded;
  });

  it('has a bad-input case for every write route the app serves, and none for a route it does not', async () => {
    const writes = (await listApiRoutes(t)).filter((r) => WRITE_METHODS.has(r.split(' ')[0]));
    const { unlisted, gone } = compareRouteTable(writes, Object.keys(badInputCases));
    expect(unlisted, 'write routes without a bad-input case').toEqual([]);
    expect(gone, 'bad-input cases for routes the app does not serve').toEqual([]);
  });

  const send = async (route: string, c: BadCase, language: string) => {
    const req = c.req(org);
    const headers: Record<string, string> = { 'accept-language': language, ...req.headers };
    if (c.as === 'admin') headers.authorization = `Bearer ${org.tokens.admin}`;
    const res = await t.app.inject({ method: route.split(' ')[0] as 'POST', url: req.url, headers, payload: req.payload ?? (req.body as object | undefined) });
    return { status: res.statusCode, text: res.body, json: () => res.json() };
  };

  it.each(cases)('$name', async ({ route, c }) => {
    const before = await writeFingerprint(t);
    for (const language of ['zh-CN', 'en']) {
      const res = await send(route, c, language);
      expect(res.status, res.text).toBe(c.status);
      const parsed = errorBody.safeParse(res.json());
      expect(parsed.success, `error shape: ${res.text}`).toBe(true);
      const { error } = parsed.data!;
      expect([c.code].flat()).toContain(error.code);
      if (c.details) {
        const located = error.details.map((d) => ({ path: d.path, code: d.code }));
        expect(located, res.text).toEqual(expect.arrayContaining(c.details));
        expect(located).toHaveLength(c.details.length);
      }
      const messages = [error.message, ...error.details.map((d) => d.message)];
      for (const message of messages) {
        expect(message.length).toBeGreaterThan(0);
        if (language === 'zh-CN') expect(message, `a Chinese message for ${language}`).toMatch(CJK);
        else expect(message, `an English message for ${language}`).not.toMatch(CJK);
      }
      // a message key that has no text in the catalogue would come back as the key itself
      for (const d of error.details) expect(d.message).not.toBe(d.code);
    }
    expect(await writeFingerprint(t), 'nothing was written').toEqual(before);
  });
});
