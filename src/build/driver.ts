// `o2ath cc` / `o2ath fc`: a gcc-compatible compiler driver that translates OpenMP on the fly.
// Per source: translate (or, with -mhost/-mslave, take the file as it is), compile the host and slave
// sides, merge them into one object; then link, adding the emulated CPE runtime (emulate mode) or the
// Sunway hybrid link (cross mode). Exit codes: 0 ok, 1 user or compile error, 2 command-line misuse.
import { existsSync, readFileSync, readdirSync, rmdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic, Message } from '../core/diagnostic.js';
import { formatDiagnostics } from '../core/format-diagnostic.js';
import * as msg from '../core/messages/driver.js';
import { parseCommandLine, resolveCpeFunctions, type Env, type InputItem, type ParsedCommandLine } from './args.js';
import { buildSource } from './compile-unit.js';
import { driverHelp } from './help.js';
import { asDiagnostic, BuildFailed, commit, run, stop, type Context } from './context.js';
import { createCrossToolchain } from './cross.js';
import { stem } from './deps.js';
import { createEmulateToolchain, isLtoFlag } from './emulate.js';
import { DEPTH_VAR, createRunner } from './exec.js';
import { cleanupOnSignal, createWorkDir } from './outputs.js';
import { expandResponseFiles } from './response-files.js';
import { runtimeLayout } from './runtime-lib.js';
import type { TranslateFn } from './translate-hook.js';
import type { LinkItem } from './toolchain.js';

