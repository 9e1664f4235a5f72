// Constructs that are valid OpenMP and were analysed, but that lowering cannot map to Athread yet.
import { defineMessage } from '../diagnostic.js';

export const schedule = defineMessage('unsupported-schedule', 'error', (kind: string) => `'schedule(${kind})' is not lowered yet; only static schedules are`);
export const reductionOperator = defineMessage('unsupported-reduction', 'error', (op: string, type: string) => `reduction '${op}' on a variable of type '${type}' is not supported`);
export const nestedDirective = defineMessage('unsupported-nested', 'error', (inner: string, outer: string) => `'#pragma omp ${inner}' inside '#pragma omp ${outer}' is not lowered yet`);
export const ldmOverflow = defineMessage('ldm-overflow', 'error', (kernel: string, bytes: number, limit: number) => `the CPE kernel '${kernel}' needs ${bytes} bytes of LDM for its arguments and private data, more than the ${limit} bytes a CPE has; make large arrays shared, or split the work`);
export const fallbackHost = defineMessage('fallback-host', 'warning', (directive: string) => `'#pragma omp ${directive}' region stays on the MPE (--fallback=host)`);
