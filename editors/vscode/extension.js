// The orgc extension for VS Code: starts orgc's language server (`orgc lsp --stdio`) and hands it
// the YAML files that are org files. Everything the editor shows — findings, completion, hover,
// definition, references, rename, quick fixes — comes from the server; this file only decides
// which server to start and which documents it sees. Bundled with vscode-languageclient into
// dist/extension.js by `npm run package:vscode` at the repository's root.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** Whether a YAML document is an org file: it matches `orgc.files`, or it starts `orgc: 1`. */
function isOrgFile(document) {
  if (document.languageId !== 'yaml' || document.uri.scheme !== 'file') return false;
  const patterns = vscode.workspace.getConfiguration('orgc', document.uri).get('files', []);
  if (patterns.some((pattern) => vscode.languages.match({ scheme: 'file', pattern }, document) > 0)) return true;
  // The first line that is neither blank nor a comment: every org file declares the format there.
  const lines = Math.min(document.lineCount, 50);
  for (let i = 0; i < lines; i++) {
    const text = document.lineAt(i).text.trim();
    if (text === '' || text.startsWith('#')) continue;
    return /^orgc:\s*1\s*(#.*)?$/.test(text);
  }
  return false;
}

/** The orgc executable: `orgc.path`, else the workspace's node_modules/.bin/orgc, else `orgc` on the PATH. */
function orgcCommand() {
  const configured = vscode.workspace.getConfiguration('orgc').get('path', '');
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (configured) {
    if (path.isAbsolute(configured) || folders.length === 0) return configured;
    return path.resolve(folders[0].uri.fsPath, configured);
  }
  const name = process.platform === 'win32' ? 'orgc.cmd' : 'orgc';
  for (const folder of folders) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', name);
    if (fs.existsSync(local)) return local;
  }
  return name;
}

function start(context) {
  const command = orgcCommand();
  const lang = vscode.workspace.getConfiguration('orgc').get('lang', '');
  // Only org files reach the server: other YAML (CI pipelines, compose files) is not its business.
  const forOrgFiles = (document, next) => (isOrgFile(document) ? next(document) : undefined);
  // Every provider's middleware takes the document first and `next` last.
  const askForOrgFiles = (document, ...rest) => (isOrgFile(document) ? rest[rest.length - 1](document, ...rest.slice(0, -1)) : undefined);
  client = new LanguageClient(
    'orgc',
    'orgc',
    // A .cmd shim on Windows runs only through the shell.
    { command, args: ['lsp', '--stdio'], options: { shell: process.platform === 'win32' } },
    {
      documentSelector: [{ scheme: 'file', language: 'yaml' }],
      initializationOptions: lang ? { lang } : {},
      middleware: {
        didOpen: forOrgFiles,
        didChange: (event, next) => (isOrgFile(event.document) ? next(event) : undefined),
        didSave: forOrgFiles,
        didClose: forOrgFiles,
        // Requests about other YAML files are not asked: the server knows nothing of them.
        provideCompletionItem: askForOrgFiles,
        provideHover: askForOrgFiles,
        provideDefinition: askForOrgFiles,
        provideReferences: askForOrgFiles,
        prepareRename: askForOrgFiles,
        provideRenameEdits: askForOrgFiles,
        provideCodeActions: askForOrgFiles,
      },
    },
  );
  client.start().catch((error) => {
    void vscode.window.showErrorMessage(`orgc: could not start \`${command} lsp\` (${error.message}). Install orgc in the workspace (npm install --save-dev orgc) or set "orgc.path".`);
  });
  context.subscriptions.push({ dispose: () => client?.stop() });
}

function activate(context) {
  start(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('orgc.restart', async () => {
      await client?.stop();
      start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('orgc.path') && !e.affectsConfiguration('orgc.lang')) return;
      await client?.stop();
      start(context);
    }),
  );
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
