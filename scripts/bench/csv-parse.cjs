// The baseline of the import benchmark: read a CSV file and parse it with csv-parse, the library
// and options `orgc import` uses (src/import/people.ts), nothing else.
const { readFileSync } = require('node:fs');
const { parse } = require('csv-parse/sync');

for (const file of process.argv.slice(2)) parse(readFileSync(file, 'utf8'), { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
