// `o2ath cc` / `o2ath fc`: a gcc-compatible compiler driver that translates OpenMP on the fly.
// Per source: translate (or, with -mhost/-mslave, take the file as it is), compile the host and slave
// sides, merge them into one object; then link, adding the emulated CPE runtime (emulate mode) or the
// Sunway hybrid link (cross mode). Exit codes: 0 ok, 1 user or compile error, 2 command-line misuse.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostic, Message } from '../core/diagnostic.js';
import { formatDiagnostics } from '../core/format-diagnostic.js';
import * as msg from '../core/messages/driver.js';
import { createSourceFile } from '../source/source-file.js';
import { parseCommandLine, resolveCpeFunctions, type Env, type InputItem, type ParsedCommandLine } from './args.js';
import { createCrossToolchain } from './cross.js';
import { defaultDepFile, depFlags, rewritePaths, stem } from './deps.js';
import { createEmulateToolchain } from './emulate.js';
import { containsOpenMP } from './openmp-scan.js';
import { DEPTH_VAR, createRunner, type Runner } from './exec.js';
import { commitFile, createWorkDir, writeFileAtomic, type WorkDir } from './outputs.js';
import { runtimeLayout } from './runtime-lib.js';
import { loadTranslator, type TranslateFn } from './translate-hook.js';
import type { CompileJob, CpeSide, LinkItem, Toolchain } from './toolchain.js';

export interface DriverDeps {
  readonly env?: Env;
  /** The translator; default: translateSource from src/translate.ts. */
  readonly translate?: TranslateFn;
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
}

function asDiagnostic(m: Message): Diagnostic {
  return { ...m, file: undefined, span: undefined, notes: [] };
}

/** Thrown inside one build to stop it with exit code 1 after the reason has been reported. */
class BuildFailed extends Error {}

interface Context {
  readonly cmd: ParsedCommandLine;
  readonly tc: Toolchain;
  readonly runner: Runner;
  readonly work: WorkDir;
  readonly cpeFunctions: readonly string[];
  readonly deps: DriverDeps;
  readonly out: (text: string) => void;
  readonly report: (diags: readonly Diagnostic[]) => void;
  /** Work subdirectory per source (a shared one unless two sources have the same base name). */
  readonly unitDirs: Map<InputItem, string>;
  translate: TranslateFn | undefined;
}

