// Procedures the CPEs call: every module of the file (so kernels can USE it on the CPE side) and
// every external procedure reached from a kernel, copied as written; procedures reached from a
// kernel get their orphaned directives lowered, a USE of the binding module after the header and
// the team set-up before the first executable statement.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { FortranTree, ProgramUnit } from '../../frontend/fortran/index.js';
import { referencedNames } from '../../frontend/fortran/index.js';
import { lineEndOf, lineStartOf, type FRegion } from '../../analysis/fortran/regions.js';
import type { FCalleeCopy, FEdit } from './plan.js';
import { lowerDirectives, type BodyContext } from './lower-directives.js';
import { TEAM_INIT, WORK_DECLS } from './names.js';
import { tpCpeParts } from './threadprivate.js';
import { renameTpVars, tpVarCpeParts, type TpModuleVar } from './threadprivate-module.js';

const SPEC_KINDS = new Set(['use', 'import', 'implicit', 'declaration', 'parameter', 'common', 'equivalence', 'save', 'data', 'dimension', 'external', 'intrinsic',
  'attribute', 'namelist', 'entry', 'sequence', 'type-def', 'end-type', 'interface', 'end-interface', 'procedure', 'format', 'include', 'preprocessor']);

/** Directives of the specification part: they do not start the executable part. */
const DECLARATIVE = new Set(['threadprivate', 'declare target', 'end declare target', 'declare simd', 'declare reduction']);

/** Procedures (lower-case names) reachable from `roots` through calls and function references. */
export function reachable(tree: FortranTree, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (seen.has(n)) continue;
    const u = tree.units.find((x) => (x.kind === 'subroutine' || x.kind === 'function') && x.name === n);
    if (!u) continue;
    seen.add(n);
    for (let i = u.first + 1; i < u.last; i++) {
      const s = tree.statements[i]!;
      if (s.detail.kind === 'call') todo.push(s.detail.name.toLowerCase());
      for (const r of referencedNames(s)) if (r.applied) todo.push(r.name);
    }
  }
  return seen;
}

function regionsIn(roots: readonly FRegion[], u: ProgramUnit, tree: FortranTree): FRegion[] {
  const start = tree.statements[u.first]!.span.start;
  const end = tree.statements[u.last]!.span.end;
  return roots.filter((r) => r.site.span.start > start && r.site.span.start < end);
}

/** Edits turning unit `u` into its CPE copy. */
function calleeEdits(tree: FortranTree, text: string, u: ProgramUnit, roots: readonly FRegion[], binding: string, bag: DiagnosticBag, tpBlocks: readonly string[], tpVars: readonly TpModuleVar[]): FEdit[] {
  const ctx: BodyContext = { tree, text, bag, unit: u.index, prefix: `${u.name ?? 'p'}`, edits: [], decls: [], counter: 0 };
  const mine = regionsIn(roots, u, tree).filter((r) => !tree.units.some((c) => c.parent === u.index && r.site.span.start > tree.statements[c.first]!.span.start && r.site.span.start < tree.statements[c.last]!.span.end));
  lowerDirectives(mine, ctx);
  const header = tree.statements[u.first]!;
  const edits: FEdit[] = [...ctx.edits, { kind: 'insert', at: lineEndOf(text, header.span.end), stmts: [`use ${binding}`] }];
  let firstExec = u.first + 1;
  const end = u.contains ?? u.last;
  while (firstExec < end && SPEC_KINDS.has(tree.statements[firstExec]!.kind)) firstExec++;
  const at = firstExec < end ? lineStartOf(text, tree.statements[firstExec]!.span.start) : lineStartOf(text, tree.statements[end]!.span.start);
  // Directive lines before the first executable statement belong to the executable part.
  const executable = mine.filter((r) => !DECLARATIVE.has(r.kind));
  const firstDir = executable.length > 0 ? Math.min(...executable.map((r) => r.lineStart)) : Infinity;
  // threadprivate blocks: the COMMON statement becomes pointees aimed at this CPE's copy.
  const tpSetup: string[] = [];
  for (let i = u.first + 1; i < end; i++) {
    const s = tree.statements[i]!;
    if (s.detail.kind !== 'common') continue;
    const blocks = s.detail.blocks;
    if (!blocks.some((b) => tpBlocks.includes(b.name))) continue;
    const stmts: string[] = [];
    for (const b of blocks) {
      if (tpBlocks.includes(b.name)) {
        const parts = tpCpeParts(u, b.name, false);
        stmts.push(...parts.decls);
        tpSetup.push(...parts.setup);
      } else stmts.push(`common /${b.name}/ ${b.members.map((m) => m.name).join(', ')}`);
    }
    edits.push({ kind: 'replace', start: lineStartOf(text, s.span.start), end: lineEndOf(text, s.span.end), stmts });
  }
  const tpv = renameTpVars(tree, u.index, u.first + 1, u.last, tpVars);
  edits.push(...tpv.edits);
  const tpvParts = tpVarCpeParts(tpv.used);
  edits.push({ kind: 'insert', at: Math.min(at, firstDir), stmts: [...WORK_DECLS, ...ctx.decls, ...tpvParts.decls, ...TEAM_INIT, ...tpSetup, ...tpvParts.setup] });
  return edits;
}

export function lowerCallees(tree: FortranTree, text: string, calls: readonly string[], roots: readonly FRegion[], binding: string, bag: DiagnosticBag, tpBlocks: readonly string[] = [], tpVars: readonly TpModuleVar[] = []): { modules: FCalleeCopy[]; callees: FCalleeCopy[] } {
  // Also every procedure holding orphaned directives: a kernel in another file may call it.
  const withDirectives = tree.units.filter((u) => u.name && (u.kind === 'subroutine' || u.kind === 'function') && regionsIn(roots, u, tree).length > 0).map((u) => u.name!);
  const need = reachable(tree, [...calls, ...withDirectives]);
  const span = (u: ProgramUnit) => ({ start: lineStartOf(text, tree.statements[u.first]!.span.start), end: lineEndOf(text, tree.statements[u.last]!.span.end) });
  const modules: FCalleeCopy[] = [];
  const callees: FCalleeCopy[] = [];
  for (const u of tree.units) {
    if (u.kind === 'module' && u.parent === undefined) {
      const edits: FEdit[] = [];
      for (const c of tree.units) if (c.parent === u.index && c.name && need.has(c.name)) edits.push(...calleeEdits(tree, text, c, roots, binding, bag, tpBlocks, tpVars));
      modules.push({ name: u.name ?? '', ...span(u), edits });
    } else if ((u.kind === 'subroutine' || u.kind === 'function') && u.parent === undefined && u.name && need.has(u.name)) {
      callees.push({ name: u.name, ...span(u), edits: calleeEdits(tree, text, u, roots, binding, bag, tpBlocks, tpVars) });
    }
  }
  return { modules, callees };
}
