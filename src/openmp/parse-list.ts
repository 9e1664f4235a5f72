// List items of clauses and directive arguments: `x`, `a[lb:len][:]`, `p->f` (C), `a(1:n, :)`, `s%f`,
// `/blk/` (Fortran). Whether a form is allowed in a given clause is the checker's business; here we
// only recognise the shape and report text that is not a list item at all.
import * as omp from '../core/messages/omp.js';
import type { OmpListItem, OmpSectionDim, OmpText } from './ast.js';
import type { ItemKind } from './spec-types.js';
import {
  describeToken, isEmpty, isPunct, matchingClose, rangeSpan, rangeText, report, splitTopLevel, toOmpText,
  type ParseContext, type Range,
} from './token-range.js';

function optionalText(ctx: ParseContext, range: Range): OmpText | undefined {
  return isEmpty(range) ? undefined : toOmpText(ctx, range);
}

/** C `[lower:length[:stride]]`: one dimension. */
function cDimension(ctx: ParseContext, inner: Range): OmpSectionDim {
  const parts = splitTopLevel(ctx.tokens, inner, ':');
  if (parts.length === 1) return { lower: toOmpText(ctx, inner), single: true };
  const lower = optionalText(ctx, parts[0]!);
  const length = optionalText(ctx, parts[1]!);
  const stride = parts[2] ? optionalText(ctx, parts[2]) : undefined;
  return { ...(lower ? { lower } : {}), ...(length ? { length } : {}), ...(stride ? { stride } : {}) };
}

/** Fortran `(lower:upper[:stride], ...)`: one entry per dimension. */
function fortranDimensions(ctx: ParseContext, inner: Range): OmpSectionDim[] {
  return splitTopLevel(ctx.tokens, inner, ',').map((dim) => {
    const parts = splitTopLevel(ctx.tokens, dim, ':');
    if (parts.length === 1) return { lower: toOmpText(ctx, dim), single: true };
    const lower = optionalText(ctx, parts[0]!);
    const upper = optionalText(ctx, parts[1]!);
    const stride = parts[2] ? optionalText(ctx, parts[2]) : undefined;
    return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}), ...(stride ? { stride } : {}) };
  });
}

/**
 * One list item. Returns undefined (after reporting) when the text has no variable in it, or, for
 * variable and section lists, when something follows the variable path.
 */
export function parseListItem(ctx: ParseContext, part: Range, clause: string, kind: ItemKind): OmpListItem | undefined {
  const t = ctx.tokens;
  const first = t[part.from]!;
  // Fortran common block: /name/
  if (ctx.language === 'fortran' && isPunct(first, '/')) {
    const name = t[part.from + 1];
    if (name?.kind === 'word' && isPunct(t[part.from + 2], '/') && part.from + 3 === part.to) {
      return { name: name.text, span: rangeSpan(ctx, part), text: rangeText(ctx, part), sections: [], isCommonBlock: true };
    }
    report(ctx, rangeSpan(ctx, { from: part.from, to: part.from + 1 }), omp.expected('a common block name', describeToken(name)));
    return undefined;
  }
  let base = part.from;
  if (kind === 'locator') while (base < part.to && t[base]!.kind !== 'word') base++;
  if (base >= part.to || t[base]!.kind !== 'word') {
    report(ctx, rangeSpan(ctx, { from: part.from, to: part.from + 1 }), omp.expected('a variable name', describeToken(first)));
    return undefined;
  }
  const members: string[] = [];
  const sections: OmpSectionDim[] = [];
  let i = base + 1;
  for (;;) {
    const tok = t[i];
    if (i >= part.to || !tok) break;
    const memberOp = ctx.language === 'c' ? isPunct(tok, '.') || isPunct(tok, '->') : isPunct(tok, '%');
    if (memberOp && i + 1 < part.to && t[i + 1]!.kind === 'word') {
      members.push(t[i + 1]!.text);
      i += 2;
      continue;
    }
    const open = ctx.language === 'c' ? '[' : '(';
    if (isPunct(tok, open)) {
      const close = matchingClose(t, i, part.to);
      if (close < 0) break;
      const inner = { from: i + 1, to: close };
      if (ctx.language === 'c') sections.push(cDimension(ctx, inner));
      else sections.push(...fortranDimensions(ctx, inner));
      i = close + 1;
      continue;
    }
    break;
  }
  const isExpression = base !== part.from || i < part.to;
  if (isExpression && kind !== 'locator') {
    const stray = t[i < part.to ? i : part.from]!;
    report(ctx, rangeSpan(ctx, { from: i < part.to ? i : part.from, to: (i < part.to ? i : part.from) + 1 }), omp.expected(`',' or ')'`, describeToken(stray)));
    return undefined;
  }
  return {
    name: t[base]!.text,
    span: rangeSpan(ctx, part),
    text: rangeText(ctx, part),
    sections,
    ...(members.length ? { members } : {}),
    ...(isExpression ? { isExpression } : {}),
  };
}

/** A comma-separated list; an empty list or an empty element is reported once. */
export function parseList(ctx: ParseContext, range: Range, clause: string, kind: ItemKind): OmpListItem[] {
  if (isEmpty(range)) {
    report(ctx, rangeSpan(ctx, range), omp.emptyList(clause));
    return [];
  }
  const items: OmpListItem[] = [];
  let reportedEmpty = false;
  for (const part of splitTopLevel(ctx.tokens, range, ',')) {
    if (isEmpty(part)) {
      if (!reportedEmpty) report(ctx, rangeSpan(ctx, part), omp.expected('a list item', describeToken(ctx.tokens[part.from])));
      reportedEmpty = true;
      continue;
    }
    const item = parseListItem(ctx, part, clause, kind);
    if (item) items.push(item);
  }
  return items;
}
