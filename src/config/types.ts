// What a configuration is once read: the lowest floor, with no imports from the stages, so that
// every stage (and the library's public types) can name it.
import type { Severity } from '../finding.js';

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
  lang?: string;
  /** `render` defaults, as absolute paths. */
  render: { out?: string; templates?: string; chrome?: string };
  rules: Map<string, RuleSetting>;
  overrides: Override[];
}
