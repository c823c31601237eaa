// `npm run build:types`: the library's type declarations (dist/types/, `types` in package.json's
// exports) from src/api/index.ts and what it reaches. Run by prepack; the declarations are checked
// by `npm run check:package`, which type-checks a project that imports orgc from the tarball.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/types`;
rmSync(out, { recursive: true, force: true });
const config = ts.getParsedCommandLineOfConfigFile(`${root}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (!config) process.exit(2);
const program = ts.createProgram([`${root}src/api/index.ts`], {
  ...config.options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  // What the command line shares with the library but is not the library's API (`@internal`):
  // left out, and with it the pipeline's own types (the parsed YAML's, which come from zod).
  stripInternal: true,
  outDir: out,
  rootDir: `${root}src`,
});
const emitted = program.emit();
fail([...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics]);
// The validators compiled ahead of time (scripts/build.ts) come with hand-written declarations,
// which the compiler does not emit: the declarations that import them need them beside.
mkdirSync(`${out}/load/generated`, { recursive: true });
for (const name of readdirSync(`${root}src/load/generated`)) if (name.endsWith('.d.ts')) copyFileSync(`${root}src/load/generated/${name}`, `${out}/load/generated/${name}`);

function fail(diagnostics: readonly ts.Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  process.stderr.write(ts.formatDiagnostics(diagnostics, host));
  process.exit(1);
}
