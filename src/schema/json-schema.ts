// Turns the zod definition of the language into the JSON Schema editors and the validator use.
import * as z from 'zod';
import { OrgFile } from './org.js';
import { DATE_PATTERN } from './grammar.js';

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

export const SCENARIO_SCHEMA_ID = 'https://orgc.dev/schemas/orgc.scenario.schema.json';

/**
 * The scenario file (src/load/scenario.ts) for editors: `add` takes whole entities as an org file
 * does; `change` a merge patch per entity (only what differs, `null` removes a key), which is
 * checked after it is applied, against the org schema; `remove` lists ids.
 */
export function scenarioJsonSchema(): JsonObject {
  const org = orgJsonSchema() as { $schema: string; $defs: Record<string, { properties: Record<string, JsonObject> }> };
  const sections = Object.keys(org.$defs.OrgFile.properties).filter((key) => org.$defs.OrgFile.properties[key].propertyNames !== undefined);
  const perSection = (item: (section: string) => JsonObject, description: string): JsonObject => ({
    description,
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(sections.map((section) => [section, item(section)])),
  });
  const text = { $ref: '#/$defs/Text' };
  const operations = {
    add: perSection((s) => org.$defs.OrgFile.properties[s], 'Entities the scenario adds, by section, written in full as in an org file.'),
    change: perSection(
      () => ({
        type: 'object',
        propertyNames: { $ref: '#/$defs/Id' },
        additionalProperties: { type: 'object', description: 'Only what differs from the base (a JSON Merge Patch): maps merge key by key, `null` removes a key, anything else replaces.' },
      }),
      'Entities of the base the scenario changes, by section and id.',
    ),
    remove: perSection(() => ({ type: 'array', items: { $ref: '#/$defs/Id' }, uniqueItems: true }), 'Ids of base entities the scenario removes, by section.'),
  };
  return {
    $schema: org.$schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'orgc scenario file',
    description: 'A design variant written as the difference from a base org: what it adds, changes and removes.',
    type: 'object',
    additionalProperties: false,
    required: ['orgc', 'scenario'],
    properties: {
      orgc: { const: 1, description: 'Format version of the orgc language. Every scenario file starts with `orgc: 1`.' },
      scenario: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'base'],
        properties: {
          id: { $ref: '#/$defs/Id', description: 'The scenario\'s id, e.g. `ka-split`.' },
          name: { ...text, description: 'Its name, shown in comparisons, e.g. `{ en: Split the KA manager, zh-CN: 拆分 KA 客户经理 }`.' },
          base: { type: 'string', minLength: 1, description: 'The base org: a directory or a file, as a path from this file, e.g. `../sales-org`.' },
          answers: { $ref: '#/$defs/Id', description: 'The adaptation signal (an id from the base\'s `signals`) this scenario answers.' },
          description: { ...text, description: 'What the variant changes and why.' },
          notes: { ...text, description: 'Free-form notes for people reading the YAML; not rendered.' },
        },
      },
      ...operations,
      waves: {
        description: 'Later steps of the scenario, in the order they take effect: each applies on what the steps before it left. `orgc compare` shows the design after each.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['effective'],
          properties: {
            effective: { type: 'string', pattern: DATE_PATTERN, description: 'The day the wave takes effect, `YYYY-MM-DD`, e.g. `2027-07-01`. Waves are listed by this date.' },
            name: { ...text, description: 'What the wave is, shown beside its date, e.g. `{ en: follow-up automated, zh-CN: 自动跟进上线 }`.' },
            ...operations,
            notes: { ...text, description: 'Free-form notes for people reading the YAML; not rendered.' },
          },
        },
      },
      notes: { ...text, description: 'Free-form notes for people reading the YAML; not rendered.' },
    },
    $defs: org.$defs,
  };
}
