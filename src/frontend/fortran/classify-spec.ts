// Classification of specification statements and program-unit headers: declarations with attributes
// and entity lists, IMPLICIT, USE, COMMON, PARAMETER, attribute statements, derived types, interfaces.
import type { Span } from '../../core/span.js';
import { Cursor, findTop, matchParen, splitTop, trimRange, type Range } from './cursor.js';
import { parseDims, parseTypeSpec } from './type-spec.js';
import type { EntityDecl, ExprRegion, StatementDetail, StatementKind, TypeSpec, UseRename } from './types.js';

export interface Classified {
  kind: StatementKind;
  detail: StatementDetail;
  exprs: ExprRegion[];
  constructName?: string;
  /** Range of an inner statement (logical IF, WHERE and FORALL statements). */
  inner?: Range;
}

export type ToFile = (r: Range) => Span;

const NONE: StatementDetail = { kind: 'none' };

export function simple(kind: StatementKind, exprs: ExprRegion[] = [], detail: StatementDetail = NONE): Classified {
  return { kind, detail, exprs };
}

const PREFIXES = ['recursive', 'pure', 'elemental', 'impure', 'non_recursive', 'module'];

/** SUBROUTINE / FUNCTION headers with prefixes, or a declaration starting with a type-spec. */
export function classifyProcedureOrDecl(c: Cursor, toFile: ToFile): Classified | undefined {
  const start = c.pos;
  const prefixes: string[] = [];
  let type: TypeSpec | undefined;
  let typeExprs: ExprRegion[] = [];
  for (;;) {
    const p = PREFIXES.find((w) => c.kw(w));
    if (p) {
      prefixes.push(p);
      continue;
    }
    if (!type) {
      const t = parseTypeSpec(c);
      if (t) {
        type = t.spec;
        typeExprs = t.exprs;
        continue;
      }
    }
    break;
  }
  if (c.kw('subroutine')) return unitHeader(c, 'subroutine', prefixes, type);
  if (c.kw('function')) return unitHeader(c, 'function', prefixes, type);
  if (type && prefixes.length === 0) return declaration(c, type, typeExprs, toFile);
  // A variable named like a prefix (`integer pure`): start again as a plain declaration.
  c.pos = start;
  const t = parseTypeSpec(c);
  if (t) return declaration(c, t.spec, t.exprs, toFile);
  c.pos = start;
  return undefined;
}

function unitHeader(c: Cursor, unit: 'subroutine' | 'function', prefixes: string[], type: TypeSpec | undefined): Classified {
  const name = c.name()?.name;
  const argsR = c.parens();
  const args = argsR ? splitTop(c.text, argsR.start, argsR.end).map((a) => c.slice(a).trim().toLowerCase()).filter((a) => a) : [];
  let result: string | undefined;
  // Suffixes in either order: RESULT(r) and BIND(C, name=...).
  for (let k = 0; k < 2; k++) {
    if (c.kw('result')) {
      const r = c.parens();
      if (r) result = c.slice(trimRange(c.text, r)).toLowerCase();
    } else if (c.kw('bind')) c.parens();
  }
  return simple(unit, [], {
    kind: 'unit', unit, ...(name ? { name } : {}), args, ...(result ? { result } : {}),
    ...(prefixes.length ? { prefixes } : {}), ...(type ? { type } : {}),
  });
}

/** `type-spec [, attr]... [::] entity-list`. */
function declaration(c: Cursor, type: TypeSpec, typeExprs: ExprRegion[], toFile: ToFile): Classified {
  const exprs = [...typeExprs];
  const attributes: string[] = [];
  let dims: ReturnType<typeof parseDims> | undefined;
  while (c.eat(',')) {
    const a = c.name();
    if (!a) break;
    const p = c.peek('(') ? c.parens() : undefined;
    if (a.name === 'dimension' && p) {
      dims = parseDims(c.text, p);
      exprs.push({ start: p.start, end: p.end });
      attributes.push('dimension');
    } else if (p) {
      attributes.push(`${a.name}(${c.slice(trimRange(c.text, p)).toLowerCase().replace(/\s+/g, '')})`);
    } else attributes.push(a.name);
  }
  c.eat('::');
  const entities = entityList(c, c.rest(), exprs, toFile);
  return simple('declaration', exprs, { kind: 'declaration', type, attributes, ...(dims ? { dims } : {}), entities });
}

