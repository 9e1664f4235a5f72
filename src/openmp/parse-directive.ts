// Directive text → OmpDirective. The name is matched greedily against the table (the longest run of
// words that names a directive: `parallel for simd`, `end parallel do`, Fortran `enddo`), then an
// optional parenthesised directive argument, then clauses separated by blanks or commas. Syntax errors
// are reported into the bag and the parse goes on, so one directive yields every error it has; only
// a directive whose name is unknown gives undefined. Legality against the table is check-directive.ts.
import type { DiagnosticBag } from '../core/diagnostic.js';
import * as omp from '../core/messages/omp.js';
import type { DirectiveSite } from '../frontend/directive-site.js';
import type { OmpClause, OmpDirective } from './ast.js';
import { lexDirective, type Token } from './lexer.js';
import { parseClauseArgument } from './parse-clause.js';
import { parseList } from './parse-list.js';
import { clauseSpec, directiveDisplay, directiveEntries, matchDirectiveWords, maxDirectiveWords, otherSpelling, type DirectiveEntry } from './spec.js';
import { suggest } from './suggest.js';
import type { DirectiveSpec, Language } from './spec-types.js';
import {
  canonicalWord, describeToken, isPunct, matchingClose, rangeSpan, rangeText, report, tokenSpan,
  type ParseContext, type Range,
} from './token-range.js';

interface NameMatch {
  readonly entry: DirectiveEntry;
  readonly words: number;
}

/** The longest prefix of the leading words that names a directive in `language`. */
function matchName(tokens: readonly Token[], language: Language): NameMatch | undefined {
  const words: string[] = [];
  // Fortran may glue words together (`endparalleldo`), so a name can span fewer tokens than words.
  for (let i = 0; i < maxDirectiveWords && tokens[i]?.kind === 'word'; i++) {
    words.push(language === 'fortran' ? tokens[i]!.text.toLowerCase() : tokens[i]!.text);
  }
  for (let n = words.length; n >= 1; n--) {
    const entry = matchDirectiveWords(words.slice(0, n), language);
    if (entry) return { entry, words: n };
  }
  return undefined;
}

/** A directive name close to the written one, compared over as many words as each candidate has. */
function suggestDirective(tokens: readonly Token[], language: Language): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < maxDirectiveWords && tokens[i]?.kind === 'word'; i++) words.push(tokens[i]!.text);
  const byLength = new Map<number, string[]>();
  for (const e of directiveEntries) {
    if (e.language !== language) continue;
    const n = e.kind.split(' ').length;
    if (n <= words.length) byLength.set(n, [...(byLength.get(n) ?? []), e.kind]);
  }
  // Longest names first, so `paralel for` suggests `parallel for` rather than `parallel`.
  for (const n of [...byLength.keys()].sort((a, b) => b - a)) {
    const hit = suggest(words.slice(0, n).join(' '), byLength.get(n)!);
    if (hit) return hit;
  }
  return undefined;
}

/** Index of the token after a balanced group opened at `open`; reports a missing ')' at the end. */
function groupEnd(ctx: ParseContext, open: number): { inner: Range; next: number } {
  const close = matchingClose(ctx.tokens, open);
  if (close < 0) {
    const eof = ctx.tokens.length - 1;
    report(ctx, tokenSpan(ctx, ctx.tokens[eof]!), omp.expected(`')'`));
    return { inner: { from: open + 1, to: eof }, next: eof };
  }
  return { inner: { from: open + 1, to: close }, next: close + 1 };
}

function parseArgument(ctx: ParseContext, spec: DirectiveSpec, kind: string, inner: Range): OmpDirective['argument'] {
  const text = rangeText(ctx, inner);
  const span = rangeSpan(ctx, inner);
  const shape = spec.argument?.shape;
  if (shape === 'list') return { text, span, items: parseList(ctx, inner, kind, 'variable') };
  if (shape === 'name') {
    const first = ctx.tokens[inner.from]!;
    if (first.kind !== 'word' || inner.from === inner.to) report(ctx, tokenSpan(ctx, first), omp.expected('a name', describeToken(first)));
    else if (inner.to - inner.from > 1) report(ctx, tokenSpan(ctx, ctx.tokens[inner.from + 1]!), omp.expected(`')'`, ctx.tokens[inner.from + 1]!.text));
  }
  if (shape === 'text' && inner.to <= inner.from) report(ctx, span, omp.emptyArgument(kind));
  return { text, span };
}

