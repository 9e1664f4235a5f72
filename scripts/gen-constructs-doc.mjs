// Regenerate docs/constructs.md from the OpenMP vocabulary table (src/openmp/directives.ts, clauses.ts).
// The renderer is src/openmp/render-constructs-doc.ts; running its test with O2ATH_WRITE_DOCS=1 writes
// the file (vitest runs the TypeScript directly, so no build is needed).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync('npx', ['vitest', 'run', 'test/openmp/constructs-doc.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, O2ATH_WRITE_DOCS: '1' },
});
process.exit(r.status ?? 1);
