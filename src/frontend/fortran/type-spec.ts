// Type specifications (`real*8`, `real(kind=8)`, `double precision`, `character*(*)`,
// `character(len=*, kind=1)`, `type(t)`, `class(*)`) and array specs (`(n, 0:m, *)`, `(:,:)`).
import { Cursor, splitTop, trimRange, type Range } from './cursor.js';
import type { DimSpec, ExprRegion, TypeSpec } from './types.js';

const SIMPLE = ['integer', 'real', 'complex', 'logical', 'character', 'byte'] as const;

export interface ParsedTypeSpec {
  readonly spec: TypeSpec;
  readonly exprs: ExprRegion[];
}

/**
 * Parse a type-spec at the cursor; undefined (cursor unchanged) when there is none.
 * With `implicitStmt`, a single parenthesised group after the type keyword is the letter list of an
 * IMPLICIT statement, not a kind selector (`implicit real (a-h)` vs `implicit real(8) (a-h)`).
 */
export function parseTypeSpec(c: Cursor, implicitStmt = false): ParsedTypeSpec | undefined {
  const save = c.pos;
  c.ws();
  const start = c.pos;
  let base: TypeSpec['base'] | undefined;
  if (c.kw('double precision')) base = 'double precision';
  else if (c.kw('double complex')) base = 'double complex';
  else {
    for (const b of SIMPLE) {
      if (c.kw(b)) {
        base = b;
        break;
      }
    }
  }
  if (!base) {
    for (const b of ['type', 'class'] as const) {
      const s = c.pos;
      if (c.kw(b) && c.peek('(')) {
        const r = c.parens();
        if (!r) break;
        const derived = c.slice(trimRange(c.text, r)).toLowerCase();
        return { spec: { text: c.text.slice(start, c.pos), base: b, derived }, exprs: [] };
      }
      c.pos = s;
    }
    c.pos = save;
    return undefined;
  }
  let kind: string | undefined;
  let len: string | undefined;
  const exprs: ExprRegion[] = [];
  if (c.eat('*')) {
    // Old-style length: `real*8`, `character*10`, `character*(*)`.
    const p = c.parens();
    const v = p ? c.slice(trimRange(c.text, p)) : c.label();
    if (p) exprs.push({ start: p.start, end: p.end });
    if (base === 'character') len = v;
    else kind = v;
  } else if (c.peek('(')) {
    const s = c.pos;
    const p = c.parens();
    if (p && implicitStmt && !c.peek('(')) {
      c.pos = s; // that group was the letter list
    } else if (p) {
      exprs.push({ start: p.start, end: p.end, keywords: true });
      const sel = selector(c.text, p, base === 'character');
      kind = sel.kind;
      len = sel.len;
    }
  }
  const spec: TypeSpec = { text: c.text.slice(start, c.pos).trimEnd(), base, ...(kind !== undefined ? { kind } : {}), ...(len !== undefined ? { len } : {}) };
  return { spec, exprs };
}

/** `(8)`, `(kind=8)`, `(len=*, kind=1)`, `(10, 1)`: character takes len first, others only kind. */
function selector(text: string, r: Range, character: boolean): { kind?: string; len?: string } {
  const out: { kind?: string; len?: string } = {};
  const parts = splitTop(text, r.start, r.end).map((p) => text.slice(p.start, p.end).trim());
  parts.forEach((p, i) => {
    const m = /^(kind|len)\s*=\s*([\s\S]*)$/i.exec(p);
    if (m) out[m[1]!.toLowerCase() as 'kind' | 'len'] = m[2]!.trim();
    else if (character && i === 0) out.len = p;
    else out.kind = p;
  });
  return out;
}

/** The dimensions of an array spec given the range inside its parentheses. */
export function parseDims(text: string, r: Range): DimSpec[] {
  return splitTop(text, r.start, r.end).map((d) => {
    const t = text.slice(d.start, d.end).trim();
    const colon = splitTop(text, d.start, d.end, ':');
    if (colon.length === 1) return { text: t, upper: t };
    const lo = text.slice(colon[0]!.start, colon[0]!.end).trim();
    const hi = text.slice(colon[1]!.start, colon[1]!.end).trim();
    return { text: t, ...(lo ? { lower: lo } : {}), ...(hi ? { upper: hi } : {}) };
  });
}
