/* Low-power example (ml-kernels.md §8) on the spiral MLP (hidden 64, trained with Adam):
 *  - per-tensor affine fake quantisation of the weights (K2, torch MinMaxObserver rules) at 8/4/3 bits;
 *  - the output layer as a real int8 GEMM (K2 swk_gemm_q8: int32 accumulation, gemmlowp requantisation);
 *  - unstructured magnitude pruning (K10 top-k) at 50/80/90% without fine-tuning;
 *  - knowledge distillation (Hinton): an 8-unit student trained on hard labels alone vs with the teacher's
 *    softened outputs (T = 4, lambda = 0.7; K3 temperature softmax and KD-KL loss). */
#include "swk_gemm.h"
#include "swk_softmax.h"
#include "swk_optim.h"
#include "swk_quant.h"
#include "swk_topk.h"
#include "ex_util.h"

enum { NPC = 200, C = 3, N = NPC * C, HID = 64, SHID = 8 };
static float X[N * 2], Xt[N * 2];
static int y[N], yt[N];

static double acc_of(ex_mlp *net) {
  float *H = malloc(sizeof(float) * N * net->h), *Z = malloc(sizeof(float) * N * C);
  ex_mlp_forward(net, Xt, N, H, Z);
  double a = ex_accuracy(Z, yt, N, C);
  free(H); free(Z);
  return a;
}

/* Student step with loss (1-l) CE(y, p_s) + l T^2 KL(p_t^T || p_s^T); gradient wrt logits
 * (1-l)(p_s - y)/n + l T (p_s^T - p_t^T)/n. */
static double kd_step(ex_mlp *s, const float *Zt, double lambda, float T) {
  const int h = s->h;
  float *H = malloc(sizeof(float) * N * h), *Z = malloc(sizeof(float) * N * C), *P = malloc(sizeof(float) * N * C);
  float *Ps = malloc(sizeof(float) * N * C), *Pt = malloc(sizeof(float) * N * C), *kl = malloc(sizeof(float) * N);
  ex_mlp_forward(s, X, N, H, Z);
  swk_softmax_rows_f32(Z, N, C, C, 1, 0, y, NULL, SWK_SM_PROB, P, NULL);
  swk_softmax_rows_f32(Z, N, C, C, 1 / T, 0, NULL, Zt, SWK_SM_KD_KL_T, Ps, kl);
  swk_softmax_rows_f32(Zt, N, C, C, 1 / T, 0, NULL, NULL, SWK_SM_PROB, Pt, NULL);
  double L = 0;
  for (int i = 0; i < N; i++) L += T * T * kl[i] / N;
  /* Reuse ex_mlp_grad's backward by handing it targets through a custom dZ: recompute here. */
  float *dZ = malloc(sizeof(float) * N * C), *dH = malloc(sizeof(float) * N * h);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < C; j++)
      dZ[i * C + j] = (float)(((1 - lambda) * (P[i * C + j] - (j == y[i])) + lambda * T * (Ps[i * C + j] - Pt[i * C + j])) / N);
  swk_gemm_desc_f32 a = swk_gemm_desc_plain_f32(h, C, N, H, dZ, s->g[2]);
  a.transA = 1; a.lda = h;
  swk_gemm_f32(&a);
  for (int j = 0; j < C; j++) { double t = 0; for (int i = 0; i < N; i++) t += dZ[i * C + j]; s->g[3][j] = (float)t; }
  swk_gemm_desc_f32 b = swk_gemm_desc_plain_f32(N, h, C, dZ, s->p[2], dH);
  b.transB = 1; b.ldb = C;
  swk_gemm_f32(&b);
  for (long i = 0; i < (long)N * h; i++) if (H[i] <= 0) dH[i] = 0;
  swk_gemm_desc_f32 w = swk_gemm_desc_plain_f32(2, h, N, X, dH, s->g[0]);
  w.transA = 1; w.lda = 2;
  swk_gemm_f32(&w);
  for (int j = 0; j < h; j++) { double t = 0; for (int i = 0; i < N; i++) t += dH[i * h + j]; s->g[1][j] = (float)t; }
  ex_mlp_update(s, swk_optim_step_f32);
  free(H); free(Z); free(P); free(Ps); free(Pt); free(kl); free(dZ); free(dH);
  return L;
}

