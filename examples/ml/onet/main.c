/* ONet example (ml-kernels.md §10): the occupancy decoder `DecoderCBatchNorm` in eval mode, evaluated by
 * MISE (multiresolution iso-surface extraction, as im2mesh/utils/libmise: resolution_0 = 16, two
 * upsampling steps -> 64^3 cells over the ONet box 1.1), then the iso-surface at tau = logit(0.2) = -1.386
 * extracted by K14 and written as an indexed PLY mesh (onet_mesh.ply).
 * Decoder: net = W_p p + b_p; 5 x { net += W1 ReLU(CBN1(W0 ReLU(CBN0(net)) + b0)) + b1 };
 * logit = w_out . ReLU(CBN(net)) + b_out. Eval-mode CBN folds to a per-shape affine a x + b that runs as
 * the K1 GEMM prologue (with its ReLU); biases and the residual run in the GEMM epilogue. MISE's octree
 * bookkeeping stays on the host (MPE), the decoder batches go to the CPEs.
 * Weights are synthetic (no trained checkpoint can be shipped): W_p holds unit directions so the field
 * describes a smooth convex body, the blocks add small random residuals. Hidden width 64 (256 in ONet)
 * keeps the emulated run short. A brute-force evaluation of the full 65^3 grid checks MISE's result. */
#include "swk_gemm.h"
#include "swk_mcubes.h"
#include "ex_util.h"

enum { H = 64, BLOCKS = 5, R0 = 16, UP = 2, NG = R0 * 4 + 1 /* 65 points per axis */ };
static const double BOX = 1.1;

static float Wp[3 * H], bp[H], W0[BLOCKS][H * H], W1[BLOCKS][H * H], b0[H], b1[H];
static float a0[BLOCKS][H], c0[BLOCKS][H], a1[BLOCKS][H], c1[BLOCKS][H], af[H], cf[H], wout[H], bout = 1.0f;

/* y = W pro(x) + bias (+ residual), pro(x) = ReLU(a x + b) per column (one shape: one group). */
static void layer(const float *x, long n, int K, int N, const float *W, const float *bias, const float *a, const float *b,
                  const float *residual, float *y) {
  swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32((int)n, N, K, x, W, y);
  d.bias = bias;
  if (a) { d.pro_a = a; d.pro_b = b; d.pro_rows_per_group = (int)n; d.pro_act = SWK_ACT_RELU; }
  if (residual) { d.residual = residual; d.ldr = N; }
  swk_gemm_f32(&d);
}

/* Decoder logits for n points (x, y, z rows). */
static void decode(const float *P, long n, float *logit) {
  float *net = malloc(sizeof(float) * n * H), *net2 = malloc(sizeof(float) * n * H), *v = malloc(sizeof(float) * n * H);
  layer(P, n, 3, H, Wp, bp, NULL, NULL, NULL, net);
  for (int k = 0; k < BLOCKS; k++) {
    layer(net, n, H, H, W0[k], b0, a0[k], c0[k], NULL, v);  /* v = W0 ReLU(CBN0(net)) + b0 */
    layer(v, n, H, H, W1[k], b1, a1[k], c1[k], net, net2);  /* net + W1 ReLU(CBN1(v)) + b1 */
    float *t = net; net = net2; net2 = t;
  }
  layer(net, n, H, 1, wout, &bout, af, cf, NULL, logit);
  free(net); free(net2); free(v);
}

static void cbn_affine(float *a, float *b) { /* gamma / sqrt(var + 1e-5), beta - a mu with running mu 0, var 1 */
  for (int j = 0; j < H; j++) {
    double gamma = 1 + 0.05 * ex_normal(), beta = 0.05 * ex_normal();
    a[j] = (float)(gamma / sqrt(1 + 1e-5));
    b[j] = (float)beta;
  }
}

static long gid(long x, long y, long z) { return (z * NG + y) * NG + x; }

