// Builds runtime-c (both targets) and runs its C tests, plain and under sanitizers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rt = join(root, 'runtime-c');

interface RunResult {
  code: number;
  output: string;
}

function make(args: string[], env: Record<string, string> = {}): RunResult {
  try {
    const output = execFileSync('make', ['-s', '-C', rt, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
    return { code: 0, output };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** `make check` prints one PASS/FAIL line per test run and a final "N passed, M failed". */
function expectAllPassed(r: RunResult): void {
  const failures = r.output.split('\n').filter((l) => l.startsWith('FAIL'));
  expect(failures, r.output.slice(-4000)).toEqual([]);
  expect(r.code, r.output.slice(-4000)).toBe(0);
  expect(r.output).toMatch(/\b[1-9]\d* passed, 0 failed/);
}

describe('runtime-c', () => {
  it('builds both archives warning-free', () => {
    const r = make(['-j2', 'all']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toMatch(/warning:/);
  });

  it('passes its C tests', () => {
    expectAllPassed(make(['-j2', 'check']));
  });

  it('writes O2ATH_EMU_STATS with per-kernel spawns and per-CPE traffic', () => {
    // built by the 'passes its C tests' case above
    const dir = mkdtempSync(join(tmpdir(), 'o2ath-stats-'));
    try {
      const path = join(dir, 'stats.json');
      execFileSync(join(rt, 'build', 'tests', 'pro', 'stats-1'), [], {
        env: { ...process.env, O2ATH_EMU_STATS: path },
        stdio: 'ignore',
      });
      interface Cpe {
        id: number;
        dma_get_bytes: number;
        dma_get_calls: number;
        dma_put_bytes: number;
        dma_put_calls: number;
        rma_bytes: number;
        rma_calls: number;
        barriers: number;
        ldm_high_water_bytes: number;
      }
      const stats = JSON.parse(readFileSync(path, 'utf8')) as {
        target: string;
        kernels: { name: string; symbol: string; spawns: number; seconds: number }[];
        spawns: { kernel: string; seconds: number }[];
        per_cpe: Cpe[];
      };
      expect(stats.target).toBe('SW26010-Pro');
      expect(stats.kernels.map((k) => [k.name, k.symbol, k.spawns])).toEqual([
        ['work', 'slave_work', 3],
        ['other', 'slave_other', 1],
      ]);
      expect(stats.spawns.map((s) => s.kernel)).toEqual(['work', 'work', 'work', 'other']);
      expect(stats.per_cpe).toHaveLength(64);
      for (const c of stats.per_cpe) {
        expect(c).toMatchObject({
          dma_get_bytes: 2400,
          dma_get_calls: 3,
          dma_put_bytes: 1200,
          dma_put_calls: 3,
          rma_bytes: 48,
          rma_calls: 3,
          barriers: 6,
        });
        // the 800-byte tile plus the reply counter at least, and far below the LDM size
        expect(c.ldm_high_water_bytes).toBeGreaterThan(800);
        expect(c.ldm_high_water_bytes).toBeLessThan(64 << 10);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves gfortran: omp_lib calls and athread_* from Fortran, no libgomp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'o2ath-fortran-'));
    try {
      const src = join(rt, 'tests', 'fortran');
      execFileSync('gfortran', ['-O1', '-c', join(src, 'omp-athread-1.f90'), '-o', join(dir, 'host.o')], { cwd: dir });
      execFileSync('gcc', ['-O1', '-isystem', join(rt, 'include'), '-D__sw_slave__', '-c',
        join(src, 'omp-athread-1-slave.c'), '-o', join(dir, 'slave.o')]);
      execFileSync('sh', [join(rt, 'tools', 'slave-rename.sh'), join(dir, 'slave.o')]);
      execFileSync('gfortran', [join(dir, 'host.o'), join(dir, 'slave.o'), join(rt, 'build', 'libo2athrt.a'),
        '-pthread', '-o', join(dir, 'prog')]);
      const out = execFileSync(join(dir, 'prog'), { encoding: 'utf8' });
      expect(out.trim().split('\n').map((l) => l.replace(/ +/g, ' ').trim())).toEqual([
        'mpe thread 0 of 1 max 64',
        'sum of ids 2016',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes its C tests under AddressSanitizer and UBSan', () => {
    // The classic archive is the same sources with other sizes; the plain run covers it.
    expectAllPassed(make(['-j2', 'check', 'SAN=address,undefined', 'CFLAGS=-O1 -g', 'ONLY_TARGET=pro']));
  });

  it('passes its C tests under ThreadSanitizer', () => {
    expectAllPassed(make(['-j2', 'check', 'SAN=thread', 'CFLAGS=-O1 -g', 'ONLY_TARGET=pro']));
    // and what only the classic target has: register communication, BCAST_MODE, halt
    expectAllPassed(
      make(['-j2', 'check', 'SAN=thread', 'CFLAGS=-O1 -g', 'ONLY_TARGET=sw26010',
        'TESTS=regcomm-1 dma-bcast-sw26010-1 check-sw26010-1']),
    );
  });
});
