// Fortran lowering: region structure problems and valid OpenMP that the Fortran translation does not
// map to Athread yet (unsupported-*), each at the directive or the variable concerned.
import { defineMessage } from '../diagnostic.js';

export const unmatchedEnd = defineMessage('fortran-omp-unmatched-end', 'error', (kind: string) => `'!$omp ${kind}' has no matching opening directive`);
export const missingEnd = defineMessage('fortran-omp-missing-end', 'error', (kind: string) => `'!$omp ${kind}' is never closed by '!$omp end ${kind}'`);
export const loopExpected = defineMessage('fortran-omp-loop-expected', 'error', (kind: string) => `'!$omp ${kind}' must be followed by a DO loop`);
export const directive = defineMessage('unsupported-fortran-directive', 'error', (kind: string, where: string) => `'!$omp ${kind}' ${where} is not lowered yet`);
export const clause = defineMessage('unsupported-fortran-clause', 'error', (clause: string, kind: string) => `clause '${clause}' on '!$omp ${kind}' is not lowered yet`);
export const schedule = defineMessage('unsupported-fortran-schedule', 'error', (kind: string) => `'schedule(${kind})' is not lowered yet for Fortran; only static schedules are`);
export const variable = defineMessage('unsupported-fortran-variable', 'error', (name: string, why: string) => `variable '${name}' cannot be passed to the CPEs: ${why}`);
export const reduction = defineMessage('unsupported-fortran-reduction', 'error', (op: string, name: string, why: string) => `reduction '${op}' on '${name}' is not lowered: ${why}`);
export const loopForm = defineMessage('unsupported-fortran-loop', 'error', (why: string) => `this DO loop cannot be partitioned: ${why}`);
export const reservedName = defineMessage('fortran-reserved-name', 'error', (name: string) => `'${name}': names starting with 'o2ath_' are reserved for the translation`);
export const fallbackHost = defineMessage('fortran-fallback-host', 'warning', (kind: string) => `'!$omp ${kind}' region stays on the MPE (--fallback=host)`);
