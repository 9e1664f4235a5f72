#!/usr/bin/env node
// Runs one example of examples/ml: `node examples/ml/run.mjs NAME [OUTDIR]` (after `npm run build`).
// Same as `o2ath kernels example NAME -o OUTDIR`.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { EXAMPLES, runExample } = await import(path.join(root, 'dist', 'kernels', 'examples.js'));
const [name, outDir = '.'] = process.argv.slice(2);
if (!name) {
  for (const e of EXAMPLES) console.log(`${e.name.padEnd(12)} ${e.method}: ${e.claim}`);
  process.exit(0);
}
const r = await runExample(name, path.resolve(outDir));
process.stdout.write(r.stdout);
if (!r.ok) {
  process.stderr.write(`${r.error ?? 'failed'}\n`);
  process.exit(1);
}
