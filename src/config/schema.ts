// The JSON Schema of `orgc.config.yaml`, built from the rules' own metadata so that every rule id
// and option is known to editors and checked when the file is read. Written to
// schemas/orgc.config.schema.json by `npm run schema`.
import { RULES } from '../check/rules/index.js';
import { UI_LANGUAGES } from '../i18n/lang.js';

export const CONFIG_SCHEMA_ID = 'https://orgc.dev/schemas/orgc.config.schema.json';
export const SEVERITY_WORDS = ['error', 'warning', 'warn', 'info', 'off'] as const;
export const PRESETS = ['recommended', 'strict'] as const;

type JsonObject = Record<string, unknown>;

export function configJsonSchema(): JsonObject {
  const severity = { $ref: '#/$defs/Severity' };
  const ruleSettings: JsonObject = {};
  const ruleSeverities: JsonObject = {};
  for (const rule of RULES) {
    const options: JsonObject = {};
    for (const [name, option] of Object.entries<{ description: string; schema: JsonObject; default: unknown }>(rule.meta.options)) {
      options[name] = { ...option.schema, description: `${option.description} Default: \`${JSON.stringify(option.default)}\`.` };
    }
    const description = `${rule.meta.description.en} Default: ${rule.meta.severity}${rule.meta.recommended ? ', in `recommended`' : ''}.`;
    const detailed: JsonObject = {
      type: 'object',
      additionalProperties: false,
      properties: {
        severity: { ...severity, description: 'How findings of this rule are reported.' },
        ...(Object.keys(options).length ? { options: { type: 'object', additionalProperties: false, properties: options, description: 'Options of this rule.' } } : {}),
      },
    };
    ruleSettings[rule.meta.id] = { description, anyOf: [severity, detailed] };
    ruleSeverities[rule.meta.id] = { ...severity, description };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'orgc configuration',
    description: 'Configuration of orgc for one org: which rules run, how severe their findings are, and their options.',
    type: 'object',
    additionalProperties: false,
    patternProperties: { '^x-': {} },
    properties: {
      extends: { enum: [...PRESETS], description: 'The preset to start from: `recommended` (the rules marked recommended) or `strict` (every rule, warnings raised to errors). Default: `recommended`.' },
      lang: { enum: [...UI_LANGUAGES], description: 'Language of messages and of the handbook when `--lang` is not given; it wins over the user\'s locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) and the org\'s own language.' },
      rules: { type: 'object', additionalProperties: false, properties: ruleSettings, description: 'Per-rule settings: a severity (`error`, `warning`, `info`, `off`), or `{ severity, options }`.' },
      render: {
        type: 'object',
        additionalProperties: false,
        description: 'Defaults for `orgc render`.',
        properties: {
          out: { type: 'string', minLength: 1, description: 'Output directory, relative to this file. Default: `handbook` in the working directory.' },
          templates: { type: 'string', minLength: 1, description: 'A directory of templates that override the built-in ones (`<dir>/md/role.hbs`, …), relative to this file.' },
          chrome: { type: 'string', minLength: 1, description: 'The Chromium or Chrome executable that draws svg, png and pdf charts: a path relative to this file, or a command name looked up on PATH. `ORGC_CHROME` overrides it; without either, a system Chromium is used.' },
        },
      },
      overrides: {
        type: 'array',
        description: 'Severities for findings in some files only, e.g. turn a rule off for drafts.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Glob patterns of org files, relative to the config file, e.g. `drafts/**`.' },
            rules: { type: 'object', additionalProperties: false, properties: ruleSeverities, description: 'Severities in these files.' },
          },
        },
      },
    },
    $defs: {
      Severity: { enum: [...SEVERITY_WORDS], description: '`error`, `warning` (or `warn`), `info`, or `off`.' },
    },
  };
}
