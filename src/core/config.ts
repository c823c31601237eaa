// What a configuration is once read: the lowest floor, with no imports from the stages, so that
// every stage (and the library's public types) can name it. Reading one is src/config's work.
import type { Severity } from './finding.js';

export type Level = Severity | 'off';
export type Preset = 'recommended' | 'strict';

export interface RuleSetting {
  level: Level;
  options: Record<string, unknown>;
}

export interface Override {
  matches: (file: string) => boolean;
  levels: Map<string, Level>;
}

export interface Config {
  /** The config file, as shown to users, when there was one. */
  file?: string;
  /** That file's text as it was read: a configuration read again from the same text is the same (`render --watch`). */
  text?: string;
  lang?: string;
  /** `render` defaults, as absolute paths. */
  render: { out?: string; templates?: string; chrome?: string };
  rules: Map<string, RuleSetting>;
  overrides: Override[];
}

/** The level of a rule's findings in one file, overrides applied in order. */
export function levelFor(config: Config, ruleId: string, file: string): Level | undefined {
  let result = config.rules.get(ruleId)?.level;
  for (const o of config.overrides) if (o.levels.has(ruleId) && o.matches(file)) result = o.levels.get(ruleId);
  return result;
}

/** Whether a rule must run: on for the whole org, or on in some override. */
export function ruleRuns(config: Config, ruleId: string): boolean {
  if (config.rules.get(ruleId)?.level !== 'off') return true;
  return config.overrides.some((o) => o.levels.has(ruleId) && o.levels.get(ruleId) !== 'off');
}
