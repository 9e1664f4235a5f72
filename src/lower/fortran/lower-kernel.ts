// One outermost region → FKernelPlan. Shared variables of the host procedure travel as addresses in
// an integer(8) argument block (deferred-shape arrays with their bounds) and become dummies of the
// CPE body re-declared as written; private ones are body locals; reductions of the region directive
// leave one partial per CPE in a host array, combined on the MPE in CPE order after the join.
import type { FortranTree } from '../../frontend/fortran/index.js';
import { referencedNames } from '../../frontend/fortran/index.js';
import type { DiagnosticBag } from '../../core/diagnostic.js';
import { clauseExpr, clausesOf, listItems } from '../../openmp/clause-queries.js';
import { tpCpeParts, tpRoutine } from './threadprivate.js';
import { variableBytes } from './ldm.js';
import { renameTpVars, tpVarCpeParts, tpvRoutine, type TpModuleVar } from './threadprivate-module.js';
import * as lmsg from '../../core/messages/lower.js';
import type { FKernelAnalysis, FKernelVar } from '../../analysis/fortran/analyze-kernel.js';
import { declarationOf, dimsText } from '../../analysis/fortran/variables.js';
import { lineEndOf, lineStartOf } from '../../analysis/fortran/regions.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import type { FArgEntry, FDummy, FHostReduction, FKernelPlan } from './plan.js';
import { lowerDirectives, type BodyContext } from './lower-directives.js';
import { lowerDo } from './lower-do.js';
import { N } from './names.js';
import { fortranReduction } from './reduction.js';
import { fillPlaceholders as fill } from '../placeholders.js';
import { chain, specCopiesFor, externalFunctionDecls, commonDecls } from './spec-copies.js';

