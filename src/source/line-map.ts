// Offset <-> line:column. Columns are 1-based and count UTF-16 code units of the line, which equals
// bytes for ASCII text (gcc counts bytes; the difference only shows after non-ASCII characters on the
// same line, and a fixture pins the behaviour).

export interface LineMap {
  /** Offset of the first character of each line (line i is 1-based: starts[i-1]). */
  readonly starts: readonly number[];
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function createLineMap(text: string): LineMap {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return { starts };
}

export function positionOf(map: LineMap, offset: number): Position {
  const s = map.starts;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - s[lo]! + 1 };
}

/** Text of a 1-based line without its line terminator. */
export function lineText(text: string, map: LineMap, line: number): string {
  const start = map.starts[line - 1] ?? text.length;
  const next = map.starts[line] ?? text.length + 1;
  return text.slice(start, next - 1).replace(/\r$/, '');
}
