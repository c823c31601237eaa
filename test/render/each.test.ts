// Our `each` (templates.ts: arrays iterated in the helper, the rest by the built-in one, the
// iterations joined once) writes what Handlebars' own writes, for every way a template can use it;
// and `raciCells` what the RACI templates wrote with `each` around a cell.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { sourcesOf } from '../../src/api/input.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { markdownText } from '../../src/render/escape.js';
import { templateOptions } from '../../src/render/template-options.js';
import { joinedEach, loadTemplates } from '../../src/render/templates.js';
import { buildViews } from '../../src/render/view/build.js';
import { ROOT } from '../helpers/cli.js';

const TEMPLATES = [
  '{{#each list}}[{{@index}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}: {{this}}]{{/each}}',
  '{{#each list}}{{this}}{{else}}none{{/each}}',
  '{{#each map}}{{@key}}={{this}};{{/each}}',
  '{{#each list as |item i|}}{{i}}:{{item}} {{/each}}',
  '{{#each rows}}|{{#each cells}} {{this}} {{../name}} {{@../index}}|{{/each}}\n{{/each}}',
  '{{#each rows}}{{#each cells}}{{else}}empty {{name}}{{/each}}{{/each}}',
  '{{#each gen}}<{{this}}>{{/each}}',
  '{{#each missing}}x{{else}}no list{{/each}}',
  '{{#each list}}{{@key}}/{{@root.title}}/{{#each ../list}}{{@../index}}{{@index}}{{#if @../last}}!{{/if}} {{/each}}{{/each}}',
  '{{#each sparse}}{{@index}}={{this}}{{#if @last}}.{{/if}} {{else}}none{{/each}}',
  '{{#each holes}}x{{else}}none{{/each}}',
  // Where one options object for a loop's items could show (templates.ts): nested block
  // parameters, inline partials and partial blocks inside an each, a section reaching each through
  // blockHelperMissing.
  '{{#each rows as |row r|}}{{#each row.cells as |c i|}}{{r}}.{{i}}{{c}}{{row.name}} {{/each}}{{/each}}',
  '{{#each list}}{{#*inline "p"}}[{{@index}}{{this}}]{{/inline}}{{> p}}{{/each}}',
  '{{#*inline "wrap"}}<{{> @partial-block}}>{{/inline}}{{#each list as |item i|}}{{#> wrap}}{{i}}{{item}}{{@index}}{{/wrap}}{{/each}}',
  '{{#list}}({{this}}{{@index}}){{/list}}',
];

function contexts(): object[] {
  return [
    // eslint-disable-next-line no-sparse-arrays
    { title: 'T', list: ['a', 'b', 'c'], map: { x: 1, y: 2 }, rows: [{ name: 'r1', cells: ['R', 'A'] }, { name: 'r2', cells: [] }], sparse: ['a', , 'c', ,], holes: [, ,] },
    { list: [], map: {}, rows: [] },
    { list: ['<&>', 0, '', null], map: { only: '销售' }, rows: [{ name: 'r', cells: [''] }] },
    {
      list: ['x'],
      gen: {
        *[Symbol.iterator]() {
          yield 1;
          yield 2;
        },
      },
    },
  ];
}

describe('each', () => {
  // Compiled as our templates are (template-options.ts), and without data frames.
  const options: Array<[string, CompileOptions]> = [
    ['Markdown', { ...templateOptions('md'), knownHelpersOnly: false }],
    ['HTML', { ...templateOptions('html'), knownHelpersOnly: false }],
    ['no data frames', { data: false }],
  ];
  for (const [name, compileOptions] of options) {
    it(`writes what Handlebars' own each writes (${name})`, () => {
      const builtin = Handlebars.create();
      const ours = Handlebars.create();
      ours.registerHelper('each', joinedEach(ours.helpers.each as Handlebars.HelperDelegate));
      for (const text of TEMPLATES) {
        const a = builtin.compile(text, compileOptions);
        const b = ours.compile(text, compileOptions);
        for (const context of contexts()) expect(b(context), text).toBe(a(context));
      }
    });
  }

  it('raciCells writes what the RACI templates wrote with each, for the matrix and for the tables of a large org', async () => {
    const org = syntheticOrg(700);
    const loaded = await loadFiles([...org.files].map(([p, text]) => sourceFromBytes(p, Buffer.from(text))));
    const model = buildModel(loaded.files).model!;
    const example = buildModel((await loadFiles(await sourcesOf({ files: [`${ROOT}examples/sales-org`], cwd: ROOT }))).files).model!;
    const dir = mkdtempSync(path.join(tmpdir(), 'orgc-raci-cells-'));
    try {
      for (const format of ['md', 'html'] as const) {
        // The built-in raci.hbs as it was before the helper: a user's template of that name.
        mkdirSync(path.join(dir, format));
        const cells = format === 'md' ? '|{{#each cells}} {{this}} |{{/each}}' : '{{#each cells}}<td class="cell {{raciClass this}}">{{this}}</td>{{/each}}';
        const builtIn = readFileSync(`${ROOT}templates/${format}/raci.hbs`, 'utf8');
        const helper = format === 'md' ? '|{{raciCells cells}}' : '{{raciCells cells}}';
        expect(builtIn.split(helper).length - 1, format).toBe(2);
        writeFileSync(path.join(dir, format, 'raci.hbs'), builtIn.split(helper).join(cells));
        const now = await loadTemplates(format);
        const before = await loadTemplates(format, dir);
        for (const [m, shape] of [[example, 'matrix'], [model, 'groups']] as const) {
          const v = buildViews(m, 'zh-CN', [], format === 'md' ? markdownText : undefined);
          expect(v.raci[shape], shape).toBeDefined();
          const context = { org: v.org, labels: v.labels, charts: [], references: [], raci: v.raci };
          expect(now.render('raci', context), `${format} ${shape}`).toBe(before.render('raci', context));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});
