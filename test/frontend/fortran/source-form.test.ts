// Source form: free and fixed continuations, strings across lines, tabs, comments, `;`, labels,
// preprocessor and include lines, and piece maps that point at the right line and column.
import { describe, expect, it } from 'vitest';
import { siteOffset } from '../../../src/frontend/directive-site.js';
import { textToFile } from '../../../src/frontend/fortran/index.js';
import { fx, loc, parse, piecesAreExact } from './helpers.js';

interface Case {
  readonly name: string;
  readonly form: 'free' | 'fixed';
  readonly src: string;
  /** Expected statement texts (kind:text). */
  readonly statements: readonly string[];
  /** Optional: [text fragment, expected line:col] pairs, mapped through the first statement's pieces. */
  readonly at?: readonly [string, string][];
  readonly options?: { fixedLineLength?: 72 | 132 | 0 };
}

const cases: Case[] = [
  { name: 'free: simple statements and comments', form: 'free', src: 'x = 1 ! set x\n! whole-line comment\n\n  y = 2\n',
    statements: ['assignment:x = 1', 'assignment:y = 2'] },
  { name: 'free: & continuation without leading &', form: 'free', src: 'x = a + &\n    b\n',
    statements: ['assignment:x = a +     b'], at: [['b', '2:5']] },
  { name: 'free: & continuation with leading &', form: 'free', src: 'call foo(a, &\n   & b, &  ! comment\n! interleaved comment\n\n  &c)\n',
    statements: ['call:call foo(a,  b, c)'], at: [['b', '2:6'], ['c)', '5:4']] },
  { name: 'free: string across continuation', form: 'free', src: "s = 'abc&\n  &def' // \"x!y\"\n",
    statements: ["assignment:s = 'abcdef' // \"x!y\""], at: [['def', '2:4']] },
  { name: 'free: doubled quotes and ! inside strings', form: 'free', src: "s = 'it''s ! not a comment' ! comment\n",
    statements: ["assignment:s = 'it''s ! not a comment'"] },
  { name: 'free: ; separators and labels', form: 'free', src: 'a = 1; b = 2 ;; 10 continue\n20 x = "y;z"\n',
    statements: ['assignment:a = 1', 'assignment:b = 2', 'continue:continue', 'assignment:x = "y;z"'] },
  { name: 'free: preprocessor and include', form: 'free', src: '#ifdef MPI\n  include "mpif.h"\n#endif\n',
    statements: ['preprocessor:#ifdef MPI', 'include:include "mpif.h"', 'preprocessor:#endif'] },
  { name: 'free: preprocessor with backslash continuation', form: 'free', src: '#define F(x) \\\n  (x+1)\ny = 1\n',
    statements: ['preprocessor:#define F(x) \\\n  (x+1)', 'assignment:y = 1'] },
  { name: 'free: conditional compilation line', form: 'free', src: '!$ nt = omp_get_num_threads()\n!$omx not a sentinel\n',
    statements: ['assignment:nt = omp_get_num_threads()'] },
  { name: 'fixed: label, column 6 continuation, column 72', form: 'fixed',
    src: [fx('10', ' ', 'x = a +'), fx('', '&', ' b'), 'c comment', fx('', '1', '+ c'), fx('', ' ', 'y = 1' + ' '.repeat(61) + 'IGNORED')].join('\n') + '\n',
    statements: ['assignment:x = a + b + c', 'assignment:y = 1'], at: [['b', '2:8'], ['+ c', '4:7']] },
  { name: 'fixed: comment markers c C * ! d and blank lines', form: 'fixed',
    src: ['C upper', 'c lower', '* star', '! bang', 'd debug', '', '     ', fx('', ' ', 'x = 1 ! trailing')].join('\n'),
    statements: ['assignment:x = 1'] },
  { name: 'fixed: column 6 zero is not a continuation', form: 'fixed', src: [fx('', ' ', 'x = 1'), fx('', '0', 'y = 2')].join('\n'),
    statements: ['assignment:x = 1', 'assignment:y = 2'] },
  { name: 'fixed: string continued to column 72', form: 'fixed',
    src: [fx('', ' ', "s = 'abc" + ' '.repeat(56) + 'de'), fx('', '+', "fg'")].join('\n'),
    statements: [`assignment:s = 'abc${' '.repeat(56)}defg'`] },
  { name: 'fixed: DEC tab form', form: 'fixed', src: '10\tx = 1\n\t1+ 2\n\ty = 3\n',
    statements: ['assignment:x = 1 + 2', 'assignment:y = 3'], at: [['+ 2', '2:3']] },
  { name: 'fixed: 132 columns', form: 'fixed', options: { fixedLineLength: 132 },
    src: fx('', ' ', 'x = 1' + ' '.repeat(70) + '+ 2') + '\n', statements: [`assignment:x = 1${' '.repeat(70)}+ 2`] },
  { name: 'fixed: unlimited columns', form: 'fixed', options: { fixedLineLength: 0 },
    src: fx('', ' ', 'x = 1' + ' '.repeat(200) + '+ 2') + '\n', statements: [`assignment:x = 1${' '.repeat(200)}+ 2`] },
  { name: 'fixed: labels from columns 1-5 with blanks and zeros', form: 'fixed', src: ' 0100 continue\n',
    statements: ['continue:continue'] },
  { name: 'fixed: conditional line c$ with continuation', form: 'fixed', src: ['c$    n = omp_get_max_threads(', 'c$   &)', '*$    m = 1'].join('\n'),
    statements: ['assignment:n = omp_get_max_threads( )', 'assignment:m = 1'] },
  { name: 'CRLF line ends', form: 'free', src: 'x = 1 &\r\n  + 2\r\ny = 3\r\n', statements: ['assignment:x = 1   + 2', 'assignment:y = 3'] },
];

