// A directive as the front ends find it: sentinel stripped, continuations joined, comments removed,
// with a map from each character of `text` back to its offset in the file.
import type { Span } from '../core/span.js';
import type { SourceFile } from '../source/source-file.js';

/** `text.slice(textStart, textStart+length)` came from `file.text.slice(fileStart, fileStart+length)`. */
export interface SitePiece {
  readonly textStart: number;
  readonly fileStart: number;
  readonly length: number;
}

export interface DirectiveSite {
  readonly file: SourceFile;
  /** The whole directive in the file: C from '#' (or `_Pragma`) to the end of its last line; Fortran all sentinel lines. */
  readonly span: Span;
  /** Directive text after the `omp` word, e.g. 'parallel for private(i)'. */
  readonly text: string;
  readonly pieces: readonly SitePiece[];
  /** How the directive was written. */
  readonly spelling: 'pragma' | '_Pragma' | 'sentinel';
}

/** Map an offset in site.text to an offset in the file. */
export function siteOffset(site: DirectiveSite, textOffset: number): number {
  let best = site.pieces[0];
  for (const p of site.pieces) {
    if (p.textStart <= textOffset) best = p;
    else break;
  }
  if (!best) return site.span.start;
  return best.fileStart + Math.min(textOffset - best.textStart, Math.max(best.length, 0));
}

export function siteSpan(site: DirectiveSite, start: number, end: number): Span {
  const s = siteOffset(site, start);
  const e = end > start ? siteOffset(site, end - 1) + 1 : s;
  return { start: s, end: Math.max(e, s) };
}