export function lowerKernel(tree: FortranTree, text: string, k: FKernelAnalysis, kernel: string, bag: DiagnosticBag, tpBlocks: readonly string[] = [], ldmLimit = Infinity, tpVars: readonly TpModuleVar[] = []): FKernelPlan {
  const r = k.region;
  const entries: FArgEntry[] = [];
  const dummies: FDummy[] = [];
  const decls: string[] = [];
  const prologue: string[] = [];
  const epilogue: string[] = [];
  const hostReductions: FHostReduction[] = [];
  const team = clauseExpr(r.directive, 'num_threads');
  const size = team !== undefined ? `min(64, max(1, int(${team})))` : '64';
  // if(false): the region still runs on the CPEs, with a team of one (OpenMP's inactive region).
  const ifc = clausesOf(r.directive, 'if').find((c) => c.modifiers.length === 0 || c.modifiers.some((m) => m.word === 'parallel'));
  const cond = ifc?.args?.[0]?.text;
  entries.push({ hostExpr: cond !== undefined ? `merge(${size}, 1, ${cond})` : size });
  for (const c of ['proc_bind', 'allocate']) if (clausesOf(r.directive, c).length > 0) bag.report(r.site.file, clausesOf(r.directive, c)[0]!.span, fmsg.clause(c, r.kind));
  const copyin = new Set<string>();
  for (const it of listItems(r.directive, 'copyin')) {
    const tv = it.isCommonBlock ? undefined : tpVars.find((v) => v.name === it.name.toLowerCase());
    if (it.isCommonBlock && tpBlocks.includes(it.name.toLowerCase())) copyin.add(it.name.toLowerCase());
    else if (tv) copyin.add(tpvRoutine(tv));
    else bag.report(r.site.file, it.span, fmsg.variable(it.name, 'copyin is lowered for threadprivate common blocks only'));
  }
  const tpCalls = [...tpBlocks.map((b) => ({ routine: tpRoutine(b), copyin: copyin.has(b) })), ...tpVars.map((v) => ({ routine: tpvRoutine(v), copyin: copyin.has(tpvRoutine(v)) }))];

  const pass = (v: FKernelVar, name: string): void => {
    const array = v.shape !== 'scalar';
    let dims = dimsText(v.entity.dims);
    if (v.shape === 'deferred') {
      const bn = (dim: number, which: 'lb' | 'ub') => `o2ath_${which}_${v.name}_${dim}`;
      v.entity.dims!.forEach((_, i) => {
        for (const which of ['lb', 'ub'] as const) {
          entries.push({ hostExpr: `${which === 'lb' ? 'lbound' : 'ubound'}(${v.name}, ${i + 1})` });
          dummies.push({ kind: 'bound', name: bn(i + 1, which), entry: entries.length });
        }
      });
      dims = dimsText(v.entity.dims, bn);
    }
    entries.push({ hostExpr: `loc(${v.name})` });
    const type = v.type?.text ?? 'real';
    dummies.push({ kind: 'pointee', name, decl: declarationOf(v.type, v.entity, name, dims), pointee: { entry: entries.length, type, array } });
  };

  const isLoopPrivate = (v: FKernelVar) => v.sharing === 'private' || v.sharing === 'lastprivate';
  // Module and common variables are visible on the CPE under their own name, so a private copy of one
  // gets another name (o2ath_pv_<name>) inside the region; the original stays reachable for the
  // firstprivate copy-in, the lastprivate write-back and (on the MPE) the reduction combine.
  const renamed = new Map<string, string>();
  for (const v of k.vars) {
    if ((v.origin !== 'module' && v.origin !== 'common') || v.sharing === 'shared') continue;
    const pv = `o2ath_pv_${v.name}`;
    renamed.set(v.name, pv);
    decls.push(declarationOf(v.type, v.entity, pv, dimsText(v.entity.dims)));
    if (v.sharing === 'firstprivate') prologue.push(`${pv} = ${v.name}`);
    if (v.sharing === 'lastprivate') epilogue.push(`if (${N.kl} == ${N.n} - 1) ${v.name} = ${pv}`);
    if (v.sharing === 'reduction') reduceInto(v, pv);
  }
  function reduceInto(v: FKernelVar, local: string): void {
    const ro = fortranReduction(v.op ?? '+');
    if (!ro) return;
    const array = v.shape !== 'scalar';
    const slots = `o2ath_r_${v.name}`;
    entries.push({ hostExpr: `loc(${slots})` });
    dummies.push({ kind: 'pointee', name: slots, decl: `${v.type?.text ?? 'real'} :: ${slots}(*)`, pointee: { entry: entries.length, type: v.type?.text ?? 'real', array: true } });
    prologue.push(`${local} = ${fill(ro.identity, { v: local })}`);
    epilogue.push(array
      ? `${slots}(${N.tid} * size(${local}) + 1:(${N.tid} + 1) * size(${local})) = reshape(${local}, [size(${local})])`
      : `${slots}(${N.tid} + 1) = ${local}`);
    hostReductions.push({ name: v.name, op: v.op ?? '+', array, type: v.type?.text ?? 'real', slots, entry: entries.length });
  }
  for (const v of k.vars) {
    if (v.origin !== 'capture') continue;
    const localDecl = () => declarationOf(v.type, v.entity, v.name, dimsText(v.entity.dims));
    if (v.sharing === 'shared' && byValue(v)) {
      // Read-only scalars travel by value: no address of a host temporary escapes.
      decls.push(localDecl());
      entries.push({ hostExpr: `transfer(${v.name}, 0_8)` });
      dummies.push({ kind: 'bound', name: `o2ath_bv_${v.name}`, entry: entries.length });
      prologue.push(`${v.name} = transfer(o2ath_bv_${v.name}, ${v.name})`);
    } else if (v.sharing === 'shared') pass(v, v.name);
    else if (isLoopPrivate(v)) {
      decls.push(localDecl());
      if (v.sharing === 'lastprivate') {
        pass(v, `o2ath_lp_${v.name}`);
        epilogue.push(`if (${N.kl} == ${N.n} - 1) o2ath_lp_${v.name} = ${lastValue(r.loop ? tree.statements[r.loop.first]! : undefined, v.name)}`);
      }
    } else if (v.sharing === 'firstprivate') {
      decls.push(localDecl());
      pass(v, `o2ath_fp_${v.name}`);
      prologue.push(`${v.name} = o2ath_fp_${v.name}`);
    } else if (v.sharing === 'reduction') {
      decls.push(localDecl());
      reduceInto(v, v.name);
    }
  }

  // The region's text with its inner directives lowered; a combined `parallel do` partitions its loop.
  const ctx: BodyContext = { tree, text, bag, unit: k.unit, prefix: kernel.replace(/^o2ath_/, ''), edits: [], decls: [], counter: 0, renamed };
  let regionStart = r.bodyStart;
  let regionEnd = r.bodyEnd;
  if (r.kind === 'parallel do') {
    // Lowered as `parallel` around a `do` that owns the directive's loop clauses.
    regionStart = r.lineStart;
    regionEnd = r.lineEnd;
    lowerDo(r, ctx, true);
  } else if (r.kind === 'parallel sections' || r.kind === 'parallel workshare') {
    regionStart = r.lineStart;
    regionEnd = r.lineEnd;
    lowerDirectives([{ ...r, kind: r.kind.slice('parallel '.length), directive: { ...r.directive, clauses: [] } }], ctx);
  } else lowerDirectives(r.children, ctx);

  // Private data lives in LDM on the CPE: refuse what certainly does not fit.
  let ldm = 0;
  for (const v of k.vars) if (v.origin === 'capture' && v.sharing !== 'shared') ldm += variableBytes(tree, v.unit, v.type, v.entity) ?? 0;
  if (ldm > ldmLimit) bag.report(r.site.file, r.site.span, lmsg.ldmOverflow(kernel, ldm, ldmLimit));
  const top = tree.units[chain(tree, k.unit)[0]!]!;
  const inModule = top.kind === 'module' && top.contains !== undefined
    ? { name: top.name ?? '', at: lineEndOf(text, tree.statements[top.contains]!.span.end) } : undefined;
  const specs = specCopiesFor(tree, k.unit, inModule !== undefined);
  // threadprivate module variables: this CPE's copy, under another name.
  const tpv = renameTpVars(tree, k.unit, r.firstStmt, r.lastStmt, tpVars);
  ctx.edits.push(...tpv.edits);
  if (renamed.size > 0) {
    for (let i = r.firstStmt; i <= r.lastStmt && i < tree.statements.length; i++) {
      for (const u of referencedNames(tree.statements[i]!)) {
        const to = renamed.get(u.name);
        if (to) ctx.edits.push({ kind: 'rename', start: u.span.start, end: u.span.end, to });
      }
    }
  }
  const tpvParts = tpVarCpeParts(tpv.used);
  return {
    kernel, body: `${kernel}_b`, directive: r.directive.kind, line: lineOf(text, r.site.span.start),
    hostStart: r.lineStart, hostEnd: r.lineEnd, indent: indentOf(text, r.lineStart, tree, r.firstStmt),
    entries, team: entries[0]!.hostExpr, dummies,
    specCopies: specs,
    decls: [...new Set([...commonDecls(tree, k, tpBlocks), ...externalFunctionDecls(tree, k), ...decls, ...ctx.decls, ...tpvParts.decls])],
    prologue: [...tpSetup(tree, k, tpBlocks), ...tpvParts.setup, ...prologue], regionStart, regionEnd, edits: ctx.edits, epilogue,
    hostReductions, inModule, tpCalls,
  };
}

