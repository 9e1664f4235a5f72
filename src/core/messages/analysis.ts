// Data-sharing, loop-form and region-structure errors found by analysis.
import { defineMessage } from '../diagnostic.js';

export const defaultNone = defineMessage('omp-default-none', 'error', (name: string, directive: string) => `'${name}' not specified in enclosing '${directive}'`);
export const loopForm = defineMessage('omp-loop-form', 'error', (why: string) => `loop is not in OpenMP canonical form: ${why}`);
export const reductionNotShared = defineMessage('omp-reduction-private', 'error', (name: string) => `reduction variable '${name}' is private in the enclosing parallel region`);
export const notAVariable = defineMessage('omp-not-a-variable', 'error', (name: string) => `'${name}' is not a variable visible here`);
export const sharedLoopIndex = defineMessage('omp-shared-loop-index', 'warning', (name: string) => `'${name}' is the index of a sequential loop inside the parallel region but is shared (declared outside the region and not listed private): the original program has a data race on it`);
export const orphanInCallee = defineMessage('unsupported-in-cpe-function', 'error', (fn: string, directive: string) => `'${fn}' runs on the CPEs (it is called from a parallel region) but contains '#pragma omp ${directive}', which is not lowered`);
export const externalCall = defineMessage('cpe-external-call', 'warning', (fn: string) => `'${fn}' is called from CPE code but is not defined in this file; it must exist on the CPE side (add it to --cpe-functions, or mark it '#pragma omp declare target')`);
export const functionPointerCall = defineMessage('unsupported-function-pointer', 'error', () => `call through a function pointer in CPE code: o2ath cannot tell which function must exist on the CPE`);
export const vmStruct = defineMessage('unsupported-local-type', 'error', (name: string) => `the type of '${name}' is declared inside the function; CPE code cannot see it — move the type to file scope`);
export const addressOfPrivate = defineMessage('omp-invalid-private', 'error', (name: string, why: string) => `'${name}' cannot be privatised: ${why}`);
export const reductionType = defineMessage('unsupported-reduction-type', 'error', (name: string, op: string) => `reduction '${op}' on '${name}': only scalar arithmetic variables are supported in reductions so far`);
export const nonRectangular = defineMessage('unsupported-non-rectangular', 'error', (inner: string, outer: string) => `the bounds of the '${inner}' loop depend on '${outer}': non-rectangular collapsed loops are not lowered yet`);
export const arrayReductionShape = defineMessage('unsupported-array-reduction', 'error', (item: string) => `reduction on '${item}': only whole arrays and one-dimensional sections are supported`);
export const arrayReductionSize = defineMessage('unsupported-array-reduction-size', 'error', (item: string) => `reduction on '${item}': the section length must be a constant expression (a literal or a macro), so each CPE's copy fits in LDM`);
export const threadprivateUse = defineMessage('unsupported-threadprivate', 'error', (name: string, why: string) => `threadprivate '${name}': ${why}`);
export const loopIndexType = defineMessage('unsupported-loop-index', 'error', (name: string, type: string) => `the loop index '${name}' has type '${type}'; only integer indices are lowered (pointer and floating-point indices are not)`);
