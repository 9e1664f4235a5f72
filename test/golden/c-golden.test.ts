// Golden translations: fixtures/c/<construct>/<case>/input.c with expected/ holding every file the
// translation writes (real .c files) or expected/diagnostics.txt. `npm run test:update` rewrites them;
// a file in expected/ that this run did not produce fails (stale golden).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createSourceFile } from '../../src/source/source-file.js';
import { translateSource, defaultTranslateOptions, type TranslateOptions } from '../../src/translate.js';
import { formatDiagnosticsText } from '../../src/core/format-diagnostic.js';
import { linesLostOutsideRegions } from './kept-text.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'c');
const NOT_GOLDEN = new Set(['exec', 'exec-pending']);

function cases(): { name: string; dir: string }[] {
  const out: { name: string; dir: string }[] = [];
  for (const construct of readdirSync(FIXTURES).sort()) {
    if (NOT_GOLDEN.has(construct) || !statSync(join(FIXTURES, construct)).isDirectory()) continue;
    for (const c of readdirSync(join(FIXTURES, construct)).sort()) out.push({ name: `${construct}/${c}`, dir: join(FIXTURES, construct, c) });
  }
  return out;
}

function optionsFor(dir: string): TranslateOptions {
  const p = join(dir, 'options.json');
  return existsSync(p) ? { ...defaultTranslateOptions, ...(JSON.parse(readFileSync(p, 'utf8')) as Partial<TranslateOptions>) } : defaultTranslateOptions;
}

describe('golden C translations', () => {
  for (const c of cases()) {
    it(c.name, async () => {
      const inputPath = join(c.dir, 'input.c');
      const text = readFileSync(inputPath, 'utf8');
      // Paths in goldens are relative to the repository, so they do not depend on the checkout.
      const file = createSourceFile(relative(ROOT, inputPath), text);
      const result = translateSource(file, optionsFor(c.dir));
      const produced = new Set<string>();
      if (result.diagnostics.length || !result.ok) {
        produced.add('diagnostics.txt');
        await expect(formatDiagnosticsText(result.diagnostics)).toMatchFileSnapshot(join(c.dir, 'expected', 'diagnostics.txt'));
      }
      for (const f of result.files) {
        produced.add(f.name);
        await expect(f.text).toMatchFileSnapshot(join(c.dir, 'expected', f.name));
        if (f.role !== "slave") expect(linesLostOutsideRegions(text, f.text)).toEqual([]);
      }
      const expectedDir = join(c.dir, 'expected');
      const stale = existsSync(expectedDir) ? readdirSync(expectedDir).filter((n) => !produced.has(n)) : [];
      expect(stale, `stale files in ${expectedDir}`).toEqual([]);
      // Output is byte-identical from run to run.
      expect(translateSource(file, optionsFor(c.dir)).files.map((f) => f.text)).toEqual(result.files.map((f) => f.text));
    });
  }
});
