// The VS Code extension (editors/vscode) as CI builds it: `npm run package:vscode` bundles it and
// packs the .vsix; the .vsix is a zip that VS Code installs from its `extension/` folder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const VSIX = path.join(ROOT, 'editors', 'vscode', 'orgc.vsix');
let files: Record<string, Uint8Array>;

beforeAll(() => {
  // Built once for the file: bundling and packing take a few seconds.
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'package:vscode'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  files = unzipSync(readFileSync(VSIX));
}, 120_000);

describe('the VS Code extension', () => {
  it('packs the manifest, the bundled entry file, README and LICENSE', () => {
    const manifest = JSON.parse(strFromU8(files['extension/package.json']));
    const entry = path.posix.join('extension', manifest.main);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['extension.vsixmanifest', 'extension/package.json', entry, 'extension/readme.md', 'extension/LICENSE.txt']));
    expect(manifest.engines.vscode).toMatch(/^\^1\./);
    expect(manifest.activationEvents).toContain('onLanguage:yaml');
    // Nothing but the bundle: no sources, no node_modules.
    expect(Object.keys(files).filter((f) => f.startsWith('extension/') && !f.endsWith('/')).sort()).toEqual(['extension/LICENSE.txt', entry, 'extension/package.json', 'extension/readme.md'].sort());
  });

  it('bundles the language client, and starts `orgc lsp --stdio`', () => {
    const manifest = JSON.parse(strFromU8(files['extension/package.json']));
    const bundle = strFromU8(files[path.posix.join('extension', manifest.main)]);
    // The client is inside the bundle, not required from a node_modules the .vsix does not have.
    expect(bundle).not.toMatch(/require\(["']vscode-languageclient/);
    expect(bundle).toContain('LanguageClient');
    expect(bundle).toMatch(/\["lsp","--stdio"\]/);
    expect(bundle).toMatch(/require\("vscode"\)/);
  });

  it('declares every setting and command the extension reads', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8'));
    const source = readFileSync(path.join(ROOT, 'editors', 'vscode', 'extension.js'), 'utf8');
    const read = [...source.matchAll(/getConfiguration\('orgc'[^)]*\)\.get\('([a-z]+)'/g)].map((m) => `orgc.${m[1]}`);
    expect(new Set(read)).toEqual(new Set(Object.keys(manifest.contributes.configuration.properties)));
    const commands = [...source.matchAll(/registerCommand\('([a-z.]+)'/g)].map((m) => m[1]);
    expect(commands).toEqual(manifest.contributes.commands.map((c: { command: string }) => c.command));
  });
});
