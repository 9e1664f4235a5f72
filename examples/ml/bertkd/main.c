/* BERT vocabulary-reduction KD example (ml-kernels.md §9; reconstructed parts FLAGged there):
 *  - teacher MLM head over |V| = 30522 words: LayerNorm (eps 1e-12, K5) then logits = h E_t^T (K1, E_t tied
 *    embeddings) and cross-entropy with the online log-sum-exp over column tiles (K3); at init the loss is
 *    ln |V| = 10.326 plus half the logit variance;
 *  - student with a 5000-word vocabulary and d_s = 32: its logits against the teacher's over the shared
 *    5000 ids, KD loss T^2 KL(p_t^T || p_s^T) at T = 2 (K3);
 *  - shared down projection U: layer loss ||W_t U - W_s||_F^2 (K1), zero when W_s = W_t U. */
#include "swk_gemm.h"
#include "swk_softmax.h"
#include "swk_norm.h"
#include "ex_util.h"

enum { V = 30522, VS = 5000, DT = 64, DS = 32, NPOS = 64 };

int main(void) {
  ex_seed(9);
  float *Et = malloc(sizeof(float) * V * DT), *Es = malloc(sizeof(float) * VS * DS), *h = malloc(sizeof(float) * NPOS * DT);
  float *hn = malloc(sizeof(float) * NPOS * DT), *hs = malloc(sizeof(float) * NPOS * DS), *U = malloc(sizeof(float) * DT * DS);
  float *lt = malloc(sizeof(float) * NPOS * V), *ls = malloc(sizeof(float) * NPOS * VS), *lt_s = malloc(sizeof(float) * NPOS * VS);
  float loss[NPOS], kl[NPOS];
  int target[NPOS];
  ex_fill_normal(Et, (long)V * DT, 0.02); /* BERT initialiser N(0, 0.02^2) */
  ex_fill_normal(Es, (long)VS * DS, 0.02);
  ex_fill_normal(h, NPOS * DT, 1.0);
  ex_fill_normal(U, DT * DS, 1 / sqrt((double)DT));
  for (int i = 0; i < NPOS; i++) target[i] = (int)(ex_uniform() * VS);
  swk_segment_norm_f32(h, NPOS, DT, NULL, 0, SWK_NORM_ROW, NULL, NULL, NULL, 0, 1e-12f, SWK_ACT_NONE, hn, NULL, NULL);
  swk_gemm_desc_f32 g = swk_gemm_desc_plain_f32(NPOS, V, DT, hn, Et, lt);
  g.transB = 1; g.ldb = DT; /* E_t stored |V| x d */
  swk_stats_reset();
  swk_gemm_f32(&g);
  swk_softmax_rows_f32(lt, NPOS, V, V, 1, 0, target, NULL, SWK_SM_CE_LOSS, NULL, loss);
  double ce = 0;
  for (int i = 0; i < NPOS; i++) ce += loss[i] / NPOS;
  /* Logits ~ N(0, s2) with s2 = |LN(h)|^2 0.02^2 = 64 * 4e-4: E[CE] ~ ln |V| + s2 / 2 (log-normal sum). */
  const double s2 = DT * 0.02 * 0.02, expect = log((double)V) + s2 / 2;
  printf("teacher MLM head: %d positions x %d words, CE at init %.4f (ln |V| + s2/2 = %.4f, ln |V| = %.4f), DMA %.1f MB\n", NPOS, V, ce, expect,
         log((double)V), (swk_stats_get_bytes() + swk_stats_put_bytes()) / 1e6);
  /* Student: hidden states are the teacher's projected down (h_s = LN(h) U), logits over its 5000 words. */
  swk_gemm_desc_f32 p = swk_gemm_desc_plain_f32(NPOS, DS, DT, hn, U, hs);
  swk_gemm_f32(&p);
  swk_gemm_desc_f32 s = swk_gemm_desc_plain_f32(NPOS, VS, DS, hs, Es, ls);
  s.transB = 1; s.ldb = DS;
  swk_gemm_f32(&s);
  for (int i = 0; i < NPOS; i++) memcpy(lt_s + (long)i * VS, lt + (long)i * V, sizeof(float) * VS); /* shared ids */
  for (long i = 0; i < (long)NPOS * VS; i++) lt_s[i] *= 200; /* a confident teacher */
  const float T = 2;
  swk_softmax_rows_f32(ls, NPOS, VS, VS, 1 / T, 0, NULL, lt_s, SWK_SM_KD_KL_T, NULL, kl);
  double kd = 0;
  for (int i = 0; i < NPOS; i++) kd += T * T * kl[i] / NPOS;
  swk_softmax_rows_f32(lt_s, NPOS, VS, VS, 1 / T, 0, NULL, lt_s, SWK_SM_KD_KL_T, NULL, kl);
  double self = 0;
  for (int i = 0; i < NPOS; i++) self += kl[i];
  printf("student (|V_s| = %d, d_s = %d): KD loss T^2 KL(teacher || student) at T = 2: %.4f; teacher vs itself: %.2e\n", VS, DS, kd, self);
  /* Shared projection: W_s = W_t U gives zero layer loss; a perturbed W_s does not. */
  float *Wt = malloc(sizeof(float) * DT * DT), *Ws = malloc(sizeof(float) * DT * DS), *R = malloc(sizeof(float) * DT * DS);
  ex_fill_normal(Wt, DT * DT, 0.1);
  swk_gemm_desc_f32 w = swk_gemm_desc_plain_f32(DT, DS, DT, Wt, U, Ws);
  swk_gemm_f32(&w);
  double l0 = 0, l1 = 0;
  swk_gemm_desc_f32 r = swk_gemm_desc_plain_f32(DT, DS, DT, Wt, U, R);
  r.beta = -1; /* R = W_t U - W_s */
  memcpy(R, Ws, sizeof(float) * DT * DS);
  r.C = R;
  swk_gemm_f32(&r);
  for (int i = 0; i < DT * DS; i++) l0 += (double)R[i] * R[i];
  for (int i = 0; i < DT * DS; i++) Ws[i] += 0.01f * (float)ex_normal();
  memcpy(R, Ws, sizeof(float) * DT * DS);
  swk_gemm_f32(&r);
  for (int i = 0; i < DT * DS; i++) l1 += (double)R[i] * R[i];
  printf("projection loss ||W_t U - W_s||^2: %.3g when W_s = W_t U, %.4f after perturbing W_s\n", l0, l1);
  int ok = fabs(ce - expect) < 0.005 && self < 1e-5 && l0 == 0 && l1 > 0;
  printf("result: %s\n", ok ? "CE at init matches ln |V| + s2/2 through the 30522-wide online softmax; KL(p || p) = 0; projection loss 0 at W_s = W_t U" : "UNEXPECTED");
  return ok ? 0 : 1;
}
