// Lowers the constructs inside CPE code (in a kernel, or orphaned in a copied function) to plans:
// which privates each declares and how they start, where partial results meet (CPE-side statics in
// main memory), which counters and locks it needs, and whether it ends with a barrier.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { NameAllocator } from '../../core/names.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { ConstructPrivate, NestedConstruct } from '../../analysis/c/constructs.js';
import type { ConstructPlan, KernelLocal, LastPrivatePlan, LinearPlan, LoopLevel, ReductionPlan, ScheduleKind, SlaveStatic, TeamSource } from '../plan.js';
import { tripCountExpr } from '../../analysis/c/loops.js';
import { canonicalType, reductionFor } from '../reduction-ops.js';
import * as lmsg from '../../core/messages/lower.js';
import * as amsg from '../../core/messages/analysis.js';

export const MAX_CPES = 64;

export interface ConstructContext {
  readonly file: SourceFile;
  readonly bag: DiagnosticBag;
  readonly names: NameAllocator;
  readonly statics: SlaveStatic[];
  readonly team: TeamSource;
  /** How code at this level names a variable declared outside the construct (`(*x_p)` for variables passed by pointer). */
  readonly outer: (d: CDecl) => string;
  /** The value a variable had when the kernel was spawned (linear start values of the kernel's own loop). */
  readonly initial?: (d: CDecl) => string | undefined;
  /** Is `name` a compile-time constant expression here (no variables)? */
  readonly isConstant: (text: string, at: number) => boolean;
}

/** The declared type without top-level const, so generated code can assign it. */
export function assignable(ctype: string): string {
  return ctype.replace(/^(\s*const\s+)+/, '').replace(/\*\s*const\s+\$/g, '*$');
}

export function declType(d: CDecl): string {
  return `${d.spec} ${d.declarator}`;
}

function addStatic(ctx: ConstructContext, decl: string): void {
  if (!ctx.statics.some((s) => s.decl === decl)) ctx.statics.push({ decl });
}

/** Product of the dimensions of an array declarator template: '$[N][M]' -> '(N) * (M)'. */
function arrayLength(d: CDecl): string {
  const dims = [...d.declarator.matchAll(/\[([^\]]*)\]/g)].map((m) => `(${m[1]!.trim()})`);
  return dims.join(' * ');
}

/**
 * Inside the construct the private copy hides the original's name, so what must reach the original
 * (reduction results, lastprivate values) goes through a pointer taken before the copy is declared.
 */
