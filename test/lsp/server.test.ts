// `orgc lsp` driven as an editor drives it: the built binary, a real LSP client (vscode-languageserver-
// protocol) over stdio, on copies of the English quickstart and the Chinese enterprise example.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type Hover,
  type InitializeResult,
  type Location,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { BIN, ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'orgc-lsp-'));
cpSync(path.join(ROOT, 'examples/quickstart'), path.join(tmp, 'quickstart'), { recursive: true });
cpSync(path.join(ROOT, 'examples/sales-org'), path.join(tmp, 'sales-org'), { recursive: true });
const QUICK = path.join(tmp, 'quickstart', 'org.yaml');
const OPS = path.join(tmp, 'sales-org', 'roles', 'operations.yaml');
const LEADERS = path.join(tmp, 'sales-org', 'roles', 'leadership.yaml');
const uri = (file: string) => pathToFileURL(file).href;

let server: ChildProcessWithoutNullStreams;
let client: ProtocolConnection;
/** Every diagnostics notification, newest last, by file URI. */
const published = new Map<string, PublishDiagnosticsParams[]>();
const waiters: Array<() => void> = [];

/** The next diagnostics for a file that satisfy `ok` (they arrive after a check settles). */
function diagnostics(file: string, ok: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve) => {
    const look = () => {
      const found = [...(published.get(uri(file)) ?? [])].reverse().find(ok);
      if (found) resolve(found);
      else waiters.push(look);
    };
    look();
  });
}

const versions = new Map<string, number>();
function open(file: string, text = readFileSync(file, 'utf8')): void {
  versions.set(file, 1);
  void client.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'yaml', version: 1, text } });
}
function change(file: string, text: string): void {
  const version = (versions.get(file) ?? 1) + 1;
  versions.set(file, version);
  void client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text }] });
}
/** The 0-based position of the first `needle` in a text, `offset` characters into it. */
function at(text: string, needle: string, offset = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

beforeAll(async () => {
  server = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: 'pipe' });
  client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    for (const w of waiters.splice(0)) w();
  });
  client.listen();
  const init: InitializeResult = await client.sendRequest('initialize', { processId: process.pid, rootUri: uri(tmp), capabilities: {}, workspaceFolders: null });
  expect(init.capabilities.hoverProvider).toBe(true);
  await client.sendNotification('initialized', {});
}, 60_000);

afterAll(async () => {
  await client.sendRequest('shutdown');
  await client.sendNotification('exit');
  client.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('orgc lsp, English quickstart', () => {
  const text = readFileSync(QUICK, 'utf8');
  const typo = text.replace('reports_to: sales-manager', 'reports_to: sales-manger');

  it('publishes the findings of every check, with rule id, severity and the rule doc', async () => {
    open(QUICK, typo);
    const { diagnostics: list } = await diagnostics(QUICK, (p) => p.diagnostics.length > 0);
    const d = list.find((x) => x.message.includes('sales-manger'))!;
    expect(d).toBeDefined();
    expect(d.source).toBe('orgc');
    expect(typeof d.code).toBe('string');
    expect(d.severity).toBe(1);
    expect(d.codeDescription!.href).toMatch(/^file:.*docs\/rules\/[a-z-]+\.md$/);
    expect(d.range.start).toEqual(at(typo, 'sales-manger'));
    expect(d.message).toContain('sales-manager');
  }, 60_000);

  it('offers the "did you mean" fix and a suppression comment', async () => {
    const { diagnostics: list } = await diagnostics(QUICK, (p) => p.diagnostics.length > 0);
    const d = list.find((x) => x.message.includes('sales-manger'))!;
    const actions: CodeAction[] = await client.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(QUICK) }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.edit!.changes![uri(QUICK)][0]).toMatchObject({ range: d.range, newText: 'sales-manager' });
    expect(actions.some((a) => a.edit!.changes![uri(QUICK)][0].newText.includes(`# orgc-disable-next-line ${d.code} -- `))).toBe(true);
  });

  it('clears the finding when the typo is fixed, sent as the changed range only', async () => {
    const version = (versions.get(QUICK) ?? 1) + 1;
    versions.set(QUICK, version);
    // The editor replaces `sales-manger` by `sales-manager` (incremental sync, as the server asks for).
    const start = at(typo, 'sales-manger');
    const range = { start, end: { line: start.line, character: start.character + 'sales-manger'.length } };
    void client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(QUICK), version }, contentChanges: [{ range, text: 'sales-manager' }] });
    await diagnostics(QUICK, (p) => p.diagnostics.length === 0);
    // The server's text is the fixed one: a hover where the typo was finds the manager.
    const hover: Hover = await client.sendRequest('textDocument/hover', { textDocument: { uri: uri(QUICK) }, position: at(text, 'reports_to: sales-manager', 'reports_to: '.length + 2) });
    expect(JSON.stringify(hover.contents)).toContain('sales-manager');
  }, 60_000);

  it('completes role ids after reports_to, and duty ids among a role\'s duties', async () => {
    const roles: CompletionItem[] = await client.sendRequest('textDocument/completion', { textDocument: { uri: uri(QUICK) }, position: at(text, 'reports_to: sales-manager', 'reports_to: '.length) });
    expect(roles.map((c) => c.label)).toEqual(expect.arrayContaining(['sales-director', 'sales-manager']));
    expect(roles.find((c) => c.label === 'sales-manager')!.detail).toContain('Sales Manager');
    const duties: CompletionItem[] = await client.sendRequest('textDocument/completion', { textDocument: { uri: uri(QUICK) }, position: at(text, 'set-targets: [', 0) });
    expect(duties.map((c) => c.label)).toContain('coach-team');
  });

  it('shows a role\'s title, line and RACI row on hover', async () => {
    const hover: Hover = await client.sendRequest('textDocument/hover', { textDocument: { uri: uri(QUICK) }, position: at(text, 'reports_to: sales-manager', 'reports_to: '.length + 2) });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('**Sales Manager** `sales-manager`');
    expect(value).toContain('| RACI |');
  });
});

