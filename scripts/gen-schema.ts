// Generates the JSON Schemas in schemas/: the org language from its zod source of truth
// (src/schema/org.ts), scenario files from it, and the configuration file from the rules' metadata.
// `npm run schema` writes them; `--check` exits 1 when a committed copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/schema.js';
import { orgJsonSchema, scenarioJsonSchema } from '../src/schema/json-schema.js';

const targets: Array<[string, () => unknown]> = [
  ['orgc.schema.json', orgJsonSchema],
  ['orgc.config.schema.json', configJsonSchema],
  ['orgc.scenario.schema.json', scenarioJsonSchema],
];

let stale = false;
for (const [name, build] of targets) {
  const file = fileURLToPath(new URL(`../schemas/${name}`, import.meta.url));
  const text = JSON.stringify(build(), null, 2) + '\n';
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {}
    if (committed !== text) {
      console.error(`schemas/${name} is stale: run \`npm run schema\``);
      stale = true;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote schemas/${name}`);
  }
}
process.exitCode = stale ? 1 : 0;
