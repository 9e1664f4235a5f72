// PATH lookup, to report a missing compiler before anything runs instead of as a spawn error mid-build.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findInPath(command: string, pathVar: string | undefined = process.env['PATH']): string | undefined {
  if (command.includes('/')) return executable(command) ? command : undefined;
  for (const dir of (pathVar ?? '').split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, command);
    if (executable(p)) return p;
  }
  return undefined;
}
