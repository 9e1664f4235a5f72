// Expression tokens: names, numbers (`1.0_8`, `1.d0`, `1e-3`, `2._dp`), strings with either quote and
// doubled quotes, dotted operators (`.and.`, `.eq.`, `.true.`), and punctuation. Enough to find every
// name an expression mentions; not a full expression parser.
import { skipString } from './cursor.js';

export type TokenKind = 'name' | 'number' | 'string' | 'dotted' | 'punct';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** Statement-text offsets. */
  readonly start: number;
  readonly end: number;
  /** For numbers with a named kind (`1.0_dp`): the kind name's range. */
  readonly kindName?: { readonly start: number; readonly end: number };
}

const DOTTED_WORDS = new Set(['and', 'or', 'not', 'eqv', 'neqv', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'true', 'false']);
const PUNCT2 = ['**', '//', '==', '/=', '<=', '>=', '=>', '::', '(/', '/)'];

function isAlpha(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
function isNameChar(c: string | undefined): boolean {
  return isAlpha(c) || isDigit(c) || c === '_' || c === '$';
}

/** A dotted operator or logical constant at `i` (`.eq.`, `.true.`, `.myop.`): its end, or -1. */
function dottedAt(text: string, i: number, end: number): number {
  if (text[i] !== '.') return -1;
  let j = i + 1;
  while (j < end && isAlpha(text[j])) j++;
  if (j === i + 1 || text[j] !== '.') return -1;
  return j + 1;
}

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const e = Math.min(skipString(text, i, end), end);
      out.push({ kind: 'string', text: text.slice(i, e), start: i, end: e });
      i = e;
      continue;
    }
    if (isAlpha(c) || c === '_') {
      let j = i + 1;
      while (j < end && isNameChar(text[j])) j++;
      const word = text.slice(i, j);
      // BOZ constants z'ff', b"101", o'17' are numbers, not the names z, b, o.
      if (j - i === 1 && /[bozBOZ]/.test(c) && (text[j] === "'" || text[j] === '"')) {
        const e = Math.min(skipString(text, j, end), end);
        out.push({ kind: 'number', text: text.slice(i, e), start: i, end: e });
        i = e;
        continue;
      }
      out.push({ kind: 'name', text: word, start: i, end: j });
      i = j;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
      const h = hollerithEnd(text, i, end, out[out.length - 1]);
      if (h > 0) {
        out.push({ kind: 'string', text: text.slice(i, h), start: i, end: h });
        i = h;
        continue;
      }
      i = number(text, i, end, out);
      continue;
    }
    if (c === '.') {
      const e = dottedAt(text, i, end);
      if (e > 0) {
        out.push({ kind: 'dotted', text: text.slice(i, e).toLowerCase(), start: i, end: e });
        i = e;
        continue;
      }
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.includes(two) && i + 2 <= end) {
      out.push({ kind: 'punct', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    out.push({ kind: 'punct', text: c, start: i, end: i + 1 });
    i++;
  }
  return out;
}

/**
 * A Hollerith constant `4HABCD` (F77 DATA lists and old-style actual arguments): digits, `H`, then that
 * many characters. Only where a constant may start (`(`, `,`, `/`, `*` before it), so `2*h` is not one.
 */
function hollerithEnd(text: string, i: number, end: number, prev: Token | undefined): number {
  if (prev && !(prev.kind === 'punct' && ['(', ',', '/', '*'].includes(prev.text))) return -1;
  let j = i;
  while (j < end && isDigit(text[j])) j++;
  if (j === i || (text[j] !== 'h' && text[j] !== 'H')) return -1;
  const n = Number(text.slice(i, j));
  if (n <= 0) return -1;
  return Math.min(end, j + 1 + n);
}

/** Numeric literal at `i`: digits, fraction, exponent (e/d/q), kind suffix; stops before `.eq.`-style operators. */
function number(text: string, i: number, end: number, out: Token[]): number {
  const start = i;
  while (i < end && isDigit(text[i])) i++;
  if (text[i] === '.') {
    const d = dottedAt(text, i, end);
    const word = d > 0 ? text.slice(i + 1, d - 1).toLowerCase() : '';
    // `1.eq.2`: the dot belongs to the operator. `1.e5` / `1.d0` are exponents, not operators.
    if (!(d > 0 && DOTTED_WORDS.has(word))) {
      i++;
      while (i < end && isDigit(text[i])) i++;
    }
  }
  if (/[eEdDqQ]/.test(text[i] ?? '') && (isDigit(text[i + 1]) || (/[+-]/.test(text[i + 1] ?? '') && isDigit(text[i + 2])))) {
    i += 2;
    while (i < end && isDigit(text[i])) i++;
  }
  let kindName: { start: number; end: number } | undefined;
  if (text[i] === '_' && isNameChar(text[i + 1])) {
    const ks = i + 1;
    i = ks;
    while (i < end && isNameChar(text[i])) i++;
    if (!isDigit(text[ks])) kindName = { start: ks, end: i };
  }
  out.push({ kind: 'number', text: text.slice(start, i), start, end: i, ...(kindName ? { kindName } : {}) });
  return i;
}
