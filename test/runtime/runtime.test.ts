// Builds runtime-c (both targets) and runs its C tests, plain and under sanitizers.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rt = join(root, 'runtime-c');

interface RunResult {
  code: number;
  output: string;
}

function make(args: string[], env: Record<string, string> = {}): RunResult {
  try {
    const output = execFileSync('make', ['-s', '-C', rt, ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
    return { code: 0, output };
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string };
    return { code: err.status ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/** `make check` prints one PASS/FAIL line per test run and a final "N passed, M failed". */
function expectAllPassed(r: RunResult): void {
  const failures = r.output.split('\n').filter((l) => l.startsWith('FAIL'));
  expect(failures, r.output.slice(-4000)).toEqual([]);
  expect(r.code, r.output.slice(-4000)).toBe(0);
  expect(r.output).toMatch(/\b[1-9]\d* passed, 0 failed/);
}

describe('runtime-c', () => {
  it('builds both archives warning-free', () => {
    const r = make(['-j2', 'all']);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toMatch(/warning:/);
  });

  it('passes its C tests', () => {
    expectAllPassed(make(['-j2', 'check']));
  });

  it('passes its C tests under AddressSanitizer and UBSan', () => {
    expectAllPassed(make(['-j2', 'check', 'SAN=address,undefined', 'CFLAGS=-O1 -g']));
  });

  it('passes its C tests under ThreadSanitizer', () => {
    expectAllPassed(make(['-j2', 'check', 'SAN=thread', 'CFLAGS=-O1 -g']));
  });
});
