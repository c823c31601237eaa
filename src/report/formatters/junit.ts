// JUnit XML for CI systems that show test reports: one <testsuite> per file, one failing
// <testcase> per finding, a passing one for a clean file. Valid against the Jenkins JUnit schema.
import { summarize } from '../diagnostic.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Formatter } from '../formatter.js';

export const junit: Formatter = (diagnostics, ctx) => {
  const byFile = new Map<string, Diagnostic[]>(ctx.files.map((f) => [f, []]));
  for (const d of diagnostics) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file)!.push(d);
  }
  const total = summarize(diagnostics);
  const failures = total.error + total.warning + total.info;
  const tests = [...byFile.values()].reduce((n, list) => n + Math.max(1, list.length), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="orgc" tests="${tests}" failures="${failures}" errors="0">`];
  for (const [file, list] of byFile) {
    out.push(`  <testsuite name="${attr(file)}" tests="${Math.max(1, list.length)}" failures="${list.length}" errors="0">`);
    if (list.length === 0) out.push(`    <testcase name="${attr(file)}" classname="${attr(file)}"/>`);
    for (const d of list) {
      const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
      out.push(`    <testcase name="${attr(`${d.ruleId} ${where}`)}" classname="${attr(file)}">`);
      const body = `${where}: ${d.severity}: ${d.message} [${d.ruleId}]`;
      out.push(`      <failure type="${attr(d.severity)}" message="${attr(d.message)}">${cdata(body)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

/** Characters XML 1.0 cannot carry at all, even escaped, become U+FFFD. */
function xmlText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function attr(s: string): string {
  return xmlText(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** CDATA cannot contain `]]>`: every occurrence is split across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${xmlText(s).split(']]>').join(']]]]><![CDATA[>')}]]>`;
}
