// `o2ath demo`: the whole job on a bundled program. Translate examples/demo/heat2d.c, build the
// original with gcc -fopenmp and the translation against the emulated CPE runtime, run both, and show
// that they print the same thing and where the generated code is.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parseTarget } from './options.js';
import { runTranslate } from './translate-command.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  return execFileSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function runDemo(o: { output: string; target?: string }): Promise<number> {
  const target = parseTarget(o.target);
  const out = resolve(o.output);
  const src = join(out, 'heat2d.c');
  mkdirSync(join(out, 'athread'), { recursive: true });
  copyFileSync(join(ROOT, 'examples', 'demo', 'heat2d.c'), src);
  const say = (s: string) => process.stdout.write(s + '\n');

  say(`o2ath demo: ${src}`);
  say(`1. translate  -> ${join(out, 'athread', 'heat2d.c')}`);
  const t = runTranslate([src], { output: join(out, 'athread'), target });
  if (t !== 0) return t;

  say('2. build the original with gcc -fopenmp');
  run('gcc', ['-O2', '-fopenmp', src, '-o', join(out, 'heat2d.omp'), '-lm']);
  say(`3. build the translation against the emulated CPE runtime: o2ath cc --target ${target}`);
  const { runCompilerDriver } = await import('../build/driver.js');
  const code = await runCompilerDriver('c', ['--target', target, '-O2', src, '-o', join(out, 'heat2d.athread'), '-lm']);
  if (code !== 0) return code;

  say('4. run both');
  const a = run(join(out, 'heat2d.omp'), [], { OMP_NUM_THREADS: '2' });
  const b = run(join(out, 'heat2d.athread'), []);
  const width = Math.max(...a.split('\n').map((l) => l.length), 24);
  say(`   ${'gcc -fopenmp (2 threads)'.padEnd(width)} | Athread, 64 emulated CPEs`);
  const al = a.trimEnd().split('\n');
  const bl = b.trimEnd().split('\n');
  for (let i = 0; i < Math.max(al.length, bl.length); i++) say(`   ${(al[i] ?? '').padEnd(width)} | ${bl[i] ?? ''}`);
  const same = a === b;
  say(same ? '5. the outputs are identical' : '5. the outputs DIFFER');
  const lines = readFileSync(join(out, 'athread', 'heat2d.c'), 'utf8').split('\n').length;
  say(`   generated code: ${join(out, 'athread', 'heat2d.c')} (${lines} lines; CPE kernels under __sw_slave__, spawn sites in the MPE part)`);
  return same ? 0 : 1;
}
