// Command-line and build errors.
import { defineMessage } from '../diagnostic.js';

export const cannotRead = defineMessage('driver-cannot-read', 'error', (path: string, why: string) => `cannot read '${path}': ${why}`);
export const unknownLanguage = defineMessage('driver-unknown-language', 'error', (path: string) => `cannot tell the language of '${path}' from its extension`);
export const toolFailed = defineMessage('driver-tool-failed', 'error', (tool: string, code: string) => `'${tool}' failed (${code})`);
