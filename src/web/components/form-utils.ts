/**
 * Form helpers that run the API's own zod contracts in antd forms, so a field is
 * checked with the same rule and described with the same words (the `field.*` keys of
 * contracts/issues.ts) on the client as on the server.
 */
import type { FormInstance, FormRule as Rule } from 'antd';
import type { z } from 'zod';
import { issueToMessage } from '../../contracts/issues.ts';
import { isApiError } from '../api.ts';
import i18n, { tDynamic } from '../i18n/index.ts';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** The translated text of one zod issue. */
export function issueText(issue: z.core.$ZodIssue): string {
  const { key, params } = issueToMessage(issue);
  return tDynamic(key, params);
}

/** antd keeps '' for a cleared input; the contracts mean "not given" by undefined. */
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * antd rules for one field of a contract: marks it required when the schema refuses
 * `undefined`, and validates the value with the field's own schema.
 */
export function fieldRules(schema: AnyObject, name: string, toValue: (v: unknown) => unknown = blankToUndefined): Rule[] {
  const field = schema.shape[name] as z.ZodType | undefined;
  if (!field) throw new Error(`unknown field ${name}`);
  const required = !field.safeParse(undefined).success;
  return [
    {
      required,
      validator: async (_rule, value) => {
        const result = field.safeParse(toValue(value));
        if (!result.success) throw new Error(issueText(result.error.issues[0]));
      },
    },
  ];
}

/** A rule for "repeat the password": equal to the value of `otherField`. */
export function sameAs(otherField: string): Rule {
  return ({ getFieldValue }) => ({
    validator: async (_rule, value) => {
      if (!value) throw new Error(i18n.t('field.required'));
      if (value !== getFieldValue(otherField)) throw new Error(i18n.t('field.password_mismatch'));
    },
  });
}

/**
 * Parses the whole form with the contract. On failure the issues are put on their
 * fields and null is returned; on success the parsed (trimmed, normalised) value.
 */
export function parseForm<S extends z.ZodType>(schema: S, values: unknown, form: FormInstance): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    byField.set(name, [...(byField.get(name) ?? []), issueText(issue)]);
  }
  const known = registeredFields(form);
  form.setFields(
    [...byField.entries()].filter(([name]) => known.has(name)).map(([name, errors]) => ({ name, errors })),
  );
  return null;
}

function registeredFields(form: FormInstance): Set<string> {
  return new Set(form.getFieldsError().map((f) => String(f.name[0])));
}

/**
 * Puts the server's `details[].path` messages on the matching form fields.
 * Returns true when at least one detail landed on a field.
 */
export function applyServerErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const known = registeredFields(form);
  const fields = new Map<string, string[]>();
  for (const d of error.details) {
    // the server locates a field as ['body', 'email', …] (or ['querystring', …])
    const path = d.path?.[0] === 'body' ? d.path.slice(1) : d.path;
    const name = path?.[0];
    if (name === undefined || !known.has(String(name))) continue;
    fields.set(String(name), [...(fields.get(String(name)) ?? []), d.message]);
  }
  form.setFields([...fields.entries()].map(([name, errors]) => ({ name, errors })));
  return fields.size > 0;
}

/** '' → null, for nullable optional text fields on edit (clearing a value). */
export const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** The message to show for any thrown error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return i18n.t('error.title');
}

/**
 * Like applyServerErrors, for forms with nested fields (Form.List): a detail located at
 * ['body', 'terms', 1, 'definition'] lands on the field ['terms', 1, 'definition'], or on
 * the nearest registered field above or below it. Returns the details that landed nowhere.
 */
export function applyNestedServerErrors(form: FormInstance, error: unknown): ErrorDetailLike[] {
  return isApiError(error) ? placeNestedDetails(form, error.details).unplaced : [];
}

type Path = (string | number)[];

/**
 * The mechanism of applyNestedServerErrors, for details that do not come from one failed save
 * (a live preview's problems, which come and go as the form is typed): the fields `previous`
 * named are cleared first, and `accept` can refuse a field too broad to show a message on.
 * Returns the fields it placed messages on (the next call's `previous`) and the details left.
 */
export function placeNestedDetails<D extends ErrorDetailLike>(
  form: FormInstance,
  details: readonly D[],
  options: { previous?: readonly Path[]; accept?: (name: Path) => boolean } = {},
): { placed: Path[]; unplaced: D[] } {
  if (options.previous?.length) form.setFields(options.previous.map((name) => ({ name, errors: [] })));
  const registered = form.getFieldsError().map((f) => f.name as Path);
  const keyOf = (path: readonly (string | number)[]) => JSON.stringify(path);
  const byKey = new Map(registered.map((name) => [keyOf(name), name]));
  const fields = new Map<string, { name: Path; errors: string[] }>();
  const unplaced: D[] = [];
  for (const d of details) {
    const path = (d.path?.[0] === 'body' ? d.path.slice(1) : (d.path ?? [])) as Path;
    let target: Path | undefined;
    for (let n = path.length; n > 0 && !target; n--) target = byKey.get(keyOf(path.slice(0, n)));
    // a whole row (['terms', 1]): its first registered field
    if (!target && path.length > 0) target = registered.find((name) => keyOf(name.slice(0, path.length)) === keyOf(path));
    if (!target || (options.accept && !options.accept(target))) {
      unplaced.push(d);
      continue;
    }
    const k = keyOf(target);
    const entry = fields.get(k) ?? { name: target, errors: [] };
    entry.errors.push(d.message);
    fields.set(k, entry);
  }
  form.setFields([...fields.values()]);
  return { placed: [...fields.values()].map((f) => f.name), unplaced };
}

type ErrorDetailLike = { path?: (string | number)[]; message: string; start?: number; end?: number };
