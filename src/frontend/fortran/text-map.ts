// Joined text with a piece map back to file offsets: the one mechanism behind statements and directive
// sites, so that any character of a joined continuation can be traced to its line and column.
import type { SitePiece } from '../directive-site.js';
import type { Span } from '../../core/span.js';

/** A string under construction plus its pieces; adjacent file ranges merge into one piece. */
export interface MappedText {
  text: string;
  pieces: SitePiece[];
}

export function createMappedText(): MappedText {
  return { text: '', pieces: [] };
}

/** Append `chunk`, which starts at `fileStart` in the file. */
export function appendMapped(m: MappedText, fileStart: number, chunk: string): void {
  if (chunk.length === 0) return;
  const last = m.pieces[m.pieces.length - 1];
  if (last && last.fileStart + last.length === fileStart && last.textStart + last.length === m.text.length) {
    m.pieces[m.pieces.length - 1] = { textStart: last.textStart, fileStart: last.fileStart, length: last.length + chunk.length };
  } else {
    m.pieces.push({ textStart: m.text.length, fileStart, length: chunk.length });
  }
  m.text += chunk;
}

/** File offset of a text offset; an offset at the very end maps just past the last character. */
export function textToFile(pieces: readonly SitePiece[], textOffset: number, fallback = 0): number {
  let lo = 0;
  let hi = pieces.length - 1;
  if (hi < 0) return fallback;
  // Binary search: statements with many continuation lines have many pieces.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.textStart <= textOffset) lo = mid;
    else hi = mid - 1;
  }
  const p = pieces[lo]!;
  return p.fileStart + Math.max(0, Math.min(textOffset - p.textStart, p.length));
}

/** File span of text range [start, end): from the first character to just after the last one. */
export function textSpanToFile(pieces: readonly SitePiece[], start: number, end: number, fallback = 0): Span {
  const s = textToFile(pieces, start, fallback);
  const e = end > start ? textToFile(pieces, end - 1, fallback) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}

/** The sub-text [start, end) with pieces rebased to start at 0. */
export function sliceMapped(m: { readonly text: string; readonly pieces: readonly SitePiece[] }, start: number, end: number): MappedText {
  const out: SitePiece[] = [];
  for (const p of m.pieces) {
    const a = Math.max(start, p.textStart);
    const b = Math.min(end, p.textStart + p.length);
    if (a >= b) continue;
    out.push({ textStart: a - start, fileStart: p.fileStart + (a - p.textStart), length: b - a });
  }
  return { text: m.text.slice(start, end), pieces: out };
}

/** Like sliceMapped but with surrounding blanks removed. */
export function trimMapped(m: { readonly text: string; readonly pieces: readonly SitePiece[] }, start = 0, end = m.text.length): MappedText {
  let a = start;
  let b = end;
  while (a < b && isBlank(m.text.charCodeAt(a))) a++;
  while (b > a && isBlank(m.text.charCodeAt(b - 1))) b--;
  return sliceMapped(m, a, b);
}

export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12;
}
