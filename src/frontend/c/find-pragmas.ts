// Finds every OpenMP directive in a C file: `#pragma omp ...` lines (with backslash continuations and
// trailing comments) and `_Pragma("omp ...")` operators, including those under #if blocks.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import type { DirectiveSite, SitePiece } from '../directive-site.js';
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

/** Object-like macros defined exactly once in the file: OpenMP directives in C are macro-expanded. */
export type MacroTable = ReadonlyMap<string, string>;

export function collectMacros(root: SyntaxNode): MacroTable {
  const seen = new Map<string, string[]>();
  walk(root, (n) => {
    if (n.type === 'preproc_def') {
      const name = n.childForFieldName('name')?.text;
      const value = n.childForFieldName('value')?.text.trim() ?? '';
      if (name) seen.set(name, [...(seen.get(name) ?? []), value]);
      return false;
    }
    return true;
  });
  const out = new Map<string, string>();
  for (const [k, v] of seen) if (v.length === 1) out.set(k, blankCommentsAndSplices(v[0]!).trim());
  return out;
}

/**
 * Expand the file's macros in a directive (`schedule(static, CHUNK)`, a clause list behind a macro),
 * keeping a piece map: expanded text maps onto the macro name it came from.
 */
function expandMacros(text: string, fileStart: number, macros: MacroTable): { text: string; pieces: SitePiece[] } {
  const pieces: SitePiece[] = [];
  let out = '';
  let at = 0;
  const expand = (s: string, depth: number): string => (depth > 8 ? s : s.replace(/[A-Za-z_]\w*/g, (w) => (macros.has(w) ? expand(macros.get(w)!, depth + 1) : w)));
  for (const m of text.matchAll(/"(?:\\.|[^"\\])*"|[A-Za-z_]\w*/g)) {
    const w = m[0];
    if (!macros.has(w)) continue;
    const idx = m.index!;
    if (idx > at) {
      pieces.push({ textStart: out.length, fileStart: fileStart + at, length: idx - at });
      out += text.slice(at, idx);
    }
    const exp = expand(macros.get(w)!, 1);
    pieces.push({ textStart: out.length, fileStart: fileStart + idx, length: w.length });
    out += exp;
    at = idx + w.length;
  }
  if (at < text.length || !pieces.length) pieces.push({ textStart: out.length, fileStart: fileStart + at, length: text.length - at });
  out += text.slice(at);
  return { text: out, pieces };
}

function siteFrom(file: SourceFile, node: SyntaxNode, rawStart: number, raw: string, spelling: DirectiveSite['spelling'], macros: MacroTable): DirectiveSite | undefined {
  const clean = blankCommentsAndSplices(raw);
  const m = /^\s*omp\b/.exec(clean);
  if (!m) return undefined;
  let start = m[0].length;
  while (start < clean.length && /\s/.test(clean[start]!)) start++;
  const { text, pieces } = expandMacros(clean.slice(start).replace(/\s+$/, ''), rawStart + start, macros);
  return { file, span: { start: node.startIndex, end: node.endIndex }, text, pieces, spelling };
}

export function findPragmas(file: SourceFile, root: SyntaxNode, bag: DiagnosticBag): CPragma[] {
  const found: CPragma[] = [];
  const macros = collectMacros(root);
  walk(root, (n) => {
    if (n.type === 'preproc_call') {
      const dir = n.childForFieldName('directive');
      const arg = n.childForFieldName('argument');
      if (dir?.text === '#pragma' && arg) {
        const site = siteFrom(file, n, arg.startIndex, arg.text, 'pragma', macros);
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
        const site = siteFrom(file, holder, content.startIndex, content.text, '_Pragma', macros);
        if (site) found.push({ site, node: holder });
      }
      return false;
    }
    return true;
  });
  return found;
}
