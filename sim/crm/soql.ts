/**
 * The SOQL and SOSL the emulator's REST API understands: simple single-object queries
 * (`SELECT fields | COUNT() FROM Object [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n]`, with
 * = != <> < > <= >= LIKE IN / NOT IN, AND / OR / NOT and parentheses) and phone/name searches
 * (`FIND {term} [IN PHONE|NAME|ALL FIELDS] [RETURNING Obj(fields …), …] [LIMIT n]`).
 * Anything else is rejected with MALFORMED_QUERY rather than guessed at.
 */
import type { Database, FieldValue, StoredRecord } from './db.js';
import { normalizeId } from './ids.js';
import { looksLikePhone } from './phone.js';
import { fieldDef, objectDef, type ObjectDef } from './sobjects.js';

export class QueryError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'MALFORMED_SEARCH',
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

type Token = { kind: 'ident' | 'string' | 'number' | 'punct' | 'braced'; text: string; pos: number };

function tokenize(source: string, errorCode: 'MALFORMED_QUERY' | 'MALFORMED_SEARCH'): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let text = '';
      let j = i + 1;
      for (; j < source.length && source.charAt(j) !== "'"; j++) {
        if (source.charAt(j) === '\\') {
          j++;
          const esc = source.charAt(j);
          text += esc === 'n' ? '\n' : esc === 't' ? '\t' : esc;
        } else text += source.charAt(j);
      }
      if (j >= source.length) throw new QueryError(errorCode, `unterminated string at ${i}`);
      tokens.push({ kind: 'string', text, pos: i });
      i = j + 1;
    } else if (ch === '{') {
      let text = '';
      let j = i + 1;
      for (; j < source.length && source.charAt(j) !== '}'; j++) {
        if (source.charAt(j) === '\\') {
          j++;
          text += source.charAt(j);
        } else text += source.charAt(j);
      }
      if (j >= source.length) throw new QueryError(errorCode, `unterminated {…} at ${i}`);
      tokens.push({ kind: 'braced', text, pos: i });
      i = j + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(source.charAt(i + 1)))) {
      const m = /^-?[0-9]+(?:\.[0-9]+)?(?:-[0-9]{2}-[0-9]{2}(?:T[0-9:.]+(?:Z|[+-][0-9:]+))?)?/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: m[0], pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'ident', text: m[0], pos: i });
      i += m[0].length;
    } else {
      const two = source.slice(i, i + 2);
      if (['!=', '<>', '<=', '>='].includes(two)) {
        tokens.push({ kind: 'punct', text: two, pos: i });
        i += 2;
      } else if ('=<>(),'.includes(ch)) {
        tokens.push({ kind: 'punct', text: ch, pos: i });
        i++;
      } else throw new QueryError(errorCode, `unexpected character "${ch}" at ${i}`);
    }
  }
  return tokens;
}

class Cursor {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly errorCode: 'MALFORMED_QUERY' | 'MALFORMED_SEARCH',
  ) {}
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new QueryError(this.errorCode, 'unexpected end of query');
    return t;
  }
  isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'ident' && t.text.toUpperCase() === word;
  }
  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.i++;
    return true;
  }
  expectWord(word: string): void {
    if (!this.acceptWord(word)) throw new QueryError(this.errorCode, `expected ${word}${this.peek() ? ` at "${this.peek()?.text}"` : ''}`);
  }
  acceptPunct(p: string): boolean {
    const t = this.peek();
    if (t?.kind === 'punct' && t.text === p) {
      this.i++;
      return true;
    }
    return false;
  }
  expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw new QueryError(this.errorCode, `expected "${p}"${this.peek() ? ` at "${this.peek()?.text}"` : ''}`);
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
}

// ------------------------------------------------------------------------------------------------
// SOQL

type Literal = string | number | boolean | null;
type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'cmp'; field: string; op: string; value: Literal }
  | { kind: 'in'; field: string; negate: boolean; values: Literal[] }
  | { kind: 'like'; field: string; pattern: string };

