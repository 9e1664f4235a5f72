// The one place that loads tree-sitter-c. The rest of o2ath sees `SyntaxNode` as an opaque,
// read-only tree: facts about it go into side tables, never onto the nodes.
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';

export type SyntaxNode = Parser.SyntaxNode;
export type SyntaxTree = Parser.Tree;

let parser: Parser | undefined;

function parseRaw(text: string): SyntaxTree {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  // The binding's default input buffer is small; give it room for the whole file in one go.
  return parser.parse(text, undefined, { bufferSize: text.length * 2 + 1024 });
}

function countErrors(tree: SyntaxTree): number {
  let n = 0;
  const stack = [tree.rootNode];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'ERROR' || x.isMissing) n++;
    if (x.hasError) stack.push(...x.children);
  }
  return n;
}

/**
 * Parse C for analysis. tree-sitter cannot parse conditional groups that split a statement
 * (`#ifdef _OPENMP` / `if (tid == 0)` / `#endif` / `x = 1;`, common in real codes), so inside function
 * bodies the #if/#else/#endif lines are blanked to spaces first: every offset stays the user's, both
 * branches are analysed, and the text that is copied out is always the original. If that parses worse
 * (branches that only balance braces separately), the plain parse is used.
 */
export function parseC(text: string): SyntaxTree {
  const prepared = blankAttributes(blankDirectiveComments(text));
  const plain = parseRaw(prepared);
  if (!plain.rootNode.hasError) return plain;
  const blanked = blankInnerConditionals(prepared);
  if (blanked === prepared) return plain;
  const alt = parseRaw(blanked);
  return countErrors(alt) < countErrors(plain) ? alt : plain;
}

/**
 * GNU `__attribute__((...))` after a declarator (`double a[N] __attribute__((aligned(64))), b[N];`)
 * breaks tree-sitter-c's declaration rule; attributes never matter to o2ath's analysis, so blank them.
 */
export function blankAttributes(text: string): string {
  if (!text.includes('__attribute__')) return text;
  const out = text.split('');
  const re = /__attribute__\s*\(\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let depth = 0;
    let i = m.index + m[0].length - 2;
    for (; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) break;
    }
    for (let k = m.index; k <= i && k < text.length; k++) if (out[k] !== '\n') out[k] = ' ';
    re.lastIndex = i + 1;
  }
  return out.join('');
}

/**
 * Comments inside a backslash-continued preprocessor line (`#pragma omp parallel for \` /
 * `private(k) /* index *\/ \`) end tree-sitter's directive early; blank them (same offsets).
 */
export function blankDirectiveComments(text: string): string {
  if (!/^[ \t]*#.*\/\*/m.test(text)) return text;
  const out = text.split('');
  const re = /^[ \t]*#/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let i = m.index;
    while (i < text.length && !(text[i] === '\n' && text[i - 1] !== '\\')) {
      if (text[i] === '/' && text[i + 1] === '*') {
        const e = text.indexOf('*/', i + 2);
        const stop = e < 0 ? text.length : e + 2;
        for (let k = i; k < stop; k++) if (out[k] !== '\n') out[k] = ' ';
        i = stop;
        continue;
      }
      i++;
    }
    re.lastIndex = i;
  }
  return out.join('');
}

/** Replace #if/#ifdef/#ifndef/#elif/#else/#endif lines at brace depth > 0 with spaces. */
export function blankInnerConditionals(text: string): string {
  const out = text.split('');
  let depth = 0;
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i]!;
    if (lineStart) {
      const m = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b/.exec(text.slice(i, i + 40));
      if (m && depth > 0) {
        // Blank the directive and its backslash-continued lines, keep the newlines.
        let j = i;
        while (j < text.length && !(text[j] === '\n' && text[j - 1] !== '\\')) {
          if (text[j] !== '\n') out[j] = ' ';
          j++;
        }
        i = j;
        continue;
      }
      if (/^[ \t]*#/.test(text.slice(i, i + 40))) {
        // Other preprocessor lines: skip to the end of line without counting braces.
        while (i < text.length && !(text[i] === '\n' && text[i - 1] !== '\\')) i++;
        continue;
      }
    }
    lineStart = false;
    if (c === '\n') lineStart = true;
    else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    } else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
      continue;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    i++;
  }
  return out.join('');
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
