import type { z } from 'zod';

/**
 * Turns a zod issue into a message key and its parameters, so the server (error
 * responses) and the web app (forms) describe a bad field with the same words in
 * either language. Keys are defined in the server's and the web app's catalogues.
 */
export function issueToMessage(issue: z.core.$ZodIssue | { code: string; [k: string]: unknown }): {
  key: string;
  params: Record<string, string | number>;
} {
  const i = issue as Record<string, unknown>;
  switch (i.code) {
    case 'invalid_type':
      // callers pass the rejected value as `input` (zod 4 leaves it out unless asked to report it)
      if (i.input === undefined || i.input === null) return { key: 'field.required', params: {} };
      return { key: 'field.invalid_type', params: { expected: String(i.expected) } };
    case 'too_small':
      if (i.origin === 'string') {
        return Number(i.minimum) <= 1 ? { key: 'field.required', params: {} } : { key: 'field.too_short', params: { min: Number(i.minimum) } };
      }
      return { key: 'field.too_small', params: { min: Number(i.minimum) } };
    case 'too_big':
      if (i.origin === 'string') return { key: 'field.too_long', params: { max: Number(i.maximum) } };
      return { key: 'field.too_big', params: { max: Number(i.maximum) } };
    case 'invalid_format':
      if (i.format === 'email') return { key: 'field.invalid_email', params: {} };
      if (i.format === 'date') return { key: 'field.invalid_date', params: {} };
      return { key: 'field.invalid', params: {} };
    case 'invalid_value':
      return { key: 'field.invalid_enum', params: { options: ((i.values as unknown[]) ?? []).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'field.unknown_key', params: { keys: ((i.keys as string[]) ?? []).join(', ') } };
    case 'custom': {
      // a refinement that names its own message: params { key, values } (see contracts/indicators.ts)
      const custom = (i.params ?? {}) as { key?: unknown; values?: Record<string, string | number> };
      if (typeof custom.key === 'string') return { key: custom.key, params: custom.values ?? {} };
      return { key: 'field.invalid', params: {} };
    }
    default:
      return { key: 'field.invalid', params: {} };
  }
}
