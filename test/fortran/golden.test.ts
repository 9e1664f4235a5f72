// Golden Fortran translations: fixtures/fortran/<construct>/<case>/input.<ext> with expected/ holding
// the translated file (.F90/.F) and expected/diagnostics.txt when there are diagnostics (the model is
// test/golden/c-golden.test.ts). `npx vitest run test/fortran -u` rewrites them; a file in expected/
// that this run did not produce fails (stale golden).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSourceFile } from '../../src/source/source-file.js';
import { translateSource, defaultTranslateOptions, type TranslateOptions } from '../../src/translate.js';
import { formatDiagnosticsText } from '../../src/core/format-diagnostic.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'fortran');
const NOT_GOLDEN = new Set(['exec', 'frontend']); // frontend: the front end's own fixtures
const INPUTS = ['input.f90', 'input.F90', 'input.f', 'input.F'];

function cases(): { name: string; dir: string; input: string }[] {
  const out: { name: string; dir: string; input: string }[] = [];
  for (const construct of readdirSync(FIXTURES).sort()) {
    if (NOT_GOLDEN.has(construct) || !statSync(join(FIXTURES, construct)).isDirectory()) continue;
    for (const c of readdirSync(join(FIXTURES, construct)).sort()) {
      const dir = join(FIXTURES, construct, c);
      const input = INPUTS.find((n) => existsSync(join(dir, n)));
      if (input) out.push({ name: `${construct}/${c}`, dir, input: join(dir, input) });
    }
  }
  return out;
}

function optionsFor(dir: string): TranslateOptions {
  const p = join(dir, 'options.json');
  return existsSync(p) ? { ...defaultTranslateOptions, ...(JSON.parse(readFileSync(p, 'utf8')) as Partial<TranslateOptions>) } : defaultTranslateOptions;
}

/** Input lines outside every replaced region must reappear verbatim in the host half (comments and case kept). */
function hostHalf(out: string): string {
  const at = out.indexOf('\n#else\n');
  return at < 0 ? out : out.slice(at + 7);
}

describe('golden Fortran translations', () => {
  it('has cases', () => expect(cases().length).toBeGreaterThan(0));
  for (const c of cases()) {
    it(c.name, async () => {
      const text = readFileSync(c.input, "utf8");
      const file = createSourceFile(relative(ROOT, c.input), text);
      const result = translateSource(file, optionsFor(c.dir));
      const produced = new Set<string>();
      if (result.diagnostics.length || !result.ok) {
        produced.add('diagnostics.txt');
        await expect(formatDiagnosticsText(result.diagnostics)).toMatchFileSnapshot(join(c.dir, 'expected', 'diagnostics.txt'));
      }
      for (const f of result.files) {
        produced.add(f.name);
        await expect(f.text).toMatchFileSnapshot(join(c.dir, 'expected', f.name));
        // Everything before the first directive is the user's text, byte for byte.
        const firstDirective = text.search(/^[ \t]*[!cC*]\$omp/im);
        const head = firstDirective < 0 ? text : text.slice(0, firstDirective);
        if (f.role !== 'slave') expect(hostHalf(f.text).startsWith(head.replace(/^([ \t]*)!\$(?=[ \t])/gm, '$1  ').replace(/^[cC*!]\$(?=[ \t0-9])/gm, '  '))).toBe(true);
      }
      const expectedDir = join(c.dir, 'expected');
      const stale = existsSync(expectedDir) ? readdirSync(expectedDir).filter((n) => !produced.has(n)) : [];
      expect(stale, `stale files in ${expectedDir}`).toEqual([]);
      expect(translateSource(file, optionsFor(c.dir)).files.map((f) => f.text)).toEqual(result.files.map((f) => f.text));
    });
  }
});
