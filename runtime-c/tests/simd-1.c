/* SIMD vector types and intrinsics (doublev8, doublev4, floatv4, intv16 ...) on the CPE. */
//! targets: pro sw26010
#include "check.h"

struct arg {
  double x[64 * 8] __attribute__((aligned(64)));
  double sum[64];
};

#ifdef __sw_slave__
#include <slave.h>

__thread_local double tile[8] __attribute__((aligned(64)));

void kern(struct arg *a) {
  doublev8 v, w;
  athread_get(PE_MODE, a->x + _MYID * 8, tile, sizeof tile, 0, 0, 0, 0);
  simd_load(v, tile);
  w = simd_vcpyfd(2.0);
  v = simd_vmad(v, w, simd_vcpyfd(1.0)); /* 2x + 1 */
  simd_store(v, tile);
  doublev4 q = simd_set_doublev4(1, 2, 3, 4);
  intv16 iv = {0};
  iv += 3;
  floatv4 f = simd_set_floatv4(0.5f, 0.5f, 0.5f, 0.5f);
  a->sum[_MYID] = simd_reduc_plusd(v) + simd_reduc_plusd(q) + iv[15] + f[2];
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  for (int i = 0; i < 64 * 8; i++) a.x[i] = i;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  for (int c = 0; c < 64; c++) {
    double want = 10 + 3 + 0.5;
    for (int i = 0; i < 8; i++) want += 2.0 * (c * 8 + i) + 1;
    CHECK(a.sum[c] == want);
  }
  athread_halt();
  return 0;
}
#endif
