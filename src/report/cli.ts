// `o2ath report stats.json`: what an emulated run did (from O2ATH_EMU_STATS) and a modelled
// SW26010-Pro (or SW26010) time for one core group.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { MODEL, modelKernels } from './model.js';
import type { Target } from '../translate.js';

interface Stats {
  target: string;
  ldm_bytes: number;
  cpes: number;
  kernels: { name: string; spawns: number; seconds: number }[];
  spawn_count: number;
  per_cpe: { id: number; dma_get_bytes: number; dma_put_bytes: number; rma_bytes: number; barriers: number; ldm_high_water_bytes: number }[];
  totals: { dma_get_bytes: number; dma_get_calls: number; dma_put_bytes: number; dma_put_calls: number; rma_bytes: number; rma_calls: number; barriers: number; ldm_high_water_bytes_max: number };
}

const fmtBytes = (n: number) => (n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GiB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(2)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`);
const fmtSec = (s: number) => (s >= 1 ? `${s.toFixed(3)} s` : s >= 1e-3 ? `${(s * 1e3).toFixed(3)} ms` : `${(s * 1e6).toFixed(1)} us`);

export function renderReport(stats: Stats, opts: { spawnUs?: number; computeScale?: number } = {}): string {
  const target: Target = /26010$|classic/i.test(stats.target) && !/pro/i.test(stats.target) ? 'sw26010' : 'sw26010pro';
  const base = MODEL[target];
  const p = { ...base, spawnSeconds: opts.spawnUs !== undefined ? opts.spawnUs * 1e-6 : base.spawnSeconds, computeScale: opts.computeScale ?? base.computeScale };
  const t = stats.totals;
  const dma = t.dma_get_bytes + t.dma_put_bytes;
  const m = modelKernels(stats.kernels, dma, p);
  const lines: string[] = [];
  lines.push(`target ${stats.target}: ${stats.cpes} CPEs, ${fmtBytes(stats.ldm_bytes)} LDM each`);
  lines.push(`spawns ${stats.spawn_count}; DMA get ${fmtBytes(t.dma_get_bytes)} in ${t.dma_get_calls} calls, put ${fmtBytes(t.dma_put_bytes)} in ${t.dma_put_calls} calls; RMA ${fmtBytes(t.rma_bytes)}; barriers ${t.barriers}; LDM high water ${fmtBytes(t.ldm_high_water_bytes_max)}`);
  const per = stats.per_cpe.map((c) => c.dma_get_bytes + c.dma_put_bytes);
  if (per.length) lines.push(`DMA per CPE: min ${fmtBytes(Math.min(...per))}, max ${fmtBytes(Math.max(...per))}`);
  lines.push('');
  const w = Math.max(6, ...m.kernels.map((k) => k.name.length));
  lines.push(`${'kernel'.padEnd(w)}  spawns  emulated     modelled`);
  for (const k of m.kernels) lines.push(`${k.name.padEnd(w)}  ${String(k.spawns).padStart(6)}  ${fmtSec(k.seconds).padStart(10)}  ${fmtSec(k.modelSeconds).padStart(10)}`);
  lines.push('');
  lines.push(`modelled ${target === 'sw26010pro' ? 'SW26010-Pro' : 'SW26010'} time for one core group: ${fmtSec(m.total)} (DMA alone ${fmtSec(m.dmaSeconds)})`);
  lines.push('model parameters:');
  for (const s of p.sources) lines.push(`  - ${s}`);
  lines.push('  - kernels that read main memory directly (gld/gst, as translated loops do) move data the emulator does not count as DMA');
  return lines.join('\n') + '\n';
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('summarise an O2ATH_EMU_STATS file and model the run on the Sunway core group')
    .argument('<stats.json>', 'file written by an emulated program run with O2ATH_EMU_STATS=path')
    .option('--spawn-us <us>', 'modelled cost of one spawn + join, microseconds', Number)
    .option('--compute-scale <x>', 'host seconds of compute per CPE-cluster second', Number)
    .action((path: string, opts: { spawnUs?: number; computeScale?: number }) => {
      const stats = JSON.parse(readFileSync(path, 'utf8')) as Stats;
      process.stdout.write(renderReport(stats, opts));
    });
}