/** `a, b(10), c*8 = 'x', p => null()`: entity declarations separated by top-level commas. */
export function entityList(c: Cursor, r: Range, exprs: ExprRegion[], toFile: ToFile): EntityDecl[] {
  const out: EntityDecl[] = [];
  for (const part of splitTop(c.text, r.start, r.end)) {
    const e = entity(new Cursor(c.text, part.start, part.end), exprs, toFile);
    if (e) out.push(e);
  }
  return out;
}

function entity(c: Cursor, exprs: ExprRegion[], toFile: ToFile): EntityDecl | undefined {
  const n = c.name();
  if (!n) return undefined;
  let dims: ReturnType<typeof parseDims> | undefined;
  let len: string | undefined;
  let init: string | undefined;
  let pointerInit = false;
  const p = c.parens();
  if (p) {
    dims = parseDims(c.text, p);
    exprs.push({ start: p.start, end: p.end });
  }
  if (c.eat('*')) {
    const lp = c.parens();
    len = lp ? c.slice(trimRange(c.text, lp)) : c.label();
    if (lp) exprs.push({ start: lp.start, end: lp.end });
  }
  if (c.eat('=>')) pointerInit = true;
  else if (!c.peek('==') && c.eat('=')) pointerInit = false;
  else return { name: n.name, span: toFile(n), ...(dims ? { dims } : {}), ...(len !== undefined ? { len } : {}) };
  const v = c.rest();
  init = c.slice(v).trim();
  exprs.push({ start: v.start, end: v.end });
  return { name: n.name, span: toFile(n), ...(dims ? { dims } : {}), ...(len !== undefined ? { len } : {}), init, ...(pointerInit ? { pointerInit } : {}) };
}

export function classifyUse(c: Cursor): Classified {
  let nature: string | undefined;
  if (c.eat(',')) nature = c.name()?.name;
  c.eat('::');
  const module = c.name()?.name ?? '';
  const renames: UseRename[] = [];
  let only: string[] | undefined;
  if (c.eat(',')) {
    const isOnly = c.kw('only') && c.eat(':');
    if (isOnly) only = [];
    const rest = c.rest();
    for (const part of splitTop(c.text, rest.start, rest.end)) {
      const t = c.slice(part).trim().toLowerCase();
      if (!t) continue;
      const arrow = t.indexOf('=>');
      if (arrow >= 0) {
        const local = t.slice(0, arrow).trim();
        const remote = t.slice(arrow + 2).trim();
        renames.push({ local, remote });
        only?.push(local);
      } else only?.push(t.replace(/\s+/g, ''));
    }
  }
  return simple('use', [], { kind: 'use', module, ...(only ? { only } : {}), renames, ...(nature ? { nature } : {}) });
}

export function classifyImplicit(c: Cursor): Classified {
  if (c.kw('none')) return simple('implicit', [], { kind: 'implicit', none: true, rules: [] });
  const rules: { type: TypeSpec; letters: string }[] = [];
  const rest = c.rest();
  for (const part of splitTop(c.text, rest.start, rest.end)) {
    const pc = new Cursor(c.text, part.start, part.end);
    const t = parseTypeSpec(pc, true);
    const letters = t ? pc.parens() : undefined;
    if (t && letters) rules.push({ type: t.spec, letters: pc.slice(letters).replace(/\s+/g, '').toLowerCase() });
  }
  return simple('implicit', [], { kind: 'implicit', none: false, rules });
}

