// Legality of a parsed directive against the table (allowed, once, required and exclusive clauses,
// keyword values, modifiers, reduction identifiers, list items, data-sharing conflicts), then o2ath's
// support status: `unsupported-*` errors for valid OpenMP that is not lowered, notes for what is
// accepted without effect. Collects diagnostics; never throws.
import type { Diagnostic, DiagnosticBag, Message } from '../core/diagnostic.js';
import * as omp from '../core/messages/omp.js';
import * as unsupported from '../core/messages/unsupported.js';
import type { Span } from '../core/span.js';
import type { DirectiveSite } from '../frontend/directive-site.js';
import type { OmpClause, OmpDirective, OmpListItem } from './ast.js';
import { clauseSpec, directiveDisplay, getDirectiveEntry, type DirectiveEntry } from './spec.js';
import { suggest } from './suggest.js';
import type { ClauseSpec, Language } from './spec-types.js';

export interface CheckOptions {
  /** Report a note for each accepted construct (default true). */
  readonly notes?: boolean;
  /**
   * Report unsupported-* verdicts (default true). parseAndCheckDirective turns it off when the parse
   * already failed: only valid OpenMP is worth a verdict.
   */
  readonly support?: boolean;
}

interface CheckContext {
  readonly site: DirectiveSite;
  readonly language: Language;
  readonly bag: DiagnosticBag;
  readonly entry: DirectiveEntry;
  readonly display: string;
  readonly nameSpan: Span;
}

/** OpenMP 5.2 §5.5.5 reduction identifiers (5.2 still accepts C `-`). */
const C_OPERATORS = new Set(['+', '*', '-', '&', '|', '^', '&&', '||']);
const FORTRAN_OPERATORS = new Set(['+', '*', '-', '.and.', '.or.', '.eqv.', '.neqv.']);
/** A variable may be both firstprivate and lastprivate (5.2 §5.4.5); every other pair is an error. */
const COMPATIBLE_SHARING = new Set(['firstprivate+lastprivate', 'lastprivate+firstprivate']);

function isIdentifier(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(text);
}

/**
 * A literal that is not a positive integer (`0`, `-1`, `2.5`). Other expressions (`N`, `2*K`) may be
 * constants the compiler folds; they are left to it.
 */
function isNonPositiveLiteral(text: string): boolean {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) return Number(t) <= 0;
  return /^[+-]?(\d+\.\d*|\.\d+)([eEdD][+-]?\d+)?$/.test(t);
}

function isReductionIdentifier(op: string, language: Language): boolean {
  if (language === 'c') return C_OPERATORS.has(op) || isIdentifier(op);
  const lower = op.toLowerCase();
  // Fortran also allows user-defined operators `.myop.` declared with declare reduction.
  return FORTRAN_OPERATORS.has(lower) || isIdentifier(op) || /^\.[A-Za-z]+\.$/.test(op);
}

function report(ctx: CheckContext, span: Span, message: Message, notes: Diagnostic[] = []): void {
  ctx.bag.report(ctx.site.file, span, message, notes);
}

function checkItems(ctx: CheckContext, clause: OmpClause, spec: ClauseSpec): void {
  for (const item of clause.items ?? []) {
    if (item.isCommonBlock && !spec.commonBlocks) report(ctx, item.span, omp.commonBlock(item.text, clause.kind));
    else if (spec.items === 'variable' && (item.sections.length > 0 || item.members || item.isExpression)) {
      report(ctx, item.span, omp.badListItem(item.text, `clause '${clause.kind}'`));
    }
  }
}

function checkIfModifier(ctx: CheckContext, clause: OmpClause): void {
  const spec = ctx.entry.spec;
  // Leaves are spelled the C way; only 'for'/'do' differ and neither takes an `if`.
  const constructs = new Set([...(spec.leaves ?? []), ctx.entry.kind]);
  for (const m of clause.modifiers) {
    if (!constructs.has(m.word)) ctx.bag.report(ctx.site.file, m.span, omp.badIfModifier(m.word, ctx.display));
  }
}