export async function runCompilerDriver(language: 'c' | 'fortran', argv: string[], deps: DriverDeps = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const out = deps.stdout ?? ((t: string) => void process.stdout.write(t));
  const err = deps.stderr ?? ((t: string) => void process.stderr.write(t));

  const parsed = parseCommandLine(language, argv, env);
  if (!parsed.ok) {
    err(formatDiagnostics([asDiagnostic(parsed.error)], 'text'));
    return 2;
  }
  const cmd = parsed.value;
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
  const ctx: Context = { cmd, tc, runner, work, cpeFunctions, deps, out, report, unitDirs: assignUnitDirs(cmd, work.path), translate: deps.translate };
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
    flush();
    return 0;
  } catch (e) {
    if (e instanceof BuildFailed) {
      flush();
      return 1;
    }
    throw e;
  } finally {
    work.dispose();
    if (work.kept && cmd.options.saveTemps === undefined) err(formatDiagnostics([asDiagnostic(msg.keptTemps(work.path))], 'text'));
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

function stop(ctx: Context, m: Message): never {
  ctx.report([asDiagnostic(m)]);
  throw new BuildFailed(m.text);
}

async function run(ctx: Context, argv: string[], stdout: 'inherit' | 'stderr' = 'inherit'): Promise<void> {
  const r = await ctx.runner.run(argv, { stdout });
  if (r.spawnError) stop(ctx, msg.toolNotFound(argv[0]!));
  // The tool has printed why; gcc's own exit status for a failed compile is 1.
  if (r.code !== 0) throw new BuildFailed(`${argv[0]} exited with ${r.code}`);
}

/** Move a finished file into place (in --dry-run the commands already name the destination). */
function commit(ctx: Context, from: string, dest: string): void {
  if (ctx.runner.dryRun || from === dest) return;
  try {
    commitFile(from, dest, ctx.work.kept);
  } catch (e) {
    stop(ctx, msg.cannotWrite(dest, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
}

interface SideFile {
  readonly path: string;
  readonly side: CpeSide;
  readonly translated: boolean;
  readonly needsCpp: boolean;
}

interface Prepared {
  readonly files: readonly SideFile[];
  readonly imports: readonly string[];
}

/** Translate one source (or take it as it is for -mhost/-mslave and non-C/Fortran sources). */
async function prepare(ctx: Context, item: Extract<InputItem, { kind: 'source' }>, dir: string): Promise<Prepared> {
  const { cmd } = ctx;
  if (item.language === 'plain' || cmd.side !== 'auto') {
    const side: CpeSide = cmd.side === 'slave' ? 'slave' : 'host';
    return { files: [{ path: item.path, side, translated: false, needsCpp: false }], imports: ctx.cpeFunctions };
  }
  let text: string;
  try {
    text = readFileSync(item.path, 'utf8');
  } catch (e) {
    stop(ctx, msg.cannotRead(item.path, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  if (ctx.cpeFunctions.length === 0 && !containsOpenMP(text, item.language)) {
    // Nothing to translate: most files of a legacy code, and hand-written Athread files (which select
    // their sides with __sw_slave__ themselves). Compile the file as it is, skipping the translator's
    // start-up; both sides only when the file has CPE code of its own.
    const files: SideFile[] = [{ path: item.path, side: 'host', translated: true, needsCpp: false }];
    if (text.includes('__sw_slave__')) files.push({ path: item.path, side: 'slave', translated: true, needsCpp: false });
    return { files, imports: [] };
  }
  const file = createSourceFile(item.path, text, item.xLang !== undefined ? { language: item.language } : undefined);
  ctx.translate ??= await loadTranslator();
  if (!ctx.translate) stop(ctx, msg.translatorUnavailable());
  const result = ctx.translate(file, {
    target: cmd.options.target,
    layout: cmd.options.layout,
    fallback: cmd.options.fallback,
    cpeFunctions: ctx.cpeFunctions,
  });
  ctx.report(result.diagnostics);
  if (!result.ok) throw new BuildFailed(`translation of ${item.path} failed`);

  const files: SideFile[] = [];
  for (const f of result.files) {
    const path = join(dir, basename(f.name));
    try {
      writeFileSync(path, f.text);
    } catch (e) {
      stop(ctx, msg.cannotWrite(path, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    const fortran = item.language === 'fortran';
    if (f.role === 'hybrid') {
      files.push({ path, side: 'host', translated: true, needsCpp: fortran });
      // Same rule as SWGOMP's driver: a slave compile only when there is CPE code to compile.
      const needsSlave = result.kernels > 0 || result.slaveImports.length > 0 || f.text.includes('__sw_slave__');
      if (needsSlave) files.push({ path, side: 'slave', translated: true, needsCpp: fortran });
    } else if (f.role === 'host' || f.text.trim() !== '') {
      files.push({ path, side: f.role, translated: true, needsCpp: false });
    }
  }
  if (!files.some((f) => f.side === 'host') && !files.some((f) => f.side === 'slave')) stop(ctx, msg.translationMissingFile(item.path, 'host'));
  const imports = [...new Set([...result.slaveImports, ...ctx.cpeFunctions])];
  return { files, imports };
}

/** Compile one source; returns the object to link (link mode) or undefined (outputs committed). */
async function buildSource(ctx: Context, item: Extract<InputItem, { kind: 'source' }>): Promise<string | undefined> {
  const { cmd, tc } = ctx;
  const dir = ctx.unitDirs.get(item)!;
  mkdirSync(dir, { recursive: true });
  const base = stem(item.path);
  const prepared = await prepare(ctx, item, dir);
  // The file whose compile also writes dependencies and whose -E output is printed: the host side if any.
  const primary = prepared.files.find((f) => f.side === 'host') ?? prepared.files[0]!;
  // Both sides of one Fortran file would write the same .mod files: the slave's go to the work directory.
  const bothSides = prepared.files.some((f) => f.side === 'host') && prepared.files.some((f) => f.side === 'slave');
  const slaveModDir = item.language === 'fortran' && bothSides ? join(dir, `${base}.slave-mod`) : undefined;
  const job = (f: SideFile, stage: CompileJob['stage'], output: string, deps: readonly string[]): CompileJob => {
    if (f.side === 'slave' && slaveModDir !== undefined) mkdirSync(slaveModDir, { recursive: true });
    return {
      source: f.path,
      original: item.path,
      language: item.language,
      // -x applies when the user's own file is compiled; a translation always has a proper extension.
      xLang: f.path === item.path ? item.xLang : undefined,
      translated: f.translated,
      needsCpp: f.needsCpp,
      side: f.side,
      stage,
      output,
      deps,
      slaveModDir,
    };
  };

  if (cmd.action === 'preprocess') {
    const tmpOut = join(dir, `${base}.i`);
    const tmpDeps = join(dir, `${base}.d`);
    const dflags = depFlags(cmd.deps, tmpDeps, `${base}.o`);
    await run(ctx, tc.compile(job(primary, '-E', tmpOut, dflags)));
    if (ctx.runner.dryRun) return undefined;
    const fix = (t: string): string => rewritePaths(t, primary.path, item.path);
    if (cmd.deps.only) {
      const text = fix(readFileSync(tmpDeps, 'utf8'));
      if (cmd.deps.file !== undefined) writeOut(ctx, cmd.deps.file, text);
      else if (cmd.output !== undefined) writeOut(ctx, cmd.output, text);
      else ctx.out(text);
      return undefined;
    }
    if (cmd.deps.sideEffect) writeOut(ctx, cmd.deps.file ?? `${base}.d`, fix(readFileSync(tmpDeps, 'utf8')));
    const text = fix(readFileSync(tmpOut, 'utf8'));
    if (cmd.output !== undefined) writeOut(ctx, cmd.output, text);
    else ctx.out(text);
    return undefined;
  }

  if (cmd.action === 'assemble') {
    const dest = cmd.output ?? `${base}.s`;
    const hasHost = prepared.files.some((f) => f.side === 'host');
    for (const f of prepared.files) {
      // The host assembly is the -S result; the CPE side of a hybrid file goes next to it as NAME.slave.s.
      const final = f.side === 'host' || !hasHost ? dest : dest.replace(/(\.s)?$/, '.slave.s');
      const tmp = ctx.runner.dryRun ? final : join(dir, `${base}.${f.side}.s`);
      await run(ctx, tc.compile(job(f, '-S', tmp, [])));
      commit(ctx, tmp, final);
    }
    return undefined;
  }

  // -c, or compile before the link.
  const finalObject = cmd.action === 'compile' ? cmd.output ?? `${base}.o` : undefined;
  const tmpDeps = join(dir, `${base}.d`);
  const wantDeps = cmd.deps.sideEffect !== undefined;
  const dflags = wantDeps ? depFlags(cmd.deps, ctx.runner.dryRun ? cmd.deps.file ?? defaultDepFile(item.path, finalObject) : tmpDeps, finalObject ?? `${base}.o`) : [];
  const single = prepared.files.length === 1;
  const objects: string[] = [];
  for (const f of prepared.files) {
    const output = single && finalObject !== undefined && ctx.runner.dryRun ? finalObject : join(dir, `${base}.${f.side}.o`);
    await run(ctx, tc.compile(job(f, '-c', output, f === primary ? dflags : [])));
    if (f.side === 'slave') {
      const problem = await tc.afterSlaveCompile(output, prepared.imports, join(dir, `${base}.slave`));
      if (problem) stop(ctx, problem);
    }
    objects.push(output);
  }
  let object = objects[0]!;
  if (objects.length === 2) {
    const merged = finalObject !== undefined && ctx.runner.dryRun ? finalObject : join(dir, `${base}.o`);
    await run(ctx, tc.merge(objects[0]!, objects[1]!, merged));
    object = merged;
  } else if (objects.length > 2) {
    // Split layout never yields more than one host and one slave file.
    stop(ctx, msg.translationMissingFile(item.path, 'single host/slave'));
  }
  if (wantDeps && !ctx.runner.dryRun) {
    const text = rewritePaths(readFileSync(tmpDeps, 'utf8'), primary.path, item.path);
    writeOut(ctx, cmd.deps.file ?? defaultDepFile(item.path, finalObject), text);
  }
  if (finalObject === undefined) return object;
  commit(ctx, object, finalObject);
  return undefined;
}

function writeOut(ctx: Context, dest: string, text: string): void {
  try {
    writeFileAtomic(dest, text);
  } catch (e) {
    stop(ctx, msg.cannotWrite(dest, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
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
