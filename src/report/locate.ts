// Findings → diagnostics: positions from the files' indexes, text from the message catalogues.
// Only the nodes a finding points at are ever located; the rest of a large file costs nothing here.
import type { CheckMeta, Finding, MessageData, Messages, NamedRef, Pointer, Severity } from '../finding.js';
import { isOffsetPointer } from '../finding.js';
import { formatMessage } from '../i18n/format.js';
import type { LoadedFile } from '../load/index.js';
import { compareDiagnostics, type Diagnostic, type Range } from './diagnostic.js';

export interface LocateOptions {
  lang: string;
  /** Findings of one rule in one file listed at most; the rest are counted in one more. */
  maxPerRule?: number;
  /** The configured level of a rule's findings in a file (`off` drops them); the rule's default otherwise. */
  levelOf?: (ruleId: string, file: string) => Severity | 'off' | undefined;
}

export function toDiagnostics(
  findings: readonly Finding[],
  files: readonly LoadedFile[],
  checks: ReadonlyMap<string, CheckMeta>,
  opts: LocateOptions,
): Diagnostic[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const max = opts.maxPerRule ?? MAX_PER_RULE;
  // Per file and rule: how many were listed, and the first one left out with how many followed it.
  const listed = new Map<string, number>();
  const omitted = new Map<string, { first: Finding; level: Severity; count: number }>();
  for (const f of findings) {
    const meta = checks.get(f.ruleId);
    const messages = meta?.messages ?? {};
    const level = meta?.core ? meta.severity : (f.severity ?? opts.levelOf?.(f.ruleId, f.at.file) ?? meta?.severity ?? 'error');
    if (level === 'off') continue;
    const group = `${f.at.file}\0${f.ruleId}`;
    const n = listed.get(group) ?? 0;
    if (n >= max) {
      const o = omitted.get(group);
      if (o) o.count++;
      else omitted.set(group, { first: f, level, count: 1 });
      continue;
    }
    listed.set(group, n + 1);
    const diagnostic: Diagnostic = {
      ruleId: f.ruleId,
      severity: level,
      message: formatMessage(messages, f.messageId, f.data, opts.lang),
      identity: identity(f.messageId, f.data),
      file: f.at.file,
      range: rangeOf(f.at, byPath),
      ...(isOffsetPointer(f.at) ? {} : { path: f.at.path }),
      related: (f.related ?? []).map((r) => ({
        message: formatMessage(messages, r.messageId, r.data, opts.lang),
        file: r.at.file,
        range: rangeOf(r.at, byPath),
      })),
      ...(f.fix ? { fix: { range: rangeOf(f.fix.at ?? f.at, byPath), text: f.fix.text } } : {}),
    };
    const key = `${diagnostic.file}\0${diagnostic.range.start.offset}\0${diagnostic.ruleId}\0${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  for (const { first, level, count } of omitted.values()) {
    out.push({ ruleId: first.ruleId, severity: level, message: moreLikeThis(count, opts.lang), file: first.at.file, range: rangeOf(first.at, byPath), related: [], count });
  }
  return out.sort(compareDiagnostics);
}

/**
 * A file with 100,000 unknown keys needs fixing at its source, not 100,000 lines of report: past
 * this many findings of one rule in one file, the rest are one finding that counts them.
 */
export const MAX_PER_RULE = 100;

const MORE: Messages = { more: { en: 'and {n} more like this in this file, not listed', 'zh-CN': '此文件中还有 {n} 处同类问题未列出' } };

function identity(messageId: string, data: MessageData | undefined): string {
  const plain = (v: MessageData[string]): unknown => (Array.isArray(v) ? (v as readonly NamedRef[]).map((r) => r.id) : typeof v === 'object' ? (v as NamedRef).id : v);
  return JSON.stringify([messageId, Object.entries(data ?? {}).map(([k, v]) => [k, plain(v)])]);
}

function moreLikeThis(count: number, lang: string): string {
  return formatMessage(MORE, 'more', { n: count }, lang);
}

function rangeOf(at: Pointer, files: ReadonlyMap<string, LoadedFile>): Range {
  const file = files.get(at.file);
  if (!file) return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  let start: number;
  let end: number;
  if (isOffsetPointer(at)) {
    start = at.offset;
    end = at.end ?? Math.min(at.offset + 1, file.text.length);
  } else if (file.positions) {
    ({ start, end } = file.positions.locate(at.path, at.part).span);
  } else {
    start = end = 0;
  }
  return { start: file.lines.position(start), end: file.lines.position(Math.max(start, end)) };
}
