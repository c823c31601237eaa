// How org files are read as YAML: the types, and the bounds that keep hostile input cheap.
import jsYaml from 'js-yaml';

/** YAML 1.2 core types (no timestamps, no `yes`/`no` booleans) plus `<<` merge keys. */
// @types/js-yaml lacks `types`; js-yaml 4 exports it.
const { merge } = (jsYaml as unknown as { types: { merge: jsYaml.Type } }).types;
export const YAML_SCHEMA = jsYaml.CORE_SCHEMA.extend({ implicit: [merge] });

/** Deeper than any org file needs; it bounds the parser's recursion on hostile input. */
export const MAX_DEPTH = 64;
/** Merge keys expand content; this bounds what a file can make the parser copy. */
export const MAX_MERGE_KEYS = 10_000;
