// Every check orgc can report: the core checks of the load and model stages, then the rules.
// It sits on the report floor: it gathers from every stage below, and reports place and word
// what any of them found.
import type { CheckMeta } from '../core/finding.js';
import { LOAD_CHECKS } from '../load/checks.js';
import { MODEL_CHECKS } from '../model/checks.js';
import { unusedSuppression } from './suppress.js';
import { RULES } from '../check/rules/index.js';

export const CORE_CHECKS: readonly CheckMeta[] = [...LOAD_CHECKS, ...MODEL_CHECKS, unusedSuppression];

export const ALL_CHECKS: ReadonlyMap<string, CheckMeta> = new Map(
  [...CORE_CHECKS, ...RULES.map((r) => r.meta)].map((m) => [m.id, m]),
);
