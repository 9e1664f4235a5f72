/* ex_util.h: helpers shared by the examples in examples/ml: a seeded host RNG, a synthetic
 * classification task, and a small MLP trained with the CPE kernels (K1 GEMM, K3 softmax/CE, K8
 * optimiser). Include it after the kernel headers; the MLP part needs gemm, softmax and optim. */
#ifndef EX_UTIL_H
#define EX_UTIL_H
#include <athread.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t ex_state = 0x9E3779B97F4A7C15ull;
static void ex_seed(uint64_t s) { ex_state = s * 0x9E3779B97F4A7C15ull + 1; }
static double ex_uniform(void) { /* splitmix64 */
  uint64_t z = (ex_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return (double)((z ^ (z >> 31)) >> 11) * (1.0 / 9007199254740992.0);
}
static double ex_normal(void) { return sqrt(-2 * log(1 - ex_uniform())) * cos(6.283185307179586 * ex_uniform()); }
static void ex_fill_normal(float *x, long n, double sd) { for (long i = 0; i < n; i++) x[i] = (float)(sd * ex_normal()); }

/* Three-arm spiral (one turn), n per class, 2-D inputs: a task a linear model cannot solve. */
static void ex_spiral(int n, int classes, float *X, int *y) {
  for (int c = 0; c < classes; c++)
    for (int i = 0; i < n; i++) {
      double r = (double)i / n, t = c * 4.0 + 4.0 * r + 0.2 * ex_normal();
      X[2 * (c * n + i)] = (float)(r * sin(t));
      X[2 * (c * n + i) + 1] = (float)(r * cos(t));
      y[c * n + i] = c;
    }
}

#if defined(SWK_GEMM_F32_H) && defined(SWK_SOFTMAX_F32_H) && defined(SWK_OPTIM_F32_H)
/* MLP d -> h (ReLU) -> c. Parameters as 4 tensors, each with its optimiser state. */
typedef struct {
  int d, h, c;
  float *p[4], *g[4], *m[4], *v[4], *gp[4], *mn[4], *fin[4];
  long n[4];
  swk_opt_cfg_f32 cfg[4];
} ex_mlp;

static void ex_mlp_init(ex_mlp *net, int d, int h, int c, int variant, float lr) {
  net->d = d; net->h = h; net->c = c;
  long sizes[4] = { (long)d * h, h, (long)h * c, c };
  for (int t = 0; t < 4; t++) {
    long n = net->n[t] = sizes[t];
    net->p[t] = calloc((size_t)n, 4); net->g[t] = calloc((size_t)n, 4); net->m[t] = calloc((size_t)n, 4);
    net->v[t] = calloc((size_t)n, 4); net->gp[t] = calloc((size_t)n, 4); net->mn[t] = calloc((size_t)n, 4); net->fin[t] = calloc((size_t)n, 4);
    swk_opt_cfg_f32 cfg = { lr, 0.9f, 0.999f, 1e-8f, 0, variant, 0 };
    net->cfg[t] = cfg;
  }
  ex_fill_normal(net->p[0], net->n[0], sqrt(2.0 / d));
  ex_fill_normal(net->p[2], net->n[2], sqrt(1.0 / h));
}

/* Forward on the CPEs: H = ReLU(X W1 + b1), Z = H W2 + b2. */
static void ex_mlp_forward(const ex_mlp *net, const float *X, int n, float *H, float *Z) {
  swk_gemm_desc_f32 g1 = swk_gemm_desc_plain_f32(n, net->h, net->d, X, net->p[0], H);
  g1.bias = net->p[1];
  g1.epi_act = SWK_ACT_RELU;
  swk_gemm_f32(&g1);
  swk_gemm_desc_f32 g2 = swk_gemm_desc_plain_f32(n, net->c, net->h, H, net->p[2], Z);
  g2.bias = net->p[3];
  swk_gemm_f32(&g2);
}

static double ex_accuracy(const float *Z, const int *y, int n, int c) {
  int ok = 0;
  for (int i = 0; i < n; i++) {
    int best = 0;
    for (int j = 1; j < c; j++) if (Z[i * c + j] > Z[i * c + best]) best = j;
    ok += best == y[i];
  }
  return (double)ok / n;
}

typedef int (*ex_step_fn)(float *, float *, float *, float *, float *, float *, float *, long, swk_opt_cfg_f32 *, long *);

/* Gradients of the mean cross-entropy into net->g (no update); returns the loss. */
static double ex_mlp_grad(ex_mlp *net, const float *X, const int *y, int n) {
  const int h = net->h, c = net->c;
  float *H = malloc(sizeof(float) * n * h), *Z = malloc(sizeof(float) * n * c), *P = malloc(sizeof(float) * n * c);
  float *loss = malloc(sizeof(float) * n), *dH = malloc(sizeof(float) * n * h);
  ex_mlp_forward(net, X, n, H, Z);
  swk_softmax_rows_f32(Z, n, c, c, 1, 0, y, NULL, SWK_SM_CE_LOSS, P, loss);
  double L = 0;
  for (int i = 0; i < n; i++) L += loss[i];
  for (int i = 0; i < n; i++) for (int j = 0; j < c; j++) P[i * c + j] = (P[i * c + j] - (j == y[i])) / n; /* dZ */
  /* gW2 = H^T dZ, gb2 = colsum dZ, dH = dZ W2^T * [H > 0], gW1 = X^T dH, gb1 = colsum dH. */
  swk_gemm_desc_f32 a = swk_gemm_desc_plain_f32(h, c, n, H, P, net->g[2]);
  a.transA = 1; a.lda = h;
  swk_gemm_f32(&a);
  for (int j = 0; j < c; j++) { double s = 0; for (int i = 0; i < n; i++) s += P[i * c + j]; net->g[3][j] = (float)s; }
  swk_gemm_desc_f32 b = swk_gemm_desc_plain_f32(n, h, c, P, net->p[2], dH);
  b.transB = 1; b.ldb = c;
  swk_gemm_f32(&b);
  for (long i = 0; i < (long)n * h; i++) if (H[i] <= 0) dH[i] = 0;
  swk_gemm_desc_f32 w = swk_gemm_desc_plain_f32(net->d, h, n, X, dH, net->g[0]);
  w.transA = 1; w.lda = net->d;
  swk_gemm_f32(&w);
  for (int j = 0; j < h; j++) { double s = 0; for (int i = 0; i < n; i++) s += dH[i * h + j]; net->g[1][j] = (float)s; }
  free(H); free(Z); free(P); free(loss); free(dH);
  return L / n;
}

static void ex_mlp_update(ex_mlp *net, ex_step_fn step) {
  for (int t = 0; t < 4; t++) step(net->p[t], net->g[t], net->m[t], net->v[t], net->gp[t], net->mn[t], net->fin[t], net->n[t], &net->cfg[t], NULL);
}

/* One full-batch training step; returns the mean cross-entropy before the update. */
static double ex_mlp_step(ex_mlp *net, const float *X, const int *y, int n, ex_step_fn step) {
  double L = ex_mlp_grad(net, X, y, n);
  ex_mlp_update(net, step);
  return L;
}

/* Flatten / restore all parameters (AirNet sends them as one vector). */
static long ex_mlp_size(const ex_mlp *net) { return net->n[0] + net->n[1] + net->n[2] + net->n[3]; }
static void ex_mlp_get(const ex_mlp *net, float *theta) { long o = 0; for (int t = 0; t < 4; t++) { memcpy(theta + o, net->p[t], 4 * net->n[t]); o += net->n[t]; } }
static void ex_mlp_set(ex_mlp *net, const float *theta) { long o = 0; for (int t = 0; t < 4; t++) { memcpy(net->p[t], theta + o, 4 * net->n[t]); o += net->n[t]; } }
#endif
#endif