export interface QueryResult {
  totalSize: number;
  done: true;
  records: Array<Record<string, unknown>>;
}

const KEYWORDS = new Set(['SELECT', 'FROM', 'WHERE', 'ORDER', 'BY', 'LIMIT', 'OFFSET', 'AND', 'OR', 'NOT', 'IN', 'LIKE', 'ASC', 'DESC', 'NULLS', 'FIRST', 'LAST']);

function fieldName(def: ObjectDef, token: Token): string {
  if (token.kind !== 'ident' || KEYWORDS.has(token.text.toUpperCase())) throw new QueryError('MALFORMED_QUERY', `expected a field name at "${token.text}"`);
  if (token.text.includes('.')) throw new QueryError('MALFORMED_QUERY', `relationship fields (${token.text}) are not supported by the console emulator`);
  const field = fieldDef(def, token.text);
  if (!field) throw new QueryError('INVALID_FIELD', `No such column '${token.text}' on entity '${def.name}'.`);
  return field.name;
}

function literal(c: Cursor): Literal {
  const t = c.next();
  if (t.kind === 'string') return t.text;
  if (t.kind === 'number') return /^-?[0-9]+(?:\.[0-9]+)?$/.test(t.text) ? Number(t.text) : t.text;
  if (t.kind === 'ident') {
    const u = t.text.toUpperCase();
    if (u === 'NULL') return null;
    if (u === 'TRUE' || u === 'FALSE') return u === 'TRUE';
  }
  throw new QueryError('MALFORMED_QUERY', `expected a value at "${t.text}"`);
}

export function runSoql(db: Database, soql: string, apiVersion: string): QueryResult {
  const c = new Cursor(tokenize(soql, 'MALFORMED_QUERY'), 'MALFORMED_QUERY');
  c.expectWord('SELECT');
  const selectTokens: Token[] = [];
  let count = false;
  if (c.isWord('COUNT')) {
    c.next();
    c.expectPunct('(');
    c.expectPunct(')');
    count = true;
  } else {
    do selectTokens.push(c.next());
    while (c.acceptPunct(','));
  }
  c.expectWord('FROM');
  const objectToken = c.next();
  const def = objectDef(objectToken.text);
  if (!def) throw new QueryError('INVALID_TYPE', `sObject type '${objectToken.text}' is not supported.`);
  const fields = selectTokens.map((t) => fieldName(def, t));
  let where: Condition | null = null;
  if (c.acceptWord('WHERE')) where = parseOr(c, def);
  const order: Array<{ field: string; desc: boolean; nullsLast: boolean }> = [];
  if (c.acceptWord('ORDER')) {
    c.expectWord('BY');
    do {
      const field = fieldName(def, c.next());
      const desc = c.acceptWord('DESC') ? true : (c.acceptWord('ASC'), false);
      let nullsLast = desc;
      if (c.acceptWord('NULLS')) nullsLast = c.acceptWord('LAST') ? true : (c.expectWord('FIRST'), false);
      order.push({ field, desc, nullsLast });
    } while (c.acceptPunct(','));
  }
  let limit = Infinity;
  let offset = 0;
  if (c.acceptWord('LIMIT')) limit = integer(c);
  if (c.acceptWord('OFFSET')) offset = integer(c);
  if (!c.done()) throw new QueryError('MALFORMED_QUERY', `unexpected token "${c.peek()?.text}"`);

  let rows = db.list(def.name).filter((r) => (where ? evaluate(where, r) : true));
  if (count) return { totalSize: rows.length, done: true, records: [] };
  for (const o of [...order].reverse()) rows = [...rows].sort((a, b) => compareForOrder(a.fields[o.field], b.fields[o.field], o.desc, o.nullsLast));
  rows = rows.slice(offset, offset + limit);
  return { totalSize: rows.length, done: true, records: rows.map((r) => project(r, fields, apiVersion)) };
}

