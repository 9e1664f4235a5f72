// Driver behaviour around the build: options reaching the translator, diagnostics formats, queries,
// --dry-run and --verbose in emulate mode, inputs never overwritten.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../src/source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../../src/translate.js';
import { drive, fakeRuntime, scratch } from './helpers.js';

let dir: string;
let cleanup: () => void;
let env: Record<string, string>;
beforeEach(() => {
  ({ dir, cleanup } = scratch());
  env = { O2ATH_RUNTIME_DIR: fakeRuntime(dir) };
  writeFileSync(join(dir, 'p.c'), '#include <stdio.h>\n#pragma omp parallel\nint main(void) { puts("p"); return 0; }\n');
});
afterEach(() => cleanup());

const warnTranslate = (file: SourceFile, options: TranslateOptions): TranslateResult => ({
  ok: true,
  files: [{ name: 'p.c', text: file.text, role: 'hybrid' }],
  diagnostics: [{ name: 'unsupported-demo', severity: 'warning', text: `region kept on the MPE (fallback=${options.fallback}, target=${options.target})`, file, span: { start: 19, end: 39 }, notes: [] }],
  slaveImports: [],
  kernels: 0,
});

describe('options reach the translator; its diagnostics are printed', () => {
  it('text warnings, build continues', async () => {
    const r = await drive('c', ['--fallback=host', '--target=sw26010', '-c', 'p.c'], { cwd: dir, env, translate: warnTranslate });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'p.c:2:1: warning: region kept on the MPE (fallback=host, target=sw26010) [unsupported-demo]\n    2 | #pragma omp parallel\n      | ^~~~~~~~~~~~~~~~~~~~\n',
    );
    expect(existsSync(join(dir, 'p.o'))).toBe(true);
  });

  it('json: one document on stderr', async () => {
    const r = await drive('c', ['--diagnostics-format=json', '-c', 'p.c'], { cwd: dir, env, translate: warnTranslate });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr)).toEqual([
      { file: 'p.c', line: 2, column: 1, severity: 'warning', name: 'unsupported-demo', message: 'region kept on the MPE (fallback=none, target=sw26010pro)', notes: [] },
    ]);
  });

  it('sarif, driver errors included', async () => {
    const r = await drive('c', ['--diagnostics-format=sarif', '-c', 'missing.c'], { cwd: dir, env });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stderr) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['driver-cannot-read']);
  });
});

describe('commands without inputs', () => {
  it('--help describes the o2ath options', async () => {
    const r = await drive('fortran', ['--help'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: o2ath fc /);
    expect(r.stdout).toContain('--fc CMD');
  });

  it('forwards queries such as --version to the host compiler', async () => {
    const r = await drive('c', ['--dry-run', '--version'], { cwd: dir, env, translate: warnTranslate });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('gcc --version\n');
  });

  it('-dumpversion really runs', async () => {
    const r = await drive('c', ['--cc', 'true', '-dumpversion'], { cwd: dir, env });
    expect(r.code).toBe(0);
  });

  it('refuses to run itself as the compiler', async () => {
    const r = await drive('c', ['-c', 'p.c'], { cwd: dir, env: { ...env, O2ATH_DRIVER_DEPTH: '2' }, translate: warnTranslate });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[driver-recursion\]\n$/);
  });

  it('a missing host compiler is exit 1 with a driver diagnostic', async () => {
    const r = await drive('c', ['--cc', 'no-such-cc-o2ath', '-c', 'p.c'], { cwd: dir, env, translate: warnTranslate });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("o2ath: error: 'no-such-cc-o2ath' not found in PATH [driver-tool-not-found]\n");
  });
});

