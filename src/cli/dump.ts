// `--dump=PHASE`: the plain-data output of one phase as JSON, for debugging and for snapshots.
import type { SourceFile } from '../source/source-file.js';
import type { TranslateOptions } from '../translate.js';
import { DiagnosticBag } from '../core/diagnostic.js';
import { parseC } from '../frontend/c/syntax.js';
import { findPragmas } from '../frontend/c/find-pragmas.js';
import { parseAndCheckDirective } from '../openmp/index.js';
import { UsageError } from './options.js';
import { planC } from '../pipeline/translate-c.js';

export const PHASES = ['sites', 'directives', 'plan'] as const;

export function dumpPhase(file: SourceFile, phase: string, options: TranslateOptions): string {
  if (file.language !== 'c') throw new UsageError(`--dump is available for C files only so far`);
  const bag = new DiagnosticBag();
  const sites = findPragmas(file, parseC(file.text).rootNode, bag).map((p) => p.site);
  if (phase === 'sites') return JSON.stringify(sites.map(({ file: _f, ...s }) => s), null, 2) + '\n';
  if (phase === 'directives') return JSON.stringify(sites.map((s) => parseAndCheckDirective(s, 'c', bag)), null, 2) + '\n';
  if (phase === 'plan') return JSON.stringify(planC(file, options).plan ?? null, null, 2) + '\n';
  throw new UsageError(`unknown phase '${phase}' for --dump (expected ${PHASES.join(', ')})`);
}
