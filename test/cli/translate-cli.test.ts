// The translate verb as a user meets it: exit codes, gcc-style errors, nothing written on error,
// inputs never touched.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

function o2ath(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function work(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'o2ath-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const LOOP = `void f(int n, double *a)\n{\n#pragma omp parallel for\n    for (int i = 0; i < n; i++)\n        a[i] = 2.0 * a[i];\n}\n`;

describe('o2ath translate', () => {
  it('writes the translation into -o DIR and leaves the input alone', () => {
    const dir = work({ 'k.c': LOOP });
    const r = o2ath(['translate', 'k.c', '-o', 'out'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'k.c'), 'utf8')).toBe(LOOP);
    const out = readFileSync(join(dir, 'out', 'k.c'), 'utf8');
    expect(out).toContain('void o2ath_f_1(struct o2ath_args_f_1 *o2ath_arg)');
    expect(out).toContain('athread_spawn(o2ath_f_1, &o2ath_a);');
    expect(readdirSync(join(dir, 'out'))).toEqual(['k.c']);
  });

  it('reports an unsupported task with file:line:col, its name, exit 1, and writes nothing', () => {
    const src = `void g(int *x)\n{\n#pragma omp parallel\n  {\n  #pragma omp task\n    x[0]++;\n  }\n}\n`;
    const dir = work({ 't.c': src });
    const r = o2ath(['translate', 't.c', '-o', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^t\.c:5:15: error: .*task.* \[unsupported-task\]$/m);
    expect(r.stderr).toContain('    5 |   #pragma omp task');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('splits into host and slave files with --layout split', () => {
    const dir = work({ 'k.c': LOOP });
    expect(o2ath(['translate', 'k.c', '--layout', 'split', '-o', 'out'], dir).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['k.host.c', 'k.slave.c']);
  });

  it('refuses to overwrite its input', () => {
    const dir = work({ 'k.c': LOOP });
    const r = o2ath(['translate', 'k.c', '-o', '.'], dir);
    expect(r.code).not.toBe(0);
    expect(readFileSync(join(dir, 'k.c'), 'utf8')).toBe(LOOP);
  });

  it('treats a bad option value as misuse (exit 2)', () => {
    const dir = work({ 'k.c': LOOP });
    const r = o2ath(['translate', 'k.c', '--target', 'sw99'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown target 'sw99'");
  });

  it('prints JSON diagnostics on request', () => {
    const dir = work({ 'e.c': `void h(int n){\n#pragma omp parallel for privat(n)\nfor(int i=0;i<n;i++);\n}\n` });
    const r = o2ath(['translate', 'e.c', '--diagnostics-format', 'json'], dir);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stderr) as { name: string; line: number; column: number }[];
    expect(d[0]).toMatchObject({ name: 'omp-unknown-clause', line: 2, column: 26 });
  });
});

describe('o2ath translate --dump', () => {
  it('prints the AthreadPlan of a file as JSON', () => {
    const dir = work({ 'k.c': LOOP });
    const r = o2ath(['translate', '--dump', 'plan', 'k.c'], dir);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { target: string; kernels: { kernel: string; fields: { name: string }[]; constructs: { kind: string; schedule: string }[] }[] };
    expect(plan.target).toBe('sw26010pro');
    expect(plan.kernels.map((k) => k.kernel)).toEqual(['o2ath_f_1']);
    expect(plan.kernels[0]!.fields.map((f) => f.name)).toEqual(['o2ath_team', 'n', 'a']);
    expect(plan.kernels[0]!.constructs.map((c) => `${c.kind}:${c.schedule}`)).toEqual(['loop:static']);
  });

  it('rejects an unknown phase as misuse', () => {
    const dir = work({ 'k.c': LOOP });
    expect(o2ath(['translate', '--dump', 'trees', 'k.c'], dir).code).toBe(2);
  });
});
