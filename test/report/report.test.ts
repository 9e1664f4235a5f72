// `o2ath report` on the statistics of a real emulated run, and the model's arithmetic.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL, modelKernels } from '../../src/report/model.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

describe('o2ath report', () => {
  it('summarises the statistics an emulated program writes and models its time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'o2ath-report-'));
    const exe = join(dir, 'heat');
    execFileSync(process.execPath, [CLI, 'cc', '-O2', join(ROOT, 'examples', 'demo', 'heat2d.c'), '-o', exe, '-lm']);
    const stats = join(dir, 'stats.json');
    execFileSync(exe, { env: { ...process.env, O2ATH_EMU_STATS: stats } });
    const json = JSON.parse(readFileSync(stats, 'utf8')) as { spawn_count: number; kernels: { name: string; spawns: number }[] };
    // heat2d spawns: 1 initialise, 40 steps, 1 + 4 + 1 total_heat.
    expect(json.spawn_count).toBe(47);
    expect(json.kernels.find((k) => k.name === 'o2ath_step_1')?.spawns).toBe(40);
    const out = execFileSync(process.execPath, [CLI, 'report', stats], { encoding: 'utf8' });
    expect(out).toMatch(/^target SW26010-Pro: 64 CPEs, 256\.0 KiB LDM each$/m);
    expect(out).toMatch(/^o2ath_step_1\s+40\s/m);
    expect(out).toMatch(/^modelled SW26010-Pro time for one core group: [\d.]+ (ms|s|us) \(DMA alone/m);
  });

  it('adds spawn costs to the larger of DMA and compute time', () => {
    const p = { ...MODEL.sw26010pro, spawnSeconds: 1e-5 };
    // 51.2 MB of DMA takes 1 ms; kernel a computes 2 ms (compute-bound), b 0 s (DMA-bound share 0).
    const m = modelKernels([{ name: 'a', spawns: 2, seconds: 2e-3 }], 51.2e6, p);
    expect(m.dmaSeconds).toBeCloseTo(1e-3, 12);
    expect(m.kernels[0]!.modelSeconds).toBeCloseTo(2 * 1e-5 + 2e-3, 12);
    const d = modelKernels([{ name: 'b', spawns: 1, seconds: 1e-4 }], 512e6, p);
    expect(d.kernels[0]!.modelSeconds).toBeCloseTo(1e-5 + 1e-2, 12);
  });
});
