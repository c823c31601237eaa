// The language server on a large org, as an editor drives it: `orgc lsp --stdio` started from the
// binary, a real LSP client over stdio (vscode-languageserver-protocol), the synthetic org split
// over several files with one of them open. Each sample is a one-line edit sent as `didChange`
// (the range changed and its text, as the server asks for) until the `publishDiagnostics` that follows it, with the
// org's findings correct: the edits alternate between a line that makes a finding and the line as
// it was (none), so a stale or partial check cannot pass for a fast one. Two kinds of edit: a
// `reports_to` typo (the model moves a role: lines, teams and scopes change) and a headcount of 0
// under one vacancy (a field most planning rules read: workload, spans, layers, quota capacity,
// territory balance).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { syntheticOrg } from './synthetic-org.js';

/** Files the org is split over: an edit re-parses one of them, the model and checks take them all. */
const FILES = 20;

/**
 * The org of `roles` roles over FILES files in `dir`, generated on first use. The first file is
 * named org.yaml: that is how the server knows the directory is one org.
 */
export function lspOrg(dir: string, roles: number): string[] {
  const names: string[] = [];
  if (!existsSync(path.join(dir, 'org.yaml'))) {
    mkdirSync(dir, { recursive: true });
    const org = syntheticOrg(roles, { files: FILES });
    let first = true;
    for (const [name, text] of org.files) {
      writeFileSync(path.join(dir, first ? 'org.yaml' : name), text);
      first = false;
    }
    if (org.config) writeFileSync(path.join(dir, 'orgc.config.yaml'), org.config);
  }
  names.push(path.join(dir, 'org.yaml'));
  for (let f = 2; f <= FILES; f++) names.push(path.join(dir, `org-${String(f).padStart(2, '0')}.yaml`));
  return names.filter((n) => existsSync(n));
}

export interface LspTiming {
  /** didOpen of the first file until its diagnostics: every file loaded, the model built, all checks. */
  openMs: number;
  /** didChange → publishDiagnostics of each edit, in order. */
  editMs: number[];
  /**
   * The server's CPU time (user + system) for each edit, where /proc tells (Linux; 10 ms steps).
   * On a machine shared with other work, wall time waits for a core; this does not.
   */
  editCpuMs?: number[];
}

/** CPU time a process has used so far, in ms, from /proc/<pid>/stat; undefined where there is none. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
/** The kernel's clock ticks per second (`getconf CLK_TCK`): 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;

/** The kinds of one-line edit timed: the line edited, as it is made, and how its finding is told. */
export const LSP_EDITS = {
  'reporting line': { line: /^ {4}reports_to: ([a-z0-9-]+)$/m, edit: (m: RegExpExecArray) => `${m[0]}x`, finding: (m: RegExpExecArray) => `${m[1]}x` },
  // The file's last Responsible made Accountable too: the duty's second A, reported where it is written (here).
  'RACI letter': { line: /^( {6}([a-z0-9-]+): )R$/gm, edit: (m: RegExpExecArray) => `${m[1]}A`, finding: (m: RegExpExecArray) => m[2] },
  headcount: { line: /^( {4}headcount: )\d+(\n {4}vacancies: [1-9])$/m, edit: (m: RegExpExecArray) => `${m[1]}0${m[2]}`, finding: () => 'headcount of only 0' },
} as const;
export type LspEdit = keyof typeof LSP_EDITS;

/** Open one file of the org in `orgc lsp`, then time `edits` one-line edits of it of one kind. */
export async function timeLspEdits(orgc: string, files: readonly string[], edits: number, kind: LspEdit = 'reporting line'): Promise<LspTiming> {
  // A file in the middle: its roles report to managers declared in other files.
  const file = files[Math.floor(files.length / 2)];
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const how = LSP_EDITS[kind];
  // The first line that matches, or the last for a pattern that finds all (`g`).
  const line = how.line.global ? ([...text.matchAll(how.line)].pop() as RegExpExecArray | undefined) : how.line.exec(text);
  if (!line) throw new Error(`no line to edit (${kind}) in ${file}`);
  const edited = how.edit(line);
  const typo = text.slice(0, line.index) + edited + text.slice(line.index + line[0].length);
  const finding = how.finding(line);
  // As an editor sends a keystroke (the server asks for incremental sync): the range replaced, and its new text.
  const range = (within: string, length: number) => {
    const doc = TextDocument.create(uri, 'yaml', 0, within);
    return { start: doc.positionAt(line.index), end: doc.positionAt(line.index + length) };
  };
  const toTypo = { range: range(text, line[0].length), text: edited };
  const back = { range: range(typo, edited.length), text: line[0] };

  const server = spawn(process.execPath, [orgc, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  let waiting: { ok: (p: PublishDiagnosticsParams) => boolean; resolve: (at: number) => void } | undefined;
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const at = performance.now();
    if (p.uri === uri && waiting?.ok(p)) {
      const w = waiting;
      waiting = undefined;
      w.resolve(at);
    }
  });
  client.listen();
  const next = (ok: (p: PublishDiagnosticsParams) => boolean) => new Promise<number>((resolve) => (waiting = { ok, resolve }));
  try {
    await client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {}, workspaceFolders: null });
    await client.sendNotification('initialized', {});
    const clean = (p: PublishDiagnosticsParams) => p.diagnostics.length === 0;
    const flagged = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.message.includes(finding));

    let start = performance.now();
    let done = next(clean);
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const openMs = (await done) - start;

    const editMs: number[] = [];
    const editCpuMs: number[] = [];
    // One untimed edit first: the first check after opening compiles code paths the open did not take.
    for (let i = -1; i < edits; i++) {
      const withTypo = (i & 1) !== 0;
      const cpu = cpuMsOf(server.pid);
      start = performance.now();
      done = next(withTypo ? flagged : clean);
      await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 3 }, contentChanges: [withTypo ? toTypo : back] });
      const ms = (await done) - start;
      const cpuAfter = cpuMsOf(server.pid);
      if (i < 0) continue;
      editMs.push(ms);
      if (cpu !== undefined && cpuAfter !== undefined) editCpuMs.push(cpuAfter - cpu);
    }
    await client.sendRequest('shutdown');
    await client.sendNotification('exit');
    return { openMs, editMs, editCpuMs: editCpuMs.length === editMs.length ? editCpuMs : undefined };
  } finally {
    client.dispose();
    server.kill();
  }
}
