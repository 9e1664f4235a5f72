// Compiler commands arrive as one string (`--cc "mpicc -cc=gcc"`, `O2ATH_HOST_CC='ccache gcc'`), the way
// make passes $(CC). Split them like a POSIX shell word list (quotes and backslashes, no expansion), and
// quote commands back for --dry-run / --verbose so that the printed line can be pasted into a shell.

/** Split a command string into words. Returns undefined for an unterminated quote. */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (ch === '\\') {
      // A backslash quotes the next character; a trailing one is kept literally.
      word += i + 1 < text.length ? text[i + 1]! : '\\';
      i += 2;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += text.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        // Inside double quotes a backslash escapes only these characters (POSIX).
        if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1]!)) {
          word += text[i + 1]!;
          i += 2;
        } else {
          word += c;
          i++;
        }
      }
      if (!closed) return undefined;
    } else {
      word += ch;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function quoteShellWord(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function formatCommand(argv: readonly string[]): string {
  return argv.map(quoteShellWord).join(' ');
}
