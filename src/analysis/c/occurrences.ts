// How a region uses each outside variable: every identifier use is resolved to its declaration and
// classified as a read, a write (assignment, ++/--) or an address-taken use. Struct values count as
// written when a member is assigned (`g.n = 1`), pointers are not written by `p[i] = v`.
import type { SyntaxNode } from '../../frontend/c/syntax.js';

export type UseKind = 'read' | 'write' | 'address';

function isWriteTarget(n: SyntaxNode): boolean {
  const p = n.parent;
  if (!p) return false;
  if (p.type === 'assignment_expression' && p.childForFieldName('left')?.id === n.id) return true;
  if (p.type === 'update_expression') return true;
  return false;
}

/** Classify one identifier use by climbing through `.member`, `(...)` and member-array subscripts. */
export function classifyUse(id: SyntaxNode): UseKind {
  let n: SyntaxNode = id;
  let viaMember = false;
  for (;;) {
    const p = n.parent;
    if (!p) break;
    if (p.type === 'parenthesized_expression') n = p;
    else if (p.type === 'field_expression' && p.childForFieldName('argument')?.id === n.id && p.childForFieldName('operator')?.text === '.') {
      n = p;
      viaMember = true;
    } else if (viaMember && p.type === 'subscript_expression' && p.childForFieldName('argument')?.id === n.id) n = p;
    else break;
  }
  const p = n.parent;
  if (p?.type === 'pointer_expression' && p.childForFieldName('operator')?.text === '&') return 'address';
  // sizeof needs the object itself, not a pointer standing in for it.
  if (p?.type === 'sizeof_expression') return 'address';
  return isWriteTarget(n) ? 'write' : 'read';
}

/** All identifier nodes below `node` that are expression uses (not declarators, members, labels or types). */
export function identifierUses(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier') out.push(n);
    else if (n.type === 'preproc_call' || n.type === 'comment') continue;
    for (let i = n.namedChildCount - 1; i >= 0; i--) stack.push(n.namedChild(i)!);
  }
  return out.sort((a, b) => a.startIndex - b.startIndex);
}
