// Locations of the data the kernel library ships: templates, oracle files and the runtime. Resolved
// relative to this module so that both src/ (vitest) and dist/ (the installed CLI) find them.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Repository (or package) root: src/kernels/ and dist/kernels/ are both two levels down. */
export const packageRoot = path.resolve(here, '..', '..');
export const kernelTemplatesDir = path.join(packageRoot, 'templates', 'kernels');
export const oracleDataDir = path.join(packageRoot, 'oracles', 'data');
