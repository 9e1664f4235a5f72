// `o2ath kernels bench`: runs each kernel's test program in bench mode (a larger problem on 64 CPEs),
// reads the DMA bytes the CPEs counted, compares them with the minimum for the LDM tile and applies
// the SW26010-Pro model of model.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import type { Dtype, KernelSpec } from './types.js';
import { buildTestProgram, errText } from './runner.js';
import { benchModel } from './bench-models.js';
import { model, type ModelResult } from './model.js';
import { targetInfo } from './target.js';

const run = promisify(execFile);

export interface BenchRow {
  readonly kernel: string;
  readonly dtype: Dtype;
  readonly case: string;
  readonly dims: Readonly<Record<string, number>>;
  readonly tile: Readonly<Record<string, number>>;
  readonly dmaBytes: number;
  readonly minBytes: number;
  readonly ratio: number;
  readonly minDoc: string;
  readonly model?: ModelResult;
  readonly emulatorSeconds: number;
  /** DMA bytes runtime-c counted over the whole bench program (all its cases), when O2ATH_EMU_STATS works. */
  readonly runtimeDmaBytes?: number;
  /** Largest LDM high-water mark of any CPE over the run, from runtime-c. */
  readonly ldmHighWater?: number;
  readonly error?: string;
}

interface RuntimeTotals {
  readonly dma: number;
  readonly ldm: number;
}

/** Totals from runtime-c's O2ATH_EMU_STATS file, if it wrote one. */
function readRuntimeStats(file: string): RuntimeTotals | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { totals?: Record<string, number> };
    const t = j.totals;
    if (!t) return undefined;
    return { dma: (t['dma_get_bytes'] ?? 0) + (t['dma_put_bytes'] ?? 0), ldm: t['ldm_high_water_bytes_max'] ?? 0 };
  } catch {
    return undefined;
  }
}

/** `BENCH case=NAME key=value ...` lines printed by a test program run as `prog ORACLE bench`. */
export function parseBenchLines(stdout: string): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('BENCH ')) continue;
    const r: Record<string, string> = {};
    for (const kv of line.slice(6).trim().split(/\s+/)) {
      const i = kv.indexOf('=');
      if (i > 0) r[kv.slice(0, i)] = kv.slice(i + 1);
    }
    rows.push(r);
  }
  return rows;
}

/** Extra tile variants benchmarked next to the default, to show what a design choice buys. */
const VARIANTS: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, number>>>>> = {
  // Without the mesh broadcasts every CPE streams its own panels: 8x the A and B traffic at n = 1024.
  gemm: [{ mesh: 0 }],
};

export async function benchKernel(spec: KernelSpec, dtype: Dtype, tile: Readonly<Record<string, number>> = {}): Promise<BenchRow[]> {
  const info = targetInfo('sw26010pro');
  const bm = benchModel(spec.name);
  const empty = (error: string): BenchRow[] => [
    { kernel: spec.name, dtype, case: '-', dims: {}, tile: {}, dmaBytes: 0, minBytes: 0, ratio: 0, minDoc: bm.minDoc, emulatorSeconds: 0, error },
  ];
  let built;
  try {
    built = await buildTestProgram(spec, dtype, undefined, 'sw26010pro', tile);
  } catch (e) {
    return empty(errText(e));
  }
  try {
    const statsFile = `${built.dir}/emu-stats.json`;
    const { stdout } = await run(built.exe, [built.oracle, 'bench'], {
      maxBuffer: 1 << 24,
      timeout: 600_000,
      env: { ...process.env, O2ATH_EMU_STATS: statsFile },
    });
    const rt = readRuntimeStats(statsFile);
    const rows = parseBenchLines(stdout);
    if (rows.length === 0) return empty('bench mode printed no BENCH line');
    return rows.map((r) => {
      const dims: Record<string, number> = {};
      for (const [k, v] of Object.entries(r)) if (k !== 'case' && Number.isFinite(Number(v))) dims[k] = Number(v);
      const dmaBytes = dims['dma_bytes'] ?? 0;
      if (dmaBytes === 0) {
        return { kernel: spec.name, dtype, case: r['case'] ?? '-', dims, tile: built.plan.tile, dmaBytes, minBytes: 0, ratio: 0,
                 minDoc: bm.minDoc, emulatorSeconds: 0, error: 'the kernel moved no data (it rejected the bench problem)' };
      }
      const minBytes = bm.minBytes(dims, built.plan.tile, built.plan.esize);
      const m = model(info, { flops: bm.flops(dims), dmaBytes, imbalance: bm.imbalance(dims, built.plan.tile, info.cpes), dtype });
      return {
        kernel: spec.name,
        dtype,
        case: r['case'] ?? '-',
        dims,
        tile: built.plan.tile,
        dmaBytes,
        minBytes,
        ratio: minBytes > 0 ? dmaBytes / minBytes : 0,
        minDoc: bm.minDoc,
        model: m,
        emulatorSeconds: dims['wall_s'] ?? 0,
        ...(rt ? { runtimeDmaBytes: rt.dma, ldmHighWater: rt.ldm } : {}),
      };
    });
  } catch (e) {
    return empty(errText(e));
  } finally {
    fs.rmSync(built.dir, { recursive: true, force: true });
  }
}

