// End to end in emulate mode against the fake runtime: hybrid single file, -c then link, -mhost/-mslave,
// failures, inputs untouched, no output left behind.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../../src/translate.js';
import { drive, fakeRuntime, fixtures, repo, scratch } from './helpers.js';

let dir: string;
let cleanup: () => void;
let env: Record<string, string>;

beforeEach(() => {
  ({ dir, cleanup } = scratch());
  env = { O2ATH_RUNTIME_DIR: fakeRuntime(dir) };
  cpSync(join(fixtures, 'hybrid'), join(dir, 'src'), { recursive: true });
});
afterEach(() => cleanup());

const nm = (obj: string): string => execFileSync('nm', ['-P', obj], { encoding: 'utf8' });

describe('emulate: hand-written hybrid file', () => {
  it('compiles, links and runs in one command', async () => {
    const r = await drive('c', ['-O2', 'src/sum.c', '-o', 'sum'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync(join(dir, 'sum'), { encoding: 'utf8' })).toBe('total 26574.0\n');
  });

  it('builds like a Makefile: -c -o, then a link of objects', async () => {
    let r = await drive('c', ['-c', '-O2', '-Wall', 'src/sum.c', '-o', 'obj/sum.o'], { cwd: dir, env: { ...env } }).catch((e: unknown) => {
      throw e;
    });
    // The directory of -o must exist, as with gcc.
    expect(r.code).toBe(1);
    r = await drive('c', ['-c', '-O2', '-Wall', 'src/sum.c', '-o', 'sum.o'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const syms = nm(join(dir, 'sum.o'));
    expect(syms).toMatch(/^slave_sum_squares T/m);
    expect(syms).toMatch(/^main T/m);
    expect(syms).not.toMatch(/^slave_main /m);
    expect(syms).toMatch(/^data [BDV]/m);
    r = await drive('c', ['sum.o', '-o', 'prog', '-lm'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(execFileSync(join(dir, 'prog'), { encoding: 'utf8' })).toBe('total 26574.0\n');
  });

  it('writes make dependencies that name the original source and the user object', async () => {
    const r = await drive('c', ['-c', '-MMD', '-MP', 'src/sum.c', '-o', 'sum.o'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const d = readFileSync(join(dir, 'sum.d'), 'utf8');
    expect(d).toMatch(/^sum\.o: src\/sum\.c src\/params\.h/);
    expect(d).not.toMatch(/\/o2ath-/);
  });

  it('-E prints the host side of the translation', async () => {
    const r = await drive('c', ['-E', '-P', 'src/sum.c'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('int main(void)');
    expect(r.stdout).not.toContain('void sum_squares(struct params *p)');
  });

  it('-S writes host and slave assembly', async () => {
    const r = await drive('c', ['-S', 'src/sum.c'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'sum.s'), 'utf8')).toContain('main');
    expect(readFileSync(join(dir, 'sum.slave.s'), 'utf8')).toContain('sum_squares');
  });
});

describe('emulate: through the translator', () => {
  it('compiles the translation, not the input, and finds the input directory\'s headers', async () => {
    // An OpenMP input; the fake translator answers with the hand-written hybrid version of it.
    const hybrid = readFileSync(join(fixtures, 'hybrid', 'sum.c'), 'utf8');
    writeFileSync(join(dir, 'src', 'omp.c'), '#include "params.h"\n#pragma omp parallel\nint main(void) { return 1; }\n');
    const seen: string[] = [];
    const translate = (file: SourceFile, options: TranslateOptions): TranslateResult => {
      seen.push(`${file.path} ${options.target} ${options.layout} ${options.cpeFunctions.join(',')}`);
      return { ok: true, files: [{ name: 'omp.c', text: hybrid, role: 'hybrid' }], diagnostics: [], slaveImports: [], kernels: 1 };
    };
    const r = await drive('c', ['--cpe-functions=helper', '-O2', 'src/omp.c', '-o', 'omp'], { cwd: dir, env, translate });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(seen).toEqual(['src/omp.c sw26010pro hybrid helper']);
    expect(execFileSync(join(dir, 'omp'), { encoding: 'utf8' })).toBe('total 26574.0\n');
  });

  it('split layout: NAME.host.c and NAME.slave.c, one compile each, one object', async () => {
    const hybrid = readFileSync(join(fixtures, 'hybrid', 'sum.c'), 'utf8');
    writeFileSync(join(dir, 'src', 'omp.c'), '#pragma omp parallel\nint main(void) { return 1; }\n');
    const translate = (_file: SourceFile, options: TranslateOptions): TranslateResult => {
      expect(options.layout).toBe('split');
      return {
        ok: true,
        files: [
          { name: 'omp.host.c', text: hybrid.replace('#ifdef __sw_slave__', '#if 0'), role: 'host' },
          { name: 'omp.slave.c', text: hybrid.replace('#ifdef __sw_slave__', '#if 1').replace('#else', '#elif 0'), role: 'slave' },
        ],
        diagnostics: [],
        slaveImports: [],
        kernels: 1,
      };
    };
    let r = await drive('c', ['--layout', 'split', '-c', 'src/omp.c'], { cwd: dir, env, translate });
    expect(r.code).toBe(0);
    r = await drive('c', ['omp.o', '-o', 'omp'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(execFileSync(join(dir, 'omp'), { encoding: 'utf8' })).toBe('total 26574.0\n');
  });

  it('__FILE__ in the translation names the original file', async () => {
    writeFileSync(join(dir, 'src', 'f.c'), '#include <stdio.h>\n#pragma omp parallel\nint main(void) { puts(__FILE__); return 0; }\n');
    const r = await drive('c', ['src/f.c', '-o', 'f'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(execFileSync(join(dir, 'f'), { encoding: 'utf8' })).toBe('src/f.c\n');
  });

  it('--save-temps=DIR keeps the translation and the objects', async () => {
    writeFileSync(join(dir, 'src', 'omp.c'), '#pragma omp parallel\nint main(void) { return 0; }\n');
    const r = await drive('c', ['--save-temps=keep', '-c', 'src/omp.c'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'keep')).sort()).toEqual(['omp.c', 'omp.host.o']);
    expect(existsSync(join(dir, 'omp.o'))).toBe(true);
  });
});

describe('emulate: wrapping an MPI compiler', () => {
  it('--cc with arguments runs every compile and the link through the wrapper', async () => {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const log = join(dir, 'wrapper.log');
    writeFileSync(join(bin, 'mpicc'), `#!/bin/sh\necho "$@" >> '${log}'\nexec gcc "$@"\n`, { mode: 0o755 });
    const r = await drive('c', ['--cc', `${join(bin, 'mpicc')} -DWRAPPED=1`, '-O2', 'src/sum.c', '-o', 'sum'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^-DWRAPPED=1 -D__sw_host__ /);
    expect(lines[1]).toMatch(/^-DWRAPPED=1 -D__sw_slave__ /);
    expect(lines[2]).toMatch(/^-DWRAPPED=1 -O2 \S+\/sum\.o -L\S+ -lo2athrt -pthread -lm -o /);
    expect(execFileSync(join(dir, 'sum'), { encoding: 'utf8' })).toBe('total 26574.0\n');
  });
});

describe('emulate: existing Sunway builds (-mslave / -mhost / -mhybrid)', () => {
  it('compiles each side without translation and links with -mhybrid', async () => {
    const split = join(dir, 'split');
    cpSync(join(fixtures, 'split'), split, { recursive: true });
    const noTranslate = () => {
      throw new Error('must not translate');
    };
    let r = await drive('c', ['-mslave', '-msimd', '-O3', '-faddress_align=64', '-mieee', '-c', 'slave.c', '-o', 'slave.o'], { cwd: split, env, translate: noTranslate });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(nm(join(split, 'slave.o'))).toMatch(/^slave_scale_kernel T/m);
    r = await drive('c', ['-mhost', '-O3', '-c', 'master.c', '-o', 'master.o'], { cwd: split, env, translate: noTranslate });
    expect(r.code).toBe(0);
    r = await drive('c', ['-mhybrid', 'master.o', 'slave.o', '-o', 'prog', '-lm_slave'], { cwd: split, env });
    expect(r.code).toBe(0);
    expect(execFileSync(join(split, 'prog'), { encoding: 'utf8' })).toBe('sum 2016\n');
  });
});

describe('emulate: o2ath fc', () => {
  it('-mslave / -mhost Fortran objects link with gfortran and the runtime', async () => {
    const f = join(dir, 'f');
    cpSync(join(fixtures, 'fortran'), f, { recursive: true });
    let r = await drive('fortran', ['-mslave', '-O2', '-c', 'kern.f90'], { cwd: f, env });
    expect(r.code).toBe(0);
    expect(nm(join(f, 'kern.o'))).toMatch(/^slave_kern_ T/m);
    r = await drive('fortran', ['-mhost', '-O2', '-c', 'main.F90'], { cwd: f, env });
    expect(r.code).toBe(0);
    r = await drive('fortran', ['-mhybrid', 'main.o', 'kern.o', '-o', 'prog', '-lm_slave'], { cwd: f, env });
    expect(r.code).toBe(0);
    expect(execFileSync(join(f, 'prog'), { encoding: 'utf8' })).toBe('total 2016\n');
  });
});

describe('emulate: o2ath fc through the translator', () => {
  it('compiles a hybrid Fortran translation twice with cpp and links it', async () => {
    const f = join(dir, 'f');
    cpSync(join(fixtures, 'fortran'), f, { recursive: true });
    writeFileSync(join(f, 'prog.f90'), 'program main\n!$omp parallel\n!$omp end parallel\nend program main\n');
    const hybrid = readFileSync(join(f, 'hybrid.f90'), 'utf8');
    const translate = (file: SourceFile): TranslateResult => {
      expect(file.language).toBe('fortran');
      return { ok: true, files: [{ name: 'prog.f90', text: hybrid, role: 'hybrid' }], diagnostics: [], slaveImports: [], kernels: 1 };
    };
    const r = await drive('fortran', ['-O2', 'prog.f90', '-o', 'prog'], { cwd: f, env, translate });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(execFileSync(join(f, 'prog'), { encoding: 'utf8' })).toBe('total 2016\n');
  });
});

describe('emulate: module files and -x', () => {
  it('a -mslave Fortran module compile writes its .mod where -J says', async () => {
    mkdirSync(join(dir, 'mods'));
    writeFileSync(join(dir, 'kmod.f90'), 'module kmod\n  integer, parameter :: width = 8\nend module kmod\n');
    const r = await drive('fortran', ['-mslave', '-J', 'mods', '-c', 'kmod.f90'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'mods', 'kmod.mod'))).toBe(true);
  });

  it('the host and slave compiles of one Fortran file do not both write its .mod', async () => {
    writeFileSync(join(dir, 'both.F90'), 'module both\n#ifdef __sw_slave__\n  integer, parameter :: side = 2\n#else\n  integer, parameter :: side = 1\n#endif\nend module both\n');
    const r = await drive('fortran', ['--verbose', '-c', 'both.F90'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/-D__sw_slave__ .* -J\S*both\.slave-mod /);
    expect(existsSync(join(dir, 'both.mod'))).toBe(true);
  });

  it('-x c compiles a file with another extension as C', async () => {
    writeFileSync(join(dir, 'gen.inc'), 'int gen(void) { return 3; }\n');
    const r = await drive('c', ['-c', '-x', 'c', 'gen.inc', '-o', 'gen.o'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(nm(join(dir, 'gen.o'))).toMatch(/^gen T/m);
  });
});

describe('emulate: failures', () => {
  it('propagates a compile error as exit 1 and leaves no output', async () => {
    writeFileSync(join(dir, 'bad.c'), 'int main(void) { return undeclared; }\n');
    const before = readFileSync(join(dir, 'bad.c'), 'utf8');
    const r = await drive('c', ['-c', 'bad.c', '-o', 'bad.o'], { cwd: dir, env });
    expect(r.code).toBe(1);
    // gcc's message went to the inherited stderr; the driver adds nothing of its own.
    expect(r.stderr).toBe('');
    expect(existsSync(join(dir, 'bad.o'))).toBe(false);
    expect(readFileSync(join(dir, 'bad.c'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('o2ath'))).toEqual([]);
  });

  it('keeps an existing output when the rebuild fails', async () => {
    writeFileSync(join(dir, 'prog'), 'old');
    writeFileSync(join(dir, 'bad.c'), 'int main(void) { return undeclared; }\n');
    const r = await drive('c', ['bad.c', '-o', 'prog'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'prog'), 'utf8')).toBe('old');
  });

  it('reports translation errors gcc-style and writes nothing', async () => {
    const failing = (file: import('../../src/source/source-file.js').SourceFile) => ({
      ok: false,
      files: [],
      diagnostics: [{ name: 'unsupported-task', severity: 'error' as const, text: "'#pragma omp task' is not supported", file, span: { start: 0, end: 7 }, notes: [] }],
      slaveImports: [],
      kernels: 0,
    });
    writeFileSync(join(dir, 't.c'), '#pragma omp task\nint x;\n');
    const r = await drive('c', ['-c', 't.c'], { cwd: dir, env, translate: failing });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("t.c:1:1: error: '#pragma omp task' is not supported [unsupported-task]\n    1 | #pragma omp task\n      | ^~~~~~~\n");
    expect(existsSync(join(dir, 't.o'))).toBe(false);
  });

  it('a missing input is exit 1 with a driver diagnostic', async () => {
    const r = await drive('c', ['-c', 'nope.c'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("o2ath: error: cannot read 'nope.c': ENOENT [driver-cannot-read]\n");
  });

  it('command-line misuse is exit 2', async () => {
    writeFileSync(join(dir, 'a.c'), 'int a;\n');
    writeFileSync(join(dir, 'b.c'), 'int b;\n');
    expect((await drive('c', ['-c', 'a.c', 'b.c', '-o', 'x.o'], { cwd: dir, env })).code).toBe(2);
    expect((await drive('c', ['--mode', 'fast', 'a.c'], { cwd: dir, env })).code).toBe(2);
    expect((await drive('c', [], { cwd: dir, env })).code).toBe(2);
    const same = await drive('c', ['-c', 'a.c', '-o', './a.c'], { cwd: dir, env });
    expect(same.code).toBe(2);
    expect(same.stderr).toBe("o2ath: error: input file 'a.c' is the same as the output file [driver-output-is-input]\n");
    expect(readFileSync(join(dir, 'a.c'), 'utf8')).toBe('int a;\n');
  });
});

describe('emulate: runtime archive', () => {
  it('is built once, under a lock, by parallel links', async () => {
    const r = await drive('c', ['-c', 'src/sum.c', '-o', 'sum.o'], { cwd: dir, env });
    expect(r.code).toBe(0);
    // Absolute paths: the in-process drives share one working directory while they run concurrently.
    const links = await Promise.all([0, 1, 2].map((k) => drive('c', [join(dir, 'sum.o'), '-o', join(dir, `p${k}`)], { cwd: dir, env })));
    expect(links.map((l) => l.stderr)).toEqual(["", "", ""]);
    expect(links.map((l) => l.code)).toEqual([0, 0, 0]);
    expect(readFileSync(join(env['O2ATH_RUNTIME_DIR']!, 'build', 'make-runs'), 'utf8')).toBe('run\n');
    const archive = join(env['O2ATH_RUNTIME_DIR']!, 'build', 'libo2athrt.a');
    expect(statSync(archive).isFile()).toBe(true);
  });
});

describe('emulate: against the real runtime-c', () => {
  for (const target of ['sw26010pro', 'sw26010']) {
    it(`builds and runs the hybrid file for ${target}`, async () => {
      const r = await drive('c', [`--target=${target}`, '-O2', 'src/sum.c', '-o', 'sum'], { cwd: dir, env: {} });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(execFileSync(join(dir, 'sum'), { encoding: 'utf8' })).toBe('total 26574.0\n');
    });
  }
});
