// --mode cross --dry-run: the exact Sunway commands, C and Fortran, both targets (reference §4).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/source/source-file.js';
import type { TranslateResult } from '../../src/translate.js';
import { drive, scratch } from './helpers.js';

let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = scratch());
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'stencil.c'), '#include "grid.h"\nint main(void) {\n#pragma omp parallel\n  ;\n  return 0;\n}\n');
  writeFileSync(join(dir, 'src', 'solver.F90'), 'program solver\n!$omp parallel\n!$omp end parallel\nend program solver\n');
});
afterEach(() => cleanup());

/** A translation with one kernel: hybrid layout, or split into NAME.host.EXT / NAME.slave.EXT. */
function fakeTranslate(file: SourceFile, options: { layout: 'hybrid' | 'split' }): TranslateResult {
  const base = file.path.replace(/^.*\//, '');
  const dot = base.lastIndexOf('.');
  const [stem, ext] = [base.slice(0, dot), base.slice(dot)];
  const files =
    options.layout === 'hybrid'
      ? [{ name: base, text: file.text, role: 'hybrid' as const }]
      : [
          { name: `${stem}.host${ext}`, text: file.text, role: 'host' as const },
          { name: `${stem}.slave${ext}`, text: 'void k(void) {}\n', role: 'slave' as const },
        ];
  return { ok: true, files, diagnostics: [], slaveImports: [], kernels: 1 };
}

async function dryRun(verb: 'c' | 'fortran', argv: string[]): Promise<string[]> {
  const r = await drive(verb, ['--mode', 'cross', '--dry-run', '--save-temps=T', ...argv], { cwd: dir, translate: fakeTranslate });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(join(dir, 'T')).join('$T'));
}

describe('SW26010-Pro, C', () => {
  it('-c: host and slave compiles of the hybrid file, then the merge', async () => {
    expect(await dryRun('c', ['-O3', '-Iinc', '-DNX=512', '-msimd', '-c', 'src/stencil.c', '-o', 'obj/stencil.o'])).toEqual([
      'sw9gcc -mhost -iquote src -D_OPENMP=201511 -O3 -Iinc -DNX=512 -msimd -c $T/stencil.c -o $T/stencil.host.o',
      'sw9gcc -mslave -iquote src -D_OPENMP=201511 -O3 -Iinc -DNX=512 -msimd -c $T/stencil.c -o $T/stencil.slave.o',
      'swld -r -z muldefs $T/stencil.host.o $T/stencil.slave.o -o obj/stencil.o',
    ]);
  });

  it('compile and link in one step, with the CPE math library', async () => {
    expect(await dryRun('c', ['-O2', 'src/stencil.c', 'util.o', '-lm', '-o', 'stencil'])).toEqual([
      'sw9gcc -mhost -iquote src -D_OPENMP=201511 -O2 -c $T/stencil.c -o $T/stencil.host.o',
      'sw9gcc -mslave -msimd -iquote src -D_OPENMP=201511 -O2 -c $T/stencil.c -o $T/stencil.slave.o',
      'swld -r -z muldefs $T/stencil.host.o $T/stencil.slave.o -o $T/stencil.o',
      'sw9gcc -mhybrid -O2 $T/stencil.o util.o -lm -lm_slave -o stencil',
    ]);
  });

  it('wraps mpicc, passes side options, keeps a given -lm_slave in place', async () => {
    expect(await dryRun('c', ['--cc', 'mpicc', '-Whost,-fno-inline', '-Wslave,-funroll-loops', 'src/stencil.c', '-lm_slave', '-o', 'p'])).toEqual([
      'mpicc -mhost -iquote src -D_OPENMP=201511 -fno-inline -c $T/stencil.c -o $T/stencil.host.o',
      'mpicc -mslave -msimd -iquote src -D_OPENMP=201511 -funroll-loops -c $T/stencil.c -o $T/stencil.slave.o',
      'swld -r -z muldefs $T/stencil.host.o $T/stencil.slave.o -o $T/stencil.o',
      'mpicc -mhybrid $T/stencil.o -lm_slave -o p',
    ]);
  });

  it('split layout: one compile per side', async () => {
    expect(await dryRun('c', ['--layout=split', '-c', 'src/stencil.c'])).toEqual([
      'sw9gcc -mhost -iquote src -D_OPENMP=201511 -c $T/stencil.host.c -o $T/stencil.host.o',
      'sw9gcc -mslave -msimd -iquote src -D_OPENMP=201511 -c $T/stencil.slave.c -o $T/stencil.slave.o',
      'swld -r -z muldefs $T/stencil.host.o $T/stencil.slave.o -o stencil.o',
    ]);
  });

  it('-mslave / -mhost / -mhybrid pass-through, no translation', async () => {
    expect(await dryRun('c', ['-mslave', '-msimd', '-O3', '-c', 'k.c'])).toEqual(['sw9gcc -mslave -msimd -O3 -c k.c -o k.o']);
    expect(await dryRun('c', ['-mhost', '-c', 'm.c', '-o', 'm.o'])).toEqual(['sw9gcc -mhost -c m.c -o m.o']);
    expect(await dryRun('c', ['-mhybrid', 'm.o', 'k.o', '-o', 'prog', '-lm_slave'])).toEqual(['sw9gcc -mhybrid m.o k.o -lm_slave -o prog']);
  });
});

