// What one build shares while it runs (the parsed command line, the tool chain, the work directory),
// and the small helpers every step uses to run a tool, stop with a diagnostic, and put a result in place.
import type { Diagnostic, Message } from '../core/diagnostic.js';
import * as msg from '../core/messages/driver.js';
import type { InputItem, ParsedCommandLine } from './args.js';
import type { Runner } from './exec.js';
import { commitFile, writeFileAtomic, type WorkDir } from './outputs.js';
import type { TranslateFn } from './translate-hook.js';
import type { Toolchain } from './toolchain.js';

export function asDiagnostic(m: Message): Diagnostic {
  return { ...m, file: undefined, span: undefined, notes: [] };
}

/** Thrown inside one build to stop it with exit code 1 after the reason has been reported. */
export class BuildFailed extends Error {}

export interface Context {
  readonly cmd: ParsedCommandLine;
  readonly tc: Toolchain;
  readonly runner: Runner;
  readonly work: WorkDir;
  readonly cpeFunctions: readonly string[];
  readonly out: (text: string) => void;
  readonly report: (diags: readonly Diagnostic[]) => void;
  /** Work subdirectory per source (a shared one unless two sources have the same base name). */
  readonly unitDirs: Map<InputItem, string>;
  translate: TranslateFn | undefined;
}

export function stop(ctx: Context, m: Message): never {
  ctx.report([asDiagnostic(m)]);
  throw new BuildFailed(m.text);
}

export async function run(ctx: Context, argv: string[], stdout: 'inherit' | 'stderr' = 'inherit'): Promise<void> {
  const r = await ctx.runner.run(argv, { stdout });
  if (r.spawnError) stop(ctx, msg.toolNotFound(argv[0]!));
  // The tool has printed why; gcc's own exit status for a failed compile is 1.
  if (r.code !== 0) throw new BuildFailed(`${argv[0]} exited with ${r.code}`);
}

/** Move a finished file into place (in --dry-run the commands already name the destination). */
export function commit(ctx: Context, from: string, dest: string): void {
  if (ctx.runner.dryRun || from === dest) return;
  try {
    commitFile(from, dest, ctx.work.kept);
  } catch (e) {
    stop(ctx, msg.cannotWrite(dest, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}

export function writeOut(ctx: Context, dest: string, text: string): void {
  try {
    writeFileAtomic(dest, text);
  } catch (e) {
    stop(ctx, msg.cannotWrite(dest, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}
