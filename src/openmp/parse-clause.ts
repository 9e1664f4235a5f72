// The argument of one clause, parsed by the clause's shape in clauses.ts (recursive descent over the
// tokens between the clause's parentheses). Values and modifiers are recognised here and validated
// against the table in check-directive.ts, so that all legality rules live in one place.
import * as omp from '../core/messages/omp.js';
import type { OmpListItem, OmpModifier, OmpText } from './ast.js';
import { parseList } from './parse-list.js';
import type { ClauseSpec } from './spec-types.js';
import {
  canonicalWord, describeToken, findTopLevel, isEmpty, isPunct, matchingClose, rangeSpan, rangeText, report,
  splitTopLevel, toOmpText, tokenSpan, type ParseContext, type Range,
} from './token-range.js';

/** The parts of an OmpClause that come from its argument. */
export interface ClauseParts {
  modifiers: OmpModifier[];
  value?: OmpModifier;
  operator?: OmpText;
  items?: OmpListItem[];
  args?: OmpText[];
}

/**
 * Modifiers before ':' such as `always, close` or `mapper(id), iterator(i=0:n)`: words, each optionally
 * followed by one parenthesised group, separated by commas or blanks. `if(target update: c)` names a
 * construct, so with `joinWords` consecutive words form one modifier. Undefined when the range is not
 * of that shape (it is then an expression).
 */
function parseModifiers(ctx: ParseContext, range: Range, joinWords: boolean): OmpModifier[] | undefined {
  const t = ctx.tokens;
  const out: OmpModifier[] = [];
  for (const part of splitTopLevel(t, range, ',')) {
    if (isEmpty(part)) return undefined;
    let i = part.from;
    while (i < part.to) {
      if (t[i]!.kind !== 'word') return undefined;
      const start = i;
      const words = [canonicalWord(ctx, t[i]!.text)];
      i++;
      while (joinWords && i < part.to && t[i]!.kind === 'word') words.push(canonicalWord(ctx, t[i++]!.text));
      let args: OmpText[] | undefined;
      if (isPunct(t[i], '(')) {
        const close = matchingClose(t, i, part.to);
        if (close < 0) return undefined;
        args = splitTopLevel(t, { from: i + 1, to: close }, ',').filter((r) => !isEmpty(r)).map((r) => toOmpText(ctx, r));
        i = close + 1;
      }
      out.push({ word: words.join(' '), span: rangeSpan(ctx, { from: start, to: i }), ...(args ? { args } : {}) });
    }
  }
  return out;
}

/** A top-level C conditional `?` in the range: its ':' is not a separator. */
function hasConditional(ctx: ParseContext, range: Range): boolean {
  return findTopLevel(ctx.tokens, range, '?') >= 0;
}

function singleWord(ctx: ParseContext, range: Range): OmpModifier | undefined {
  if (range.to - range.from !== 1 || ctx.tokens[range.from]!.kind !== 'word') return undefined;
  const tok = ctx.tokens[range.from]!;
  return { word: canonicalWord(ctx, tok.text), span: tokenSpan(ctx, tok) };
}

function expression(ctx: ParseContext, range: Range, spec: ClauseSpec): OmpText | undefined {
  if (isEmpty(range)) {
    report(ctx, rangeSpan(ctx, range), omp.emptyArgument(spec.name));
    return undefined;
  }
  return toOmpText(ctx, range);
}

/** `[modifier:] expr`; a ':' after something that is not a modifier word is part of the expression (`c ? a : b`). */
function parseExpr(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const colon = findTopLevel(ctx.tokens, inner, ':');
  if (colon >= 0 && !spec.modifiers && !hasConditional(ctx, inner)) {
    // num_teams(lower: upper)
    const args = splitTopLevel(ctx.tokens, inner, ':').map((r) => expression(ctx, r, spec)).filter((x): x is OmpText => !!x);
    return { modifiers: [], args };
  }
  if (colon >= 0) {
    const modifiers = parseModifiers(ctx, { from: inner.from, to: colon }, spec.name === 'if');
    if (modifiers) {
      const e = expression(ctx, { from: colon + 1, to: inner.to }, spec);
      return { modifiers, args: e ? [e] : [] };
    }
  }
  const e = expression(ctx, inner, spec);
  return { modifiers: [], args: e ? [e] : [] };
}

function parseModifiedList(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const colon = findTopLevel(ctx.tokens, inner, ':');
  const kind = spec.items ?? 'variable';
  if (colon < 0) return { modifiers: [], items: parseList(ctx, inner, spec.name, kind) };
  const prefix = { from: inner.from, to: colon };
  let modifiers = parseModifiers(ctx, prefix, false);
  const implied = spec.expressionModifier;
  if (implied && !isEmpty(prefix) && (!modifiers || !modifiers.every((m) => spec.modifiers?.includes(m.word)))) {
    modifiers = [{ word: implied, span: rangeSpan(ctx, prefix), args: [toOmpText(ctx, prefix)] }];
  }
  if (!modifiers) {
    report(ctx, rangeSpan(ctx, prefix), omp.badModifier(rangeText(ctx, prefix), spec.name));
    modifiers = [];
  }
  return { modifiers, items: parseList(ctx, { from: colon + 1, to: inner.to }, spec.name, kind) };
}

