// Builds kernel programs on the emulator: CPE sources compiled with -D__sw_slave__ and their defined
// global functions renamed f -> slave_f (what the Sunway slave compiler does), host sources with
// -D__sw_host__, linked with runtime-c (built by the driver's ensureRuntime when missing or stale).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { ensureRuntime, runtimeLayout } from '../build/runtime-lib.js';
import { createRunner } from '../build/exec.js';
import type { Target } from './types.js';

const run = promisify(execFile);

export interface Runtime {
  readonly includeDir: string;
  readonly libs: readonly string[];
  readonly kind: 'runtime-c';
  /** Extra -D flags for both sides (the classic SW26010 emulation is selected by a macro). */
  readonly defines: readonly string[];
}

const CFLAGS = ['-O2', '-std=gnu11', '-ffp-contract=off', '-Wall', '-Wno-unused-function', '-Wno-unused-variable'];

/** Finds the emulated runtime for a target and builds it when missing or stale (under the driver's lock,
 *  so parallel test workers and `o2ath cc` runs never race on `make -C runtime-c`). */
export async function resolveRuntime(target: Target = 'sw26010pro'): Promise<Runtime> {
  const layout = runtimeLayout(target);
  const problem = await ensureRuntime(layout, createRunner({ dryRun: false, verbose: false }));
  if (problem) throw new Error(`runtime-c: ${problem.text}`);
  return { includeDir: layout.includeDir, libs: [layout.archive], kind: 'runtime-c', defines: target === 'sw26010' ? ['-DO2ATH_EMU_SW26010'] : [] };
}

/** Names of the global functions an object defines (nm type T). */
async function definedFunctions(obj: string): Promise<string[]> {
  const { stdout } = await run('nm', ['--defined-only', obj]);
  return stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length === 3 && f[1] === 'T' && !f[2]!.startsWith('slave_'))
    .map((f) => f[2]!);
}

async function compileSlave(src: string, obj: string, inc: readonly string[], defines: readonly string[]): Promise<void> {
  await run('gcc', [...CFLAGS, '-D__sw_slave__', ...defines, ...inc.flatMap((i) => ['-I', i]), '-c', src, '-o', obj]);
  const fns = await definedFunctions(obj);
  if (fns.length > 0) await run('objcopy', [...fns.flatMap((f) => ['--redefine-sym', `${f}=slave_${f}`]), obj]);
}

export interface BuildInput {
  readonly dir: string;
  readonly hostSources: readonly string[];
  readonly slaveSources: readonly string[];
  readonly output: string;
}

export async function buildProgram(input: BuildInput, rt: Runtime): Promise<void> {
  const inc = [input.dir, rt.includeDir];
  const objs: string[] = [];
  await Promise.all(
    input.slaveSources.map(async (s) => {
      const o = path.join(input.dir, `${path.basename(s, '.c')}.slave.o`);
      objs.push(o);
      await compileSlave(path.join(input.dir, s), o, inc, rt.defines);
    }),
  );
  const hostSrc = input.hostSources.map((s) => path.join(input.dir, s));
  await run('gcc', [...CFLAGS, '-D__sw_host__', ...rt.defines, ...inc.flatMap((i) => ['-I', i]), ...hostSrc, ...objs, ...rt.libs, '-pthread', '-lm', '-o', input.output], {
    maxBuffer: 1 << 24,
  });
}
