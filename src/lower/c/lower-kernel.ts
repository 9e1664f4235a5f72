// Lowers one analysed parallel region to a KernelPlan: the argument block (what travels by value, by
// pointer, or as a decayed array), the CPE-side locals, the static partition of each worksharing
// loop, and the per-CPE reduction slots combined in CPE order.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { KernelAnalysis, Capture, WorkshareLoop } from '../../analysis/c/analyze-kernel.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { NameAllocator } from '../../core/names.js';
import type { ArgField, KernelLocal, KernelPlan, LoopPlan, ReductionPlan, DerefEdit } from '../plan.js';
import { tripCountExpr } from '../../analysis/c/loops.js';
import { canonicalType, reductionFor } from '../reduction-ops.js';
import { positionOf } from '../../source/line-map.js';
import * as lmsg from '../../core/messages/lower.js';

const MAX_CPES = 64;

/** The declared type without top-level const, so host code can assign the field. */
function assignable(ctype: string): string {
  return ctype.replace(/^(\s*const\s+)+/, '').replace(/\*\s*const\s+\$/g, '*$');
}

function declType(d: CDecl): string {
  return `${d.spec} ${d.declarator}`;
}

/** Start of the function, or of the comment block directly above it, so the struct goes before both. */
function leadingCommentStart(fn: KernelAnalysis['fn']): number {
  let at = fn.startIndex;
  let p = fn.previousSibling;
  while (p && p.type === 'comment' && p.endPosition.row >= (p.nextSibling?.startPosition.row ?? 0) - 1) {
    at = p.startIndex;
    p = p.previousSibling;
  }
  return at;
}

export interface LowerContext {
  readonly file: SourceFile;
  readonly bag: DiagnosticBag;
  readonly names: NameAllocator;
  readonly nthrField: string;
}

function lowerReduction(ctx: LowerContext, decl: CDecl, op: string, slots: string, at: number, target?: string): ReductionPlan | undefined {
  const t = canonicalType(decl.spec);
  const r = t && decl.shape === 'scalar' ? reductionFor(op, t) : undefined;
  if (!r) {
    ctx.bag.report(ctx.file, { start: at, end: at + 1 }, lmsg.reductionOperator(op, decl.spec));
    return undefined;
  }
  return { name: decl.name, ctype: assignable(declType(decl)), identity: r.identity, slots, combine: r.combine, target };
}

export function lowerKernel(ctx: LowerContext, a: KernelAnalysis, index: number): KernelPlan | undefined {
  const { file, names } = ctx;
  const base = `o2ath_${a.fnName}_${index}`;
  const kernel = names.allocate(base);
  const struct = names.allocate(`o2ath_args_${a.fnName}_${index}`);
  const fields: ArgField[] = [{ name: ctx.nthrField, ctype: 'int $' }];
  const locals: KernelLocal[] = [];
  const reductions: ReductionPlan[] = [];
  const derefs: DerefEdit[] = [];
  const refPointer = new Map<number, string>();
  const directive = a.region.directive;
  const pragmaStart = a.region.pragma.node.startIndex;
  const errors = ctx.bag.errorCount;

  // Plain captures first, variably modified ones after: their dimensions name captured scalars.
  const ordered = [...a.captures.filter((c) => !c.variablyModified), ...a.captures.filter((c) => c.variablyModified)];
  const args = '{args}';
  for (const c of ordered) lowerCapture(ctx, c, fields, locals, reductions, derefs, refPointer, args, pragmaStart);

  const loops: LoopPlan[] = [];
  for (const l of a.loops) {
    const lp = lowerLoop(ctx, a, l, fields, refPointer, args);
    if (lp) loops.push(lp);
  }
  if (ctx.bag.errorCount > errors) return undefined;

  const stmt = a.region.stmt!;
  const lineStart = file.lines.starts[positionOf(file.lines, pragmaStart).line - 1]!;
  const indent = /^[ \t]*/.exec(file.text.slice(lineStart))![0];
  const combinedLoop = directive.kind !== 'parallel';
  return {
    kernel,
    struct,
    fnName: a.fnName,
    hostDeclAt: leadingCommentStart(a.fn),
    replaceStart: pragmaStart,
    replaceEnd: stmt.endIndex,
    pragmaEnd: a.region.pragma.node.endIndex,
    stmtStart: stmt.startIndex,
    indent,
    directive: directive.kind,
    line: positionOf(file.lines, pragmaStart).line,
    fields,
    locals,
    reductions,
    numThreads: a.numThreads,
    ifExpr: a.ifExpr,
    bodyStart: stmt.startIndex,
    bodyEnd: stmt.endIndex,
    combinedLoop,
    loops,
    barriers: a.standalones.filter((s) => s.kind === 'barrier').map((s) => ({ start: s.start, end: s.end })),
    derefs,
    usesTeam: loops.length > 0 || reductions.length > 0,
  };
}

