// Emulator speed against libgomp, measured in the same run on the same machine:
// spawn+join of an empty kernel vs an empty `#pragma omp parallel`, a CPE barrier vs
// `#pragma omp barrier`, DMA get throughput vs memcpy. Prints the ratios (emulator / libgomp).
//
// usage: node bench/run.mjs [--seconds=S] [--json] [--omp-threads=N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const rt = join(root, 'runtime-c');

const opt = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    return [m[1], m[2] ?? 'true'];
  }),
);
const seconds = Number(opt.seconds ?? '1');
const ompThreads = String(opt['omp-threads'] ?? '2');
const cc = process.env.CC ?? 'gcc';

function run(cmd, args, env = {}) {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** "name value unit" lines → { name: value } */
function parse(text) {
  const out = {};
  for (const line of text.trim().split('\n')) {
    const [name, value] = line.split(/\s+/);
    out[name] = Number(value);
  }
  return out;
}

run('make', ['-s', '-C', rt, '-j2', 'all']);
const dir = mkdtempSync(join(tmpdir(), 'o2ath-bench-'));
try {
  // The emulated program is built exactly as the driver builds one: MPE object,
  // CPE object with its functions renamed slave_*, runtime archive.
  const flags = ['-O2', '-pthread', `-I${join(rt, 'include')}`];
  const emu = join(dir, 'emu');
  run(cc, [...flags, '-D__sw_host__', '-c', join(here, 'emu.c'), '-o', `${emu}.host.o`]);
  run(cc, [...flags, '-D__sw_slave__', '-c', join(here, 'emu.c'), '-o', `${emu}.slave.o`]);
  run('sh', [join(rt, 'tools', 'slave-rename.sh'), `${emu}.slave.o`]);
  run(cc, ['-pthread', `${emu}.host.o`, `${emu}.slave.o`, join(rt, 'build', 'libo2athrt.a'), '-o', emu]);
  const omp = join(dir, 'omp');
  run(cc, ['-O2', '-fopenmp', join(here, 'omp.c'), '-o', omp]);

  const load = loadavg()[0];
  // Interleave the two so that both see the same machine load.
  const e = parse(run(emu, [String(seconds)]));
  const g = parse(run(omp, [String(seconds)], { OMP_NUM_THREADS: ompThreads }));

  const rows = [
    ['spawn+join, empty kernel, 64 CPEs', e.spawn_join_64, 'us', 'omp parallel, empty', g.omp_parallel, 'us', e.spawn_join_64 / g.omp_parallel],
    ['spawn+join, empty kernel, 2 CPEs', e.spawn_join_2, 'us', 'omp parallel, empty', g.omp_parallel, 'us', e.spawn_join_2 / g.omp_parallel],
    ['barrier, 64 CPEs', e.barrier_64, 'us', 'omp barrier', g.omp_barrier, 'us', e.barrier_64 / g.omp_barrier],
    ['DMA get, 64 CPEs x 32 KB tiles', e.dma_get_64, 'GB/s', 'memcpy, 32 KB tiles', g.memcpy_omp, 'GB/s', g.memcpy_omp / e.dma_get_64],
  ];

  if (opt.json) {
    console.log(
      JSON.stringify(
        { cores: cpus().length, load1: load, ompThreads: Number(ompThreads), emulator: e, libgomp: g,
          ratios: Object.fromEntries(rows.map((r) => [r[0], r[6]])) },
        null,
        2,
      ),
    );
  } else {
    console.log(`o2ath emulated CPE runtime vs libgomp (OMP_NUM_THREADS=${ompThreads}); ${cpus().length} cores, load ${load.toFixed(1)}`);
    console.log('ratio = emulator time / libgomp time (for throughput: libgomp GB/s / emulator GB/s)\n');
    const w = Math.max(...rows.map((r) => r[0].length));
    const w2 = Math.max(...rows.map((r) => r[3].length));
    for (const [a, av, au, b, bv, bu, ratio] of rows) {
      console.log(
        `${a.padEnd(w)}  ${av.toFixed(2).padStart(9)} ${au.padEnd(4)}  |  ${b.padEnd(w2)}  ${bv.toFixed(2).padStart(8)} ${bu.padEnd(4)}  |  ${ratio.toFixed(1).padStart(7)}x`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
