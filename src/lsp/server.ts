// `orgc lsp`: the Language Server Protocol over stdio, built on vscode-languageserver. Every check
// of `orgc validate` as diagnostics while the user types, across all files of the org; ids that
// complete where a reference goes; hover, go to definition, find references and rename for ids;
// quick fixes. docs/editors.md says how to set it up in VS Code, Neovim and other editors.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  MarkupKind,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextEdit,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { uiLanguage } from '../i18n/lang.js';
import { localize, tr } from '../i18n/text.js';
import type { OrgModel } from '../model/types.js';
import { packageRoot } from '../package-root.js';
import { raciLetters } from '../model/queries.js';
import { ID, entityKind, entityMaps, kindsAt, occurrences, wordAt, type EntityKind } from './references.js';
import { Workspace, type OrgState } from './workspace.js';

/** Serves one editor over stdin and stdout (`orgc lsp`, `orgc lsp --stdio`): nothing else may write to stdout. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))): Connection {
  let lang: string | undefined;
  const workspace = new Workspace(() => lang);
  const published = new Map<string, Set<string>>();

  connection.onInitialize((params) => {
    const asked = (params.initializationOptions as { lang?: string } | undefined)?.lang ?? params.locale;
    lang = asked ? uiLanguage(asked) : undefined;
    return {
      capabilities: {
        // The changed range only: the editor sends a keystroke, not the file (a file of a large org is hundreds of KB).
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '[', ',', '{'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'orgc' },
    };
  });

  const fileOf = (uri: string) => fileURLToPath(uri);
  const uriOf = (file: string) => pathToFileURL(file).href;

  async function check(file: string): Promise<void> {
    const state = await workspace.check(file);
    const byFile = new Map<string, LspDiagnostic[]>(state.files.map((f) => [f, []]));
    // One line index per file, for every finding in it (offsets → editor positions).
    const docs = new Map<string, TextDocument>();
    for (const d of state.result?.diagnostics ?? []) {
      const text = state.texts.get(d.file);
      if (text === undefined) continue;
      let doc = docs.get(d.file);
      if (!doc) docs.set(d.file, (doc = TextDocument.create(uriOf(d.file), 'yaml', 0, text)));
      byFile.get(d.file)?.push({
        range: { start: doc.positionAt(d.range.start.offset), end: doc.positionAt(Math.max(d.range.end.offset, d.range.start.offset)) },
        severity: d.severity === 'error' ? DiagnosticSeverity.Error : d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
        code: d.ruleId,
        codeDescription: { href: rulePageUrl(d.ruleId, state.result!.lang) },
        source: 'orgc',
        message: d.message,
        // The finding's own fix (a range and its replacement), for the quick fix.
        ...(d.fix ? { data: { fix: { range: { start: { line: d.fix.range.start.line - 1, character: d.fix.range.start.column - 1 }, end: { line: d.fix.range.end.line - 1, character: d.fix.range.end.column - 1 } }, text: d.fix.text } } } : {}),
        relatedInformation: d.related.map((r) => ({
          location: { uri: uriOf(r.file), range: { start: { line: r.range.start.line - 1, character: r.range.start.column - 1 }, end: { line: r.range.end.line - 1, character: r.range.end.column - 1 } } },
          message: r.message,
        })),
      });
    }
    // Open files always hear the outcome (an empty list says "checked, clean"); files that had
    // findings and have none now are cleared; other clean files are left alone.
    const before = published.get(state.root) ?? new Set();
    for (const f of before) if (!byFile.has(f)) byFile.set(f, []);
    for (const [f, list] of byFile) if (list.length > 0 || before.has(f) || workspace.open.has(f)) await connection.sendDiagnostics({ uri: uriOf(f), diagnostics: list });
    published.set(state.root, new Set([...byFile].filter(([, l]) => l.length > 0).map(([f]) => f)));
  }

  // Checks run one at a time, each on the newest texts. Edits that arrive while a check runs (or
  // in the same burst of messages) are gathered and checked together once it ends: no fixed delay
  // after a keystroke, and never a check of a text the editor has already replaced.
  const pending = new Map<string, string>();
  let running = false;
  function schedule(file: string): void {
    pending.set(workspace.rootOf(file), file);
    if (running) return;
    running = true;
    setImmediate(() => void drain());
  }
  async function drain(): Promise<void> {
    try {
      while (pending.size > 0) {
        const files = [...pending.values()];
        pending.clear();
        for (const file of files) await check(file);
      }
    } finally {
      running = false;
    }
  }

  /** The documents open in the editor, as the changes it sent leave them. */
  const documents = new Map<string, TextDocument>();
  connection.onDidOpenTextDocument(({ textDocument }) => {
    const file = fileOf(textDocument.uri);
    documents.set(file, TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text));
    workspace.open.set(file, { text: textDocument.text, version: textDocument.version });
    schedule(file);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const file = fileOf(textDocument.uri);
    const doc = documents.get(file);
    // A change to a document never opened has no text to apply it to: the file on disk stays what is checked.
    if (!doc) return;
    TextDocument.update(doc, contentChanges, textDocument.version);
    workspace.open.set(file, { text: doc.getText(), version: textDocument.version });
    schedule(file);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    const file = fileOf(textDocument.uri);
    documents.delete(file);
    workspace.open.delete(file);
    schedule(file);
  });
  connection.onDidSaveTextDocument(({ textDocument }) => schedule(fileOf(textDocument.uri)));

  /** The text of a file as last checked, its model, and the word at a position. */
  function at(uri: string, line: number, character: number) {
    const file = fileOf(uri);
    const state = workspace.stateOf(file);
    const text = state?.texts.get(file) ?? workspace.open.get(file)?.text;
    if (!state || text === undefined) return undefined;
    const lines = text.split('\n');
    return { file, state, lines, word: lines[line] === undefined ? undefined : wordAt(lines[line], character), model: state.result?.model };
  }

  connection.onCompletion(({ textDocument, position }) => {
    const file = fileOf(textDocument.uri);
    const state = workspace.stateOf(file);
    const text = workspace.open.get(file)?.text ?? state?.texts.get(file);
    const model = state?.result?.model;
    if (!model || text === undefined) return [];
    const lines = text.split('\n');
    const kinds = lines[position.line] === undefined ? [] : kindsAt(lines, position.line, position.character);
    return kinds.flatMap((kind) =>
      [...entities(model, kind)].map(([id, name]) => ({ label: id, kind: CompletionItemKind.Reference, detail: name ? `${name} · ${kind}` : kind })),
    );
  });

  connection.onHover(({ textDocument, position }) => {
    const here = at(textDocument.uri, position.line, position.character);
    if (!here?.word || !here.model) return null;
    const value = describe(here.model, here.word.word, here.state.result!.lang);
    if (!value) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value },
      range: { start: { line: position.line, character: here.word.start }, end: { line: position.line, character: here.word.end } },
    };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const here = at(textDocument.uri, position.line, position.character);
    if (!here?.word || !here.model) return null;
    return declaration(workspace, here.model, here.word.word) ?? null;
  });

  connection.onReferences(({ textDocument, position }) => {
    const here = at(textDocument.uri, position.line, position.character);
    if (!here?.word || !here.model || !entityKind(here.model, here.word.word)) return [];
    return references(here.state, here.word.word);
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const here = at(textDocument.uri, position.line, position.character);
    if (!here?.word || !here.model || !entityKind(here.model, here.word.word)) return null;
    return { start: { line: position.line, character: here.word.start }, end: { line: position.line, character: here.word.end } };
  });

  connection.onRenameRequest(({ textDocument, position, newName }): WorkspaceEdit | null => {
    const here = at(textDocument.uri, position.line, position.character);
    if (!here?.word || !here.model || !entityKind(here.model, here.word.word)) return null;
    if (!new RegExp(`^${ID.source}$`).test(newName)) throw new Error(`\`${newName}\` is not an id: lower-case letters, digits and single hyphens, starting with a letter`);
    const changes: Record<string, TextEdit[]> = {};
    for (const loc of references(here.state, here.word.word)) (changes[loc.uri] ??= []).push(TextEdit.replace(loc.range, newName));
    return { changes };
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const file = fileOf(textDocument.uri);
    const text = workspace.open.get(file)?.text ?? workspace.stateOf(file)?.texts.get(file);
    if (text === undefined) return [];
    const lines = text.split('\n');
    const actions: CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'orgc' || typeof d.code !== 'string') continue;
      const fix = (d.data as { fix?: { range: typeof d.range; text: string } } | undefined)?.fix;
      // "did you mean `x`?": the finding's fix when it has one, else the word under the finding replaced with the suggestion.
      const suggestion = fix ? undefined : /`([a-z][a-z0-9-]*)`[?？]/.exec(d.message)?.[1];
      if (fix) {
        actions.push({ title: `→ ${fix.text}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [textDocument.uri]: [TextEdit.replace(fix.range, fix.text)] } } });
      } else if (suggestion && d.range.start.line === d.range.end.line) {
        actions.push({ title: `→ ${suggestion}`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [textDocument.uri]: [TextEdit.replace(d.range, suggestion)] } } });
      }
      const line = d.range.start.line;
      const indent = /^\s*/.exec(lines[line] ?? '')![0];
      actions.push({
        title: `# orgc-disable-next-line ${d.code}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [textDocument.uri]: [TextEdit.insert({ line, character: 0 }, `${indent}# orgc-disable-next-line ${d.code} -- \n`)] } },
      });
    }
    return actions;
  });

  connection.listen();
  return connection;
}

