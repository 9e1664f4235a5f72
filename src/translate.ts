// The library entry point: one source file in, translated files and diagnostics out. The CLI
// (`o2ath translate`) and the compiler drivers (`o2ath cc`/`fc`) both call this.
import type { Diagnostic } from './core/diagnostic.js';
import type { SourceFile } from './source/source-file.js';
import { translateC } from './pipeline/translate-c.js';
import { translateFortran } from './pipeline/translate-fortran.js';

export type Target = 'sw26010pro' | 'sw26010';
export type Layout = 'hybrid' | 'split';

export interface TranslateOptions {
  readonly target: Target;
  readonly layout: Layout;
  /** 'host': a region we cannot lower stays on the MPE unchanged (a warning instead of an error). */
  readonly fallback: 'none' | 'host';
  /** Functions defined in other files that CPE code calls (from `--cpe-functions`). */
  readonly cpeFunctions: readonly string[];
  /**
   * Print a note for each construct accepted without an Athread effect (`map`, `target update`...).
   * On for `o2ath translate`, which a person reads; off for the compiler drivers inside `make`.
   */
  readonly notes?: boolean;
}

export interface OutputFile {
  /** File name relative to the output directory, e.g. 'prog.c' (hybrid) or 'prog.host.c' / 'prog.slave.c' (split). */
  readonly name: string;
  readonly text: string;
  /** hybrid: compile twice (-D__sw_host__ / -D__sw_slave__); host / slave: compile once for that side. */
  readonly role: 'hybrid' | 'host' | 'slave';
}

export interface TranslateResult {
  readonly ok: boolean;
  readonly files: readonly OutputFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Functions the slave side references but does not define (they must be `slave_`-renamed at link). */
  readonly slaveImports: readonly string[];
  /** Number of regions moved to the CPEs. */
  readonly kernels: number;
}

export const defaultTranslateOptions: TranslateOptions = {
  target: 'sw26010pro',
  layout: 'hybrid',
  fallback: 'none',
  cpeFunctions: [],
};

export function translateSource(file: SourceFile, options: TranslateOptions = defaultTranslateOptions): TranslateResult {
  return file.language === 'c' ? translateC(file, options) : translateFortran(file, options);
}
