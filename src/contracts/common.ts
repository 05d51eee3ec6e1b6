import { z } from 'zod';

export const uuid = z.uuid();
export const email = z.email().max(254).transform((v) => v.trim().toLowerCase());
export const password = z.string().min(8).max(200);
export const displayName = z.string().trim().min(1).max(100);
export const slug = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
/** The first and last years a date may name: earlier or later ones are typos (0202, 20266), and years 0–99 mean 1900–1999 to JavaScript's Date. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/**
 * A calendar day, YYYY-MM-DD, that exists (no 2026-02-30 or 2026-13-01) in years FIRST_YEAR–LAST_YEAR.
 * Every date of the API is one of these, so an impossible date is a located 400, never a database error.
 */
const isoDay = z.iso.date();
const inYearRange = (d: string) => Number(d.slice(0, 4)) >= FIRST_YEAR && Number(d.slice(0, 4)) <= LAST_YEAR;
export const calendarDate = isoDay
  // a day that does not exist is reported as that alone, not also as out of range
  .refine((d) => !isoDay.safeParse(d).success || inYearRange(d), {
    params: { key: 'field.date_out_of_range', values: { first: FIRST_YEAR, last: LAST_YEAR } },
  })
  .describe(`YYYY-MM-DD, a day between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31`);

/**
 * An instant, ISO 8601 with its offset (2026-03-01T08:00:00+08:00 or …Z), on a day that exists in
 * years FIRST_YEAR–LAST_YEAR: a datetime of year 0050 or 9999 is a typo, refused as calendarDate's is.
 */
const isoInstant = z.iso.datetime({ offset: true });
export const calendarDateTime = isoInstant
  .refine((d) => !isoInstant.safeParse(d).success || inYearRange(d), {
    params: { key: 'field.date_out_of_range', values: { first: FIRST_YEAR, last: LAST_YEAR } },
  })
  .describe(`an instant, ISO 8601 with its offset (2026-03-01T08:00:00+08:00), between the years ${FIRST_YEAR} and ${LAST_YEAR}`);

export const locale = z.enum(['zh-CN', 'en']);
export const role = z.enum(['admin', 'manager', 'member']);
export type Role = z.infer<typeof role>;

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        path: z.array(z.union([z.string(), z.number()])).optional(),
        row: z.number().optional(),
        column: z.string().optional(),
        /** A range inside the field's text (UTF-16 offsets, end exclusive), e.g. inside a formula. */
        start: z.number().int().optional(),
        end: z.number().int().optional(),
        value: z.unknown().optional(),
        code: z.string(),
        message: z.string(),
      }),
    ),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** The largest magnitude the API takes for an entered number (an actual, a target, a rating): 10^15. */
export const MAX_ABS_NUMBER = 1e15;

/**
 * A number of at most ±10^15: anything larger is a typing error (extra zeros) and would overflow
 * when scored. Refused with `field.number_too_large`, located at the field.
 * @example bounded(z.number().positive()) // a positive target of at most 10^15
 */
export function bounded<T extends z.ZodNumber>(schema: T): T {
  return schema.refine((x) => Math.abs(x) <= MAX_ABS_NUMBER, { params: { key: 'field.number_too_large', values: { max: '10^15' } } }) as T;
}
export const boundedNumber = bounded(z.number());

export const okBody = z.object({ ok: z.literal(true) });

/** A page of items with the total count, for paginated tables. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** A row's version (issue 13): 1 when made, one more with every change; a single resource's `ETag` is `"<version>"`. */
export const rowVersion = z.number().int().min(1).describe('the version of this record: one more with every change; send it back (or If-Match) with a change');
/** The version a change was based on: optional; when given and no longer current, the change is refused with a 409 and writes nothing. */
export const expectedVersion = z
  .number()
  .int()
  .min(1)
  .max(2147483647)
  .optional()
  .describe('the version this change is based on (as read); a stale one is refused with 409 conflict (request.stale_version). Same as If-Match: "<version>"');
