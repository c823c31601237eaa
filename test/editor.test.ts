// The promise to editors: with the `# yaml-language-server: $schema=...` line our examples carry,
// the YAML language server completes role fields and explains them on hover.
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { LspClient } from './helpers/lsp.js';

const uri = pathToFileURL(`${ROOT}examples/sales-org/roles/editor-test.yaml`).href;
const text = [
  '# yaml-language-server: $schema=../../../schemas/orgc.schema.json',
  'orgc: 1',
  'roles:',
  '  sales-rep:',
  '    title: Sales Representative',
  '    ',
  '',
].join('\n');

let lsp: LspClient;

beforeAll(async () => {
  lsp = LspClient.start(process.execPath, [`${ROOT}node_modules/yaml-language-server/bin/yaml-language-server`, '--stdio']);
  await lsp.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } }, hover: { contentFormat: ['markdown', 'plaintext'] } } },
  });
  lsp.notify('initialized', {});
  lsp.notify('workspace/didChangeConfiguration', { settings: { yaml: { completion: true, hover: true, validate: true } } });
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
});

afterAll(() => lsp?.stop());

describe('the schema in the YAML language server', () => {
  it('completes the fields of a role', async () => {
    const result = await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 4 } });
    const labels = (Array.isArray(result) ? result : result.items).map((i: any) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['reports_to', 'level', 'duties', 'headcount', 'scope', 'requires']));
    // Keys already present are not offered again.
    expect(labels).not.toContain('title');
  });

  it('explains a field on hover', async () => {
    const hover = await lsp.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 6 } });
    expect(JSON.stringify(hover.contents)).toMatch(/Job title/);
  });
});
