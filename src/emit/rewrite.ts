// Region bodies are never re-printed from a tree: they are the user's text with edits applied, so
// comments and formatting survive. Edits nest: a structural edit (a lowered loop) renders the text of
// its own body, with the edits inside it, through `sub`.

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly render: (sub: (start: number, end: number) => string) => string;
}

export function applyEdits(text: string, start: number, end: number, edits: readonly TextEdit[], skip?: TextEdit): string {
  const inside = edits.filter((e) => e !== skip && e.start >= start && e.end <= end).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = start;
  for (const e of inside) {
    if (e.start < at) continue; // nested in an edit already rendered
    out += text.slice(at, e.start);
    out += e.render((s, t) => applyEdits(text, s, t, edits, e));
    at = e.end;
  }
  return out + text.slice(at, end);
}

/** Whole-file edits: replacement text for ranges (insertions have start === end). */
export function applyFileEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

export function lineIndent(text: string, offset: number): string {
  const ls = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(ls))![0];
}
