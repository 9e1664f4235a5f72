// Lowers one analysed parallel region to a KernelPlan: the argument block (what travels by value, by
// pointer, or as a decayed array), the CPE-side locals, the region's reductions (per-CPE slots in the
// argument block, combined on the MPE in CPE order) and the plans of the constructs inside it.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { KernelAnalysis, Capture } from '../../analysis/c/analyze-kernel.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { ScopeIndex } from '../../analysis/c/scope.js';
import type { NameAllocator } from '../../core/names.js';
import type { ArgField, ConstructPlan, KernelLocal, KernelPlan, ReductionPlan, DerefEdit, SlaveStatic } from '../plan.js';
import { positionOf } from '../../source/line-map.js';
import { declSize, localsSize } from './ldm-budget.js';
import * as lmsg from '../../core/messages/lower.js';
import { assignable, declType, linkOrdered, lowerConstruct, lowerReductionVar, MAX_CPES, type ConstructContext } from './lower-constructs.js';

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
  readonly statics: SlaveStatic[];
  readonly scope: ScopeIndex;
  readonly k: string;
  readonly macros: ReadonlyMap<string, string>;
  readonly ldmBytes: number;
}

/** Does a C expression name no variables (only literals, macros, enum constants, sizeof of types)? */
export function constantIn(scope: ScopeIndex, at: KernelAnalysis['fn']) {
  return (text: string, offset: number) => ![...text.matchAll(/[A-Za-z_]\w*/g)].some((m) => m[0] !== 'sizeof' && !!scope.resolveName(m[0], at, offset));
}

export function lowerKernel(ctx: LowerContext, a: KernelAnalysis, index: number): KernelPlan | undefined {
  const { file, names } = ctx;
  const kernel = names.allocate(`o2ath_${a.fnName}_${index}`);
  const struct = names.allocate(`o2ath_args_${a.fnName}_${index}`);
  const fields: ArgField[] = [{ name: ctx.nthrField, ctype: 'int $' }];
  const locals: KernelLocal[] = [];
  const reductions: ReductionPlan[] = [];
  const derefs: DerefEdit[] = [];
  const refPointer = new Map<number, string>();
  const pragmaStart = a.region.pragma.node.startIndex;
  const errors = ctx.bag.errorCount;

  // Plain captures first, variably modified ones after: their dimensions name captured scalars.
  const ordered = [...a.captures.filter((c) => !c.variablyModified), ...a.captures.filter((c) => c.variablyModified)];
  for (const c of ordered) lowerCapture(ctx, c, fields, locals, reductions, derefs, refPointer, pragmaStart);
  for (const d of a.copyin) {
    const f = names.allocate(`o2ath_copyin_${d.name}`);
    fields.push({ name: f, ctype: assignable(declType(d)), hostInit: d.name });
    locals.push({ ctype: '', name: d.name, init: `{args}.${f}` });
  }

  // A linear variable of the kernel's own loop starts from its value at the spawn: every CPE reads
  // that copy, never the original, which the CPE running the last iteration overwrites.
  const initial = new Map<number, string>();
  const own = a.constructs[0];
  if (own?.isKernelLoop)
    for (const p of own.privates.filter((x) => x.kind === 'linear')) {
      const f = names.allocate(`o2ath_start_${p.decl.name}`);
      fields.push({ name: f, ctype: assignable(declType(p.decl)), hostInit: p.decl.name });
      initial.set(p.decl.at, `{args}.${f}`);
    }
  const cctx: ConstructContext = {
    initial: (d) => initial.get(d.at),
    file,
    bag: ctx.bag,
    names,
    statics: ctx.statics,
    team: 'kernel',
    outer: (d: CDecl) => (refPointer.has(d.at) ? `(*${refPointer.get(d.at)})` : d.name),
    isConstant: constantIn(ctx.scope, a.fn),
  };
  const constructs: ConstructPlan[] = [];
  a.constructs.forEach((c, i) => {
    const own = i === 0 && c.start === pragmaStart;
    const name = own ? a.region.directive.kind : c.directive.kind;
    const p = lowerConstruct(cctx, c, name, c.kind === 'nested' && c.start === a.region.blockStart);
    if (p) constructs.push(p);
  });
  if (ctx.bag.errorCount > errors) return undefined;

  // The argument block copy, the kernel's locals and the largest construct's private copies share LDM.
  const argBytes = fields.reduce((n, f) => n + (declSize(f.ctype, ctx.macros) ?? 0), 0);
  const constructBytes = Math.max(0, ...constructs.map((c) => ('locals' in c ? localsSize(c.locals, ctx.macros) : 0)));
  const ldm = argBytes + localsSize(locals, ctx.macros) + constructBytes;
  if (ldm > ctx.ldmBytes) {
    ctx.bag.report(file, { start: pragmaStart, end: a.region.pragma.node.endIndex }, lmsg.ldmOverflow(kernel, ldm, ctx.ldmBytes));
    return undefined;
  }

  const stmt = a.region.stmt!;
  const lineStart = file.lines.starts[positionOf(file.lines, pragmaStart).line - 1]!;
  return {
    kernel,
    struct,
    fnName: a.fnName,
    hostDeclAt: leadingCommentStart(a.fn),
    replaceStart: pragmaStart,
    replaceEnd: stmt.endIndex,
    pragmaEnd: a.region.pragma.node.endIndex,
    stmtStart: a.region.blockStart,
    indent: /^[ \t]*/.exec(file.text.slice(lineStart))![0],
    directive: a.region.directive.kind,
    line: positionOf(file.lines, pragmaStart).line,
    fields,
    locals,
    reductions,
    numThreads: a.numThreads,
    ifExpr: a.ifExpr,
    bodyStart: a.shape === 'block' ? a.region.blockStart : pragmaStart,
    bodyEnd: stmt.endIndex,
    constructs: linkOrdered(constructs, ctx.k),
    derefs,
    usesTeam: true,
  };
}

