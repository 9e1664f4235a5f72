// Valid OpenMP that o2ath does not lower to Athread. With --fallback=host the region stays on the MPE.
import { defineMessage } from '../diagnostic.js';

export const directive = defineMessage('unsupported-directive', 'error', (directive: string) => `'${directive}' is not supported on Athread yet`);
