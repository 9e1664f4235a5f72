// Name resolution for C by the language's block-scope rules: the innermost declaration of a name that
// precedes the use, searching enclosing blocks, for-init declarations, parameters, then file scope.
// Only what o2ath needs: variables and functions, not tags, labels or macros (macros are invisible to
// tree-sitter; an unresolved name is treated as a macro, enum constant or library symbol).
import type { SyntaxNode } from '../../frontend/c/syntax.js';
import { declarationsOf, type CDecl } from './declarations.js';

export interface FunctionInfo {
  readonly name: string;
  readonly node: SyntaxNode;
  readonly isStatic: boolean;
}

const PREPROC_BLOCKS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef']);

export class ScopeIndex {
  private readonly blockCache = new Map<number, CDecl[]>();
  readonly functions = new Map<string, FunctionInfo>();
  readonly enumerators = new Set<string>();
  /** Functions declared for the CPE: inside `declare target` ... `end declare target`, or listed in `declare target(...)`. */
  readonly cpeDeclared = new Set<string>();

  constructor(root: SyntaxNode) {
    this.indexFileScope(root);
  }

  private indexFileScope(node: SyntaxNode): void {
    for (const c of node.namedChildren) {
      if (c.type === 'function_definition') {
        const name = functionName(c);
        if (name) this.functions.set(name, { name, node: c, isStatic: c.namedChildren.some((k) => k.type === 'storage_class_specifier' && k.text === 'static') });
      } else if (PREPROC_BLOCKS.has(c.type)) this.indexFileScope(c);
    }
    // Enumeration constants anywhere are compile-time constants, never captured variables.
    const stack = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'enumerator') {
        const id = n.childForFieldName('name');
        if (id) this.enumerators.add(id.text);
      }
      for (const c of n.namedChildren) stack.push(c);
    }
  }

  /** Declarations made directly in a block (looking through #if groups, not into nested blocks). */
  private blockDecls(block: SyntaxNode): CDecl[] {
    const cached = this.blockCache.get(block.id);
    if (cached) return cached;
    const fileScope = block.type === 'translation_unit';
    const out: CDecl[] = [];
    const visit = (n: SyntaxNode) => {
      for (const c of n.namedChildren) {
        if (c.type === 'declaration') out.push(...declarationsOf(c, fileScope));
        else if (PREPROC_BLOCKS.has(c.type)) visit(c);
      }
    };
    visit(block);
    this.blockCache.set(block.id, out);
    return out;
  }

  /** The declaration an identifier use refers to, or undefined (macro, enum constant, function, library name). */
  resolve(id: SyntaxNode): CDecl | undefined {
    return this.resolveName(id.text, id, id.startIndex);
  }

  /** Resolve `name` as if written at offset `at` inside `from` (used for names in directive clauses). */
  resolveName(name: string, from: SyntaxNode, at: number): CDecl | undefined {
    for (let p: SyntaxNode | null = from.type === 'compound_statement' || from.type === 'translation_unit' ? from : from.parent; p; p = p.parent) {
      let hit: CDecl | undefined;
      if (p.type === 'compound_statement' || p.type === 'translation_unit') {
        for (const d of this.blockDecls(p)) if (d.name === name && d.at < at && d.shape !== 'function') hit = d;
      } else if (p.type === 'for_statement') {
        const init = p.childForFieldName('initializer');
        if (init?.type === 'declaration') for (const d of declarationsOf(init, false)) if (d.name === name && d.at < at) hit = d;
      } else if (p.type === 'function_definition') {
        for (const d of parametersOf(p)) if (d.name === name) hit = d;
      }
      if (hit) return hit;
    }
    return undefined;
  }

  enclosingFunction(node: SyntaxNode): SyntaxNode | null {
    for (let p: SyntaxNode | null = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
    return null;
  }
}

export function functionDeclarator(fn: SyntaxNode): SyntaxNode | null {
  let d = fn.childForFieldName('declarator');
  while (d && d.type !== 'function_declarator') d = d.childForFieldName('declarator');
  return d;
}

export function functionName(fn: SyntaxNode): string | undefined {
  const d = functionDeclarator(fn);
  const id = d?.childForFieldName('declarator');
  return id?.type === 'identifier' ? id.text : undefined;
}

export function parametersOf(fn: SyntaxNode): CDecl[] {
  const list = functionDeclarator(fn)?.childForFieldName('parameters');
  if (!list) return [];
  const out: CDecl[] = [];
  for (const p of list.namedChildren) if (p.type === 'parameter_declaration') out.push(...declarationsOf(p, false));
  return out;
}
