// The kernel catalog: one row per CPE kernel of ml-kernels.md section 11 (K1-K14), with the methods it
// serves, its parameters, dtypes, default tile and the LDM it needs for a tile.
import type { KernelSpec } from './types.js';

const M = {
  airnet: 'AirNet',
  mamo: 'MAMo',
  moe: 'MoV/MoLoRA',
  aug: 'AudRandAug',
  ag: 'AngularGrad',
  xai: 'XAI guide',
  gn: 'GraphNorm',
  lp: 'Low-power',
  kd: 'BERT vocab KD',
  onet: 'ONet',
} as const;

const ENTRIES: readonly KernelSpec[] = [
  {
    name: 'gemm',
    id: 'K1',
    entryPoints: ['swk_gemm'],
    methods: [M.mamo, M.moe, M.aug, M.xai, M.gn, M.lp, M.kd, M.onet],
    params: [
      { name: 'mb, nb', doc: 'C tile rows/cols held in LDM per CPE' },
      { name: 'kb', doc: 'k-panel depth of the double-buffered A/B panels' },
      { name: 'mesh', doc: '1: on 64 CPEs share panels over the 8x8 mesh by DMA row/column broadcast (8 mb x 8 nb blocks); 0: private tiles' },
      { name: 'desc', doc: 'M,N,K,batch, transA/B, alpha/beta, prologue (affine+act per row group), K-group scale, bias/residual/act epilogue' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    // mesh=1: with all 64 CPEs the 8x8 mesh shares A row panels and B column panels by DMA row/column
    // broadcast, so the core group works on an (8 mb) x (8 nb) block and main-memory traffic drops 8x.
    // The classic SW26010 (64 KB LDM) has no CRTS broadcasts: private tiles only.
    defaultTile: (dt, target) =>
      target === 'sw26010'
        ? { mb: 32, nb: 32, kb: 16, mesh: 0 }
        : dt === 'f32'
          ? { mb: 128, nb: 128, kb: 32, mesh: 1 }
          : { mb: 64, nb: 64, kb: 32, mesh: 1 },
    tileFlags: ['mesh'],
    // 2 A panels + 2 B panels + C tile + bias + prologue (2) and K-group scale panels.
    ldmBytes: (t, e) => e * (2 * t['mb']! * t['kb']! + 2 * t['kb']! * t['nb']! + t['mb']! * t['nb']! + t['nb']! + 3 * t['mb']! * t['kb']!),
    deps: [],
  },
  {
    name: 'stft',
    id: 'K11',
    entryPoints: ['swk_stft_frames', 'swk_stft_power'],
    methods: [M.aug],
    params: [
      { name: 'nmax', doc: 'largest n_fft (power of two) held in LDM with its twiddles' },
      { name: 'nfft, hop, center, window', doc: 'torch.stft conventions: reflect padding by nfft/2 when center' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (_dt, tg) => ({ nmax: tg === 'sw26010' ? 1024 : 4096 }),
    ldmBytes: (t, e) => e * (5 * t['nmax']! + t['nmax']! / 2 + 1),
    deps: [],
  },
  {
    name: 'specaug',
    id: 'K12',
    entryPoints: ['swk_specaug', 'swk_randaug_ops'],
    methods: [M.aug],
    params: [
      { name: 'tmax', doc: 'longest time axis T (one spectrogram row in LDM)' },
      { name: 'ops', doc: 'per sample: time/freq mask, roll, gain dB, Philox noise, linear stretch, bin shift, to-dB' },
      { name: 'N, M, Mmax', doc: 'RandAugment: N ops with replacement at shared magnitude M / Mmax' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (_dt, tg) => ({ tmax: tg === 'sw26010' ? 2048 : 8192 }),
    ldmBytes: (t, e) => 2 * e * t['tmax']!,
    deps: [],
  },
  {
    name: 'attrib',
    id: 'K13',
    entryPoints: ['swk_ig_nodes', 'swk_ig_path', 'swk_ig_accum', 'swk_gradcam', 'swk_saliency'],
    methods: [M.xai],
    params: [
      { name: 'chunk', doc: 'elements per LDM chunk' },
      { name: 'smax, cmax', doc: 'most integration steps, most Grad-CAM channels' },
      { name: 'method', doc: 'integration nodes: gausslegendre (captum default) or riemann_right' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (_dt, tg) => (tg === 'sw26010' ? { chunk: 512, smax: 256, cmax: 1024 } : { chunk: 2048, smax: 256, cmax: 4096 }),
    ldmBytes: (t, e) => e * (4 * t['chunk']! + t['smax']! + t['cmax']!),
    deps: [],
  },
  {
    name: 'mcubes',
    id: 'K14',
    entryPoints: ['swk_mcubes_count', 'swk_mcubes_emit', 'swk_mcubes'],
    methods: [M.onet],
    params: [
      { name: 'plane', doc: 'largest nx * ny (two grid planes of a slab sit in LDM)' },
      { name: 'tb', doc: 'triangles buffered in LDM before each put' },
      { name: 'iso', doc: 'threshold (ONet: logit(0.2) = -1.386); inside is value > iso' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (dt, tg) =>
      tg === 'sw26010' ? { plane: dt === 'f32' ? 4096 : 2500, tb: 64 } : { plane: dt === 'f32' ? 17424 : 8464, tb: 128 },
    ldmBytes: (t, e) => e * (2 * t['plane']! + 9 * t['tb']!),
    deps: [],
  },
  {
    name: 'rng',
    id: 'K9',
    entryPoints: ['swk_philox_fill', 'swk_awgn_channel'],
    methods: [M.airnet, M.aug, M.xai],
    params: [
      { name: 'chunk', doc: 'elements per LDM chunk (also the fixed reduction chunk of the power sum)' },
      { name: 'seed, stream, offset', doc: 'Philox4x32-10 key and counter: element i uses block (offset+i)/4' },
      { name: 'snr_db, rep, mask', doc: 'AirNet channel: sigma_e^2 = mean(theta^2 kept) 10^(-snr/10) / rep' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (dt, tg) => ({ chunk: tg === 'sw26010' && dt === 'f64' ? 1024 : 4096 }),
    ldmBytes: (t, e) => t['chunk']! * (3 * e + 2),
    deps: [],
  },
  {
    name: 'quant',
    id: 'K2',
    entryPoints: ['swk_quant_params', 'swk_quantize', 'swk_gemm_q8', 'swk_quant_multiplier'],
    methods: [M.lp, M.airnet],
    params: [
      { name: 'chunk', doc: 'elements per LDM chunk for min/max and quantise' },
      { name: 'rb, wb, kmax', doc: 'int8 GEMM: A rows and W rows per LDM block, largest K' },
      { name: 'bits, symmetric', doc: 'affine (torch MinMaxObserver) or symmetric; round half to even' },
    ],
    dtypes: ['f32'],
    deterministic: true,
    defaultTile: (_dt, tg) => (tg === 'sw26010' ? { chunk: 1024, rb: 4, wb: 8, kmax: 2048 } : { chunk: 4096, rb: 16, wb: 32, kmax: 4096 }),
    ldmBytes: (t) => Math.max(9 * t['chunk']!, (t['rb']! + t['wb']!) * t['kmax']! + t['rb']! * t['wb']! + 4 * t['wb']!),
    deps: [],
  },
  {
    name: 'softmax',
    id: 'K3',
    entryPoints: ['swk_softmax_rows'],
    methods: [M.mamo, M.moe, M.lp, M.kd, M.onet],
    params: [
      { name: 'ct', doc: 'column tile streamed through LDM (rows wider than ct use the online max/sum)' },
      { name: 'mode', doc: 'PROB (optional top-k, no renormalisation), LOGPROB, CE_LOSS, KD_KL_T, BCE_LOGITS; inv_temp' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: () => ({ ct: 2048 }),
    ldmBytes: (t, e) => 3 * e * t['ct']!,
    deps: [],
  },
  {
    name: 'moe',
    id: 'K7',
    entryPoints: ['swk_mov', 'swk_molora'],
    methods: [M.moe],
    params: [
      { name: 'dc, tb, emax', doc: 'MoV apply: column chunk, tokens per work item, most experts' },
      { name: 'E, r, lora_alpha, topk', doc: 'experts, LoRA rank, scale alpha/r, router top-k (no renormalisation)' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (_dt, tg) => ({ dc: tg === 'sw26010' ? 64 : 256, tb: 64, emax: 64 }),
    ldmBytes: (t, e) => e * (t['emax']! * t['dc']! + 2 * t['dc']! + t['emax']!),
    deps: ['gemm', 'softmax'],
  },
  {
    name: 'optim',
    id: 'K8',
    entryPoints: ['swk_optim_step'],
    methods: [M.ag, M.airnet, M.gn],
    params: [
      { name: 'chunk', doc: 'elements per LDM chunk (7 arrays, two slots for double buffering)' },
      { name: 'cfg', doc: 'lr, b1, b2, eps, wd, variant ADAM | AG_TAN | AG_COS, step t' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    // Two slots of seven arrays (double buffering).
    defaultTile: (dt, tg) => ({ chunk: (tg === 'sw26010' ? 512 : 2048) / (dt === 'f32' ? 1 : 2) }),
    ldmBytes: (t, e) => 14 * e * t['chunk']!,
    deps: [],
  },
  {
    name: 'attention',
    id: 'K4',
    entryPoints: ['swk_attention'],
    methods: [M.mamo, M.kd, M.moe],
    params: [
      { name: 'qb, kb', doc: 'queries held in LDM per work item; keys/values streamed per double-buffered block' },
      { name: 'dmax', doc: 'largest head dimension' },
      { name: 'mask, col_score', doc: 'additive Lq x Lk mask; per-key max probability (MAMo memory scoring)' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (dt, tg) => (tg === 'sw26010' ? { qb: 16, kb: dt === 'f32' ? 16 : 8, dmax: 64 } : { qb: 32, kb: dt === 'f32' ? 32 : 16, dmax: 128 }),
    ldmBytes: (t, e) =>
      e * (2 * t['qb']! * t['dmax']! + 4 * t['kb']! * t['dmax']! + t['qb']! * t['kb']! + t['kb']!) + 8 * (2 * t['qb']! + t['qb']! * t['dmax']! + t['kb']!),
    deps: [],
  },
  {
    name: 'norm',
    id: 'K5',
    entryPoints: ['swk_segment_norm'],
    methods: [M.mamo, M.gn, M.kd, M.onet],
    params: [
      { name: 'rc', doc: 'rows per statistics chunk (fixed: results do not depend on the CPE count); Welford per chunk + Chan merge without alpha' },
      { name: 'cmax', doc: 'largest channel count C held in LDM' },
      { name: 'axis', doc: 'ROW (LayerNorm) or SEGMENT_COL (BN: 1 segment; IN/GraphNorm: per graph; CBN: per-segment gamma/beta)' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: (dt, tg) => (tg === 'sw26010' ? { rc: 8, cmax: 256 } : { rc: dt === 'f32' ? 32 : 16, cmax: 512 }),
    ldmBytes: (t, e) => 2 * e * t['rc']! * t['cmax']! + 3 * e * t['cmax']! + 3 * 8 * t['cmax']!,
    deps: [],
  },
  {
    name: 'csr',
    id: 'K6',
    entryPoints: ['swk_csr_aggregate'],
    methods: [M.gn],
    params: [
      { name: 'eb', doc: 'edge indices and weights fetched per batch' },
      { name: 'cmax', doc: 'largest feature width C' },
      { name: 'op', doc: 'SUM, MEAN, MAX; self_coef = 1 + eps (GIN); readout = one CSR row per graph' },
    ],
    dtypes: ['f32', 'f64'],
    deterministic: true,
    defaultTile: () => ({ eb: 256, cmax: 1024 }),
    ldmBytes: (t, e) => 3 * e * t['cmax']! + (4 + e) * t['eb']!,
    deps: [],
  },
  {
    name: 'topk',
    id: 'K10',
    entryPoints: ['swk_topk_threshold', 'swk_topk_mask', 'swk_topk_select'],
    methods: [M.airnet, M.lp, M.mamo],
    params: [
      { name: 'chunk', doc: 'elements per LDM chunk (fixed: tie ranks and offsets do not depend on the CPE count)' },
      { name: 'k, by_abs', doc: 'keep the k largest (|x| or x); ties at the threshold go to the lower index' },
    ],
    dtypes: ['f32'],
    deterministic: true,
    defaultTile: (_dt, tg) => ({ chunk: tg === 'sw26010' ? 2048 : 4096 }),
    ldmBytes: (t) => 17 * t['chunk']! + 8 * 256,
    deps: [],
  },
];

/** Catalog in ml-kernels.md section 11 order (K1..K14). */
export const KERNELS: readonly KernelSpec[] = [...ENTRIES].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));

export function findKernel(name: string): KernelSpec | undefined {
  return KERNELS.find((k) => k.name === name || k.id.toLowerCase() === name.toLowerCase());
}