export async function runBench(specs: readonly KernelSpec[], only?: Dtype): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const s of specs)
    for (const dt of s.dtypes) {
      if (only && dt !== only) continue;
      rows.push(...(await benchKernel(s, dt)));
      for (const v of VARIANTS[s.name] ?? []) rows.push(...(await benchKernel(s, dt, v)));
    }
  return rows;
}

const mb = (b: number): string => (b / 1e6).toFixed(2);

export function formatBench(rows: readonly BenchRow[]): string {
  const info = targetInfo('sw26010pro');
  const lines = [
    'Modelled upper bounds: compute at peak assumes a SIMD micro-kernel sustaining 16 flop/cycle/CPE (the emulated',
    'C loops are scalar); DMA fully overlapped (K1, K4, K8, K9, K10 double-buffer; the others issue synchronous',
    'gets, so for them t_comp + t_dma is the more realistic time, close to t_dma as all are DMA-bound);',
    'mesh broadcasts, RMA and DMA latency are not modelled; int8 ops (quant) are counted at the fp peak.',
    `model: SW26010-Pro core group, ${info.cpes} CPEs x ${info.clockHz / 1e9} GHz x ${info.flopPerCycle.f64} flop/cycle = ` +
      `${((info.cpes * info.clockHz * info.flopPerCycle.f64) / 1e9).toFixed(0)} GFLOP/s peak (fp32 = fp64: floatv8), ` +
      `DMA ${info.dmaBytesPerSec / 1e9} GB/s; t = max(flops/peak x imbalance, DMA bytes/bandwidth)`,
    '',
    'kernel      dtype case            DMA MB    min MB  ratio   t_comp us   t_dma us  GFLOP/s  %peak  bound    tile',
  ];
  for (const r of rows) {
    if (r.error || !r.model) {
      lines.push(`${r.kernel.padEnd(11)} ${r.dtype.padEnd(5)} ERROR ${r.error?.split('\n')[0] ?? ''}`);
      continue;
    }
    const m = r.model;
    lines.push(
      [
        r.kernel.padEnd(11),
        r.dtype.padEnd(5),
        r.case.padEnd(14),
        mb(r.dmaBytes).padStart(9),
        mb(r.minBytes).padStart(9),
        r.ratio.toFixed(3).padStart(6),
        (m.tComputeS * 1e6).toFixed(1).padStart(11),
        (m.tDmaS * 1e6).toFixed(1).padStart(10),
        m.gflops.toFixed(1).padStart(8),
        (m.fractionOfPeak * 100).toFixed(1).padStart(6),
        m.bound.padEnd(8),
        Object.entries(r.tile).map(([k, v]) => `${k}=${v}`).join(','),
      ].join(' '),
    );
  }
  const docs = [...new Set(rows.map((r) => `${r.kernel}: minimum = ${r.minDoc}`))];
  // Cross-check of the kernels' own byte counters against runtime-c's statistics (whole program run;
  // runtime-c also counts the 16-byte stats slot each CPE writes per spawn).
  const checks: string[] = [];
  const seen = new Set<string>();
  const tileText = (r: BenchRow): string => Object.entries(r.tile).map(([k, v]) => `${k}=${v}`).join(',');
  for (const r of rows) {
    const key = `${r.kernel} ${r.dtype} ${tileText(r)}`;
    if (seen.has(key) || r.runtimeDmaBytes === undefined) continue;
    seen.add(key);
    const own = rows.filter((x) => `${x.kernel} ${x.dtype} ${tileText(x)}` === key).reduce((a, x) => a + x.dmaBytes, 0);
    checks.push(
      `${`${r.kernel} ${r.dtype}`.padEnd(18)} runtime-c ${mb(r.runtimeDmaBytes)} MB, kernel counters ${mb(own)} MB, LDM high-water ${((r.ldmHighWater ?? 0) / 1024).toFixed(0)} KB  (${tileText(r)})`,
    );
  }
  const cross = checks.length > 0 ? ['', 'cross-check with runtime-c O2ATH_EMU_STATS (whole bench run):', ...checks] : [];
  return [...lines, '', ...docs, ...cross].join('\n');
}
