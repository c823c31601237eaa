// Structural check of one file against the JSON Schema. The validator is compiled ahead of time
// (scripts/build.ts); this module turns its errors into findings that point at the offending key
// or value and say what to write instead.
import type { Finding, MessageData } from '../finding.js';
import type { Path, PathSegment } from './node-index.js';
import { closest } from './closest.js';
import { keyForWord } from './key-words.js';
import { ASCII } from './typing-mistakes.js';
import { validate as validateOrgFile, type AjvError } from './generated/validate-org-file.js';
import { DURATION_PATTERN, ID_PATTERN, RACI_LETTERS, YEARS_PATTERN } from '../schema/grammar.js';
import orgSchema from '../../schemas/orgc.schema.json' with { type: 'json' };

type JsonSchema = Record<string, any>;

// The validator is compiled with `verbose`, so each error carries the schema object it failed
// against; messages are chosen from that object's content (its pattern, its union branches)
// rather than from `schemaPath`, which is relative to whichever definition was compiled.

/** A schema compiled ahead of time, with the JSON Schema it was compiled from (to resolve `$ref`s). */
export interface CompiledSchema {
  validate: {
    (data: unknown): boolean;
    errors?: AjvError[] | null;
  };
  schema: JsonSchema;
}

export const ORG_FILE_SCHEMA: CompiledSchema = { validate: validateOrgFile, schema: orgSchema };

/** Findings for one parsed file; an empty list when it matches the schema (by default, the org file's). */
export function checkSchema(file: string, data: unknown, compiled: CompiledSchema = ORG_FILE_SCHEMA): Finding[] {
  if (data === undefined || data === null) {
    return [{ ruleId: 'schema', messageId: 'empty', at: { file, offset: 0 } }];
  }
  if (compiled.validate(data)) return [];
  const errors = compiled.validate.errors ?? [];
  return new ErrorMapper(file, data, compiled.schema).map(errors);
}

class ErrorMapper {
  constructor(
    private readonly file: string,
    private readonly data: unknown,
    private readonly root: JsonSchema,
  ) {}

