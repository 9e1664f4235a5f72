// Loop normalisation: every canonical form, its trip count checked by evaluating the generated C
// expression against a direct count of the loop's iterations.
import { describe, expect, it } from 'vitest';
import { parseC } from '../../src/frontend/c/syntax.js';
import { extractLoop, tripCountExpr } from '../../src/analysis/c/loops.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function loopOf(header: string) {
  const tree = parseC(`void f(int n, int s, int i) { ${header} ; }`);
  const stack = [tree.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'for_statement') return extractLoop(n);
    stack.push(...n.namedChildren);
  }
  throw new Error('no loop');
}

// The generated trip-count expression is C: evaluate it with gcc, for every case and n at once.
function cTripCounts(exprs: string[], ns: number[]): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'o2ath-trip-'));
  const fns = exprs.map((e, k) => `static long t${k}(long n, long s) { (void)s; return ${e}; }`).join('\n');
  const calls = exprs.map((_, k) => `for (int q = 0; q < ${ns.length}; q++) printf("%ld ", t${k}(ns[q], 1)); printf("\\n");`).join('\n');
  writeFileSync(join(dir, 't.c'), `#include <stdio.h>\n${fns}\nint main(void) { long ns[] = {${ns.join(',')}};\n${calls}\nreturn 0; }\n`);
  execFileSync('gcc', ['-O0', '-o', join(dir, 't'), join(dir, 't.c')]);
  return execFileSync(join(dir, 't'), { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
}

function count(init: number, test: (i: number) => boolean, step: number): number {
  let c = 0;
  for (let i = init; test(i); i += step) c++;
  return c;
}

describe('extractLoop', () => {
  const cases: [string, string, string, string, string, (n: number) => number][] = [
    ['for (int i = 0; i < n; i++)', 'i', '0', '<', '1', (n) => count(0, (i) => i < n, 1)],
    ['for (i = 1; i <= n; ++i)', 'i', '1', '<=', '1', (n) => count(1, (i) => i <= n, 1)],
    ['for (i = n - 1; i >= 0; i--)', 'i', 'n - 1', '>=', '-1', (n) => count(n - 1, (i) => i >= 0, -1)],
    ['for (i = n; i > 0; i -= 3)', 'i', 'n', '>', '-(3)', (n) => count(n, (i) => i > 0, -3)],
    ['for (i = 0; n > i; i += 2)', 'i', '0', '<', '(2)', (n) => count(0, (i) => n > i, 2)],
    ['for (i = 0; i != n; i = i + 1)', 'i', '0', '!=', '(1)', (n) => count(0, (i) => i !== n, 1)],
    ['for (long i = 5; i < n; i = 2 + i)', 'i', '5', '<', '(2)', (n) => count(5, (i) => i < n, 2)],
  ];
  const NS = [0, 1, 2, 7, 64, 100];
  for (const [header, v, lb, cmp, step] of cases) {
    it(header, () => {
      const r = loopOf(header);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect([r.loop.var, r.loop.lb, r.loop.cmp, r.loop.step]).toEqual([v, lb, cmp, step]);
    });
  }
  it('computes the trip count of every form as the loop itself does', () => {
    const loops = cases.map(([h]) => loopOf(h));
    const exprs = loops.map((r) => (r.ok ? tripCountExpr(r.loop).replace(/\bi\b/g, 'n') : '0'));
    const got = cTripCounts(exprs, NS);
    cases.forEach(([header, , , , , direct], k) => expect(got[k], header).toEqual(NS.map(direct)));
  });

  const bad: [string, RegExp][] = [
    ['for (i = 0; i * i < n; i++)', /compare 'i'/],
    ['for (i = 0; i < n; i *= 2)', /increment/],
    ['for (i = 0; i < n; i--)', /does not terminate/],
    ['for (;;)', /initialiser/],
  ];
  for (const [header, why] of bad) {
    it(`rejects ${header}`, () => {
      const r = loopOf(header);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.why).toMatch(why);
    });
  }
});
