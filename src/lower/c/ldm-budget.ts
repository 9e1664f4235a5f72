// What a kernel keeps in LDM: its copy of the argument block, its locals and the private copies of
// the constructs inside it. Sizes follow the Sunway ABI (LP64, like x86-64); a size that depends on a
// run-time value is not counted. The translator refuses a kernel whose data cannot fit.
import type { KernelLocal } from '../plan.js';

const BASE_SIZES: Record<string, number> = {
  char: 1, 'signed char': 1, 'unsigned char': 1, _Bool: 1, bool: 1,
  short: 2, 'unsigned short': 2,
  int: 4, unsigned: 4, float: 4, int32_t: 4, uint32_t: 4,
  long: 8, 'unsigned long': 8, 'long long': 8, 'unsigned long long': 8, double: 8, size_t: 8, int64_t: 8, uint64_t: 8, ptrdiff_t: 8,
  'long double': 16,
};

function baseSize(spec: string): number | undefined {
  let words = spec.split(/\s+/).filter((w) => w && !['const', 'volatile', 'restrict', 'static', 'register'].includes(w));
  if (words.length > 1) words = words.filter((w) => w !== 'int');
  if (words.length > 1 && words[0] === 'signed') words = words.slice(1);
  if (words.includes('unsigned')) words = ['unsigned', ...words.filter((w) => w !== 'unsigned')];
  return BASE_SIZES[words.join(' ')];
}

/** Evaluate an integer constant expression made of literals, macros and + - * / ( ). */
export function evalConstant(text: string, macros: ReadonlyMap<string, string>, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  const expanded = text.replace(/[A-Za-z_]\w*/g, (w) => {
    const m = macros.get(w);
    if (m === undefined) return '\u0000';
    const v = evalConstant(m, macros, depth + 1);
    return v === undefined ? '\u0000' : `(${v})`;
  });
  const cleaned = expanded.replace(/\b(\d+)[uUlL]+\b/g, '$1');
  if (!/^[\d\s+\-*/()]+$/.test(cleaned)) return undefined;
  const tokens = cleaned.match(/\d+|[+\-*/()]/g) ?? [];
  let i = 0;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = sum();
      i++;
      return v;
    }
    if (t === '-') return -primary();
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * primary() : Math.trunc(v / primary());
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  const v = sum();
  return Number.isFinite(v) ? v : undefined;
}

/** Bytes of one declaration `spec declarator` ('$' for the name), or undefined when not known here. */
export function declSize(ctype: string, macros: ReadonlyMap<string, string>): number | undefined {
  const at = ctype.indexOf('$');
  if (at < 0) return undefined;
  const spec = ctype.slice(0, at).replace(/[*(\s]+$/, '');
  const before = ctype.slice(0, at);
  const after = ctype.slice(at + 1);
  // `T *$...` or `T (*$)[N]`: a pointer, whatever it points to.
  if (/\*\s*(const\s*)?$/.test(before)) return 8;
  const base = baseSize(spec.replace(/\(+$/, '').trim());
  if (base === undefined) return undefined;
  let n = base;
  for (const m of after.matchAll(/\[([^\]]*)\]/g)) {
    const d = evalConstant(m[1]!, macros);
    if (d === undefined) return undefined;
    n *= d;
  }
  return n;
}

export function localsSize(locals: readonly KernelLocal[], macros: ReadonlyMap<string, string>): number {
  return locals.reduce((sum, l) => sum + (l.ctype ? declSize(l.ctype, macros) ?? 0 : 0), 0);
}
