// Data-sharing analysis of one outermost parallel region (OpenMP 5.2 section 5.1): which outside
// variables the region uses, their sharing (clause, default, or the implicit rules), and how each
// must travel to the CPEs. Also collects the worksharing loops, barriers and called functions inside.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { OmpDirective } from '../../openmp/ast.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CRegion } from '../../regions/c/attach-regions.js';
import type { CDecl } from './declarations.js';
import type { ScopeIndex } from './scope.js';
import { classifyUse, identifierUses, type UseKind } from './occurrences.js';
import { extractLoop, type CanonicalLoop } from './loops.js';
import { clauseExpr, hasClause, listItems, reductionItems, scheduleOf, type Schedule } from './clauses.js';
import * as amsg from '../../core/messages/analysis.js';

export type Sharing = 'shared' | 'private' | 'firstprivate' | 'reduction';
/** value: copied in by value (read-only in the region); ref: a pointer to the host variable; decay: an array passed as a pointer to its first element. */
export type Passing = 'value' | 'ref' | 'decay' | 'none';

export interface Capture {
  readonly decl: CDecl;
  readonly sharing: Sharing;
  readonly passing: Passing;
  readonly reductionOp?: string;
  /** Offsets of identifier uses that must be rewritten to go through the pointer (passing 'ref'). */
  readonly derefAt: readonly number[];
  /** The field type is variably modified (an array dimension is a variable): travels as void *. */
  readonly variablyModified: boolean;
}

export interface LoopPrivate {
  readonly decl: CDecl;
  readonly kind: 'private' | 'firstprivate' | 'reduction';
  readonly op?: string;
}

export interface WorkshareLoop {
  /** The `for` directive (or the combined `parallel for`) that owns the loop. */
  readonly directive: OmpDirective;
  readonly combined: boolean;
  readonly loop: CanonicalLoop;
  readonly schedule: Schedule;
  readonly nowait: boolean;
  /** Replace [start, end) — the directive and its loop — in the kernel body. */
  readonly start: number;
  readonly end: number;
  /** Variables private to this loop (its index when declared outside, private/firstprivate/reduction items). */
  readonly privates: readonly LoopPrivate[];
  readonly line: number;
}

export interface Standalone {
  readonly kind: 'barrier';
  readonly start: number;
  readonly end: number;
}

export interface KernelAnalysis {
  readonly region: CRegion;
  readonly fn: SyntaxNode;
  readonly fnName: string;
  readonly captures: readonly Capture[];
  readonly loops: readonly WorkshareLoop[];
  readonly standalones: readonly Standalone[];
  /** User functions defined in this file that CPE code calls (transitively), in file order. */
  readonly callees: readonly string[];
  /** Functions called from CPE code that are neither defined here nor known library functions. */
  readonly externalCalls: readonly string[];
  readonly numThreads?: string;
  readonly ifExpr?: string;
  /** Globals that copied callees reference by name (non-static): declared extern on the slave side. */
  readonly calleeGlobals: readonly CDecl[];
  /** File-scope statics that copied callees use, with the offsets of those uses (reached through an alias pointer). */
  readonly calleeStatics: readonly { readonly decl: CDecl; readonly at: readonly number[] }[];
}

interface PrivateScope {
  readonly names: Set<string>;
  readonly start: number;
  readonly end: number;
}

const DATA_CLAUSES = ['private', 'firstprivate', 'shared', 'reduction', 'lastprivate', 'copyin'] as const;

