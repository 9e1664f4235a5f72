// The user's text between two offsets with plan edits applied: replaced line ranges become generated
// statements in the file's form, inserted statements go at line starts, renamed names are respelt
// (fixed-form lines they lengthen past column 72 are re-wrapped).
import type { FEdit } from '../../lower/fortran/plan.js';
import { formatStatements, rewrapFixedLine, rewrapFreeLine, type Form } from './format.js';

const TOUCHED = '\u0001';

/** Indentation of the line at `at` (free form), so generated statements line up with the code they replace. */
function indentAt(text: string, at: number): string {
  // A directive line sits at column 1 by habit: take the indentation of the code that follows it.
  let p = at;
  while (p < text.length && /^[ \t]*!\$/.test(text.slice(p, p + 80))) {
    const nl = text.indexOf('\n', p);
    if (nl < 0) break;
    p = nl + 1;
  }
  return /^[ \t]*/.exec(text.slice(p < text.length ? p : at))![0].replace(/\t/g, '  ');
}

export function applyEdits(text: string, start: number, end: number, edits: readonly FEdit[], form: Form): string {
  const inRange = edits
    .filter((e) => (e.kind === 'insert' ? e.at >= start && e.at <= end : e.start >= start && e.end <= end))
    .map((e, i) => ({ e, pos: e.kind === 'insert' ? e.at : e.start, end: e.kind === 'insert' ? e.at : e.end, i }))
    .sort((a, b) => a.pos - b.pos || (a.e.kind === 'insert' ? -1 : 1) - (b.e.kind === 'insert' ? -1 : 1) || a.i - b.i);
  let out = '';
  let at = start;
  for (const { e, pos, end: eEnd } of inRange) {
    if (pos < at) continue; // inside a range already replaced
    out += text.slice(at, pos);
    if (e.kind === 'rename') {
      const ls = out.lastIndexOf('\n') + 1;
      if (out[ls] !== TOUCHED) out = out.slice(0, ls) + TOUCHED + out.slice(ls);
      out += e.to;
    } else {
      const ind = form === 'free' ? indentAt(text, pos) : '';
      out += formatStatements(e.stmts, form, ind);
    }
    at = eEnd;
  }
  out += text.slice(at, end);
  return out
    .split('\n')
    .map((l) => (l.startsWith(TOUCHED) ? (form === 'fixed' ? rewrapFixedLine(l.slice(1)) : rewrapFreeLine(l.slice(1))) : l))
    .join('\n');
}
