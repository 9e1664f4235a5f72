// Shared state of one directive parse and helpers over half-open token ranges [from, to): bracket
// matching, splitting at top-level separators, and turning a range back into verbatim text with a file span.
import type { DiagnosticBag, Message } from '../core/diagnostic.js';
import type { Span } from '../core/span.js';
import { siteSpan, type DirectiveSite } from '../frontend/directive-site.js';
import type { Token } from './lexer.js';
import type { OmpText } from './ast.js';
import type { Language } from './spec-types.js';

export interface ParseContext {
  readonly site: DirectiveSite;
  readonly language: Language;
  readonly bag: DiagnosticBag;
  readonly tokens: readonly Token[];
}

export interface Range {
  readonly from: number;
  readonly to: number;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

export function isPunct(t: Token | undefined, text: string): boolean {
  return !!t && t.kind === 'punct' && t.text === text;
}

/** Index of the bracket closing the one at `open`, or -1 when the text ends first. */
export function matchingClose(tokens: readonly Token[], open: number, limit = tokens.length): number {
  const stack: string[] = [];
  for (let i = open; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    const closer = OPENERS[t.text];
    if (closer) stack.push(closer);
    else if (CLOSERS.has(t.text)) {
      // A stray closer of the wrong kind is treated as closing the innermost bracket, so that one
      // typo does not swallow the rest of the directive.
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Split [from, to) at separators that are not inside brackets. Empty parts are kept. */
export function splitTopLevel(tokens: readonly Token[], range: Range, separator: string): Range[] {
  const parts: Range[] = [];
  let depth = 0;
  let start = range.from;
  for (let i = range.from; i < range.to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      if (OPENERS[t.text]) depth++;
      else if (CLOSERS.has(t.text)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && t.text === separator) {
        parts.push({ from: start, to: i });
        start = i + 1;
      }
    }
  }
  parts.push({ from: start, to: range.to });
  return parts;
}

/** Index of the first top-level `separator` in the range, or -1. */
export function findTopLevel(tokens: readonly Token[], range: Range, separator: string): number {
  const parts = splitTopLevel(tokens, range, separator);
  return parts.length > 1 ? parts[0]!.to : -1;
}

export function isEmpty(range: Range): boolean {
  return range.to <= range.from;
}

/** File span of a token range; an empty range maps to the position of the token at `from`. */
export function rangeSpan(ctx: ParseContext, range: Range): Span {
  const first = ctx.tokens[range.from] ?? ctx.tokens[ctx.tokens.length - 1]!;
  if (isEmpty(range)) return siteSpan(ctx.site, first.start, first.start);
  return siteSpan(ctx.site, first.start, ctx.tokens[range.to - 1]!.end);
}

export function tokenSpan(ctx: ParseContext, token: Token): Span {
  return siteSpan(ctx.site, token.start, token.end);
}

/** The text of a range as written (inner spacing and line joins of the directive text kept). */
export function rangeText(ctx: ParseContext, range: Range): string {
  if (isEmpty(range)) return '';
  return ctx.site.text.slice(ctx.tokens[range.from]!.start, ctx.tokens[range.to - 1]!.end);
}

export function toOmpText(ctx: ParseContext, range: Range): OmpText {
  return { text: rangeText(ctx, range), span: rangeSpan(ctx, range) };
}

/** Words are case-insensitive in Fortran: compare and store them lower-cased. */
export function canonicalWord(ctx: ParseContext, word: string): string {
  return ctx.language === 'fortran' ? word.toLowerCase() : word;
}

export function report(ctx: ParseContext, span: Span, message: Message): void {
  ctx.bag.report(ctx.site.file, span, message);
}

/** The token that follows a range, for "expected X before 'Y'" messages. */
export function describeToken(token: Token | undefined): string | undefined {
  if (!token || token.kind === 'eof') return undefined;
  return token.text;
}
