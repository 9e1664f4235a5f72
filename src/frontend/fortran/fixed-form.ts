// Fixed source form (F77 layout): columns 1-5 label, column 6 continuation, text in columns 7-72
// (or 132, or unlimited), `c C * ! d D` in column 1 for comments, `!` comments elsewhere outside
// strings, DEC tab form (a tab in the label field, then a digit 1-9 for a continuation line),
// `c$omp *$omp !$omp` sentinels in columns 1-5 and `c$ *$ !$` conditional lines.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import * as msg from '../../core/messages/fortran.js';
import { appendMapped, createMappedText, isBlank, trimMapped } from './text-map.js';
import { lineEnd, normaliseLabel, physicalLines, preprocessorEnd, type LogicalLine, type PhysicalLine } from './logical-line.js';

/** 72 (the standard), 132 (-ffixed-line-length-132) or 0 for unlimited. */
export type FixedLineLength = 72 | 132 | 0;

interface TextLine {
  readonly type: 'code' | 'directive' | 'conditional';
  readonly cont: boolean;
  readonly label?: string;
  /** Text columns [from, to) of the physical line. */
  readonly from: number;
  readonly to: number;
}
type FixedClass = { readonly type: 'blank' | 'comment' | 'preprocessor' } | TextLine;

/** Columns of text after a tab-form label field count from column 7. */
function textLimit(lineLength: number, from: number, limit: FixedLineLength): number {
  return limit === 0 ? lineLength : Math.min(lineLength, from + (limit - 6));
}

function classifyFixed(text: string, limit: FixedLineLength): FixedClass {
  if (text.length === 0) return { type: 'blank' };
  const c0 = text[0]!;
  if (c0 === '#') return { type: 'preprocessor' };
  if ('cC*!'.includes(c0) && text[1] === '$') {
    // Sentinels live in columns 1-5; column 6 blank or '0' starts a directive, anything else continues it.
    const col6 = text[5] ?? ' ';
    const cont = col6 !== ' ' && col6 !== '0' && col6 !== '\t';
    if (/^..omp/i.test(text)) return { type: 'directive', cont, from: 6, to: textLimit(text.length, 6, limit) };
    const field = text.slice(2, 5);
    if (/^[ \d]*$/.test(field) && !(text.length > 5 && col6 === '\t')) {
      return { type: 'conditional', cont, label: normaliseLabel(field), from: 6, to: textLimit(text.length, 6, limit) };
    }
    return { type: 'comment' };
  }
  if ('cC*!dD'.includes(c0)) return { type: 'comment' };
  // DEC tab form: label digits, a tab, then an optional continuation digit.
  const tab = /^([ \d]{0,5})\t/.exec(text);
  if (tab) {
    const k = tab[0].length;
    const d = text[k];
    const cont = d !== undefined && d >= '1' && d <= '9';
    const from = cont ? k + 1 : k;
    const to = textLimit(text.length, from, limit);
    return codeOrComment(text, cont, cont ? undefined : normaliseLabel(tab[1]!), from, to);
  }
  const end = limit === 0 ? text.length : Math.min(text.length, limit);
  if (isBlankRange(text, 0, end)) return { type: 'blank' };
  // `!` as the first non-blank in columns 1-5 makes the whole line a comment (gfortran extension).
  const firstNonBlank = text.slice(0, 5).search(/\S/);
  if (firstNonBlank >= 0 && text[firstNonBlank] === '!') return { type: 'comment' };
  const col6 = text[5] ?? ' ';
  const cont = col6 !== ' ' && col6 !== '0';
  const from = Math.min(6, text.length);
  return codeOrComment(text, cont, cont ? undefined : normaliseLabel(text.slice(0, 5)), from, Math.max(end, from));
}

/** An initial line with nothing but a `!` comment in its text field is a comment line. */
function codeOrComment(text: string, cont: boolean, label: string | undefined, from: number, to: number): FixedClass {
  // Junk in the label field keeps the line as code, so that it is reported rather than skipped.
  if (!cont && label === undefined && !/[^\s\d]/.test(text.slice(0, Math.min(5, from)))) {
    const body = text.slice(from, to).trimStart();
    if (body === '') return { type: 'blank' };
    if (body.startsWith('!')) return { type: 'comment' };
  }
  return { type: 'code', cont, ...(label !== undefined ? { label } : {}), from, to };
}

