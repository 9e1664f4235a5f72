// Shared helpers for the Fortran front-end tests.
import { DiagnosticBag } from '../../../src/core/diagnostic.js';
import { createSourceFile, type SourceFile } from '../../../src/source/source-file.js';
import { positionOf } from '../../../src/source/line-map.js';
import { parseFortran, type FortranParseOptions, type FortranTree } from '../../../src/frontend/fortran/index.js';
import type { SitePiece } from '../../../src/frontend/directive-site.js';

export function parse(text: string, form: 'free' | 'fixed' = 'free', options: FortranParseOptions = {}): { tree: FortranTree; bag: DiagnosticBag; file: SourceFile } {
  const file = createSourceFile(form === 'free' ? 'test.f90' : 'test.f', text);
  const bag = new DiagnosticBag();
  return { tree: parseFortran(file, bag, options), bag, file };
}

/** "line:col" of a file offset. */
export function loc(file: SourceFile, offset: number): string {
  const p = positionOf(file.lines, offset);
  return `${p.line}:${p.column}`;
}

/** Every piece must copy its characters from the file verbatim. */
export function piecesAreExact(file: SourceFile, text: string, pieces: readonly SitePiece[]): boolean {
  for (const p of pieces) {
    if (text.slice(p.textStart, p.textStart + p.length) !== file.text.slice(p.fileStart, p.fileStart + p.length)) return false;
  }
  return true;
}

/** Code lines for fixed form: pads a label and column-6 marker. `fx('10', ' ', 'continue')`. */
export function fx(label: string, col6: string, text: string): string {
  return `${label.padEnd(5)}${col6}${text}`;
}
