// What every output format is: a pure function from sorted diagnostics to text.
import type { Diagnostic } from './diagnostic.js';

export interface FormatContext {
  /** The text of a 1-based line of a file, for code frames. */
  lineText?: (file: string, line: number) => string | undefined;
  color?: boolean;
  toolVersion: string;
  /** The files that were checked, in load order (some formats list clean files too). */
  files: readonly string[];
  lang: string;
  /** Metadata of every rule that can report, for formats that describe rules (SARIF). */
  rules?: ReadonlyArray<{ id: string; description: string; helpUri?: string; severity: string }>;
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
