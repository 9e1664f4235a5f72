// The Fortran binding: runtime-c/fortran/o2ath_athread.f90 compiles, a program using it spawns a
// Fortran CPE routine through the emulated runtime, and every bind(c) name of the module and of the
// kernels' own interface template is defined by the runtime archive (so they cannot drift apart).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const MODULE = join(ROOT, 'runtime-c', 'fortran', 'o2ath_athread.f90');
const TEMPLATE = join(ROOT, 'templates', 'fortran', 'binding.f90.hbs');
const ARCHIVE = join(ROOT, 'runtime-c', 'build', 'libo2athrt.a');

function bindNames(text: string): string[] {
  return [...text.matchAll(/name\s*=\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('Fortran runtime binding', () => {
  it('the kernels use a subset of the module interfaces', () => {
    const mod = new Set(bindNames(readFileSync(MODULE, 'utf8')));
    for (const n of bindNames(readFileSync(TEMPLATE, 'utf8'))) expect(mod.has(n), n).toBe(true);
  });

  it('every bind(c) name is defined by the runtime archive', () => {
    const nm = execFileSync('nm', ['-P', '--defined-only', ARCHIVE], { encoding: 'utf8' });
    const defined = new Set(nm.split('\n').map((l) => l.split(' ')[0]));
    for (const n of bindNames(readFileSync(MODULE, 'utf8'))) expect(defined.has(n), n).toBe(true);
  });

  it('a Fortran program spawns a Fortran CPE routine through the module', () => {
    const dir = mkdtempSync(join(tmpdir(), 'o2ath-fbind-'));
    try {
      // The CPE routine: every CPE writes its id into a shared array (renamed slave_ as the driver would).
      writeFileSync(join(dir, 'prog.f90'), [
        'subroutine slave_fill(a)',
        '  use o2ath_athread',
        '  integer :: a(0:63)',
        '  a(o2ath_cpe_id(-1)) = o2ath_cpe_id(-1) + 100 * o2ath_cpe_team()',
        'end subroutine slave_fill',
        'program p',
        '  use, intrinsic :: iso_c_binding',
        '  use o2ath_athread',
        '  integer, target :: a(0:63)',
        '  external slave_fill',
        '  a = -1',
        '  call o2ath_host_init()',
        '  if (o2ath_set_num_threads(8) /= 0) stop 1',
        '  if (o2ath_spawn(c_funloc(slave_fill), c_loc(a)) /= 0) stop 2',
        '  if (o2ath_join() /= 0) stop 3',
        '  print "(8i5)", a(0:7)',
        '  print "(i5)", count(a >= 0)',
        'end program p',
        '',
      ].join('\n'));
      execFileSync('gfortran', ['-c', MODULE, '-J', dir, '-o', join(dir, 'mod.o')], { cwd: dir });
      execFileSync('gfortran', ['-I', dir, join(dir, 'prog.f90'), join(dir, 'mod.o'), ARCHIVE, '-pthread', '-o', join(dir, 'prog')], { cwd: dir });
      const out = execFileSync(join(dir, 'prog'), { encoding: 'utf8' });
      expect(out.split('\n')[0]!.trim().split(/\s+/).map(Number)).toEqual([800, 801, 802, 803, 804, 805, 806, 807]);
      expect(out.split('\n')[1]!.trim()).toBe('8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
