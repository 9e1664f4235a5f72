// The directive lexer: words, numbers (with Fortran kinds and exponents), strings, Fortran dotted
// operators and the few multi-character punctuators the clause grammar needs.
import { describe, expect, test } from 'vitest';
import { lexDirective } from '../../src/openmp/lexer.js';
import type { Language } from '../../src/openmp/spec-types.js';

const CASES: readonly (readonly [Language, string, readonly string[]])[] = [
  ['c', 'parallel for', ['word:parallel', 'word:for']],
  ['c', 'reduction(&&:ok)', ['word:reduction', 'punct:(', 'punct:&&', 'punct::', 'word:ok', 'punct:)']],
  ['c', 'map(p->a[0:n])', ['word:map', 'punct:(', 'word:p', 'punct:->', 'word:a', 'punct:[', 'number:0', 'punct::', 'word:n', 'punct:]', 'punct:)']],
  ['c', 'num_threads(0x1F + 10UL)', ['word:num_threads', 'punct:(', 'number:0x1F', 'punct:+', 'number:10UL', 'punct:)']],
  ['c', 'message("a \\" b")', ['word:message', 'punct:(', 'string:"a \\" b"', 'punct:)']],
  ['c', 'if(x>=1.5e-3)', ['word:if', 'punct:(', 'word:x', 'punct:>', 'punct:=', 'number:1.5e-3', 'punct:)']],
  ['fortran', 'reduction(.AND.:ok)', ['word:reduction', 'punct:(', 'dotop:.AND.', 'punct::', 'word:ok', 'punct:)']],
  ['fortran', 'if(n.gt.1)', ['word:if', 'punct:(', 'word:n', 'dotop:.gt.', 'number:1', 'punct:)']],
  ['fortran', 'linear(j: 1.5d0) safelen(8_8)', ['word:linear', 'punct:(', 'word:j', 'punct::', 'number:1.5d0', 'punct:)', 'word:safelen', 'punct:(', 'number:8_8', 'punct:)']],
  ['fortran', 'private(/blk/)', ['word:private', 'punct:(', 'punct:/', 'word:blk', 'punct:/', 'punct:)']],
  ['fortran', "message('it''s')", ['word:message', 'punct:(', "string:'it'", "string:'s'", 'punct:)']],
];

describe('lexDirective', () => {
  test.each(CASES)('%s %s', (language, text, expected) => {
    const tokens = lexDirective(text, language);
    expect(tokens.at(-1)?.kind).toBe('eof');
    expect(tokens.slice(0, -1).map((t) => `${t.kind}:${t.text}`)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  test('an unterminated string runs to the end and is flagged', () => {
    const tokens = lexDirective('message("abc', 'c');
    expect(tokens[2]).toMatchObject({ kind: 'string', text: '"abc', unterminated: true });
  });
});