function isBlankRange(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Text end before a `!` comment, tracking strings (which may continue from the previous line). */
function scanFixed(text: string, from: number, to: number, quote: string): { end: number; quote: string } {
  let q = quote;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (q) {
      if (c === q) {
        if (text[i + 1] === q && i + 1 < to) i++;
        else q = '';
      }
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '!') return { end: i, quote: '' };
  }
  return { end: to, quote: q };
}

export function readFixedForm(file: SourceFile, bag: DiagnosticBag, limit: FixedLineLength = 72): LogicalLine[] {
  const lines = physicalLines(file.text, file.lines.starts);
  const classes = lines.map((l) => classifyFixed(l.text, limit));
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cls0 = classes[i]!;
    if (cls0.type === 'blank' || cls0.type === 'comment') continue;
    if (cls0.type === 'preprocessor') {
      const j = preprocessorEnd(lines, i);
      const m = createMappedText();
      for (let k = i; k <= j; k++) {
        if (k > i) m.text += '\n';
        appendMapped(m, lines[k]!.start, lines[k]!.text);
      }
      out.push({ kind: 'preprocessor', text: m.text, pieces: m.pieces, span: { start: lines[i]!.start, end: lineEnd(lines[j]!) } });
      i = j;
      continue;
    }
    const cls = cls0 as TextLine;
    if (cls.type === 'code' && !cls.cont && cls.label === undefined && /[^\s\d]/.test(lines[i]!.text.slice(0, Math.min(5, cls.from)))) {
      // Text in columns 1-5 that is not a label: usually free-form source read as fixed form.
      bag.report(file, { start: lines[i]!.start, end: lines[i]!.start + Math.min(5, cls.from) }, msg.badLabelField());
    }
    if (cls.cont) bag.report(file, { start: lines[i]!.start, end: lineEnd(lines[i]!) }, msg.strayContinuation());
    const m = createMappedText();
    let quote = '';
    let cur = i;
    let c: TextLine = cls;
    for (;;) {
      const line = lines[cur]!;
      const s = scanFixed(line.text, c.from, c.to, quote);
      let end = s.end;
      // Trailing blanks are insignificant outside strings.
      if (!s.quote) while (end > c.from && isBlank(line.text.charCodeAt(end - 1))) end--;
      const chunk = line.text.slice(c.from, end);
      // Fixed-form lines are padded with blanks to the last column, so a join outside a string is a blank.
      if (cur !== i && !quote && m.text.length > 0 && !/\s$/.test(m.text) && !/^\s/.test(chunk)) m.text += ' ';
      appendMapped(m, line.start + c.from, chunk);
      quote = s.quote;
      const next = nextContinuation(classes, cur + 1, cls.type);
      if (next === undefined) break;
      cur = next;
      c = classes[cur] as TextLine;
    }
    if (quote && cls.type === 'code') bag.report(file, { start: lines[cur]!.start, end: lineEnd(lines[cur]!) }, msg.unterminatedString());
    const t = cls.type === 'directive' ? trimMapped(m) : m;
    const span = { start: lines[i]!.start, end: lineEnd(lines[cur]!) };
    out.push({ kind: cls.type, text: t.text, pieces: t.pieces, span, ...(cls.label !== undefined ? { label: cls.label } : {}) });
    i = cur;
  }
  return out;
}

/** Index of the next line continuing a `type` line (comment/blank lines may come between). */
function nextContinuation(classes: readonly FixedClass[], j: number, type: 'code' | 'directive' | 'conditional'): number | undefined {
  for (; j < classes.length; j++) {
    const c = classes[j]!;
    if (c.type === 'blank' || c.type === 'comment') continue;
    if (c.type === type && c.cont) return j;
    return undefined;
  }
  return undefined;
}

export type { PhysicalLine };