/** Ids of one kind with their names in the org's language. */
function* entities(model: OrgModel, kind: EntityKind): Generator<[string, string]> {
  const lang = model.org.language;
  for (const [id, e] of entityMaps(model)[kind]) yield [id, localize(e.title ?? e.name, lang, lang)];
}

/** Markdown for an id: a role's title, level, line and RACI row; a duty's name, area and RACI column. */
function describe(model: OrgModel, id: string, lang: string): string | undefined {
  const t = (x: Parameters<typeof localize>[0]) => localize(x, lang, model.org.language);
  const role = model.roles.get(id);
  if (role) {
    const lines = [`**${t(role.title)}** \`${id}\` — ${role.level}`];
    if (role.manager) lines.push(`${tr(lang, 'reports to', '汇报给')} ${t(role.manager.title)} \`${role.manager.id}\``);
    if (role.duties.length > 0) {
      lines.push('', `| ${tr(lang, 'duty', '职责')} | RACI |`, '| --- | --- |');
      for (const a of role.duties) lines.push(`| ${t(a.duty.name)} \`${a.duty.id}\` | ${raciLetters(a.letters).join('')} |`);
    }
    return lines.join('\n');
  }
  const duty = model.duties.get(id);
  if (duty) {
    const lines = [`**${t(duty.name)}** \`${id}\` — ${duty.area}`];
    if (duty.assignments.length > 0) {
      lines.push('', `| ${tr(lang, 'role', '岗位')} | RACI |`, '| --- | --- |');
      for (const a of duty.assignments) lines.push(`| ${t(a.role.title)} \`${a.role.id}\` | ${raciLetters(a.letters).join('')} |`);
    }
    return lines.join('\n');
  }
  const kind = entityKind(model, id);
  if (!kind) return undefined;
  const [, name] = [...entities(model, kind)].find(([x]) => x === id)!;
  return `**${name}** \`${id}\` — ${kind}`;
}

