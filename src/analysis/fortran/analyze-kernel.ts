// Data sharing for one outermost `parallel` / `parallel do` region: every name its statements use,
// classified (variables.ts) and given a sharing attribute by the explicit clauses, the Fortran
// loop-variable rules (OpenMP 5.2 5.1.1: DO variables of worksharing and sequential loops are private)
// and the default clause. Also the procedures the region calls, which the CPE side must have too.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { FortranTree, ProgramUnit } from '../../frontend/fortran/index.js';
import { referencedNames, tokenize, unitAt } from '../../frontend/fortran/index.js';
import { clausesOf, listItems, normaliseOp } from '../../openmp/clause-queries.js';
import type { FRegion } from './regions.js';
import { classifyName, type FVarInfo } from './variables.js';
import * as fmsg from '../../core/messages/fortran-lower.js';

export type Sharing = 'shared' | 'private' | 'firstprivate' | 'lastprivate' | 'reduction';

export interface FKernelVar extends FVarInfo {
  readonly sharing: Sharing;
  /** Reduction operator, Fortran spelling lower-cased ('+', 'max', '.and.', 'iand', ...). */
  readonly op?: string;
  /** Never assigned, read into, or passed to a procedure in the region: can travel by value. */
  readonly readOnly: boolean;
  /** Appears in the bounds of another variable the CPE re-declares (must stay a dummy). */
  readonly inBounds: boolean;
}

export interface FKernelAnalysis {
  readonly region: FRegion;
  readonly unit: number;
  readonly unitName: string;
  /** Variables of the host procedure the kernel uses, in first-use order. */
  readonly vars: readonly FKernelVar[];
  /** Common blocks whose members the kernel uses. */
  readonly commons: readonly string[];
  /** Procedures called from the region (lower case), in first-call order. */
  readonly calls: readonly string[];
}

const SHARING_CLAUSES: readonly Sharing[] = ['private', 'firstprivate', 'lastprivate', 'shared'];

/** Names used by statements [first, last] of the tree, with whether they are applied (followed by '('). */
export function namesIn(tree: FortranTree, first: number, last: number): { name: string; applied: boolean; stmt: number }[] {
  const out: { name: string; applied: boolean; stmt: number }[] = [];
  for (let i = first; i <= last && i < tree.statements.length; i++) {
    const s = tree.statements[i]!;
    if (s.kind === 'preprocessor') continue;
    for (const u of referencedNames(s)) out.push({ name: u.name, applied: u.applied, stmt: i });
  }
  return out;
}

/** Names that appear in dimension or length expressions of a declaration. */
export function namesInText(text: string): string[] {
  return tokenize(text, 0, text.length).filter((t) => t.kind === 'name').map((t) => t.text.toLowerCase());
}