function reportUnterminatedStrings(ctx: ParseContext): void {
  for (const t of ctx.tokens) {
    if (t.unterminated) report(ctx, tokenSpan(ctx, t), omp.syntax(`missing terminating ${t.text[0]} character`));
  }
}

export function parseDirective(site: DirectiveSite, language: Language, bag: DiagnosticBag): OmpDirective | undefined {
  const tokens = lexDirective(site.text, language);
  const ctx: ParseContext = { site, language, bag, tokens };
  reportUnterminatedStrings(ctx);
  const first = tokens[0]!;
  if (first.kind !== 'word') {
    report(ctx, tokenSpan(ctx, first), omp.expected('an OpenMP directive name', describeToken(first)));
    return undefined;
  }
  const own = matchName(tokens, language);
  const otherLanguage: Language = language === 'c' ? 'fortran' : 'c';
  const other = matchName(tokens, otherLanguage);
  if (other && (!own || other.words > own.words)) {
    const span = rangeSpan(ctx, { from: 0, to: other.words });
    const spelled = otherSpelling(other.entry.kind, otherLanguage);
    report(ctx, span, omp.wrongLanguage(other.entry.kind, otherLanguage === 'c' ? 'C' : 'Fortran', spelled));
    return undefined;
  }
  if (!own) {
    report(ctx, tokenSpan(ctx, first), omp.unknownDirective(first.text, suggestDirective(tokens, language)));
    return undefined;
  }
  const { entry } = own;
  const spec = entry.spec;
  const display = directiveDisplay(entry.kind, language);
  const nameSpan = rangeSpan(ctx, { from: 0, to: own.words });
  let i = own.words;

  let argument: OmpDirective['argument'];
  if (isPunct(tokens[i], '(')) {
    const { inner, next } = groupEnd(ctx, i);
    if (spec.argument) argument = parseArgument(ctx, spec, entry.kind, inner);
    else report(ctx, rangeSpan(ctx, { from: i, to: next }), omp.unexpectedArgument(entry.kind));
    i = next;
  } else if (spec.argument?.required) {
    report(ctx, nameSpan, omp.missingArgument(entry.kind));
  }

  const clauses: OmpClause[] = [];
  let afterClause = false;
  let inJunk = false;
  while (tokens[i]!.kind !== 'eof') {
    const tok = tokens[i]!;
    if (isPunct(tok, ',') && afterClause) {
      afterClause = false;
      i++;
      continue;
    }
    if (tok.kind !== 'word') {
      if (!inJunk) report(ctx, tokenSpan(ctx, tok), omp.expected('an OpenMP clause', describeToken(tok)));
      inJunk = true;
      afterClause = false;
      i = isPunct(tok, '(') || isPunct(tok, '[') ? groupEnd(ctx, i).next : i + 1;
      continue;
    }
    inJunk = false;
    afterClause = true;
    const name = canonicalWord(ctx, tok.text);
    const cspec = clauseSpec(name, language);
    let inner: Range | undefined;
    let next = i + 1;
    if (isPunct(tokens[i + 1], '(')) ({ inner, next } = groupEnd(ctx, i + 1));
    if (!cspec) {
      report(ctx, tokenSpan(ctx, tok), omp.unknownClause(tok.text, display, suggest(tok.text, spec.clauses.filter((c) => clauseSpec(c, language)))));
      i = next;
      continue;
    }
    const parts = parseClauseArgument(ctx, cspec, inner, i);
    clauses.push({
      kind: cspec.name,
      span: rangeSpan(ctx, { from: i, to: next }),
      nameSpan: tokenSpan(ctx, tok),
      modifiers: parts.modifiers,
      ...(parts.value ? { value: parts.value } : {}),
      ...(parts.operator ? { operator: parts.operator } : {}),
      ...(parts.items ? { items: parts.items } : {}),
      ...(parts.args ? { args: parts.args } : {}),
    });
    i = next;
  }

  return {
    kind: entry.kind,
    isEnd: entry.isEnd,
    span: site.span,
    nameSpan,
    clauses,
    ...(argument ? { argument } : {}),
  };
}
