// C declarations as data: which name a declarator declares, its storage, and its type written as a
// template with '$' in place of the name, so later phases can re-declare the variable (by value, as a
// pointer to it, or as a pointer to its first element) without re-parsing C.
import type { SyntaxNode } from '../../frontend/c/syntax.js';

export type Storage = 'global' | 'static-global' | 'local' | 'static-local' | 'param' | 'extern';
/** What the declarator wrapping the name makes the variable. */
export type Shape = 'scalar' | 'pointer' | 'array' | 'function';

export interface CDecl {
  readonly name: string;
  /** Offset of the declared identifier: the identity of the declaration. */
  readonly at: number;
  readonly storage: Storage;
  readonly shape: Shape;
  /** Type specifiers and qualifiers without storage class: 'const double', 'struct grid'. */
  readonly spec: string;
  /** The declarator with the name replaced by '$': '$[N][M]', '*$', '(*$)[n]'. */
  readonly declarator: string;
  /** For arrays (and array parameters): the declarator of a pointer to the first element: '(*$)[M]'. */
  readonly decayed?: string;
  /** Identifier nodes used in array dimensions that remain after decay (variably modified type when any is a variable). */
  readonly dimNames: readonly { name: string; at: number }[];
  readonly isConst: boolean;
  /** Declaration or parameter_declaration node start/end, for ordering and for copying text. */
  readonly declStart: number;
  readonly declEnd: number;
  /** The initializer text, if any. */
  readonly init?: string;
}

const DECLARATOR_TYPES = new Set(['init_declarator', 'pointer_declarator', 'array_declarator', 'function_declarator', 'parenthesized_declarator', 'attributed_declarator']);

/** The identifier a declarator declares, or null for abstract declarators. */
export function declaratorIdentifier(d: SyntaxNode | null): SyntaxNode | null {
  let n = d;
  while (n) {
    if (n.type === 'identifier' || n.type === 'field_identifier' || n.type === 'type_identifier') return n;
    if (!DECLARATOR_TYPES.has(n.type)) return null;
    n = n.childForFieldName('declarator') ?? n.namedChildren.find((c) => DECLARATOR_TYPES.has(c.type) || c.type === 'identifier') ?? null;
  }
  return null;
}

function storageWords(decl: SyntaxNode): string[] {
  return decl.namedChildren.filter((c) => c.type === 'storage_class_specifier').map((c) => c.text);
}

/** Type specifiers and qualifiers of a declaration, without storage class or attributes. */
export function specText(decl: SyntaxNode): string {
  const firstDecl = decl.childrenForFieldName('declarator')[0];
  const parts: string[] = [];
  for (const c of decl.namedChildren) {
    if (firstDecl && c.startIndex >= firstDecl.startIndex) break;
    if (c.type === 'storage_class_specifier' || c.type === 'attribute_specifier' || c.type === 'attribute_declaration' || c.type === 'comment') continue;
    parts.push(c.text);
  }
  return parts.join(' ');
}

function replaceRange(text: string, base: number, start: number, end: number, by: string): string {
  return text.slice(0, start - base) + by + text.slice(end - base);
}

/** Walk from the identifier outwards to the first non-parenthesis declarator: that decides the shape. */
function shapeOf(id: SyntaxNode): { shape: Shape; wrapper: SyntaxNode | null } {
  let p = id.parent;
  while (p && p.type === 'parenthesized_declarator') p = p.parent;
  if (!p || p.type === 'init_declarator' || !DECLARATOR_TYPES.has(p.type)) return { shape: 'scalar', wrapper: null };
  if (p.type === 'array_declarator') return { shape: 'array', wrapper: p };
  if (p.type === 'pointer_declarator') return { shape: 'pointer', wrapper: p };
  if (p.type === 'function_declarator') return { shape: 'function', wrapper: p };
  return { shape: 'scalar', wrapper: null };
}

function collectDimNames(node: SyntaxNode, skip: SyntaxNode | null, out: { name: string; at: number }[]): void {
  if (node.type === 'array_declarator') {
    const size = node.childForFieldName('size');
    if (size && node !== skip) {
      const stack = [size];
      while (stack.length) {
        const n = stack.pop()!;
        if (n.type === 'identifier') out.push({ name: n.text, at: n.startIndex });
        stack.push(...n.namedChildren);
      }
    }
  }
  for (const c of node.namedChildren) if (DECLARATOR_TYPES.has(c.type)) collectDimNames(c, skip, out);
}

export function describeDeclarator(decl: SyntaxNode, declarator: SyntaxNode, storage: Storage): CDecl | null {
  const inner = declarator.type === 'init_declarator' ? declarator.childForFieldName('declarator')! : declarator;
  const id = declaratorIdentifier(inner);
  if (!id) return null;
  const { shape: rawShape, wrapper } = shapeOf(id);
  const spec = specText(decl);
  const text = inner.text;
  const base = inner.startIndex;
  const templ = replaceRange(text, base, id.startIndex, id.endIndex, '$');
  let decayed: string | undefined;
  let shape = rawShape;
  const dims: { name: string; at: number }[] = [];
  if (rawShape === 'array' && wrapper) {
    decayed = replaceRange(text, base, wrapper.startIndex, wrapper.endIndex, '(*$)');
    // `(*$)` with nothing after it is just a pointer: write it the way people do.
    if (/^\(\*\$\)\s*$/.test(decayed)) decayed = '*$';
    collectDimNames(inner, wrapper, dims);
    // A parameter declared as an array is a pointer (C11 6.7.6.3p7).
    if (storage === 'param') shape = 'pointer';
  } else collectDimNames(inner, null, dims);
  const value = declarator.type === 'init_declarator' ? declarator.childForFieldName('value') : null;
  return {
    name: id.text,
    at: id.startIndex,
    storage,
    shape,
    spec,
    declarator: templ,
    decayed,
    dimNames: dims,
    isConst: /\bconst\b/.test(spec) && shape !== 'pointer',
    declStart: decl.startIndex,
    declEnd: decl.endIndex,
    init: value?.text,
  };
}

function storageOf(decl: SyntaxNode, atFileScope: boolean): Storage {
  const words = storageWords(decl);
  if (decl.type === 'parameter_declaration') return 'param';
  if (words.includes('extern')) return 'extern';
  if (atFileScope) return words.includes('static') ? 'static-global' : 'global';
  return words.includes('static') ? 'static-local' : 'local';
}

/** Every variable (and function prototype) a declaration node declares. */
export function declarationsOf(decl: SyntaxNode, atFileScope: boolean): CDecl[] {
  const storage = storageOf(decl, atFileScope);
  const out: CDecl[] = [];
  const ds = decl.type === 'parameter_declaration' ? [decl.childForFieldName('declarator')].filter((d): d is SyntaxNode => !!d) : decl.childrenForFieldName('declarator');
  for (const d of ds) {
    const info = describeDeclarator(decl, d, storage);
    if (info) out.push(info);
  }
  return out;
}
