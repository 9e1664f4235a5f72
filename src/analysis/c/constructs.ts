// The OpenMP constructs nested in a CPE region (or orphaned in a function the region calls), as data:
// what each one privatises, its loop nest, schedule and body. Shared by kernels and CPE copies of
// called functions; lowering decides how each runs on the team.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { OmpDirective, OmpListItem } from '../../openmp/ast.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CRegion } from '../../regions/c/attach-regions.js';
import type { CDecl } from './declarations.js';
import type { ScopeIndex } from './scope.js';
import { extractLoop, type CanonicalLoop } from './loops.js';
import { clauseExpr, hasClause, listItems, reductionItems, scheduleOf, type Schedule } from '../../openmp/clause-queries.js';
import { positionOf } from '../../source/line-map.js';
import * as amsg from '../../core/messages/analysis.js';

export type ConstructKind = 'for' | 'barrier' | 'single' | 'master' | 'critical' | 'atomic' | 'sections' | 'flush' | 'ordered' | 'nested' | 'drop';

export type PrivateKind = 'private' | 'firstprivate' | 'lastprivate' | 'reduction' | 'linear' | 'copyprivate';

export interface ConstructPrivate {
  readonly decl: CDecl;
  readonly kind: PrivateKind;
  readonly op?: string;
  /** linear step expression. */
  readonly step?: string;
  /** Array-section reductions: `a[lower:length]` (1-D). */
  readonly section?: { readonly lower: string; readonly length: string };
  /** The variable is an array reduced element-wise (whole array or section). */
  readonly arrayReduction?: boolean;
  /** Number of elements of a whole-array reduction (C text of the first dimension). */
  readonly length?: string;
}

export interface NestedConstruct {
  readonly kind: ConstructKind;
  readonly directive: OmpDirective;
  /** The edit range: the directive through the end of its statement (standalone: the directive). */
  readonly start: number;
  readonly end: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly line: number;
  readonly privates: readonly ConstructPrivate[];
  readonly nowait: boolean;
  /** for: the loop nest (collapse depth), schedule, ordered clause. */
  readonly loops?: readonly CanonicalLoop[];
  /** Declarations of loop indices not declared in their loop's init (they become private). */
  readonly indexDecls?: readonly (CDecl | undefined)[];
  readonly schedule?: Schedule;
  readonly ordered?: boolean;
  /** sections: the bodies of the sections, in order. */
  readonly sections?: readonly { readonly start: number; readonly end: number }[];
  /** critical name, masked filter expression. */
  readonly name?: string;
  readonly filter?: string;
  /** True for the combined `parallel for` loop that is the kernel's own body. */
  readonly isKernelLoop?: boolean;
}

const KIND: Record<string, ConstructKind> = {
  for: 'for',
  'for simd': 'for',
  loop: 'for',
  distribute: 'for',
  'distribute parallel for': 'for',
  'distribute parallel for simd': 'for',
  'distribute simd': 'for',
  simd: 'drop',
  barrier: 'barrier',
  single: 'single',
  master: 'master',
  masked: 'master',
  critical: 'critical',
  atomic: 'atomic',
  sections: 'sections',
  flush: 'flush',
  ordered: 'ordered',
  parallel: 'nested',
  'parallel for': 'nested',
  'parallel for simd': 'nested',
  'parallel sections': 'nested',
  section: 'drop',
  scope: 'nested',
};

export function constructKind(directiveKind: string): ConstructKind | undefined {
  return KIND[directiveKind];
}

/** The loop nest of a loop construct, `collapse(n)` deep; inner bounds may not use outer indices. */
/** The declared type of a loop index declared outside its loop ('' when it cannot be resolved). */
function indexType(scope: ScopeIndex, l: CanonicalLoop): string {
  const d = scope.resolveName(l.var, l.node, l.node.startIndex);
  if (!d) return '';
  return d.shape === 'pointer' ? `${d.spec} *` : d.shape === 'scalar' ? d.spec : `${d.spec} []`;
}

