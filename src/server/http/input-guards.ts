import type { FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { isApiUrl } from './auth-hooks.ts';

/**
 * Rules every request's input obeys, whatever the route: they sit where input enters (the JSON
 * parser and the validator), not in each route's schema, so a new route cannot forget them.
 */

/** Deeper than any request or file of Kedu (a plan file nests about 6 levels); a body nested 5,000 deep overflowed the stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * Where a JSON text first nests deeper than `max` arrays/objects, as a character offset, or
 * null. A scan of brackets outside strings, done before parsing, so nothing recursive ever sees
 * the deep value.
 * @example jsonTooDeepAt('[[[1]]]', 2) // → 2
 */
export function jsonTooDeepAt(text: string, max: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

/** A NUL character inside a string of the input: PostgreSQL cannot store it in text. */
export type NulByte = { path: (string | number)[]; index: number };

/**
 * Every NUL (U+0000) in the strings and keys of a parsed value, with its path and offset.
 * Iterative, so a deep value cannot overflow the stack.
 * @example nulBytesIn({ name: 'a\u0000' }) // → [{ path: ['name'], index: 1 }]
 */
export function nulBytesIn(value: unknown): NulByte[] {
  const found: NulByte[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const index = v.indexOf('\u0000');
      if (index >= 0) found.push({ path, index });
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        stack.push({ value: item, path: [...path, i] });
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        const index = key.indexOf('\u0000');
        if (index >= 0) found.push({ path: [...path, key], index });
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found.reverse();
}

/** The schema with the NUL rule in front: a NUL anywhere is reported (at its field and character) before the schema looks at the value. */
export function withoutNulBytes(schema: z.ZodType): z.ZodType {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      for (const { path, index } of nulBytesIn(value)) {
        ctx.addIssue({ code: 'custom', path, message: 'NUL character', params: { key: 'field.nul_byte', values: { position: index + 1 }, start: index, end: index + 1 } });
      }
    })
    .pipe(schema);
}

/**
 * A query string's schema that refuses parameters it does not name, as a body's does (each one
 * `field.unknown_key` at `['querystring', name]`): a misspelt filter (`?stauts=open`) would
 * otherwise be ignored and answer as if it had not been asked. An object that already says what
 * it does with other keys (a catchall, `.loose()`) is left as it is.
 */
export function strictQuery(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject && schema._zod.def.catchall === undefined ? schema.strict() : schema;
}

/**
 * Installs the rules: JSON bodies are refused above MAX_JSON_DEPTH before they are parsed
 * (a located 400); every validated part of a request (body, query string, path) refuses a
 * NUL character with a 400 located at its field; and an API route refuses query parameters it
 * does not take — those its query schema does not name, or any at all when it has none. All
 * after the caller's identity and access were checked, like any other validation problem.
 */
export function guardRequestInput(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const at = jsonTooDeepAt(typeof body === 'string' ? body : body.toString('utf8'), MAX_JSON_DEPTH);
    if (at !== null) {
      const params = { max: MAX_JSON_DEPTH, position: at + 1 };
      done(new AppError('bad_request', { reason: 'request.too_deep', ...params }, [{ path: ['body'], code: 'request.too_deep', params, start: at, end: at + 1 }]), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  app.setValidatorCompiler((route) => {
    // every route schema here is zod (fastify-type-provider-zod); the wrapper keeps its own checks
    const schema = route.schema as unknown as z.ZodType;
    if (!(schema instanceof z.ZodType)) return validatorCompiler({ ...route, schema });
    // the NUL rule in front, the route's own schema (a query string's made strict) behind it
    return validatorCompiler({ ...route, schema: withoutNulBytes(route.httpPart === 'querystring' ? strictQuery(schema) : schema) });
  });
  // an API route without a query schema takes no parameters: refused as unknown, as above. In
  // preHandler, after validation, so that it too comes after the caller's identity and access
  app.addHook('preHandler', async (request) => {
    // by the route's pattern, not the URL: an unknown /api/v1/… URL (the 404 handler, the web
    // app's static wildcard) stays a 404
    if (request.routeOptions.schema?.querystring || !isApiUrl(request.routeOptions.url ?? '')) return;
    const names = Object.keys((request.query ?? {}) as object);
    if (names.length === 0) return;
    throw new AppError(
      'validation_failed',
      { count: names.length },
      names.map((key) => ({ path: ['querystring', key], code: 'field.unknown_key', params: { key } })),
    );
  });
}
