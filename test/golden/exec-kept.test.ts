// Every differential fixture's translation keeps the user's file byte for byte outside its regions,
// and translating twice gives the same bytes.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSourceFile } from '../../src/source/source-file.js';
import { defaultTranslateOptions, translateSource } from '../../src/translate.js';
import { linesLostOutsideRegions } from './kept-text.js';

const EXEC = join(import.meta.dirname, '..', '..', 'fixtures', 'c', 'exec');

describe('translations keep the rest of the file', () => {
  for (const name of readdirSync(EXEC).sort().filter((n) => existsSync(join(EXEC, n, 'input.c')))) {
    it(name, () => {
      const path = join(EXEC, name, 'input.c');
      const file = createSourceFile(path, readFileSync(path, 'utf8'));
      // Fixtures built with extra o2ath options (--fallback=host) are translated with them too.
      const meta = existsSync(join(EXEC, name, 'meta.json')) ? (JSON.parse(readFileSync(join(EXEC, name, 'meta.json'), 'utf8')) as { o2ath_args?: string[] }) : {};
      const options = { ...defaultTranslateOptions, fallback: meta.o2ath_args?.includes('--fallback=host') ? ('host' as const) : ('none' as const) };
      const r = translateSource(file, options);
      expect(r.ok).toBe(true);
      expect(linesLostOutsideRegions(file.text, r.files[0]!.text), name).toEqual([]);
      expect(translateSource(file, options).files[0]!.text).toBe(r.files[0]!.text);
    });
  }
});
