// Data-sharing analysis of one outermost parallel region (OpenMP 5.2 section 5.1): which outside
// variables the region uses, their sharing (clause, default, or the implicit rules), and how each must
// travel to the CPEs. The constructs nested in it are analysed by constructs.ts.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CRegion } from '../../regions/c/attach-regions.js';
import type { CDecl } from './declarations.js';
import type { ScopeIndex } from './scope.js';
import { classifyUse, identifierUses, type UseKind } from './occurrences.js';
import { extractLoop } from './loops.js';
import { clauseExpr, listItems, reductionItems } from '../../openmp/clause-queries.js';
import { analyzeConstruct, constructKind, type NestedConstruct } from './constructs.js';
import { collectCallees, type CalleeInfo } from './callees.js';
import * as amsg from '../../core/messages/analysis.js';
import * as lmsg from '../../core/messages/lower.js';

export type Sharing = 'shared' | 'private' | 'firstprivate' | 'reduction';
/** value: copied in (read-only in the region); ref: a pointer to the host variable; decay: an array as a pointer to its first element. */
export type Passing = 'value' | 'ref' | 'decay' | 'none';

export interface Capture {
  readonly decl: CDecl;
  readonly sharing: Sharing;
  readonly passing: Passing;
  readonly reductionOp?: string;
  /** Offsets of identifier uses that must go through the pointer (passing 'ref'). */
  readonly derefAt: readonly number[];
  /** The field type is variably modified (an array dimension is a variable): travels as void *. */
  readonly variablyModified: boolean;
}

/** How the region's own directive shapes the kernel. */
export type KernelShape = 'block' | 'loop' | 'sections';

export interface KernelAnalysis {
  readonly region: CRegion;
  readonly shape: KernelShape;
  readonly fn: SyntaxNode;
  readonly fnName: string;
  readonly captures: readonly Capture[];
  /** Nested constructs; for loop and sections kernels the first one is the region's own. */
  readonly constructs: readonly NestedConstruct[];
  readonly numThreads?: string;
  readonly ifExpr?: string;
  /** threadprivate variables with copyin: their host values travel in the argument block. */
  readonly copyin: readonly CDecl[];
  readonly callees: CalleeInfo;
}

/** parallel for, target teams distribute parallel for, teams distribute ... are loop kernels. */
export function kernelShapeOf(kind: string): KernelShape | 'container' | undefined {
  const w = kind.split(' ');
  if (w.includes('parallel') || w.includes('teams')) {
    if (w.includes('for') || w.includes('distribute') || w.includes('loop')) return 'loop';
    if (w.includes('sections')) return 'sections';
    return 'block';
  }
  if (w[0] === 'target' && (w.length === 1 || (w.length === 2 && w[1] === 'data'))) return 'container';
  return undefined;
}

interface UseInfo {
  decl: CDecl;
  kinds: Set<UseKind>;
  at: number[];
  firstAt: number;
}

const inside = (at: number, n: SyntaxNode) => at >= n.startIndex && at < n.endIndex;

