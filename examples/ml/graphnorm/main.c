/* GraphNorm example (ml-kernels.md §7): a 3-layer GIN forward pass over a batch of 64 irregular graphs,
 * each layer h' = ReLU(GN(W2 ReLU(GN(W1 ((1 + eps) h + sum_{u in N(v)} h_u) + b1)) + b2)), with the
 * neighbour sum on K6 (CSR), the linear layers on K1 and GraphNorm (alpha = 1 init, gamma 1, beta 0)
 * on K5; sum readout per graph through K6 again. Reports per-graph statistics after GraphNorm and,
 * for contrast, after BatchNorm (one segment): GraphNorm centres every graph, BatchNorm only the batch. */
#include "swk_gemm.h"
#include "swk_csr.h"
#include "swk_norm.h"
#include "ex_util.h"

enum { G = 64, CIN = 32, HID = 64, LAYERS = 3 };

/* Largest |per-graph channel mean| and largest |per-graph channel variance - 1| of y. */
static void graph_stats(const float *y, const long *off, int C, double *max_mean, double *max_var_dev) {
  *max_mean = 0; *max_var_dev = 0;
  for (int g = 0; g < G; g++) {
    long n = off[g + 1] - off[g];
    if (n < 2) continue;
    for (int j = 0; j < C; j++) {
      double s = 0, s2 = 0;
      for (long i = off[g]; i < off[g + 1]; i++) { s += y[i * C + j]; s2 += (double)y[i * C + j] * y[i * C + j]; }
      double m = s / n, v = s2 / n - m * m;
      if (fabs(m) > *max_mean) *max_mean = fabs(m);
      if (v > 1e-3 && fabs(v - 1) > *max_var_dev) *max_var_dev = fabs(v - 1);
    }
  }
}

static void linear(const float *x, long rows, int din, const float *W, const float *b, float *y) {
  swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32((int)rows, HID, din, x, W, y);
  d.bias = b;
  swk_gemm_f32(&d);
}

int main(void) {
  ex_seed(3);
  long off[G + 1];
  off[0] = 0;
  for (int g = 0; g < G; g++) off[g + 1] = off[g] + 1 + (long)(ex_uniform() * 60); /* 1..60 nodes */
  long N = off[G];
  /* Random symmetric edges inside each graph (about 3 per node), CSR by destination. */
  long cap = N * 8, ne = 0, *src = malloc(sizeof(long) * cap), *dst = malloc(sizeof(long) * cap);
  for (int g = 0; g < G; g++) {
    long n = off[g + 1] - off[g];
    for (long e = 0; e < n * 3 / 2 && n > 1; e++) {
      long a = off[g] + (long)(ex_uniform() * n), b = off[g] + (long)(ex_uniform() * n);
      if (a == b) continue;
      src[ne] = a; dst[ne++] = b;
      src[ne] = b; dst[ne++] = a;
    }
  }
  long *rowptr = calloc((size_t)N + 1, sizeof(long));
  int *col = malloc(sizeof(int) * (size_t)(ne + 1));
  for (long e = 0; e < ne; e++) rowptr[dst[e] + 1]++;
  for (long i = 0; i < N; i++) rowptr[i + 1] += rowptr[i];
  long *fill = calloc((size_t)N, sizeof(long));
  for (long e = 0; e < ne; e++) col[rowptr[dst[e]] + fill[dst[e]]++] = (int)src[e];
  float *h = malloc(sizeof(float) * N * HID), *agg = malloc(sizeof(float) * N * HID), *t = malloc(sizeof(float) * N * HID);
  float *y = malloc(sizeof(float) * N * HID);
  ex_fill_normal(h, N * CIN, 1.0);
  float *W1[LAYERS], *W2[LAYERS], *b1 = calloc(HID, 4), *b2 = calloc(HID, 4);
  for (int l = 0; l < LAYERS; l++) {
    int din = l == 0 ? CIN : HID;
    W1[l] = malloc(sizeof(float) * din * HID); W2[l] = malloc(sizeof(float) * HID * HID);
    ex_fill_normal(W1[l], (long)din * HID, sqrt(2.0 / din));
    ex_fill_normal(W2[l], (long)HID * HID, sqrt(2.0 / HID));
  }
  for (int j = 0; j < HID; j++) { b1[j] = 0.5f; b2[j] = -0.25f; } /* per-graph shifts for GraphNorm to remove */
  printf("%d graphs, %ld nodes (1..60 per graph), %ld directed edges, GIN hidden %d\n", G, N, ne, HID);
  double gm, gv;
  for (int l = 0; l < LAYERS; l++) {
    int din = l == 0 ? CIN : HID;
    swk_csr_aggregate_f32(rowptr, col, NULL, h, din, N, 1.0f, SWK_AGG_SUM, agg);
    linear(agg, N, din, W1[l], b1, t);
    swk_segment_norm_f32(t, N, HID, off, G, SWK_NORM_SEGMENT_COL, NULL, NULL, NULL, 0, 1e-6f, SWK_ACT_NONE, y, NULL, NULL);
    graph_stats(y, off, HID, &gm, &gv);
    printf("layer %d GraphNorm: max |per-graph mean| %.2e, max |per-graph var - 1| %.2e\n", l + 1, gm, gv);
    for (long i = 0; i < N * HID; i++) y[i] = y[i] > 0 ? y[i] : 0;
    linear(y, N, HID, W2[l], b2, t);
    swk_segment_norm_f32(t, N, HID, off, G, SWK_NORM_SEGMENT_COL, NULL, NULL, NULL, 0, 1e-6f, SWK_ACT_RELU, h, NULL, NULL);
  }
  long zero = 0, ro[G + 1];
  int *nodes = malloc(sizeof(int) * N);
  for (long i = 0; i < N; i++) nodes[i] = (int)i;
  for (int g = 0; g <= G; g++) ro[g] = off[g];
  float *readout = malloc(sizeof(float) * G * HID);
  swk_csr_aggregate_f32(ro, nodes, NULL, h, HID, G, 0.0f, SWK_AGG_SUM, readout);
  double sum = 0;
  for (long i = 0; i < (long)G * HID; i++) sum += readout[i];
  printf("sum readout: %d x %d, checksum %.6f\n", G, HID, sum);
  /* Contrast: BatchNorm (one segment over all nodes) leaves per-graph means. */
  long one[2] = { 0, N };
  swk_csr_aggregate_f32(rowptr, col, NULL, h, HID, N, 1.0f, SWK_AGG_SUM, agg);
  linear(agg, N, HID, W2[0], b1, t);
  swk_segment_norm_f32(t, N, HID, one, 1, SWK_NORM_SEGMENT_COL, NULL, NULL, NULL, 0, 1e-5f, SWK_ACT_NONE, y, NULL, NULL);
  double bm, bv;
  graph_stats(y, off, HID, &bm, &bv);
  printf("BatchNorm for contrast: max |per-graph mean| %.2e (only the batch mean is 0)\n", bm);
  int ok = gm < 1e-4 && gv < 1e-3 && bm > 0.1;
  printf("result: %s\n", ok ? "GraphNorm centres and scales every graph (mean 0, variance 1); BatchNorm does not" : "UNEXPECTED");
  (void)zero;
  return ok ? 0 : 1;
}
