// Translator speed against the host compiler's front end, measured in the same run (this machine is
// noisy): for every differential C program, `o2ath translate` vs `gcc -fsyntax-only -fopenmp`, as
// processes the way `make` runs them, plus the in-process throughput of the translation itself.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const dir = join(root, 'fixtures', 'c', 'exec');
const inputs = readdirSync(dir).map((n) => join(dir, n, 'input.c')).filter(existsSync).sort();

function time(fn, reps = 3) {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const { translateSource, defaultTranslateOptions } = await import(join(root, 'dist', 'translate.js'));
const { createSourceFile } = await import(join(root, 'dist', 'source', 'source-file.js'));

let gcc = 0, o2ath = 0, inproc = 0, lines = 0;
for (const f of inputs) {
  const text = readFileSync(f, 'utf8');
  lines += text.split('\n').length;
  gcc += time(() => execFileSync('gcc', ['-fsyntax-only', '-fopenmp', f]));
  const metaPath = join(dirname(f), 'meta.json');
  const args = existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')).o2ath_args ?? [] : [];
  const options = { ...defaultTranslateOptions, fallback: args.includes('--fallback=host') ? 'host' : 'none' };
  o2ath += time(() => execFileSync(process.execPath, [cli, 'translate', ...args, f], { stdio: ['ignore', 'ignore', 'ignore'] }));
  inproc += time(() => translateSource(createSourceFile(f, text), options));
}
const n = inputs.length;
console.log(`translate: ${n} files, ${lines} lines`);
console.log(`  gcc -fsyntax-only -fopenmp   ${(gcc / n).toFixed(1)} ms/file`);
console.log(`  o2ath translate (process)    ${(o2ath / n).toFixed(1)} ms/file   ratio ${(o2ath / gcc).toFixed(2)}x gcc`);
console.log(`  translation in process       ${(inproc / n).toFixed(2)} ms/file   ${Math.round(lines / (inproc / 1000))} lines/s   ratio ${(inproc / gcc).toFixed(2)}x gcc`);
