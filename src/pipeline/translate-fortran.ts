// The Fortran pipeline: front end → directives → regions → kernel analysis → lowering → hybrid file.
// Each outermost `parallel` / `parallel do` becomes a kernel; with --fallback=host a region that
// cannot be lowered stays on the MPE unchanged (its errors become warnings).
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { DiagnosticBag } from '../core/diagnostic.js';
import type { SourceFile } from '../source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../translate.js';
import { parseFortran, resolveName, type FortranTree, type ProgramUnit } from '../frontend/fortran/index.js';
import { parseAndCheckDirective } from '../openmp/index.js';
import { buildRegions, lineEndOf, lineStartOf, type FRegion, type ParsedSite } from '../analysis/fortran/regions.js';
import { analyzeKernel, type FKernelAnalysis } from '../analysis/fortran/analyze-kernel.js';
import { lowerKernel } from '../lower/fortran/lower-kernel.js';
import { lowerCallees } from '../lower/fortran/lower-callees.js';
import { ATHREAD_API } from '../lower/athread-api.js';
import { threadprivateBlocks, tpHostRoutine } from '../lower/fortran/threadprivate.js';
import { isInModule, threadprivateModuleVars, tpVarHostRoutine } from '../lower/fortran/threadprivate-module.js';
import type { FFilePlan, FKernelPlan } from '../lower/fortran/plan.js';
import { activateConditionalLines } from '../lower/fortran/conditional-lines.js';
import { emitFortran, emitFortranHalves } from '../emit/fortran/emit-file.js';
import * as fmsg from '../core/messages/fortran-lower.js';

const KERNEL_KINDS = new Set(['parallel', 'parallel do', 'parallel sections', 'parallel workshare']);
/** Directives a host procedure may hold outside any kernel: they bind to a team of one there. */
const HOST_OK = new Set(['threadprivate', 'do', 'sections', 'section', 'workshare', 'barrier', 'critical', 'atomic', 'master', 'masked', 'single', 'flush', 'noop', 'declare target', 'end declare target', 'taskwait', 'taskyield']);

function identifier(s: string): string {
  const t = s.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z]/.test(t) ? t : `f${t}`;
}

/** `.f90`→`.F90`, `.f`→`.F`: the hybrid file must go through cpp. */
export function outputName(path: string): string {
  const ext = extname(path);
  return basename(path, ext) + ext.toUpperCase();
}