describe('source form', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { tree, file } = parse(c.src, c.form, c.options ?? {});
      expect(tree.statements.map((s) => `${s.kind}:${s.text}`)).toEqual(c.statements);
      for (const s of tree.statements) expect(piecesAreExact(file, s.text, s.pieces)).toBe(true);
      const first = tree.statements[0]!;
      for (const [frag, where] of c.at ?? []) {
        const i = first.text.indexOf(frag);
        expect(i, frag).toBeGreaterThanOrEqual(0);
        expect(loc(file, textToFile(first.pieces, i)), frag).toBe(where);
      }
    });
  }

  it('labels: fixed form columns 1-5 and free form leading digits', () => {
    expect(parse(' 0100 continue\n', 'fixed').tree.statements[0]!.label).toBe('100');
    expect(parse('  20 continue\n').tree.statements[0]!.label).toBe('20');
    expect(parse('1 x = 2\n').tree.statements[0]!.label).toBe('1');
  });

  it('statement span covers all physical lines; textSpan only the text', () => {
    const { tree, file } = parse('  x = a + &   ! c\n      b ! d\n');
    const s = tree.statements[0]!;
    expect(file.text.slice(s.span.start, s.span.end)).toBe('  x = a + &   ! c\n      b ! d');
    expect(file.text.slice(s.textSpan.start, s.textSpan.end)).toBe('x = a + &   ! c\n      b');
  });

  it('a byte-order mark does not disturb the first line', () => {
    expect(parse('\uFEFFmodule m\nend module\n').tree.statements.map((s) => s.kind)).toEqual(['module', 'end-module']);
    expect(parse(`\uFEFF${fx('10', ' ', 'continue')}\n`, 'fixed').tree.statements.map((s) => `${s.label}:${s.kind}`)).toEqual(['10:continue']);
  });

  it('conditional lines are flagged', () => {
    const { tree } = parse('!$ x = 1\ny = 2\n');
    expect(tree.statements.map((s) => s.conditional)).toEqual([true, false]);
  });

  it('warns on unterminated strings and missing continuation lines', () => {
    const { bag } = parse("s = 'abc\nx = 1 &\n");
    expect(bag.items.map((d) => d.name)).toEqual(['fortran-unterminated-string', 'fortran-missing-continuation']);
  });

  it('warns when fixed-form columns 1-5 hold something other than a label', () => {
    expect(parse('x = 1\n      y = 2\n', 'fixed').bag.items.map((d) => d.name)).toEqual(['fortran-bad-label-field']);
  });

  it('warns on free-form lines over 132 characters', () => {
    const { bag } = parse(`x = 1 ${' '.repeat(130)}+ 2\n`);
    expect(bag.items.map((d) => d.name)).toEqual(['fortran-line-too-long']);
  });
});

