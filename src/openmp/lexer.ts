// Tokens of directive text (after the `omp` word). Enough structure for the clause grammar: words,
// numbers, strings, Fortran dotted operators and punctuation; expressions are later sliced back out of
// the text verbatim, so the lexer never needs to understand C or Fortran expressions.
import type { Language } from './spec-types.js';

export type TokenKind = 'word' | 'number' | 'string' | 'dotop' | 'punct' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** As written. */
  readonly text: string;
  /** Offsets into the directive text (not the file): [start, end). */
  readonly start: number;
  readonly end: number;
  /** A string literal with no closing quote. */
  readonly unterminated?: boolean;
}

/** Multi-character punctuation the grammar cares about (member access and C reduction operators). */
const MULTI = ['->', '&&', '||'];

const isWordStart = (c: string): boolean => /[A-Za-z_$]/.test(c);
const isWordChar = (c: string): boolean => /[A-Za-z0-9_$]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Length of a Fortran dotted operator or logical constant at i (`.and.`, `.TRUE.`), or 0. */
function dotOperatorLength(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && /[A-Za-z]/.test(text[j]!)) j++;
  return j > i + 1 && text[j] === '.' ? j + 1 - i : 0;
}

function numberLength(text: string, i: number, language: Language): number {
  let j = i;
  while (j < text.length && isDigit(text[j]!)) j++;
  // A '.' belongs to the number unless it starts a Fortran operator (`1.and.`).
  if (text[j] === '.' && !(language === 'fortran' && dotOperatorLength(text, j) > 0)) {
    j++;
    while (j < text.length && isDigit(text[j]!)) j++;
  }
  if (/[eEdD]/.test(text[j] ?? '') && (isDigit(text[j + 1] ?? '') || (/[+-]/.test(text[j + 1] ?? '') && isDigit(text[j + 2] ?? '')))) {
    j += 2;
    while (j < text.length && isDigit(text[j]!)) j++;
  }
  // Suffixes: 10UL, 0x1F, 1.0_8 (Fortran kind).
  while (j < text.length && isWordChar(text[j]!)) j++;
  return j - i;
}

export function lexDirective(text: string, language: Language): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    let kind: TokenKind = 'punct';
    let len = 1;
    let unterminated = false;
    if (isWordStart(c)) {
      kind = 'word';
      while (i + len < text.length && isWordChar(text[i + len]!)) len++;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      kind = 'number';
      len = c === '.' ? 1 + numberLength(text, i + 1, language) : numberLength(text, i, language);
    } else if (c === '"' || c === "'") {
      kind = 'string';
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && language === 'c' ? 2 : 1;
      unterminated = j >= text.length;
      len = Math.min(j + 1, text.length) - i;
    } else if (c === '.' && language === 'fortran' && dotOperatorLength(text, i) > 0) {
      kind = 'dotop';
      len = dotOperatorLength(text, i);
    } else {
      const m = MULTI.find((p) => text.startsWith(p, i));
      if (m) len = m.length;
    }
    tokens.push({ kind, text: text.slice(i, i + len), start: i, end: i + len, ...(unterminated ? { unterminated } : {}) });
    i += len;
  }
  tokens.push({ kind: 'eof', text: '', start: text.length, end: text.length });
  return tokens;
}

