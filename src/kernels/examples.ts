// The examples under examples/ml: one C program per method, built on the emulator against the kernels
// it chains (f32 bundles) and run in an output directory. `o2ath kernels example NAME`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findKernel } from './catalog.js';
import { makeBundle, writeBundle } from './bundle.js';
import { buildProgram, resolveRuntime } from './toolchain.js';
import { packageRoot } from './paths.js';

const run = promisify(execFile);

export interface ExampleSpec {
  readonly name: string;
  readonly method: string;
  readonly kernels: readonly string[];
  readonly claim: string;
}

export const EXAMPLES: readonly ExampleSpec[] = [
  { name: 'airnet', method: 'AirNet', kernels: ['gemm', 'softmax', 'optim', 'rng', 'topk'], claim: 'accuracy of a trained classifier sent over AWGN rises with SNR; pruning + repetition helps at low SNR' },
  { name: 'mamo', method: 'MAMo', kernels: ['gemm', 'attention', 'norm', 'topk'], claim: 'memory keeps the most attended tokens; cross-attention output per frame' },
  { name: 'moe', method: 'MoV/MoLoRA', kernels: ['moe'], claim: 'S = 1 gives y = x; B = 0 leaves y; trained-like experts change y' },
  { name: 'audrandaug', method: 'AudRandAug', kernels: ['stft', 'gemm', 'specaug'], claim: 'log-mel spectrograms and their RandAugment views, written as PGM images' },
  { name: 'angulargrad', method: 'AngularGrad', kernels: ['gemm', 'softmax', 'optim'], claim: 'an MLP trains with AngularGrad (cos, tan) and Adam; CPE run identical to the serial reference optimizer' },
  { name: 'xai', method: 'XAI guide', kernels: ['gemm', 'softmax', 'optim', 'attrib'], claim: 'integrated gradients satisfy completeness; Grad-CAM map' },
  { name: 'graphnorm', method: 'GraphNorm', kernels: ['gemm', 'csr', 'norm'], claim: 'GIN forward with GraphNorm: per-graph normalised statistics, readout' },
  { name: 'lowpower', method: 'Low-power', kernels: ['gemm', 'softmax', 'optim', 'quant', 'topk'], claim: 'accuracy under int8/4/2-bit quantisation and magnitude pruning; KD loss' },
  { name: 'bertkd', method: 'BERT vocab KD', kernels: ['gemm', 'softmax', 'norm'], claim: 'MLM cross-entropy over 30522 words (ln |V| at init), KD and projection losses' },
  { name: 'onet', method: 'ONet', kernels: ['gemm', 'mcubes'], claim: 'CBN decoder evaluated on a grid, iso-surface written as a closed PLY mesh' },
];

export const examplesDir = path.join(packageRoot, 'examples', 'ml');

export interface ExampleResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly error?: string;
}

/** Builds examples/ml/NAME/main.c with its kernels and runs it with `outDir` as working directory. */
export async function runExample(name: string, outDir: string): Promise<ExampleResult> {
  const ex = EXAMPLES.find((e) => e.name === name);
  if (!ex) return { ok: false, stdout: '', error: `unknown example '${name}' (have: ${EXAMPLES.map((e) => e.name).join(', ')})` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `o2ath-ex-${name}-`));
  const host = new Set<string>();
  const slave = new Set<string>();
  for (const k of ex.kernels) {
    const spec = findKernel(k);
    if (!spec) throw new Error(`example ${name}: unknown kernel ${k}`);
    const b = makeBundle(spec, { dtype: 'f32' }, ['header', 'host', 'slave', 'ref']);
    writeBundle(dir, b);
    b.hostSources.forEach((s) => host.add(s));
    b.slaveSources.forEach((s) => slave.add(s));
  }
  fs.copyFileSync(path.join(examplesDir, name, 'main.c'), path.join(dir, 'main.c'));
  fs.copyFileSync(path.join(examplesDir, 'common', 'ex_util.h'), path.join(dir, 'ex_util.h'));
  const rt = await resolveRuntime();
  const exe = path.join(dir, name);
  try {
    await buildProgram({ dir, hostSources: [...host, 'main.c'], slaveSources: [...slave], output: exe }, rt);
  } catch (e) {
    return { ok: false, stdout: '', error: String((e as { stderr?: unknown }).stderr ?? e) };
  }
  fs.mkdirSync(outDir, { recursive: true });
  try {
    const { stdout } = await run(exe, [], { cwd: outDir, maxBuffer: 1 << 24, timeout: 600_000 });
    fs.rmSync(dir, { recursive: true, force: true });
    return { ok: true, stdout };
  } catch (e) {
    const o = e as { stdout?: unknown; stderr?: unknown };
    return { ok: false, stdout: String(o.stdout ?? ''), error: String(o.stderr ?? e) };
  }
}
