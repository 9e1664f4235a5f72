/* AngularGrad example: a 2-64-3 MLP learns the three-arm spiral with the K8 optimiser on the CPEs
 * (AngularGrad cos and tan, and Adam for comparison). The AngularGrad-cos run is repeated with the serial
 * reference optimiser; the loss trajectories must be bit-identical. Forward/backward use K1 GEMM and K3 CE.
 * As in the official code, the angle branch fires only when at least half of a tensor's gradients are
 * exactly unchanged, which never happens here: F stays 0, A = 0.5, and tan and cos coincide (Adam with
 * a halved step, epsilon outside the bias correction). */
#include "swk_gemm.h"
#include "swk_softmax.h"
#include "swk_optim.h"
#include "ex_util.h"

enum { NPC = 200, C = 3, N = NPC * C, HID = 64, STEPS = 300 };

static double train(int variant, ex_step_fn step, double *acc, double *trace) {
  static float X[N * 2];
  static int y[N];
  ex_seed(1);
  ex_spiral(NPC, C, X, y);
  ex_mlp net;
  ex_mlp_init(&net, 2, HID, C, variant, 0.02f);
  double L = 0;
  for (int s = 0; s < STEPS; s++) {
    L = ex_mlp_step(&net, X, y, N, step);
    if (trace && s % 50 == 0) trace[s / 50] = L;
  }
  float *H = malloc(sizeof(float) * N * HID), *Z = malloc(sizeof(float) * N * C);
  ex_mlp_forward(&net, X, N, H, Z);
  *acc = ex_accuracy(Z, y, N, C);
  free(H); free(Z);
  return L;
}

int main(void) {
  static const char *names[3] = { "Adam", "AngularGrad-tan", "AngularGrad-cos" };
  int all_same = 1;
  printf("3-arm spiral, %d points, MLP 2-%d-3, %d full-batch steps, lr 0.02\n", N, HID, STEPS);
  printf("%-16s %10s %10s %10s %10s %10s %10s  %s\n", "optimiser", "loss@0", "loss@50", "loss@150", "loss@250", "final", "accuracy", "CPE == serial ref");
  for (int v = 0; v < 3; v++) {
    double tr[6], tr_ref[6], acc, acc_ref;
    double L = train(v, swk_optim_step_f32, &acc, tr);
    const char *cmp = "-";
    if (v == 2) {
      double Lr = train(v, swk_optim_step_f32_ref, &acc_ref, tr_ref);
      int same = L == Lr && !memcmp(tr, tr_ref, sizeof tr) && acc == acc_ref;
      all_same &= same;
      cmp = same ? "yes" : "NO";
    }
    all_same &= acc > 0.9;
    printf("%-16s %10.4f %10.4f %10.4f %10.4f %10.4f %9.1f%%  %s\n", names[v], tr[0], tr[1], tr[3], tr[5], L, 100 * acc, cmp);
  }
  printf("result: %s\n", all_same ? "all optimisers reach > 90% accuracy; the CPE run is bit-identical to the serial reference" : "FAILED");
  return all_same ? 0 : 1;
}
