// The hostile-input corpus: files a pull request could put in front of orgc in CI, each with the
// finding orgc must answer with. Large cases are generated here rather than committed.
const H = 'orgc: 1\norg: { id: t, name: T, language: en }\n';
const ROLE = '    title: T\n    level: frontline\n';

export interface HostileCase {
  name: string;
  /** Path → content: text, bytes, a symbolic link, a sparse file of a size, or a named pipe. */
  files: Record<string, string | Uint8Array | { symlink: string } | { sparse: number } | { fifo: true }>;
  /** What to validate, relative to the case's directory; the directory itself by default. */
  target?: string;
  code: 0 | 1 | 2;
  /** The first finding (`--format json`), or stderr's one line for exit code 2; none when clean. */
  expect?: { ruleId: string; line?: number; column?: number; message: RegExp } | { stderr: RegExp };
  /** Findings in all, when it matters. */
  count?: number;
}

function billionLaughs(): string {
  let text = `${H}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  return text;
}

const bytes = (s: string) => new TextEncoder().encode(s);

export const CORPUS: HostileCase[] = [
  // Aliases and merges.
  { name: 'billion-laughs', files: { 'org.yaml': billionLaughs() }, code: 1, expect: { ruleId: 'syntax', line: 1, column: 1, message: /^aliases expand this file to more than 100000 values/ } },
  {
    name: 'alias-fan-out',
    files: { 'org.yaml': `${H}x: &x { ${Array.from({ length: 50 }, (_, i) => `k${i}: ${'v'.repeat(20)}`).join(', ')} }\nroles:\n${Array.from({ length: 100_000 }, (_, i) => `  r${i}: *x\n`).join('')}` },
    code: 1,
    expect: { ruleId: 'syntax', line: 1, message: /^aliases expand this file to more than \d+ values/ },
  },
  {
    name: 'merge-key-abuse',
    files: { 'org.yaml': `${H}base: &b { title: X, level: frontline }\nroles:\n${Array.from({ length: 20_000 }, (_, i) => `  r${i}: { <<: *b }\n`).join('')}` },
    code: 1,
    expect: { ruleId: 'syntax', message: /^more than 10000 merge keys/ },
  },
  // Size and shape.
  { name: 'nesting-10000-block', files: { 'org.yaml': `${H}roles:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 2)}a:\n`).join('')}` }, code: 1, expect: { ruleId: 'syntax', message: /^nesting is deeper than 64 levels/ } },
  { name: 'nesting-10000-flow', files: { 'org.yaml': `${H}x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n` }, code: 1, expect: { ruleId: 'syntax', line: 3, message: /^nesting is deeper than 64 levels/ } },
  { name: 'file-200-mb', files: { 'org.yaml': { sparse: 200 * 1024 * 1024 } }, code: 2, expect: { stderr: /^orgc: org\.yaml is 200 MB; orgc reads files up to 128 MB\n$/ } },
  {
    name: 'string-10-mb',
    files: { 'org.yaml': `${H}roles:\n  r:\n${ROLE}    purpose: "${'x'.repeat(10_000_000)}"\n` },
    code: 1,
    expect: { ruleId: 'schema', line: 7, column: 14, message: /^text is 10000000 characters long; the limit is 10000$/ },
  },
  {
    name: 'keys-100000-in-one-map',
    files: { 'org.yaml': `${H}roles:\n  r:\n${ROLE}${Array.from({ length: 100_000 }, (_, i) => `    k${i}: 1\n`).join('')}` },
    code: 1,
    expect: { ruleId: 'unknown-key', line: 7, column: 5, message: /^unknown key `k0`/ },
    // 100 listed, and one that counts the rest.
    count: 101,
  },
  { name: 'empty-file', files: { 'org.yaml': '' }, code: 1, expect: { ruleId: 'schema', line: 1, column: 1, message: /^the file is empty/ } },
  { name: 'only-comments', files: { 'org.yaml': '# nothing\n# here\n' }, code: 1, expect: { ruleId: 'schema', line: 1, column: 1, message: /^the file is empty/ } },
  { name: 'multi-document', files: { 'org.yaml': `${H}---\n${H}` }, code: 1, expect: { ruleId: 'syntax', line: 3, column: 1, message: /^a file holds one YAML document, found 2/ } },
  { name: 'scalar-at-top', files: { 'org.yaml': 'hello\n' }, code: 1, expect: { ruleId: 'schema', line: 1, column: 1, message: /^expected a map \(key: value\), found a string$/ } },
  { name: 'list-at-top', files: { 'org.yaml': '- a\n- b\n' }, code: 1, expect: { ruleId: 'schema', line: 1, column: 1, message: /^expected a map \(key: value\), found a list$/ } },
  // Encodings.
  { name: 'latin-1', files: { 'org.yaml': Uint8Array.from([...bytes(`${H}# caf`), 0xe9, 0x0a]) }, code: 1, expect: { ruleId: 'encoding', line: 3, column: 6, message: /^the file is not UTF-8 \(byte 0xE9 here\)/ } },
  { name: 'utf-16-bom', files: { 'org.yaml': Uint8Array.from([0xff, 0xfe, ...[...H].flatMap((c) => [c.charCodeAt(0), 0])]) }, code: 1, expect: { ruleId: 'encoding', line: 1, column: 1, message: /^the file is UTF-16: save it as UTF-8$/ } },
  { name: 'binary', files: { 'org.yaml': Uint8Array.from({ length: 2560 }, (_, i) => i % 256) }, code: 1, expect: { ruleId: 'encoding', message: /^the file contains a NUL character|^the file is not UTF-8/ } },
  { name: 'nul-byte', files: { 'org.yaml': Uint8Array.from([...bytes(`${H}x: "a`), 0, ...bytes('b"\n')]) }, code: 1, expect: { ruleId: 'encoding', line: 3, column: 6, message: /^the file contains a NUL character/ } },
  // Prototype keys: findings, not pollution or a crash.
  {
    name: 'prototype-keys',
    files: {
      'org.yaml': `${H}__proto__: { polluted: 1 }\nconstructor: { x: 1 }\nroles:\n  r:\n${ROLE}    prototype: 1\n    duties: { __proto__: R, constructor: A }\nduties:\n  constructor: { name: C, area: execution }\n`,
    },
    code: 1,
    expect: { ruleId: 'unknown-key', line: 3, column: 1, message: /^unknown key `__proto__`/ },
  },
  // Ids and names with path characters never reach a file name: they are not ids.
  { name: 'path-in-id', files: { 'org.yaml': `${H}roles:\n  ../../etc/passwd:\n${ROLE}` }, code: 1, expect: { ruleId: 'schema', line: 4, column: 3, message: /^`\.\.\/\.\.\/etc\/passwd` is not a valid id/ } },
  { name: 'backslash-in-id', files: { 'org.yaml': `${H}roles:\n  'a\\b':\n${ROLE}` }, code: 1, expect: { ruleId: 'schema', line: 4, column: 3, message: /is not a valid id/ } },
  { name: 'dot-git-id', files: { 'org.yaml': `${H}roles:\n  .git:\n${ROLE}` }, code: 1, expect: { ruleId: 'schema', line: 4, column: 3, message: /^`\.git` is not a valid id/ } },
  // YAML features org files do not use.
  { name: 'js-function-tag', files: { 'org.yaml': `${H}x: !!js/function "function () {}"\n` }, code: 1, expect: { ruleId: 'syntax', line: 3, column: 4, message: /^unsupported YAML tag `!!js\/function`/ } },
  { name: 'include-tag', files: { 'org.yaml': `${H}x: !include other.yaml\n` }, code: 1, expect: { ruleId: 'syntax', line: 3, column: 4, message: /^unsupported YAML tag `!include`/ } },
  {
    name: 'anchor-across-files',
    files: { 'a.yaml': `${H}roles:\n  r: &r\n${ROLE}`, 'b.yaml': 'orgc: 1\nroles:\n  s: *r\n' },
    code: 1,
    expect: { ruleId: 'syntax', line: 3, column: 6, message: /^`\*r` refers to an anchor `&r` this file does not define/ },
  },
  { name: 'octal-where-text', files: { 'org.yaml': `${H}roles:\n  r:\n${ROLE}    purpose: 0755\n` }, code: 1, expect: { ruleId: 'schema', line: 7, column: 14, message: /^expected text, but YAML reads this as a whole number: put it in quotes/ } },
  { name: 'number-where-id', files: { 'org.yaml': `${H}roles:\n  r:\n${ROLE}    reports_to: 2024\n` }, code: 1, expect: { ruleId: 'schema', line: 7, column: 17, message: /^expected a string, but YAML reads this as a whole number: put it in quotes/ } },
  { name: 'utf-8-bom', files: { 'org.yaml': Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(H)]) }, code: 0 },
  // Directory arguments.
  { name: 'symlink-loop-dir', files: { 'org.yaml': H, 'sub/loop': { symlink: '..' } }, code: 0 },
  { name: 'symlink-loop-file', files: { 'org.yaml': H, 'a.yaml': { symlink: 'b.yaml' }, 'b.yaml': { symlink: 'a.yaml' } }, code: 2, expect: { stderr: /^orgc: cannot read a\.yaml: broken or looping symbolic link\n$/ } },
  { name: 'dangling-symlink', files: { 'org.yaml': H, 'x.yaml': { symlink: '/nonexistent/x.yaml' } }, code: 2, expect: { stderr: /^orgc: cannot read x\.yaml: broken or looping symbolic link\n$/ } },
  { name: 'directory-named-yaml', files: { 'org.yaml': H, 'odd.yaml/inner.txt': 'not yaml' }, code: 0 },
  // Only regular files count as an org's files in a directory; reading a pipe would never end.
  { name: 'named-pipe-in-directory', files: { 'org.yaml': H, 'pipe.yaml': { fifo: true } }, code: 0 },
  { name: 'named-pipe-argument', files: { 'org.yaml': H, 'pipe.yaml': { fifo: true } }, target: 'pipe.yaml', code: 2, expect: { stderr: /^orgc: cannot read pipe\.yaml: not a regular file\n$/ } },
];
