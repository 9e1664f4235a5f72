// The one place that loads tree-sitter-c. The rest of o2ath sees `SyntaxNode` as an opaque,
// read-only tree: facts about it go into side tables, never onto the nodes.
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';

export type SyntaxNode = Parser.SyntaxNode;
export type SyntaxTree = Parser.Tree;

let parser: Parser | undefined;

export function parseC(text: string): SyntaxTree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  // The binding's default input buffer is small; give it room for the whole file in one go.
  return parser.parse(text, undefined, { bufferSize: text.length * 2 + 1024 });
}

/** Named children, skipping comments. */
export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => c.type !== 'comment');
}

export function nextStatement(node: SyntaxNode): SyntaxNode | null {
  let n = node.nextNamedSibling;
  while (n && n.type === 'comment') n = n.nextNamedSibling;
  return n;
}

/** Depth-first walk in source order; return false from visit to skip a subtree. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const stack: SyntaxNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
}

export function ancestor(node: SyntaxNode, type: string): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return p;
  return null;
}
