// What every stage reports: a finding points into the source structurally (a path in a file's
// YAML, or an offset for syntax errors) and carries a message id with data. Positions and
// message text are filled in once, at the end, in the language the reader asked for.
import type { Part, Path } from './paths.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A place in the YAML named by its path, e.g. `['roles', 'sales-rep', 'reports_to']`. */
export interface PathPointer {
  file: string;
  path: Path;
  part?: Part;
}

/** A place named by character offsets, for problems found before there is a tree. */
export interface OffsetPointer {
  file: string;
  offset: number;
  end?: number;
}

export type Pointer = PathPointer | OffsetPointer;

/**
 * A role, person, duty… named in a message: shown by its name in the reader's language, with the
 * id the files use — `销售经理 (sales-manager)` — or by its id alone when it has no other name.
 */
export interface NamedRef {
  id: string;
  /** Its title or name: a plain string, or one per language (`{ en: …, zh-CN: … }`). */
  name?: string | Readonly<Record<string, string>>;
  /** The org's default language, for a name that is not in the reader's. */
  lang: string;
}

export type MessageData = Record<string, string | number | NamedRef | readonly NamedRef[]>;

export interface Finding {
  ruleId: string;
  messageId: string;
  data?: MessageData;
  /** Overrides the producer's default severity. */
  severity?: Severity;
  at: Pointer;
  related?: RelatedFinding[];
  /** The edit that fixes it, when there is exactly one: what a "did you mean" suggests, ready to apply. */
  fix?: Fix;
}

/** Replace the text at `at` (the finding's own place when absent) with `text`. */
export interface Fix {
  text: string;
  at?: Pointer;
}

export interface RelatedFinding {
  messageId: string;
  data?: MessageData;
  at: Pointer;
}

/** Message text in each language we ship; `{name}` placeholders are filled from the data. */
export type Messages = Record<string, { en: string; 'zh-CN': string; 'zh-TW'?: string }>;

export function isOffsetPointer(p: Pointer): p is OffsetPointer {
  return (p as OffsetPointer).offset !== undefined;
}

/** What every producer of findings declares: the core checks and the lint rules alike. */
export interface CheckMeta {
  id: string;
  /** One line on what the check finds; the rule's doc page starts with the English one. */
  description: { en: string; 'zh-CN': string; 'zh-TW'?: string };
  severity: Severity;
  messages: Messages;
  /** Core checks guard the language itself: always on, always errors. */
  core?: boolean;
}
