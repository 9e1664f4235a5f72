// Declarative directives that change what the CPE side holds: threadprivate variables (one copy per
// CPE) and declare target functions (always compiled for the CPE, or known to exist there).
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CRegion } from '../../regions/c/attach-regions.js';
import type { CDecl } from './declarations.js';
import type { ScopeIndex } from './scope.js';
import { listItems } from '../../openmp/clause-queries.js';

export function threadprivateDecls(roots: readonly CRegion[], scope: ScopeIndex): CDecl[] {
  const out: CDecl[] = [];
  for (const r of roots) {
    if (r.directive.kind !== 'threadprivate') continue;
    for (const it of r.directive.argument?.items ?? []) {
      const d = scope.resolveName(it.name, r.pragma.node, r.pragma.node.startIndex);
      if (d && !out.some((x) => x.at === d.at)) out.push(d);
    }
  }
  return out;
}

/**
 * Functions defined between `declare target` and `end declare target` (or named in
 * `declare target(f)` / `to(f)` / `enter(f)`) are always compiled for the CPE; the names of those only
 * declared here are recorded as CPE functions defined elsewhere.
 */
export function declareTargets(roots: readonly CRegion[], scope: ScopeIndex, root: SyntaxNode): string[] {
  const always: string[] = [];
  let open: number | undefined;
  const mark = (name: string) => {
    if (scope.functions.has(name)) always.push(name);
    scope.cpeDeclared.add(name);
  };
  for (const r of roots) {
    const k = r.directive.kind;
    const named = [...(r.directive.argument?.items ?? []), ...listItems(r.directive, 'to'), ...listItems(r.directive, 'enter')].map((i) => i.name);
    if ((k === 'declare target' || k === 'begin declare target') && !named.length) open = r.pragma.node.endIndex;
    else if (k === 'declare target') named.forEach(mark);
    else if (k === 'end declare target' && open !== undefined) {
      const close = r.pragma.node.startIndex;
      for (const c of root.namedChildren) {
        if (c.startIndex < open || c.endIndex > close) continue;
        if (c.type === 'function_definition') {
          const f = [...scope.functions.values()].find((x) => x.node.startIndex === c.startIndex);
          if (f) mark(f.name);
        } else if (c.type === 'declaration') {
          const m = /(\w+)\s*\(/.exec(c.childForFieldName('declarator')?.text ?? '');
          if (m) scope.cpeDeclared.add(m[1]!);
        }
      }
      open = undefined;
    }
  }
  return [...new Set(always)];
}