describe('emulate --dry-run and --verbose', () => {
  const kernelTranslate = (file: SourceFile): TranslateResult => ({ ok: true, files: [{ name: 'p.c', text: file.text, role: 'hybrid' }], diagnostics: [], slaveImports: ['ext'], kernels: 1 });

  it('prints every step, runs nothing, writes no output', async () => {
    const r = await drive('c', ['--dry-run', '--save-temps=T', '--target=sw26010', '-O2', 'p.c', '-o', 'p'], { cwd: dir, env, translate: kernelTranslate });
    expect(r.code).toBe(0);
    const T = join(dir, 'T');
    const rt = env['O2ATH_RUNTIME_DIR']!;
    expect(r.stdout.split(T).join('$T').split(rt).join('$RT')).toBe(
      [
        `gcc -D__sw_host__ -isystem $RT/include -DO2ATH_EMU_SW26010 -iquote . -D_OPENMP=201511 -fmacro-prefix-map=$T/= -O2 -c $T/p.c -o $T/p.host.o`,
        `gcc -D__sw_slave__ -isystem $RT/include -DO2ATH_EMU_SW26010 -iquote . -D_OPENMP=201511 -fmacro-prefix-map=$T/= -O2 -c $T/p.c -o $T/p.slave.o`,
        `nm -P $T/p.slave.o`,
        `# $T/p.slave.redefine / $T/p.slave.weaken: computed from the nm output (functions → slave_*, data weakened)`,
        `objcopy --redefine-syms=$T/p.slave.redefine --weaken-symbols=$T/p.slave.weaken $T/p.slave.o`,
        `ld -r $T/p.host.o $T/p.slave.o -o $T/p.o`,
        `make -C $RT`,
        `gcc -O2 $T/p.o -L$RT/build -lo2athrt_sw26010 -pthread -lm -o p`,
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'p'))).toBe(false);
    expect(readdirSync(T)).toEqual(['p.c']);
  });

  it('o2ath fc: the runtime directory is searched by Fortran INCLUDE/USE too; the link uses gfortran', async () => {
    writeFileSync(join(dir, 'm.F90'), 'program m\nend program m\n');
    const r = await drive('fortran', ['--dry-run', '--save-temps=T', '-mhost', '-O2', 'm.F90', '-o', 'm'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const rt = env['O2ATH_RUNTIME_DIR']!;
    const lines = r.stdout.split(rt).join('$RT').trim().split('\n');
    expect(lines[0]).toMatch(/^gfortran -D__sw_host__ -isystem \$RT\/include -I\$RT\/include -O2 -c m\.F90 -o \S+\/m\.host\.o$/);
    expect(lines[lines.length - 1]).toMatch(/^gfortran -O2 \S+\/m\.host\.o -L\$RT\/build -lo2athrt -pthread -lm -o m$/);
  });

  it('-m32: the relocatable merge uses the matching ld emulation', async () => {
    const r = await drive('c', ['--dry-run', '--save-temps=T', '-m32', '-c', 'p.c'], { cwd: dir, env, translate: kernelTranslate });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ld -m elf_i386 -r \S+\/p\.host\.o \S+\/p\.slave\.o -o p\.o$/m);
  });

  it('--verbose prints the commands on stderr as they run', async () => {
    const r = await drive('c', ['--verbose', '-c', 'p.c'], { cwd: dir, env, translate: kernelTranslate });
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^gcc -D__sw_host__ .* -c \/.*\/p\.c -o \/.*\/p\.host\.o$/);
    expect(lines[1]).toMatch(/^gcc -D__sw_slave__ /);
    expect(lines[2]).toMatch(/^nm -P /);
    expect(lines[3]).toMatch(/^objcopy --redefine-syms=/);
    expect(lines[4]).toMatch(/^ld -r /);
  });
});

describe('inputs are never overwritten', () => {
  it('--save-temps=. next to the input puts the translation in a subdirectory', async () => {
    const before = readFileSync(join(dir, 'p.c'), 'utf8');
    const changed = (file: SourceFile): TranslateResult => ({ ok: true, files: [{ name: 'p.c', text: '/* translated */\n' + file.text, role: 'hybrid' }], diagnostics: [], slaveImports: [], kernels: 0 });
    const r = await drive('c', ['--save-temps=.', '-c', 'p.c'], { cwd: dir, env, translate: changed });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'p.c'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'o2ath-temps', 'p.c'), 'utf8')).toBe('/* translated */\n' + before);
  });

  it('two sources with one base name get separate work directories', async () => {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'u.c'), '#pragma omp barrier\nint ua(void) { return 1; }\n');
    writeFileSync(join(dir, 'b', 'u.c'), '#pragma omp barrier\nint ub(void) { return 2; }\nint main(void) { return 0; }\n');
    const ident = (file: SourceFile): TranslateResult => ({ ok: true, files: [{ name: 'u.c', text: file.text, role: 'hybrid' }], diagnostics: [], slaveImports: [], kernels: 0 });
    const r = await drive('c', ['--save-temps=T', 'a/u.c', 'b/u.c', '-o', 'prog'], { cwd: dir, env, translate: ident });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'T', '1', 'u.c'), 'utf8')).toContain('ua');
    expect(readFileSync(join(dir, 'T', '2', 'u.c'), 'utf8')).toContain('ub');
  });
});

describe('special outputs', () => {
  it('-o /dev/null writes into the device and leaves it a device', async () => {
    const r = await drive('c', ['-c', 'p.c', '-o', '/dev/null', '-MMD', '-MF', '/dev/null'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o through a symbolic link writes the link target', async () => {
    writeFileSync(join(dir, 'real.o'), 'old');
    symlinkSync('real.o', join(dir, 'link.o'));
    const r = await drive('c', ['-c', 'p.c', '-o', 'link.o'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.o')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real.o')).subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  });
});

describe('preprocessing and dependencies only', () => {
  it('-MM prints make rules for the original source', async () => {
    writeFileSync(join(dir, 'h.h'), '#define H 1\n');
    writeFileSync(join(dir, 'q.c'), '#include "h.h"\n#pragma omp parallel\nint q;\n');
    const r = await drive('c', ['-MM', 'q.c'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('q.o: q.c h.h\n');
  });

  it('-E -o writes the host preprocessing with the original file name in line markers', async () => {
    const r = await drive('c', ['-E', 'p.c', '-o', 'p.i'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'p.i'), 'utf8');
    expect(text).toContain('# 1 "p.c"');
    expect(text).toContain('int main(void)');
  });
});

describe('link-time optimisation', () => {
  it('is dropped in emulate mode with a warning', async () => {
    const r = await drive('c', ['-O2', '-flto', 'p.c', '-o', 'p'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("o2ath: warning: '-flto' is ignored in emulate mode [driver-ignored-option]\n");
  });
});

describe('-shared', () => {
  it('does not link the runtime archive into a shared object', async () => {
    writeFileSync(join(dir, 's.c'), 'int f(void) { return 1; }\n');
    const r = await drive('c', ['--dry-run', '--save-temps=T', '-shared', '-fPIC', 's.c', '-o', 'libs.so'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const link = r.stdout.trim().split('\n').pop()!;
    expect(link).toMatch(/^gcc -fPIC -shared .*\/s\.host\.o -pthread -lm -o libs\.so$/);
  });
});
