// Lowers every analysed kernel of a C file and decides what the CPE half of the file contains:
// the prologue, the team-shared statics, the copied functions (with their orphaned constructs lowered
// against a runtime-queried team) and the alias pointers to statics those functions use.
import { basename, extname } from 'node:path';
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { KernelAnalysis } from '../../analysis/c/analyze-kernel.js';
import type { CalleeInfo } from '../../analysis/c/callees.js';
import type { ScopeIndex } from '../../analysis/c/scope.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { Target } from '../../translate.js';
import type { ConstructPlan, FilePlan, KernelPlan, SlaveStatic } from '../plan.js';
import { NameAllocator } from '../../core/names.js';
import { constantIn, lowerKernel } from './lower-kernel.js';
import { linkOrdered, lowerConstruct } from './lower-constructs.js';
import { buildSlavePrologue } from './slave-prologue.js';
import { collectMacros } from '../../frontend/c/find-pragmas.js';
import { ATHREAD_API } from '../athread-api.js';

/**
 * The conditional groups a function definition sits in, as the lines that reopen them around its
 * CPE copy: a stub in the `#else` of `#ifdef _OPENMP` must stay as inactive there as in the original.
 */
function preprocGuards(fn: SyntaxNode): { before: string; after: string } {
  const opens: string[] = [];
  let closes = 0;
  for (let p = fn.parent; p; p = p.parent) {
    if (!/^preproc_(if|ifdef|elif|elifdef|else)$/.test(p.type)) continue;
    opens.unshift(p.text.slice(0, p.text.indexOf('\n') + 1 || undefined));
    if (p.type === 'preproc_if' || p.type === 'preproc_ifdef') closes++;
  }
  return { before: opens.join(''), after: '#endif\n'.repeat(closes) };
}

export function lowerFile(
  file: SourceFile,
  root: SyntaxNode,
  scope: ScopeIndex,
  kernels: readonly KernelAnalysis[],
  target: Target,
  bag: DiagnosticBag,
  threadprivate: readonly CDecl[],
  extra: readonly CalleeInfo[] = [],
): FilePlan | undefined {
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
    e: names.allocate('o2ath_e'),
    chunk: names.allocate('o2ath_chunk'),
    reply: names.allocate('o2ath_reply'),
    last: names.allocate('o2ath_last'),
    acc: names.allocate('o2ath_acc'),
  };
  const nthrField = names.allocate('o2ath_team');
  const macros = collectMacros(root);
  const statics: SlaveStatic[] = [];
  const plans: KernelPlan[] = [];
  const perFn = new Map<string, number>();
  for (const k of kernels) {
    const n = (perFn.get(k.fnName) ?? 0) + 1;
    perFn.set(k.fnName, n);
    const p = lowerKernel({ file, bag, names, nthrField, statics, scope, k: fixed.k, macros, ldmBytes: ATHREAD_API[target].ldmBytes }, k, n);
    if (p) plans.push(p);
  }

  const calleeInfos = [...kernels.map((k) => k.callees), ...extra];
  // Statics reached from copied functions travel through an external alias pointer; the name carries
  // the file's stem so two files' aliases of same-named statics cannot collide at link time.
  const stem = basename(file.path, extname(file.path)).replace(/[^A-Za-z0-9_]/g, '_');
  const staticAliases: FilePlan['staticAliases'][number][] = [];
  const calleeEdits: FilePlan['calleeEdits'][number][] = [];
  const aliasOf = new Map<number, { alias: string; isArray: boolean }>();
  for (const info of calleeInfos)
    for (const st of info.statics) {
      const d = st.decl;
      if (!aliasOf.has(d.at)) {
        const alias = names.allocate(`o2ath_${stem}_${d.name}`);
        // A pointer to the whole object, so `sizeof` and `&` keep their meaning in the copied code.
        const isArray = false;
        aliasOf.set(d.at, { alias, isArray });
        const ctype = `${d.spec} ${d.declarator.replace('$', '(*const $)')}`;
        // Inserted after the declaration's line, so the user's line (and its comment) stays as it was.
        const eol = file.text.indexOf('\n', d.declEnd);
        staticAliases.push({ alias, ctype, hostInit: `&${d.name}`, after: eol < 0 ? file.text.length : eol + 1 });
      }
      const { alias, isArray } = aliasOf.get(d.at)!;
      for (const at of st.at) if (!calleeEdits.some((e) => e.start === at)) calleeEdits.push({ start: at, end: at + d.name.length, text: isArray ? alias : `(*${alias})` });
    }

  // Orphaned constructs in copied functions ask the runtime for their team.
  const orphans: ConstructPlan[] = [];
  const seenOrphan = new Set<number>();
  for (const info of calleeInfos)
    for (const c of info.orphans) {
      if (seenOrphan.has(c.start)) continue;
      seenOrphan.add(c.start);
      const fn = scope.enclosingFunction(root.descendantForIndex(c.start));
      const p = lowerConstruct(
        {
          file,
          bag,
          names,
          statics,
          team: 'query',
          outer: (d) => (aliasOf.has(d.at) ? (aliasOf.get(d.at)!.isArray ? aliasOf.get(d.at)!.alias : `(*${aliasOf.get(d.at)!.alias})`) : d.name),
          isConstant: constantIn(scope, fn ?? root),
        },
        c,
        c.directive.kind,
      );
      if (p) orphans.push(p);
    }

  const calleeNames = [...new Set(calleeInfos.flatMap((k) => k.names))];
  const callees = calleeNames
    .map((name) => scope.functions.get(name)!)
    .sort((a, b) => a.node.startIndex - b.node.startIndex)
    .map((f) => ({ name: f.name, start: f.node.startIndex, end: f.node.endIndex, ...preprocGuards(f.node) }));
  const externs = new Map<number, CDecl>();
  for (const info of calleeInfos) for (const g of info.globals) externs.set(g.at, g);
  return {
    target,
    kernels: plans,
    prologue: buildSlavePrologue(root, [...externs.values()], threadprivate),
    slaveStatics: statics,
    callees,
    orphans: linkOrdered(orphans, fixed.k),
    staticAliases,
    calleeEdits,
    names: fixed,
  };
}
