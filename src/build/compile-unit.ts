// One source file → its object (or assembly, or preprocessed text): translate it, or take it as it is
// (-mhost/-mslave, files without OpenMP, non-C/Fortran sources); compile the host and slave sides;
// rename the slave symbols; merge; write dependencies with the user's names.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InternalError } from '../core/diagnostic.js';
import * as msg from '../core/messages/driver.js';
import { createSourceFile } from '../source/source-file.js';
import type { InputItem } from './args.js';
import { BuildFailed, commit, run, stop, writeOut, type Context } from './context.js';
import { defaultDepFile, depFlags, linkModeDeps, rewritePaths, stem } from './deps.js';
import { containsOpenMP } from './openmp-scan.js';
import { loadTranslator } from './translate-hook.js';
import type { CompileJob, CpeSide } from './toolchain.js';

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
  if (files.length === 0) stop(ctx, msg.translationMissingFile(item.path, 'host'));
  const imports = [...new Set([...result.slaveImports, ...ctx.cpeFunctions])];
  return { files, imports };
}

/** Compile one source; returns the object to link (link mode) or undefined (outputs committed). */
export async function buildSource(ctx: Context, item: Extract<InputItem, { kind: 'source' }>): Promise<string | undefined> {
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
      else if (cmd.output !== undefined && cmd.output !== '-') writeOut(ctx, cmd.output, text);
      else ctx.out(text);
      return undefined;
    }
    if (cmd.deps.sideEffect) writeOut(ctx, cmd.deps.file ?? `${base}.d`, fix(readFileSync(tmpDeps, 'utf8')));
    const text = fix(readFileSync(tmpOut, 'utf8'));
    // `-o -` is standard output, as for gcc -E.
    if (cmd.output !== undefined && cmd.output !== '-') writeOut(ctx, cmd.output, text);
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
  const sources = cmd.inputs.filter((i) => i.kind === 'source').length;
  const depNames = finalObject !== undefined ? { file: defaultDepFile(item.path, finalObject), target: finalObject } : linkModeDeps(item.path, cmd.output, sources);
  const depFile = cmd.deps.file ?? depNames.file;
  const dflags = wantDeps ? depFlags(cmd.deps, ctx.runner.dryRun ? depFile : tmpDeps, depNames.target) : [];
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
    // TranslateResult promises one hybrid file, or one host and one slave file.
    throw new InternalError(`the translation of ${item.path} has ${objects.length} parts to compile`);
  }
  if (wantDeps && !ctx.runner.dryRun) {
    const text = rewritePaths(readFileSync(tmpDeps, 'utf8'), primary.path, item.path);
    writeOut(ctx, depFile, text);
  }
  if (finalObject === undefined) return object;
  commit(ctx, object, finalObject);
  return undefined;
}
