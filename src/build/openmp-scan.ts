// A cheap test for "this file has OpenMP in it", so that the driver can skip the translator for the bulk
// of a legacy code's files. It may say yes too often (a directive inside `#if 0` or a comment block):
// the file is then translated, which is always correct. It must never say no to a real directive.
import type { DriverLanguage } from './args.js';

/** C: `#pragma omp`, `# pragma omp` and `_Pragma("omp ...")`. */
const C_OPENMP = /^[ \t]*#[ \t]*pragma[ \t]+omp\b|_Pragma[ \t]*\([ \t]*"[ \t]*omp\b/m;
/**
 * Fortran: `!$omp` anywhere a comment may start (free form), `c$omp` / `*$omp` in column 1 (fixed form),
 * and `!$ ` / `c$ ` conditional-compilation lines, which only an OpenMP compile keeps.
 */
const F_OPENMP = /^[ \t]*!\$omp|^[cC*]\$omp|^[ \t]*!\$[ \t&]|^[cC*!]\$[ \t0-9]/im;

export function containsOpenMP(text: string, language: DriverLanguage): boolean {
  return language === 'fortran' ? F_OPENMP.test(text) : C_OPENMP.test(text);
}
