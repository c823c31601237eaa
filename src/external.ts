// Packages that stay outside the bundle and load only when a command needs them: the heavy back
// ends (Chromium's driver, Graphviz) and the slow-path YAML parser.
//
// The bundle runs inside a vm.Script so that V8 can cache its compiled code (see bin/orgc), and
// `import()` is not available there without experimental flags; bin/orgc hands in its own. Under
// the tests, which run the sources directly, it is the ordinary `import()`.
declare const __orgcImport: ((specifier: string) => Promise<unknown>) | undefined;

export function importExternal<T>(specifier: string): Promise<T> {
  return (typeof __orgcImport === 'function' ? __orgcImport(specifier) : import(specifier)) as Promise<T>;
}
