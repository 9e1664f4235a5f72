// Emulate mode: the host gcc/gfortran builds both sides against runtime-c, so translated code builds and
// runs on Linux. The hybrid file is compiled twice (-D__sw_host__ / -D__sw_slave__), the slave object's
// symbols get their Sunway names (slave-rename.ts), the two objects are merged with `ld -r`, and the
// link adds the runtime archive.
import { writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Message } from '../core/diagnostic.js';
import type { ParsedCommandLine } from './args.js';
import type { Runner } from './exec.js';
import { ensureRuntime, type RuntimeLayout } from './runtime-lib.js';
import { renameSlaveObject, type BinTools } from './slave-rename.js';
import { splitShellWords } from './shell-words.js';
import { linkItemArgs, userCompileFlags, userLinkFlags, type CompileJob, type LinkItem, type Toolchain } from './toolchain.js';

/** The OpenMP version the translated program sees: the same #ifdef _OPENMP paths as a gcc -fopenmp build. */
export const OPENMP_MACRO = '-D_OPENMP=201511';

/** Flags every compile of a translation needs, emulated or cross. */
export function translationFlags(job: CompileJob): string[] {
  const dir = dirname(job.original);
  // C: quoted includes of the original directory (the translation lives elsewhere); only -iquote,
  // so that a local header never shadows a system <header>. Fortran INCLUDE and USE need -I.
  const flags = job.language === 'fortran' ? [`-I${dir}`] : ['-iquote', dir];
  flags.push(OPENMP_MACRO);
  if (job.needsCpp) flags.push('-cpp');
  // Fortran kernels map host storage onto CPE-side names with Cray pointers (the Sunway idiom, §4.3).
  if (job.language === 'fortran') flags.push('-fcray-pointer');
  return flags;
}

export interface EmulateConfig {
  readonly cmd: ParsedCommandLine;
  readonly runtime: RuntimeLayout;
  readonly runner: Runner;
  readonly env: Readonly<Record<string, string | undefined>>;
}

function toolWords(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string[] {
  const v = env[name];
  return (v && splitShellWords(v)) || [fallback];
}

/**
 * Link-time optimisation does not survive the emulate build: nm/objcopy cannot rename symbols inside LTO
 * bytecode, and `ld -r` of two LTO objects mixes their IR sections. Emulation is about correctness, so
 * -flto is dropped (the driver warns once).
 */
export function isLtoFlag(flag: string): boolean {
  return flag === '-flto' || flag.startsWith('-flto=') || flag === '-ffat-lto-objects' || flag === '-fuse-linker-plugin';
}

export function createEmulateToolchain(cfg: EmulateConfig): Toolchain {
  const { cmd, runtime, runner } = cfg;
  const cc = cmd.options.compiler;
  const classic = cmd.options.target === 'sw26010';
  const bin: BinTools = { nm: toolWords(cfg.env, 'O2ATH_NM', 'nm'), objcopy: toolWords(cfg.env, 'O2ATH_OBJCOPY', 'objcopy') };
  const ld = toolWords(cfg.env, 'O2ATH_LD', 'ld');
  return {
    name: 'emulate',
    check: () => undefined,
    compile(job: CompileJob): string[] {
      // -isystem: the runtime headers play the part of the Sunway system headers (athread.h, slave.h):
      // found before /usr/include, quiet under -Wall, and left out of -MMD dependencies like them.
      const args = [...cc, job.side === 'host' ? '-D__sw_host__' : '-D__sw_slave__', '-isystem', runtime.includeDir];
      // gfortran's -isystem reaches only cpp; Fortran INCLUDE lines and USE of the runtime's modules need -I.
      if (job.language === 'fortran') args.push(`-I${runtime.includeDir}`);
      if (classic) args.push('-DO2ATH_EMU_SW26010');
      if (job.translated) {
        args.push(...translationFlags(job));
        // __FILE__ (assert messages, logs) names the user's file, not the work directory. Debug information
        // keeps pointing at the translation, whose line numbers it describes (--keep to look at it).
        if (job.language === 'c' && job.source !== job.original) {
          args.push(`-fmacro-prefix-map=${dirname(job.source)}/=${job.original.slice(0, job.original.length - basename(job.original).length)}`);
        }
      }
      args.push(...userCompileFlags(cmd.flags, job.side, false, job.language, job.slaveModDir));
      args.push(...job.deps);
      if (job.xLang !== undefined) args.push('-x', job.xLang);
      args.push(job.stage, job.source, '-o', job.output);
      return args;
    },
    afterSlaveCompile(object, imports, editsBase) {
      return renameSlaveObject(object, imports, runner, bin, { rename: `${editsBase}.redefine`, weaken: `${editsBase}.weaken` }, (p, t) => writeFileSync(p, t));
    },
    merge(host, slave, output) {
      // ld is called directly (a wrapper such as mpicc would add its libraries to a relocatable link), so
      // it must be told about gcc's non-default x86 ABIs.
      const abi = cmd.flags.flatMap((f) => f.args).filter((a) => a === '-m32' || a === '-mx32' || a === '-m64').pop();
      const emulation = abi === '-m32' ? ['-m', 'elf_i386'] : abi === '-mx32' ? ['-m', 'elf32_x86_64'] : [];
      return [...ld, ...emulation, '-r', host, slave, '-o', output];
    },
    async beforeLink(c): Promise<Message | undefined> {
      // A shared object is linked into a program later; the program's link brings the runtime.
      if (c.shared) return undefined;
      return ensureRuntime(runtime, runner);
    },
    link(c, items: readonly LinkItem[], output) {
      const args = [...cc, ...userLinkFlags(c.flags, false), ...linkItemArgs(items, false)];
      if (!c.shared) args.push(`-L${runtime.libDir}`, `-l${runtime.libName}`);
      args.push('-pthread', '-lm', '-o', output);
      return args;
    },
  };
}
