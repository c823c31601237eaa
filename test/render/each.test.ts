// Our `each` (templates.ts: the built-in helper, its iterations joined once) writes what Handlebars'
// own writes, for every way a template can use it.
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { joinedEach } from '../../src/render/templates.js';

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
];

function contexts(): object[] {
  return [
    // eslint-disable-next-line no-sparse-arrays
    { title: 'T', list: ['a', 'b', 'c'], map: { x: 1, y: 2 }, rows: [{ name: 'r1', cells: ['R', 'A'] }, { name: 'r2', cells: [] }], sparse: ['a', , 'c', ,] },
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
  for (const noEscape of [true, false]) {
    it(`writes what Handlebars' own each writes (${noEscape ? 'Markdown' : 'HTML'} escaping)`, () => {
      const builtin = Handlebars.create();
      const ours = Handlebars.create();
      ours.registerHelper('each', joinedEach(ours.helpers.each as Handlebars.HelperDelegate));
      for (const text of TEMPLATES) {
        const a = builtin.compile(text, { noEscape });
        const b = ours.compile(text, { noEscape });
        for (const context of contexts()) expect(b(context), text).toBe(a(context));
      }
    });
  }

});
