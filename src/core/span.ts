// Byte-free addressing: every position in o2ath is a UTF-16 offset into SourceFile.text.
// Line and column are computed only when a diagnostic is printed (see source/line-map.ts).

/** Half-open range [start, end) of offsets into one SourceFile's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function createSpan(start: number, end: number): Span {
  return { start, end };
}

export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
