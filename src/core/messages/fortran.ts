// Fortran front end: source form, continuation and statement-structure problems. Most are warnings:
// the front end keeps going and passes what it does not understand through verbatim.
import { defineMessage } from '../diagnostic.js';

export const unclassified = defineMessage('fortran-unclassified', 'note', (head: string) => `statement not classified, passed through verbatim: '${head}'`);
export const lineTooLong = defineMessage('fortran-line-too-long', 'warning', (limit: number) => `line longer than ${limit} characters`);
export const unterminatedString = defineMessage('fortran-unterminated-string', 'warning', () => 'unterminated character constant');
export const missingContinuation = defineMessage('fortran-missing-continuation', 'warning', (what: string) => `line ends with '&' but no continuation line ('${what}') follows`);
export const strayContinuation = defineMessage('fortran-stray-continuation', 'warning', () => 'continuation line without a line to continue');
export const unterminatedConstruct = defineMessage('fortran-unterminated-construct', 'warning', (what: string) => `'${what}' is never closed`);
export const mismatchedEnd = defineMessage('fortran-mismatched-end', 'warning', (got: string, open: string) => `'${got}' does not close the open '${open}'`);
export const unexpectedEnd = defineMessage('fortran-unexpected-end', 'warning', (got: string) => `'${got}' has nothing to close`);
export const badLabelField = defineMessage('fortran-bad-label-field', 'warning', () => 'characters other than a label in columns 1-5 of a fixed-form line (free-form source?)');
export const includeNotFound = defineMessage('fortran-include-not-found', 'warning', (path: string) => `INCLUDE file '${path}' not found; its declarations are unknown`);
