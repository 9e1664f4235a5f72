// Directives inside CPE code (a kernel's region or a procedure called from one): barrier, critical,
// atomic (under a lock), master, single (+copyprivate), sections, workshare, flush; worksharing DO
// is lower-do.ts. Produces edits on the copied text plus the declarations they need.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { FortranTree } from '../../frontend/fortran/index.js';
import { clausesOf, listItems } from '../../openmp/clause-queries.js';
import { classifyName, declarationOf, dimsText } from '../../analysis/fortran/variables.js';
import { lineEndOf, lineStartOf, type FRegion } from '../../analysis/fortran/regions.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import type { FEdit } from './plan.js';
import { BARRIER, N } from './names.js';
import { lowerDo } from './lower-do.js';
import { lowerWorkshareSlabs } from './lower-workshare.js';

export interface BodyContext {
  readonly tree: FortranTree;
  readonly text: string;
  readonly bag: DiagnosticBag;
  /** Unit whose names the directives use. */
  readonly unit: number;
  /** Unique prefix for generated common blocks of this routine. */
  readonly prefix: string;
  readonly edits: FEdit[];
  readonly decls: string[];
  counter: number;
  /** Ticket of the enclosing DO with an ordered clause (set by lower-do.ts). */
  ordered?: string;
  /** Names the region text uses under another name on the CPE (private copies of module/common variables). */
  renamed?: ReadonlyMap<string, string>;
}

const LOCK_COMMON = (name: string) => `o2ath_lk_${name}`;

function lockDecls(ctx: BodyContext, name: string): string {
  const v = LOCK_COMMON(name);
  const d1 = `integer(8) ${v}`;
  if (!ctx.decls.includes(d1)) ctx.decls.push(d1, `common /${v}/ ${v}`);
  return v;
}

/** master/masked/single (and an undivided workshare): CPE 0 runs the block; single and workshare end with a barrier. */
function lowerOnOneCpe(r: FRegion, ctx: BodyContext): void {
  const head = { start: r.lineStart, end: r.bodyStart };

  replaceLines(ctx, head.start, head.end, [`if (${N.tid} == 0) then`]);
  const e = endLines(ctx, r);
  // copyprivate: the executing CPE (0) publishes its values in a common block, the others read them.
  const cp = [...listItems(r.directive, 'copyprivate'), ...(r.endDirective ? listItems(r.endDirective, 'copyprivate') : [])];
  const publish: string[] = [];
  const readBack: string[] = [];
  for (const it of cp) {
    const name = it.name.toLowerCase();
    const info = classifyName(ctx.tree, ctx.unit, name, false);
    if (!info) continue;
    const slot = `o2ath_cp_${ctx.prefix}_${++ctx.counter}`;
    ctx.decls.push(declarationOf(info.type, info.entity, slot, dimsText(info.entity.dims)), `common /${slot}/ ${slot}`);
    publish.push(`${slot} = ${name}`);
    readBack.push(`${name} = ${slot}`);
  }
  const closing = ['end if', ...((r.kind === 'single' || r.kind === 'workshare') && (!hasNowait(r) || cp.length > 0) ? BARRIER : [])];
  if (cp.length > 0) closing.splice(0, 0, ...publish.map((p) => `  ${p}`));
  if (cp.length > 0) closing.push(...readBack, ...BARRIER);
  if (e) replaceLines(ctx, e.start, e.end, closing);
  lowerDirectives(r.children, ctx);
}

/**
 * A parallel region nested in CPE code runs with a team of one (OpenMP's inactive region): its own and
 * its worksharing directives vanish and the code runs as written; critical and atomic keep their locks
 * (the other CPEs run concurrently). Privatising clauses other than on DO variables are refused.
 */
function lowerTeamOfOne(r: FRegion, ctx: BodyContext): void {
  const loopVars = new Set<string>();
  for (let i = r.firstStmt; i <= r.lastStmt && i < ctx.tree.statements.length; i++) {
    const d = ctx.tree.statements[i]!.detail;
    if (d.kind === 'do' && d.variable) loopVars.add(d.variable.toLowerCase());
  }
  const visit = (x: FRegion): void => {
    if (x.kind === 'critical' || x.kind === 'atomic') {
      lowerOne(x, ctx);
      return;
    }
    if (!SERIAL_OK.has(x.kind)) {
      ctx.bag.report(x.site.file, x.site.span, fmsg.directive(x.kind, 'inside a parallel region nested in CPE code'));
      return;
    }
    for (const k of ['private', 'firstprivate', 'copyprivate', 'copyin']) {
      for (const it of [...listItems(x.directive, k), ...(x.endDirective ? listItems(x.endDirective, k) : [])]) {
        if (!loopVars.has(it.name.toLowerCase())) ctx.bag.report(x.site.file, it.span, fmsg.clause(k, `${x.kind} nested in CPE code`));
      }
    }
    replaceLines(ctx, x.lineStart, x.bodyStart, []);
    const e = endLines(ctx, x);
    if (e) replaceLines(ctx, e.start, e.end, []);
    x.children.forEach(visit);
  };
  visit(r);
}

