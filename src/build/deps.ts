// Make dependency files (-MD/-MMD/-M/-MM) and -E output for translated sources. The compiler sees the
// translation in the work directory; the user's Makefile must see the original source, so the work path
// is replaced by the original path, and the default make target is the user's object, not our temporary.
import { basename, extname } from 'node:path';
import type { DepOptions } from './args.js';

export function stem(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return ext ? base.slice(0, -ext.length) : base;
}

/** gcc's rule for -MD without -MF: the object's name with .d, or the source's base name with .d. */
export function defaultDepFile(source: string, objectOutput: string | undefined): string {
  if (objectOutput !== undefined) return stripExt(objectOutput) + '.d';
  return stem(source) + '.d';
}

function stripExt(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

/**
 * -MD in a compile-and-link command, as GCC 12 names things: one source and -o OUT → OUT.d with target
 * OUT; otherwise OUT-STEM.d (a-STEM.d without -o) with target STEM.o.
 */
export function linkModeDeps(source: string, output: string | undefined, sources: number): { file: string; target: string } {
  if (sources === 1) return output !== undefined ? { file: stripExt(output) + '.d', target: output } : { file: stem(source) + '.d', target: stem(source) + '.o' };
  return { file: `${output !== undefined ? stripExt(output) : 'a'}-${stem(source)}.d`, target: stem(source) + '.o' };
}

/** The dependency options for the host compile of one source; the file is written to `tmpFile`. */
export function depFlags(deps: DepOptions, tmpFile: string, defaultTarget: string): string[] {
  const out: string[] = [];
  if (deps.only) out.push(deps.only);
  if (deps.sideEffect) out.push(deps.sideEffect);
  if (!deps.only && !deps.sideEffect) return [];
  out.push('-MF', tmpFile);
  if (deps.targets.length === 0) out.push('-MT', defaultTarget);
  for (const t of deps.targets) out.push(...t);
  out.push(...deps.extra);
  return out;
}

/** Replace every occurrence of the work-directory path of the translation by the original path. */
export function rewritePaths(text: string, translated: string, original: string): string {
  if (translated === original) return text;
  return text.split(translated).join(original);
}
