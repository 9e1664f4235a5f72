// Lowers every analysed kernel of a C file and decides what the CPE half of the file contains.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { KernelAnalysis } from '../../analysis/c/analyze-kernel.js';
import type { ScopeIndex } from '../../analysis/c/scope.js';
import type { Target } from '../../translate.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { FilePlan, KernelPlan } from '../plan.js';
import { NameAllocator } from '../../core/names.js';
import { basename, extname } from 'node:path';
import { lowerKernel } from './lower-kernel.js';
import { buildSlavePrologue } from './slave-prologue.js';

export function lowerFile(file: SourceFile, root: SyntaxNode, scope: ScopeIndex, kernels: readonly KernelAnalysis[], target: Target, bag: DiagnosticBag): FilePlan | undefined {
  const names = new NameAllocator(file.text);
  const fixed = {
    args: names.allocate('o2ath_a'),
    argPtr: names.allocate('o2ath_arg'),
    tid: names.allocate('o2ath_tid'),
    nthr: names.allocate('o2ath_nthr'),
    k: names.allocate('o2ath_k'),
    lo: names.allocate('o2ath_lo'),
    hi: names.allocate('o2ath_hi'),
    n: names.allocate('o2ath_n'),
    c: names.allocate('o2ath_c'),
    t: names.allocate('o2ath_t'),
    chunk: names.allocate('o2ath_chunk'),
    reply: names.allocate('o2ath_reply'),
  };
  const nthrField = names.allocate('o2ath_team');
  const plans: KernelPlan[] = [];
  const perFn = new Map<string, number>();
  for (const k of kernels) {
    const n = (perFn.get(k.fnName) ?? 0) + 1;
    perFn.set(k.fnName, n);
    const p = lowerKernel({ file, bag, names, nthrField }, k, n);
    if (p) plans.push(p);
  }
  const calleeNames = [...new Set(kernels.flatMap((k) => k.callees))];
  const callees = calleeNames
    .map((name) => scope.functions.get(name)!)
    .sort((a, b) => a.node.startIndex - b.node.startIndex)
    .map((f) => ({ name: f.name, start: f.node.startIndex, end: f.node.endIndex }));
  const externs = new Map<number, CDecl>();
  for (const k of kernels) for (const g of k.calleeGlobals) externs.set(g.at, g);
  // Statics reached from copied functions travel through an external alias pointer; the name carries
  // the file's stem so two files' aliases of same-named statics cannot collide at link time.
  const stem = basename(file.path, extname(file.path)).replace(/[^A-Za-z0-9_]/g, '_');
  const staticAliases: FilePlan['staticAliases'][number][] = [];
  const calleeEdits: FilePlan['calleeEdits'][number][] = [];
  const seenStatic = new Set<number>();
  for (const k of kernels)
    for (const st of k.calleeStatics) {
      if (seenStatic.has(st.decl.at)) continue;
      seenStatic.add(st.decl.at);
      const d = st.decl;
      const alias = names.allocate(`o2ath_${stem}_${d.name}`);
      const isArray = d.shape === 'array' && !!d.decayed;
      const ctype = isArray ? `${d.spec} ${d.decayed!.replace('$', 'const $')}` : `${d.spec} ${d.declarator.replace('$', '(*const $)')}`;
      staticAliases.push({ alias, ctype, hostInit: isArray ? d.name : `&${d.name}`, after: d.declEnd });
      for (const at of new Set(kernels.flatMap((x) => x.calleeStatics.filter((s) => s.decl.at === d.at).flatMap((s) => s.at))))
        calleeEdits.push({ start: at, end: at + d.name.length, text: isArray ? alias : `(*${alias})` });
    }
  return {
    target,
    kernels: plans,
    staticAliases,
    calleeEdits,
    prologue: buildSlavePrologue(root, [...externs.values()]),
    callees,
    names: fixed,
  };
}