/** `linear(list[: step | modifiers])`, `aligned(list[: alignment])`, and the old `linear(val(x): 1)`. */
function parseListStep(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const t = ctx.tokens;
  const colon = findTopLevel(t, inner, ':');
  let list: Range = colon < 0 ? inner : { from: inner.from, to: colon };
  const modifiers: OmpModifier[] = [];
  const args: OmpText[] = [];
  const head = t[list.from];
  if (head?.kind === 'word' && spec.modifiers?.includes(canonicalWord(ctx, head.text)) && isPunct(t[list.from + 1], '(') && matchingClose(t, list.from + 1, list.to) === list.to - 1) {
    modifiers.push({ word: canonicalWord(ctx, head.text), span: tokenSpan(ctx, head) });
    list = { from: list.from + 2, to: list.to - 1 };
  }
  const items = parseList(ctx, list, spec.name, spec.items ?? 'variable');
  if (colon >= 0) {
    for (const part of splitTopLevel(t, { from: colon + 1, to: inner.to }, ',')) {
      const mods = spec.modifiers ? parseModifiers(ctx, part, false) : undefined;
      if (mods && mods.length === 1 && spec.modifiers!.includes(mods[0]!.word)) modifiers.push(mods[0]!);
      else {
        const e = expression(ctx, part, spec);
        if (e) args.push(e);
      }
    }
  }
  return { modifiers, items, ...(args.length ? { args } : {}) };
}

/** `[modifier:] keyword` (default, proc_bind, order, at, ...). */
function parseKeyword(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const colon = findTopLevel(ctx.tokens, inner, ':');
  let modifiers: OmpModifier[] = [];
  let rest = inner;
  if (colon >= 0) {
    const prefix = { from: inner.from, to: colon };
    modifiers = parseModifiers(ctx, prefix, false) ?? [];
    if (!modifiers.length) report(ctx, rangeSpan(ctx, prefix), omp.badModifier(rangeText(ctx, prefix), spec.name));
    rest = { from: colon + 1, to: inner.to };
  }
  const value = singleWord(ctx, rest);
  if (!value) {
    report(ctx, rangeSpan(ctx, rest), omp.badValue(rangeText(ctx, rest), spec.name, spec.values ?? []));
    return { modifiers };
  }
  return { modifiers, value };
}

/** `defaultmap(behavior[: category])`: the category is kept as the clause's argument. */
function parseKeywordPair(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const parts = splitTopLevel(ctx.tokens, inner, ':');
  const value = singleWord(ctx, parts[0]!);
  if (!value) report(ctx, rangeSpan(ctx, parts[0]!), omp.badValue(rangeText(ctx, parts[0]!), spec.name, spec.values ?? []));
  const args: OmpText[] = [];
  if (parts.length > 1) {
    const cat = singleWord(ctx, parts[1]!);
    if (cat) args.push({ text: cat.word, span: cat.span });
    else report(ctx, rangeSpan(ctx, parts[1]!), omp.badValue(rangeText(ctx, parts[1]!), spec.name, spec.categories ?? []));
  }
  return { modifiers: [], ...(value ? { value } : {}), ...(parts.length > 1 ? { args } : {}) };
}

/** `[modifier, ...,] identifier : list` (reduction, in_reduction, task_reduction). */
function parseReduction(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const colon = findTopLevel(ctx.tokens, inner, ':');
  if (colon < 0) {
    const at = ctx.tokens[inner.to]!;
    report(ctx, tokenSpan(ctx, at), omp.expected(`':'`, describeToken(at)));
    return { modifiers: [] };
  }
  const parts = splitTopLevel(ctx.tokens, { from: inner.from, to: colon }, ',');
  const idRange = parts[parts.length - 1]!;
  let modifiers: OmpModifier[] = [];
  if (parts.length > 1) {
    const modRange = { from: inner.from, to: parts[parts.length - 2]!.to };
    modifiers = parseModifiers(ctx, modRange, false) ?? [];
    if (!modifiers.length) report(ctx, rangeSpan(ctx, modRange), omp.badModifier(rangeText(ctx, modRange), spec.name));
  }
  let operator: OmpText | undefined;
  if (isEmpty(idRange)) report(ctx, rangeSpan(ctx, idRange), omp.expected('a reduction identifier', describeToken(ctx.tokens[idRange.from])));
  else operator = toOmpText(ctx, idRange);
  const items = parseList(ctx, { from: colon + 1, to: inner.to }, spec.name, spec.items ?? 'section');
  return { modifiers, ...(operator ? { operator } : {}), items };
}

/**
 * `[modifier[, modifier]:] kind[, chunk]` (schedule, dist_schedule). A ':' that does not follow
 * modifier words belongs to a conditional in the chunk (`schedule(static, big ? 64 : 8)`).
 */