/** `common /a/ x, y(10), /b/ z` and blank common (`common x` or `common // x`). */
export function classifyCommon(c: Cursor, toFile: ToFile): Classified {
  const blocks: { name: string; members: EntityDecl[] }[] = [];
  const exprs: ExprRegion[] = [];
  let cur: { name: string; members: EntityDecl[] } | undefined;
  const text = c.text;
  for (;;) {
    c.ws();
    if (c.pos >= c.end) break;
    if (text[c.pos] === '/') {
      const close = text.indexOf('/', c.pos + 1);
      if (close < 0 || close >= c.end) break;
      const name = text.slice(c.pos + 1, close).trim().toLowerCase();
      c.pos = close + 1;
      cur = blocks.find((b) => b.name === name);
      if (!cur) blocks.push((cur = { name, members: [] }));
      continue;
    }
    // One member up to the next top-level ',' or '/'.
    let stop = c.pos;
    let depth = 0;
    for (; stop < c.end; stop++) {
      const ch = text[stop];
      if (ch === '(') depth++;
      else if (ch === ')') depth--;
      else if (depth === 0 && (ch === ',' || ch === '/')) break;
    }
    const e = entity(new Cursor(text, c.pos, stop), exprs, toFile);
    if (e) {
      if (!cur) blocks.push((cur = { name: '', members: [] }));
      cur.members.push(e);
    }
    c.pos = stop;
    if (text[c.pos] === ',') c.pos++;
    if (stop >= c.end) break;
  }
  return simple('common', exprs, { kind: 'common', blocks });
}

export function classifyParameter(c: Cursor, toFile: ToFile): Classified {
  const p = c.parens();
  const entries: { name: string; span: Span; value: string }[] = [];
  const exprs: ExprRegion[] = [];
  if (p) {
    for (const part of splitTop(c.text, p.start, p.end)) {
      const eq = findTop(c.text, part.start, part.end, '=');
      if (eq < 0) continue;
      const n = new Cursor(c.text, part.start, eq).name();
      if (!n) continue;
      entries.push({ name: n.name, span: toFile(n), value: c.text.slice(eq + 1, part.end).trim() });
      exprs.push({ start: eq + 1, end: part.end });
    }
  }
  return simple('parameter', exprs, { kind: 'parameter', entries });
}

/**
 * Attribute statements: `dimension a(n)`, `allocatable :: a(:)`, `intent(in) :: x`, `save`,
 * `save /blk/, x`, `external f`, `public :: a`, `bind(c) :: x`.
 */
export function classifyAttributeStmt(c: Cursor, kind: StatementKind, attribute: string, toFile: ToFile): Classified {
  let attr = attribute;
  if (c.peek('(')) {
    const p = c.parens();
    if (p) attr = `${attribute}(${c.slice(trimRange(c.text, p)).toLowerCase().replace(/\s+/g, '')})`;
  }
  c.eat('::');
  const exprs: ExprRegion[] = [];
  const rest = c.rest();
  const entities: EntityDecl[] = [];
  for (const part of splitTop(c.text, rest.start, rest.end)) {
    const pc = new Cursor(c.text, part.start, part.end);
    if (pc.eat('/')) {
      // `/blk/` in SAVE and THREADPRIVATE-like lists names a common block.
      const n = pc.name();
      if (n) entities.push({ name: `/${n.name}/`, span: toFile(n) });
      continue;
    }
    const e = entity(pc, exprs, toFile);
    if (e) entities.push(e);
  }
  return simple(kind, kind === 'dimension' ? exprs : [], { kind: 'entities', entities, attribute: attr });
}

/** `type t`, `type :: t`, `type, extends(b), public :: t` (the caller already matched `type`, not `type(`). */
export function classifyTypeDef(c: Cursor): Classified {
  const attributes: string[] = [];
  while (c.eat(',')) {
    const a = c.name();
    if (!a) break;
    const p = c.peek('(') ? c.parens() : undefined;
    attributes.push(p ? `${a.name}(${c.slice(trimRange(c.text, p)).toLowerCase()})` : a.name);
  }
  c.eat('::');
  const name = c.name()?.name ?? '';
  return simple('type-def', [], { kind: 'type-def', name, attributes });
}

export function classifyInterface(c: Cursor, abstract: boolean): Classified {
  c.ws();
  const r = c.rest();
  const name = c.slice(r).trim().toLowerCase().replace(/\s+/g, '');
  return simple('interface', [], { kind: 'interface', ...(name ? { name } : {}), abstract });
}

/** Range of the parentheses right at the cursor, without moving it when absent. */
export function parenRange(c: Cursor): Range | undefined {
  c.ws();
  if (c.text[c.pos] !== '(') return undefined;
  const close = matchParen(c.text, c.pos, c.end);
  return close < 0 ? undefined : { start: c.pos + 1, end: close };
}