export interface DriverDeps {
  readonly env?: Env;
  /** The translator; default: translateSource from src/translate.ts. */
  readonly translate?: TranslateFn;
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

export async function runCompilerDriver(language: 'c' | 'fortran', argv: string[], deps: DriverDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = deps.stderr ?? ((t: string) => void process.stderr.write(t));

  if (argv.includes('--help')) {
    out(driverHelp(language));
    return 0;
  }
  const parsed = parseCommandLine(language, expandResponseFiles(argv), env);
  if (!parsed.ok) {
    err(formatDiagnostics([asDiagnostic(parsed.error)], 'text'));
    return 2;
  }
  let cmd = parsed.value;
  const format = cmd.options.diagnosticsFormat;
  // Text goes out as it happens (interleaved with the compiler's own messages); json/sarif as one document.
  const collected: Diagnostic[] = [];
  const report = (diags: readonly Diagnostic[]): void => {
    if (diags.length === 0) return;
    if (format === 'text') err(formatDiagnostics(diags, 'text'));
    else collected.push(...diags);
  };
  const flush = (): void => {
    if (collected.length > 0) err(formatDiagnostics(collected, format));
  };
  const fail = (m: Message, code: number): number => {
    report([asDiagnostic(m)]);
    flush();
    return code;
  };

  if (cmd.options.mode === 'emulate') {
    const lto = cmd.flags.filter((f) => f.args.some(isLtoFlag));
    if (lto.length > 0) {
      report([asDiagnostic(msg.ignoredInEmulation(lto[0]!.args.join(' ')))]);
      cmd = { ...cmd, flags: cmd.flags.filter((f) => !lto.includes(f)) };
    }
  }

  // `--cc "o2ath cc"` or O2ATH_HOST_CC=o2ath... would start us again and again: stop at the second level.
  const depth = Number.parseInt(env[DEPTH_VAR] ?? '0', 10) || 0;
  if (depth >= 2) return fail(msg.recursion(cmd.options.compiler.join(' ')), 1);
  const runner = createRunner({ dryRun: cmd.options.dryRun, verbose: cmd.options.verbose, depth, out: (l) => out(l + '\n'), err: (l) => err(l + '\n') });
  const tc = cmd.options.mode === 'emulate' ? createEmulateToolchain({ cmd, runtime: runtimeLayout(cmd.options.target, env), runner, env }) : createCrossToolchain({ cmd, env });

  const hasInputs = cmd.inputs.some((i) => i.kind === 'source' || i.kind === 'linker-input');
  if (!hasInputs) {
    // `o2ath cc --version`, `-dumpversion`, `-print-file-name=...`: configure scripts ask the compiler.
    if (cmd.forward.length === 0) return fail(msg.noInput(), 2);
    const r = await runner.run([...cmd.options.compiler, ...cmd.forward]);
    if (r.spawnError) return fail(msg.toolNotFound(cmd.options.compiler[0]!), 1);
    return r.code;
  }

  // Inputs are never written: `-o x.c` for the input x.c (a Makefile typo) would replace the source.
  if (cmd.output !== undefined) {
    const out = resolve(cmd.output);
    const clash = cmd.inputs.find((i): i is Extract<InputItem, { path: string }> => i.kind !== 'link-flag' && resolve(i.path) === out);
    if (clash) return fail(msg.outputIsInput(clash.path), 2);
  }

  const problem = tc.check();
  if (problem) return fail(problem, 1);

  let cpeFunctions: string[];
  try {
    cpeFunctions = resolveCpeFunctions(cmd.options.cpeFunctions, (p) => readFileSync(p, 'utf8'));
  } catch (e) {
    const path = cmd.options.cpeFunctions.find((v) => v.startsWith('@'))?.slice(1) ?? '';
    return fail(msg.cannotRead(path, (e as NodeJS.ErrnoException).code ?? String(e)), 1);
  }

  if (tc.name === 'emulate' && !cmd.options.dryRun && cmd.inputs.some((i) => i.kind === 'source')) {
    const rt = runtimeLayout(cmd.options.target, env);
    if (!existsSync(rt.includeDir)) return fail(msg.runtimeMissing(`'${rt.includeDir}' does not exist`), 1);
  }

  const work = createWorkDir({ saveTemps: cmd.options.saveTemps, keep: cmd.options.keep || cmd.options.dryRun });
  const unregister = cleanupOnSignal(work);
  const ctx: Context = { cmd, tc, runner, work, cpeFunctions, out, report, unitDirs: assignUnitDirs(cmd, work.path), translate: deps.translate };
  try {
    const linkItems: LinkItem[] = [];
    for (const item of cmd.inputs) {
      if (item.kind !== 'source') {
        linkItems.push(item);
        continue;
      }
      const object = await buildSource(ctx, item);
      if (object !== undefined) linkItems.push({ kind: 'object', path: object });
    }
    if (cmd.action === 'link') await link(ctx, linkItems);
    return 0;
  } catch (e) {
    if (e instanceof BuildFailed) return 1;
    throw e;
  } finally {
    unregister();
    work.dispose();
    if (work.kept && cmd.options.saveTemps === undefined) {
      // A dry run that translated nothing has nothing to show.
      if (cmd.options.dryRun && !cmd.options.keep && readdirSync(work.path).length === 0) rmdirSync(work.path);
      else report([asDiagnostic(msg.keptTemps(work.path))]);
    }
    flush();
  }
}

function assignUnitDirs(cmd: ParsedCommandLine, workPath: string): Map<InputItem, string> {
  const sources = cmd.inputs.filter((i) => i.kind === 'source');
  const stems = sources.map((s) => stem(s.path));
  const unique = new Set(stems).size === stems.length;
  const map = new Map<InputItem, string>();
  sources.forEach((s, k) => {
    let dir = unique ? workPath : join(workPath, String(k + 1));
    // --save-temps=DIR where DIR holds the input: the translation (same name) must not overwrite it.
    if (resolve(dirname(s.path)) === resolve(dir)) dir = join(dir, 'o2ath-temps');
    map.set(s, dir);
  });
  return map;
}

async function link(ctx: Context, items: readonly LinkItem[]): Promise<void> {
  const { cmd, tc } = ctx;
  const problem = await tc.beforeLink(cmd);
  if (problem) stop(ctx, problem);
  const dest = cmd.output ?? 'a.out';
  const tmp = ctx.runner.dryRun ? dest : join(ctx.work.path, `${basename(dest)}.link-output`);
  await run(ctx, tc.link(cmd, items, tmp));
  commit(ctx, tmp, dest);
}
