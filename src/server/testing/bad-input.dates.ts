/**
 * The fields of the API that take a date, found in the app's own OpenAPI document (so a new
 * route or field is covered without being listed), and the impossible dates each must refuse
 * (issue 13): for bad-input-dates.int.test.ts.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema?: Schema; description?: string }[] };
export type ApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

/** A field of a JSON body (`body`) or a query parameter (`querystring`) of one operation; `[]` in a path: any item of an array. */
export type DateField = { method: string; path: string; in: 'body' | 'querystring'; at: (string | number)[]; format: 'date' | 'date-time' };
/** A string field whose name or description speaks of a date or period but whose schema says nothing of one. */
export type UntypedField = { route: string; at: string; description: string };

/** Impossible days, each with the code of its refusal: no such day, or a year no date of the API names. */
export const IMPOSSIBLE_DAYS: readonly { day: string; code: 'field.invalid_date' | 'field.date_out_of_range' }[] = [
  { day: '2026-02-30', code: 'field.invalid_date' },
  { day: '2026-13-01', code: 'field.invalid_date' },
  { day: '9999-99-99', code: 'field.invalid_date' },
  { day: '0000-00-00', code: 'field.invalid_date' },
  { day: '0050-06-01', code: 'field.date_out_of_range' },
];

/** The value sent for a field of this format: the day, or midnight UTC of it. */
export const dateValue = (format: DateField['format'], day: string) => (format === 'date' ? day : `${day}T00:00:00Z`);
/** The code a refusal of that day has in a field of this format: a malformed date-time is `field.invalid` (zod's datetime check). */
export const dateCode = (format: DateField['format'], code: (typeof IMPOSSIBLE_DAYS)[number]['code']) => (format === 'date' || code === 'field.date_out_of_range' ? code : 'field.invalid');

const DATE_WORDS = new Set(['date', 'day', 'days', 'month', 'quarter', 'week', 'year', 'period', 'deadline', 'from', 'to', 'since', 'until', 'on', 'at']);
/** A field name speaks of a date when one of its words does: `startsOn`, `periodLabel`, `from`. */
const speaksOfDate = (name: string) => name.split(/(?=[A-Z])|[_\s-]/).some((word) => DATE_WORDS.has(word.toLowerCase()));

/** Every date field of every JSON write body and every query string, and the string fields that look like dates but are not typed as one. */
export function dateFieldsOf(doc: ApiDocument): { fields: DateField[]; untyped: UntypedField[] } {
  const fields: DateField[] = [];
  const untyped: UntypedField[] = [];
  const resolve = (s: Schema | undefined): Schema | undefined => {
    let at = s;
    for (let hops = 0; at?.$ref && hops < 10; hops++) at = doc.components?.schemas?.[at.$ref.split('/').pop() ?? ''];
    return at;
  };
  const walk = (schema: Schema | undefined, at: (string | number)[], found: (at: (string | number)[], s: Schema) => void, seen: Set<Schema>) => {
    const s = resolve(schema);
    if (!s || seen.has(s)) return;
    const inside = new Set(seen).add(s);
    for (const option of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(option, at, found, inside);
    for (const [name, property] of Object.entries(s.properties ?? {})) walk(property, [...at, name], found, inside);
    if (s.items) walk(s.items, [...at, 0], found, inside);
    if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) found(at, s);
  };
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries(operations)) {
      const method = lower.toUpperCase();
      const route = `${method} ${path}`;
      const found = (place: DateField['in'], description?: string) => (at: (string | number)[], s: Schema) => {
        if (s.format === 'date' || s.format === 'date-time') fields.push({ method, path, in: place, at, format: s.format });
        else if (!s.format && !s.enum && !s.pattern && speaksOfDate(String(at.at(-1) ?? ''))) untyped.push({ route, at: [place, ...at].join('.'), description: s.description ?? description ?? '' });
      };
      for (const p of op.parameters ?? []) if (p.in === 'query') walk(p.schema, [p.name], found('querystring', p.description), new Set());
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (method !== 'GET' && body) walk(body, [], found('body'), new Set());
    }
  }
  const unique = <T>(list: T[]) => [...new Map(list.map((x) => [JSON.stringify(x), x])).values()];
  return { fields: unique(fields), untyped: unique(untyped) };
}

/**
 * A body holding `value` at `at` and nothing else (array items as one-item arrays): the other
 * fields' problems come with it, the date's among them.
 * @example bodyWith(['phases', 0, 'startsOn'], 'x') // { phases: [{ startsOn: 'x' }] }
 */
export function bodyWith(at: readonly (string | number)[], value: unknown): unknown {
  if (at.length === 0) return value;
  const [head, ...rest] = at;
  return typeof head === 'number' ? [bodyWith(rest, value)] : { [head]: bodyWith(rest, value) };
}