function integer(c: Cursor): number {
  const t = c.next();
  if (t.kind !== 'number' || !/^[0-9]+$/.test(t.text)) throw new QueryError('MALFORMED_QUERY', `expected a number at "${t.text}"`);
  return Number(t.text);
}

function parseOr(c: Cursor, def: ObjectDef): Condition {
  const parts = [parseAnd(c, def)];
  while (c.acceptWord('OR')) parts.push(parseAnd(c, def));
  return parts.length === 1 ? (parts[0] as Condition) : { kind: 'or', parts };
}

function parseAnd(c: Cursor, def: ObjectDef): Condition {
  const parts = [parseNot(c, def)];
  while (c.acceptWord('AND')) parts.push(parseNot(c, def));
  return parts.length === 1 ? (parts[0] as Condition) : { kind: 'and', parts };
}

function parseNot(c: Cursor, def: ObjectDef): Condition {
  if (c.acceptWord('NOT')) return { kind: 'not', part: parseNot(c, def) };
  if (c.acceptPunct('(')) {
    const inner = parseOr(c, def);
    c.expectPunct(')');
    return inner;
  }
  const field = fieldName(def, c.next());
  if (c.acceptWord('LIKE')) {
    const t = c.next();
    if (t.kind !== 'string') throw new QueryError('MALFORMED_QUERY', 'LIKE needs a quoted pattern');
    return { kind: 'like', field, pattern: t.text };
  }
  const negate = c.acceptWord('NOT');
  if (c.acceptWord('IN')) {
    c.expectPunct('(');
    const values: Literal[] = [];
    do values.push(literal(c));
    while (c.acceptPunct(','));
    c.expectPunct(')');
    return { kind: 'in', field, negate, values };
  }
  if (negate) throw new QueryError('MALFORMED_QUERY', 'expected IN after NOT');
  const op = c.next();
  if (op.kind !== 'punct' || !['=', '!=', '<>', '<', '>', '<=', '>='].includes(op.text)) {
    throw new QueryError('MALFORMED_QUERY', `expected an operator at "${op.text}"`);
  }
  return { kind: 'cmp', field, op: op.text === '<>' ? '!=' : op.text, value: literal(c) };
}

function norm(value: FieldValue | Literal | undefined): FieldValue {
  if (value === undefined) return null;
  if (typeof value === 'string') {
    const id = value.length === 15 || value.length === 18 ? normalizeId(value) : null;
    return (id ?? value).toLowerCase();
  }
  return value;
}

function equal(a: FieldValue | undefined, b: Literal): boolean {
  return norm(a) === norm(b);
}

