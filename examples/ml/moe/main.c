/* MoV / MoLoRA example (ml-kernels.md §3) with T5-like shapes scaled down: 512 tokens, d_ff 704,
 * E = 30 IA3 experts for MoV; d_in 256, d_out 256, E = 10 rank-4 LoRA experts for MoLoRA.
 * Shows the init identities (S = 1 gives y = x; B = 0 leaves the frozen output), the router's load
 * (mean probability per expert), and the effect of non-trivial experts. K7 on top of K1 and K3. */
#include "swk_gemm.h"
#include "swk_softmax.h"
#include "swk_moe.h"
#include "ex_util.h"

enum { T = 512, DFF = 704, E = 30, DIN = 256, DOUT = 256, EL = 10, R = 4 };

int main(void) {
  ex_seed(3);
  float *x = malloc(sizeof(float) * T * DFF), *y = malloc(sizeof(float) * T * DFF), *Wr = malloc(sizeof(float) * DFF * E);
  float *S = malloc(sizeof(float) * E * DFF), *P = malloc(sizeof(float) * T * E);
  ex_fill_normal(x, (long)T * DFF, 1.0);
  ex_fill_normal(Wr, (long)DFF * E, 0.02); /* router init N(0, 0.02^2), no bias */
  for (long i = 0; i < (long)E * DFF; i++) S[i] = 1; /* IA3 init */
  swk_mov_f32(x, T, DFF, 1, Wr, E, S, 0, y, P);
  double dev = 0;
  for (long i = 0; i < (long)T * DFF; i++) dev = fmax(dev, fabs(y[i] - x[i]));
  double load_min = 1, load_max = 0;
  for (int e = 0; e < E; e++) {
    double s = 0;
    for (int t = 0; t < T; t++) s += P[t * E + e];
    s /= T;
    load_min = fmin(load_min, s); load_max = fmax(load_max, s);
  }
  printf("MoV, S = 1 (init): max |y - x| = %.3g; router load per expert %.4f .. %.4f (uniform 1/E = %.4f)\n", dev, load_min, load_max, 1.0 / E);
  ex_fill_normal(S, (long)E * DFF, 0.3);
  for (long i = 0; i < (long)E * DFF; i++) S[i] += 1;
  swk_mov_f32(x, T, DFF, 1, Wr, E, S, 1, y, P); /* top-1 routing, no renormalisation */
  double rel = 0, nx = 0;
  for (long i = 0; i < (long)T * DFF; i++) { rel += (y[i] - x[i]) * (y[i] - x[i]); nx += x[i] * x[i]; }
  printf("MoV, trained-like experts, top-1 without renormalisation (y = p_max S_e x, p_max ~ 1/E): ||y - x|| / ||x|| = %.4f\n", sqrt(rel / nx));
  float *xl = malloc(sizeof(float) * T * DIN), *Wl = malloc(sizeof(float) * DIN * EL), *A = malloc(sizeof(float) * DIN * EL * R);
  float *B = calloc((size_t)EL * R * DOUT, 4), *y0 = malloc(sizeof(float) * T * DOUT), *yl = malloc(sizeof(float) * T * DOUT);
  ex_fill_normal(xl, (long)T * DIN, 1.0);
  ex_fill_normal(Wl, (long)DIN * EL, 0.02);
  ex_fill_normal(A, (long)DIN * EL * R, 0.02);
  ex_fill_normal(y0, (long)T * DOUT, 1.0); /* the frozen layer's output */
  memcpy(yl, y0, sizeof(float) * T * DOUT);
  swk_molora_f32(xl, T, DIN, Wl, EL, A, B, R, 16.0f, DOUT, yl);
  int same = !memcmp(yl, y0, sizeof(float) * T * DOUT);
  printf("MoLoRA, B = 0 (init): output unchanged: %s\n", same ? "yes" : "NO");
  ex_fill_normal(B, (long)EL * R * DOUT, 0.02);
  swk_molora_f32(xl, T, DIN, Wl, EL, A, B, R, 16.0f, DOUT, yl);
  rel = 0; nx = 0;
  for (long i = 0; i < (long)T * DOUT; i++) { rel += (yl[i] - y0[i]) * (yl[i] - y0[i]); nx += y0[i] * y0[i]; }
  printf("MoLoRA, trained-like B: ||delta y|| / ||y|| = %.4f (alpha / r = 4)\n", sqrt(rel / nx));
  /* S = 1 gives y = x (sum_e p_e) = x up to the rounding of the softmax sum. */
  int ok = dev < 1e-5 && same && load_max - load_min < 0.01;
  printf("result: %s\n", ok ? "init identities hold (MoV to rounding of sum p = 1, MoLoRA exactly); soft routing spreads tokens over all experts" : "UNEXPECTED");
  return ok ? 0 : 1;
}
