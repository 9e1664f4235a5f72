// What a name in a region is, as far as the CPE side cares: a variable captured from the host
// procedure (passed by address), a module variable (visible through USE), a common-block member
// (visible through the same COMMON), a named constant, or not a variable at all.
import type { DimSpec, FortranEntity, FortranTree, TypeSpec } from '../../frontend/fortran/index.js';
import { resolveName, implicitTypeOf, isIntrinsicFunction } from '../../frontend/fortran/index.js';

/** 'include': not declared in the file but the unit has INCLUDE lines (the front end does not read them): the CPE side repeats the INCLUDE. */
export type VarOrigin = 'capture' | 'module' | 'common' | 'parameter' | 'include';
/** Array shape as the CPE side must re-declare it. */
export type VarShape = 'scalar' | 'explicit' | 'assumed-size' | 'deferred';

export interface FVarInfo {
  readonly name: string;
  readonly origin: VarOrigin;
  readonly shape: VarShape;
  readonly type: TypeSpec | undefined;
  readonly entity: FortranEntity;
  /** Common block name for origin 'common'. */
  readonly common?: string;
  /** Module providing it (origin 'module'). */
  readonly module?: string;
  /** Unit index that declares it. */
  readonly unit: number;
}

export function shapeOf(e: FortranEntity): VarShape {
  const dims = e.dims;
  if (!dims || dims.length === 0) return 'scalar';
  if (e.attributes.includes('allocatable') || e.attributes.includes('pointer')) return 'deferred';
  if (dims.some((d) => d.upper === undefined)) return 'deferred';
  if (dims[dims.length - 1]!.upper === '*') return 'assumed-size';
  return 'explicit';
}

/** Classify `name` as used in unit `unitIndex`; undefined when it is not a variable (procedure, intrinsic). */
export function classifyName(tree: FortranTree, unitIndex: number, name: string, applied: boolean): FVarInfo | undefined {
  const r = resolveName(tree, unitIndex, name);
  if (!r) return undefined;
  const e = r.entity;
  if (e.procedure) return undefined;
  if (applied && !e.dims?.length && e.type?.base !== 'character') return undefined; // a function reference
  if (e.implicitType && applied && isIntrinsicFunction(name)) return undefined;
  const unit = tree.units[r.unit];
  const type = e.type ?? (unit ? implicitTypeOf(unit.scope.implicit, e.name) : undefined);
  const base = { name: e.name, shape: shapeOf(e), type, entity: e, unit: r.unit };
  if (e.parameter) return { ...base, origin: 'parameter' };
  if (r.via === 'use') return { ...base, origin: 'module', module: r.module };
  if (unit?.kind === 'module') return { ...base, origin: 'module', module: unit.name };
  if (e.common !== undefined) return { ...base, origin: 'common', common: e.common };
  return { ...base, origin: 'capture' };
}

/** Attributes a re-declaration keeps: none of the storage or argument ones. */
const DROP_ATTR = /^(allocatable|pointer|target|save|intent|optional|value|volatile|asynchronous|contiguous|dimension|public|private|protected|external|intrinsic|bind)/i;

export function keptAttributes(attrs: readonly string[]): string[] {
  return attrs.filter((a) => !DROP_ATTR.test(a.trim()));
}

/** Dimension list text for a re-declaration, e.g. '(0:n+1, m)'; deferred dims take bound names. */
export function dimsText(dims: readonly DimSpec[] | undefined, boundName?: (dim: number, which: 'lb' | 'ub') => string): string {
  if (!dims || dims.length === 0) return '';
  const parts = dims.map((d, i) => {
    if (d.upper === undefined) return boundName ? `${boundName(i + 1, 'lb')}:${boundName(i + 1, 'ub')}` : ':';
    return d.text.trim();
  });
  return `(${parts.join(', ')})`;
}

/** `real(8) :: a(0:n)` for entity e under `name` (dims optionally replaced). */
export function declarationOf(type: TypeSpec | undefined, e: FortranEntity, name: string, dims: string): string {
  const t = type?.text ?? 'real';
  const len = e.len !== undefined && type?.base === 'character' && !/\blen\b|\*/.test(t) ? `*${/^\d+$/.test(e.len) ? e.len : `(${e.len})`}` : '';
  return `${t} :: ${name}${dims}${len}`;
}
