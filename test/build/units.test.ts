// Small pieces: shell words, nm parsing and the slave symbol rule, dependency paths.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDepFile, depFlags, linkModeDeps, rewritePaths } from '../../src/build/deps.js';
import { formatCommand, splitShellWords } from '../../src/build/shell-words.js';
import { containsOpenMP } from '../../src/build/openmp-scan.js';
import { expandResponseFiles } from '../../src/build/response-files.js';
import { parseNmPosix, slaveSymbolEdits } from '../../src/build/slave-rename.js';
import { repo, scratch } from './helpers.js';

describe('shell words', () => {
  const table: Array<[string, string[] | undefined]> = [
    ['gcc', ['gcc']],
    ['  mpicc   -cc=gcc ', ['mpicc', '-cc=gcc']],
    [`mpicc -cc="gcc -m64"`, ['mpicc', '-cc=gcc -m64']],
    [`a 'b c' d\\ e "f\\"g"`, ['a', 'b c', 'd e', 'f"g']],
    [`x ''`, ['x', '']],
    [`'open`, undefined],
    [`"open`, undefined],
  ];
  for (const [text, words] of table) it(JSON.stringify(text), () => expect(splitShellWords(text)).toEqual(words));

  it('quotes only what needs it, and round-trips', () => {
    const argv = ['gcc', '-DMSG="hi there"', "it's", '-o', 'a b', '-I/x/y', ''];
    expect(formatCommand(argv)).toBe(`gcc '-DMSG="hi there"' 'it'\\''s' -o 'a b' -I/x/y ''`);
    expect(splitShellWords(formatCommand(argv))).toEqual(argv);
  });
});

describe('slave symbol rule', () => {
  const nm = [
    '_GLOBAL_OFFSET_TABLE_ U         ',
    '_MYID U         ',
    'kernel T 0 31',
    'helper t 40 10',
    'inline_fn W 60 8',
    'slave_already T 80 8',
    'main T 90 20',
    'data B 0 800',
    'table R 0 64',
    'init D 0 8',
    'weakobj V 0 8',
    'common_blk C 8 64',
    'ext_cpe U',
    'sin U',
  ].join('\n');

  it('parses nm -P', () => {
    expect(parseNmPosix(nm).slice(0, 3)).toEqual([
      { name: '_GLOBAL_OFFSET_TABLE_', type: 'U' },
      { name: '_MYID', type: 'U' },
      { name: 'kernel', type: 'T' },
    ]);
  });

  it('renames defined global functions and imported CPE functions; weakens defined data', () => {
    const edits = slaveSymbolEdits(parseNmPosix(nm), ['ext_cpe', 'slave_x']);
    expect([...edits.rename]).toEqual([
      ['kernel', 'slave_kernel'],
      ['inline_fn', 'slave_inline_fn'],
      ['main', 'slave_main'],
      ['ext_cpe', 'slave_ext_cpe'],
    ]);
    expect(edits.weaken).toEqual(['data', 'table', 'init']);
  });
});

describe('dependencies', () => {
  it('follows gcc for the default -MD file name', () => {
    expect(defaultDepFile('src/x.c', 'obj/x.o')).toBe('obj/x.d');
    expect(defaultDepFile('src/x.c', undefined)).toBe('x.d');
    expect(defaultDepFile('src/x.c', 'x')).toBe('x.d');
  });

  it('follows GCC 12 in compile-and-link commands', () => {
    expect(linkModeDeps('src/a.c', 'prog.exe', 1)).toEqual({ file: 'prog.d', target: 'prog.exe' });
    expect(linkModeDeps('src/a.c', undefined, 1)).toEqual({ file: 'a.d', target: 'a.o' });
    expect(linkModeDeps('src/b.c', undefined, 2)).toEqual({ file: 'a-b.d', target: 'b.o' });
    expect(linkModeDeps('src/b.c', 'bin/prog', 2)).toEqual({ file: 'bin/prog-b.d', target: 'b.o' });
  });

  it('targets the user object unless -MT/-MQ is given', () => {
    expect(depFlags({ only: undefined, sideEffect: '-MMD', file: undefined, targets: [], extra: ['-MP'] }, '/w/x.d', 'obj/x.o')).toEqual(['-MMD', '-MF', '/w/x.d', '-MT', 'obj/x.o', '-MP']);
    expect(depFlags({ only: undefined, sideEffect: '-MD', file: 'a.d', targets: [['-MT', 't']], extra: [] }, '/w/x.d', 'x.o')).toEqual(['-MD', '-MF', '/w/x.d', '-MT', 't']);
    expect(depFlags({ only: undefined, sideEffect: undefined, file: undefined, targets: [], extra: [] }, '/w/x.d', 'x.o')).toEqual([]);
  });

  it('replaces the translation path with the original', () => {
    expect(rewritePaths('x.o: /tmp/o2ath-1/x.c a.h\n/tmp/o2ath-1/x.c:\n', '/tmp/o2ath-1/x.c', 'src/x.c')).toBe('x.o: src/x.c a.h\nsrc/x.c:\n');
  });
});

