// Fuzzing: real snippets (from the corpus generator and the fixtures) mutated by a seeded PRNG —
// characters inserted/deleted, lines duplicated/swapped, Fortran-significant characters (& ' " ! ( ; tab)
// and sentinels sprinkled in. The front end must never throw, and its output must stay well formed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/core/diagnostic.js';
import { createSourceFile } from '../../../src/source/source-file.js';
import { parseFortran, referencedNames } from '../../../src/frontend/fortran/index.js';
// @ts-expect-error -- plain ESM script without type declarations
import { generateCorpus } from '../../../scripts/gen-fortran-corpus.mjs';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPICE = ['&', "'", '"', '!', '(', ')', ';', '\t', '\n', '!$omp ', 'c$omp&', '!$ ', '#', '%', '=', '::', ' end', 'do ', 'if (', '\r\n', '*', '/'];

function mutate(text: string, rnd: () => number): string {
  let s = text;
  const n = 1 + Math.floor(rnd() * 8);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const r = rnd();
    if (r < 0.35) s = s.slice(0, at) + SPICE[Math.floor(rnd() * SPICE.length)] + s.slice(at);
    else if (r < 0.6) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 6));
    else if (r < 0.8) {
      const lines = s.split('\n');
      const i = Math.floor(rnd() * lines.length);
      const j = Math.floor(rnd() * lines.length);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      s = lines.join('\n');
    } else {
      const lines = s.split('\n');
      const i = Math.floor(rnd() * lines.length);
      lines.splice(i, 0, lines[Math.floor(rnd() * lines.length)]!);
      s = lines.join('\n');
    }
  }
  return s;
}

describe('fuzz', () => {
  const corpus = (generateCorpus({ lines: 3000, seed: 7 }) as { name: string; text: string }[]);
  const fixtureDir = join(__dirname, '../../../fixtures/fortran/frontend');
  const fixtures = readdirSync(fixtureDir).filter((n) => /\.(f|f90)$/i.test(n)).map((n) => ({ name: n, text: readFileSync(join(fixtureDir, n), 'utf8') }));
  // Snippets of 5-40 lines cut from real-looking files, in both forms.
  const snippets: { name: string; text: string }[] = [];
  const rnd0 = prng(42);
  for (const f of [...corpus, ...fixtures]) {
    const lines = f.text.split('\n');
    for (let k = 0; k < 6; k++) {
      const a = Math.floor(rnd0() * lines.length);
      snippets.push({ name: f.name, text: lines.slice(a, a + 5 + Math.floor(rnd0() * 35)).join('\n') });
    }
  }

  it('never throws; pieces copy file text; spans stay in the file', () => {
    const rnd = prng(Number(process.env.O2ATH_FUZZ_SEED ?? 20261125)); // vary locally to explore
    let runs = 0;
    const rounds = Number(process.env.O2ATH_FUZZ_ROUNDS ?? 25); // raise locally for a longer hunt
    for (let round = 0; round < rounds; round++) {
      for (const sn of snippets) {
        const text = mutate(sn.text, rnd);
        const name = rnd() < 0.5 ? sn.name : sn.name.replace(/\.f$/, '.f90').replace(/\.f90$/i, rnd() < 0.5 ? '.f' : '.f90');
        const file = createSourceFile(name, text);
        const bag = new DiagnosticBag();
        const tree = parseFortran(file, bag, { fixedLineLength: ([72, 132, 0] as const)[Math.floor(rnd() * 3)]! });
        runs++;
        for (const s of tree.statements) {
          expect(s.span.start).toBeGreaterThanOrEqual(0);
          expect(s.span.end).toBeLessThanOrEqual(text.length);
          if (s.kind !== 'preprocessor') {
            for (const p of s.pieces) expect(text.slice(p.fileStart, p.fileStart + p.length)).toBe(s.text.slice(p.textStart, p.textStart + p.length));
          }
          for (const r of referencedNames(s)) expect(r.span.end).toBeLessThanOrEqual(text.length);
        }
        for (const d of tree.directiveSites) {
          for (const p of d.pieces) expect(text.slice(p.fileStart, p.fileStart + p.length)).toBe(d.text.slice(p.textStart, p.textStart + p.length));
        }
        for (const u of tree.units) expect(u.first).toBeLessThanOrEqual(u.last);
        JSON.stringify(tree.units); // plain data
      }
    }
    expect(runs).toBeGreaterThan(rounds * 40);
  });

  // Random sequences of structure-bearing statements: unbalanced and interleaved openers and closers.
  it('random statement soups keep the unit and construct trees well formed', () => {
    const STMTS = ['program p', 'module m', 'subroutine s(a)', 'integer function f(x)', 'end', 'end subroutine', 'end module m', 'contains',
      'do i = 1, n', 'do 10 i = 1, n', '10 continue', 'end do', 'if (x) then', 'else if (y) then', 'else', 'end if', 'select case (k)',
      'case (1)', 'case default', 'end select', 'where (m)', 'elsewhere', 'end where', 'interface', 'end interface', 'type t', 'end type',
      'block', 'end block', 'associate (z => y)', 'end associate', 'x = 1', 'call g(x)', '!$omp parallel', '!$omp end parallel', 'outer: do',
      'end do outer', 'exit outer', 'forall (i = 1:n)', 'end forall', 'critical', 'end critical', 'block data b', 'use m', 'implicit none'];
    const rnd = prng(99);
    for (let k = 0; k < 400; k++) {
      const n = 1 + Math.floor(rnd() * 30);
      const lines: string[] = [];
      for (let j = 0; j < n; j++) lines.push(STMTS[Math.floor(rnd() * STMTS.length)]!);
      const fixed = rnd() < 0.3;
      const text = (fixed ? lines.map((l) => (/^\d/.test(l) ? l.replace(/^(\d+) /, (_, d: string) => d.padEnd(6)) : l.startsWith('!') ? l : `      ${l}`)) : lines).join('\n');
      const file = createSourceFile(fixed ? 'soup.f' : 'soup.f90', text);
      const tree = parseFortran(file, new DiagnosticBag());
      for (const u of tree.units) {
        expect(u.first).toBeLessThanOrEqual(u.last);
        if (u.parent !== undefined) expect(tree.units[u.parent]!.children).toContain(u.index);
      }
      for (const c of tree.constructs) {
        if (c.last >= 0) expect(c.first).toBeLessThan(c.last);
        if (c.parent !== undefined) expect(tree.constructs[c.parent]!.children).toContain(c.index);
      }
    }
  });
});
