// How many bytes of LDM a kernel's private data needs on each CPE: private arrays and scalars of
// the region, sized from their declarations with named constants evaluated. What cannot be sized at
// translation time (run-time bounds, kinds from inquiry functions) is left out, so the estimate is a
// lower bound: it refuses only what certainly does not fit.
import type { FortranEntity, FortranTree, TypeSpec } from '../../frontend/fortran/index.js';
import { resolveName, tokenize } from '../../frontend/fortran/index.js';

/** Integer value of a constant expression in unit `unit` (+ - * / ** parentheses, named constants), or undefined. */
export function constValue(tree: FortranTree, unit: number, text: string, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const toks = tokenize(text, 0, text.length);
  let i = 0;
  const peek = () => toks[i];
  const primary = (): number | undefined => {
    const t = toks[i++];
    if (!t) return undefined;
    if (t.kind === 'number') return /^\d+$/.test(t.text) ? Number(t.text) : undefined;
    if (t.kind === 'name') {
      const r = resolveName(tree, unit, t.text);
      if (!r?.entity.parameter || r.entity.init === undefined) return undefined;
      return constValue(r.tree as FortranTree, r.unit, r.entity.init, depth + 1);
    }
    if (t.text === '(') {
      const v = sum();
      if (peek()?.text !== ')') return undefined;
      i++;
      return v;
    }
    if (t.text === '-') {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    return undefined;
  };
  const power = (): number | undefined => {
    const b = primary();
    if (peek()?.text === '**') {
      i++;
      const e = power();
      return b === undefined || e === undefined ? undefined : b ** e;
    }
    return b;
  };
  const product = (): number | undefined => {
    let v = power();
    while (peek()?.text === '*' || peek()?.text === '/') {
      const op = toks[i++]!.text;
      const r = power();
      if (v === undefined || r === undefined || (op === '/' && r === 0)) return undefined;
      v = op === '*' ? v * r : Math.trunc(v / r);
    }
    return v;
  };
  const sum = (): number | undefined => {
    let v = product();
    while (peek()?.text === '+' || peek()?.text === '-') {
      const op = toks[i++]!.text;
      const r = product();
      if (v === undefined || r === undefined) return undefined;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  };
  const v = sum();
  return i === toks.length ? v : undefined;
}

function elementBytes(tree: FortranTree, unit: number, type: TypeSpec | undefined, e: FortranEntity): number | undefined {
  if (!type) return 4;
  const kind = type.kind !== undefined ? constValue(tree, unit, type.kind) : undefined;
  switch (type.base) {
    case 'integer':
    case 'real':
    case 'logical':
      return type.kind === undefined ? 4 : kind;
    case 'double precision':
      return 8;
    case 'complex':
      return type.kind === undefined ? 8 : kind === undefined ? undefined : 2 * kind;
    case 'double complex':
      return 16;
    case 'character': {
      const len = e.len ?? type.len;
      return len === undefined ? 1 : constValue(tree, unit, len);
    }
    default:
      return undefined;
  }
}

/** Bytes of one variable as declared, or undefined when not known at translation time. */
export function variableBytes(tree: FortranTree, unit: number, type: TypeSpec | undefined, e: FortranEntity): number | undefined {
  const el = elementBytes(tree, unit, type, e);
  if (el === undefined) return undefined;
  let n = 1;
  for (const d of e.dims ?? []) {
    if (d.upper === undefined || d.upper === '*') return undefined;
    const hi = constValue(tree, unit, d.upper);
    const lo = d.lower === undefined ? 1 : constValue(tree, unit, d.lower);
    if (hi === undefined || lo === undefined) return undefined;
    n *= Math.max(0, hi - lo + 1);
  }
  return el * n;
}
