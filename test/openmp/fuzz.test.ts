// Fuzzing the directive parser and checker: random and mutated directive text, split over
// continuation lines, in both languages. Nothing may throw, and every diagnostic and every span in
// the AST must lie inside the directive in the file.
import { describe, expect, test } from 'vitest';
import { DiagnosticBag, type Diagnostic } from '../../src/core/diagnostic.js';
import { formatDiagnosticsText } from '../../src/core/format-diagnostic.js';
import type { Span } from '../../src/core/span.js';
import { parseAndCheckDirective } from '../../src/openmp/index.js';
import { clauseTable, directiveEntries } from '../../src/openmp/spec.js';
import type { Language } from '../../src/openmp/spec-types.js';
import { makeSite } from './site.js';

/** mulberry32: small, seedable, good enough to spread inputs. */
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

const CORPUS = [
  'parallel for private(i, j) shared(a) reduction(+:s) schedule(static, (n+1)/2)',
  'parallel do private(i) reduction(.and.: ok) if(parallel: n .gt. 1)',
  'target teams distribute parallel for simd map(always, tofrom: a[0:n][:]) depend(iterator(it=0:n), in: a[it])',
  'for schedule(monotonic: dynamic, 4) lastprivate(conditional: x) linear(i: step(2), val) collapse(2)',
  'declare reduction(merge : v : omp_out = f(omp_out, omp_in)) initializer(omp_priv = 0)',
  'critical(name) hint(1)',
  'end critical(name)',
  'threadprivate(/blk/, x)',
  'parallel private(/c/) firstprivate(a(1:n, :), s%f) copyin(x)',
  'ordered depend(sink: i-1, j) doacross(source:)',
  'metadirective when(device={kind(gpu)}: target) otherwise(parallel)',
  'enddo nowait',
  'end parallel do',
  'requires unified_shared_memory atomic_default_mem_order(seq_cst)',
  'error at(execution) severity(fatal) message("x, y)")',
  'target map(mapper(m), present, to: p->a[0:p->n], *q) defaultmap(tofrom: scalar)',
  'allocate(x) allocator(omp_default_mem_alloc) align(64)',
];
const PUNCT = [...'()[]{},:;+-*/&|^.%!<>=?\'"\\ \t', 'é', '∑', '->', '&&', '.and.', '/blk/'];
const VOCAB = [...new Set([...directiveEntries.map((e) => e.kind), ...clauseTable.map((c) => c.name)])];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function randomText(rnd: () => number): string {
  const n = 1 + Math.floor(rnd() * 14);
  let s = '';
  for (let i = 0; i < n; i++) s += (rnd() < 0.5 ? pick(rnd, VOCAB) : pick(rnd, PUNCT)) + (rnd() < 0.6 ? ' ' : '');
  return s;
}

function mutate(rnd: () => number, text: string): string {
  let s = text;
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(rnd() * (s.length + 1));
    switch (Math.floor(rnd() * 6)) {
      case 0: s = s.slice(0, at) + pick(rnd, PUNCT) + s.slice(at); break;
      case 1: s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 6)); break;
      case 2: s = s.slice(0, at); break;
      case 3: s = s.slice(0, at) + pick(rnd, VOCAB) + s.slice(at); break;
      case 4: { const from = Math.floor(rnd() * s.length); s = s.slice(0, at) + s.slice(from, from + 8) + s.slice(at); break; }
      default: s = rnd() < 0.5 ? s.toUpperCase() : s.replace(/ /g, '');
    }
  }
  return s;
}

/** Split at random blanks into continuation lines. */
function lines(rnd: () => number, text: string): string[] {
  if (rnd() < 0.6) return [text];
  const parts = text.split(' ');
  const out: string[] = [];
  let cur: string[] = [];
  for (const p of parts) {
    cur.push(p);
    if (rnd() < 0.25) {
      out.push(cur.join(' '));
      cur = [];
    }
  }
  out.push(cur.join(' '));
  return out;
}

function inside(span: Span, outer: Span): boolean {
  return span.start >= outer.start && span.start <= span.end && span.end <= outer.end;
}

function collectSpans(value: unknown, out: Span[]): void {
  if (Array.isArray(value)) for (const v of value) collectSpans(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push(o as unknown as Span);
    else for (const v of Object.values(o)) collectSpans(v, out);
  }
}

describe('directive fuzzing', () => {
  test('20k random and mutated directives: no throw, every span inside the directive', () => {
    const rnd = prng(0x5eed);
    const bad: string[] = [];
    let parsed = 0;
    let errors = 0;
    for (let i = 0; i < 20_000; i++) {
      const language: Language = i % 2 === 0 ? 'c' : 'fortran';
      const text = rnd() < 0.3 ? randomText(rnd) : mutate(rnd, pick(rnd, CORPUS));
      const site = makeSite(language, ...lines(rnd, text));
      const bag = new DiagnosticBag();
      let directive;
      try {
        directive = parseAndCheckDirective(site, language, bag);
        formatDiagnosticsText(bag.items);
      } catch (e) {
        bad.push(`${language} ${JSON.stringify(text)}: threw ${(e as Error).stack}`);
        continue;
      }
      if (directive) parsed++;
      errors += bag.errorCount;
      const all: Diagnostic[] = bag.items.flatMap((d) => [d, ...d.notes]);
      for (const d of all) {
        if (d.severity === 'error' && (!d.span || !inside(d.span, site.span))) bad.push(`${language} ${JSON.stringify(text)}: ${d.name} span ${JSON.stringify(d.span)}`);
      }
      const spans: Span[] = [];
      collectSpans(directive, spans);
      for (const s of spans) if (!inside(s, site.span)) bad.push(`${language} ${JSON.stringify(text)}: AST span ${JSON.stringify(s)}`);
      if (bad.length > 10) break;
    }
    expect(bad).toEqual([]);
    // The generator must exercise both paths: directives that parse and plenty of errors.
    expect(parsed).toBeGreaterThan(5_000);
    expect(errors).toBeGreaterThan(5_000);
  });
});
