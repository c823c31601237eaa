// Turns the zod definition of the language into the JSON Schema editors and the validator use.
import * as z from 'zod';
import { OrgFile } from './org.js';

export const SCHEMA_ID = 'https://orgc.dev/schemas/orgc.schema.json';

type JsonObject = Record<string, unknown>;

export function orgJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(OrgFile, {
    target: 'draft-2020-12',
    override(ctx) {
      const node = ctx.jsonSchema as JsonObject;
      // Closed objects still accept `x-` keys: the documented place for free-form extensions.
      if (node.additionalProperties === false) node.patternProperties = { '^x-': {} };
    },
  }) as JsonObject;
  return { $schema: schema.$schema, $id: SCHEMA_ID, ...schema };
}
