// Shared set-up for the driver tests: scratch directories, a copy of the fake runtime, a fake translator.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../../src/source/source-file.js';
import type { TranslateOptions, TranslateResult } from '../../src/translate.js';
import { runCompilerDriver, type DriverDeps } from '../../src/build/driver.js';

export const here = dirname(fileURLToPath(import.meta.url));
export const fixtures = join(here, 'fixtures');
export const repo = join(here, '..', '..');
const startDir = process.cwd();

export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'o2b-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy of the fake runtime (its build/ directory is written by the tests). */
export function fakeRuntime(into: string): string {
  const dir = join(into, 'fake-runtime');
  cpSync(join(fixtures, 'fake-runtime'), dir, { recursive: true });
  return dir;
}

/** Stands in for translateSource until the translator lands: returns the file unchanged, hybrid. */
export function identityTranslate(file: SourceFile, _options: TranslateOptions): TranslateResult {
  const name = file.path.replace(/^.*\//, '');
  return { ok: true, files: [{ name, text: file.text, role: 'hybrid' }], diagnostics: [], slaveImports: [], kernels: 0 };
}

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the driver in-process with captured output, in `cwd`. */
export async function drive(language: 'c' | 'fortran', argv: string[], opts: { cwd: string; env?: Record<string, string | undefined>; translate?: DriverDeps['translate'] }): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  process.chdir(opts.cwd);
  try {
    const code = await runCompilerDriver(language, argv, {
      env: { PATH: process.env['PATH'], ...opts.env },
      translate: opts.translate ?? identityTranslate,
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
  } finally {
    // Back to where the run started (not to the previous cwd: concurrent drives would leave us in a
    // scratch directory that is deleted afterwards).
    process.chdir(startDir);
  }
}
