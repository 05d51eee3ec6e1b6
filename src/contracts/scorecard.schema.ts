import { z } from 'zod';
import { scorecardFile, scorecardTier } from './scorecard.ts';

/** Where the generated JSON Schema is committed (a unit test keeps it equal to the code). */
export const SCORECARD_SCHEMA_PATH = 'docs/kedu.scorecard.v1.schema.json';

/**
 * The JSON Schema (draft 2020-12) of `kedu.scorecard/v1`, generated from the zod schema, for
 * editors and other tools. It describes the shape; the scoring rules that a JSON Schema cannot
 * express (weights sum to 100, unique keys, sorted tiers and points…) are checked by
 * `parseScorecardFile`.
 * @example scorecardJsonSchema().properties.format // { type: 'string', const: 'kedu.scorecard/v1' }
 */
export function scorecardJsonSchema(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const schema = z.toJSONSchema(scorecardFile, {
    target: 'draft-2020-12',
    io: 'input',
    override: (ctx) => {
      // exactly one of atLeast / above: a refinement in zod, a oneOf in JSON Schema
      if (ctx.zodSchema === scorecardTier) ctx.jsonSchema.oneOf = [{ required: ['atLeast'] }, { required: ['above'] }];
    },
  });
  return schema as Record<string, unknown> & { properties: Record<string, unknown> };
}

/**
 * The JSON Schema as the committed file's text: two-space JSON with a final newline.
 * @example scorecardJsonSchemaText().startsWith('{\n  "$schema"') // true
 */
export function scorecardJsonSchemaText(): string {
  return `${JSON.stringify(scorecardJsonSchema(), null, 2)}\n`;
}
