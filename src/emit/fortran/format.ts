// Generated Fortran statements laid out in the file's source form: fixed form from column 7 with
// column-6 continuations inside 72 columns, free form indented with `&` continuations inside 132.
// Lines starting with '#' (cpp) or '!' (comments) are kept as they are.
export type Form = 'free' | 'fixed';

export const FIXED_WIDTH = 72;
export const FREE_WIDTH = 132;

/** Break `s` at a ', ' or ' ' no later than `max` characters, else hard at `max`. */
function breakAt(s: string, max: number): number {
  if (s.length <= max) return s.length;
  const comma = s.lastIndexOf(', ', max - 1);
  if (comma > max / 3) return comma + 1;
  const space = s.lastIndexOf(' ', max - 1);
  if (space > max / 3) return space + 1;
  return max;
}

export function formatStatement(stmt: string, form: Form, indent: string): string {
  const lead = /^ */.exec(stmt)![0];
  const body = stmt.slice(lead.length);
  if (body.startsWith('#') || body.startsWith('!') || body === '') return body;
  if (form === 'fixed') {
    const first = `      ${indent}${lead}`;
    const out: string[] = [];
    let rest = body;
    let prefix = first;
    while (prefix.length + rest.length > FIXED_WIDTH) {
      const cut = breakAt(rest, FIXED_WIDTH - prefix.length);
      out.push(prefix + rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut);
      prefix = '     &    ';
    }
    out.push(prefix + rest);
    return out.join('\n');
  }
  const first = `${indent}${lead}`;
  const out: string[] = [];
  let rest = body;
  let prefix = first;
  while (prefix.length + rest.length > FREE_WIDTH) {
    const cut = breakAt(rest, FREE_WIDTH - prefix.length - 2);
    out.push(`${prefix}${rest.slice(0, cut).trimEnd()} &`);
    rest = rest.slice(cut).trimStart();
    prefix = `${indent}${lead}    & `;
  }
  out.push(prefix + rest);
  return out.join('\n');
}

/** Statements one per line (leading spaces = nesting), each formatted; ends with a newline. */
export function formatStatements(stmts: readonly string[], form: Form, indent = ''): string {
  return stmts.map((s) => formatStatement(s, form, indent) + '\n').join('');
}

/** Fixed form: a user line that an edit made longer than 72 columns, split with column-6 continuations. */
export function rewrapFixedLine(line: string): string {
  if (line.length <= FIXED_WIDTH || /^[cC*!#]/.test(line) || line.trim() === '') return line;
  const code = stripComment(line);
  if (code.length <= FIXED_WIDTH) return code;
  const out = [code.slice(0, FIXED_WIDTH)];
  for (let i = FIXED_WIDTH; i < code.length; i += FIXED_WIDTH - 6) out.push(`     &${code.slice(i, i + FIXED_WIDTH - 6)}`);
  return out.join('\n');
}

/** A line without its trailing `!` comment (outside character constants). */
function stripComment(line: string): string {
  let q: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = undefined;
    } else if (c === "'" || c === '"') q = c;
    else if (c === '!' && i > 5) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** Free form: a user line that an edit made longer than 132 columns, continued with `&` at a blank or comma outside strings. */
export function rewrapFreeLine(line: string): string {
  if (line.length <= FREE_WIDTH || /^\s*[!#]/.test(line)) return line;
  let q: string | undefined;
  let cut = -1;
  for (let i = 0; i < Math.min(line.length, FREE_WIDTH - 2); i++) {
    const c = line[i]!;
    if (q) {
      if (c === q) q = undefined;
    } else if (c === "'" || c === '"') q = c;
    else if (c === '!') return line; // a trailing comment: leave the line as the user wrote it
    else if ((c === ',' || c === ' ') && i > 20) cut = i + 1;
  }
  if (cut < 0) return line;
  const indent = /^\s*/.exec(line)![0];
  return `${line.slice(0, cut).trimEnd()} &\n${indent}  & ${rewrapFreeLine(indent + line.slice(cut).trimStart()).slice(indent.length)}`;
}