const BY_VALUE_BASES = new Set(['integer', 'real', 'logical', 'double precision']);

function byValue(v: FKernelVar): boolean {
  if (!v.readOnly || v.inBounds || v.shape !== 'scalar' || !v.type || !BY_VALUE_BASES.has(v.type.base)) return false;
  const kind = v.type.kind;
  return kind === undefined || /^[1248]$/.test(kind) || !/^\d+$/.test(kind);
}

/** Pointer set-up of the threadprivate blocks the kernel uses (this CPE's copy). */
function tpSetup(tree: FortranTree, k: FKernelAnalysis, tpBlocks: readonly string[]): string[] {
  const out: string[] = [];
  for (const blk of k.commons) {
    if (!tpBlocks.includes(blk)) continue;
    const u = chain(tree, k.unit).map((i) => tree.units[i]!).reverse().find((x) => x.scope.commons.some((c) => c.name === blk));
    if (u) out.push(...tpCpeParts(u, blk, true).setup);
  }
  return out;
}

function lastValue(doStmt: FortranTree['statements'][number] | undefined, name: string): string {
  if (doStmt?.detail.kind === 'do' && doStmt.detail.variable?.toLowerCase() === name) return `${N.lb} + ${N.n} * ${N.st}`;
  return name;
}

export function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Indentation of the region's first statement (free form), for the host block. */
function indentOf(text: string, lineStart: number, tree: FortranTree, firstStmt: number): string {
  const s = tree.statements[firstStmt];
  const from = s ? lineStartOf(text, s.span.start) : lineStart;
  const m = /^[ \t]*/.exec(text.slice(from, lineEndOf(text, from)));
  return m ? m[0] : '';
}
