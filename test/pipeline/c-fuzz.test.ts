// Fuzzing the C pipeline end to end: mutated real programs (lines dropped, duplicated or swapped,
// directives inserted, characters deleted) must give diagnostics or a translation, never an exception.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSourceFile } from '../../src/source/source-file.js';
import { translateSource, defaultTranslateOptions } from '../../src/translate.js';

const EXEC = join(import.meta.dirname, '..', '..', 'fixtures', 'c', 'exec');
const seeds = readdirSync(EXEC)
  .map((n) => join(EXEC, n, 'input.c'))
  .filter(existsSync)
  .sort()
  .map((p) => readFileSync(p, 'utf8'));

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const DIRECTIVES = ['#pragma omp parallel', '#pragma omp for', '#pragma omp barrier', '#pragma omp single', '#pragma omp critical', '#pragma omp atomic', '#pragma omp for reduction(+:x) collapse(2)', '#pragma omp parallel for private(', '#pragma omp sections', '#pragma omp task', '#pragma omp ordered', '#pragma omp for schedule(dynamic, k)', '#pragma omp parallel for reduction(max: a[0:n])'];

function mutate(text: string, rnd: () => number): string {
  const lines = text.split('\n');
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(rnd() * lines.length);
    const r = rnd();
    if (r < 0.25) lines.splice(i, 1);
    else if (r < 0.45) lines.splice(i, 0, lines[Math.floor(rnd() * lines.length)] ?? '');
    else if (r < 0.7) lines.splice(i, 0, DIRECTIVES[Math.floor(rnd() * DIRECTIVES.length)]!);
    else {
      const l = lines[i] ?? '';
      const c = Math.floor(rnd() * (l.length + 1));
      lines[i] = l.slice(0, c) + l.slice(c + 1 + Math.floor(rnd() * 3));
    }
  }
  return lines.join('\n');
}

describe('C pipeline fuzzing', () => {
  it('never throws on 400 mutated programs', () => {
    const rnd = prng(20261125);
    let translated = 0;
    for (let n = 0; n < 400; n++) {
      const text = mutate(seeds[n % seeds.length]!, rnd);
      const file = createSourceFile(`fuzz${n}.c`, text);
      let r;
      try {
        r = translateSource(file, defaultTranslateOptions);
      } catch (e) {
        throw new Error(`case ${n} threw ${(e as Error).stack}\n--- input ---\n${text}`);
      }
      if (r.ok) translated++;
      for (const d of r.diagnostics) if (d.span) expect(d.span.end).toBeLessThanOrEqual(text.length);
    }
    // Most mutations leave a translatable program: the pipeline is not just rejecting everything.
    expect(translated).toBeGreaterThan(100);
  });
});