interface SiteCase {
  readonly name: string;
  readonly form: 'free' | 'fixed';
  readonly src: string;
  readonly texts: readonly string[];
  /** [site index, fragment, line:col]. */
  readonly at?: readonly [number, string, string][];
}

const siteCases: SiteCase[] = [
  { name: 'free: !$omp with & continuation and trailing comments', form: 'free',
    src: '!$omp parallel do &   ! first\n!$omp& private(i) &\n  !$omp   reduction(+:s) ! last\ndo i = 1, n\nend do\n',
    texts: ['parallel do  private(i)    reduction(+:s)'], at: [[0, 'private', '2:8'], [0, 'reduction', '3:11'], [0, 'parallel', '1:7']] },
  { name: 'free: any case, end directive, not other sentinels', form: 'free', src: '!$OMP PARALLEL\n!$acc kernels\n!$Omp End Parallel\n',
    texts: ['PARALLEL', 'End Parallel'] },
  { name: 'free: non-ASCII comment before a directive (columns count UTF-16 units)', form: 'free',
    src: "s = 'température' ! ° commentaire\n!$omp parallel private(s) ! fin été\n", texts: ['parallel private(s)'], at: [[0, 'private', '2:16']] },
  { name: 'free: indented sentinel', form: 'free', src: '   x = 1\n    !$omp barrier\n', texts: ['barrier'], at: [[0, 'barrier', '2:11']] },
  { name: 'fixed: c$omp / *$omp / !$omp and column-6 continuation', form: 'fixed',
    src: ['c$omp parallel do', 'c$omp& private(i,', '*$omp+ j) ! comment', '!$OMP end parallel do', 'C$OMP BARRIER'].join('\n'),
    texts: ['parallel do private(i, j)', 'end parallel do', 'BARRIER'], at: [[0, 'j)', '3:8'], [0, 'private', '2:8']] },
  { name: 'fixed: sentinel continuation after an interleaved comment', form: 'fixed',
    src: ['c$omp parallel', 'c a comment', 'c$omp&shared(a)'].join('\n'), texts: ['parallel shared(a)'] },
  { name: 'fixed: column 72 applies to directives', form: 'fixed',
    src: 'c$omp parallel' + ' '.repeat(58) + 'XX\n', texts: ['parallel'] },
];

describe('OpenMP sentinels', () => {
  for (const c of siteCases) {
    it(c.name, () => {
      const { tree, file } = parse(c.src, c.form);
      expect(tree.directiveSites.map((s) => s.text)).toEqual(c.texts);
      for (const s of tree.directiveSites) {
        expect(s.spelling).toBe('sentinel');
        expect(piecesAreExact(file, s.text, s.pieces)).toBe(true);
      }
      for (const [k, frag, where] of c.at ?? []) {
        const site = tree.directiveSites[k]!;
        expect(loc(file, siteOffset(site, site.text.indexOf(frag))), frag).toBe(where);
      }
    });
  }

  it('directive site span covers all sentinel lines', () => {
    const { tree, file } = parse('x = 1\n!$omp parallel &\n!$omp private(x)\ny = 2\n');
    const s = tree.directiveSites[0]!;
    expect(file.text.slice(s.span.start, s.span.end)).toBe('!$omp parallel &\n!$omp private(x)');
  });

  it('a directive continuation that never comes is reported', () => {
    const { tree, bag } = parse('!$omp parallel &\nx = 1\n');
    expect(tree.directiveSites.map((s) => s.text)).toEqual(['parallel']);
    expect(bag.items.map((d) => d.name)).toEqual(['fortran-missing-continuation']);
  });
});
