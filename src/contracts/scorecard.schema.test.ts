import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORECARD_SCHEMA_PATH, scorecardJsonSchema, scorecardJsonSchemaText } from './scorecard.schema.ts';

const committed = fileURLToPath(new URL(`../../${SCORECARD_SCHEMA_PATH}`, import.meta.url));

describe('JSON Schema of kedu.scorecard/v1', () => {
  it(`the committed ${SCORECARD_SCHEMA_PATH} is what the code generates`, () => {
    const generated = scorecardJsonSchemaText();
    // KEDU_WRITE_SCHEMA=1 npx vitest run --project unit src/contracts/scorecard.schema.test.ts rewrites it
    if (process.env.KEDU_WRITE_SCHEMA === '1') writeFileSync(committed, generated);
    const onDisk = readFileSync(committed, 'utf8');
    expect(onDisk, `${SCORECARD_SCHEMA_PATH} is out of date: regenerate it with KEDU_WRITE_SCHEMA=1 and commit it`).toBe(generated);
  });

  it('is a strict draft 2020-12 schema with the format constant', () => {
    const schema = scorecardJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.format).toEqual({ type: 'string', const: 'kedu.scorecard/v1' });
    expect(JSON.stringify(schema)).toContain('"oneOf":[{"required":["atLeast"]},{"required":["above"]}]');
  });
});