export function analyzeKernel(tree: FortranTree, region: FRegion, bag: DiagnosticBag): FKernelAnalysis | undefined {
  const file = region.site.file;
  const unit = unitAt(tree, region.site.span.start);
  if (!unit) {
    bag.report(file, region.site.span, fmsg.directive(region.kind, 'outside a program unit'));
    return undefined;
  }
  const explicit = new Map<string, { sharing: Sharing; op?: string }>();
  const d = region.directive;
  // `/blk/` in a clause stands for every member of the common block (OpenMP 5.2 5.1).
  const membersOf = (blk: string): string[] => {
    for (let u: ProgramUnit | undefined = unit; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) {
      const m = u.scope.commons.filter((c) => c.name === blk).flatMap((c) => c.members);
      if (m.length > 0) return m;
    }
    return [];
  };
  for (const k of SHARING_CLAUSES) {
    for (const it of listItems(d, k)) {
      if (it.isCommonBlock && k !== 'shared') for (const m of membersOf(it.name.toLowerCase())) explicit.set(m, { sharing: k });
      else explicit.set(it.name.toLowerCase(), { sharing: k });
    }
  }
  for (const c of clausesOf(d, 'reduction')) {
    const op = (c.operator?.text ?? '+').trim().toLowerCase();
    for (const it of c.items ?? []) {
      if (it.isCommonBlock) for (const m of membersOf(it.name.toLowerCase())) explicit.set(m, { sharing: 'reduction', op });
      else explicit.set(it.name.toLowerCase(), { sharing: 'reduction', op });
    }
  }
  for (const it of [...listItems(d, 'private'), ...listItems(d, 'firstprivate'), ...listItems(d, 'shared'), ...listItems(d, 'reduction')]) {
    if (it.isCommonBlock && membersOf(it.name.toLowerCase()).length === 0) bag.report(file, it.span, fmsg.variable(`/${it.name}/`, 'no COMMON statement for this block in scope'));
    else if (it.sections.length > 0) bag.report(file, it.span, fmsg.variable(it.name, 'array sections in clauses are not lowered yet'));
  }
  const def = clausesOf(d, 'default')[0]?.value?.word.toLowerCase();

  // DO variables inside the region are private (worksharing and sequential loops alike, in Fortran).
  const loopVars = new Set<string>();
  for (let i = region.firstStmt; i <= region.lastStmt; i++) {
    const s = tree.statements[i]!;
    if (s.detail.kind === 'do' && s.detail.variable) loopVars.add(s.detail.variable.toLowerCase());
  }

  const written = writtenNames(tree, region.firstStmt, region.lastStmt);
  const hasInclude = unitChainHasInclude(tree, unit.index);
  const bounds = new Set<string>();
  const vars = new Map<string, FKernelVar>();
  const commons: string[] = [];
  const calls: string[] = [];
  const add = (name: string, applied: boolean): void => {
    if (vars.has(name)) return;
    const found = classifyName(tree, unit.index, name, applied);
    // Undeclared names of a unit with INCLUDE lines are assumed to come from the included file.
    const info = found && found.origin === 'capture' && found.entity.implicitType && !found.entity.span && !found.entity.dims && hasInclude ? { ...found, origin: 'include' as const } : found;
    if (!info) {
      if (applied && !calls.includes(name)) calls.push(name);
      return;
    }
    if (info.origin === 'common' && info.common !== undefined && !commons.includes(info.common)) commons.push(info.common);
    const ex = explicit.get(name);
    let sharing: Sharing = ex?.sharing ?? (loopVars.has(name) ? 'private' : def === 'private' ? 'private' : def === 'firstprivate' ? 'firstprivate' : 'shared');
    if (info.origin === 'include' && sharing !== 'shared' && sharing !== 'private') {
      bag.report(file, region.site.span, fmsg.variable(name, `a ${info.origin} variable cannot be ${sharing} yet`));
      sharing = 'shared';
    }
    vars.set(name, { ...info, sharing, op: ex?.op, readOnly: !written.has(name), inBounds: false });
    // The CPE re-declares it with its own bounds: whatever those mention is needed too.
    const e = info.entity;
    const inDecl = [...(e.dims ?? []).flatMap((dim) => namesInText(dim.text)), ...(e.len ? namesInText(e.len) : [])];
    for (const n of inDecl) {
      bounds.add(n);
      add(n, false);
    }
  };
  for (const u of namesIn(tree, region.firstStmt, region.lastStmt)) add(u.name, u.applied);
  for (const s of tree.statements.slice(region.firstStmt, region.lastStmt + 1)) {
    if (s.detail.kind === 'call' && !calls.includes(s.detail.name.toLowerCase())) calls.push(s.detail.name.toLowerCase());
  }
  for (const [name, ex] of explicit) if (!vars.has(name)) {
    const info = classifyName(tree, unit.index, name, false);
    if (info) vars.set(name, { ...info, sharing: ex.sharing, op: ex.op, readOnly: !written.has(name), inBounds: false });
  }
  for (const [n, v] of vars) if (bounds.has(n)) vars.set(n, { ...v, inBounds: true });
  for (const v of vars.values()) checkVariable(tree, v, region, bag);
  for (const c of calls) {
    // An internal procedure is not a global symbol the CPE side could call, and it sees its host's locals.
    const callee = tree.units.find((u) => u.name === c && u.parent !== undefined && tree.units[u.parent]?.kind !== 'module');
    if (callee) bag.report(file, region.site.span, fmsg.directive(region.kind, `calling the internal procedure '${c}'`));
  }
  return { region, unit: unit.index, unitName: unit.name ?? 'main', vars: [...vars.values()], commons, calls };
}