int main(void) {
  ex_seed(1);
  ex_spiral(NPC, C, X, y);
  ex_spiral(NPC, C, Xt, yt);
  ex_mlp t;
  ex_mlp_init(&t, 2, HID, C, SWK_OPT_ADAM, 0.02f);
  for (int s = 0; s < 200; s++) ex_mlp_step(&t, X, y, N, swk_optim_step_f32);
  double base = acc_of(&t);
  long n = ex_mlp_size(&t);
  float *theta = malloc(4 * n), *q = malloc(4 * n);
  ex_mlp_get(&t, theta);
  printf("teacher MLP 2-%d-3: held-out accuracy %.1f%%\n", HID, 100 * base);
  printf("fake quantisation of W1 and W2 (per tensor, affine):\n");
  double acc8 = 0;
  for (int bits = 8; bits >= 3; bits -= (bits == 8 ? 4 : 1)) {
    for (int k = 0; k < 4; k += 2) {
      float scale; int zp;
      swk_quant_params(t.p[k], t.n[k], bits, 0, &scale, &zp);
      swk_quantize(t.p[k], t.n[k], scale, zp, -(1 << (bits - 1)), (1 << (bits - 1)) - 1, NULL, t.p[k]);
    }
    double a = acc_of(&t);
    if (bits == 8) acc8 = a;
    printf("  %d bits: %.1f%%\n", bits, 100 * a);
    ex_mlp_set(&t, theta);
  }
  /* Output layer in int8: activations and weights quantised, int32 accumulation, requantised logits. */
  {
    float *H = malloc(sizeof(float) * N * HID), *Z = malloc(sizeof(float) * N * C), *Wt = malloc(sizeof(float) * C * HID);
    ex_mlp_forward(&t, Xt, N, H, Z);
    for (int i = 0; i < HID; i++) for (int j = 0; j < C; j++) Wt[j * HID + i] = t.p[2][i * C + j]; /* W as N x K */
    float sa, sw, sy; int za, zw, zy;
    swk_quant_params(H, (long)N * HID, 8, 0, &sa, &za);
    swk_quant_params(Wt, (long)C * HID, 8, 1, &sw, &zw);
    swk_quant_params(Z, (long)N * C, 8, 0, &sy, &zy);
    int8_t *qa = malloc((size_t)N * HID), *qw = malloc((size_t)C * HID), *qy = malloc((size_t)N * C);
    swk_quantize(H, (long)N * HID, sa, za, -128, 127, qa, NULL);
    swk_quantize(Wt, (long)C * HID, sw, zw, -128, 127, qw, NULL);
    int32_t bias[C], mult; int shift;
    for (int j = 0; j < C; j++) bias[j] = (int32_t)lrint(t.p[3][j] / (sa * sw));
    swk_quant_multiplier((double)sa * sw / sy, &mult, &shift);
    swk_gemm_q8(N, C, HID, qa, za, qw, zw, bias, mult, shift, zy, qy);
    for (long i = 0; i < (long)N * C; i++) Z[i] = sy * (float)(qy[i] - zy);
    printf("int8 output layer (K2 int8 GEMM, requantised): %.1f%%\n", 100 * ex_accuracy(Z, yt, N, C));
    free(H); free(Z); free(Wt); free(qa); free(qw); free(qy);
  }
  printf("magnitude pruning of W1 and W2 (no fine-tuning):\n");
  double acc50 = 0;
  const int keep_pct[3] = { 50, 20, 10 };
  for (int r = 0; r < 3; r++) {
    for (int k = 0; k < 4; k += 2) {
      uint8_t *m = malloc((size_t)t.n[k]);
      swk_topk_select(t.p[k], t.n[k], t.n[k] * keep_pct[r] / 100, 1, m, NULL);
      for (long i = 0; i < t.n[k]; i++) if (!m[i]) t.p[k][i] = 0;
      free(m);
    }
    double a = acc_of(&t);
    if (r == 0) acc50 = a;
    printf("  %d%% pruned: %.1f%%\n", 100 - keep_pct[r], 100 * a);
    ex_mlp_set(&t, theta);
  }
  float *Zt = malloc(sizeof(float) * N * C), *Ht = malloc(sizeof(float) * N * HID);
  ex_mlp_forward(&t, X, N, Ht, Zt);
  ex_mlp hard, kd;
  ex_seed(5); ex_mlp_init(&hard, 2, SHID, C, SWK_OPT_ADAM, 0.02f);
  ex_seed(5); ex_mlp_init(&kd, 2, SHID, C, SWK_OPT_ADAM, 0.02f);
  double lk = 0;
  for (int s = 0; s < 300; s++) { ex_mlp_step(&hard, X, y, N, swk_optim_step_f32); lk = kd_step(&kd, Zt, 0.7, 4.0f); }
  double ah = acc_of(&hard), ak = acc_of(&kd);
  printf("student 2-%d-3: hard labels %.1f%%, distilled (T = 4, lambda = 0.7) %.1f%%, final T^2 KL %.4f\n", SHID, 100 * ah, 100 * ak, lk);
  int ok = acc8 >= base - 0.02 && acc50 > 0.5;
  printf("result: %s\n", ok ? "8-bit weights keep the accuracy; degradation grows with fewer bits and more pruning" : "UNEXPECTED");
  return ok ? 0 : 1;
}
