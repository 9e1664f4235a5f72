// `o2ath kernels gen`: writes header, host C, CPE C, reference and a usage example; the example builds
// against the emulated runtime and runs.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { runKernelsCli } from './helpers.js';
import { buildProgram, resolveRuntime } from '../../src/kernels/toolchain.js';
import { KERNELS } from '../../src/kernels/catalog.js';

describe('o2ath kernels gen', () => {
  it('writes a buildable gemm bundle whose example runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o2ath-gen-'));
    const r = await runKernelsCli(['gen', 'gemm', '--dtype', 'f64', '-o', dir]);
    expect(r.exitCode).toBe(0);
    for (const f of ['swk_gemm.h', 'swk_gemm.host.c', 'swk_gemm.slave.c', 'swk_gemm_ref.c', 'swk_gemm_example.c', 'swk_common.h', 'README.md'])
      expect(fs.existsSync(path.join(dir, f))).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'swk_gemm.slave.c'), 'utf8')).toContain('void swk_gemm_f64_cpe(');
    const rt = await resolveRuntime();
    const exe = path.join(dir, 'example');
    await buildProgram(
      { dir, hostSources: ['swk_common.host.c', 'swk_gemm.host.c', 'swk_gemm_example.c'], slaveSources: ['swk_gemm.slave.c'], output: exe },
      rt,
    );
    expect(execFileSync(exe, { encoding: 'utf8' })).toMatch(/^checksum -?\d+\.\d+, DMA bytes get \d+ put \d+/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every kernel for both targets, with its usage example', async () => {
    for (const k of KERNELS)
      for (const target of ['sw26010pro', 'sw26010']) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o2ath-gen-'));
        const r = await runKernelsCli(['gen', k.name, '--target', target, '-o', dir]);
        expect(r.exitCode, `${k.name} ${target}`).toBe(0);
        const names = fs.readdirSync(dir);
        expect(names).toContain(`swk_${k.name}.slave.c`);
        expect(names.some((n) => n === `swk_${k.name}_example.c` || n === `swk_${k.name}_test.c`)).toBe(true);
        fs.rmSync(dir, { recursive: true, force: true });
      }
  });

  it('refuses an over-budget tile and an unknown kernel', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'o2ath-gen-'));
    const stderr: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (stderr.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect((await runKernelsCli(['gen', 'gemm', '--tile', 'mb=512,nb=512', '-o', dir])).exitCode).toBe(1);
      expect((await runKernelsCli(['gen', 'nope', '-o', dir])).exitCode).toBe(1);
    } finally {
      process.stderr.write = orig;
    }
    expect(stderr.join('')).toMatch(/LDM per CPE/);
    expect(stderr.join('')).toMatch(/unknown kernel 'nope'/);
  });
});