export function translateFortran(file: SourceFile, options: TranslateOptions): TranslateResult {
  const bag = new DiagnosticBag();
  const tree = parseFortran(file, bag);
  // The plan is computed on the file's text; the output is cut from the same text with `!$ ` lines enabled.
  const text = file.text;
  const parsed: ParsedSite[] = [];
  for (const site of tree.directiveSites) {
    const d = parseAndCheckDirective(site, 'fortran', bag, { support: false, notes: false });
    if (d) parsed.push({ site, directive: d });
  }
  const roots = buildRegions(tree, text, parsed, bag);
  // Generated names all start with o2ath_: the user's code must not use that prefix.
  for (const u of tree.units) {
    for (const e of u.scope.entities) if (e.name.startsWith('o2ath_') && e.span) bag.report(file, e.span, fmsg.reservedName(e.name));
    if (u.name?.startsWith('o2ath_')) bag.report(file, tree.statements[u.first]!.span, fmsg.reservedName(u.name));
  }

  const stem = identifier(basename(file.path, extname(file.path))).slice(0, 40);
  const binding = `o2ath_cpe_${stem}`;
  const kernels: FKernelPlan[] = [];
  const analyses: FKernelAnalysis[] = [];
  const regionDiags: Diagnostic[] = [];
  const orphanRoots: FRegion[] = [];
  const perUnit = new Map<string, number>();
  // Kernels are the outermost parallel-like regions, looking through `target` / `target data`.
  const candidates: FRegion[] = [];
  const visit = (rs: readonly FRegion[]) => {
    for (const r of rs) {
      if (r.kind === 'container') visit(r.children);
      else candidates.push(r);
    }
  };
  visit(roots);
  const tpBlocks = threadprivateBlocks(candidates, bag, (r) => isInModule(tree, r));
  const tpVars = threadprivateModuleVars(tree, candidates, bag);
  for (const r of candidates) {
    if (!KERNEL_KINDS.has(r.kind)) {
      if (!HOST_OK.has(r.kind)) bag.report(file, r.site.span, fmsg.directive(r.kind, 'outside a parallel region'));
      orphanRoots.push(r);
      continue;
    }
    const rb = new DiagnosticBag();
    const k = analyzeKernel(tree, r, rb);
    let plan: FKernelPlan | undefined;
    if (k && !rb.hasErrors()) {
      const n = (perUnit.get(k.unitName) ?? 0) + 1;
      perUnit.set(k.unitName, n);
      plan = lowerKernel(tree, text, k, `o2ath_${identifier(k.unitName).slice(0, 40)}_${n}`, rb, tpBlocks, ATHREAD_API[options.target].ldmBytes, tpVars);
    }
    if (rb.hasErrors() && options.fallback === 'host') {
      regionDiags.push(...rb.items.map((d) => (d.severity === 'error' ? { ...d, severity: 'warning' as const } : d)));
      regionDiags.push({ ...fmsg.fallbackHost(r.kind), file, span: r.site.span, notes: [] });
      continue;
    }
    regionDiags.push(...rb.items);
    if (k && plan && !rb.hasErrors()) {
      kernels.push(plan);
      analyses.push(k);
    }
  }
  const calls = [...new Set([...analyses.flatMap((a) => a.calls), ...options.cpeFunctions.map((n) => n.toLowerCase())])];
  const slaveImports = cpeImports(tree, analyses, options.cpeFunctions);
  const { modules, callees } = lowerCallees(tree, text, calls, orphanRoots, binding, bag, tpBlocks, tpVars);

  const diagnostics = [...bag.items, ...regionDiags].sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, files: [], diagnostics, slaveImports: [], kernels: 0 };
  // Macro definitions and conditionals (not #include: that would paste code outside any unit).
  const preprocessor = tree.statements
    .filter((s) => s.kind === 'preprocessor' && /^\s*#\s*(define|undef|if|ifdef|ifndef|elif|else|endif)\b/.test(s.text))
    .map((s) => ({ start: lineStartOf(text, s.span.start), end: lineEndOf(text, s.span.end) }));
  const tpRoutines = [...tpBlocks.map((b) => tpHostRoutine(tree, b)).filter((x) => x !== undefined), ...tpVars.map(tpVarHostRoutine)];
  const plan: FFilePlan = { form: tree.form, bindingModule: binding, kernels, modules, callees, preprocessor, tpRoutines };
  const active = activateConditionalLines(tree, text);
  const name = outputName(file.path);
  if (options.layout === 'split') {
    const { slave, host } = emitFortranHalves(plan, active);
    const ext = extname(name);
    const base = name.slice(0, name.length - ext.length);
    return {
      ok: true,
      files: [{ name: `${base}.host${ext}`, text: host, role: 'host' }, { name: `${base}.slave${ext}`, text: slave, role: 'slave' }],
      diagnostics, slaveImports, kernels: kernels.length,
    };
  }
  return { ok: true, files: [{ name, text: emitFortran(plan, active), role: 'hybrid' }], diagnostics, slaveImports, kernels: kernels.length };
}

/**
 * Procedures of other files that kernels call and that --cpe-functions names: their gfortran symbols
 * (`name_`, or `__module_MOD_name` through USE), which the driver binds to those files' CPE copies.
 */
function cpeImports(tree: FortranTree, analyses: readonly FKernelAnalysis[], cpeFunctions: readonly string[]): string[] {
  const wanted = new Set(cpeFunctions.map((n) => n.toLowerCase()));
  const out = new Set<string>();
  for (const a of analyses) {
    for (const c of a.calls) {
      if (!wanted.has(c) || tree.units.some((u) => u.name === c && (u.kind === 'subroutine' || u.kind === 'function'))) continue;
      const r = resolveName(tree, a.unit, c);
      if (r?.via === 'use' && r.module) {
        out.add(`__${r.module}_MOD_${r.remote ?? c}`);
        continue;
      }
      // Not resolvable here: an external procedure, or a procedure of a module in another file. Each
      // candidate symbol is listed; renaming one the object does not reference changes nothing.
      out.add(`${c}_`);
      for (const m of modulesUsedFrom(tree, a.unit)) out.add(`__${m}_MOD_${c}`);
    }
  }
  return [...out].sort();
}

/** Modules USEd by a unit or its hosts that this file does not define. */
function modulesUsedFrom(tree: FortranTree, unit: number): string[] {
  const out: string[] = [];
  for (let u: ProgramUnit | undefined = tree.units[unit]; u; u = u.parent !== undefined ? tree.units[u.parent] : undefined) {
    for (const use of u.scope.uses) if (!tree.units.some((x) => x.kind === 'module' && x.name === use.module)) out.push(use.module);
  }
  return out;
}
