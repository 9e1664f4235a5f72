// Every name a statement's expressions mention, with its file span: the input to implicit typing,
// data-sharing analysis and renaming. Component names after `%` and keyword-argument names
// (`f(x, dim=2)`, `open(unit=10)`) are not variable references and are left out.
import type { Span } from '../../core/span.js';
import { textSpanToFile } from './text-map.js';
import { tokenize, type Token } from './tokenizer.js';
import type { FortranStatement } from './types.js';

export interface NameUse {
  /** Lower-case name. */
  readonly name: string;
  readonly span: Span;
  /** Followed by `(`: an array element/section, a substring, or a function call. */
  readonly applied: boolean;
  /** Assigned by this statement: the target of an assignment, a DO variable. */
  readonly written: boolean;
}

export function referencedNames(stmt: FortranStatement): NameUse[] {
  const out: NameUse[] = [];
  const toFile = (s: number, e: number): Span => textSpanToFile(stmt.pieces, s, e, stmt.textSpan.start);
  const writtenAt = writtenOffset(stmt);
  for (const r of stmt.exprs) {
    const toks = tokenize(stmt.text, r.start, r.end);
    // Each open parenthesis remembers whether a name precedes it (call / array ref: may hold keywords).
    const stack: boolean[] = [];
    toks.forEach((t, i) => {
      const prev: Token | undefined = toks[i - 1];
      const next: Token | undefined = toks[i + 1];
      if (t.kind === 'punct') {
        if (t.text === '(' || t.text === '[' || t.text === '(/') stack.push(t.text === '(' && prev?.kind === 'name');
        else if (t.text === ')' || t.text === ']' || t.text === '/)') stack.pop();
        return;
      }
      if (t.kind === 'number' && t.kindName) {
        out.push({ name: stmt.text.slice(t.kindName.start, t.kindName.end).toLowerCase(), span: toFile(t.kindName.start, t.kindName.end), applied: false, written: false });
        return;
      }
      if (t.kind !== 'name') return;
      if (prev?.kind === 'punct' && prev.text === '%') return;
      const keywordContext = stack.length > 0 ? stack[stack.length - 1]! : r.keywords === true;
      if (next?.kind === 'punct' && next.text === '=' && keywordContext) return;
      out.push({
        name: t.text.toLowerCase(), span: toFile(t.start, t.end),
        applied: next?.kind === 'punct' && next.text === '(', written: t.start === writtenAt,
      });
    });
  }
  if (stmt.inner) out.push(...referencedNames(stmt.inner));
  return out;
}

/** Text offset of the name this statement assigns, or -1. */
function writtenOffset(stmt: FortranStatement): number {
  if (stmt.kind === 'assignment' || stmt.kind === 'pointer-assignment') return stmt.exprs[0]?.start ?? -1;
  if (stmt.kind === 'do' && stmt.detail.kind === 'do' && stmt.detail.form === 'counted') {
    const r = stmt.exprs[0];
    if (!r) return -1;
    const m = /^\s*/.exec(stmt.text.slice(r.start));
    return r.start + (m ? m[0].length : 0);
  }
  return -1;
}
