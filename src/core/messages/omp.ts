// Invalid OpenMP: the directive or clause is wrong whatever the target.
import { defineMessage } from '../diagnostic.js';

export const unknownDirective = defineMessage('omp-unknown-directive', 'error', (word: string) => `unknown OpenMP directive '${word}'`);
export const unknownClause = defineMessage('omp-unknown-clause', 'error', (word: string, directive: string) => `unknown clause '${word}' on '#pragma omp ${directive}'`);
export const syntax = defineMessage('omp-syntax', 'error', (what: string) => what);
