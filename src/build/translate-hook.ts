// The translator entry point, `translateSource` in src/translate.ts, loaded when the first source needs
// it. Loading it late keeps `o2ath cc x.o -o prog` (a link) and the -mhost/-mslave pass-through free of the
// translator's start-up cost (tree-sitter), and lets tests inject a fake.
import type { SourceFile } from '../source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../translate.js';

export type TranslateFn = (file: SourceFile, options: TranslateOptions) => TranslateResult;

export async function loadTranslator(): Promise<TranslateFn | undefined> {
  // Typed as a plain record: the translator module may not export the function yet in every build.
  const mod: Record<string, unknown> = await import('../translate.js');
  const fn = mod['translateSource'];
  return typeof fn === 'function' ? (fn as TranslateFn) : undefined;
}
