// What the CPE half of a file must see before its kernels: the file's preprocessor lines, types,
// prototypes and constants, in their original order and #if structure, plus `extern` declarations of
// the globals that copied functions use. Variable definitions are never copied: the CPE side must
// see the host's storage, not a second copy.
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import type { CDecl } from '../../analysis/c/declarations.js';
import type { PrologueItem } from '../plan.js';

const PREPROC_GROUP = new Set(['preproc_if', 'preproc_ifdef', 'preproc_elif', 'preproc_elifdef', 'preproc_else']);
const COPY_VERBATIM = new Set(['preproc_include', 'preproc_def', 'preproc_function_def', 'type_definition', 'struct_specifier', 'union_specifier', 'enum_specifier']);

function isPrototypeOrType(decl: SyntaxNode): boolean {
  const ds = decl.childrenForFieldName('declarator');
  if (ds.length === 0) return true; // `struct s { ... };`
  return ds.every((d) => d.type === 'function_declarator' || (d.type === 'pointer_declarator' && d.text.includes('(')));
}

function isConstant(decl: SyntaxNode): boolean {
  // `static const int N = 64;` is a compile-time-like constant used in array bounds: a private copy is harmless.
  const words = decl.namedChildren.filter((c) => c.type === 'storage_class_specifier' || c.type === 'type_qualifier').map((c) => c.text);
  return words.includes('static') && words.includes('const');
}

export function buildSlavePrologue(root: SyntaxNode, externs: readonly CDecl[], threadprivate: readonly CDecl[] = []): PrologueItem[] {
  const want = new Set(externs.map((e) => e.declStart));
  const tp = new Set(threadprivate.map((e) => e.declStart));
  const out: PrologueItem[] = [];
  const visit = (node: SyntaxNode) => {
    for (const c of node.namedChildren) {
      if (COPY_VERBATIM.has(c.type)) out.push({ kind: 'copy', start: c.startIndex, end: withSemicolon(c) });
      else if (c.type === 'preproc_call') {
        if (!/^#pragma\s+omp\b/.test(c.text)) out.push({ kind: 'copy', start: c.startIndex, end: c.endIndex });
      } else if (c.type === 'declaration') {
        if (isPrototypeOrType(c) || isConstant(c)) out.push({ kind: 'copy', start: c.startIndex, end: c.endIndex });
        else if (tp.has(c.startIndex)) {
          // threadprivate: every CPE has its own copy in LDM, starting from the declared value.
          const text = c.text.replace(/^\s*(static|extern)\s+/, '');
          out.push({ kind: 'text', text: `static __thread_local ${text}\n` });
        }
        else if (want.has(c.startIndex)) {
          for (const e of externs.filter((x) => x.declStart === c.startIndex)) out.push({ kind: 'text', text: `extern ${e.spec} ${e.declarator.replace('$', e.name)};\n` });
        }
      } else if (PREPROC_GROUP.has(c.type)) {
        groupOpen(c, out);
        visit(c);
        if (c.type !== 'preproc_else' && c.type !== 'preproc_elif' && c.type !== 'preproc_elifdef') {
          const alt = c.childForFieldName('alternative');
          if (alt) {
            // the alternative is visited as a child below
          }
        }
        if (c.type === 'preproc_if' || c.type === 'preproc_ifdef') out.push({ kind: 'text', text: '#endif\n' });
      }
    }
  };
  visit(root);
  return out;
}

/** tree-sitter leaves the ';' of a top-level `struct s {...};` outside the specifier node. */
function withSemicolon(n: SyntaxNode): number {
  const next = n.nextSibling;
  return next && next.type === ';' ? next.endIndex : n.endIndex;
}

/** The opening line of a conditional group (`#ifdef X`, `#if A > 1`, `#else`, `#elif B`). */
function groupOpen(c: SyntaxNode, out: PrologueItem[]): void {
  const text = c.text;
  const nl = text.indexOf('\n');
  out.push({ kind: 'text', text: (nl < 0 ? text : text.slice(0, nl)) + '\n' });
}
