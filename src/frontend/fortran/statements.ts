// Logical lines → statements and directive sites: `;` separators split code lines, labels are taken off
// (fixed form: columns 1-5; free form: leading digits), each statement is classified, and logical
// IF / WHERE / FORALL statements get their inner statement classified too.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { Span } from '../../core/span.js';
import type { SourceFile } from '../../source/source-file.js';
import type { DirectiveSite } from '../directive-site.js';
import * as msg from '../../core/messages/fortran.js';
import { classifyStatement, isSqueezedDo } from './classify.js';
import { skipString } from './cursor.js';
import type { LogicalLine } from './logical-line.js';
import { appendMapped, createMappedText, sliceMapped, textSpanToFile, trimMapped, type MappedText } from './text-map.js';
import type { FortranStatement } from './types.js';

export function buildStatements(file: SourceFile, lines: readonly LogicalLine[], bag: DiagnosticBag): { statements: FortranStatement[]; sites: DirectiveSite[] } {
  const statements: FortranStatement[] = [];
  const sites: DirectiveSite[] = [];
  for (const line of lines) {
    if (line.kind === 'directive') {
      sites.push({ file, span: line.span, text: line.text, pieces: line.pieces, spelling: 'sentinel' });
      continue;
    }
    if (line.kind === 'preprocessor') {
      statements.push({
        index: statements.length, kind: 'preprocessor', text: line.text, pieces: line.pieces, span: line.span, textSpan: line.span,
        conditional: false, detail: { kind: 'none' }, exprs: [],
      });
      continue;
    }
    let first = true;
    for (const part of splitSemicolons(line.text)) {
      let m = trimMapped(line, part.start, part.end);
      let label = first ? line.label : undefined;
      first = false;
      if (file.form !== 'fixed') {
        // Free form: a label is 1-5 digits at the start of the statement, followed by a blank.
        const lm = /^(\d{1,5})(?=[ \t]|$)/.exec(m.text);
        if (lm) {
          label = String(Number(lm[1]));
          m = trimMapped(m, lm[0].length);
        }
      }
      if (m.text.length === 0) continue;
      const st = makeStatement(file, bag, m, statements.length, line.span, label, line.kind === 'conditional');
      statements.push(st);
    }
  }
  return { statements, sites };
}

/** Ranges between top-level `;` (outside strings). */
function splitSemicolons(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipString(text, i) - 1;
    else if (c === ';') {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: text.length });
  return out;
}

function makeStatement(file: SourceFile, bag: DiagnosticBag, m0: MappedText, index: number, span: Span,
  label: string | undefined, conditional: boolean): FortranStatement {
  let m = m0;
  let toFile = (r: { start: number; end: number }): Span => textSpanToFile(m.pieces, r.start, r.end, span.start);
  let cls = classifyStatement(m.text, toFile);
  if (file.form === 'fixed' && (cls.kind === 'unknown' || (cls.kind === 'assignment' && isSqueezedDo(m.text)))) {
    // Fixed form ignores blanks: retry with them removed (`CALLFOO(X)`, `DO10I=1,N`, `GOTO 10`).
    const sq = squeeze(m);
    const toSq = (r: { start: number; end: number }): Span => textSpanToFile(sq.pieces, r.start, r.end, span.start);
    const again = classifyStatement(sq.text, toSq, true);
    if (again.kind !== 'unknown') {
      m = sq;
      toFile = toSq;
      cls = again;
    }
  }
  const textSpan = toFile({ start: 0, end: m.text.length });
  let inner: FortranStatement | undefined;
  if (cls.inner) inner = makeStatement(file, bag, trimMapped(m, cls.inner.start, cls.inner.end), index, span, undefined, conditional);
  if (cls.kind === 'unknown') bag.report(file, textSpan, msg.unclassified(m.text.length > 40 ? `${m.text.slice(0, 40)}...` : m.text));
  return {
    index, kind: cls.kind, text: m.text, pieces: m.pieces, span, textSpan,
    ...(label !== undefined ? { label } : {}),
    ...(cls.constructName !== undefined ? { constructName: cls.constructName } : {}),
    conditional, detail: cls.detail, exprs: cls.exprs,
    ...(inner ? { inner } : {}),
  };
}

/** The text without blanks outside strings, each kept run still mapped to the file. */
function squeeze(m: MappedText): MappedText {
  const out = createMappedText();
  const keep = (a: number, b: number): void => {
    const part = sliceMapped(m, a, b);
    for (const p of part.pieces) appendMapped(out, p.fileStart, part.text.slice(p.textStart, p.textStart + p.length));
  };
  let from = -1;
  for (let i = 0; i < m.text.length; i++) {
    const c = m.text[i];
    if (c === '"' || c === "'") {
      if (from < 0) from = i;
      i = skipString(m.text, i) - 1;
    } else if (c === ' ' || c === '\t') {
      if (from >= 0) keep(from, i);
      from = -1;
    } else if (from < 0) from = i;
  }
  if (from >= 0) keep(from, m.text.length);
  return out;
}
