// What each gcc/gfortran option means to the driver: which commands it goes to. One table, so that the
// parser stays a loop. Anything not listed is a "general" option: it goes to every compile and to the link,
// which is what gcc itself does with options it does not know to be phase-specific.

/** Where an option is forwarded. */
export type FlagUse =
  /** Preprocessor/search options: every compile, never the link. */
  | 'compile'
  /** Linker-only options: kept in order among the link inputs. */
  | 'link'
  /** Every compile and the link (gcc's default for -O, -g, -f*, -m*, -std=, -pthread ...). */
  | 'general'
  /** Sunway-only options (-msimd, -mieee ...): given to the cross compilers, dropped in emulate mode. */
  | 'sunway'
  /** Never forwarded (OpenMP is translated; libgomp is never linked). */
  | 'drop';

/** Options that take the next word as their argument when not attached (`-I dir`, `-o out`). */
export const SEPARATE_ARG = new Set([
  '-o', '-x', '-I', '-D', '-U', '-L', '-l', '-J',
  '-MF', '-MT', '-MQ',
  '-include', '-imacros', '-isystem', '-iquote', '-idirafter', '-iprefix', '-iwithprefix', '-iwithprefixbefore',
  '-isysroot', '-imultilib',
  '-Xlinker', '-Xassembler', '-Xpreprocessor',
  '-u', '-T', '-z', '-e', '-aux-info', '--param', '-wrapper', '-B',
  '-fintrinsic-modules-path',
]);

/** Options whose argument may be attached (`-Idir`); the rest of SEPARATE_ARG are whole words only. */
export const ATTACHED_ARG = ['-I', '-D', '-U', '-L', '-l', '-J', '-MF', '-MT', '-MQ', '-x', '-o', '-u', '-T', '-B'];

const COMPILE_ONLY = new Set([
  '-I', '-D', '-U', '-include', '-imacros', '-isystem', '-iquote', '-idirafter', '-iprefix', '-iwithprefix',
  '-iwithprefixbefore', '-imultilib', '-nostdinc', '-Xpreprocessor', '-Xassembler', '-fintrinsic-modules-path',
  '-C', '-CC', '-P', '-H', '-traditional-cpp', '-undef', '-cpp', '-nocpp',
]);

const LINK_ONLY = new Set([
  '-L', '-l', '-Xlinker', '-u', '-T', '-z', '-e', '-static', '-shared', '-rdynamic', '-nostdlib', '-nodefaultlibs',
  '-nostartfiles', '-nolibc', '-s', '-static-libgcc', '-static-libgfortran', '-static-libstdc++', '-symbolic',
]);

/** Sunway compiler options with no meaning for gcc (reference §4.2 and issue 5). */
const SUNWAY = new Set(['-msimd', '-mieee', '-mftz', '-mfma', '-mno-simd']);

/** OpenMP switches: the translation replaces OpenMP, and runtime-c supplies omp_* (libgomp must not be linked). */
const OPENMP = new Set(['-fopenmp', '-qopenmp', '-openmp', '-fiopenmp', '-lgomp', '-lomp', '-liomp5']);

/** Classify one option word (the option itself, without a separate argument). */
export function flagUse(option: string): FlagUse {
  if (OPENMP.has(option) || option.startsWith('-fopenmp=')) return 'drop';
  if (SUNWAY.has(option) || option.startsWith('-faddress_align') || option.startsWith('-OPT:')) return 'sunway';
  if (option.startsWith('-Wl,')) return 'link';
  if (option.startsWith('-Wp,') || option.startsWith('-Wa,')) return 'compile';
  const stem = attachedStem(option);
  if (stem !== undefined) {
    if (COMPILE_ONLY.has(stem)) return 'compile';
    if (LINK_ONLY.has(stem)) return 'link';
  }
  if (COMPILE_ONLY.has(option)) return 'compile';
  if (LINK_ONLY.has(option)) return 'link';
  return 'general';
}

/** Whole options that merely start like an option with an attached argument (`-undef` is not `-u ndef`). */
const WHOLE_WORDS = new Set(['-undef', '-openmp', '-lm_slave']);

/** For `-Idir` returns '-I'; for an option that is a whole word, the word itself. */
export function attachedStem(option: string): string | undefined {
  if (WHOLE_WORDS.has(option)) return undefined;
  for (const stem of ATTACHED_ARG) {
    if (option.startsWith(stem) && option.length > stem.length) return stem;
  }
  return undefined;
}

/** The input kinds the driver tells apart by file name. */
export type InputKind = 'c' | 'fortran' | 'plain-source' | 'linker-input';

const PLAIN_SOURCES = new Set(['.s', '.S', '.sx', '.i', '.ii', '.cc', '.cp', '.cxx', '.cpp', '.CPP', '.c++', '.C', '.m']);

/**
 * C and Fortran sources are translated; other things gcc compiles (assembly, C++, preprocessed output,
 * headers) are compiled for the host side unchanged; anything else is a linker input, as gcc assumes.
 * `-x LANG` overrides the file name.
 */
export function classifyInput(path: string, xLang: string | undefined, classify: (p: string) => { language: 'c' | 'fortran' } | undefined): InputKind {
  if (xLang !== undefined && xLang !== 'none') {
    if (xLang === 'c') return 'c';
    if (xLang === 'f95' || xLang === 'f77' || xLang === 'f95-cpp-input' || xLang === 'f77-cpp-input') return 'fortran';
    return 'plain-source';
  }
  if (path === '-') return 'plain-source';
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot) : '';
  if (ext === '.h') return 'plain-source';
  const kind = classify(path);
  if (kind) return kind.language;
  if (PLAIN_SOURCES.has(ext)) return 'plain-source';
  return 'linker-input';
}
