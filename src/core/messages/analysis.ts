// Data-sharing, loop-form and region-structure errors found by analysis.
import { defineMessage } from '../diagnostic.js';

export const defaultNone = defineMessage('omp-default-none', 'error', (name: string, directive: string) => `'${name}' not specified in enclosing '${directive}'`);
