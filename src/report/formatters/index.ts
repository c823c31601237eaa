// Every report format by the name `--format` takes.
import type { Formatter } from '../formatter.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMATTERS = { stylish, json, sarif, junit, github } satisfies Record<string, Formatter>;
export type ReportFormat = keyof typeof FORMATTERS;
