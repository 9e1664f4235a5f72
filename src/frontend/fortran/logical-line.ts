// What the source-form readers produce: logical lines (continuations joined, comments dropped), each
// either Fortran code, an OpenMP directive, a conditional-compilation (`!$ `) code line, or a
// preprocessor line kept verbatim. Statements are cut from code lines later (`;`, labels).
import type { Span } from '../../core/span.js';
import type { SitePiece } from '../directive-site.js';

export interface LogicalLine {
  readonly kind: 'code' | 'conditional' | 'directive' | 'preprocessor';
  /** Joined text. Directives: the text after the `omp` word, trimmed. */
  readonly text: string;
  readonly pieces: readonly SitePiece[];
  /** From the start of the first physical line to the end of the last one. */
  readonly span: Span;
  /** Fixed form: the label from columns 1-5 (digits only, leading zeros dropped). */
  readonly label?: string;
}

/** One physical line: [start, end) in the file, without its terminator ("\n" or "\r\n"). */
export interface PhysicalLine {
  readonly start: number;
  readonly text: string;
}

export function physicalLines(text: string, starts: readonly number[]): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!;
    if (i === starts.length - 1 && s === text.length) break; // a final newline does not open an empty line
    let e = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
    if (e > s && text.charCodeAt(e - 1) === 13) e--;
    // A UTF-8 byte-order mark is not part of the first line (columns count from after it).
    const b = i === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    out.push({ start: s + b, text: text.slice(s + b, e) });
  }
  return out;
}

export function lineEnd(l: PhysicalLine): number {
  return l.start + l.text.length;
}

/** A label field: digits (blanks ignored in fixed form), leading zeros dropped; undefined when empty or not digits. */
export function normaliseLabel(field: string): string | undefined {
  const digits = field.replace(/[ \t]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  return String(Number(digits));
}

/** Preprocessor line and its backslash continuations; returns the index of its last physical line. */
export function preprocessorEnd(lines: readonly PhysicalLine[], i: number): number {
  let j = i;
  while (j + 1 < lines.length && /\\\s*$/.test(lines[j]!.text)) j++;
  return j;
}
