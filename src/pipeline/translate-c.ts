// The C pipeline: load → find directives → parse directives → regions → analysis → lower → emit.
// Each outermost region is translated on its own; with --fallback=host a region that cannot be
// lowered stays on the MPE unchanged (its errors become warnings).
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticBag } from '../core/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../translate.js';
import type { SyntaxNode } from '../frontend/c/syntax.js';
import { parseC } from '../frontend/c/syntax.js';
import { findPragmas } from '../frontend/c/find-pragmas.js';
import { parseAndCheckDirective, associationOf } from '../openmp/index.js';
import { attachRegions, type Association, type CRegion } from '../regions/c/attach-regions.js';
import { ScopeIndex } from '../analysis/c/scope.js';
import { analyzeKernel, kernelShapeOf, type KernelAnalysis } from '../analysis/c/analyze-kernel.js';
import { collectCallees } from '../analysis/c/callees.js';
import { isCpeLibraryFunction } from '../analysis/c/cpe-library.js';
import { declareTargets, threadprivateDecls } from '../analysis/c/declarative.js';
import { lowerFile } from '../lower/c/lower-file.js';
import { emitC } from '../emit/c/emit-file.js';
import type { FilePlan } from '../lower/plan.js';
import * as lmsg from '../core/messages/lower.js';

function outermost(r: CRegion): CRegion {
  let x = r;
  while (x.parent) x = x.parent;
  return x;
}

/** The C pipeline up to lowering: the AthreadPlan (pure data, what `--dump=plan` prints) and diagnostics. */
export function planC(file: SourceFile, options: TranslateOptions): { plan: FilePlan | undefined; diagnostics: Diagnostic[]; imports: string[] } {
  const bag = new DiagnosticBag();
  const tree = parseC(file.text);
  const root = tree.rootNode;
  const pragmas = findPragmas(file, root, bag);

  // Parse every directive into its own bag so errors can be charged to the region that holds them.
  type Parsed = { pragma: (typeof pragmas)[number]; directive: NonNullable<ReturnType<typeof parseAndCheckDirective>>; association: Association; bag: DiagnosticBag };
  const parsed: Parsed[] = [];
  for (const p of pragmas) {
    const pb = new DiagnosticBag();
    const d = parseAndCheckDirective(p.site, 'c', pb, { notes: options.notes ?? false });
    if (!d) {
      bag.items.push(...pb.items);
      continue;
    }
    const assoc = associationOf(d.kind, d.clauses.map((c) => c.kind), 'c');
    parsed.push({ pragma: p, directive: d, association: (assoc === 'separating' ? 'none' : assoc ?? 'none') as Association, bag: pb });
  }
  const roots = attachRegions(parsed, bag);
  const regionAt = new Map<number, CRegion>();
  const index = (rs: CRegion[]) => rs.forEach((r) => (regionAt.set(r.pragma.node.startIndex, r), index(r.children)));
  index(roots);
  const byRegion = new Map<CRegion, DiagnosticBag>();
  const bagOf = (r: CRegion) => byRegion.get(r) ?? (byRegion.set(r, new DiagnosticBag()), byRegion.get(r)!);
  for (const p of parsed) {
    const r = regionAt.get(p.pragma.node.startIndex);
    (r ? bagOf(kernelRootOf(r)) : bag).items.push(...p.bag.items);
  }

  const scope = new ScopeIndex(root);
  const threadprivate = threadprivateDecls(roots, scope);
  const tpSet = new Set(threadprivate.map((d) => d.at));
  const alwaysCpe = declareTargets(roots, scope, root);
  const isCpe = (n: string) => isCpeLibraryFunction(n) || options.cpeFunctions.includes(n);
  const orphanRegions = (fn: SyntaxNode) => roots.filter((r) => r.pragma.node.startIndex >= fn.startIndex && r.pragma.node.startIndex < fn.endIndex);

  const kernels: KernelAnalysis[] = [];
  const fallback: CRegion[] = [];
  const kernelRoots = collectKernelRoots(roots);
  for (const r of kernelRoots) {
    const rb = bagOf(r);
    if (!rb.hasErrors()) {
      const k = analyzeKernel(file, r, scope, rb, tpSet, isCpe, orphanRegions, (x) => bagOf(kernelRootOf(x)).hasErrors());
      if (k && !rb.hasErrors()) kernels.push(k);
    }
    if (rb.hasErrors() && options.fallback === 'host') fallback.push(r);
  }
  const extra = alwaysCpe.length ? [collectCallees(file, new Set(alwaysCpe), scope, bag, isCpe, tpSet, orphanRegions)] : [];

  const lowerBag = new DiagnosticBag();
  const plan = lowerFile(file, root, scope, kernels, options.target, lowerBag, threadprivate, extra);

  const diagnostics: Diagnostic[] = [...bag.items];
  const lowered = new Set(kernels.map((k) => k.region));
  for (const [r, rb] of byRegion) {
    // With --fallback=host, whatever is not lowered stays on the MPE as written: a warning, not an error.
    const stays = options.fallback === 'host' && !lowered.has(r);
    diagnostics.push(...rb.items.map((d) => (stays && d.severity === 'error' ? { ...d, severity: 'warning' as const } : d)));
    if (fallback.includes(r)) diagnostics.push({ ...lmsg.fallbackHost(r.directive.kind), file, span: r.pragma.site.span, notes: [] });
  }
  diagnostics.push(...lowerBag.items);
  diagnostics.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  const imports = [...new Set([...kernels.flatMap((k) => k.callees.imports), ...extra.flatMap((e) => e.imports)])].sort();
  const failed = diagnostics.some((d) => d.severity === 'error');
  return { plan: failed ? undefined : plan, diagnostics, imports };
}

export function translateC(file: SourceFile, options: TranslateOptions): TranslateResult {
  const { plan, diagnostics, imports } = planC(file, options);
  if (!plan) return { ok: false, files: [], diagnostics, slaveImports: [], kernels: 0 };
  const files = emitC(plan, file.text, file.path, options.layout);
  return { ok: true, files, diagnostics, slaveImports: imports, kernels: plan.kernels.length };
}

/** Kernels are the outermost parallel-like regions, looking through `target` and `target data`. */
function collectKernelRoots(roots: readonly CRegion[]): CRegion[] {
  const out: CRegion[] = [];
  const visit = (rs: readonly CRegion[]) => {
    for (const r of rs) {
      const shape = kernelShapeOf(r.directive.kind);
      if (shape === 'container') visit(r.children);
      else if (shape && r.stmt) out.push(r);
    }
  };
  visit(roots);
  return out;
}

/** Diagnostics are charged to the kernel that contains the directive (or its outermost region). */
function kernelRootOf(r: CRegion): CRegion {
  let k: CRegion = r;
  for (let x: CRegion | null = r; x; x = x.parent) if (kernelShapeOf(x.directive.kind) && kernelShapeOf(x.directive.kind) !== 'container') k = x;
  return k === r && !kernelShapeOf(r.directive.kind) ? outermost(r) : k;
}
