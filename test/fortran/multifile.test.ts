// Separate compilation: a kernel in main.f90 calls a module procedure of state.f90 that holds an
// orphaned `!$omp do`. With --cpe-functions the call binds to state.f90's CPE copy (slave_ symbol);
// the result must equal the serial build's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const DIR = join(ROOT, 'fixtures', 'fortran', 'multifile', 'module-orphan');
const CLI = join(ROOT, 'dist', 'cli.js');

describe('Fortran separate compilation', () => {
  it('a kernel calls an orphaned loop of another file through --cpe-functions', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'o2ath-fmulti-'));
    try {
      const fc = (...args: string[]) => execFileSync(process.execPath, [CLI, 'fc', '--mode', 'emulate', '--cpe-functions=scale_b', ...args], { cwd: tmp, encoding: 'utf8' });
      fc('-O2', '-c', join(DIR, 'state.f90'), '-o', 'state.o');
      fc('-O2', '-c', join(DIR, 'main.f90'), '-o', 'main.o');
      fc('state.o', 'main.o', '-o', 'prog');
      execFileSync('gfortran', ['-O2', join(DIR, 'state.f90'), join(DIR, 'main.f90'), '-o', 'serial'], { cwd: tmp });
      const got = execFileSync(join(tmp, 'prog'), { encoding: 'utf8' });
      const want = execFileSync(join(tmp, 'serial'), { encoding: 'utf8' });
      expect(got).toBe(want);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});