function checkClauseArguments(ctx: CheckContext, clause: OmpClause, spec: ClauseSpec): void {
  if (clause.value && spec.values && !spec.values.includes(clause.value.word)) {
    report(ctx, clause.value.span, omp.badValue(clause.value.word, clause.kind, spec.values));
  }
  if (spec.shape === 'keyword-pair' && spec.categories) {
    for (const a of clause.args ?? []) if (!spec.categories.includes(a.text)) report(ctx, a.span, omp.badValue(a.text, clause.kind, spec.categories));
  }
  for (const m of clause.modifiers) {
    if (!spec.modifiers?.includes(m.word)) report(ctx, m.span, omp.badModifier(m.word, clause.kind, suggest(m.word, spec.modifiers ?? [])));
  }
  if (clause.kind === 'if' && clause.modifiers.every((m) => spec.modifiers?.includes(m.word))) checkIfModifier(ctx, clause);
  for (const group of spec.exclusiveModifiers ?? []) {
    const inGroup = clause.modifiers.filter((m) => group.includes(m.word));
    const second = inGroup.find((m) => m.word !== inGroup[0]!.word);
    if (second) report(ctx, second.span, omp.exclusiveModifiers(second.word, inGroup[0]!.word, clause.kind));
  }
  if (clause.value && spec.valuesWithoutChunk?.includes(clause.value.word) && clause.args?.length) {
    report(ctx, clause.args[0]!.span, omp.scheduleChunk(clause.value.word));
  }
  if (spec.positiveConstant) {
    for (const a of clause.args ?? []) if (isNonPositiveLiteral(a.text)) report(ctx, a.span, omp.notPositive(clause.kind));
  }
  if (clause.operator && !isReductionIdentifier(clause.operator.text, ctx.language)) {
    report(ctx, clause.operator.span, omp.badReductionOp(clause.operator.text));
  }
  checkItems(ctx, clause, spec);
}

function checkClauseCounts(ctx: CheckContext, clauses: readonly OmpClause[]): void {
  const spec = ctx.entry.spec;
  const firstOf = new Map<string, OmpClause>();
  for (const c of clauses) {
    const cs = clauseSpec(c.kind)!;
    const key = cs.oncePerModifier ? `${c.kind}:${c.modifiers.map((m) => m.word).join(',')}` : c.kind;
    const first = firstOf.get(key);
    if (first && (cs.once || cs.oncePerModifier)) {
      report(ctx, c.nameSpan, omp.duplicateClause(c.kind), [ctx.bag.note(ctx.site.file, first.nameSpan, omp.firstListed())]);
    } else if (!first) firstOf.set(key, c);
  }
  for (const group of spec.required ?? []) {
    if (!clauses.some((c) => group.includes(c.kind))) {
      const present = group.filter((g) => clauseSpec(g, ctx.language));
      report(ctx, ctx.nameSpan, omp.missingClause(ctx.display, present));
    }
  }
  for (const group of spec.exclusive ?? []) {
    const inGroup = clauses.filter((c) => group.includes(c.kind));
    const first = inGroup[0];
    const second = inGroup.find((c) => c.kind !== first?.kind);
    if (first && second) report(ctx, second.nameSpan, omp.exclusiveClauses(second.kind, first.kind), [ctx.bag.note(ctx.site.file, first.nameSpan, omp.firstListed())]);
  }
}

function checkDataSharing(ctx: CheckContext, clauses: readonly OmpClause[]): void {
  const seen = new Map<string, { item: OmpListItem; clause: string }>();
  for (const c of clauses) {
    if (!clauseSpec(c.kind)?.dataSharing) continue;
    for (const item of c.items ?? []) {
      const base = ctx.language === 'fortran' ? item.name.toLowerCase() : item.name;
      const key = item.isCommonBlock ? `/${base}/` : base;
      const prev = seen.get(key);
      if (!prev) {
        seen.set(key, { item, clause: c.kind });
        continue;
      }
      if (prev.clause !== c.kind && COMPATIBLE_SHARING.has(`${prev.clause}+${c.kind}`)) continue;
      report(ctx, item.span, omp.duplicateVar(item.isCommonBlock ? item.text : item.name), [ctx.bag.note(ctx.site.file, prev.item.span, omp.firstListed())]);
    }
  }
}

