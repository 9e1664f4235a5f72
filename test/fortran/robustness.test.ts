// The Fortran translation never crashes: every fixture, cut off after every few lines (unclosed
// regions, loops without END DO, half a module), and with directive lines shuffled, gives
// diagnostics or a translation, never an exception.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSourceFile } from '../../src/source/source-file.js';
import { translateSource, defaultTranslateOptions } from '../../src/translate.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'fortran');
const EXT = /\.(f90|F90|f|F)$/;

function inputs(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) {
      if (n !== 'expected') inputs(p, out);
    } else if (EXT.test(n)) out.push(p);
  }
  return out;
}

describe('Fortran translation robustness', () => {
  const files = existsSync(FIXTURES) ? inputs(FIXTURES) : [];
  it('has inputs', () => expect(files.length).toBeGreaterThan(10));
  for (const path of files) {
    it(path.slice(FIXTURES.length + 1), () => {
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n');
      const name = path.slice(ROOT.length + 1);
      const variants: string[] = [];
      for (let cut = 1; cut < lines.length; cut += 5) variants.push(lines.slice(0, cut).join('\n') + '\n');
      // Every directive line moved one line down (regions pair with the wrong statements).
      const moved = [...lines];
      for (let i = moved.length - 2; i >= 0; i--) if (/^\s*[!cC*]\$omp/i.test(moved[i]!)) [moved[i], moved[i + 1]] = [moved[i + 1]!, moved[i]!];
      variants.push(moved.join('\n'));
      for (const v of variants) {
        for (const fallback of ['none', 'host'] as const) {
          const r = translateSource(createSourceFile(name, v), { ...defaultTranslateOptions, fallback });
          expect(r.ok || r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }
      }
    });
  }
});