  /** Union branches may be `$ref`s; the verbose error holds them unresolved. */
  private deref(s: JsonSchema): JsonSchema {
    const name = typeof s.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1] : undefined;
    const target = name ? this.root.$defs?.[name] : undefined;
    return target ? this.deref(target) : s;
  }

  map(all: AjvError[]): Finding[] {
    const out: Finding[] = [];
    const consumed = new Set<number>();
    // A key that is itself wrong (not an id, not a language tag) is the finding; whatever its
    // value got wrong below it follows from the same mistake.
    const badKeys = all.filter((e) => e.propertyName !== undefined).map((e) => `${e.instancePath}/${escapePointer(e.propertyName!)}`);
    const errors = all.filter((e) => !badKeys.some((k) => within(e.instancePath, k)));
    // Unions first: their branch errors precede them and are replaced by one clear finding.
    for (let i = 0; i < errors.length; i++) {
      if (errors[i].keyword !== 'anyOf') continue;
      consumed.add(i);
      for (let j = i - 1; j >= 0 && within(errors[j].instancePath, errors[i].instancePath); j--) consumed.add(j);
      out.push(...this.union(errors, i));
    }
    errors.forEach((e, i) => {
      if (consumed.has(i)) return;
      const f = this.single(e);
      if (f) out.push(f);
    });
    return out;
  }

  private pathOf(instancePath: string): PathSegment[] {
    if (instancePath === '') return [];
    const path: PathSegment[] = [];
    let node: any = this.data;
    for (const raw of instancePath.slice(1).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      const segment: PathSegment = Array.isArray(node) ? Number(key) : key;
      path.push(segment);
      node = node?.[segment as any];
    }
    return path;
  }

  private valueAt(path: Path): unknown {
    let node: any = this.data;
    for (const s of path) node = node?.[s as any];
    return node;
  }

  private finding(messageId: string, path: Path, data?: MessageData, part: 'key' | 'value' = 'value', ruleId = 'schema'): Finding {
    // An empty value (`key:` with nothing after it) has no text of its own: point at its key.
    if (part === 'value' && path.length > 0 && this.valueAt(path) === null) part = 'key';
    return { ruleId, messageId, data, at: { file: this.file, path, part } };
  }

  /** One finding for a failed `anyOf` (text, quantity, RACI), from the branch the value was meant for. */
  private union(errors: AjvError[], at: number): Finding[] {
    const e = errors[at];
    const path = this.pathOf(e.instancePath);
    const value = this.valueAt(path);
    const branches = ((e.schema as JsonSchema[] | undefined) ?? []).map((b) => this.deref(b));
    const union = unionKind(branches);
    const actual = jsonType(value);
    const matching = branches.filter((b) => typeMatches(b, actual));
    if (matching.length === 1) {
      const inner: Finding[] = [];
      for (let j = at - 1; j >= 0 && within(errors[j].instancePath, e.instancePath); j--) {
        const b = errors[j];
        if (b.instancePath === e.instancePath && (b.keyword === 'type' || (b.keyword === 'enum' && !typeMatches(b.parentSchema ?? {}, actual)))) continue;
        const f = this.single(b);
        if (f) inner.unshift(f);
      }
      if (inner.length > 0) return inner;
    }
    if (union) return [this.finding(unionMessage(union, value), path, { value: show(value), actual })];
    return [this.finding('type', path, { expected: branches.map((b) => b.type).filter(Boolean).join('|'), actual })];
  }

  private single(e: AjvError): Finding | undefined {
    const path = this.pathOf(e.instancePath);
    const p = e.params;
    const value = this.valueAt(path);
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(p.additionalProperty);
        const allowed = Object.keys(e.parentSchema?.properties ?? {});
        const suggestion = closest(key, allowed) ?? keyForWord(key, allowed);
        const keyPath = [...path, key];
        if (suggestion) return { ...this.finding('unknown-key-suggest', keyPath, { key, suggestion }, 'key', 'unknown-key'), fix: { text: suggestion } };
        return this.finding('unknown-key', keyPath, { key, allowed: allowed.join(', ') }, 'key', 'unknown-key');
      }
      case 'required':
        return this.finding('required', path, { key: String(p.missingProperty) }, path.length ? 'key' : 'value');
      case 'propertyNames':
        // Reported through the nested error that names the key (pattern, length).
        return undefined;
      case 'type': {
        if (e.schemaPath.includes('/propertyNames/')) return undefined;
        // `experience: 5` or `within: 24`: say how to write it rather than "expected string".
        const pattern = e.parentSchema?.pattern;
        if (typeof value === 'number' && (pattern === YEARS_PATTERN || pattern === DURATION_PATTERN)) {
          const finding = this.finding(patternMessage(e.parentSchema, path, value), path, { value: show(value) });
          // Years have one unit; a duration's (minutes? hours? days?) is the writer's to say.
          return pattern === YEARS_PATTERN ? { ...finding, fix: { text: `${value}y` } } : finding;
        }
        // `headcount: "4"`: the quotes make it text; the number is what was meant.
        if ((p.type === 'integer' || p.type === 'number') && typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
          return { ...this.finding('number-quoted', path, { value }), fix: { text: value.trim() } };
        }
        if (p.type === 'string' && isBareScalar(value)) return this.finding('type-quote', path, { actual: jsonType(value) });
        if (p.type === 'array' && typeof value === 'string') {
          // `［a, b］` from a Chinese keyboard, or `owners: a` for a list of one.
          const typed = this.fullwidth(path, value);
          if (typed) return typed;
          if (new RegExp(ID_PATTERN).test(value)) return { ...this.finding('list-of-one', path, { value }), fix: { text: `[${value}]` } };
        }
        return this.finding('type', path, { expected: String(p.type), actual: jsonType(value) });
      }
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]).map(String);
        const several = raciLetters(value, allowed, path);
        if (several) return { ...this.finding('raci-list', path, { value: show(value), suggestion: several }), fix: { text: several } };
        const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
        if (suggestion) return { ...this.finding('enum-suggest', path, { value: show(value), suggestion }), fix: { text: suggestion } };
        return this.finding('enum', path, { value: show(value), allowed: allowed.join(', ') });
      }
      case 'const':
        if (path.length === 1 && path[0] === 'orgc') return this.finding('format-version', path, { value: show(value) });
        return this.finding('const', path, { value: show(value), expected: show(p.allowedValue) });
      case 'pattern':
      case 'maxLength':
      case 'minLength': {
        if (e.propertyName !== undefined) return this.keyProblem(e, path, e.propertyName);
        if (e.keyword === 'pattern' && typeof value === 'string') {
          const typed = this.fullwidth(path, value);
          if (typed) return typed;
        }
        if (e.keyword === 'pattern') return this.finding(patternMessage(e.parentSchema, path, value), path, { value: show(value) });
        if (e.keyword === 'maxLength') return this.finding('too-long', path, { length: String(value).length, max: Number(p.limit) });
        return this.finding('empty-text', path);
      }
      case 'minItems':
        return this.finding(Number(p.limit) === 1 ? 'empty-list' : 'min-items', path, { min: Number(p.limit) });
      case 'maxItems':
        return this.finding('max-items', path, { max: Number(p.limit) });
      case 'minProperties':
        return this.finding('empty-map', path);
      case 'uniqueItems':
        return this.finding('duplicate-item', [...path, Number(p.i)], { value: show((value as unknown[])[Number(p.i)]) });
      case 'minimum':
      case 'exclusiveMinimum':
        return this.finding('minimum', path, { value: show(value), limit: Number(p.limit) });
      case 'maximum':
      case 'exclusiveMaximum':
        return this.finding('maximum', path, { value: show(value), limit: Number(p.limit) });
      default:
        return this.finding('other', path, { reason: e.message ?? e.keyword });
    }
  }

  /** Full-width punctuation in a value where YAML's belongs (`a，b` in a list, `［a］`): named, with the value retyped. */
  private fullwidth(path: Path, value: string): Finding | undefined {
    const char = /[，［］｛｝：]/.exec(value)?.[0];
    if (!char) return undefined;
    const text = value.replace(/[，［］｛｝：]/g, (c) => ASCII[c]).replace(/\s+$/, '');
    return { ...this.finding('fullwidth-punctuation', path, { char, ascii: ASCII[char].trim() }, 'value', 'syntax'), fix: { text } };
  }

  /** A map key that is not a valid id or language tag. */
  private keyProblem(e: AjvError, path: Path, key: string): Finding {
    const isId = e.parentSchema?.pattern === ID_PATTERN;
    // A declaration's id written like a title (`Sales-Rep`, `Sales Rep`): the id it would be.
    const slug = key.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (isId && e.keyword === 'pattern' && path.length === 1 && slug !== key && new RegExp(ID_PATTERN).test(slug)) {
      return { ...this.finding('bad-id-form', [...path, key], { value: key, suggestion: slug }, 'key'), fix: { text: slug } };
    }
    // `{ en: Sales, marketing and service }`: the comma ended the text and the rest became a key.
    const splitByComma = !isId && /\s/.test(key) && this.valueAt([...path, key]) === null;
    const messageId = e.keyword === 'maxLength' ? 'id-too-long' : isId ? 'bad-id' : splitByComma ? 'comma-in-text' : 'bad-language';
    return this.finding(messageId, [...path, key], { value: key }, 'key');
  }
}