function lowerCapture(
  ctx: LowerContext,
  c: Capture,
  fields: ArgField[],
  locals: KernelLocal[],
  reductions: ReductionPlan[],
  derefs: DerefEdit[],
  refPointer: Map<number, string>,
  args: string,
  at: number,
): void {
  const d = c.decl;
  const field = (ctype: string, hostInit: string, name = d.name) => fields.push({ name, ctype: c.variablyModified ? 'void *$' : assignable(ctype), hostInit });
  switch (c.sharing) {
    case 'shared':
      if (c.passing === 'decay') {
        field(`${d.spec} ${d.decayed}`, d.name);
        locals.push({ ctype: `${d.spec} ${d.decayed}`, name: d.name, init: `${args}.${d.name}` });
      } else if (c.passing === 'ref') {
        const p = ctx.names.allocate(`${d.name}_p`);
        refPointer.set(d.at, p);
        const ctype = `${d.spec} ${d.declarator.replace('$', '(*$)')}`;
        field(ctype, `&${d.name}`, p);
        locals.push({ ctype, name: p, init: `${args}.${p}` });
        for (const off of c.derefAt) derefs.push({ start: off, end: off + d.name.length, pointer: p });
      } else {
        // An array parameter is a pointer (C11 6.7.6.3p7): declare it as one.
        const t = d.storage === 'param' && d.decayed ? `${d.spec} ${d.decayed}` : declType(d);
        field(t, d.name);
        locals.push({ ctype: t, name: d.name, init: `${args}.${d.name}` });
      }
      return;
    case 'firstprivate':
      if (c.passing === 'decay') {
        field(`${d.spec} ${d.decayed}`, d.name);
        locals.push({ ctype: assignable(declType(d)), name: d.name, copyFrom: `${args}.${d.name}` });
      } else {
        const t = d.storage === 'param' && d.decayed ? `${d.spec} ${d.decayed}` : declType(d);
        field(t, d.name);
        locals.push({ ctype: assignable(t), name: d.name, init: `${args}.${d.name}` });
      }
      return;
    case 'private':
      locals.push({ ctype: assignable(declType(d)), name: d.name });
      return;
    case 'reduction': {
      const slots = ctx.names.allocate(`o2ath_red_${d.name}`);
      const r = lowerReduction(ctx, d, c.reductionOp ?? '+', slots, at);
      if (!r) return;
      fields.push({ name: slots, ctype: `${r.ctype.replace('$', `$[${MAX_CPES}]`)}` });
      locals.push({ ctype: r.ctype, name: d.name, init: r.identity });
      reductions.push(r);
      return;
    }
  }
}

function lowerLoop(ctx: LowerContext, a: KernelAnalysis, l: WorkshareLoop, fields: ArgField[], refPointer: Map<number, string>, args: string): LoopPlan | undefined {
  if (l.schedule.kind !== 'static') {
    const c = l.directive.clauses.find((x) => x.kind === 'schedule')!;
    ctx.bag.report(ctx.file, c.span, lmsg.schedule(l.schedule.kind));
    return undefined;
  }
  const locals: KernelLocal[] = [];
  const reductions: ReductionPlan[] = [];
  for (const p of l.privates) {
    const d = p.decl;
    const outer = a.captures.find((c) => c.decl.at === d.at);
    if (p.kind === 'private') locals.push({ ctype: assignable(declType(d)), name: d.name });
    else if (p.kind === 'firstprivate') {
      const ptr = refPointer.get(d.at);
      const from = ptr ? `*${args}.${ptr}` : outer ? `${args}.${d.name}` : d.name;
      locals.push({ ctype: assignable(declType(d)), name: d.name, init: from });
    } else {
      const ptr = refPointer.get(d.at);
      const slots = ctx.names.allocate(`o2ath_red_${d.name}`);
      const r = lowerReduction(ctx, d, p.op ?? '+', slots, l.start, ptr ? `(*${ptr})` : undefined);
      if (!r) continue;
      fields.push({ name: slots, ctype: r.ctype.replace('$', `$[${MAX_CPES}]`) });
      locals.push({ ctype: r.ctype, name: d.name, init: r.identity });
      reductions.push(r);
    }
  }
  const lp = l.loop;
  return {
    start: l.start,
    end: l.end,
    bodyStart: lp.body.startIndex,
    bodyEnd: lp.body.endIndex,
    var: lp.var,
    varDecl: lp.declaredType ? `${lp.declaredType} $` : undefined,
    lb: lp.lb,
    step: lp.step,
    trip: tripCountExpr(lp),
    chunk: l.schedule.chunk,
    locals,
    reductions,
    barrierAfter: !l.nowait || reductions.length > 0,
    line: positionOf(ctx.file.lines, l.start).line,
  };
}
