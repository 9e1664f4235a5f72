#!/usr/bin/env node
// Validates the differential-execution corpus without the translator: every fixture
// (fixtures/c/exec/*/input.c, and fixtures/c/exec-pending/* with --pending) is built
//   serial:  gcc -O2 -Wall -Wno-unknown-pragmas input.c -lm
//   OpenMP:  gcc -O2 -Wall -fopenmp input.c -lm
// Both builds must be free of warnings. The serial program is run once, the OpenMP one with
// OMP_NUM_THREADS=1,2,3,4 and 64 (64 threads on few cores is what the emulated CPE runtime does; its
// time is reported and must stay small). Every output must agree with the serial one (exactly, or
// within the tolerance of the fixture's meta.json), every exit status must be 0, and the output must
// end with a "checksum" line.
//
// Usage: node scripts/check-oracles.mjs [--pending] [--only NAME] [--jobs N] [fixture-dir ...]
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareOutputs, parseMeta } from '../test/exec/compare.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
let pending = false;
let jobs = 2;
/** @type {string|null} */
let only = null;
/** @type {string[]} */
const explicit = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--pending') pending = true;
  else if (a === '--jobs') jobs = Number(argv[++i]);
  else if (a === '--only') only = argv[++i] ?? null;
  else explicit.push(resolve(a));
}

/** @returns {string[]} */
function fixtureDirs() {
  if (explicit.length > 0) return explicit;
  const roots = [join(repo, 'fixtures/c/exec')];
  if (pending) roots.push(join(repo, 'fixtures/c/exec-pending'));
  /** @type {string[]} */
  const out = [];
  for (const r of roots) {
    if (!existsSync(r)) continue;
    for (const name of readdirSync(r).sort()) {
      const d = join(r, name);
      if (!statSync(d).isDirectory()) continue;
      if (only !== null && name !== only) continue;
      out.push(d);
    }
  }
  return out;
}

/**
 * @param {string} cmd @param {string[]} args @param {{env?: NodeJS.ProcessEnv, cwd?: string, timeout?: number}} opts
 * @returns {Promise<{code: number|null, stdout: string, stderr: string, ms: number, signal: string|null}>}
 */
function run(cmd, args, opts = {}) {
  const t0 = performance.now();
  return new Promise((res) => {
    execFile(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, timeout: opts.timeout ?? 60_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const e = /** @type {any} */ (err);
        res({ code: err ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null,
          stdout: String(stdout), stderr: String(stderr), ms: performance.now() - t0 });
      });
  });
}

/** @param {string} dir */
async function checkFixture(dir) {
  const name = dir.split('/').slice(-2).join('/');
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const notes = [];
  const src = join(dir, 'input.c');
  if (!existsSync(src)) return { name, errors: ['no input.c'], notes };
  let meta;
  try {
    const mp = join(dir, 'meta.json');
    meta = parseMeta(existsSync(mp) ? JSON.parse(readFileSync(mp, 'utf8')) : undefined);
  } catch (e) {
    return { name, errors: [String(e)], notes };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'o2ath-oracle-'));
  try {
    const builds = [
      ['serial', ['-O2', '-Wall', '-Wno-unknown-pragmas', src, '-o', join(tmp, 'serial'), '-lm']],
      ['openmp', ['-O2', '-Wall', '-fopenmp', src, '-o', join(tmp, 'openmp'), '-lm']],
    ];
    for (const [what, args] of builds) {
      const r = await run('gcc', /** @type {string[]} */ (args));
      if (r.code !== 0) { errors.push(`${what} build failed:\n${r.stderr}`); return { name, errors, notes }; }
      if (r.stderr.trim() !== '') errors.push(`${what} build has warnings:\n${r.stderr}`);
    }
    const baseEnv = { ...process.env, ...meta.env };
    const ref = await run(join(tmp, 'serial'), meta.args, { cwd: dir, env: baseEnv, timeout: meta.timeoutMs });
    if (ref.code !== 0) errors.push(`serial run exited with ${ref.code ?? ref.signal}\n${ref.stdout}${ref.stderr}`);
    if (ref.stderr !== '') notes.push(`serial stderr: ${ref.stderr.trim()}`);
    const lines = ref.stdout.trimEnd().split('\n');
    if (!/^checksum\b/i.test(lines[lines.length - 1] ?? '')) errors.push('output does not end with a "checksum" line');
    if (/FAIL/.test(ref.stdout)) errors.push('serial output says FAIL');
    notes.push(`serial ${ref.ms.toFixed(0)} ms`);
    for (const t of ['1', '2', '3', '4', '64']) {
      /** @type {NodeJS.ProcessEnv} */
      const env = { ...baseEnv, OMP_NUM_THREADS: t };
      if (t === '64') env.OMP_WAIT_POLICY = 'passive';
      const r = await run(join(tmp, 'openmp'), meta.args, { cwd: dir, env, timeout: meta.timeoutMs });
      if (r.code !== 0) { errors.push(`OMP_NUM_THREADS=${t}: exit ${r.code ?? r.signal}\n${r.stdout}${r.stderr}`); continue; }
      const cmp = compareOutputs(ref.stdout, r.stdout, meta);
      if (!cmp.ok) errors.push(`OMP_NUM_THREADS=${t} differs from serial:\n  ${cmp.problems.join('\n  ')}`);
      if (t === '64') {
        notes.push(`64 threads ${r.ms.toFixed(0)} ms`);
        if (r.ms > 3000) errors.push(`too slow with 64 threads: ${r.ms.toFixed(0)} ms`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { name, errors, notes };
}

const dirs = fixtureDirs();
if (dirs.length === 0) { console.error('no fixtures found'); process.exit(2); }
/** @type {{name: string, errors: string[], notes: string[]}[]} */
const results = new Array(dirs.length);
let next = 0;
async function worker() {
  while (next < dirs.length) {
    const i = next++;
    const r = await checkFixture(/** @type {string} */ (dirs[i]));
    results[i] = r;
    const status = r.errors.length === 0 ? 'ok  ' : 'FAIL';
    console.log(`${status} ${r.name}  (${r.notes.join(', ')})`);
    for (const e of r.errors) console.log('     ' + e.replace(/\n/g, '\n     '));
  }
}
await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
const failed = results.filter((r) => r.errors.length > 0).length;
console.log(`${results.length - failed} passed, ${failed} failed (of ${results.length} fixtures)`);
process.exit(failed === 0 ? 0 : 1);
