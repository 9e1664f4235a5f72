// Loading a translation unit: its text, language and source form, decided once from the file name.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createLineMap, type LineMap } from './line-map.js';

export type Language = 'c' | 'fortran';
/** Fortran source form; C files are always 'c'. */
export type SourceForm = 'c' | 'free' | 'fixed';

export interface SourceFile {
  /** Path as given by the user; printed in diagnostics. */
  readonly path: string;
  readonly text: string;
  readonly language: Language;
  readonly form: SourceForm;
  /** True for .F/.F90 etc.: the compiler runs cpp first. */
  readonly preprocessed: boolean;
  readonly lines: LineMap;
}

const FIXED = new Set(['.f', '.for', '.f77', '.ftn']);
const FREE = new Set(['.f90', '.f95', '.f03', '.f08']);

export function classifyPath(path: string): { language: Language; form: SourceForm; preprocessed: boolean } | undefined {
  const ext = extname(path);
  const lower = ext.toLowerCase();
  if (lower === '.c' || lower === '.h') return { language: 'c', form: 'c', preprocessed: true };
  // gfortran runs cpp for upper-case extensions (.F, .F90, .FOR, ...).
  const cpp = ext !== lower || lower === '.fpp';
  if (FIXED.has(lower)) return { language: 'fortran', form: 'fixed', preprocessed: cpp };
  if (FREE.has(lower) || lower === '.fpp') return { language: 'fortran', form: 'free', preprocessed: cpp };
  return undefined;
}

export function createSourceFile(path: string, text: string, override?: Partial<Pick<SourceFile, 'language' | 'form'>>): SourceFile {
  const kind = classifyPath(path) ?? { language: 'c' as const, form: 'c' as const, preprocessed: true };
  const language = override?.language ?? kind.language;
  const form = override?.form ?? (language === 'c' ? 'c' : kind.form === 'c' ? 'free' : kind.form);
  return { path, text, language, form, preprocessed: kind.preprocessed, lines: createLineMap(text) };
}

export function loadSourceFile(path: string): SourceFile {
  return createSourceFile(path, readFileSync(path, 'utf8'));
}
