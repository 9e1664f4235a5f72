// Per-kernel formulas for `o2ath kernels bench`: flops of one call, the minimum DMA traffic for the
// chosen LDM tile, and the work imbalance across CPEs. Sizes (`dims`) come from the BENCH line the
// kernel's test program prints in bench mode.
type Dims = Readonly<Record<string, number>>;
type Tile = Readonly<Record<string, number>>;

export interface BenchModel {
  /** What "minimum" means for this kernel, printed with the figures. */
  readonly minDoc: string;
  readonly flops: (d: Dims) => number;
  readonly minBytes: (d: Dims, t: Tile, esize: number) => number;
  readonly imbalance: (d: Dims, t: Tile, cpes: number) => number;
}

const ceil = (a: number, b: number): number => Math.ceil(a / b);

/** The C block one DMA pass serves: a CPE's tile, or the mesh's 8x8 sub-tiles (as gemm/slave.c.hbs sizes them). */
function gemmBlock(d: Dims, t: Tile): [number, number] {
  if (!t['mesh']) return [t['mb']!, t['nb']!];
  return [8 * Math.min(t['mb']!, ceil(d['M']!, 8)), 8 * Math.min(t['nb']!, ceil(d['N']!, 8))];
}

/** Kernels that read each input once and write each output once: the minimum is that compulsory traffic,
 *  reported by the program as `compulsory` bytes. */
const streaming = (minDoc = 'compulsory traffic: every input read once, every output written once'): BenchModel => ({
  minDoc,
  flops: (d) => d['flops'] ?? (d['n'] ?? 0) * (d['flops_per_elem'] ?? 1),
  minBytes: (d) => d['compulsory'] ?? 0,
  imbalance: () => 1,
});

export const BENCH_MODELS: Readonly<Record<string, BenchModel>> = {
  gemm: {
    minDoc:
      'each C block held in LDM reads its A row panel and B column panel once and writes C once; with mesh=1 on ' +
      '64 CPEs the block is the core group\'s (8 mb) x (8 nb), sub-tiles shrunk to ceil(M/8) x ceil(N/8) for small problems',
    flops: (d) => 2 * d['M']! * d['N']! * d['K']! * (d['batch'] ?? 1),
    minBytes: (d, t, e) => {
      const M = d['M']!, N = d['N']!, K = d['K']!, b = d['batch'] ?? 1;
      const [bm, bn] = gemmBlock(d, t);
      // Reads: every A row panel is needed by ceil(N/bn) blocks, every B column panel by ceil(M/bm).
      return e * b * (M * K * ceil(N, bn) + K * N * ceil(M, bm) + M * N * (d['beta'] ? 2 : 1));
    },
    imbalance: (d, t, cpes) => {
      const b = d['batch'] ?? 1;
      if (t['mesh'] && cpes === 64) {
        // Every block occupies the whole mesh; CPEs whose sub-tile falls outside the matrix idle.
        const [bm, bn] = gemmBlock(d, t);
        const busy = (b * d['M']! * d['N']!) / (bm * bn);
        return (b * ceil(d['M']!, bm) * ceil(d['N']!, bn)) / busy;
      }
      const tiles = b * ceil(d['M']!, t['mb']!) * ceil(d['N']!, t['nb']!);
      return ceil(tiles, cpes) / (tiles / cpes);
    },
  },
};

/** What each streaming kernel's test program reports as its floor, and why it moves more. */
const STREAMING_DOCS: Readonly<Record<string, string>> = {
  quant: 'int8 GEMM with rb-row A blocks in LDM: A once, W once per row block, Y once',
  softmax: 'z read once, outputs written once (rows wider than the LDM tile are read twice: online max/sum, then outputs)',
  attention: 'flash-style for a qb-query block: Q and O once, K and V once per query block',
  norm: 'x read once, y written once (statistics read x once more by Welford, twice with a GraphNorm alpha: sums, then shifted squares)',
  csr: 'one feature-row gather per edge (no cache in LDM), indices, self rows and output once',
  moe: 'x read by the router GEMM and by the apply, y written once',
  optim: 'AngularGrad: pass 1 reads p, g, g_prev, min; pass 2 reads and writes all seven arrays',
  rng: 'theta read once, theta_hat written once (the power pass reads theta a second time)',
  topk: 'x read once, mask written once (radix select reads x in 4 histogram passes, 2 count passes, 1 mask pass)',
  stft: 'samples read once, power written once (frames overlapping by nfft - hop re-read samples)',
  specaug: 'X read once, Y written once (every op step reads and writes the batch)',
  attrib: 'IG path and accumulation: x, x0 once, steps x n path written and read once, IG written once',
  mcubes: 'grid read once, triangles written once (every interior plane is read by two slabs)',
};

export function benchModel(kernel: string): BenchModel {
  return BENCH_MODELS[kernel] ?? streaming(STREAMING_DOCS[kernel]);
}