/** Directives that mean nothing for a team of one. */
const SERIAL_OK = new Set(['parallel', 'parallel do', 'parallel sections', 'parallel workshare', 'do', 'sections', 'section', 'single', 'master', 'masked',
  'workshare', 'barrier', 'flush', 'noop', 'ordered']);

export function lowerDirectives(regions: readonly FRegion[], ctx: BodyContext): void {
  for (const r of regions) lowerOne(r, ctx);
}

export function replaceLines(ctx: BodyContext, start: number, end: number, stmts: readonly string[]): void {
  ctx.edits.push({ kind: 'replace', start, end, stmts });
}

export function endLines(ctx: BodyContext, r: FRegion): { start: number; end: number } | undefined {
  if (!r.endSite) return undefined;
  return { start: lineStartOf(ctx.text, r.endSite.span.start), end: lineEndOf(ctx.text, r.endSite.span.end - 1) };
}

export function hasNowait(r: FRegion): boolean {
  return clausesOf(r.directive, 'nowait').length > 0 || (r.endDirective ? clausesOf(r.endDirective, 'nowait').length > 0 : false);
}

function lowerOne(r: FRegion, ctx: BodyContext): void {
  const file = r.site.file;
  const head = { start: r.lineStart, end: r.bodyStart };
  switch (r.kind) {
    case 'do':
      lowerDo(r, ctx, false);
      break;
    case 'noop': {
      // simd: the loop runs as written; only the directive lines go.
      replaceLines(ctx, head.start, head.end, []);
      const e = endLines(ctx, r);
      if (e) replaceLines(ctx, e.start, e.end, []);
      lowerDirectives(r.children, ctx);
      break;
    }
    case 'ordered': {
      if (!ctx.ordered) {
        ctx.bag.report(file, r.site.span, fmsg.directive(r.kind, 'outside a DO with an ordered clause'));
        break;
      }
      replaceLines(ctx, head.start, head.end, [`do while (${ctx.ordered} /= ${N.k})`, `call ${N.relax}()`, 'end do']);
      const e = endLines(ctx, r);
      if (e) replaceLines(ctx, e.start, e.end, [`call ${N.flush}()`]);
      lowerDirectives(r.children, ctx);
      break;
    }
    case 'threadprivate':
    case 'declare target':
    case 'end declare target':
      // Declarative: handled where the variables are declared (threadprivate.ts); the line stays a comment.
      break;
    case 'barrier':
      replaceLines(ctx, head.start, head.end, BARRIER);
      break;
    case 'flush':
      replaceLines(ctx, head.start, head.end, [`call ${N.flush}()`]);
      break;
    case 'critical': {
      const lk = lockDecls(ctx, `c_${(r.directive.argument?.text ?? 'anon').trim().toLowerCase()}`);
      replaceLines(ctx, head.start, head.end, [`call ${N.lock}(${lk})`]);
      const e = endLines(ctx, r);
      if (e) replaceLines(ctx, e.start, e.end, [`call ${N.flush}()`, `call ${N.unlock}(${lk})`]);
      lowerDirectives(r.children, ctx);
      break;
    }
    case 'atomic': {
      // The statement after the directive, under one lock shared by every atomic of the program.
      const lk = lockDecls(ctx, 'atomic');
      const stmt = ctx.tree.statements[r.firstStmt];
      if (!stmt) break;
      replaceLines(ctx, head.start, head.end, [`call ${N.lock}(${lk})`]);
      const after = lineEndOf(ctx.text, stmt.span.end);
      const e = endLines(ctx, r);
      if (e) replaceLines(ctx, e.start, e.end, [`call ${N.flush}()`, `call ${N.unlock}(${lk})`]);
      else ctx.edits.push({ kind: 'insert', at: after, stmts: [`call ${N.flush}()`, `call ${N.unlock}(${lk})`] });
      break;
    }
    case 'workshare':
      // Elemental whole-array assignments are divided among the CPEs; anything else runs on one CPE.
      if (!lowerWorkshareSlabs(r, ctx)) lowerOnOneCpe(r, ctx);
      break;
    case 'master':
    case 'masked':
    case 'single':
      lowerOnOneCpe(r, ctx);
      break;
    case 'sections': {
      // Section j (0-based, in text order) runs on CPE j mod the team size.
      for (const k of ['firstprivate', 'lastprivate', 'reduction']) if (clausesOf(r.directive, k).length > 0) ctx.bag.report(file, clausesOf(r.directive, k)[0]!.span, fmsg.clause(k, r.kind));
      replaceLines(ctx, head.start, head.end, [`if (${N.tid} == mod(0, ${N.nthr})) then`]);
      let j = 0;
      for (const c of r.children) {
        if (c.kind === 'section') replaceLines(ctx, c.lineStart, c.lineEnd, ['end if', `if (${N.tid} == mod(${++j}, ${N.nthr})) then`]);
        else lowerOne(c, ctx);
      }
      const e = endLines(ctx, r);
      if (e) replaceLines(ctx, e.start, e.end, ['end if', ...(hasNowait(r) ? [] : BARRIER)]);
      break;
    }
    case 'parallel':
    case 'parallel do':
    case 'parallel sections':
    case 'parallel workshare':
      lowerTeamOfOne(r, ctx);
      break;
    default:
      ctx.bag.report(file, r.site.span, fmsg.directive(r.kind, 'inside CPE code'));
  }
}

