// Pairs each C directive with its structured block (the statement after the pragma, looking out of
// an enclosing `#ifdef _OPENMP ... #endif`) and nests directives by containment.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { OmpDirective } from '../../openmp/ast.js';
import type { CPragma } from '../../frontend/c/find-pragmas.js';
import { nextStatement, type SyntaxNode } from '../../frontend/c/syntax.js';
import * as cmsg from '../../core/messages/c.js';

export type Association = 'block' | 'loop' | 'none' | 'declarative';

export interface CRegion {
  readonly index: number;
  readonly pragma: CPragma;
  readonly directive: OmpDirective;
  /** The associated statement; null for standalone and declarative directives. */
  readonly stmt: SyntaxNode | null;
  /**
   * Where the structured block starts: the statement, or a directive that heads it
   * (`#pragma omp parallel` directly followed by `#pragma omp single` and its statement).
   */
  readonly blockStart: number;
  readonly children: CRegion[];
  parent: CRegion | null;
}

const PREPROC_BLOCKS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef']);
const STATEMENT_HOMES = new Set(['compound_statement', 'translation_unit', 'case_statement', 'labeled_statement', ...PREPROC_BLOCKS]);

/** The statement a directive applies to, stepping out of #if groups that end right after it. */
export function statementAfter(node: SyntaxNode): SyntaxNode | null {
  let n: SyntaxNode = node;
  for (;;) {
    const s = nextStatement(n);
    if (s && s.type !== 'preproc_else' && s.type !== 'preproc_elif' && s.type !== 'preproc_elifdef') {
      // A later directive or preprocessor line is not a structured block.
      if (s.type === 'preproc_call' && /^#\s*pragma\s+omp\b/.test(s.text)) return statementAfter(s);
      if (s.type === 'preproc_call' || s.type === 'preproc_def' || s.type === 'preproc_include') return null;
      return s;
    }
    const p = n.parent;
    if (!p) return null;
    if (PREPROC_BLOCKS.has(p.type)) {
      // Out of `#ifdef X ... #else ... #endif`: continue after the whole group.
      let g: SyntaxNode = p;
      while ((g.type === 'preproc_else' || g.type === 'preproc_elif' || g.type === 'preproc_elifdef') && g.parent) g = g.parent;
      n = g;
      continue;
    }
    return null;
  }
}

export function attachRegions(
  pragmas: readonly { pragma: CPragma; directive: OmpDirective; association: Association }[],
  bag: DiagnosticBag,
): CRegion[] {
  const all: CRegion[] = [];
  for (const { pragma, directive, association } of pragmas) {
    let stmt: SyntaxNode | null = null;
    const file = pragma.site.file;
    if (association === 'block' || association === 'loop') {
      const home = pragma.node.parent;
      if (home && !STATEMENT_HOMES.has(home.type)) {
        bag.report(file, pragma.site.span, cmsg.pragmaInBody());
        continue;
      }
      stmt = statementAfter(pragma.node);
      if (!stmt || stmt.hasError || stmt.type === 'ERROR') {
        bag.report(file, pragma.site.span, cmsg.noStatement(directive.kind));
        continue;
      }
      if (association === 'loop' && stmt.type !== 'for_statement') {
        bag.report(file, { start: stmt.startIndex, end: stmt.endIndex }, cmsg.notALoop(directive.kind));
        continue;
      }
    }
    const next = nextStatement(pragma.node);
    const blockStart = stmt && next?.type === 'preproc_call' && next.startIndex < stmt.startIndex ? next.startIndex : stmt?.startIndex ?? pragma.node.endIndex;
    all.push({ index: all.length, pragma, directive, stmt, blockStart, children: [], parent: null });
  }
  // Nest by containment: a directive belongs to the innermost earlier region whose block holds it.
  const stack: CRegion[] = [];
  const roots: CRegion[] = [];
  for (const r of all) {
    const at = r.pragma.node.startIndex;
    const holds = (x: CRegion) => !!x.stmt && at >= x.blockStart && at < x.stmt.endIndex;
    while (stack.length && !holds(stack[stack.length - 1]!)) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    r.parent = parent;
    (parent ? parent.children : roots).push(r);
    if (r.stmt) stack.push(r);
  }
  return roots;
}
