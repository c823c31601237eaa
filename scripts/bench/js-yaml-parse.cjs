// The baseline of the benchmarks: read YAML files (one, or both sides of a diff) and parse them with
// js-yaml, nothing else.
const { readFileSync } = require('node:fs');
const yaml = require('js-yaml');

for (const file of process.argv.slice(2)) yaml.load(readFileSync(file, 'utf8'));
