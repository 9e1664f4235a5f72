// Outputs are written whole or not at all: each file goes to a temporary name in the same directory
// and is renamed into place; an input file is never overwritten unless the user asked for it.
import { mkdirSync, renameSync, writeFileSync, realpathSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function writeFilesAtomically(dir: string, files: readonly { name: string; text: string }[], inputs: readonly string[]): string[] {
  mkdirSync(dir, { recursive: true });
  const real = new Set(inputs.filter(existsSync).map((p) => realpathSync(p)));
  const targets = files.map((f) => resolve(dir, f.name));
  for (const t of targets) if (existsSync(t) && real.has(realpathSync(t))) throw new Error(`refusing to overwrite the input file '${t}'; choose another output directory with -o`);
  const temps: string[] = [];
  try {
    files.forEach((f, i) => {
      const tmp = join(dirname(targets[i]!), `.${f.name}.o2ath-tmp-${process.pid}`);
      writeFileSync(tmp, f.text);
      temps.push(tmp);
    });
    temps.forEach((tmp, i) => renameSync(tmp, targets[i]!));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  return targets;
}
