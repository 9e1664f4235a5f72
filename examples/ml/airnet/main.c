/* AirNet example (ml-kernels.md §1): deliver a trained classifier over a noisy channel.
 * Weights go out as analog complex symbols with power normalisation; at the receiver every weight
 * carries Gaussian noise of variance mean(theta^2) 10^(-SNR/10) (K9 AWGN channel, Philox noise).
 *  A: plain training (Adam).  B: noise-injection training at SNR_train = 5 dB: every step evaluates
 *     the gradient at theta + sigma_e eps (fresh K9 noise), then updates the clean theta.
 *  C: B pruned to its 50% largest weights (K10 top-k; support known at the receiver), fine-tuned with
 *     noise injection and the mask, each kept weight sent twice (same bandwidth, noise variance / 2).
 * Test accuracy on held-out points, averaged over channel draws. */
#include "swk_gemm.h"
#include "swk_softmax.h"
#include "swk_optim.h"
#include "swk_rng.h"
#include "swk_topk.h"
#include "ex_util.h"

enum { NPC = 200, C = 3, N = NPC * C, HID = 64, STEPS = 200, FINETUNE = 100, TRIALS = 8 };
static const float SNR_TRAIN = 5;

static float X[N * 2], Xt[N * 2];
static int y[N], yt[N];

static double accuracy_with(ex_mlp *net, const float *theta) {
  static float H[N * HID], Z[N * C];
  ex_mlp_set(net, theta);
  ex_mlp_forward(net, Xt, N, H, Z);
  return ex_accuracy(Z, yt, N, C);
}

/* steps of training; noisy: gradient at the channel output; mask (nullable): pruned weights stay 0. */
static void train(ex_mlp *net, int steps, int noisy, const uint8_t *mask, uint64_t stream0) {
  long n = ex_mlp_size(net);
  float *theta = malloc(4 * n), *tilde = malloc(4 * n);
  for (int s = 0; s < steps; s++) {
    ex_mlp_get(net, theta);
    if (noisy) {
      swk_awgn_channel_f32(theta, n, mask, SNR_TRAIN, 1, 77, stream0 + (uint64_t)s, tilde, NULL);
      ex_mlp_set(net, tilde);
    }
    ex_mlp_grad(net, X, y, N);
    ex_mlp_set(net, theta); /* the update applies to the clean weights (d theta~ / d theta = I) */
    ex_mlp_update(net, swk_optim_step_f32);
    if (mask) {
      ex_mlp_get(net, theta);
      for (long i = 0; i < n; i++) if (!mask[i]) theta[i] = 0;
      ex_mlp_set(net, theta);
    }
  }
  free(theta); free(tilde);
}

int main(void) {
  ex_seed(1);
  ex_spiral(NPC, C, X, y);
  ex_spiral(NPC, C, Xt, yt);
  ex_mlp a, b;
  ex_seed(7); ex_mlp_init(&a, 2, HID, C, SWK_OPT_ADAM, 0.02f);
  ex_seed(7); ex_mlp_init(&b, 2, HID, C, SWK_OPT_ADAM, 0.02f);
  train(&a, STEPS, 0, NULL, 0);
  train(&b, STEPS, 1, NULL, 1000);
  long n = ex_mlp_size(&a);
  float *ta = malloc(4 * n), *tb = malloc(4 * n), *tc = malloc(4 * n), *hat = malloc(4 * n);
  uint8_t *mask = malloc((size_t)n);
  ex_mlp_get(&a, ta);
  ex_mlp_get(&b, tb);
  long kept = swk_topk_select(tb, n, n / 2, 1, mask, NULL);
  train(&b, FINETUNE, 1, mask, 5000);
  ex_mlp_get(&b, tc);
  const double snrs[] = { -5, 0, 5, 10, 15, 20, INFINITY };
  const int ns = (int)(sizeof snrs / sizeof snrs[0]);
  double acc[3][7];
  printf("MLP with %ld weights; held-out accuracy without channel: A %.1f%%, B %.1f%%, C %.1f%% (C keeps %ld)\n", n,
         100 * accuracy_with(&a, ta), 100 * accuracy_with(&a, tb), 100 * accuracy_with(&a, tc), kept);
  printf("%8s %16s %26s %30s\n", "SNR dB", "A plain", "B noise-injected 5 dB", "C top-50% + repetition 2");
  for (int si = 0; si < ns; si++) {
    for (int m = 0; m < 3; m++) acc[m][si] = 0;
    for (int t = 0; t < TRIALS; t++) {
      uint64_t st = (uint64_t)(si * 100 + t);
      swk_awgn_channel_f32(ta, n, NULL, (float)snrs[si], 1, 2024, st, hat, NULL);
      acc[0][si] += accuracy_with(&a, hat) / TRIALS;
      swk_awgn_channel_f32(tb, n, NULL, (float)snrs[si], 1, 2024, st, hat, NULL);
      acc[1][si] += accuracy_with(&a, hat) / TRIALS;
      swk_awgn_channel_f32(tc, n, mask, (float)snrs[si], 2, 2024, st, hat, NULL);
      acc[2][si] += accuracy_with(&a, hat) / TRIALS;
    }
    printf("%8.0f %15.1f%% %25.1f%% %29.1f%%\n", snrs[si], 100 * acc[0][si], 100 * acc[1][si], 100 * acc[2][si]);
  }
  /* acc[.][1] is 0 dB, acc[.][5] 20 dB, acc[.][ns-1] no noise. */
  int ok = fabs(acc[0][ns - 1] - accuracy_with(&a, ta)) < 1e-9 && acc[0][5] > acc[0][1] + 0.2 && acc[1][1] > acc[0][1] && acc[2][1] > acc[0][1];
  printf("result: %s\n", ok ? "accuracy rises with SNR and equals the clean model at SNR = inf; below the training SNR the noise-injected (B) and "
                               "pruned + repeated (C) models beat plain training (A)"
                            : "UNEXPECTED");
  return ok ? 0 : 1;
}
