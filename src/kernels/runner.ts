// `o2ath kernels test`: renders each kernel with its test program, builds it on the emulator, runs it
// against the committed oracle file and collects the PASS/FAIL lines it prints.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dtype, KernelPlan, KernelSpec, Target } from './types.js';
import { makeBundle, writeBundle } from './bundle.js';
import { buildProgram, resolveRuntime } from './toolchain.js';
import { oracleDataDir } from './paths.js';
import { kernelFileName } from './render.js';

const run = promisify(execFile);

export interface CheckLine {
  readonly ok: boolean;
  readonly name: string;
  readonly detail: string;
}

export interface KernelTestResult {
  readonly kernel: string;
  readonly dtype: Dtype;
  readonly ok: boolean;
  readonly checks: readonly CheckLine[];
  /** Build or run failure text, when the program did not produce a summary. */
  readonly error?: string;
  readonly seconds: number;
}

export function parseChecks(stdout: string): CheckLine[] {
  const out: CheckLine[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^(PASS|FAIL) (\S+) ?(.*)$/.exec(line);
    if (m) out.push({ ok: m[1] === 'PASS', name: m[2]!, detail: m[3]! });
  }
  return out;
}

export function errText(e: unknown): string {
  if (e && typeof e === 'object' && 'stderr' in e) {
    const o = e as { stderr?: unknown; stdout?: unknown; message?: unknown };
    return `${String(o.message ?? '')}\n${String(o.stdout ?? '')}\n${String(o.stderr ?? '')}`.trim();
  }
  return String(e);
}

export interface BuiltTest {
  readonly dir: string;
  readonly exe: string;
  readonly oracle: string;
  readonly plan: KernelPlan;
}

/** Renders and builds a kernel's test program in a fresh directory. */
export async function buildTestProgram(
  spec: KernelSpec,
  dtype: Dtype,
  workRoot?: string,
  target: Target = 'sw26010pro',
  tile: Readonly<Record<string, number>> = {},
): Promise<BuiltTest> {
  const dir = fs.mkdtempSync(path.join(workRoot ?? os.tmpdir(), `o2ath-k-${spec.name}-${dtype}-`));
  const bundle = makeBundle(spec, { dtype, target, tile }, ['header', 'host', 'slave', 'ref', 'test']);
  writeBundle(dir, bundle);
  const rt = await resolveRuntime(target);
  const exe = path.join(dir, `swk_${spec.name}_test`);
  try {
    await buildProgram(
      { dir, hostSources: [...bundle.hostSources, kernelFileName(spec.name, 'test')], slaveSources: bundle.slaveSources, output: exe },
      rt,
    );
  } catch (e) {
    throw new Error(`${errText(e)}\n(kept ${dir})`);
  }
  return { dir, exe, oracle: path.join(oracleDataDir, `${spec.name}.txt`), plan: bundle.plan };
}

export async function testKernel(spec: KernelSpec, dtype: Dtype, workRoot?: string, target: Target = 'sw26010pro'): Promise<KernelTestResult> {
  const t0 = Date.now();
  const done = (r: Omit<KernelTestResult, 'seconds'>): KernelTestResult => ({ ...r, seconds: (Date.now() - t0) / 1000 });
  try {
    const { dir, exe, oracle } = await buildTestProgram(spec, dtype, workRoot, target);
    let stdout = '';
    let error: string | undefined;
    try {
      ({ stdout } = await run(exe, [oracle], { maxBuffer: 1 << 24, timeout: 300_000 }));
    } catch (e) {
      stdout = String((e as { stdout?: unknown }).stdout ?? '');
      error = errText(e);
    }
    const checks = parseChecks(stdout);
    const summary = /SUMMARY \S+ pass=\d+ fail=0/.test(stdout);
    const ok = summary && checks.length > 0 && checks.every((c) => c.ok);
    if (ok) fs.rmSync(dir, { recursive: true, force: true });
    return done({ kernel: spec.name, dtype, ok, checks, ...(ok ? {} : { error: error ?? (summary ? undefined : `no summary; kept ${dir}`) }) });
  } catch (e) {
    return done({ kernel: spec.name, dtype, ok: false, checks: [], error: errText(e) });
  }
}
