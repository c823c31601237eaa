// The language server's workspace in-process: what an edit loads again, and which text is checked.
// (server.test.ts drives the same through the binary over stdio.)
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/lsp/workspace.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/sales-org', import.meta.url));
let dir: string;
let ops: string;
let leaders: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'orgc-lsp-ws-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  ops = path.join(dir, 'roles', 'operations.yaml');
  leaders = path.join(dir, 'roles', 'leadership.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const findingsIn = (ws: Workspace, file: string, word: string) => (ws.stateOf(file)?.result?.diagnostics ?? []).filter((d) => d.file === file && d.message.includes(word));

describe('the language server workspace', () => {
  it('updates a finding in another file from an unsaved edit, loading only the edited file again', async () => {
    const ws = new Workspace(() => 'en');
    const text = readFileSync(leaders, 'utf8');
    ws.open.set(leaders, { text, version: 1 });
    const first = await ws.check(leaders);
    expect(first.result!.diagnostics).toEqual([]);
    const loaded = ws.loads;
    expect(loaded).toBe(first.files.length);
    const stamp = statSync(leaders).mtimeMs;

    ws.open.set(leaders, { text: text.replace('  customer-success-manager:', '  customer-success-lead:'), version: 2 });
    await ws.check(leaders);
    expect(ws.loads).toBe(loaded + 1);
    const found = findingsIn(ws, ops, 'customer-success-manager');
    expect(found.length).toBeGreaterThan(0);
    // The file on disk was neither written nor needed: the finding comes from the editor's text.
    expect(readFileSync(leaders, 'utf8')).toBe(text);
    expect(statSync(leaders).mtimeMs).toBe(stamp);

    ws.open.set(leaders, { text, version: 3 });
    await ws.check(leaders);
    expect(ws.loads).toBe(loaded + 2);
    expect(findingsIn(ws, ops, 'customer-success-manager')).toEqual([]);
  });

  it('checks the editor\'s text of an open file, not what is on disk', async () => {
    const ws = new Workspace(() => 'en');
    const text = readFileSync(ops, 'utf8');
    const typo = text.replace('reports_to: customer-success-manager', 'reports_to: customer-success-mgr');
    // Unsaved typo in the editor, the clean text on disk: the typo is found.
    ws.open.set(ops, { text: typo, version: 1 });
    await ws.check(ops);
    expect(findingsIn(ws, ops, 'customer-success-mgr').length).toBeGreaterThan(0);
    // The typo saved by another program, the editor back to the clean text: nothing is found.
    writeFileSync(ops, typo);
    ws.open.set(ops, { text, version: 2 });
    await ws.check(ops);
    expect(findingsIn(ws, ops, 'customer-success-mgr')).toEqual([]);
    // Closed, the file counts as it is on disk.
    ws.open.delete(ops);
    await ws.check(ops);
    expect(findingsIn(ws, ops, 'customer-success-mgr').length).toBeGreaterThan(0);
  });

  it('gives the same findings as a fresh check after edits', async () => {
    const ws = new Workspace(() => 'en');
    const text = readFileSync(ops, 'utf8');
    const typo = text.replace('reports_to: customer-success-manager', 'reports_to: customer-success-mgr');
    for (const [version, t] of [typo, text, typo].entries()) {
      ws.open.set(ops, { text: t, version });
      await ws.check(ops);
    }
    const fresh = new Workspace(() => 'en');
    fresh.open.set(ops, { text: typo, version: 0 });
    await fresh.check(ops);
    expect(ws.stateOf(ops)!.result!.diagnostics).toEqual(fresh.stateOf(ops)!.result!.diagnostics);
    expect(ws.stateOf(ops)!.result!.diagnostics.length).toBeGreaterThan(0);
  });

  it('finds a declaration from the load stage\'s positions', async () => {
    const ws = new Workspace(() => 'en');
    await ws.check(ops);
    const text = readFileSync(leaders, 'utf8');
    const line = text.slice(0, text.indexOf('  customer-success-manager:')).split('\n').length - 1;
    expect(ws.declarationOf(leaders, ['roles', 'customer-success-manager'])).toEqual({ start: { line, character: 2 }, end: { line, character: 2 + 'customer-success-manager'.length } });
  });

  it('checks a scenario with its base org, as orgc validate does', async () => {
    const examples = mkdtempSync(path.join(os.tmpdir(), 'orgc-lsp-scenario-'));
    try {
      cpSync(EXAMPLE, path.join(examples, 'sales-org'), { recursive: true });
      cpSync(path.join(EXAMPLE, '..', 'scenarios'), path.join(examples, 'scenarios'), { recursive: true });
      const file = path.join(examples, 'scenarios', 'ka-split.yaml');
      const text = readFileSync(file, 'utf8');
      const ws = new Workspace(() => 'en');
      ws.open.set(file, { text, version: 1 });
      expect((await ws.check(file)).result!.diagnostics).toEqual([]);
      // An unsaved typo in the scenario is found in it.
      ws.open.set(file, { text: text.replace('base: ../sales-org', 'base: ../sales-orgs'), version: 2 });
      expect((await ws.check(file)).result!.diagnostics.length).toBeGreaterThan(0);
    } finally {
      rmSync(examples, { recursive: true, force: true });
    }
  });
});
