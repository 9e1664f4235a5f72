// Outputs are written whole or not at all: every tool writes into the work directory, and the finished
// file is moved into place with a rename (through a temporary next to the destination when the work
// directory is on another file system). Inputs are only ever read.
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

let counter = 0;

function siblingTemp(dest: string): string {
  counter++;
  return join(dirname(dest), `.${basename(dest)}.o2ath-${process.pid}-${counter}.tmp`);
}

/**
 * Where an output really goes. A symbolic link is followed (gcc writes through it). Anything that is not
 * a regular file — `-o /dev/null` in a configure test, a FIFO — must be written into, never replaced:
 * renaming over /dev/null as root would turn it into a regular file for the whole machine.
 */
function destination(dest: string): { path: string; special: boolean } {
  let st;
  try {
    st = lstatSync(dest);
  } catch {
    return { path: dest, special: false };
  }
  if (st.isSymbolicLink()) {
    try {
      return destination(realpathSync(dest));
    } catch {
      return { path: dest, special: false }; // a dangling link: replaced, as a new file
    }
  }
  return { path: dest, special: !st.isFile() };
}

/**
 * Move a finished file from the work directory to its destination, atomically. `keepSource`: copy
 * instead (the work directory is kept for the user, --save-temps / --keep).
 */
export function commitFile(from: string, target: string, keepSource = false): void {
  const { path: dest, special } = destination(target);
  if (special) {
    // Plain open-truncate-write: no rename, and no copyFile (libuv would chmod the device).
    writeFileSync(dest, readFileSync(from));
    return;
  }
  if (!keepSource) {
    try {
      renameSync(from, dest);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    }
  }
  // libuv copies the mode too, so an executable stays executable.
  replaceViaTemp(dest, (tmp) => copyFileSync(from, tmp));
}

export function writeFileAtomic(target: string, text: string): void {
  const { path: dest, special } = destination(target);
  if (special) {
    writeFileSync(dest, text);
    return;
  }
  replaceViaTemp(dest, (tmp) => writeFileSync(tmp, text));
}

/** Write a sibling temporary file and rename it over `dest`; on failure remove the temporary. */
function replaceViaTemp(dest: string, write: (tmp: string) => void): void {
  const tmp = siblingTemp(dest);
  try {
    write(tmp);
    renameSync(tmp, dest);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was created.
    }
    throw e;
  }
}

export interface WorkDir {
  readonly path: string;
  /** True when the directory is the user's (--save-temps=DIR) or must survive (--keep, --dry-run). */
  readonly kept: boolean;
  dispose(): void;
}

export function createWorkDir(opts: { saveTemps: string | undefined; keep: boolean }): WorkDir {
  if (opts.saveTemps !== undefined) {
    const path = resolve(opts.saveTemps);
    mkdirSync(path, { recursive: true });
    return { path, kept: true, dispose() {} };
  }
  const path = mkdtempSync(join(tmpdir(), 'o2ath-'));
  return {
    path,
    kept: opts.keep,
    dispose() {
      if (!opts.keep) rmSync(path, { recursive: true, force: true });
    },
  };
}

/**
 * Remove the work directory if we are interrupted (make -j stopped with Ctrl-C kills every compile at
 * once, and /tmp would otherwise collect o2ath-* directories). Re-raises the signal afterwards so the
 * exit status still says what happened. Returns the function that unregisters the handlers.
 */
export function cleanupOnSignal(work: WorkDir): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handler = (signal: NodeJS.Signals): void => {
    unregister();
    work.dispose();
    process.kill(process.pid, signal);
  };
  const unregister = (): void => {
    for (const s of signals) process.off(s, handler);
  };
  for (const s of signals) process.on(s, handler);
  return unregister;
}