describe('OpenMP scan (files without OpenMP skip the translator)', () => {
  const table: Array<[string, 'c' | 'fortran', boolean]> = [
    ['#pragma omp parallel for\n', 'c', true],
    ['  #  pragma   omp barrier\n', 'c', true],
    ['_Pragma("omp parallel")\n', 'c', true],
    ['#pragma once\nint omp;\n', 'c', false],
    ['// pragma omp in a comment\n', 'c', false],
    ['!$omp parallel do\n', 'fortran', true],
    ['    !$OMP END PARALLEL\n', 'fortran', true],
    ['c$omp parallel\n', 'fortran', true],
    ['*$OMP DO\n', 'fortran', true],
    ['!$ nthreads = omp_get_max_threads()\n', 'fortran', true],
    ['C$    x = 1\n', 'fortran', true],
    ['! plain comment\n      x = 1\n', 'fortran', false],
  ];
  for (const [text, lang, expected] of table) it(`${lang}: ${JSON.stringify(text)}`, () => expect(containsOpenMP(text, lang)).toBe(expected));
});

describe('agreement with runtime-c/tools/slave-rename.sh', () => {
  const script = join(repo, 'runtime-c', 'tools', 'slave-rename.sh');
  it('renames the same functions on an object with functions only', () => {
    const { dir, cleanup } = scratch();
    try {
      writeFileSync(join(dir, 'k.c'), 'static int h(int x) { return x; }\nint f(int x) { return h(x) + g(x); }\nint slave_done(void) { return 0; }\nint g(int);\n');
      execFileSync('gcc', ['-O0', '-c', join(dir, 'k.c'), '-o', join(dir, 'k.o')]);
      const before = parseNmPosix(execFileSync('nm', ['-P', join(dir, 'k.o')], { encoding: 'utf8' }));
      execFileSync('sh', [script, join(dir, 'k.o')]);
      const after = parseNmPosix(execFileSync('nm', ['-P', join(dir, 'k.o')], { encoding: 'utf8' }));
      const ours = slaveSymbolEdits(before, []);
      const expected = before.map((s) => ({ ...s, name: ours.rename.get(s.name) ?? s.name }));
      expect(after.map((s) => s.name).sort()).toEqual(expected.map((s) => s.name).sort());
    } finally {
      cleanup();
    }
  });
});

describe('response files', () => {
  const files: Record<string, string> = { 'objs.rsp': 'a.o "b c.o"\n@more.rsp -lm', 'more.rsp': '-L/x', 'loop.rsp': '@loop.rsp' };
  const read = (p: string): string => {
    const t = files[p];
    if (t === undefined) throw new Error('ENOENT');
    return t;
  };
  it('expands @file recursively, keeps unreadable ones', () => {
    expect(expandResponseFiles(['-o', 'p', '@objs.rsp', '@missing', '@'], read)).toEqual(['-o', 'p', 'a.o', 'b c.o', '-L/x', '-lm', '@missing', '@']);
  });
  it('leaves the list file of --cpe-functions alone', () => {
    expect(expandResponseFiles(['--cpe-functions', '@objs.rsp'], read)).toEqual(['--cpe-functions', '@objs.rsp']);
  });
  it('stops on a response file that names itself', () => {
    expect(expandResponseFiles(['@loop.rsp'], read)).toEqual(['@loop.rsp']);
  });
});