export function analyzeKernel(
  file: SourceFile,
  region: CRegion,
  scope: ScopeIndex,
  bag: DiagnosticBag,
  threadprivate: ReadonlySet<number>,
  isCpeFunction: (name: string) => boolean,
  orphanRegions: (fn: SyntaxNode) => CRegion[],
  regionFailed: (r: CRegion) => boolean = () => false,
): KernelAnalysis | undefined {
  const errorsBefore = bag.errorCount;
  const d = region.directive;
  const stmt = region.stmt!;
  const shape = kernelShapeOf(d.kind) as KernelShape;
  const fn = scope.enclosingFunction(stmt);
  if (!fn) return undefined;
  const fnName = fn.childForFieldName('declarator')?.text.replace(/\(.*$/s, '').replace(/^[*\s]+/, '') ?? 'fn';

  // --- constructs and the names each one privatises ------------------------------------------
  const constructs: NestedConstruct[] = [];
  if (shape === 'loop' || shape === 'sections') {
    const own = analyzeConstruct(file, region, scope, bag, shape === 'loop');
    // The region's own loop keeps what only a loop can do (lastprivate, linear, array reductions
    // combined across the team); its other clauses are the region's and become captures below.
    const keep = (p: NestedConstruct['privates'][number]) => p.kind === 'lastprivate' || p.kind === 'linear' || (p.kind === 'reduction' && !!p.arrayReduction);
    if (own) constructs.push(shape === 'sections' ? { ...own, kind: 'sections', privates: [] } : { ...own, privates: own.privates.filter(keep) });
  }
  const visit = (r: CRegion): void => {
    for (const c of r.children) {
      const kind = constructKind(c.directive.kind);
      if (!kind) bag.report(file, c.pragma.site.span, lmsg.nestedDirective(c.directive.kind, d.kind));
      else if (c.directive.kind !== 'section') {
        const k = analyzeConstruct(file, c, scope, bag);
        if (k) constructs.push(k);
      }
      visit(c);
    }
  };
  visit(region);

  const scopes = constructs.map((c) => ({
    names: new Set([...c.privates.filter((p) => p.kind !== 'copyprivate').map((p) => p.decl.name), ...(c.loops ?? []).map((l) => l.var)]),
    start: c.start,
    end: c.end,
  }));
  const inPrivateScope = (name: string, at: number) => scopes.some((s) => s.names.has(name) && at >= s.start && at < s.end);

  // --- uses of outside variables -----------------------------------------------------------------
  const uses = new Map<number, UseInfo>();
  const calls = new Set<string>();
  const note = (decl: CDecl, kind: UseKind, at: number | undefined, firstAt: number) => {
    let u = uses.get(decl.at);
    if (!u) uses.set(decl.at, (u = { decl, kinds: new Set(), at: [], firstAt }));
    u.kinds.add(kind);
    if (at !== undefined) u.at.push(at);
  };
  for (const id of identifierUses(stmt)) {
    const decl = scope.resolve(id);
    const p = id.parent;
    if (!decl) {
      if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id) calls.add(id.text);
      continue;
    }
    if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id && decl.shape !== 'function') {
      bag.report(file, { start: id.startIndex, end: id.endIndex }, amsg.functionPointerCall());
      continue;
    }
    if (decl.at === id.startIndex || inside(decl.at, stmt) || threadprivate.has(decl.at)) continue;
    if (inPrivateScope(decl.name, id.startIndex)) continue;
    note(decl, classifyUse(id), id.startIndex, id.startIndex);
  }
  // Names in clause expressions of nested constructs (chunk sizes, filters) are read in the kernel.
  for (const c of constructs)
    for (const text of [c.schedule?.chunk, c.filter, ...(c.privates.map((p) => p.step ?? ''))]) {
      if (!text) continue;
      for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
        const decl = scope.resolveName(m[0], stmt, c.start);
        if (decl && !inside(decl.at, stmt) && !threadprivate.has(decl.at)) note(decl, 'read', undefined, c.start);
      }
    }
  // What nested constructs write back (reductions, lastprivate, linear, copyprivate) travels by pointer;
  // what they copy in (firstprivate) is read.
  for (const c of constructs)
    for (const p of c.privates) {
      if (inside(p.decl.at, stmt) || threadprivate.has(p.decl.at)) continue;
      if (p.kind === 'firstprivate') note(p.decl, 'read', undefined, c.start);
      else if (p.kind !== 'private') note(p.decl, p.arrayReduction ? 'read' : 'write', undefined, c.start);
    }

  // --- sharing ---------------------------------------------------------------------------------
  const explicit = new Map<string, { sharing: Sharing; op?: string }>();
  for (const k of ['private', 'firstprivate', 'shared'] as const)
    for (const it of listItems(d, k)) explicit.set(it.name, { sharing: k === 'shared' ? 'shared' : k });
  for (const it of [...listItems(d, 'lastprivate'), ...listItems(d, 'linear')]) explicit.set(it.name, { sharing: 'shared' });
  for (const ri of reductionItems(d)) {
    const decl = scope.resolveName(ri.item.name, stmt, stmt.startIndex);
    // Array reductions of the region are combined on the CPEs like nested ones: the array is shared.
    if (decl && (ri.item.sections.length || (decl.shape === 'array' && decl.storage !== 'param'))) {
      explicit.set(ri.item.name, { sharing: 'shared' });
      if (shape !== 'loop') constructs.unshift(kernelArrayReduction(file, region, scope, bag, ri.item.name));
      note(decl, 'read', undefined, stmt.startIndex);
    } else explicit.set(ri.item.name, { sharing: 'reduction', op: ri.op });
  }
  const copyin: CDecl[] = [];
  for (const it of listItems(d, 'copyin')) {
    const decl = scope.resolveName(it.name, stmt, stmt.startIndex);
    if (decl && threadprivate.has(decl.at)) copyin.push(decl);
    else bag.report(file, it.span, amsg.threadprivateUse(it.name, 'copyin needs a threadprivate variable'));
  }
  for (const [name] of explicit) {
    const decl = scope.resolveName(name, stmt, stmt.startIndex);
    if (!decl) {
      const it = d.clauses.flatMap((c) => c.items ?? []).find((i) => i.name === name)!;
      bag.report(file, it.span, amsg.notAVariable(name));
    } else if (!uses.has(decl.at)) note(decl, 'read', undefined, stmt.startIndex);
  }
  const defaultKind = d.clauses.find((c) => c.kind === 'default')?.value?.word.toLowerCase();
  const kernelLoopVars = new Set(shape === 'loop' ? (constructs[0]?.loops ?? []).map((l) => l.var) : []);

  const captures: Capture[] = [];
  for (const u of [...uses.values()].sort((a, b) => a.decl.at - b.decl.at)) {
    const decl = u.decl;
    const ex = explicit.get(decl.name);
    let sharing: Sharing;
    let op: string | undefined;
    if (ex) ({ sharing, op } = ex);
    else if (kernelLoopVars.has(decl.name)) sharing = 'private';
    else if (defaultKind === 'none') {
      bag.report(file, { start: u.firstAt, end: u.firstAt + decl.name.length }, amsg.defaultNone(decl.name, d.kind));
      sharing = 'shared';
    } else if ((defaultKind === 'firstprivate' || defaultKind === 'private') && (decl.storage === 'local' || decl.storage === 'param')) sharing = defaultKind;
    else sharing = 'shared';

    const isArray = decl.shape === 'array' && decl.storage !== 'param';
    const vm = decl.dimNames.some((n) => !!scope.resolveName(n.name, stmt, n.at));
    let passing: Passing = 'none';
    // Variables with static storage can change under the region (a called function may write them),
    // so the CPEs reach them through a pointer; automatic ones read-only in the region travel by value.
    const staticStorage = decl.storage !== 'local' && decl.storage !== 'param';
    if (sharing === 'shared') passing = isArray ? (u.kinds.has('address') ? 'ref' : 'decay') : u.kinds.has('write') || u.kinds.has('address') || staticStorage ? 'ref' : 'value';
    else if (sharing === 'firstprivate') passing = isArray ? 'decay' : 'value';
    if (sharing === 'reduction' && decl.shape === 'pointer') bag.report(file, { start: u.firstAt, end: u.firstAt + decl.name.length }, amsg.reductionType(decl.name, op ?? '+'));
    captures.push({ decl, sharing, passing, reductionOp: op, derefAt: passing === 'ref' ? u.at : [], variablyModified: vm });
  }
  for (const c of captures) if (c.passing === 'ref') warnSequentialIndex(file, stmt, c.decl, bag);

  const callees = collectCallees(file, calls, scope, bag, isCpeFunction, threadprivate, orphanRegions, regionFailed);
  if (bag.errorCount > errorsBefore) return undefined;
  const nt = clauseExpr(d, 'num_threads') ?? (d.kind.includes('parallel') ? undefined : clauseExpr(d, 'num_teams'));
  return { region, shape, fn, fnName, captures, constructs, numThreads: nt, ifExpr: clauseExpr(d, 'if'), copyin, callees };
}

/** `#pragma omp parallel reduction(+: hist)` on an array: a construct over the whole body. */
function kernelArrayReduction(file: SourceFile, region: CRegion, scope: ScopeIndex, bag: DiagnosticBag, name: string): NestedConstruct {
  const own = analyzeConstruct(file, { ...region, directive: { ...region.directive, kind: 'scope' } }, scope, bag)!;
  return { ...own, kind: 'nested', start: region.blockStart, end: region.stmt!.endIndex, privates: own.privates.filter((p) => p.kind === 'reduction' && p.arrayReduction && p.decl.name === name) };
}

function warnSequentialIndex(file: SourceFile, stmt: SyntaxNode, decl: CDecl, bag: DiagnosticBag): void {
  const stack = [stmt];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'for_statement' && n.id !== stmt.id) {
      const r = extractLoop(n);
      if (r.ok && r.loop.var === decl.name && !r.loop.declaredType) {
        const prev = n.previousNamedSibling;
        if (!(prev?.type === 'preproc_call' && /omp/.test(prev.text))) {
          bag.report(file, { start: n.startIndex, end: n.startIndex + 3 }, amsg.sharedLoopIndex(decl.name));
          return;
        }
      }
    }
    stack.push(...n.namedChildren);
  }
}
