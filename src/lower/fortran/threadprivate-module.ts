// threadprivate module variables, with the storage scheme of threadprivate.ts (the MPE and CPE 0 use
// the variable itself, CPEs 1..63 persistent heap copies). CPE code cannot re-declare a name that
// USE or host association provides, so inside every CPE routine the variable's occurrences are renamed
// to `o2ath_tpv_<module>_<name>`, a Cray pointee aimed at this CPE's copy.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { FortranEntity, FortranTree } from '../../frontend/fortran/index.js';
import { referencedNames, resolveName, unitAt } from '../../frontend/fortran/index.js';
import type { FRegion } from '../../analysis/fortran/regions.js';
import { declarationOf, dimsText, shapeOf } from '../../analysis/fortran/variables.js';
import * as fmsg from '../../core/messages/fortran-lower.js';
import type { FEdit } from './plan.js';
import { hostRoutineStmts, type TpHostRoutine } from './threadprivate.js';
import { N } from './names.js';

export interface TpModuleVar {
  readonly module: string;
  readonly name: string;
  readonly entity: FortranEntity;
}

const key = (v: TpModuleVar) => `${v.module}_${v.name}`;
export const tpvName = (v: TpModuleVar) => `o2ath_tpv_${key(v)}`;
const tpvPtr = (v: TpModuleVar) => `o2ath_tpq_${key(v)}`;
const tpvInfo = (v: TpModuleVar) => `o2ath_tpi_${key(v)}`;
export const tpvRoutine = (v: TpModuleVar) => `o2ath_tp_${key(v)}`;

/** threadprivate directives in a module's specification part name module variables. */
export function isInModule(tree: FortranTree, r: FRegion): boolean {
  return unitAt(tree, r.site.span.start)?.kind === 'module';
}

export function threadprivateModuleVars(tree: FortranTree, regions: readonly FRegion[], bag: DiagnosticBag): TpModuleVar[] {
  const out: TpModuleVar[] = [];
  for (const r of regions) {
    if (r.kind !== 'threadprivate' || !isInModule(tree, r)) continue;
    const m = unitAt(tree, r.site.span.start)!;
    for (const it of r.directive.argument?.items ?? []) {
      if (it.isCommonBlock) continue;
      const e = m.scope.entities.find((x) => x.name === it.name.toLowerCase());
      if (!e) continue;
      if (shapeOf(e) === 'deferred' || shapeOf(e) === 'assumed-size') {
        bag.report(r.site.file, it.span, fmsg.variable(it.name, 'threadprivate allocatable or pointer module variables are not lowered yet'));
        continue;
      }
      out.push({ module: m.name ?? '', name: e.name, entity: e });
    }
  }
  return out;
}

/** The threadprivate module variable a name of unit `unit` refers to, if any. */
function tpTarget(tree: FortranTree, unit: number, name: string, vars: readonly TpModuleVar[]): TpModuleVar | undefined {
  const r = resolveName(tree, unit, name);
  if (!r) return undefined;
  const remote = r.remote ?? r.entity.name;
  const mod = r.via === 'use' ? r.module : tree.units[r.unit]?.kind === 'module' ? tree.units[r.unit]!.name : undefined;
  return vars.find((v) => v.module === mod && v.name === remote);
}

/** Rename edits for statements [first, last] of unit `unit`, and the variables they touch. */
export function renameTpVars(tree: FortranTree, unit: number, first: number, last: number, vars: readonly TpModuleVar[]): { edits: FEdit[]; used: TpModuleVar[] } {
  const edits: FEdit[] = [];
  const used: TpModuleVar[] = [];
  if (vars.length === 0) return { edits, used };
  for (let i = first; i <= last && i < tree.statements.length; i++) {
    for (const u of referencedNames(tree.statements[i]!)) {
      const v = tpTarget(tree, unit, u.name, vars);
      if (!v) continue;
      edits.push({ kind: 'rename', start: u.span.start, end: u.span.end, to: tpvName(v) });
      if (!used.includes(v)) used.push(v);
    }
  }
  return { edits, used };
}

/** Declarations (pointee, info common) and pointer set-up for the variables a CPE routine uses. */
export function tpVarCpeParts(vars: readonly TpModuleVar[]): { decls: string[]; setup: string[] } {
  const decls: string[] = [];
  const setup: string[] = [];
  for (const v of vars) {
    const info = tpvInfo(v);
    decls.push(declarationOf(v.entity.type, v.entity, tpvName(v), dimsText(v.entity.dims)), `pointer (${tpvPtr(v)}, ${tpvName(v)})`,
      `integer(8) ${info}(0:3)`, `common /${info}/ ${info}`);
    setup.push(`${tpvPtr(v)} = merge(${info}(2), ${info}(0) + (${N.tid} - 1) * ${info}(1), ${N.tid} == 0)`);
  }
  return { decls, setup };
}

export function tpVarHostRoutine(v: TpModuleVar): TpHostRoutine {
  return { name: tpvRoutine(v), spec: [], stmts: hostRoutineStmts(tpvRoutine(v), tpvInfo(v), [`use ${v.module}, only: ${v.name}`], [v.name]) };
}
