// Differential execution of the C corpus (fixtures/c/exec/<name>/input.c).
//
// For every fixture three programs are built in a temporary directory and run:
//   serial   gcc -O2 -Wno-unknown-pragmas input.c -lm           (the oracle)
//   openmp   gcc -O2 -fopenmp input.c -lm, run with OMP_NUM_THREADS=2
//   o2ath    node dist/cli.js cc --mode emulate [meta.json o2ath_args] -O2 input.c -o prog -lm
// All three must exit with status 0, and the stdout of `openmp` and of `o2ath` must equal the
// serial stdout line by line. Numeric tokens are compared as numbers: integers always exactly;
// floating-point tokens within the relative tolerance `tolerance` (and absolute `abs_tolerance`)
// of the fixture's optional meta.json. DEFAULT TOLERANCE: 0, i.e. exact.
//
// With "repeat": N in meta.json the translated program is run N times and every output must be
// byte-identical to the first (reductions are combined in a fixed order, whatever the timing).
//
// Programs are built and run concurrently, at most EXEC_JOBS at a time (default 2: the machines
// have two cores and the emulated runtime runs 64 threads per region).
//
// fixtures/c/exec-pending/ holds programs for constructs that are not lowered yet; they are not
// run here unless O2ATH_EXEC_PENDING=1. O2ATH_EXEC_ONLY=name,name restricts the run to some
// fixtures. O2ATH_EXEC_KEEP=1 keeps the temporary build directories.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareOutputs, parseMeta } from './compare.mjs';
import type { FixtureMeta } from './compare.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const execRoot = join(repo, 'fixtures', 'c', 'exec');
const pendingRoot = join(repo, 'fixtures', 'c', 'exec-pending');
// O2ATH_EXEC_CLI points the harness at another driver script (used to test the harness itself).
const cli = process.env['O2ATH_EXEC_CLI'] ?? join(repo, 'dist', 'cli.js');
const DEFAULT_TOLERANCE = 0; // exact unless a fixture's meta.json says otherwise
const JOBS = Math.max(1, Number(process.env['EXEC_JOBS'] ?? 2));
const ALLOWED_FILES = new Set(['input.c', 'meta.json']);
const BUILD_TIMEOUT_MS = 90_000;

interface Fixture {
  name: string;
  dir: string;
}

function listFixtures(root: string): Fixture[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ name, dir: join(root, name) }));
}

