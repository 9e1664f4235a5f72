// Where the emulated CPE runtime lives, and making sure its archive is built and current before a link.
// A user's `make -j` runs many `o2ath cc` at once; only one of them may run `make -C runtime-c`, so the
// build happens under a lock file, and whoever gets the lock second finds the archive already current.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message } from '../core/diagnostic.js';
import * as msg from '../core/messages/driver.js';
import type { Target } from '../translate.js';
import type { Runner } from './exec.js';

/** The repository root: this file is src/build/runtime-lib.ts or dist/build/runtime-lib.js. */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export interface RuntimeLayout {
  readonly dir: string;
  readonly includeDir: string;
  readonly libDir: string;
  /** -l name without the `lib` prefix: o2athrt (Pro) or o2athrt_sw26010 (classic). */
  readonly libName: string;
  readonly archive: string;
}

/** O2ATH_RUNTIME_DIR points at another runtime tree (tests, installed copies); default <repo>/runtime-c. */
export function runtimeLayout(target: Target, env: Readonly<Record<string, string | undefined>> = process.env): RuntimeLayout {
  const dir = resolve(env['O2ATH_RUNTIME_DIR'] || join(repoRoot(), 'runtime-c'));
  const libName = target === 'sw26010' ? 'o2athrt_sw26010' : 'o2athrt';
  const libDir = join(dir, 'build');
  return { dir, includeDir: join(dir, 'include'), libDir, libName, archive: join(libDir, `lib${libName}.a`) };
}

const SOURCE_FILE = /(\.(c|h|S|s|inc|mk)|^Makefile|^GNUmakefile)$/;
const SKIP_DIRS = new Set(['build', 'test', 'tests', 'node_modules']);

/** Newest modification time of the files the archive is built from. */
export function newestSourceTime(dir: string): number {
  let newest = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(p);
      } else if (SOURCE_FILE.test(e.name)) {
        newest = Math.max(newest, statSync(p).mtimeMs);
      }
    }
  };
  walk(dir);
  return newest;
}

export function archiveIsCurrent(rt: RuntimeLayout): boolean {
  if (!existsSync(rt.archive)) return false;
  return statSync(rt.archive).mtimeMs >= newestSourceTime(rt.dir);
}

/**
 * The environment for the runtime's own make: without the user's make state (MAKEFLAGS would carry
 * `CC=o2ath cc` from `make CC="o2ath cc"` into the sub-make and recurse into us) and without the user's
 * compiler variables, so the runtime is built the same way whatever build it is linked into.
 */
export function runtimeMakeEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const k of ['MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES', 'GNUMAKEFLAGS', 'CC', 'FC', 'F77', 'F90', 'CFLAGS', 'CPPFLAGS', 'FFLAGS', 'LDFLAGS', 'LDLIBS']) {
    delete out[k];
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take `path` exclusively (O_EXCL). A lock whose owner process is gone, or older than staleMs, is broken. */
export async function withLock<T>(path: string, timeoutMs: number, body: () => Promise<T>, staleMs = 15 * 60_000): Promise<T | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let stale = false;
      try {
        const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
        stale = (Number.isFinite(pid) && pid > 0 && !pidAlive(pid)) || Date.now() - statSync(path).mtimeMs > staleMs;
      } catch {
        // The owner removed it between our open and read: just retry.
      }
      if (stale) {
        try {
          unlinkSync(path);
        } catch {
          // Someone else broke it first.
        }
        continue;
      }
      if (Date.now() > deadline) return 'timeout';
      await sleep(100);
    }
  }
  try {
    return await body();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/** Make sure the runtime archive exists and is newer than its sources; build it with make if not. */
export async function ensureRuntime(rt: RuntimeLayout, runner: Runner, lockTimeoutMs = 10 * 60_000): Promise<Message | undefined> {
  if (!existsSync(rt.dir)) return msg.runtimeMissing(`'${rt.dir}' does not exist`);
  if (archiveIsCurrent(rt)) return undefined;
  const make = ['make', '-C', rt.dir];
  if (runner.dryRun) {
    await runner.run(make);
    return undefined;
  }
  mkdirSync(rt.libDir, { recursive: true });
  const lock = join(rt.libDir, '.o2ath-make.lock');
  const result = await withLock(lock, lockTimeoutMs, async (): Promise<Message | undefined> => {
    if (archiveIsCurrent(rt)) return undefined;
    const r = await runner.run(make, { stdout: 'stderr', env: runtimeMakeEnv() });
    if (r.spawnError) return msg.toolNotFound('make');
    if (r.code !== 0) return msg.runtimeBuildFailed(rt.dir);
    return undefined;
  });
  if (result === 'timeout') return msg.runtimeLockTimeout(lock);
  if (result) return result;
  if (!existsSync(rt.archive)) return msg.runtimeMissing(`'make -C ${rt.dir}' did not produce '${rt.archive}'`);
  return undefined;
}