function outPointer(ctx: ConstructContext, d: CDecl, locals: KernelLocal[]): string {
  const p = ctx.names.allocate(`o2ath_out_${d.name}`);
  const ctype = `${d.spec} ${d.declarator.replace('$', '*const $')}`.replace(/\*const \$\[/, '(*const $)[');
  locals.push({ ctype, name: p, init: `&${ctx.outer(d)}` });
  return `(*${p})`;
}

export function lowerReductionVar(ctx: ConstructContext, p: ConstructPrivate, at: number, slotsName: string | undefined, locals: KernelLocal[]): ReductionPlan | undefined {
  const d = p.decl;
  const op = p.op ?? '+';
  const t = canonicalType(d.spec);
  const r = t ? reductionFor(op, t) : undefined;
  if (!r || (!p.arrayReduction && d.shape !== 'scalar')) {
    ctx.bag.report(ctx.file, { start: at, end: at + 1 }, lmsg.reductionOperator(op, d.spec));
    return undefined;
  }
  if (!p.arrayReduction) {
    const ctype = assignable(declType(d));
    const slots = slotsName ?? ctx.names.allocate(`o2ath_red_${d.name}`);
    if (!slotsName) addStatic(ctx, `static ${ctype.replace('$', `${slots}[${MAX_CPES}]`)};`);
    // Region reductions (slotsName given) are combined on the MPE, where the original is in scope.
    const target = slotsName ? d.name : outPointer(ctx, d, locals);
    locals.push({ ctype, name: d.name, init: r.identity });
    return { name: d.name, ctype, identity: r.identity, combine: r.combine, slots, target };
  }
  const elem = d.spec.replace(/\bconst\b/g, '').trim();
  const length = p.section ? p.section.length : p.length ? arrayLength(d) : '';
  const lower = p.section?.lower ?? '0';
  if (!length || !ctx.isConstant(length, at)) {
    ctx.bag.report(ctx.file, { start: at, end: at + 1 }, amsg.arrayReductionSize(`${d.name}${p.section ? `[${p.section.lower}:${p.section.length}]` : ''}`));
    return undefined;
  }
  const out = ctx.names.allocate(`o2ath_out_${d.name}`);
  const slots = ctx.names.allocate(`o2ath_red_${d.name}`);
  addStatic(ctx, `static ${elem} ${slots}[${MAX_CPES}][${length}];`);
  locals.push({ ctype: `${elem} *const $`, name: out, init: `(${elem} *)(${ctx.outer(d)})` });
  if (p.section) {
    const priv = ctx.names.allocate(`o2ath_priv_${d.name}`);
    locals.push({ ctype: `${elem} $[${length}]`, name: priv, fill: { value: r.identity, length, elem } });
    locals.push({ ctype: `${elem} *$`, name: d.name, init: `${priv} - (${lower})` });
  } else locals.push({ ctype: assignable(declType(d)), name: d.name, fill: { value: r.identity, length, elem } });
  return { name: d.name, ctype: elem, identity: r.identity, combine: r.combine, slots, target: out, length, lower };
}

function lowerPrivates(ctx: ConstructContext, c: NestedConstruct, locals: KernelLocal[], reductions: ReductionPlan[], lastprivates: LastPrivatePlan[], linears: LinearPlan[], levels: readonly LoopLevel[]): void {
  const loopVars = new Set(levels.map((l) => l.var));
  for (const p of c.privates) {
    const d = p.decl;
    if (p.kind === 'copyprivate') continue;
    if (loopVars.has(d.name) && p.kind === 'private') continue; // declared by the loop itself
    switch (p.kind) {
      case 'private':
        locals.push({ ctype: assignable(declType(d)), name: d.name });
        break;
      case 'firstprivate': {
        // `T x = x;` would read the new x: go through a temporary holding the outer value.
        const tmp = ctx.names.allocate(`o2ath_fp_${d.name}`);
        if (d.shape === 'array' && d.storage !== 'param') {
          locals.push({ ctype: `${d.spec} ${d.decayed ?? '*$'}`, name: tmp, init: ctx.outer(d) });
          locals.push({ ctype: assignable(declType(d)), name: d.name, copyFrom: tmp });
        } else {
          locals.push({ ctype: assignable(declType(d)), name: tmp, init: ctx.outer(d) });
          locals.push({ ctype: assignable(declType(d)), name: d.name, init: tmp });
        }
        break;
      }
      case 'lastprivate': {
        const level = levels.find((l) => l.var === d.name);
        // firstprivate and lastprivate together: one copy, initialised and written back.
        const alsoFirst = c.privates.some((q) => q.kind === 'firstprivate' && q.decl.at === d.at);
        const target = outPointer(ctx, d, locals);
        if (!level && !alsoFirst) locals.push({ ctype: assignable(declType(d)), name: d.name });
        lastprivates.push({ name: d.name, target, value: level ? `${level.lb} + (${level.trip}) * ${level.step}` : d.name });
        break;
      }
      case 'linear': {
        const start = ctx.names.allocate(`o2ath_lin_${d.name}`);
        locals.push({ ctype: assignable(declType(d)).replace('$', 'const $'), name: start, init: ctx.initial?.(d) ?? ctx.outer(d) });
        const target = outPointer(ctx, d, locals);
        if (!loopVars.has(d.name)) locals.push({ ctype: assignable(declType(d)), name: d.name });
        linears.push({ name: d.name, start, step: p.step ?? '1', target });
        break;
      }
      case 'reduction': {
        const r = lowerReductionVar(ctx, p, c.start, undefined, locals);
        if (r) reductions.push(r);
        break;
      }
    }
  }
}

function scheduleKind(c: NestedConstruct): ScheduleKind {
  const s = c.schedule ?? { kind: 'static' };
  switch (s.kind) {
    case 'dynamic':
      return 'dynamic';
    case 'guided':
      return 'guided';
    case 'runtime':
      return 'runtime';
    default:
      return s.chunk ? 'static-chunk' : 'static';
  }
}

/** Loop indices declared outside their loop are private to the construct (OpenMP 5.2 5.1.1). */
function declareIndices(c: NestedConstruct, locals: KernelLocal[]): void {
  (c.loops ?? []).forEach((l, i) => {
    const decl = c.indexDecls?.[i];
    if (!decl || c.privates.some((p) => p.decl.name === l.var && p.kind === 'lastprivate')) return;
    locals.push({ ctype: assignable(declType(decl)), name: l.var });
  });
}

export function lowerConstruct(ctx: ConstructContext, c: NestedConstruct, directiveName: string, teamCombine = false): ConstructPlan | undefined {
  const block = { start: c.start, end: c.end, bodyStart: c.bodyStart, bodyEnd: c.bodyEnd, line: c.line, team: ctx.team };
  const locals: KernelLocal[] = [];
  const reductions: ReductionPlan[] = [];
  const lastprivates: LastPrivatePlan[] = [];
  const linears: LinearPlan[] = [];
  switch (c.kind) {
    case 'for': {
      const levels: LoopLevel[] = c.loops!.map((l) => ({ var: l.var, varDecl: l.declaredType ? `${l.declaredType} $` : undefined, lb: l.lb, step: l.step, trip: tripCountExpr(l) }));
      // Loop indices declared outside the loop are private to it.
      declareIndices(c, locals);
      lowerPrivates(ctx, c, locals, reductions, lastprivates, linears, levels);
      for (const lp of c.privates.filter((p) => p.kind === 'lastprivate' && levels.some((l) => l.var === p.decl.name)))
        locals.push({ ctype: assignable(declType(lp.decl)), name: lp.decl.name });
      const schedule = scheduleKind(c);
      const n = c.line;
      const counter = schedule === 'dynamic' || schedule === 'guided' || schedule === 'runtime' ? ctx.names.allocate(`o2ath_next_${n}`) : undefined;
      const lock = schedule === 'guided' || schedule === 'runtime' ? ctx.names.allocate(`o2ath_lock_${n}`) : undefined;
      const orderedTurn = c.ordered ? ctx.names.allocate(`o2ath_turn_${n}`) : undefined;
      if (counter) addStatic(ctx, `static volatile long ${counter};`);
      if (lock) addStatic(ctx, `static long ${lock};`);
      if (orderedTurn) addStatic(ctx, `static volatile long ${orderedTurn};`);
      return {
        ...block,
        kind: 'loop',
        directive: directiveName,
        levels,
        schedule,
        chunk: c.schedule?.chunk ?? (schedule === 'dynamic' || schedule === 'guided' ? '1' : undefined),
        counter,
        lock,
        orderedTurn,
        locals,
        reductions,
        lastprivates,
        linears,
        barrier: !c.isKernelLoop && (!c.nowait || reductions.length > 0 || lastprivates.length > 0),
        isKernelLoop: !!c.isKernelLoop,
      };
    }
    case 'barrier':
    case 'flush':
    case 'drop':
      return { kind: c.kind, start: c.start, end: c.kind === 'drop' ? firstLineEnd(ctx.file.text, c.start, c.bodyStart) : c.end };
    case 'single': {
      lowerPrivates(ctx, c, locals, reductions, lastprivates, linears, []);
      const copyprivate = c.privates
        .filter((p) => p.kind === 'copyprivate')
        .map((p) => {
          const slot = ctx.names.allocate(`o2ath_cp_${p.decl.name}`);
          const ctype = assignable(declType(p.decl));
          addStatic(ctx, `static ${ctype.replace('$', slot)};`);
          return { name: p.decl.name, slot, ctype };
        });
      return { ...block, kind: 'single', locals, barrier: !c.nowait || copyprivate.length > 0, copyprivate };
    }
    case 'master':
      return { ...block, kind: 'master', filter: c.filter ?? '0' };
    case 'critical': {
      const lock = c.name ? `o2ath_critical_${c.name}` : 'o2ath_critical';
      addStatic(ctx, `__attribute__((weak)) volatile long ${lock};`);
      return { ...block, kind: 'critical', lock };
    }
    case 'atomic':
      addStatic(ctx, `__attribute__((weak)) volatile long o2ath_atomic_lock;`);
      return { ...block, kind: 'atomic', lock: 'o2ath_atomic_lock' };
    case 'ordered':
      return { ...block, kind: 'ordered', turn: '', k: '' };
    case 'sections':
      lowerPrivates(ctx, c, locals, reductions, lastprivates, linears, []);
      return { ...block, kind: 'sections', sections: c.sections ?? [], locals, reductions, lastprivates, barrier: !c.isKernelLoop && (!c.nowait || reductions.length > 0) };
    case 'nested': {
      // A parallel region inside CPE code runs with a team of one: its reductions combine directly.
      declareIndices(c, locals);
      lowerPrivates(ctx, c, locals, reductions, lastprivates, linears, []);
      return { ...block, kind: 'nested', locals, reductions, teamCombine };
    }
  }
}

/** A dropped directive (simd) is removed with its line; its statement stays. */
function firstLineEnd(text: string, start: number, bodyStart: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 || nl >= bodyStart ? bodyStart : nl + 1;
}

/** Attach each `ordered` block to its enclosing loop's turn counter. */
export function linkOrdered(plans: ConstructPlan[], k: string): ConstructPlan[] {
  return plans.map((p) => {
    if (p.kind !== 'ordered') return p;
    const loop = plans.find((l) => l.kind === 'loop' && l.orderedTurn && p.start >= l.start && p.end <= l.end);
    return loop && loop.kind === 'loop' ? { ...p, turn: loop.orderedTurn!, k } : p;
  });
}
