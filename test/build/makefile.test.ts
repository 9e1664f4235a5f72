// The driver as a Makefile sees it: `make CC="node dist/cli.js cc"`, separate processes, make -j.
// Needs the built CLI (npm test builds it first).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeRuntime, fixtures, repo, scratch } from './helpers.js';

const cli = join(repo, 'dist', 'cli.js');
const CC = `node ${cli} cc`;
const realRuntime = existsSync(join(repo, 'runtime-c', 'include', 'athread.h')) && existsSync(join(repo, 'runtime-c', 'Makefile'));

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = scratch()));
afterEach(() => cleanup());

function make(cwd: string, env: Record<string, string> = {}, ...args: string[]): string {
  const clean = { ...process.env };
  for (const k of ['O2ATH_RUNTIME_DIR', 'O2ATH_MODE', 'O2ATH_TARGET', 'O2ATH_HOST_CC', 'MAKEFLAGS', 'MAKELEVEL']) delete clean[k];
  return execFileSync('make', ['-s', '-j4', `CC=${CC}`, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('make CC="o2ath cc"', () => {
  it('builds a hand-written -mhost/-mslave port with make -j; two parallel links build the runtime once', () => {
    const src = join(dir, 'port');
    cpSync(join(fixtures, 'makefile-split'), src, { recursive: true });
    const rt = fakeRuntime(dir);
    make(src, { O2ATH_RUNTIME_DIR: rt });
    expect(execFileSync(join(src, 'prog1'), { encoding: 'utf8' })).toBe('sum 2016\n');
    expect(execFileSync(join(src, 'prog2'), { encoding: 'utf8' })).toBe('sum 2016\n');
    // Also proves the user's CC= did not reach the runtime's own make (it would have recursed into o2ath).
    expect(readFileSync(join(rt, 'build', 'make-runs'), 'utf8')).toBe('run\n');
  });

  it('builds a two-file OpenMP program against runtime-c, with working dependencies', () => {
    const src = join(dir, 'omp');
    cpSync(join(fixtures, 'makefile-omp'), src, { recursive: true });
    make(src);
    expect(execFileSync(join(src, 'prog'), { encoding: 'utf8' })).toBe('dot 409500.0\n');
    const deps = readFileSync(join(src, 'main.d'), 'utf8');
    expect(deps).toMatch(/^main\.o: main\.c vec\.h/);
    expect(deps).toContain('\nvec.h:');
    // A header change rebuilds through the generated dependencies; an up-to-date tree does nothing.
    expect(make(src, {}, '-q').length).toBe(0);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(src, 'vec.h'), later, later);
    expect(() => make(src, {}, '-q')).toThrow();
    make(src);
    expect(execFileSync(join(src, 'prog'), { encoding: 'utf8' })).toBe('dot 409500.0\n');
  });
});
