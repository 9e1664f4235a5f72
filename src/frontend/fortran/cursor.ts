// A small reader over one statement's text for the classifier: case-insensitive keywords (with the
// optional blanks Fortran allows: `end do`/`enddo`, `go to`/`goto`), names, balanced parentheses
// that skip strings, and top-level splitting. Offsets are statement-text offsets.

export interface Range {
  readonly start: number;
  readonly end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_$]/;

export class Cursor {
  pos: number;
  /**
   * `squeezed`: the text had its blanks removed (fixed form, where blanks are insignificant:
   * `CALLFOO(X)`, `DO10I=1,N`), so keywords may run straight into the next name.
   */
  constructor(readonly text: string, pos = 0, readonly end = text.length, readonly squeezed = false) {
    this.pos = pos;
  }

  ws(): this {
    while (this.pos < this.end && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
    return this;
  }

  atEnd(): boolean {
    this.ws();
    return this.pos >= this.end;
  }

  peek(s: string): boolean {
    this.ws();
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  /**
   * Match keyword words, blanks between them optional. The last word must not run on into a name
   * character unless `joined` allows it (fixed-form `do10i`, `goto10`).
   */
  kw(words: string, joined = false): boolean {
    // Hot path (the classifier tries dozens of keywords per statement): no allocation, char compares.
    const text = this.text;
    let p = this.pos;
    while (p < this.end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    for (let i = 0; i < words.length; i++) {
      const w = words.charCodeAt(i);
      if (w === 32) {
        while (p < this.end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
        continue;
      }
      if (p >= this.end) return false;
      let c = text.charCodeAt(p);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w) return false;
      p++;
    }
    const next = p < this.end ? text[p] : undefined;
    if (!this.squeezed && next !== undefined && NAME_CHAR.test(next) && !(joined && next >= '0' && next <= '9')) return false;
    this.pos = p;
    return true;
  }

  /** A Fortran name, lower-cased, with its range. */
  name(): { name: string; start: number; end: number } | undefined {
    this.ws();
    const start = this.pos;
    if (start >= this.end || !NAME_START.test(this.text[start]!)) return undefined;
    let p = start + 1;
    while (p < this.end && NAME_CHAR.test(this.text[p]!)) p++;
    this.pos = p;
    return { name: this.text.slice(start, p).toLowerCase(), start, end: p };
  }

  /** Digits (a label), without leading zeros. */
  label(): string | undefined {
    this.ws();
    const m = /^\d+/.exec(this.text.slice(this.pos, this.end));
    if (!m) return undefined;
    this.pos += m[0].length;
    return String(Number(m[0]));
  }

  /** A parenthesised group at the cursor; returns the range inside the parentheses. */
  parens(): Range | undefined {
    this.ws();
    if (this.text[this.pos] !== '(') return undefined;
    const close = matchParen(this.text, this.pos, this.end);
    if (close < 0) return undefined;
    const r = { start: this.pos + 1, end: close };
    this.pos = close + 1;
    return r;
  }

  /** A balanced parenthesised group starts at the cursor. */
  hasParens(): boolean {
    this.ws();
    return this.text[this.pos] === '(' && matchParen(this.text, this.pos, this.end) >= 0;
  }

  rest(): Range {
    this.ws();
    return { start: this.pos, end: this.end };
  }

  slice(r: Range): string {
    return this.text.slice(r.start, r.end);
  }
}

/** Index of the `)` matching the `(` at `open`, skipping strings; -1 if unbalanced. */
export function matchParen(text: string, open: number, end = text.length): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i, end) - 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Offset just after the string starting at `i` (doubled quotes stay inside). */
export function skipString(text: string, i: number, end = text.length): number {
  const q = text[i];
  for (let j = i + 1; j < end; j++) {
    if (text[j] === q) {
      if (text[j + 1] === q) j++;
      else return j + 1;
    }
  }
  return end;
}

/** Split [start, end) at top-level occurrences of `sep` (outside parentheses, brackets and strings). */
export function splitTop(text: string, start: number, end: number, sep = ','): Range[] {
  const out: Range[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i, end) - 1;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && text.startsWith(sep, i)) {
      out.push({ start: from, end: i });
      from = i + sep.length;
      i += sep.length - 1;
    }
  }
  out.push({ start: from, end });
  return out;
}

/** First top-level index of `needle` in [start, end), or -1. */
export function findTop(text: string, start: number, end: number, needle: string): number {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i, end) - 1;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** Trim blanks from a range. */
export function trimRange(text: string, r: Range): Range {
  let a = r.start;
  let b = r.end;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}