describe('SW26010, C', () => {
  it('sw5cc -host / -slave -msimd, merge, -hybrid link', async () => {
    expect(await dryRun('c', ['--target', 'sw26010', '-O2', 'src/stencil.c', '-o', 'stencil'])).toEqual([
      'sw5cc -host -D__sw_host__ -iquote src -D_OPENMP=201511 -O2 -c $T/stencil.c -o $T/stencil.host.o',
      'sw5cc -slave -D__sw_slave__ -msimd -iquote src -D_OPENMP=201511 -O2 -c $T/stencil.c -o $T/stencil.slave.o',
      'sw5ld -r -z muldefs $T/stencil.host.o $T/stencil.slave.o -o $T/stencil.o',
      'sw5cc -hybrid -O2 $T/stencil.o -lm_slave -o stencil',
    ]);
  });
});

describe('Fortran', () => {
  it('SW26010-Pro: sw9gfortran, cpp for the hybrid file, slave .mod files kept apart', async () => {
    expect(await dryRun('fortran', ['-O2', '-J', 'mod', 'src/solver.F90', '-o', 'solver'])).toEqual([
      'sw9gfortran -mhost -Isrc -D_OPENMP=201511 -cpp -fcray-pointer -O2 -J mod -c $T/solver.F90 -o $T/solver.host.o',
      'sw9gfortran -mslave -msimd -Isrc -D_OPENMP=201511 -cpp -fcray-pointer -O2 -Imod -J$T/solver.slave-mod -c $T/solver.F90 -o $T/solver.slave.o',
      'swld -r -z muldefs $T/solver.host.o $T/solver.slave.o -o $T/solver.o',
      'sw9gfortran -mhybrid -O2 $T/solver.o -lm_slave -o solver',
    ]);
  });

  it('SW26010: sw5f90, and mpif90 through --fc', async () => {
    expect(await dryRun('fortran', ['--target=sw26010', '-c', 'src/solver.F90'])).toEqual([
      'sw5f90 -host -D__sw_host__ -Isrc -D_OPENMP=201511 -cpp -fcray-pointer -c $T/solver.F90 -o $T/solver.host.o',
      'sw5f90 -slave -D__sw_slave__ -msimd -Isrc -D_OPENMP=201511 -cpp -fcray-pointer -J$T/solver.slave-mod -c $T/solver.F90 -o $T/solver.slave.o',
      'sw5ld -r -z muldefs $T/solver.host.o $T/solver.slave.o -o solver.o',
    ]);
    expect(await dryRun('fortran', ['--target=sw26010', '--fc', 'mpif90', 'a.o', 'b.o', '-o', 'p'])).toEqual(['mpif90 -hybrid a.o b.o -lm_slave -o p']);
  });
});

describe('cross mode without --dry-run', () => {
  it('a missing cross compiler is a clear driver error, exit 1', async () => {
    const r = await drive('c', ['--mode', 'cross', '-c', 'src/stencil.c'], { cwd: dir, env: { PATH: '/nonexistent' }, translate: fakeTranslate });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^o2ath: error: the Sunway cross compiler 'sw9gcc' is not in PATH; .* \[driver-cross-compiler-missing\]\n$/);
  });
});
