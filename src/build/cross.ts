// Cross mode: the real Sunway toolchain (reference/athread-api.md §4). The hybrid translation is compiled
// twice, by the MPE compiler and by the CPE compiler, and the two objects are merged; the CPE compiler
// gives slave functions their `slave_` names itself. Nothing here runs on Linux: with --dry-run the exact
// commands are printed.
//
// SW26010-Pro: sw9gcc -mhost / sw9gcc -mslave -msimd / swld -r -z muldefs / sw9gcc -mhybrid ... -lm_slave.
//   The merge is the one the public SWGOMP driver uses (-z muldefs: both compiles of one file may define
//   the same global, and the first, the host's, must win, as in emulate mode).
// SW26010: sw5cc -host / sw5cc -slave -msimd / sw5cc -hybrid ... -lm_slave. The merge tool `sw5ld -r` is an
//   ASSUMPTION (the public SW26010 builds link host and slave objects directly or archive them with sw5ar);
//   O2ATH_CROSS_LD overrides it. sw5cc is not known to predefine __sw_host__/__sw_slave__, so they are
//   passed explicitly (lammps-sunway used -DMPE/-DCPE the same way).
// Fortran: sw9gfortran / sw5f90 with the same side flags.
import type { Message } from '../core/diagnostic.js';
import * as msg from '../core/messages/driver.js';
import type { ParsedCommandLine } from './args.js';
import { translationFlags } from './emulate.js';
import { splitShellWords } from './shell-words.js';
import { linkItemArgs, userCompileFlags, userLinkFlags, type CompileJob, type LinkItem, type Toolchain } from './toolchain.js';
import { findInPath } from './which.js';

export interface CrossConfig {
  readonly cmd: ParsedCommandLine;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function crossSideFlags(target: ParsedCommandLine['options']['target']): { host: string[]; slave: string[]; link: string; mergeTool: string } {
  return target === 'sw26010'
    ? { host: ['-host', '-D__sw_host__'], slave: ['-slave', '-D__sw_slave__', '-msimd'], link: '-hybrid', mergeTool: 'sw5ld' }
    : { host: ['-mhost'], slave: ['-mslave', '-msimd'], link: '-mhybrid', mergeTool: 'swld' };
}

export function createCrossToolchain(cfg: CrossConfig): Toolchain {
  const { cmd } = cfg;
  const cc = cmd.options.compiler;
  const sides = crossSideFlags(cmd.options.target);
  const ldEnv = cfg.env['O2ATH_CROSS_LD'];
  const ld = (ldEnv && splitShellWords(ldEnv)) || [sides.mergeTool];
  return {
    name: 'cross',
    check(): Message | undefined {
      if (cmd.options.dryRun) return undefined;
      return findInPath(cc[0]!) ? undefined : msg.crossCompilerMissing(cc[0]!);
    },
    compile(job: CompileJob): string[] {
      const user = userCompileFlags(cmd.flags, job.side, true, job.language, job.slaveModDir);
      const sideFlags = (job.side === 'host' ? sides.host : sides.slave).filter((f) => !(f === '-msimd' && user.includes('-msimd')));
      const args = [...cc, ...sideFlags];
      if (job.translated) args.push(...translationFlags(job));
      args.push(...user, ...job.deps);
      if (job.xLang !== undefined) args.push('-x', job.xLang);
      args.push(job.stage, job.source, '-o', job.output);
      return args;
    },
    afterSlaveCompile: () => Promise.resolve(undefined),
    merge(host, slave, output) {
      return [...ld, '-r', '-z', 'muldefs', host, slave, '-o', output];
    },
    beforeLink: () => Promise.resolve(undefined),
    link(c, items: readonly LinkItem[], output) {
      const args = [...cc, sides.link, ...userLinkFlags(c.flags, true), ...linkItemArgs(items, true)];
      // The CPE math library: translated kernels call libm functions on the CPEs.
      const hasMathSlave = items.some((it) => it.kind === 'link-flag' && it.sunway);
      if (!hasMathSlave) args.push('-lm_slave');
      args.push('-o', output);
      return args;
    },
  };
}
