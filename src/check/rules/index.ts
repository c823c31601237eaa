// The rule catalogue: one import per rule, in the order `orgc rules` lists them.
import type { Rule } from '../rule.js';

export const RULES: readonly Rule<any>[] = [];
