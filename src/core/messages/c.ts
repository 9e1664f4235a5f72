// C front-end problems: the C around a directive is not what the directive needs.
import { defineMessage } from '../diagnostic.js';

export const pragmaEscape = defineMessage('c-pragma-escape', 'error', () => `escape sequences inside _Pragma("omp ...") are not supported; write the directive as #pragma omp`);
export const syntaxError = defineMessage('c-syntax-error', 'error', (what: string) => `cannot parse this C: ${what}`);
export const noStatement = defineMessage('omp-no-statement', 'error', (directive: string) => `'#pragma omp ${directive}' must be followed by a statement`);
export const notALoop = defineMessage('omp-not-a-loop', 'error', (directive: string) => `'#pragma omp ${directive}' must be followed by a 'for' loop`);
export const pragmaInBody = defineMessage('c-pragma-unbraced', 'error', () => `an OpenMP directive directly under an unbraced 'if', 'for', 'while' or 'else' cannot be translated; put braces around the statement`);