/**
 * `RA`, `ra`, `A,R` or `A／R` where one RACI letter belongs: the list that keeps every letter as
 * written (`[R, A]`), rather than the one letter closest to the text, which would drop the others.
 * Not inside a list, where a list cannot go.
 */
function raciLetters(value: unknown, allowed: readonly string[], path: Path): string | undefined {
  if (typeof value !== 'string' || typeof path[path.length - 1] !== 'string') return undefined;
  if (allowed.length !== RACI_LETTERS.length || !RACI_LETTERS.every((l) => allowed.includes(l))) return undefined;
  const letters = value.normalize('NFKC').toUpperCase().replace(/[\s,、/+&;|]+/g, '');
  if (letters.length < 2 || ![...letters].every((l) => allowed.includes(l))) return undefined;
  return `[${[...new Set(letters)].join(', ')}]`;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function within(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

/** Which of the language's unions failed, recognised by the shape of its branches. */
function unionKind(branches: JsonSchema[]): 'text' | 'quantity' | 'raci' | undefined {
  const types = branches.map((b) => b.type);
  if (types.includes('number')) return 'quantity';
  if (types.includes('array')) return 'raci';
  if (types.includes('object') && types.includes('string')) return 'text';
  return undefined;
}

export function jsonType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(s: JsonSchema, actual: string): boolean {
  const t = s.type ?? (s.enum ? jsonType(s.enum[0]) : undefined);
  if (t === undefined) return true;
  if (t === 'number') return actual === 'number' || actual === 'integer';
  return t === actual;
}

/** A number or true/false: what YAML makes of an unquoted `0755`, `2024` or `true`. */
function isBareScalar(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

function unionMessage(kind: 'text' | 'quantity' | 'raci', value: unknown): string {
  if (kind === 'text') return isBareScalar(value) ? 'text-quote' : 'text';
  if (kind === 'raci') return 'raci';
  if (typeof value === 'string' && /^\d+(\.\d+)?m$/.test(value)) return 'duration-ambiguous';
  return 'quantity';
}

function patternMessage(schema: JsonSchema | undefined, path: Path, value: unknown): string {
  const pattern = schema?.pattern;
  if (pattern === ID_PATTERN) return 'bad-id';
  if (pattern === DURATION_PATTERN) {
    return typeof value === 'string' && /^\d+(\.\d+)?m$/.test(value) ? 'duration-ambiguous' : 'duration';
  }
  if (pattern === YEARS_PATTERN) return 'years';
  if (path[path.length - 1] === 'when') return 'condition';
  if (typeof pattern === 'string' && pattern.startsWith('^[a-z]{2,3}')) return 'bad-language';
  return 'pattern';
}

/** A value as it appears in a message: strings as written, the rest as JSON, cut short. */
function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