/** True when the unit or a host of it has an INCLUDE line in its specification part. */
function unitChainHasInclude(tree: FortranTree, unitIndex: number): boolean {
  for (let u: ProgramUnit | undefined = tree.units[unitIndex]; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) {
    const end = u.contains ?? u.last;
    for (let i = u.first + 1; i < end; i++) if (tree.statements[i]!.kind === 'include') return true;
  }
  return false;
}

/** Names a region may change: assigned, DO variables, and anything in CALL / READ / ALLOCATE-like statements. */
function writtenNames(tree: FortranTree, first: number, last: number): Set<string> {
  const out = new Set<string>();
  const maybe = new Set(['call', 'read', 'allocate', 'deallocate', 'nullify', 'inquire', 'open', 'pointer-assignment']);
  for (let i = first; i <= last && i < tree.statements.length; i++) {
    const s = tree.statements[i]!;
    for (const st of s.inner ? [s, s.inner] : [s]) {
      for (const u of referencedNames(st)) if (u.written || maybe.has(st.kind)) out.add(u.name);
    }
  }
  return out;
}

/** A derived type the CPE routine can see: defined in a module (this file's or another's), not locally. */
function typeFromModule(tree: FortranTree, v: FKernelVar): boolean {
  const name = v.type?.derived;
  if (!name || name === '*') return true;
  for (const st of tree.statements) {
    if (st.detail.kind !== 'type-def' || st.detail.name !== name) continue;
    const owner = tree.units.filter((u) => tree.statements[u.first]!.span.start <= st.span.start && st.span.start <= tree.statements[u.last]!.span.end).pop();
    return owner?.kind === 'module';
  }
  return true; // defined elsewhere: only modules can export it
}

function checkVariable(tree: FortranTree, v: FKernelVar, region: FRegion, bag: DiagnosticBag): void {
  const file = region.site.file;
  if (v.origin !== 'capture') return;
  if (v.type?.base === 'character' && (v.entity.len === '*' || v.type.len === '*' || /\*\s*\(\s*\*\s*\)/.test(v.type.text)))
    bag.report(file, region.site.span, fmsg.variable(v.name, 'assumed-length character variables are not passed yet'));
  if ((v.type?.base === 'type' || v.type?.base === 'class') && v.sharing !== 'shared' && v.shape !== 'scalar')
    bag.report(file, region.site.span, fmsg.variable(v.name, 'private arrays of derived type are not lowered yet'));
  if (v.type?.derived && !typeFromModule(tree, v)) bag.report(file, region.site.span, fmsg.variable(v.name, `its type '${v.type.derived}' is not defined in a module the CPE side can USE`));
  if (v.entity.equivalenced) bag.report(file, region.site.span, fmsg.variable(v.name, 'it is EQUIVALENCEd'));
  if (v.sharing === 'reduction') {
    const op = normaliseOp(v.op ?? '+');
    if (!['+', '-', '*', 'max', 'min', '&&', '||', '.eqv.', '.neqv.', '&', '|', '^'].includes(op))
      bag.report(file, region.site.span, fmsg.reduction(v.op ?? '?', v.name, 'user-defined reductions are not lowered'));
    if (v.shape === 'deferred' && !v.entity.attributes.includes('allocatable') && v.entity.dummy === undefined)
      bag.report(file, region.site.span, fmsg.reduction(v.op ?? '?', v.name, 'pointer arrays are not reduced yet'));
  }
}
