// Free source form (F90+): `!` comments outside strings, `&` continuation with an optional leading `&`
// on the continued line (strings may continue across it), `!$omp` directives with `!$omp&`
// continuations, `!$ ` conditional-compilation lines, `#` preprocessor lines kept verbatim.
import type { DiagnosticBag } from '../../core/diagnostic.js';
import type { SourceFile } from '../../source/source-file.js';
import * as msg from '../../core/messages/fortran.js';
import { appendMapped, createMappedText, isBlank, trimMapped } from './text-map.js';
import { lineEnd, physicalLines, preprocessorEnd, type LogicalLine, type PhysicalLine } from './logical-line.js';

type LineClass =
  | { readonly type: 'blank' }
  | { readonly type: 'comment' }
  | { readonly type: 'preprocessor' }
  | { readonly type: 'code'; readonly from: number }
  | { readonly type: 'directive'; readonly from: number }
  | { readonly type: 'conditional'; readonly from: number };

const FREE_LINE_LIMIT = 132;

/** Kind of a free-form line and where its Fortran text starts (after any sentinel). */
function classifyFree(text: string): LineClass {
  let p = 0;
  while (p < text.length && isBlank(text.charCodeAt(p))) p++;
  if (p === text.length) return { type: 'blank' };
  const c = text[p];
  // cpp allows blanks before '#'; Fortran never starts a statement with '#'.
  if (c === '#' && (p === 0 || /^#\s*[a-z]/i.test(text.slice(p)))) return { type: 'preprocessor' };
  if (c !== '!') return { type: 'code', from: p };
  if (text[p + 1] !== '$') return { type: 'comment' };
  const after = text.slice(p + 2, p + 6);
  if (/^omp([ \t&]|$)/i.test(after)) return { type: 'directive', from: p + 5 };
  if (/^([ \t&]|$)/.test(after)) return { type: 'conditional', from: p + 2 };
  return { type: 'comment' }; // `!$acc`, `!$dir` ...: other sentinels are plain comments to us
}

interface Scan {
  /** End of the line's contribution (before a trailing `&` or comment, blanks trimmed). */
  readonly end: number;
  readonly continued: boolean;
  /** Quote still open at the end of the line ('' if none). */
  readonly quote: string;
}

/** Scan from `from` to the end of the line tracking strings: `!` outside a string starts a comment. */
function scanFree(text: string, from: number, quote: string): Scan {
  let q = quote;
  let end = text.length;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === q) {
        if (text[i + 1] === q) i++;
        else q = '';
      }
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '!') {
      end = i;
      break;
    }
  }
  let e = end;
  while (e > from && isBlank(text.charCodeAt(e - 1))) e--;
  if (e > from && text[e - 1] === '&') return { end: e - 1, continued: true, quote: q };
  return { end: q ? end : e, continued: false, quote: q };
}

/** Where the continued text starts on a continuation line: after a leading `&`, else column 1. */
function continuationStart(text: string, from: number): number {
  let p = from;
  while (p < text.length && isBlank(text.charCodeAt(p))) p++;
  if (text[p] === '&') return p + 1;
  return from;
}

export function readFreeForm(file: SourceFile, bag: DiagnosticBag): LogicalLine[] {
  const lines = physicalLines(file.text, file.lines.starts);
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.length > FREE_LINE_LIMIT && classifyFree(line.text).type !== 'comment') {
      bag.report(file, { start: line.start + FREE_LINE_LIMIT, end: lineEnd(line) }, msg.lineTooLong(FREE_LINE_LIMIT));
    }
    const cls = classifyFree(line.text);
    if (cls.type === 'blank' || cls.type === 'comment') continue;
    if (cls.type === 'preprocessor') {
      const j = preprocessorEnd(lines, i);
      const m = createMappedText();
      for (let k = i; k <= j; k++) {
        if (k > i) m.text += '\n'; // keep the verbatim lines apart; the newline maps nowhere
        appendMapped(m, lines[k]!.start, lines[k]!.text);
      }
      out.push({ kind: 'preprocessor', text: m.text, pieces: m.pieces, span: { start: line.start, end: lineEnd(lines[j]!) } });
      i = j;
      continue;
    }
    const r = joinFree(file, bag, lines, i, cls.type, cls.from);
    out.push(r.line);
    i = r.last;
  }
  return out;
}

/** Join line `i` and its continuation lines into one logical line of the same kind. */
function joinFree(file: SourceFile, bag: DiagnosticBag, lines: readonly PhysicalLine[], i: number,
  kind: 'code' | 'directive' | 'conditional', from: number): { line: LogicalLine; last: number } {
  const m = createMappedText();
  let cur = i;
  let pos = from;
  let quote = '';
  for (;;) {
    const line = lines[cur]!;
    const s = scanFree(line.text, pos, quote);
    appendMapped(m, line.start + pos, line.text.slice(pos, s.end));
    if (!s.continued) {
      if (s.quote && kind !== 'directive') bag.report(file, { start: line.start + pos, end: lineEnd(line) }, msg.unterminatedString());
      break;
    }
    quote = s.quote;
    const next = findContinuation(lines, cur + 1, kind);
    if (next === undefined) {
      bag.report(file, { start: line.start + s.end, end: line.start + s.end + 1 }, msg.missingContinuation(kind === 'directive' ? '!$omp' : kind === 'conditional' ? '!$' : '&'));
      break;
    }
    cur = next.index;
    // Code continues at column 1 unless the line starts with `&`; sentinel lines after the sentinel.
    pos = continuationStart(lines[cur]!.text, kind === 'code' ? 0 : next.from);
  }
  const span = { start: lines[i]!.start, end: lineEnd(lines[cur]!) };
  const t = kind === 'directive' ? trimMapped(m) : m;
  return { line: { kind, text: t.text, pieces: t.pieces, span }, last: cur };
}

/** The next line continuing a `kind` line: comment and blank lines may come between. */
function findContinuation(lines: readonly PhysicalLine[], j: number, kind: 'code' | 'directive' | 'conditional'): { index: number; from: number } | undefined {
  for (; j < lines.length; j++) {
    const c = classifyFree(lines[j]!.text);
    if (c.type === 'blank' || c.type === 'comment') continue;
    if (c.type !== kind) return undefined;
    return { index: j, from: c.from };
  }
  return undefined;
}
