// The two back ends (emulate: gcc + runtime-c; cross: the Sunway compilers) differ only in the command
// lines. The driver decides what to compile and link; a Toolchain says how.
import type { Message } from '../core/diagnostic.js';
import type { ForwardedFlag, InputItem, ParsedCommandLine } from './args.js';

export type CpeSide = 'host' | 'slave';

export interface CompileJob {
  /** The file handed to the compiler: the translation in the work directory, or the user's file. */
  readonly source: string;
  /** The user's file (its directory is searched for quoted includes of a translation). */
  readonly original: string;
  readonly language: 'c' | 'fortran' | 'plain';
  /** -x language given by the user for this input. */
  readonly xLang: string | undefined;
  /**
   * True for o2ath translations, and for C/Fortran files without OpenMP that the driver compiles as they
   * are (what the translator would have returned): they get -D_OPENMP, as the user's `-fopenmp` build
   * would, and the directory of the original for quoted includes. False for -mhost/-mslave files, which
   * are Athread code already, and for other sources.
   */
  readonly translated: boolean;
  /** Fortran translations with both sides in one file need cpp (-cpp) to select __sw_host__/__sw_slave__. */
  readonly needsCpp: boolean;
  readonly side: CpeSide;
  readonly stage: '-c' | '-S' | '-E';
  readonly output: string;
  /** Dependency options (host side only). */
  readonly deps: readonly string[];
  /**
   * gfortran: where the slave compile of a file that is also compiled for the host writes its .mod files
   * (so it does not clobber the host's). Undefined: the compile writes modules where the user said.
   */
  readonly slaveModDir: string | undefined;
}

export interface Toolchain {
  readonly name: 'emulate' | 'cross';
  /** Checked once before any command runs (e.g. the cross compiler is installed). */
  check(): Message | undefined;
  compile(job: CompileJob): string[];
  /** Emulate: rename the slave object's symbols. Cross: nothing (the slave compiler does it). */
  afterSlaveCompile(object: string, imports: readonly string[], editsBase: string): Promise<Message | undefined>;
  /** One object from a host and a slave object. */
  merge(host: string, slave: string, output: string): string[];
  /** Called before the link (emulate: build the runtime archive if needed). */
  beforeLink(cmd: ParsedCommandLine): Promise<Message | undefined>;
  link(cmd: ParsedCommandLine, items: readonly LinkItem[], output: string): string[];
}

/** A link input: a produced object, a user file, or a linker option, in command-line order. */
export type LinkItem = { readonly kind: 'object'; readonly path: string } | InputItem;

/** User options for one compile, in command-line order. */
export function userCompileFlags(flags: readonly ForwardedFlag[], side: CpeSide, keepSunway: boolean, language: CompileJob['language'], slaveModDir: string | undefined): string[] {
  const redirect = side === 'slave' && language === 'fortran' && slaveModDir !== undefined;
  const out: string[] = [];
  for (const f of flags) {
    switch (f.use) {
      case 'compile':
      case 'general':
        out.push(...f.args);
        break;
      case 'sunway':
        if (keepSunway) out.push(...f.args);
        break;
      case 'host':
      case 'slave':
        if (f.use === side) out.push(...f.args);
        break;
      case 'moddir': {
        // gfortran -J: where this compile writes .mod files, and a search directory. The slave compile of the
        // same file must not overwrite the host's modules, so it only searches there.
        const dir = f.args.length > 1 ? f.args[1]! : f.args[0]!.slice(2);
        if (redirect) out.push(`-I${dir}`);
        else out.push(...f.args);
        break;
      }
    }
  }
  if (redirect) out.push(`-J${slaveModDir}`);
  return out;
}

/** General and Sunway options for the link, in order (the compile-only ones are not link options). */
export function userLinkFlags(flags: readonly ForwardedFlag[], keepSunway: boolean): string[] {
  const out: string[] = [];
  for (const f of flags) {
    if (f.use === 'general' || (keepSunway && f.use === 'sunway')) out.push(...f.args);
  }
  return out;
}

export function linkItemArgs(items: readonly LinkItem[], keepSunway: boolean): string[] {
  const out: string[] = [];
  for (const it of items) {
    if (it.kind === 'object' || it.kind === 'linker-input') out.push(it.path);
    else if (it.kind === 'link-flag') {
      if (!it.sunway || keepSunway) out.push(...it.args);
    } else {
      // A source that is not compiled by us (plain sources are compiled to objects first; nothing reaches here).
      out.push(it.path);
    }
  }
  return out;
}
