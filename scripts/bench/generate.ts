// `npm run bench:generate -- --roles N --out FILE [--files K] [--defects C]`: write a synthetic org
// of about N roles that validates clean (see synthetic-org.ts). With --files K the org is split over
// K files in the directory FILE; a config raising the layer limit is written beside it when needed.
// With --defects C it carries C copies of every known defect (defects.ts) and the findings they
// cause, by rule, are written beside it as expected-findings.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticOrg } from './synthetic-org.js';

// The smallest org the generator makes has two regions: about 110 roles.
const MIN_ROLES = 100;
const USAGE = `usage: npm run bench:generate -- --roles N --out FILE [--files K] [--defects C]   (N ≥ ${MIN_ROLES})`;
let values;
try {
  ({ values } = parseArgs({ options: { roles: { type: 'string' }, out: { type: 'string' }, files: { type: 'string', default: '1' }, defects: { type: 'string', default: '0' } } }));
} catch (e) {
  console.error(`bench:generate: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const roles = Number(values.roles);
const files = Number(values.files);
const defects = Number(values.defects);
if (!Number.isInteger(roles) || roles < MIN_ROLES || !values.out || !Number.isInteger(files) || files < 1 || !Number.isInteger(defects) || defects < 0) {
  console.error(USAGE);
  process.exit(2);
}
let org;
try {
  org = syntheticOrg(roles, { files, defects });
} catch (e) {
  console.error(`bench:generate: ${(e as Error).message}`);
  process.exit(2);
}
const out = path.resolve(values.out);
const dir = files > 1 ? out : path.dirname(out);
mkdirSync(dir, { recursive: true });
let bytes = 0;
for (const [name, text] of org.files) {
  const target = files > 1 ? path.join(out, name) : out;
  writeFileSync(target, text);
  bytes += Buffer.byteLength(text);
}
const beside = [];
if (org.config) {
  writeFileSync(path.join(dir, 'orgc.config.yaml'), org.config);
  beside.push('orgc.config.yaml');
}
if (org.expected) {
  writeFileSync(path.join(dir, 'expected-findings.json'), JSON.stringify(org.expected, null, 2) + '\n');
  beside.push(`expected-findings.json: ${Object.values(org.expected).reduce((a, b) => a + b, 0)} findings of ${Object.keys(org.expected).length} rules`);
}
console.log(`${org.roles} roles, ${(bytes / 1e6).toFixed(1)} MB → ${path.relative(process.cwd(), out)}${beside.length ? ` (+ ${beside.join(', ')})` : ''}`);