export function analyzeKernel(file: SourceFile, region: CRegion, scope: ScopeIndex, bag: DiagnosticBag, knownLibrary: (name: string) => boolean): KernelAnalysis | undefined {
  const errorsBefore = bag.errorCount;
  const d = region.directive;
  const stmt = region.stmt!;
  const fn = scope.enclosingFunction(stmt);
  if (!fn) return undefined;
  const fnName = fn.childForFieldName('declarator')?.text.replace(/\(.*$/s, '').replace(/^[*\s]+/, '') ?? 'fn';
  const combined = d.kind !== 'parallel';

  // --- worksharing loops and private scopes ---------------------------------------------------
  const loops: WorkshareLoop[] = [];
  const standalones: Standalone[] = [];
  const privateScopes: PrivateScope[] = [];
  const loopOf = (dir: OmpDirective, node: SyntaxNode, start: number, isCombined: boolean): void => {
    const r = extractLoop(node);
    if (!r.ok) {
      bag.report(file, { start: r.at.startIndex, end: r.at.endIndex }, amsg.loopForm(r.why));
      return;
    }
    const names = new Set<string>([r.loop.var]);
    if (!isCombined) for (const k of ['private', 'firstprivate'] as const) for (const it of listItems(dir, k)) names.add(it.name);
    if (!isCombined) for (const ri of reductionItems(dir)) names.add(ri.item.name);
    privateScopes.push({ names, start, end: node.endIndex });
    loops.push({
      directive: dir,
      combined: isCombined,
      loop: r.loop,
      schedule: scheduleOf(dir),
      nowait: hasClause(dir, 'nowait'),
      start,
      end: node.endIndex,
      privates: [],
      line: file.lines.starts.findIndex((s) => s > start),
    });
  };
  if (combined) loopOf(d, stmt, region.pragma.node.startIndex, true);
  const visitChildren = (r: CRegion): void => {
    for (const c of r.children) {
      if (c.directive.kind === 'for') loopOf(c.directive, c.stmt!, c.pragma.node.startIndex, false);
      else if (c.directive.kind === 'barrier') standalones.push({ kind: 'barrier', start: c.pragma.node.startIndex, end: c.pragma.node.endIndex });
      visitChildren(c);
    }
  };
  visitChildren(region);

  const inPrivateScope = (name: string, at: number): PrivateScope | undefined =>
    privateScopes.find((s) => s.names.has(name) && at >= s.start && at < s.end);

  // --- uses of outside variables -----------------------------------------------------------------
  interface UseInfo {
    decl: CDecl;
    kinds: Set<UseKind>;
    at: number[];
    firstAt: number;
  }
  const uses = new Map<number, UseInfo>();
  const calls = new Set<string>();
  const regionStart = region.pragma.node.startIndex;
  for (const id of identifierUses(stmt)) {
    const p = id.parent;
    if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id) {
      const decl = scope.resolve(id);
      if (!decl) {
        calls.add(id.text);
        continue;
      }
    }
    const decl = scope.resolve(id);
    if (!decl) continue;
    if (decl.at === id.startIndex) continue; // the declaration itself
    if (decl.at >= stmt.startIndex && decl.at < stmt.endIndex) continue; // declared inside: private by rule
    if (inPrivateScope(decl.name, id.startIndex)) continue;
    let u = uses.get(decl.at);
    if (!u) uses.set(decl.at, (u = { decl, kinds: new Set(), at: [], firstAt: id.startIndex }));
    u.kinds.add(classifyUse(id));
    u.at.push(id.startIndex);
  }
  // Names in clause expressions of nested directives (chunk sizes) are read inside the kernel.
  for (const l of loops) {
    for (const text of [l.schedule.chunk]) {
      if (!text) continue;
      for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
        const decl = scope.resolveName(m[0], stmt, l.start);
        if (decl && !(decl.at >= stmt.startIndex && decl.at < stmt.endIndex) && !uses.has(decl.at)) uses.set(decl.at, { decl, kinds: new Set(['read']), at: [], firstAt: l.start });
      }
    }
  }

  // --- sharing ---------------------------------------------------------------------------------
  const explicit = new Map<string, { sharing: Sharing; op?: string }>();
  for (const k of DATA_CLAUSES) {
    if (k === 'reduction') continue;
    for (const it of listItems(d, k)) {
      const sharing: Sharing = k === 'shared' ? 'shared' : k === 'firstprivate' ? 'firstprivate' : 'private';
      explicit.set(it.name, { sharing });
    }
  }
  for (const ri of reductionItems(d)) explicit.set(ri.item.name, { sharing: 'reduction', op: ri.op });
  for (const [name] of explicit) {
    const decl = scope.resolveName(name, stmt, regionStart);
    if (!decl) {
      const it = d.clauses.flatMap((c) => c.items ?? []).find((i) => i.name === name)!;
      bag.report(file, it.span, amsg.notAVariable(name));
    } else if (!uses.has(decl.at)) uses.set(decl.at, { decl, kinds: new Set(), at: [], firstAt: regionStart });
  }
  // Variables a nested loop reduces into or copies in from are used by the kernel even when every
  // mention is inside that loop.
  for (const l of loops) {
    if (l.combined) continue;
    const names = [...reductionItems(l.directive).map((r) => r.item.name), ...listItems(l.directive, 'firstprivate').map((i) => i.name)];
    for (const name of names) {
      const decl = scope.resolveName(name, stmt, l.start);
      if (decl && !(decl.at >= stmt.startIndex && decl.at < stmt.endIndex) && !uses.has(decl.at)) uses.set(decl.at, { decl, kinds: new Set(['read']), at: [], firstAt: l.start });
    }
  }
  const defaultKind = d.clauses.find((c) => c.kind === 'default')?.value?.word.toLowerCase();
  // Reductions on nested loops write the shared original through a pointer.
  const nestedReduction = new Set<string>();
  for (const l of loops) if (!l.combined) for (const ri of reductionItems(l.directive)) nestedReduction.add(ri.item.name);

  const captures: Capture[] = [];
  const sorted = [...uses.values()].sort((a, b) => a.decl.at - b.decl.at);
  for (const u of sorted) {
    const decl = u.decl;
    const ex = explicit.get(decl.name);
    let sharing: Sharing;
    let op: string | undefined;
    const combinedIndex = combined && loops[0]?.combined && loops[0].loop.var === decl.name;
    if (ex) {
      sharing = ex.sharing;
      op = ex.op;
    } else if (combinedIndex) sharing = 'private';
    else if (decl.storage === 'static-local' || decl.storage === 'global' || decl.storage === 'static-global' || decl.storage === 'extern') {
      if (defaultKind === 'none') bag.report(file, { start: u.firstAt, end: u.firstAt + decl.name.length }, amsg.defaultNone(decl.name, d.kind));
      sharing = 'shared';
    } else if (defaultKind === 'none') {
      bag.report(file, { start: u.firstAt, end: u.firstAt + decl.name.length }, amsg.defaultNone(decl.name, d.kind));
      sharing = 'shared';
    } else if (defaultKind === 'firstprivate' || defaultKind === 'private') sharing = defaultKind;
    else sharing = 'shared';

    const isArray = decl.shape === 'array' && decl.storage !== 'param';
    const vm = decl.dimNames.some((n) => !!scope.resolveName(n.name, stmt, n.at));
    let passing: Passing = 'none';
    if (sharing === 'shared') {
      const written = u.kinds.has('write') || u.kinds.has('address') || nestedReduction.has(decl.name);
      passing = isArray ? 'decay' : written ? 'ref' : 'value';
    } else if (sharing === 'firstprivate') passing = isArray ? 'decay' : 'value';
    if (sharing === 'reduction' && (isArray || decl.shape === 'pointer')) bag.report(file, { start: u.firstAt, end: u.firstAt + decl.name.length }, amsg.reductionType(decl.name, op ?? '+'));
    captures.push({ decl, sharing, passing, reductionOp: op, derefAt: passing === 'ref' ? u.at : [], variablyModified: vm });
  }
  // A sequential inner loop whose index is shared races in the original program too; say so.
  for (const c of captures) if (c.passing === 'ref') warnSequentialIndex(file, stmt, c.decl, bag);

  // Nested-loop privates resolved against the captures.
  const withPrivates = loops.map((l) => {
    const privates: LoopPrivate[] = [];
    if (!l.combined) {
      const seen = new Set<string>();
      const add = (name: string, kind: LoopPrivate['kind'], opx?: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        const decl = scope.resolveName(name, stmt, l.start);
        if (!decl) return;
        if (decl.at >= stmt.startIndex && decl.at < l.start && kind === 'reduction') {
          bag.report(file, { start: l.start, end: l.start + 1 }, amsg.reductionNotShared(name));
          return;
        }
        privates.push({ decl, kind, op: opx });
      };
      const lv = scope.resolveName(l.loop.var, stmt, l.loop.node.startIndex);
      if (!l.loop.declaredType && lv) add(l.loop.var, 'private');
      for (const it of listItems(l.directive, 'private')) add(it.name, 'private');
      for (const it of listItems(l.directive, 'firstprivate')) add(it.name, 'firstprivate');
      for (const ri of reductionItems(l.directive)) add(ri.item.name, 'reduction', ri.op);
    } else if (!l.loop.declaredType) {
      const lv = scope.resolveName(l.loop.var, stmt, l.loop.node.startIndex);
      if (lv && !captures.some((c) => c.decl.at === lv.at)) privates.push({ decl: lv, kind: 'private' });
    }
    return { ...l, privates };
  });

  // --- called functions ------------------------------------------------------------------------
  const { callees, external, globals, statics } = collectCallees(file, calls, scope, bag, knownLibrary);

  if (bag.errorCount > errorsBefore) return undefined;
  return {
    region,
    fn,
    fnName,
    captures,
    loops: withPrivates,
    standalones,
    callees,
    externalCalls: external,
    numThreads: clauseExpr(d, 'num_threads'),
    ifExpr: clauseExpr(d, 'if'),
    calleeGlobals: globals,
    calleeStatics: statics,
  };
}

