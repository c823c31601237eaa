// `orgc schema`: the JSON Schema of the language (or of the config file, or of scenario files),
// exactly as committed.
import configSchema from '../../../schemas/orgc.config.schema.json' with { type: 'json' };
import scenarioSchema from '../../../schemas/orgc.scenario.schema.json' with { type: 'json' };
import orgSchema from '../../../schemas/orgc.schema.json' with { type: 'json' };
import type { Io } from '../output.js';

export function schemaCommand(opts: { config?: boolean; scenario?: boolean }, io: Io): number {
  io.stdout(JSON.stringify(opts.config ? configSchema : opts.scenario ? scenarioSchema : orgSchema, null, 2) + '\n');
  return 0;
}