describe('orgc lsp, Chinese enterprise example over several files', () => {
  const ops = readFileSync(OPS, 'utf8');
  const leaders = readFileSync(LEADERS, 'utf8');
  const where = at(ops, 'reports_to: customer-success-manager', 'reports_to: '.length + 3);

  it('checks the whole org clean when one of its files opens', async () => {
    open(OPS);
    open(LEADERS);
    const p = await diagnostics(OPS, () => true);
    expect(p.diagnostics).toEqual([]);
  }, 60_000);

  it('goes to the definition in another file, and finds references in every file', async () => {
    const def: Location = await client.sendRequest('textDocument/definition', { textDocument: { uri: uri(OPS) }, position: where });
    expect(def.uri).toBe(uri(LEADERS));
    expect(def.range.start).toEqual(at(leaders, 'customer-success-manager:'));
    const refs: Location[] = await client.sendRequest('textDocument/references', { textDocument: { uri: uri(OPS) }, position: where, context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => path.basename(new URL(r.uri).pathname)));
    expect(files).toEqual(new Set(['leadership.yaml', 'operations.yaml', 'people.yaml', 'performance.yaml', 'process.yaml']));
  });

  it('renames an id in every file', async () => {
    const edit: WorkspaceEdit = await client.sendRequest('textDocument/rename', { textDocument: { uri: uri(OPS) }, position: where, newName: 'cs-manager' });
    const edits = Object.values(edit.changes!).flat();
    expect(edits.length).toBe((await client.sendRequest<Location[]>('textDocument/references', { textDocument: { uri: uri(OPS) }, position: where, context: { includeDeclaration: true } })).length);
    expect(edits.every((e) => e.newText === 'cs-manager')).toBe(true);
  });

  it('updates a file\'s findings when another file changes, in the org\'s language', async () => {
    change(LEADERS, leaders.replace('  customer-success-manager:', '  customer-success-lead:'));
    const p = await diagnostics(OPS, (x) => x.diagnostics.length > 0);
    const d = p.diagnostics.find((x) => x.message.includes('customer-success-manager'))!;
    expect(d.range.start).toEqual(at(ops, 'customer-success-manager'));
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    // The rule's page in the same language.
    expect(d.codeDescription!.href).toMatch(/^file:.*docs\/rules\/zh-CN\/.+\.md$/);
    change(LEADERS, leaders);
    await diagnostics(OPS, (x) => x.diagnostics.length === 0 && (published.get(uri(OPS)) ?? []).indexOf(x) > (published.get(uri(OPS)) ?? []).indexOf(p));
  }, 60_000);

  it('checks the editor\'s text of an open file, not the file on disk', async () => {
    // Another program saves a typo into the open file; the editor still has the clean text.
    writeFileSync(OPS, ops.replace('reports_to: customer-success-manager', 'reports_to: customer-success-mgr'));
    const seen = (published.get(uri(OPS)) ?? []).length;
    change(LEADERS, leaders);
    const p = await diagnostics(OPS, (x) => (published.get(uri(OPS)) ?? []).indexOf(x) >= seen);
    expect(p.diagnostics).toEqual([]);
    writeFileSync(OPS, ops);
  }, 60_000);

  it('shows a duty\'s name and RACI column on hover, in Chinese', async () => {
    const hover: Hover = await client.sendRequest('textDocument/hover', { textDocument: { uri: uri(OPS) }, position: at(ops, 'coordinate-delivery: R', 2) });
    const value = (hover.contents as { value: string }).value;
    expect(value).toMatch(/\*\*[\u4e00-\u9fff]+.*\*\* `coordinate-delivery`/);
    expect(value).toContain('| 岗位 | RACI |');
  });
});
