// argv → ParsedCommandLine, as a table. What a Makefile passes to gcc must keep its order and meaning.
import { describe, expect, it } from 'vitest';
import { parseCommandLine, resolveCpeFunctions, type ParsedCommandLine } from '../../src/build/args.js';

type Env = Record<string, string>;

function parse(argv: string[], env: Env = {}, verb: 'c' | 'fortran' = 'c'): ParsedCommandLine {
  const r = parseCommandLine(verb, argv, env);
  if (!r.ok) throw new Error(`unexpected error: ${r.error.text}`);
  return r.value;
}

const src = (path: string, language: 'c' | 'fortran' | 'plain' = 'c', xLang?: string) => ({ kind: 'source', path, language, xLang });
const lib = (...args: string[]) => ({ kind: 'link-flag', args, sunway: false });

describe('gcc-style arguments', () => {
  const table: Array<[string, string[], Partial<ParsedCommandLine>]> = [
    ['-c with one source', ['-c', 'x.c'], { action: 'compile', output: undefined, inputs: [src('x.c')] as never }],
    ['-c -o', ['-c', 'x.c', '-o', 'obj/x.o'], { action: 'compile', output: 'obj/x.o' }],
    ['attached -o', ['-c', 'x.c', '-oobj/x.o'], { output: 'obj/x.o' }],
    ['the last -o wins', ['x.c', '-o', 'a', '-o', 'b'], { output: 'b', action: 'link' }],
    ['-S and -E rank over -c', ['-c', '-S', 'x.c'], { action: 'assemble' }],
    ['-E', ['-E', 'x.c'], { action: 'preprocess' }],
    [
      'compile options in order',
      ['-O2', '-g', '-Iinc', '-I', 'inc2', '-DFOO=1', '-D', 'BAR', '-UBAZ', '-std=c99', '-Wall', '-fPIC', '-pthread', '-include', 'cfg.h', 'x.c'],
      {
        flags: [
          { args: ['-O2'], use: 'general' },
          { args: ['-g'], use: 'general' },
          { args: ['-Iinc'], use: 'compile' },
          { args: ['-I', 'inc2'], use: 'compile' },
          { args: ['-DFOO=1'], use: 'compile' },
          { args: ['-D', 'BAR'], use: 'compile' },
          { args: ['-UBAZ'], use: 'compile' },
          { args: ['-std=c99'], use: 'general' },
          { args: ['-Wall'], use: 'general' },
          { args: ['-fPIC'], use: 'general' },
          { args: ['-pthread'], use: 'general' },
          { args: ['-include', 'cfg.h'], use: 'compile' },
        ],
      },
    ],
    [
      'objects, libraries and sources keep their order',
      ['a.o', 'libb.a', '-L/opt/lib', '-lm', 'c.c', '-Wl,--as-needed', '-l', 'z', 'd.so', 'e.S', '-o', 'prog'],
      {
        inputs: [
          { kind: 'linker-input', path: 'a.o' },
          { kind: 'linker-input', path: 'libb.a' },
          lib('-L/opt/lib'),
          lib('-lm'),
          src('c.c'),
          lib('-Wl,--as-needed'),
          lib('-l', 'z'),
          { kind: 'linker-input', path: 'd.so' },
          src('e.S', 'plain'),
        ] as never,
      },
    ],
    ['-x c applies to later inputs', ['x.c', '-x', 'c', 'gen.inc', '-x', 'none', 'y.o'], { inputs: [src('x.c'), src('gen.inc', 'c', 'c'), { kind: 'linker-input', path: 'y.o' }] as never }],
    ['Fortran sources through cc', ['m.f90', 'n.F', 'k.c'], { inputs: [src('m.f90', 'fortran'), src('n.F', 'fortran'), src('k.c')] as never }],
    ['-shared is a link option', ['-shared', 'x.o', '-o', 'libx.so'], { shared: true, inputs: [lib('-shared'), { kind: 'linker-input', path: 'x.o' }] as never }],
    ['-undef is not -u ndef', ['-undef', '-c', 'x.c'], { flags: [{ args: ['-undef'], use: 'compile' }] }],
    ['unknown options go to the compiler', ['-frecord-gcc-switches', '-march=native', '--save-temps=obj', '-c', 'x.c'], {
      flags: [
        { args: ['-frecord-gcc-switches'], use: 'general' },
        { args: ['-march=native'], use: 'general' },
        { args: ['--save-temps=obj'], use: 'general' },
      ],
    }],
    ['OpenMP switches are dropped (never link libgomp)', ['-fopenmp', '-openmp', '-fopenmp=libgomp', 'x.c', '-lgomp'], { flags: [], inputs: [src('x.c')] as never }],
    [
      'dependency options',
      ['-MD', '-MF', 'x.d', '-MT', 'obj/x.o', '-MQ', '$(X)', '-MP', '-c', 'x.c'],
      { deps: { only: undefined, sideEffect: '-MD', file: 'x.d', targets: [['-MT', 'obj/x.o'], ['-MQ', '$(X)']], extra: ['-MP'] } },
    ],
    ['-MM implies -E', ['-MM', 'x.c'], { action: 'preprocess', deps: { only: '-MM', sideEffect: undefined, file: undefined, targets: [], extra: [] } }],
    ['no inputs: forwarded as a query', ['--version'], { inputs: [], forward: ['--version'] }],
  ];
  for (const [name, argv, expected] of table) {
    it(name, () => {
      expect(parse(argv)).toMatchObject(expected);
    });
  }
});

