// The message catalog: every diagnostic o2ath can print is declared once, in one of these family
// files, with a stable name. Families: omp-* (invalid OpenMP), unsupported-* (valid but not lowered
// to Athread), c-*/fortran-* (front ends), driver-* (command line and build).
export * as omp from './omp.js';
export * as unsupported from './unsupported.js';
export * as analysis from './analysis.js';
export * as driver from './driver.js';
export * as c from './c.js';
export * as lower from './lower.js';
export * as fortran from './fortran.js';
export * as fortranLower from './fortran-lower.js';
