// The functions CPE code calls, found from the call graph: defined in this file (copied to the CPE
// side, with the globals and statics they use and the orphaned directives they hold), declared as CPE
// functions (`declare target`, --cpe-functions), or library functions the CPE has.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CRegion } from '../../regions/c/attach-regions.js';
import type { CDecl } from './declarations.js';
import type { ScopeIndex } from './scope.js';
import { identifierUses } from './occurrences.js';
import { analyzeConstruct, constructKind, type NestedConstruct } from './constructs.js';
import * as amsg from '../../core/messages/analysis.js';

export interface CalleeInfo {
  /** User functions defined in this file that CPE code calls (transitively), in file order. */
  readonly names: readonly string[];
  /** Called CPE functions defined elsewhere (declare target / --cpe-functions): renamed slave_* at link. */
  readonly imports: readonly string[];
  /** Globals the copied functions use by name: declared extern on the CPE side. */
  readonly globals: readonly CDecl[];
  /** File-scope statics the copied functions use, with the offsets of those uses. */
  readonly statics: readonly { readonly decl: CDecl; readonly at: readonly number[] }[];
  /** Orphaned directives in the copied functions, lowered in the CPE copy (the MPE copy keeps them). */
  readonly orphans: readonly NestedConstruct[];
}

export function collectCallees(
  file: SourceFile,
  direct: ReadonlySet<string>,
  scope: ScopeIndex,
  bag: DiagnosticBag,
  isCpeFunction: (name: string) => boolean,
  threadprivate: ReadonlySet<number>,
  orphanRegions: (fn: SyntaxNode) => CRegion[],
  regionFailed: (r: CRegion) => boolean = () => false,
): CalleeInfo {
  const seen = new Set<string>();
  const imports = new Set<string>();
  const globals = new Map<number, CDecl>();
  const statics = new Map<number, { decl: CDecl; at: number[] }>();
  const orphans: NestedConstruct[] = [];
  const work = [...direct];
  while (work.length) {
    const name = work.pop()!;
    if (seen.has(name)) continue;
    const f = scope.functions.get(name);
    if (!f) {
      if (scope.cpeDeclared.has(name)) imports.add(name);
      else if (!isCpeFunction(name)) reportExternal(file, bag, name);
      seen.add(name);
      continue;
    }
    seen.add(name);
    const body = f.node.childForFieldName('body');
    if (!body) continue;
    for (const id of identifierUses(body)) {
      const p = id.parent;
      const decl = scope.resolve(id);
      if (!decl) {
        if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id) work.push(id.text);
        // A function used as a value (a qsort comparator) is reached from CPE code too.
        else if (scope.functions.has(id.text)) work.push(id.text);
        continue;
      }
      if (p?.type === 'call_expression' && p.childForFieldName('function')?.id === id.id) {
        bag.report(file, { start: id.startIndex, end: id.endIndex }, amsg.functionPointerCall());
        continue;
      }
      if (decl.at === id.startIndex || threadprivate.has(decl.at)) continue;
      // `static const` objects are copied into the CPE half whole (slave-prologue.ts): no alias needed.
      if (decl.storage === 'static-global' && decl.isConst && /\bstatic\b/.test(file.text.slice(decl.declStart, decl.at))) continue;
      if (decl.storage === 'static-global') {
        const st = statics.get(decl.at) ?? { decl, at: [] };
        st.at.push(id.startIndex);
        statics.set(decl.at, st);
      } else if (decl.storage === 'global' || decl.storage === 'extern') globals.set(decl.at, decl);
    }
    const visit = (rs: CRegion[]) => {
      for (const r of rs) {
        if (!constructKind(r.directive.kind) || regionFailed(r)) bag.report(file, r.pragma.site.span, amsg.orphanInCallee(name, r.directive.kind));
        else if (r.directive.kind !== 'section') {
          const k = analyzeConstruct(file, r, scope, bag);
          if (k) orphans.push(k);
        }
        visit(r.children);
      }
    };
    visit(orphanRegions(f.node));
  }
  // A static named in an orphaned construct's private clause is the private copy there, not the static.
  const scopes = orphans.map((c) => ({ names: new Set([...c.privates.filter((p) => p.kind !== 'copyprivate').map((p) => p.decl.name), ...(c.loops ?? []).map((l) => l.var)]), start: c.start, end: c.end }));
  for (const st of statics.values()) st.at = st.at.filter((at) => !scopes.some((sc) => sc.names.has(st.decl.name) && at >= sc.start && at < sc.end));
  const defined = [...seen].filter((n) => scope.functions.has(n));
  const order = defined.sort((a, b) => scope.functions.get(a)!.node.startIndex - scope.functions.get(b)!.node.startIndex);
  return {
    names: order,
    imports: [...imports].sort(),
    globals: [...globals.values()].sort((a, b) => a.at - b.at),
    statics: [...statics.values()].sort((a, b) => a.decl.at - b.decl.at),
    orphans: orphans.sort((a, b) => a.start - b.start),
  };
}

const reported = new WeakMap<DiagnosticBag, Set<string>>();

function reportExternal(file: SourceFile, bag: DiagnosticBag, name: string): void {
  const s = reported.get(bag) ?? new Set<string>();
  reported.set(bag, s);
  if (s.has(name)) return;
  s.add(name);
  bag.report(file, undefined, amsg.externalCall(name));
}
