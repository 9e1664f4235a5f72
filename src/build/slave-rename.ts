// Emulate mode: what the Sunway slave compiler does to names, done after the fact on a gcc object.
// The real toolchain gives CPE functions their `slave_` names (the MPE spawns `slave_f`, SLAVE_FUN(f)).
// gcc knows nothing of that, so for the object compiled with -D__sw_slave__:
//   - every defined global function `f` becomes `slave_f` (unless it already starts with `slave_`),
//     so that the host and slave compiles of one hybrid file can be merged without clashes;
//   - every undefined reference to a CPE function defined in another file (TranslateResult.slaveImports,
//     --cpe-functions) becomes `slave_f` too, so it binds to that file's slave copy;
//   - every defined global data object is made weak: the host compile of the same file defines the same
//     variable, and the CPEs must use the host's storage (main memory is shared), so the host's strong
//     definition wins the merge and the slave's copy is dead. A variable only the slave side defines
//     keeps its (weak) definition.
// This file is the one implementation of that rule in the project (runtime-c's tests use the same rule).
import type { Message } from '../core/diagnostic.js';
import * as msg from '../core/messages/driver.js';
import type { Runner } from './exec.js';

export interface NmSymbol {
  readonly name: string;
  /** nm's type letter (T text, D/B/R data, U undefined, W/V weak, ...). */
  readonly type: string;
}

/** Parse `nm -P` (POSIX format: "name type [value size]"). */
export function parseNmPosix(text: string): NmSymbol[] {
  const out: NmSymbol[] = [];
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 2 || parts[0] === '') continue;
    out.push({ name: parts[0]!, type: parts[1]! });
  }
  return out;
}

export const SLAVE_PREFIX = 'slave_';

/** Defined global functions: text, weak (non-object) and ifunc symbols. */
const FUNCTION_TYPES = new Set(['T', 'W', 'i']);
/** Defined global data (initialised, bss, read-only, small data/bss). Common symbols ('C') merge anyway. */
const DATA_TYPES = new Set(['D', 'B', 'R', 'G', 'S']);
const UNDEFINED_TYPES = new Set(['U', 'w']);

export interface SlaveSymbolEdits {
  /** old name → new name */
  readonly rename: ReadonlyMap<string, string>;
  readonly weaken: readonly string[];
}

export function slaveSymbolEdits(symbols: readonly NmSymbol[], imports: readonly string[]): SlaveSymbolEdits {
  const importSet = new Set(imports);
  const rename = new Map<string, string>();
  const weaken: string[] = [];
  for (const s of symbols) {
    if (s.name.startsWith(SLAVE_PREFIX)) continue;
    if (FUNCTION_TYPES.has(s.type) || (UNDEFINED_TYPES.has(s.type) && importSet.has(s.name))) {
      rename.set(s.name, SLAVE_PREFIX + s.name);
    } else if (DATA_TYPES.has(s.type) && !weaken.includes(s.name)) {
      weaken.push(s.name);
    }
  }
  return { rename, weaken };
}

export interface BinTools {
  readonly nm: readonly string[];
  readonly objcopy: readonly string[];
}

/**
 * Rewrite `object` in place (it is always a temporary of ours). `editsFile` receives the objcopy symbol
 * lists (kept with --keep, for a person checking what was renamed).
 * In --dry-run nothing exists to inspect, so the commands are printed with the list file named.
 */
export async function renameSlaveObject(
  object: string,
  imports: readonly string[],
  runner: Runner,
  tools: BinTools,
  editsFile: { rename: string; weaken: string },
  write: (path: string, text: string) => void,
): Promise<Message | undefined> {
  const nm = await runner.run([...tools.nm, '-P', object], { stdout: 'capture' });
  if (runner.dryRun) {
    runner.note(`${editsFile.rename} / ${editsFile.weaken}: computed from the nm output (functions → slave_*, data weakened)`);
    await runner.run([...tools.objcopy, `--redefine-syms=${editsFile.rename}`, `--weaken-symbols=${editsFile.weaken}`, object]);
    return undefined;
  }
  if (nm.code !== 0) return msg.slaveRenameFailed(object, nm.spawnError ? msg.toolNotFound(tools.nm[0]!).text : `nm exited with ${nm.code}`);
  const edits = slaveSymbolEdits(parseNmPosix(nm.stdout), imports);
  if (edits.rename.size === 0 && edits.weaken.length === 0) return undefined;
  // objcopy fails (silently) on an empty list file, so each list is passed only when it has entries.
  const args = [...tools.objcopy];
  if (edits.rename.size > 0) {
    write(editsFile.rename, [...edits.rename].map(([a, b]) => `${a} ${b}\n`).join(''));
    args.push(`--redefine-syms=${editsFile.rename}`);
  }
  if (edits.weaken.length > 0) {
    write(editsFile.weaken, edits.weaken.map((n) => `${n}\n`).join(''));
    args.push(`--weaken-symbols=${editsFile.weaken}`);
  }
  const r = await runner.run([...args, object]);
  if (r.code !== 0) return msg.slaveRenameFailed(object, r.spawnError ? msg.toolNotFound(tools.objcopy[0]!).text : `objcopy exited with ${r.code}`);
  return undefined;
}
