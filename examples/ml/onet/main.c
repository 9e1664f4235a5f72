/* ONet example (ml-kernels.md §10): the occupancy decoder `DecoderCBatchNorm` in eval mode evaluated on
 * a dense grid over the ONet box (1.1), then the iso-surface at tau = logit(0.2) = -1.386 extracted by K14
 * and written as an indexed PLY mesh (onet_mesh.ply).
 * Decoder: net = W_p p + b_p; 5 x { net += W1 ReLU(CBN1(W0 ReLU(CBN0(net)) + b0)) + b1 };
 * logit = w_out . ReLU(CBN(net)) + b_out. Eval-mode CBN folds to a per-shape affine a x + b that runs as
 * the K1 GEMM prologue (with its ReLU); biases and the residual run in the GEMM epilogue.
 * Weights are synthetic (no trained checkpoint can be shipped): W_p holds unit directions so the field
 * describes a smooth convex body, the blocks add small random residuals. Hidden width 64 (256 in ONet)
 * keeps the emulated run short. */
#include "swk_gemm.h"
#include "swk_mcubes.h"
#include "ex_util.h"

enum { H = 64, BLOCKS = 5, NG = 41 };
static const double BOX = 1.1;

/* y = W pro(x) + bias (+ residual), pro(x) = ReLU(a x + b) per column (one shape: one group). */
static void layer(const float *x, long n, int K, int N, const float *W, const float *bias, const float *a, const float *b,
                  const float *residual, float *y) {
  swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32((int)n, N, K, x, W, y);
  d.bias = bias;
  if (a) { d.pro_a = a; d.pro_b = b; d.pro_rows_per_group = (int)n; d.pro_act = SWK_ACT_RELU; }
  if (residual) { d.residual = residual; d.ldr = N; }
  swk_gemm_f32(&d);
}

static void cbn_affine(float *a, float *b) { /* gamma / sqrt(var + 1e-5), beta - a mu with running mu 0, var 1 */
  for (int j = 0; j < H; j++) {
    double gamma = 1 + 0.05 * ex_normal(), beta = 0.05 * ex_normal();
    a[j] = (float)(gamma / sqrt(1 + 1e-5));
    b[j] = (float)beta;
  }
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
  const long n = (long)NG * NG * NG;
  float *P = malloc(sizeof(float) * n * 3), *net = malloc(sizeof(float) * n * H), *net2 = malloc(sizeof(float) * n * H);
  float *v = malloc(sizeof(float) * n * H), *logit = malloc(sizeof(float) * n);
  for (long i = 0; i < n; i++) {
    long ix = i % NG, iy = i / NG % NG, iz = i / NG / NG;
    P[3 * i] = (float)(BOX * ((double)ix / (NG - 1) - 0.5));
    P[3 * i + 1] = (float)(BOX * ((double)iy / (NG - 1) - 0.5));
    P[3 * i + 2] = (float)(BOX * ((double)iz / (NG - 1) - 0.5));
  }
  float Wp[3 * H], bp[H], W0[BLOCKS][H * H], W1[BLOCKS][H * H], b0[H] = {0}, b1[H] = {0};
  float a0[BLOCKS][H], c0[BLOCKS][H], a1[BLOCKS][H], c1[BLOCKS][H], af[H], cf[H], wout[H], bout = 1.0f;
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
  swk_stats_reset();
  layer(P, n, 3, H, Wp, bp, NULL, NULL, NULL, net);
  for (int k = 0; k < BLOCKS; k++) {
    layer(net, n, H, H, W0[k], b0, a0[k], c0[k], NULL, v);    /* v = W0 ReLU(CBN0(net)) + b0 */
    layer(v, n, H, H, W1[k], b1, a1[k], c1[k], net, net2);    /* net + W1 ReLU(CBN1(v)) + b1 */
    float *t = net; net = net2; net2 = t;
  }
  swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32((int)n, 1, H, net, wout, logit);
  d.pro_a = af; d.pro_b = cf; d.pro_rows_per_group = (int)n; d.pro_act = SWK_ACT_RELU;
  d.alpha = 1; d.bias = &bout;
  swk_gemm_f32(&d);
  double flops = 2.0 * n * (3.0 * H + 2.0 * BLOCKS * H * H + H);
  printf("decoder on %d^3 = %ld points: %.2f GFLOP, DMA %.1f MB\n", NG, n, flops / 1e9, (swk_stats_get_bytes() + swk_stats_put_bytes()) / 1e6);
  const float tau = (float)(log(0.2) - log(0.8));
  long inside = 0;
  for (long i = 0; i < n; i++) inside += logit[i] > tau;
  float *tri;
  long nt = swk_mcubes_f32(logit, NG, NG, NG, tau, &tri);
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
  fprintf(f, "ply\nformat ascii 1.0\ncomment o2ath ONet example, iso logit(0.2)\nelement vertex %ld\nproperty float x\nproperty float y\nproperty float z\n"
             "element face %ld\nproperty list uchar int vertex_indices\nend_header\n", nv, nt);
  for (long i = 0; i < nv; i++) fprintf(f, "%.6f %.6f %.6f\n", verts[3 * i], verts[3 * i + 1], verts[3 * i + 2]);
  for (long t = 0; t < nt; t++) fprintf(f, "3 %ld %ld %ld\n", vid[3 * t], vid[3 * t + 1], vid[3 * t + 2]);
  fclose(f);
  /* A closed surface has E = 3F/2; a sphere-like one has Euler characteristic V - E + F = 2. */
  long E = 3 * nt / 2, chi = nv - E + nt;
  printf("occupied grid points %ld of %ld; mesh: %ld vertices, %ld triangles, Euler characteristic %ld\n", inside, n, nv, nt, chi);
  printf("wrote onet_mesh.ply\n");
  int ok = nt > 0 && (3 * nt) % 2 == 0 && chi == 2;
  printf("result: %s\n", ok ? "closed genus-0 surface written to onet_mesh.ply" : "UNEXPECTED");
  return ok ? 0 : 1;
}