describe('Sunway compiler options (issue 5)', () => {
  const table: Array<[string, string[], Partial<ParsedCommandLine>]> = [
    ['-mslave', ['-mslave', '-c', 'k.c'], { side: 'slave', hybrid: false }],
    ['-mhost', ['-mhost', '-c', 'm.c'], { side: 'host' }],
    ['-mhybrid', ['-mhybrid', 'm.o', 'k.o', '-o', 'p'], { hybrid: true, side: 'auto' }],
    ['sw5cc spellings', ['-slave', '-c', 'k.c'], { side: 'slave' }],
    ['sw5cc -host', ['-host', '-c', 'k.c'], { side: 'host' }],
    ['sw5cc -hybrid', ['-hybrid', 'a.o'], { hybrid: true }],
    [
      'CPE flags are kept aside (dropped in emulate mode, kept in cross mode)',
      ['-msimd', '-faddress_align=64', '-mieee', '-mftz', '-OPT:IEEE_arith=1', '-c', 'k.c'],
      {
        flags: [
          { args: ['-msimd'], use: 'sunway' },
          { args: ['-faddress_align=64'], use: 'sunway' },
          { args: ['-mieee'], use: 'sunway' },
          { args: ['-mftz'], use: 'sunway' },
          { args: ['-OPT:IEEE_arith=1'], use: 'sunway' },
        ],
      },
    ],
    ['-lm_slave', ['a.o', '-lm_slave', '-lm'], { inputs: [{ kind: 'linker-input', path: 'a.o' }, { kind: 'link-flag', args: ['-lm_slave'], sunway: true }, lib('-lm')] as never }],
    [
      'SWGOMP -Whost,/-Wslave, side options',
      ['-Whost,-fno-inline', '-Wslave,-funroll-loops,-O3', '-c', 'x.c'],
      { flags: [{ args: ['-fno-inline'], use: 'host' }, { args: ['-funroll-loops', '-O3'], use: 'slave' }] },
    ],
    ['gfortran -J', ['-J', 'mods', '-Jmods2', '-c', 'm.f90'], { flags: [{ args: ['-J', 'mods'], use: 'moddir' }, { args: ['-Jmods2'], use: 'moddir' }] }],
  ];
  for (const [name, argv, expected] of table) {
    it(name, () => {
      expect(parse(argv)).toMatchObject(expected);
    });
  }
});