function evaluate(cond: Condition, record: StoredRecord): boolean {
  switch (cond.kind) {
    case 'and':
      return cond.parts.every((p) => evaluate(p, record));
    case 'or':
      return cond.parts.some((p) => evaluate(p, record));
    case 'not':
      return !evaluate(cond.part, record);
    case 'in': {
      const hit = cond.values.some((v) => equal(record.fields[cond.field], v));
      return cond.negate ? !hit : hit;
    }
    case 'like': {
      const value = record.fields[cond.field];
      if (typeof value !== 'string') return false;
      const re = new RegExp(`^${cond.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');
      return re.test(value);
    }
    case 'cmp': {
      const a = record.fields[cond.field] ?? null;
      if (cond.op === '=') return equal(a, cond.value);
      if (cond.op === '!=') return !equal(a, cond.value);
      if (a === null || cond.value === null) return false;
      const x = norm(a) as string | number | boolean;
      const y = norm(cond.value) as string | number | boolean;
      switch (cond.op) {
        case '<':
          return x < y;
        case '>':
          return x > y;
        case '<=':
          return x <= y;
        default:
          return x >= y;
      }
    }
  }
}

function compareForOrder(a: FieldValue | undefined, b: FieldValue | undefined, desc: boolean, nullsLast: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an === nullsLast ? 1 : -1;
  const x = norm(a) as string | number | boolean;
  const y = norm(b) as string | number | boolean;
  const r = x < y ? -1 : x > y ? 1 : 0;
  return desc ? -r : r;
}

function project(record: StoredRecord, fields: readonly string[], apiVersion: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: record.type, url: `/services/data/v${apiVersion}/sobjects/${record.type}/${String(record.fields['Id'])}` },
  };
  for (const f of fields) out[f] = record.fields[f] ?? null;
  return out;
}

// ------------------------------------------------------------------------------------------------
// SOSL

const SEARCHABLE = ['Account', 'Contact', 'Lead', 'Case', 'Opportunity'];

export function runSosl(db: Database, sosl: string, apiVersion: string): { searchRecords: Array<Record<string, unknown>> } {
  const c = new Cursor(tokenize(sosl, 'MALFORMED_SEARCH'), 'MALFORMED_SEARCH');
  c.expectWord('FIND');
  const termToken = c.next();
  if (termToken.kind !== 'braced' && termToken.kind !== 'string') throw new QueryError('MALFORMED_SEARCH', 'FIND needs a {search term}');
  const term = termToken.text.trim();
  if (term.replace(/[*?]/g, '').length < 2) throw new QueryError('MALFORMED_SEARCH', 'search term must be longer than one character');
  let scope = 'ALL';
  if (c.acceptWord('IN')) {
    const s = c.next().text.toUpperCase();
    if (!['ALL', 'NAME', 'EMAIL', 'PHONE'].includes(s)) throw new QueryError('MALFORMED_SEARCH', `unsupported search group ${s}`);
    c.expectWord('FIELDS');
    scope = s;
  }
  const returning: Array<{ def: ObjectDef; fields: string[]; limit: number }> = [];
  if (c.acceptWord('RETURNING')) {
    do {
      const t = c.next();
      const def = objectDef(t.text);
      if (!def || !SEARCHABLE.includes(def.name)) throw new QueryError('INVALID_TYPE', `sObject type '${t.text}' is not supported.`);
      let fields = ['Id'];
      let limit = Infinity;
      if (c.acceptPunct('(')) {
        fields = [];
        do fields.push(fieldName(def, c.next()));
        while (c.acceptPunct(','));
        if (c.acceptWord('LIMIT')) limit = integer(c);
        if (!c.acceptPunct(')')) throw new QueryError('MALFORMED_SEARCH', `only field lists and LIMIT are supported in RETURNING ${def.name}(…)`);
      }
      returning.push({ def, fields, limit });
    } while (c.acceptPunct(','));
  }
  let overall = Infinity;
  if (c.acceptWord('LIMIT')) overall = integer(c);
  if (!c.done()) throw new QueryError('MALFORMED_SEARCH', `unexpected token "${c.peek()?.text}"`);

  const targets = returning.length > 0 ? returning : SEARCHABLE.map((name) => ({ def: objectDef(name) as ObjectDef, fields: ['Id'], limit: Infinity }));
  const types = targets.map((t) => t.def.name);
  const phone = looksLikePhone(term);
  let matches: StoredRecord[];
  if (scope === 'PHONE') matches = phone ? db.searchPhone(term, types) : [];
  else if (scope === 'ALL') {
    const byPhone = phone ? db.searchPhone(term, types) : [];
    const byText = db.searchText(term, types).filter((r) => !byPhone.includes(r));
    matches = [...byPhone, ...byText];
  } else matches = db.searchText(term, types);

  const out: Array<Record<string, unknown>> = [];
  for (const target of targets) {
    const hits = matches.filter((m) => m.type === target.def.name).slice(0, target.limit);
    for (const hit of hits) out.push(project(hit, target.fields, apiVersion));
  }
  return { searchRecords: out.slice(0, overall) };
}
