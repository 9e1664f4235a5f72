// gcc's `@file` arguments: the file's contents, split into words, replace the argument (CMake and
// Ninja use them for long link lines). As in gcc, an @file that cannot be read stays as it is, and
// response files may name further response files.
import { readFileSync } from 'node:fs';
import { splitShellWords } from './shell-words.js';

export function expandResponseFiles(argv: readonly string[], read: (path: string) => string = (p) => readFileSync(p, 'utf8'), depth = 0): string[] {
  const out: string[] = [];
  for (const [i, arg] of argv.entries()) {
    // `--cpe-functions @file` is o2ath's own list file, not a response file.
    if (!arg.startsWith('@') || arg.length === 1 || depth > 16 || argv[i - 1] === '--cpe-functions') {
      out.push(arg);
      continue;
    }
    let text: string;
    try {
      text = read(arg.slice(1));
    } catch {
      out.push(arg);
      continue;
    }
    const words = splitShellWords(text);
    if (words === undefined) out.push(arg);
    else out.push(...expandResponseFiles(words, read, depth + 1));
  }
  return out;
}