function checkSupport(ctx: CheckContext, directive: OmpDirective, clauses: readonly OmpClause[], options: CheckOptions): void {
  // The opener reports; its Fortran end directive would only repeat the error.
  if (ctx.entry.isEnd) return;
  const support = ctx.entry.spec.support;
  const notes = options.notes ?? true;
  if (support.status === 'rejected') {
    ctx.bag.report(ctx.site.file, directive.nameSpan, unsupported.unsupportedDirective(support.unsupported ?? 'unsupported-directive', ctx.display));
    return;
  }
  if (support.status === 'accepted' && notes) ctx.bag.report(ctx.site.file, directive.nameSpan, unsupported.accepted(directive.kind, support.how));
  for (const c of clauses) {
    const cs = clauseSpec(c.kind)!;
    if (cs.support.status === 'rejected') {
      ctx.bag.report(ctx.site.file, c.nameSpan, unsupported.clause(c.kind, ctx.display));
      continue;
    }
    if (cs.support.status === 'accepted' && notes) ctx.bag.report(ctx.site.file, c.nameSpan, unsupported.accepted(c.kind, cs.support.how));
    const vs = c.value ? cs.valueSupport?.[c.value.word] : undefined;
    if (c.value && vs?.status === 'rejected') {
      const msg = vs.unsupported === 'unsupported-schedule' ? unsupported.schedule(c.value.word) : unsupported.value(c.kind, c.value.word);
      ctx.bag.report(ctx.site.file, c.value.span, msg);
    }
    for (const m of c.modifiers) {
      if (cs.modifierSupport?.[m.word]?.status === 'rejected') ctx.bag.report(ctx.site.file, m.span, unsupported.modifier(m.word, c.kind));
    }
    if (cs.sectionSupport?.status === 'rejected') {
      for (const item of c.items ?? []) {
        if (item.sections.length > 0) ctx.bag.report(ctx.site.file, item.span, unsupported.arraySection(item.text, c.kind));
      }
    }
  }
}

/**
 * Check a directive from parseDirective. Returns true when it added no error (notes and warnings do
 * not count). Unsupported constructs are errors here; the driver decides whether `--fallback=host`
 * turns them into a region that stays on the MPE.
 */
export function checkDirective(directive: OmpDirective, site: DirectiveSite, language: Language, bag: DiagnosticBag, options: CheckOptions = {}): boolean {
  const entry = getDirectiveEntry(directive.kind, language);
  if (!entry) return true;
  const errorsBefore = bag.errorCount;
  const ctx: CheckContext = { site, language, bag, entry, display: directiveDisplay(directive.kind, language), nameSpan: directive.nameSpan };
  const allowed = new Set(entry.spec.clauses);
  const valid: OmpClause[] = [];
  for (const c of directive.clauses) {
    const cs = clauseSpec(c.kind, language);
    if (!cs || !allowed.has(c.kind)) {
      bag.report(site.file, c.nameSpan, omp.clauseNotAllowed(c.kind, ctx.display));
      continue;
    }
    checkClauseArguments(ctx, c, cs);
    valid.push(c);
  }
  for (const item of directive.argument?.items ?? []) {
    // threadprivate, flush, declare target, allocate, depobj: names only (common blocks in Fortran).
    if (item.sections.length > 0 || item.members || item.isExpression) report(ctx, item.span, omp.badListItem(item.text, `'${ctx.display}'`));
  }
  checkClauseCounts(ctx, valid);
  checkDataSharing(ctx, valid);
  const clean = bag.errorCount === errorsBefore;
  // Only valid OpenMP is worth an "unsupported" verdict.
  if (clean && options.support !== false) checkSupport(ctx, directive, valid, options);
  return bag.errorCount === errorsBefore;
}
