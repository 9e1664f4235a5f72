// Finds every OpenMP directive in a C file: `#pragma omp ...` lines (with backslash continuations and
// trailing comments) and `_Pragma("omp ...")` operators, including those under #if blocks.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { DirectiveSite } from '../directive-site.js';
import { walk, type SyntaxNode } from './syntax.js';
import * as cmsg from '../../core/messages/c.js';

export interface CPragma {
  readonly site: DirectiveSite;
  /** The preproc_call node, or the expression_statement holding `_Pragma(...)`. */
  readonly node: SyntaxNode;
}

/** Blank out comments and backslash-newlines with spaces so offsets stay one-to-one with the file. */
export function blankCommentsAndSplices(text: string): string {
  const out = text.split('');
  let i = 0;
  let quote = '';
  while (i < text.length) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i += 2;
      else {
        if (c === quote) quote = '';
        i++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      i++;
    } else if (c === '\\' && /^\\[ \t]*\r?\n/.test(text.slice(i, i + 4))) {
      const m = /^\\[ \t]*\r?\n/.exec(text.slice(i))!;
      for (let k = 0; k < m[0].length; k++) out[i + k] = ' ';
      i += m[0].length;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') out[i++] = ' ';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (out[i] !== '\n') out[i] = ' ';
    } else i++;
  }
  return out.join('');
}

function siteFrom(file: SourceFile, node: SyntaxNode, rawStart: number, raw: string, spelling: DirectiveSite['spelling']): DirectiveSite | undefined {
  const clean = blankCommentsAndSplices(raw);
  const m = /^\s*omp\b/.exec(clean);
  if (!m) return undefined;
  let start = m[0].length;
  while (start < clean.length && /\s/.test(clean[start]!)) start++;
  const text = clean.slice(start).replace(/\s+$/, '');
  return {
    file,
    span: { start: node.startIndex, end: node.endIndex },
    text,
    pieces: [{ textStart: 0, fileStart: rawStart + start, length: text.length }],
    spelling,
  };
}

export function findPragmas(file: SourceFile, root: SyntaxNode, bag: DiagnosticBag): CPragma[] {
  const found: CPragma[] = [];
  walk(root, (n) => {
    if (n.type === 'preproc_call') {
      const dir = n.childForFieldName('directive');
      const arg = n.childForFieldName('argument');
      if (dir?.text === '#pragma' && arg) {
        const site = siteFrom(file, n, arg.startIndex, arg.text, 'pragma');
        if (site) found.push({ site, node: n });
      }
      return false;
    }
    if (n.type === 'call_expression' && n.childForFieldName('function')?.text === '_Pragma') {
      const str = n.childForFieldName('arguments')?.namedChildren.find((c) => c.type === 'string_literal');
      const content = str?.namedChildren.find((c) => c.type === 'string_content');
      if (content && /^\s*omp\b/.test(content.text)) {
        if (content.text.includes('\\')) {
          bag.report(file, { start: str!.startIndex, end: str!.endIndex }, cmsg.pragmaEscape());
          return false;
        }
        const holder = n.parent?.type === 'expression_statement' ? n.parent : n;
        const site = siteFrom(file, holder, content.startIndex, content.text, '_Pragma');
        if (site) found.push({ site, node: holder });
      }
      return false;
    }
    return true;
  });
  return found;
}