function warnSequentialIndex(file: SourceFile, stmt: SyntaxNode, decl: CDecl, bag: DiagnosticBag): void {
  const stack = [stmt];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'for_statement' && n.id !== stmt.id) {
      const r = extractLoop(n);
      if (r.ok && r.loop.var === decl.name && !r.loop.declaredType) {
        const prev = n.previousNamedSibling;
        // The worksharing loop right after a directive is private by rule; only sequential loops race.
        if (!(prev?.type === 'preproc_call' && /omp/.test(prev.text))) {
          bag.report(file, { start: n.startIndex, end: n.startIndex + 3 }, amsg.sharedLoopIndex(decl.name));
          return;
        }
      }
    }
    stack.push(...n.namedChildren);
  }
}

function collectCallees(
  file: SourceFile,
  direct: Set<string>,
  scope: ScopeIndex,
  bag: DiagnosticBag,
  knownLibrary: (name: string) => boolean,
): { callees: string[]; external: string[]; globals: CDecl[]; statics: { decl: CDecl; at: number[] }[] } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const globals = new Map<number, CDecl>();
  const statics = new Map<number, { decl: CDecl; at: number[] }>();
  const work = [...direct];
  while (work.length) {
    const name = work.pop()!;
    if (seen.has(name)) continue;
    const f = scope.functions.get(name);
    if (!f) {
      if (!knownLibrary(name)) external.add(name);
      continue;
    }
    seen.add(name);
    const body = f.node.childForFieldName('body');
    if (!body) continue;
    for (const id of identifierUses(body)) {
      const p = id.parent;
      const decl = scope.resolve(id);
      if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id && !decl) {
        work.push(id.text);
        continue;
      }
      if (!decl || decl.at === id.startIndex) continue;
      if (decl.storage === 'static-global') {
        const st = statics.get(decl.at) ?? { decl, at: [] };
        st.at.push(id.startIndex);
        statics.set(decl.at, st);
      } else if (decl.storage === 'global' || decl.storage === 'extern') globals.set(decl.at, decl);
    }
    const pragma = findPragmaIn(body);
    if (pragma) bag.report(file, { start: pragma.startIndex, end: pragma.endIndex }, amsg.orphanedInCallee(name, pragma.text.replace(/^#pragma\s+omp\s+/, '').split(/[\s(]/)[0] ?? ''));
  }
  const order = [...seen].sort((a, b) => scope.functions.get(a)!.node.startIndex - scope.functions.get(b)!.node.startIndex);
  return { callees: order, external: [...external].sort(), globals: [...globals.values()].sort((a, b) => a.at - b.at), statics: [...statics.values()].sort((a, b) => a.decl.at - b.decl.at) };
}

function findPragmaIn(n: SyntaxNode): SyntaxNode | undefined {
  const stack = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'preproc_call' && /^#pragma\s+omp\b/.test(x.text)) return x;
    stack.push(...x.namedChildren);
  }
  return undefined;
}
