// Test helpers: build a one-directive SourceFile and its DirectiveSite the way the front ends do
// (sentinel stripped, continuation lines joined, a piece per line mapping back to file offsets).
import { DiagnosticBag } from '../../src/core/diagnostic.js';
import { formatDiagnosticsText } from '../../src/core/format-diagnostic.js';
import type { DirectiveSite, SitePiece } from '../../src/frontend/directive-site.js';
import { parseAndCheckDirective } from '../../src/openmp/index.js';
import type { OmpDirective } from '../../src/openmp/ast.js';
import { createSourceFile } from '../../src/source/source-file.js';
import type { Language } from '../../src/openmp/spec-types.js';

/**
 * `lines` are the directive's pieces: C writes one `#pragma omp` line (and `\` continuations),
 * Fortran one `!$omp` line per piece with `&` continuations.
 */
export function makeSite(language: Language, ...lines: string[]): DirectiveSite {
  const path = language === 'c' ? 'test.c' : 'test.f90';
  let fileText = '';
  let text = '';
  const pieces: SitePiece[] = [];
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    const prefix = language === 'c' ? (i === 0 ? '#pragma omp ' : '    ') : i === 0 ? '!$omp ' : '!$omp& ';
    const suffix = last ? '' : language === 'c' ? ' \\' : ' &';
    pieces.push({ textStart: text.length, fileStart: fileText.length + prefix.length, length: line.length });
    fileText += prefix + line + suffix + '\n';
    text += line + (last ? '' : ' ');
  });
  const file = createSourceFile(path, fileText);
  return { file, span: { start: 0, end: fileText.length - 1 }, text, pieces, spelling: language === 'c' ? 'pragma' : 'sentinel' };
}

export function run(language: Language, ...lines: string[]): { directive: OmpDirective | undefined; bag: DiagnosticBag; text: string } {
  const site = makeSite(language, ...lines);
  const bag = new DiagnosticBag();
  const directive = parseAndCheckDirective(site, language, bag);
  return { directive, bag, text: formatDiagnosticsText(bag.items) };
}