function lowerCapture(ctx: LowerContext, c: Capture, fields: ArgField[], locals: KernelLocal[], reductions: ReductionPlan[], derefs: DerefEdit[], refPointer: Map<number, string>, at: number): void {
  const d = c.decl;
  const field = (ctype: string, hostInit: string, name = d.name) => fields.push({ name, ctype: c.variablyModified ? 'void *$' : assignable(ctype), hostInit });
  // An array parameter is a pointer (C11 6.7.6.3p7): declare it as one.
  const valueType = d.storage === 'param' && d.decayed ? `${d.spec} ${d.decayed}` : declType(d);
  switch (c.sharing) {
    case 'shared':
      if (c.passing === 'decay') {
        field(`${d.spec} ${d.decayed}`, d.name);
        locals.push({ ctype: `${d.spec} ${d.decayed}`, name: d.name, init: `{args}.${d.name}` });
      } else if (c.passing === 'ref') {
        const p = ctx.names.allocate(`${d.name}_p`);
        refPointer.set(d.at, p);
        const ctype = `${d.spec} ${d.declarator.replace('$', '*$')}`.replace(/\*\$\[/, '(*$)[');
        field(ctype, `&${d.name}`, p);
        locals.push({ ctype: c.variablyModified ? ctype : assignable(ctype), name: p, init: `{args}.${p}` });
        for (const off of c.derefAt) derefs.push({ start: off, end: off + d.name.length, pointer: p });
      } else {
        field(valueType, d.name);
        locals.push({ ctype: valueType, name: d.name, init: `{args}.${d.name}` });
      }
      return;
    case 'firstprivate':
      if (c.passing === 'decay') {
        field(`${d.spec} ${d.decayed}`, d.name);
        locals.push({ ctype: assignable(declType(d)), name: d.name, copyFrom: `{args}.${d.name}` });
      } else {
        field(valueType, d.name);
        locals.push({ ctype: assignable(valueType), name: d.name, init: `{args}.${d.name}` });
      }
      return;
    case 'private':
      locals.push({ ctype: assignable(declType(d)), name: d.name });
      return;
    case 'reduction': {
      const slots = ctx.names.allocate(`o2ath_red_${d.name}`);
      const r = lowerReductionVar({ file: ctx.file, bag: ctx.bag, names: ctx.names, statics: ctx.statics, team: 'kernel', outer: () => d.name, isConstant: () => true }, { decl: d, kind: 'reduction', op: c.reductionOp }, at, slots, locals);
      if (!r) return;
      fields.push({ name: slots, ctype: r.ctype.replace('$', `$[${MAX_CPES}]`) });
      reductions.push(r);
      return;
    }
  }
}