function selectedFixtures(): Fixture[] {
  let all = listFixtures(execRoot);
  if (process.env['O2ATH_EXEC_PENDING'] === '1') {
    all = all.concat(listFixtures(pendingRoot).map((f) => ({ ...f, name: `pending/${f.name}` })));
  }
  const only = process.env['O2ATH_EXEC_ONLY'];
  if (only !== undefined && only !== '') {
    const wanted = new Set(only.split(',').map((s) => s.trim()));
    all = all.filter((f) => wanted.has(f.name) || wanted.has(f.name.replace(/^pending\//, '')));
  }
  return all;
}

function readMeta(dir: string): FixtureMeta {
  const p = join(dir, 'meta.json');
  const meta = parseMeta(existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : undefined);
  if (!existsSync(p)) meta.tolerance = DEFAULT_TOLERANCE;
  return meta;
}

// ---------------------------------------------------------------------------------------------
// Process helpers

interface RunResult {
  command: string;
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

function run(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  const start = performance.now();
  const command = [cmd, ...args].join(' ');
  return new Promise((res) => {
    execFile(
      cmd,
      args,
      { cwd: opts.cwd, env: opts.env ?? process.env, timeout: opts.timeoutMs, maxBuffer: 32 << 20, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string }) | null;
        res({
          command,
          code: e === null ? 0 : typeof e.code === 'number' ? e.code : null,
          signal: e?.signal ?? null,
          stdout: String(stdout),
          stderr: e !== null && typeof e.code === 'string' ? `${String(stderr)}${e.message}` : String(stderr),
          ms: performance.now() - start,
          timedOut: e?.killed === true,
        });
      },
    );
  });
}

/** A counting semaphore: at most JOBS fixtures build and run at once. */
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

// ---------------------------------------------------------------------------------------------
// Building and running one variant of one fixture

type Variant = 'serial' | 'openmp' | 'o2ath';

interface VariantResult {
  variant: Variant;
  build: RunResult;
  run: RunResult | null; // null when the build failed
}

function buildCommand(variant: Variant, src: string, exe: string, meta: FixtureMeta): [string, string[]] {
  switch (variant) {
    case 'serial':
      return ['gcc', ['-O2', '-Wno-unknown-pragmas', src, '-o', exe, '-lm']];
    case 'openmp':
      return ['gcc', ['-O2', '-fopenmp', src, '-o', exe, '-lm']];
    case 'o2ath':
      return [process.execPath, [cli, 'cc', '--mode', 'emulate', ...meta.o2athArgs, '-O2', src, '-o', exe, '-lm']];
  }
}

async function buildAndRun(fx: Fixture, meta: FixtureMeta, variant: Variant, tmp: string): Promise<VariantResult> {
  const src = join(fx.dir, 'input.c');
  const exe = join(tmp, variant);
  const [cmd, args] = buildCommand(variant, src, exe, meta);
  const build = await run(cmd, args, { cwd: tmp, timeoutMs: BUILD_TIMEOUT_MS });
  if (build.code !== 0 || !existsSync(exe)) return { variant, build, run: null };
  const env: NodeJS.ProcessEnv = { ...process.env, ...meta.env };
  if (variant === 'openmp') env['OMP_NUM_THREADS'] = '2';
  const result = await run(exe, meta.args, { cwd: fx.dir, env, timeoutMs: meta.timeoutMs });
  return { variant, build, run: result };
}

// Each fixture's serial oracle is built once and shared by its tests.
const oracleCache = new Map<string, Promise<{ serial: VariantResult; openmp: VariantResult }>>();

function withTmp<T>(fx: Fixture, fn: (tmp: string) => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const tmp = mkdtempSync(join(tmpdir(), `o2ath-exec-${fx.name.replace(/\W/g, '_')}-`));
  return fn(tmp).then(
    (v) => {
      if (process.env['O2ATH_EXEC_KEEP'] !== '1' && ok(v)) rmSync(tmp, { recursive: true, force: true });
      return v;
    },
    (e: unknown) => {
      throw e;
    },
  );
}

function oracles(fx: Fixture, meta: FixtureMeta) {
  let p = oracleCache.get(fx.dir);
  if (p === undefined) {
    p = pool.use(() =>
      withTmp(
        fx,
        async (tmp) => ({
          serial: await buildAndRun(fx, meta, 'serial', tmp),
          openmp: await buildAndRun(fx, meta, 'openmp', tmp),
        }),
        () => true,
      ),
    );
    oracleCache.set(fx.dir, p);
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Reporting

function indent(text: string, prefix = '    | '): string {
  const t = text.replace(/\n$/, '');
  return t === '' ? `${prefix}(empty)` : t.split('\n').map((l) => prefix + l).join('\n');
}

function describeFailure(fx: Fixture, v: VariantResult): string | null {
  if (v.build.code !== 0 || v.run === null) {
    return [
      `[${fx.name}] ${v.variant} build failed (exit ${v.build.code ?? v.build.signal}${v.build.timedOut ? ', timed out' : ''})`,
      `  $ ${v.build.command}`,
      indent(v.build.stderr + v.build.stdout),
    ].join('\n');
  }
  const r = v.run;
  if (r.code !== 0 || r.timedOut) {
    return [
      `[${fx.name}] ${v.variant} program exited with ${r.timedOut ? 'a timeout' : r.code ?? r.signal} after ${r.ms.toFixed(0)} ms`,
      '  stdout:',
      indent(r.stdout),
      '  stderr:',
      indent(r.stderr),
    ].join('\n');
  }
  return null;
}

function compareToOracle(fx: Fixture, meta: FixtureMeta, oracle: VariantResult, other: VariantResult): string | null {
  const bad = describeFailure(fx, oracle) ?? describeFailure(fx, other);
  if (bad !== null) return bad;
  const expected = oracle.run?.stdout ?? '';
  const actual = other.run?.stdout ?? '';
  const cmp = compareOutputs(expected, actual, { tolerance: meta.tolerance, absTolerance: meta.absTolerance });
  if (cmp.ok) return null;
  const tol = meta.tolerance === 0 && meta.absTolerance === 0 ? 'exact' : `relative ${meta.tolerance}, absolute ${meta.absTolerance}`;
  return [
    `[${fx.name}] output of ${other.variant} differs from the serial build (tolerance: ${tol})`,
    ...cmp.problems.map((p) => '  ' + p.replace(/\n/g, '\n  ')),
    `  serial stdout:`,
    indent(expected),
    `  ${other.variant} stdout:`,
    indent(actual),
  ].join('\n');
}

/** Runs the translated program again (meta.repeat runs in all): outputs must be byte-identical. */
async function repeatRuns(fx: Fixture, meta: FixtureMeta, first: VariantResult, exe: string): Promise<string | null> {
  const reference = first.run?.stdout ?? '';
  for (let k = 2; k <= meta.repeat; k++) {
    const r = await run(exe, meta.args, { cwd: fx.dir, env: { ...process.env, ...meta.env }, timeoutMs: meta.timeoutMs });
    const again: VariantResult = { variant: 'o2ath', build: first.build, run: r };
    const bad = describeFailure(fx, again);
    if (bad !== null) return `${bad}\n  (run ${k} of ${meta.repeat})`;
    if (r.stdout !== reference) {
      const cmp = compareOutputs(reference, r.stdout);
      return [
        `[${fx.name}] run ${k} of ${meta.repeat} of the translated program printed something else than run 1`,
        '  (reductions must be combined in a fixed order: same result every run)',
        ...cmp.problems.map((p) => '  ' + p.replace(/\n/g, '\n  ')),
      ].join('\n');
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tests

const fixtures = selectedFixtures();

describe('fixtures/c/exec corpus', () => {
  it('has fixtures', () => {
    expect(listFixtures(execRoot).length).toBeGreaterThanOrEqual(15);
  });

  for (const root of [execRoot, pendingRoot]) {
    const label = root === execRoot ? 'exec' : 'exec-pending';
    it(`every ${label} fixture has input.c, only known files and a valid meta.json`, () => {
      const problems: string[] = [];
      if (!existsSync(root)) return;
      for (const entry of readdirSync(root).sort()) {
        const dir = join(root, entry);
        if (entry === 'README.md') continue;
        if (!statSync(dir).isDirectory()) {
          problems.push(`${label}/${entry}: not a fixture directory`);
          continue;
        }
        const files = readdirSync(dir);
        if (!files.includes('input.c')) problems.push(`${label}/${entry}: no input.c`);
        else if (!readFileSync(join(dir, 'input.c'), 'utf8').startsWith('/*')) {
          problems.push(`${label}/${entry}: input.c must open with a comment saying what real code it imitates and what it exercises`);
        }
        for (const f of files) {
          if (!ALLOWED_FILES.has(f)) problems.push(`${label}/${entry}: unknown file ${f} (allowed: ${[...ALLOWED_FILES].join(', ')})`);
        }
        try {
          readMeta(dir);
        } catch (e) {
          problems.push(`${label}/${entry}: ${(e as Error).message}`);
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  it('no fixture name appears in both exec and exec-pending', () => {
    const a = new Set(listFixtures(execRoot).map((f) => f.name));
    const both = listFixtures(pendingRoot).filter((f) => a.has(f.name)).map((f) => f.name);
    expect(both).toEqual([]);
  });
});

describe.concurrent('differential execution (serial, gcc -fopenmp, o2ath cc --mode emulate)', () => {
  for (const fx of fixtures) {
    if (!existsSync(join(fx.dir, 'input.c'))) continue; // reported by the corpus test
    const meta = readMeta(fx.dir);

    it(`${fx.name}: gcc -fopenmp (OMP_NUM_THREADS=2) prints what the serial build prints`, async () => {
      const { serial, openmp } = await oracles(fx, meta);
      const problem = compareToOracle(fx, meta, serial, openmp);
      if (problem !== null) expect.fail(problem);
    });

    it(`${fx.name}: o2ath cc --mode emulate prints what the serial build prints`, async () => {
      const { serial } = await oracles(fx, meta);
      if (!existsSync(cli)) {
        expect.fail(`[${fx.name}] ${cli} does not exist: build first (npm run build; npm test does it)`);
      }
      const problem = await pool.use(() =>
        withTmp(
          fx,
          async (tmp): Promise<string | null> => {
            const o2 = await buildAndRun(fx, meta, 'o2ath', tmp);
            let p = compareToOracle(fx, meta, serial, o2);
            if (p === null && meta.repeat > 1) p = await repeatRuns(fx, meta, o2, join(tmp, 'o2ath'));
            return p === null || process.env['O2ATH_EXEC_KEEP'] === '1' ? p : `${p}\n  (build directory kept: ${tmp})`;
          },
          (p) => p === null,
        ),
      );
      if (problem !== null) expect.fail(problem);
    });
  }
});