function parseSchedule(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const colon = findTopLevel(ctx.tokens, inner, ':');
  let modifiers: OmpModifier[] = [];
  let rest = inner;
  const prefixModifiers = colon >= 0 ? parseModifiers(ctx, { from: inner.from, to: colon }, false) : undefined;
  if (prefixModifiers) {
    modifiers = prefixModifiers;
    rest = { from: colon + 1, to: inner.to };
  }
  const parts = splitTopLevel(ctx.tokens, rest, ',');
  const value = singleWord(ctx, parts[0]!);
  if (!value) {
    report(ctx, rangeSpan(ctx, parts[0]!), omp.badValue(rangeText(ctx, parts[0]!), spec.name, spec.values ?? []));
    return { modifiers };
  }
  const args: OmpText[] = [];
  if (parts.length > 1) {
    const chunk = expression(ctx, parts[1]!, spec);
    if (chunk) args.push(chunk);
  }
  if (parts.length > 2) {
    const extra = ctx.tokens[parts[1]!.to]!;
    report(ctx, tokenSpan(ctx, extra), omp.expected(`')'`, describeToken(extra)));
  }
  return { modifiers, value, ...(parts.length > 1 ? { args } : {}) };
}

/** `depend([iterator(...),] type: list)`, `depend(source)`, `depend(sink: vec)`, `doacross(source:)`. */
function parseDepend(ctx: ParseContext, spec: ClauseSpec, inner: Range): ClauseParts {
  const t = ctx.tokens;
  const colon = findTopLevel(t, inner, ':');
  if (colon < 0) {
    const value = singleWord(ctx, inner);
    if (!value) report(ctx, rangeSpan(ctx, inner), omp.badValue(rangeText(ctx, inner), spec.name, spec.values ?? []));
    return { modifiers: [], ...(value ? { value } : {}) };
  }
  const parts = splitTopLevel(t, { from: inner.from, to: colon }, ',');
  const typeRange = parts[parts.length - 1]!;
  let modifiers: OmpModifier[] = [];
  if (parts.length > 1) {
    const modRange = { from: inner.from, to: parts[parts.length - 2]!.to };
    modifiers = parseModifiers(ctx, modRange, false) ?? [];
    if (!modifiers.length) report(ctx, rangeSpan(ctx, modRange), omp.badModifier(rangeText(ctx, modRange), spec.name));
  }
  const value = singleWord(ctx, typeRange);
  if (!value) {
    report(ctx, rangeSpan(ctx, typeRange), omp.badValue(rangeText(ctx, typeRange), spec.name, spec.values ?? []));
    return { modifiers };
  }
  const rest = { from: colon + 1, to: inner.to };
  if (value.word === 'source' || value.word === 'sink') {
    // Iteration vectors are expressions (`i-1, j`), not list items.
    const args = isEmpty(rest) && value.word === 'source' ? [] : splitTopLevel(t, rest, ',').map((r) => expression(ctx, r, spec)).filter((x): x is OmpText => !!x);
    return { modifiers, value, args };
  }
  return { modifiers, value, items: parseList(ctx, rest, spec.name, spec.items ?? 'locator') };
}

/**
 * Parse the argument of a clause. `inner` is the token range inside the parentheses, or undefined
 * when the clause has none; `nameIndex` is the clause word's token (for "expected '(' after").
 */
export function parseClauseArgument(ctx: ParseContext, spec: ClauseSpec, inner: Range | undefined, nameIndex: number): ClauseParts {
  const name = ctx.tokens[nameIndex]!;
  const optional = spec.shape === 'none' || spec.shape === 'optional-expr' || spec.shape === 'optional-keyword';
  if (!inner) {
    if (!optional) report(ctx, tokenSpan(ctx, name), omp.missingArgument(spec.name));
    return { modifiers: [] };
  }
  switch (spec.shape) {
    case 'none': {
      report(ctx, rangeSpan(ctx, { from: inner.from - 1, to: inner.to + 1 }), omp.unexpectedArgument(spec.name));
      return { modifiers: [] };
    }
    case 'optional-expr':
    case 'text': {
      const e = expression(ctx, inner, spec);
      return { modifiers: [], args: e ? [e] : [] };
    }
    case 'expr':
      return parseExpr(ctx, spec, inner);
    case 'expr-list': {
      const args = splitTopLevel(ctx.tokens, inner, ',').map((r) => expression(ctx, r, spec)).filter((x): x is OmpText => !!x);
      return { modifiers: [], args };
    }
    case 'list':
      return parseModifiedList(ctx, spec, inner);
    case 'list-step':
      return parseListStep(ctx, spec, inner);
    case 'keyword':
    case 'optional-keyword':
      return parseKeyword(ctx, spec, inner);
    case 'keyword-pair':
      return parseKeywordPair(ctx, spec, inner);
    case 'reduction':
      return parseReduction(ctx, spec, inner);
    case 'schedule':
      return parseSchedule(ctx, spec, inner);
    case 'depend':
      return parseDepend(ctx, spec, inner);
  }
}
