// `o2ath kernels list|gen|test|bench`: the ML kernel library's subcommand. The CLI owner registers it
// on the root program with registerKernelsCommand(program).
import type { Command } from 'commander';
import path from 'node:path';
import { KERNELS, findKernel } from './catalog.js';
import { PlanError, parseTileOption } from './plan.js';
import type { Dtype, KernelSpec, Target } from './types.js';
import { testKernel, type KernelTestResult } from './runner.js';
import { generateKernel } from './gen.js';
import { runBench, formatBench } from './bench.js';
import { EXAMPLES, runExample } from './examples.js';

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function err(text: string): void {
  process.stderr.write(`o2ath kernels: ${text}\n`);
}

function pick(name: string | undefined): KernelSpec[] | undefined {
  if (name === undefined) return [...KERNELS];
  const k = findKernel(name);
  if (!k) {
    err(`unknown kernel '${name}' (try: o2ath kernels list)`);
    return undefined;
  }
  return [k];
}

function listText(): string {
  const rows = KERNELS.map((k) => [k.id, k.name, k.dtypes.join(','), k.deterministic ? 'yes' : 'stat', k.methods.join(', ')]);
  const head = ['id', 'name', 'dtypes', 'bit-exact', 'methods served'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]!))).join('  ');
  const lines = [line(head), ...rows.map(line), ''];
  for (const k of KERNELS) {
    lines.push(`${k.id} ${k.name}: entry points ${k.entryPoints.join(', ')}; default tile f32 ${JSON.stringify(k.defaultTile('f32', 'sw26010pro'))}`);
    for (const p of k.params) lines.push(`    ${p.name}: ${p.doc}`);
  }
  return lines.join('\n');
}

function formatResult(r: KernelTestResult, verbose: boolean): string {
  const lines = [`${r.ok ? 'PASS' : 'FAIL'} ${r.kernel} ${r.dtype}  (${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks, ${r.seconds.toFixed(1)} s)`];
  for (const c of r.checks) if (verbose || !c.ok) lines.push(`    ${c.ok ? 'pass' : 'FAIL'} ${c.name} ${c.detail}`);
  if (r.error) lines.push(r.error.split('\n').map((l) => `    ${l}`).join('\n'));
  return lines.join('\n');
}

export async function runKernelTests(specs: readonly KernelSpec[], verbose: boolean, target: Target = 'sw26010pro'): Promise<KernelTestResult[]> {
  const results: KernelTestResult[] = [];
  for (const spec of specs) {
    for (const dt of spec.dtypes) {
      const r = await testKernel(spec, dt, undefined, target);
      out(formatResult(r, verbose));
      results.push(r);
    }
  }
  return results;
}

export function registerKernelsCommand(program: Command): void {
  const k = program.command('kernels').description('CPE kernels for the ML methods (ml-kernels.md K1-K14)');
  k.command('list')
    .description('list the kernels: name, methods served, parameters')
    .action(() => out(listText()));
  k.command('gen')
    .description('write the host API header, host C, CPE C and a usage example for one kernel')
    .argument('<name>', 'kernel name or id (e.g. gemm or K1)')
    .option('--dtype <dtype>', 'f32 or f64', 'f32')
    .option('--target <target>', 'sw26010pro or sw26010', 'sw26010pro')
    .option('--tile <list>', 'tile overrides, e.g. mb=64,nb=64,kb=32')
    .requiredOption('-o, --output <dir>', 'output directory')
    .action((name: string, o: { dtype: string; target: string; tile?: string; output: string }) => {
      const specs = pick(name);
      if (!specs) return void (process.exitCode = 1);
      if (o.dtype !== 'f32' && o.dtype !== 'f64') return void (err(`--dtype must be f32 or f64`), (process.exitCode = 2));
      if (o.target !== 'sw26010pro' && o.target !== 'sw26010') return void (err(`--target must be sw26010pro or sw26010`), (process.exitCode = 2));
      try {
        const tile = o.tile ? parseTileOption(o.tile) : {};
        const files = generateKernel(specs[0]!, { dtype: o.dtype as Dtype, target: o.target as Target, tile }, path.resolve(o.output));
        out(files.map((f) => `wrote ${f}`).join('\n'));
      } catch (e) {
        if (e instanceof PlanError) return void (err(e.message), (process.exitCode = 1));
        throw e;
      }
    });
  k.command('test')
    .description('build each kernel on the emulator and compare with its serial C reference and oracle data')
    .argument('[name]', 'kernel name or id; all when omitted')
    .option('-v, --verbose', 'print every check')
    .option('--target <target>', 'sw26010pro (runtime-c default) or sw26010 (classic emulation)', 'sw26010pro')
    .action(async (name: string | undefined, o: { verbose?: boolean; target: string }) => {
      const specs = pick(name);
      if (!specs) return void (process.exitCode = 1);
      if (o.target !== 'sw26010pro' && o.target !== 'sw26010') return void (err(`--target must be sw26010pro or sw26010`), (process.exitCode = 2));
      const results = await runKernelTests(specs, o.verbose ?? false, o.target);
      const failed = results.filter((r) => !r.ok);
      out(`kernels test: ${results.length - failed.length}/${results.length} passed`);
      if (failed.length > 0) process.exitCode = 1;
    });
  k.command('example')
    .description('build and run one of the method examples of examples/ml (lists them without a name)')
    .argument('[name]', 'example name')
    .option('-o, --output <dir>', 'directory for the files the example writes', '.')
    .action(async (name: string | undefined, o: { output: string }) => {
      if (name === undefined) {
        out(EXAMPLES.map((e) => `${e.name.padEnd(12)} ${e.method.padEnd(14)} kernels ${e.kernels.join(', ')}: ${e.claim}`).join('\n'));
        return;
      }
      const r = await runExample(name, path.resolve(o.output));
      out(r.stdout);
      if (!r.ok) {
        err(r.error ?? 'failed');
        process.exitCode = 1;
      }
    });
  k.command('bench')
    .description('DMA bytes against the minimum for the LDM tile, and modelled SW26010-Pro GFLOP/s')
    .argument('[name]', 'kernel name or id; all when omitted')
    .option('--json', 'machine-readable output')
    .option('--dtype <dtype>', 'only this dtype (f32 or f64)')
    .action(async (name: string | undefined, o: { json?: boolean; dtype?: string }) => {
      const specs = pick(name);
      if (!specs) return void (process.exitCode = 1);
      if (o.dtype !== undefined && o.dtype !== 'f32' && o.dtype !== 'f64') return void (err(`--dtype must be f32 or f64`), (process.exitCode = 2));
      const rows = await runBench(specs, o.dtype as Dtype | undefined);
      out(o.json ? JSON.stringify(rows, null, 2) : formatBench(rows));
      if (rows.some((r) => r.error)) process.exitCode = 1;
    });
}