/** Where an id is declared: its key, where the load stage's position index of its file puts it. */
function declaration(workspace: Workspace, model: OrgModel, id: string): Location | undefined {
  const kind = entityKind(model, id);
  const entity = kind && entityMaps(model)[kind].get(id);
  if (!entity) return undefined;
  const range = workspace.declarationOf(entity.src.file, entity.src.path);
  return range && { uri: pathToFileURL(entity.src.file).href, range };
}

/** Every place an id is written, in every file of the org. */
function references(state: OrgState, id: string): Location[] {
  const out: Location[] = [];
  for (const [file, text] of state.texts) {
    for (const [line, start, end] of occurrences(text, id)) out.push({ uri: pathToFileURL(file).href, range: { start: { line, character: start }, end: { line, character: end } } });
  }
  return out;
}

/**
 * The rule's page in the reader's language: docs/rules/zh-CN/<id>.md for Chinese readers (zh-TW
 * too: the editor shows the file as it is, and the Simplified page reads better than the English
 * one), else docs/rules/<id>.md.
 */
function rulePageUrl(ruleId: string, lang: string): string {
  const zh = path.join(packageRoot(), 'docs', 'rules', 'zh-CN', `${ruleId}.md`);
  return pathToFileURL(lang !== 'en' && existsSync(zh) ? zh : path.join(packageRoot(), 'docs', 'rules', `${ruleId}.md`)).href;
}
