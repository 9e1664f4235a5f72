// Differential execution of the Fortran corpus (fixtures/fortran/exec/<name>/input.<ext>), in the
// manner of test/exec/differential.test.ts:
//   serial   gfortran -O2 input.f90
//   openmp   gfortran -O2 -fopenmp input.f90, run with OMP_NUM_THREADS=2
//   o2ath    node dist/cli.js fc --mode emulate -O2 input.f90 -o prog
// All three must exit 0 and print what the serial build prints: integers exactly, floating-point
// tokens within meta.json's `tolerance` (relative) / `abs_tolerance` (default exact).
// With meta.json `repeat: N` the translation runs N times and must print the same bytes each time.
// O2ATH_EXEC_ONLY=name,name restricts the run; EXEC_JOBS (default 2) bounds concurrency.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOutputs, parseMeta } from '../exec/compare.mjs';
import type { FixtureMeta } from '../exec/compare.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const root = join(repo, 'fixtures', 'fortran', 'exec');
const cli = join(repo, 'dist', 'cli.js');
const JOBS = Math.max(1, Number(process.env['EXEC_JOBS'] ?? 2));
const SOURCES = ['input.f90', 'input.F90', 'input.f', 'input.F'];

interface Run {
  command: string;
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd, env, timeout: timeoutMs, maxBuffer: 32 << 20, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
      res({ command: [cmd, ...args].join(' '), code: e === null ? 0 : typeof e.code === 'number' ? e.code : null, stdout: String(stdout), stderr: String(stderr) + (e && typeof e.code !== 'number' ? e.message : '') });
    });
  });
}

class Pool {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
const pool = new Pool(JOBS);

function fixtures(): { name: string; dir: string; src: string }[] {
  if (!existsSync(root)) return [];
  const only = new Set((process.env['O2ATH_EXEC_ONLY'] ?? '').split(',').filter((s) => s !== ''));
  return readdirSync(root)
    .filter((n) => statSync(join(root, n)).isDirectory() && (only.size === 0 || only.has(n)))
    .sort()
    .map((name) => {
      const dir = join(root, name);
      const src = SOURCES.find((s) => existsSync(join(dir, s)));
      return { name, dir, src: join(dir, src ?? 'input.f90') };
    });
}

function readMeta(dir: string): FixtureMeta {
  const p = join(dir, 'meta.json');
  return parseMeta(existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined);
}

type Variant = 'serial' | 'openmp' | 'o2ath';

function buildArgs(v: Variant, src: string, exe: string): [string, string[]] {
  if (v === 'serial') return ['gfortran', ['-O2', src, '-o', exe]];
  if (v === 'openmp') return ['gfortran', ['-O2', '-fopenmp', src, '-o', exe]];
  return [process.execPath, [cli, 'fc', '--mode', 'emulate', '-O2', src, '-o', exe]];
}

async function variant(v: Variant, fx: { dir: string; src: string }, meta: FixtureMeta, tmp: string): Promise<string | Run> {
  const exe = join(tmp, v);
  const [cmd, args] = buildArgs(v, fx.src, exe);
  const b = await run(cmd, args, tmp, process.env, 120_000);
  if (b.code !== 0) return `${v} build failed:\n$ ${b.command}\n${b.stderr}${b.stdout}`;
  const env = { ...process.env, ...meta.env, ...(v === 'openmp' ? { OMP_NUM_THREADS: '2' } : {}) };
  const r = await run(exe, meta.args, fx.dir, env, meta.timeoutMs);
  if (r.code !== 0) return `${v} run exited with ${r.code}:\n${r.stdout}\n${r.stderr}`;
  return r;
}

describe('Fortran differential execution', () => {
  const all = fixtures();
  it('has fixtures', () => expect(all.length).toBeGreaterThan(0));
  for (const fx of all) {
    it(fx.name, async () => {
      const meta = readMeta(fx.dir);
      const tmp = mkdtempSync(join(tmpdir(), `o2ath-fexec-${fx.name}-`));
      const [serial, openmp, o2ath] = await pool.use(async () => [
        await variant('serial', fx, meta, tmp),
        await variant('openmp', fx, meta, tmp),
        await variant('o2ath', fx, meta, tmp),
      ]);
      const problems: string[] = [];
      for (const r of [serial, openmp, o2ath]) if (typeof r === 'string') problems.push(r);
      if (problems.length === 0) {
        const ref = (serial as Run).stdout;
        for (const [name, r] of [['openmp', openmp], ['o2ath', o2ath]] as const) {
          const cmp = compareOutputs(ref, (r as Run).stdout, { tolerance: meta.tolerance, absTolerance: meta.absTolerance });
          if (!cmp.ok) problems.push(`${name} differs from serial:\n${cmp.problems.join('\n')}\n--- serial\n${ref}--- ${name}\n${(r as Run).stdout}`);
        }
      }
      // Reductions are combined in CPE order: every run of the translation prints the same bytes.
      for (let k = 2; problems.length === 0 && k <= meta.repeat; k++) {
        const again = await pool.use(() => run(join(tmp, 'o2ath'), meta.args, fx.dir, { ...process.env, ...meta.env }, meta.timeoutMs));
        if (again.code !== 0 || again.stdout !== (o2ath as Run).stdout) problems.push(`run ${k} of ${meta.repeat} of the translation differs from run 1:\n${again.stdout}${again.stderr}`);
      }
      if (problems.length === 0 && process.env['O2ATH_EXEC_KEEP'] !== '1') rmSync(tmp, { recursive: true, force: true });
      expect(problems.join('\n\n')).toBe('');
    }, 300_000);
  }
});
