// The baseline of the benchmarks: read a YAML file and parse it with js-yaml, nothing else.
const { readFileSync } = require('node:fs');
const yaml = require('js-yaml');

yaml.load(readFileSync(process.argv[2], 'utf8'));