/* Evaluates the listed grid points (indices into the 65^3 grid) in one decoder batch. */
static void eval_points(const long *idx, long m, float *val, uint8_t *known) {
  float *P = malloc(sizeof(float) * 3 * (m > 0 ? m : 1)), *out = malloc(sizeof(float) * (m > 0 ? m : 1));
  for (long i = 0; i < m; i++) {
    long g = idx[i];
    P[3 * i] = (float)(BOX * ((double)(g % NG) / (NG - 1) - 0.5));
    P[3 * i + 1] = (float)(BOX * ((double)(g / NG % NG) / (NG - 1) - 0.5));
    P[3 * i + 2] = (float)(BOX * ((double)(g / NG / NG) / (NG - 1) - 0.5));
  }
  if (m > 0) decode(P, m, out);
  for (long i = 0; i < m; i++) { val[idx[i]] = out[i]; known[idx[i]] = 1; }
  free(P); free(out);
}

typedef struct { float x, y, z; long idx; } vkey;
static int cmp_v(const void *p, const void *q) {
  const vkey *a = p, *b = q;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  if (a->y != b->y) return a->y < b->y ? -1 : 1;
  if (a->z != b->z) return a->z < b->z ? -1 : 1;
  return 0;
}

int main(void) {
  ex_seed(10);
  for (int j = 0; j < H; j++) { /* unit direction per feature: net_j = d_j . p - 0.1 */
    double d[3] = { ex_normal(), ex_normal(), ex_normal() }, r = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    for (int c = 0; c < 3; c++) Wp[c * H + j] = (float)(d[c] / r);
    bp[j] = -0.1f;
    wout[j] = -42.0f / H; /* logit ~ 1 - 42 mean_j ReLU(d_j . p - 0.1): surface near radius 0.4 */
  }
  for (int k = 0; k < BLOCKS; k++) {
    ex_fill_normal(W0[k], H * H, 0.02);
    ex_fill_normal(W1[k], H * H, 0.02);
    cbn_affine(a0[k], c0[k]);
    cbn_affine(a1[k], c1[k]);
  }
  cbn_affine(af, cf);
  const float tau = (float)(log(0.2) - log(0.8));
  const long n = (long)NG * NG * NG;
  float *val = calloc((size_t)n, sizeof(float));
  uint8_t *known = calloc((size_t)n, 1);
  long *idx = malloc(sizeof(long) * n), m = 0, evaluated = 0;
  /* Level 0: every point of the 17^3 coarse grid. */
  int s = (NG - 1) / R0;
  for (long z = 0; z < NG; z += s) for (long y = 0; y < NG; y += s) for (long x = 0; x < NG; x += s) idx[m++] = gid(x, y, z);
  swk_stats_reset();
  eval_points(idx, m, val, known);
  evaluated += m;
  printf("MISE level 0 (%d^3 voxels): %ld points\n", R0, m);
  /* Refine: a voxel whose corners lie on both sides of tau (>= and <=) is split; its new points are evaluated. */
  for (int up = 1; up <= UP; up++, s /= 2) {
    m = 0;
    for (long z = 0; z + s < NG; z += s)
      for (long y = 0; y + s < NG; y += s)
        for (long x = 0; x + s < NG; x += s) {
          int pos = 0, neg = 0, all = 1;
          for (int c = 0; c < 8; c++) {
            long g = gid(x + (c & 1) * s, y + (c >> 1 & 1) * s, z + (c >> 2) * s);
            if (!known[g]) { all = 0; break; }
            pos |= val[g] >= tau;
            neg |= val[g] <= tau;
          }
          if (!all || !pos || !neg) continue;
          for (int dz = 0; dz <= s; dz += s / 2)
            for (int dy = 0; dy <= s; dy += s / 2)
              for (int dx = 0; dx <= s; dx += s / 2) {
                long g = gid(x + dx, y + dy, z + dz);
                if (!known[g]) { known[g] = 2; idx[m++] = g; } /* 2: queued */
              }
        }
    for (long i = 0; i < m; i++) known[idx[i]] = 0;
    eval_points(idx, m, val, known);
    evaluated += m;
    printf("MISE level %d (%d^3 voxels): %ld new points\n", up, R0 << up, m);
  }
  /* to_dense: unknown entries copy the previous value along x, then y, then z. */
  uint8_t *filled = malloc((size_t)n);
  memcpy(filled, known, (size_t)n);
  for (int axis = 0; axis < 3; axis++)
    for (long g = 0; g < n; g++) {
      long x = g % NG, y = g / NG % NG, z = g / NG / NG, c = axis == 0 ? x : axis == 1 ? y : z;
      long prev = axis == 0 ? g - 1 : axis == 1 ? g - NG : g - (long)NG * NG;
      if (!filled[g] && c > 0 && filled[prev]) { val[g] = val[prev]; filled[g] = 1; }
    }
  double mise_flops = 2.0 * evaluated * (3.0 * H + 2.0 * BLOCKS * H * H + H);
  printf("MISE evaluated %ld of %ld grid points (%.1f%%), %.2f GFLOP on the CPEs, DMA %.1f MB\n", evaluated, n, 100.0 * evaluated / n,
         mise_flops / 1e9, (swk_stats_get_bytes() + swk_stats_put_bytes()) / 1e6);
  /* Brute force over the whole grid: the signs must agree everywhere (so the surface is the same). */
  float *dense = malloc(sizeof(float) * n);
  uint8_t *dk = calloc((size_t)n, 1);
  for (long g = 0; g < n; g++) idx[g] = g;
  eval_points(idx, n, dense, dk);
  long disagree = 0, same_value = 0;
  for (long g = 0; g < n; g++) {
    disagree += (dense[g] > tau) != (val[g] > tau);
    if (known[g]) same_value += dense[g] == val[g];
  }
  printf("brute force %d^3: sign disagreements with MISE %ld; MISE-evaluated points bit-identical %ld of %ld\n", NG, disagree, same_value, evaluated);
  float *tri;
  long nt = swk_mcubes_f32(val, NG, NG, NG, tau, &tri);
  /* Merge equal vertices (the kernel emits identical coordinates for a shared edge) into an indexed mesh. */
  vkey *keys = malloc(sizeof(vkey) * 3 * (size_t)nt);
  for (long i = 0; i < 3 * nt; i++) { keys[i].x = tri[3 * i]; keys[i].y = tri[3 * i + 1]; keys[i].z = tri[3 * i + 2]; keys[i].idx = i; }
  qsort(keys, 3 * (size_t)nt, sizeof(vkey), cmp_v);
  long *vid = malloc(sizeof(long) * 3 * (size_t)nt), nv = 0;
  float *verts = malloc(sizeof(float) * 9 * (size_t)nt);
  for (long i = 0; i < 3 * nt; i++) {
    if (i == 0 || cmp_v(&keys[i], &keys[i - 1]) != 0) {
      verts[3 * nv] = (float)(BOX * (keys[i].x / (NG - 1) - 0.5));
      verts[3 * nv + 1] = (float)(BOX * (keys[i].y / (NG - 1) - 0.5));
      verts[3 * nv + 2] = (float)(BOX * (keys[i].z / (NG - 1) - 0.5));
      nv++;
    }
    vid[keys[i].idx] = nv - 1;
  }
  FILE *f = fopen("onet_mesh.ply", "w");
  fprintf(f, "ply\nformat ascii 1.0\ncomment o2ath ONet example, MISE 16 -> 64, iso logit(0.2)\nelement vertex %ld\nproperty float x\nproperty float y\n"
             "property float z\nelement face %ld\nproperty list uchar int vertex_indices\nend_header\n", nv, nt);
  for (long i = 0; i < nv; i++) fprintf(f, "%.6f %.6f %.6f\n", verts[3 * i], verts[3 * i + 1], verts[3 * i + 2]);
  for (long t = 0; t < nt; t++) fprintf(f, "3 %ld %ld %ld\n", vid[3 * t], vid[3 * t + 1], vid[3 * t + 2]);
  fclose(f);
  /* A closed surface has E = 3F/2; a sphere-like one has Euler characteristic V - E + F = 2. */
  long E = 3 * nt / 2, chi = nv - E + nt;
  printf("mesh: %ld vertices, %ld triangles, Euler characteristic %ld; wrote onet_mesh.ply\n", nv, nt, chi);
  int ok = nt > 0 && (3 * nt) % 2 == 0 && chi == 2 && disagree == 0 && same_value == evaluated;
  printf("result: %s\n", ok ? "MISE matches the brute-force grid in sign everywhere; closed genus-0 surface written to onet_mesh.ply" : "UNEXPECTED");
  return ok ? 0 : 1;
}