describe('o2ath options and environment', () => {
  it('reads every o2ath option, in both spellings', () => {
    const p = parse([
      '--mode=cross', '--target', 'sw26010', '--layout', 'split', '--fallback=host', '--cpe-functions', 'f,g', '--cpe-functions=@list.txt',
      '--keep', '--save-temps=tmp', '--verbose', '--diagnostics-format=json', '--dry-run', '-c', 'x.c',
    ]);
    expect(p.options).toMatchObject({
      mode: 'cross', target: 'sw26010', layout: 'split', fallback: 'host', cpeFunctions: ['f,g', '@list.txt'],
      keep: true, saveTemps: 'tmp', verbose: true, diagnosticsFormat: 'json', dryRun: true, compiler: ['sw5cc'],
    });
    expect(p.forward).toEqual(['-c', 'x.c']);
  });

  it('defaults: emulate, sw26010pro, hybrid, gcc / gfortran', () => {
    expect(parse(['x.c']).options).toMatchObject({ mode: 'emulate', target: 'sw26010pro', layout: 'hybrid', fallback: 'none', compiler: ['gcc'], dryRun: false });
    expect(parse(['x.f90'], {}, 'fortran').options.compiler).toEqual(['gfortran']);
  });

  const compilers: Array<[string, string[], Env, 'c' | 'fortran', string[]]> = [
    ['O2ATH_HOST_CC with a wrapper', ['x.c'], { O2ATH_HOST_CC: 'ccache gcc' }, 'c', ['ccache', 'gcc']],
    ['--cc beats the environment, split like a shell', ['--cc', 'mpicc -cc="gcc -m64"', 'x.c'], { O2ATH_HOST_CC: 'clang' }, 'c', ['mpicc', '-cc=gcc -m64']],
    ['O2ATH_HOST_FC', ['x.f90'], { O2ATH_HOST_FC: 'mpif90' }, 'fortran', ['mpif90']],
    ['--fc', ['--fc=mpif90', 'x.f90'], {}, 'fortran', ['mpif90']],
    ['cross default, Pro, C', ['--mode', 'cross', 'x.c'], {}, 'c', ['sw9gcc']],
    ['cross default, Pro, Fortran', ['--mode', 'cross', 'x.f90'], {}, 'fortran', ['sw9gfortran']],
    ['cross default, SW26010, C', ['--mode', 'cross', '--target=sw26010', 'x.c'], {}, 'c', ['sw5cc']],
    ['cross default, SW26010, Fortran', ['x.f90'], { O2ATH_MODE: 'cross', O2ATH_TARGET: 'sw26010' }, 'fortran', ['sw5f90']],
    ['O2ATH_HOST_CC does not leak into cross mode', ['--mode', 'cross', 'x.c'], { O2ATH_HOST_CC: 'gcc' }, 'c', ['sw9gcc']],
    ['--cc mpicc in cross mode', ['--mode', 'cross', '--cc', 'mpicc', 'x.c'], {}, 'c', ['mpicc']],
  ];
  for (const [name, argv, env, verb, expected] of compilers) {
    it(name, () => {
      expect(parse(argv, env, verb).options.compiler).toEqual(expected);
    });
  }
});

describe('command-line misuse (exit 2)', () => {
  const table: Array<[string, string[], Env, string]> = [
    ['unknown --mode', ['--mode', 'fast', 'x.c'], {}, "invalid value 'fast' for '--mode' (expected emulate|cross)"],
    ['unknown --target', ['--target=sw26010x', 'x.c'], {}, "invalid value 'sw26010x' for '--target' (expected sw26010pro|sw26010)"],
    ['unknown --layout', ['--layout', 'one', 'x.c'], {}, "invalid value 'one' for '--layout' (expected hybrid|split)"],
    ['bad O2ATH_MODE', ['x.c'], { O2ATH_MODE: 'real' }, 'invalid value \'real\' in environment variable O2ATH_MODE (expected emulate|cross)'],
    ['-o without argument', ['x.c', '-o'], {}, "missing argument to '-o'"],
    ['--mode without argument', ['x.c', '--mode'], {}, "missing argument to '--mode'"],
    ['-o with -c and two sources', ['-c', 'a.c', 'b.c', '-o', 'x.o'], {}, "cannot specify '-o' with '-c' and several source files"],
    ['-o with -S and two sources', ['-S', 'a.c', 'b.c', '-o', 'x.s'], {}, "cannot specify '-o' with '-S' and several source files"],
    ['unterminated quote in --cc', ['--cc', "mpicc '-x", 'x.c'], {}, "cannot split --cc 'mpicc '-x' into words (unterminated quote?)"],
    ['empty --cpe-functions', ['--cpe-functions=', 'x.c'], {}, "'--cpe-functions' needs a comma-separated list of names or @file"],
  ];
  for (const [name, argv, env, text] of table) {
    it(name, () => {
      const r = parseCommandLine('c', argv, env);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.text).toBe(text);
    });
  }

  it('-o with -c and several objects but one source is fine', () => {
    expect(parseCommandLine('c', ['-c', 'a.c', 'b.o', '-o', 'x.o']).ok).toBe(true);
  });
});

describe('--cpe-functions', () => {
  it('merges lists and @files, without duplicates', () => {
    const files: Record<string, string> = { 'list.txt': 'h\n  g, k\n' };
    expect(resolveCpeFunctions(['f,g', '@list.txt'], (p) => files[p]!)).toEqual(['f', 'g', 'h', 'k']);
  });
});
