// Machine-readable reports, checked the way their consumers read them: SARIF against the official
// 2.1.0 schema and GitHub code scanning's required fields, JUnit against the Jenkins XSD and
// parsed back, GitHub annotations decoded back — with hostile text in the messages and file names.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orgc, ROOT } from '../helpers/cli.js';

const HOSTILE = ['x]]>y', '<script>alert(1)</script>', 'a,b:c%d', 'line\nbreak', 'emoji 🚀 和 销售'];
let cwd: string;
let expected: { file: string; message: string; ruleId: string; severity: string }[];

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'orgc-formats-'));
  mkdirSync(path.join(cwd, 'org'));
  const keys = HOSTILE.map((k, i) => `    ${JSON.stringify(k)}: ${i}`).join('\n');
  writeFileSync(path.join(cwd, 'org', '组织 #1.yaml'), `orgc: 1\norg: { id: h, name: H, language: en }\nroles:\n  rep:\n    title: Rep\n    level: frontline\n${keys}\n`);
  writeFileSync(path.join(cwd, 'org', 'clean.yaml'), 'orgc: 1\n');
  const json = JSON.parse(orgc(['validate', 'org', '-f', 'json'], { cwd }).stdout);
  expected = json.diagnostics.map((d: any) => ({ file: d.file, message: d.message, ruleId: d.ruleId, severity: d.severity }));
  expect(expected).toHaveLength(HOSTILE.length);
});

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema and has what GitHub code scanning requires', () => {
    const r = orgc(['validate', 'org', '-f', 'sarif'], { cwd });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(`${ROOT}test/standards/sarif-2.1.0.schema.json`, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const run = log.runs[0];
    for (const rule of run.tool.driver.rules) {
      for (const field of ['shortDescription', 'fullDescription', 'help']) expect(rule[field].text, `${rule.id}.${field}`).not.toBe('');
    }
    expect(run.results.map((res: any) => res.message.text)).toEqual(expected.map((d) => d.message));
    for (const res of run.results) {
      expect(['note', 'warning', 'error']).toContain(res.level);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).toBe('org/%E7%BB%84%E7%BB%87%20%231.yaml');
      expect(decodeURIComponent(loc.artifactLocation.uri.split('/')[1])).toBe('组织 #1.yaml');
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.startColumn).toBeGreaterThan(0);
      expect(loc.region.endColumn).toBeGreaterThan(loc.region.startColumn);
    }
  });

  it('describes every rule, even on a clean run', () => {
    const log = JSON.parse(orgc(['validate', 'examples/sales-org', '-f', 'sarif']).stdout);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain('span-of-control');
  });
});

describe('--format junit', () => {
  it('validates against the Jenkins JUnit XSD', async () => {
    const xml = orgc(['validate', 'org', '-f', 'junit'], { cwd }).stdout;
    const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [readFileSync(`${ROOT}test/standards/jenkins-junit.xsd`, 'utf8')] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('carries every message intact, in the attribute and in the CDATA body', () => {
    const xml = orgc(['validate', 'org', '-f', 'junit'], { cwd }).stdout;
    expect(xml).toContain(']]]]><![CDATA[>');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', cdataPropName: '#cdata', htmlEntities: true, isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s: any) => s.name)).toEqual(['org/clean.yaml', 'org/组织 #1.yaml']);
    expect(suites[0].testcase).toHaveLength(1);
    expect(suites[0].testcase[0].failure).toBeUndefined();
    const failures = suites[1].testcase.map((t: any) => t.failure);
    expect(failures.map((f: any) => f.message)).toEqual(expected.map((d) => d.message));
    // A `]]>` in the text splits the CDATA into sections; their concatenation is the text.
    const body = (f: any) => [f['#cdata']].flat().join('');
    failures.forEach((f: any, i: number) => expect(body(f)).toContain(expected[i].message));
  });
});

describe('--format github', () => {
  it('writes one annotation per finding whose properties and message decode back intact', () => {
    const lines = orgc(['validate', 'org', '-f', 'github'], { cwd }).stdout.trimEnd().split('\n');
    const decode = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    expect(lines).toHaveLength(expected.length);
    lines.forEach((line, i) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries(m![2].split(',').map((p) => p.split('=') as [string, string]));
      expect(decode(props.file)).toBe('org/组织 #1.yaml');
      expect(props.title).toBe(expected[i].ruleId);
      expect(Number(props.line)).toBeGreaterThan(0);
      expect(decode(m![3])).toBe(expected[i].message);
    });
  });
});