/** Integer types only: a pointer index would make the trip count count bytes; floats are not allowed. */
function isIntegerType(t: string): boolean {
  if (/[*[]/.test(t)) return false;
  return !/\b(float|double|_Complex|struct|union)\b/.test(t);
}

function loopNest(file: SourceFile, d: OmpDirective, stmt: SyntaxNode, bag: DiagnosticBag, scope: ScopeIndex): CanonicalLoop[] | undefined {
  const depth = Number(clauseExpr(d, 'collapse') ?? '1');
  const loops: CanonicalLoop[] = [];
  let node: SyntaxNode | null = stmt;
  for (let level = 0; level < depth; level++) {
    if (!node) {
      bag.report(file, { start: stmt.startIndex, end: stmt.startIndex + 3 }, amsg.loopForm(`collapse(${depth}) needs ${depth} perfectly nested loops`));
      return undefined;
    }
    const r = extractLoop(node);
    if (!r.ok) {
      bag.report(file, { start: r.at.startIndex, end: r.at.endIndex }, amsg.loopForm(r.why));
      return undefined;
    }
    const type = r.loop.declaredType ?? indexType(scope, r.loop);
    if (type && !isIntegerType(type)) {
      bag.report(file, { start: r.loop.node.startIndex, end: r.loop.node.startIndex + 3 }, amsg.loopIndexType(r.loop.var, type));
      return undefined;
    }
    for (const outer of loops)
      if ([r.loop.lb, r.loop.ub, r.loop.step].some((t) => new RegExp(`\\b${outer.var}\\b`).test(t))) {
        bag.report(file, { start: r.loop.node.startIndex, end: r.loop.node.startIndex + 3 }, amsg.nonRectangular(r.loop.var, outer.var));
        return undefined;
      }
    loops.push(r.loop);
    if (level + 1 < depth) {
      let b: SyntaxNode | null = r.loop.body;
      // `{ for (...) ... }` with nothing else in the braces is still perfectly nested.
      while (b && b.type === 'compound_statement') {
        const inner: SyntaxNode[] = b.namedChildren.filter((c) => c.type !== "comment");
        b = inner.length === 1 ? inner[0]! : null;
      }
      node = b && b.type === 'for_statement' ? b : null;
    }
  }
  return loops;
}

function privatesOf(file: SourceFile, d: OmpDirective, scope: ScopeIndex, at: SyntaxNode, offset: number, bag: DiagnosticBag): ConstructPrivate[] {
  const out: ConstructPrivate[] = [];
  const seen = new Set<string>();
  const resolve = (it: OmpListItem): CDecl | undefined => {
    const decl = scope.resolveName(it.name, at, offset);
    if (!decl) bag.report(file, it.span, amsg.notAVariable(it.name));
    return decl;
  };
  const add = (it: OmpListItem, kind: PrivateKind, extra: Partial<ConstructPrivate> = {}) => {
    if (seen.has(`${kind}:${it.name}`)) return;
    seen.add(`${kind}:${it.name}`);
    const decl = resolve(it);
    if (decl) out.push({ decl, kind, ...extra });
  };
  for (const it of listItems(d, 'private')) add(it, 'private');
  for (const it of listItems(d, 'firstprivate')) add(it, 'firstprivate');
  for (const it of listItems(d, 'lastprivate')) add(it, 'lastprivate');
  for (const it of listItems(d, 'copyprivate')) add(it, 'copyprivate');
  for (const c of d.clauses.filter((x) => x.kind === 'linear')) for (const it of c.items ?? []) add(it, 'linear', { step: c.args?.[0]?.text ?? '1' });
  for (const ri of reductionItems(d)) {
    const it = ri.item;
    const decl = resolve(it);
    if (!decl) continue;
    const dim = it.sections[0];
    if (it.sections.length > 1 || (dim && dim.single)) {
      bag.report(file, it.span, amsg.arrayReductionShape(it.text));
      continue;
    }
    if (dim) out.push({ decl, kind: 'reduction', op: ri.op, arrayReduction: true, section: { lower: dim.lower?.text ?? '0', length: dim.length?.text ?? '' } });
    else if (decl.shape === 'array' && decl.storage !== 'param') out.push({ decl, kind: 'reduction', op: ri.op, arrayReduction: true, length: firstDim(decl) });
    else out.push({ decl, kind: 'reduction', op: ri.op });
  }
  return out;
}

/** The first dimension of an array declarator template: '$[N][M]' -> 'N'. */
function firstDim(d: CDecl): string {
  const m = /\$\s*\[([^\]]*)\]/.exec(d.declarator);
  return m?.[1]?.trim() ?? '';
}

export function lineOf(file: SourceFile, offset: number): number {
  return positionOf(file.lines, offset).line;
}

/** Analyse one directive found inside CPE code. `stmt` is its associated statement (null when standalone). */
export function analyzeConstruct(file: SourceFile, region: CRegion, scope: ScopeIndex, bag: DiagnosticBag, isKernelLoop = false): NestedConstruct | undefined {
  const d = region.directive;
  const kind = isKernelLoop ? 'for' : constructKind(d.kind);
  if (!kind) return undefined;
  const start = region.pragma.node.startIndex;
  const stmt = region.stmt;
  const end = stmt ? stmt.endIndex : region.pragma.node.endIndex;
  const base = {
    kind,
    directive: d,
    start,
    end,
    bodyStart: stmt?.startIndex ?? end,
    bodyEnd: end,
    line: lineOf(file, start),
    privates: privatesOf(file, d, scope, stmt ?? region.pragma.node, start, bag),
    nowait: hasClause(d, 'nowait'),
    isKernelLoop,
  };
  if (kind === 'for' || (kind === 'nested' && d.kind.includes('for'))) {
    const loops = loopNest(file, d, stmt!, bag, scope);
    if (!loops) return undefined;
    const indexDecls = loops.map((l) => (l.declaredType ? undefined : scope.resolveName(l.var, l.node, l.node.startIndex)));
    // A loop construct's body is the innermost loop's body; a nested parallel loop keeps its whole loop.
    const inner = loops[loops.length - 1]!.body;
    const body = kind === 'for' ? { bodyStart: inner.startIndex, bodyEnd: inner.endIndex } : {};
    return { ...base, ...body, loops, indexDecls, schedule: scheduleOf(d), ordered: hasClause(d, 'ordered') };
  }
  if (kind === 'critical') return { ...base, name: d.argument?.text.trim() };
  if (kind === 'master') return { ...base, filter: d.kind === 'masked' ? clauseExpr(d, 'filter') ?? '0' : '0' };
  if (kind === 'sections' || (kind === 'nested' && d.kind === 'parallel sections')) return { ...base, sections: sectionBodies(region) };
  return base;
}

/** The bodies of `#pragma omp sections { [#pragma omp section] stmt ... }`, in order. */
function sectionBodies(region: CRegion): { start: number; end: number }[] {
  const block = region.stmt!;
  const out: { start: number; end: number }[] = [];
  const kids = block.type === 'compound_statement' ? block.namedChildren.filter((c) => c.type !== 'comment') : [block];
  let current: SyntaxNode[] = [];
  const flush = () => {
    if (current.length) out.push({ start: current[0]!.startIndex, end: current[current.length - 1]!.endIndex });
    current = [];
  };
  for (const k of kids) {
    if (k.type === 'preproc_call' && /^#pragma\s+omp\s+section\b/.test(k.text)) flush();
    else current.push(k);
  }
  flush();
  return out;
}
