// The C pipeline: load → find directives → parse directives → regions → analysis → lower → emit.
// Each outermost region is translated on its own; with --fallback=host a region that cannot be
// lowered stays on the MPE unchanged (its errors become warnings).
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticBag } from '../core/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../translate.js';
import { parseC } from '../frontend/c/syntax.js';
import { findPragmas } from '../frontend/c/find-pragmas.js';
import { parseAndCheckDirective, getDirectiveSpec } from '../openmp/index.js';
import { attachRegions, type Association, type CRegion } from '../regions/c/attach-regions.js';
import { ScopeIndex } from '../analysis/c/scope.js';
import { analyzeKernel, type KernelAnalysis } from '../analysis/c/analyze-kernel.js';
import { isCpeLibraryFunction } from '../analysis/c/cpe-library.js';
import { lowerFile } from '../lower/c/lower-file.js';
import { emitC } from '../emit/c/emit-file.js';
import * as lmsg from '../core/messages/lower.js';

const KERNEL_DIRECTIVES = new Set(['parallel', 'parallel for']);
const INSIDE_KERNEL = new Set(['for', 'barrier']);

function regionBagFor(all: DiagnosticBag, region: CRegion, byRegion: Map<CRegion, DiagnosticBag>): DiagnosticBag {
  let b = byRegion.get(region);
  if (!b) byRegion.set(region, (b = new DiagnosticBag()));
  void all;
  return b;
}

function outermost(r: CRegion): CRegion {
  let x = r;
  while (x.parent) x = x.parent;
  return x;
}

export function translateC(file: SourceFile, options: TranslateOptions): TranslateResult {
  const bag = new DiagnosticBag();
  const tree = parseC(file.text);
  const root = tree.rootNode;
  const pragmas = findPragmas(file, root, bag);

  // Parse every directive into its own bag so errors can be charged to the region that holds them.
  const parsed: { pragma: (typeof pragmas)[number]; directive: NonNullable<ReturnType<typeof parseAndCheckDirective>>; association: Association; bag: DiagnosticBag }[] = [];
  for (const p of pragmas) {
    const pb = new DiagnosticBag();
    const d = parseAndCheckDirective(p.site, 'c', pb);
    if (!d) {
      bag.items.push(...pb.items);
      continue;
    }
    const spec = getDirectiveSpec(d.kind, 'c');
    const assoc = (spec?.association === 'separating' ? 'none' : spec?.association ?? 'none') as Association;
    parsed.push({ pragma: p, directive: d, association: assoc, bag: pb });
  }
  const roots = attachRegions(parsed, bag);
  const regionOf = new Map<number, CRegion>();
  const index = (rs: CRegion[]) => rs.forEach((r) => (regionOf.set(r.pragma.node.startIndex, r), index(r.children)));
  index(roots);

  const byRegion = new Map<CRegion, DiagnosticBag>();
  for (const p of parsed) {
    const r = regionOf.get(p.pragma.node.startIndex);
    if (!r) {
      bag.items.push(...p.bag.items);
      continue;
    }
    regionBagFor(bag, outermost(r), byRegion).items.push(...p.bag.items);
  }

  const scope = new ScopeIndex(root);
  const kernels: KernelAnalysis[] = [];
  const fallbackRegions: CRegion[] = [];
  for (const r of roots) {
    const rb = regionBagFor(bag, r, byRegion);
    if (!KERNEL_DIRECTIVES.has(r.directive.kind)) {
      // Outside any parallel region, a worksharing directive binds to a team of one: the MPE runs it as written.
      continue;
    }
    checkNesting(r, rb);
    if (!rb.hasErrors()) {
      const k = analyzeKernel(file, r, scope, rb, (n) => isCpeLibraryFunction(n) || options.cpeFunctions.includes(n));
      if (k) kernels.push(k);
    }
    if (rb.hasErrors() && options.fallback === 'host') fallbackRegions.push(r);
  }

  // Lower only the kernels whose regions are clean.
  const clean = kernels.filter((k) => !regionBagFor(bag, k.region, byRegion).hasErrors());
  const lowerBag = new DiagnosticBag();
  const plan = lowerFile(file, root, scope, clean, options.target, lowerBag);

  const diagnostics: Diagnostic[] = [...bag.items];
  for (const r of roots) {
    const rb = byRegion.get(r);
    if (!rb) continue;
    if (fallbackRegions.includes(r)) {
      diagnostics.push(...rb.items.map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' as const } : d)));
      diagnostics.push({ ...lmsg.fallbackHost(r.directive.kind), file, span: r.pragma.site.span, notes: [] });
    } else diagnostics.push(...rb.items);
  }
  diagnostics.push(...lowerBag.items);
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const ok = !diagnostics.some((d) => d.severity === 'error') && !!plan;
  if (!ok || !plan) return { ok: false, files: [], diagnostics, slaveImports: [], kernels: 0 };
  const files = emitC(plan, file.text, file.path, options.layout);
  const imports = [...new Set(clean.flatMap((k) => k.externalCalls.filter((n) => options.cpeFunctions.includes(n))))].sort();
  return { ok: true, files, diagnostics, slaveImports: imports, kernels: plan.kernels.length };
}

/** Inside a kernel only the constructs lowered so far may appear. */
function checkNesting(r: CRegion, bag: DiagnosticBag): void {
  const visit = (x: CRegion) => {
    for (const c of x.children) {
      if (!INSIDE_KERNEL.has(c.directive.kind) || (c.directive.kind === 'for' && x !== r)) {
        if (!bag.items.some((d) => d.span && d.span.start >= c.pragma.site.span.start && d.span.start < c.pragma.site.span.end && d.severity === 'error'))
          bag.report(c.pragma.site.file, c.pragma.site.span, lmsg.nestedDirective(c.directive.kind, r.directive.kind));
      }
      visit(c);
    }
  };
  visit(r);
}
