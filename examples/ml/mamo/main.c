/* MAMo example (ml-kernels.md §2, reconstructed parts FLAGged there): memory + attention over a
 * synthetic token video. Per frame t (48 tokens, C = 64, 4 heads):
 *   Z  = X + MHSA(LN(X)) over the memory X (K5 LayerNorm, K1 projections, K4 attention, K1 + residual)
 *   F' = F_t + CrossAttn(Q = LN(F_t) Wq, K = Z Wk, V = Z Wv) Wo
 *   memory update: candidates = memory + current tokens, relevance s_j = max_i softmax_j(q_i . k_j / sqrt d)
 *   (K4 col_score), keep the L = 96 most relevant (K10 top-k), gather.
 * Random projections; the check is that the kept set is exactly the top-L of the scores. */
#include "swk_gemm.h"
#include "swk_attention.h"
#include "swk_norm.h"
#include "swk_topk.h"
#include "ex_util.h"

enum { NT = 48, C = 64, HEADS = 4, DH = C / HEADS, L = 96, FRAMES = 6, CAND = L + NT };

static float Wq[C * C], Wk[C * C], Wv[C * C], Wo[C * C];

static void proj(const float *x, int rows, const float *W, float *y, const float *residual) {
  swk_gemm_desc_f32 d = swk_gemm_desc_plain_f32(rows, C, C, x, W, y);
  if (residual) { d.residual = residual; d.ldr = C; }
  swk_gemm_f32(&d);
}

static void layernorm(const float *x, int rows, float *y) {
  swk_segment_norm_f32(x, rows, C, NULL, 0, SWK_NORM_ROW, NULL, NULL, NULL, 0, 1e-5f, SWK_ACT_NONE, y, NULL, NULL);
}

/* out = base + Attn(LN(xq) Wq, kv Wk, kv Wv) Wo; col (nullable) gets the per-key max probability. */
static void attend(const float *xq, int nq, const float *kv, int nk, const float *base, float *out, float *col) {
  float *ln = malloc(sizeof(float) * nq * C), *q = malloc(sizeof(float) * nq * C), *k = malloc(sizeof(float) * nk * C);
  float *v = malloc(sizeof(float) * nk * C), *o = malloc(sizeof(float) * nq * C);
  layernorm(xq, nq, ln);
  proj(ln, nq, Wq, q, NULL);
  proj(kv, nk, Wk, k, NULL);
  proj(kv, nk, Wv, v, NULL);
  swk_attention_f32(1, HEADS, nq, nk, DH, q, k, v, C, C, C, NULL, 1.0f / sqrtf((float)DH), o, C, col);
  proj(o, nq, Wo, out, base);
  free(ln); free(q); free(k); free(v); free(o);
}

int main(void) {
  ex_seed(2);
  ex_fill_normal(Wq, C * C, 1 / sqrt((double)C));
  ex_fill_normal(Wk, C * C, 1 / sqrt((double)C));
  ex_fill_normal(Wv, C * C, 1 / sqrt((double)C));
  ex_fill_normal(Wo, C * C, 0.5 / sqrt((double)C));
  float base[NT * C], F[NT * C], Fo[NT * C], mem[L * C], Z[L * C], cand[CAND * C], score[CAND];
  long age[L], cage[CAND];
  int nmem = 0, all_ok = 1;
  ex_fill_normal(base, NT * C, 1.0);
  printf("%5s %8s %14s %16s %14s\n", "frame", "memory", "admitted now", "oldest kept", "|F'| / |F|");
  for (int t = 0; t < FRAMES; t++) {
    for (int i = 0; i < NT * C; i++) F[i] = base[i] + 0.3f * (float)t / FRAMES + 0.2f * (float)ex_normal();
    if (nmem > 0) {
      attend(mem, nmem, mem, nmem, mem, Z, NULL); /* self-attention over memory, residual */
      attend(F, NT, Z, nmem, F, Fo, NULL);        /* cross-attention of the frame to the memory */
    } else {
      memcpy(Fo, F, sizeof F);
    }
    double nf = 0, no = 0;
    for (int i = 0; i < NT * C; i++) { nf += F[i] * F[i]; no += Fo[i] * Fo[i]; }
    /* Memory update: score every candidate by the largest attention any current query gives it. */
    int nc = nmem + NT;
    memcpy(cand, mem, sizeof(float) * nmem * C);
    memcpy(cand + nmem * C, F, sizeof(float) * NT * C);
    for (int j = 0; j < nmem; j++) cage[j] = age[j];
    for (int j = 0; j < NT; j++) cage[nmem + j] = t;
    float tmp[NT * C];
    attend(F, NT, cand, nc, F, tmp, score);
    int keep = nc < L ? nc : L, admitted = 0;
    uint8_t mask[CAND];
    long idx[CAND];
    long kept = swk_topk_select(score, nc, keep, 0, mask, idx);
    /* Check: every kept score >= every dropped score. */
    float kmin = INFINITY, dmax = -INFINITY;
    for (int j = 0; j < nc; j++) { if (mask[j]) kmin = fminf(kmin, score[j]); else dmax = fmaxf(dmax, score[j]); }
    all_ok &= kept == keep && kmin >= dmax;
    long oldest = t;
    for (int j = 0; j < keep; j++) {
      memcpy(mem + j * C, cand + idx[j] * C, sizeof(float) * C);
      age[j] = cage[idx[j]];
      admitted += cage[idx[j]] == t;
      if (age[j] < oldest) oldest = age[j];
    }
    nmem = keep;
    printf("%5d %8d %14d %16ld %14.3f\n", t, nmem, admitted, oldest, sqrt(no / nf));
  }
  printf("result: %s\n", all_ok ? "memory keeps exactly the top-L candidates by attention relevance each frame" : "UNEXPECTED");
  return all_ok ? 0 : 1;
}
