/* CPE collectives: CRTS_scoll_redurt (int, long, double, doublev8; add, min, max, bitwise) and
   CRTS_scoll_alltoall. */
#include "check.h"

struct arg {
  int bad;
};

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

__thread_local double dsrc[4], ddst[4];
__thread_local int isrc[2], idst[2];
__thread_local long lsrc, ldst;
__thread_local doublev8 vsrc, vdst;
__thread_local double buf[64];
__thread_local int a2a_src[64], a2a_dst[64];

static void fail(struct arg *a, int code) { __atomic_store_n(&a->bad, code, __ATOMIC_RELAXED); }

void kern(struct arg *a) {
  int me = _MYID;
  for (int i = 0; i < 4; i++) dsrc[i] = me + i * 0.5;
  CRTS_scoll_redurt(dsrc, ddst, 4, CRTS_double, OP_add, buf, 64);
  for (int i = 0; i < 4; i++)
    if (ddst[i] != 2016 + 64 * i * 0.5) fail(a, 1);
  isrc[0] = me;
  isrc[1] = -me;
  CRTS_scoll_redurt(isrc, idst, 2, CRTS_int, OP_max, buf, 64);
  if (idst[0] != 63 || idst[1] != 0) fail(a, 2);
  CRTS_scoll_redurt(isrc, idst, 2, CRTS_int, OP_min, buf, 64);
  if (idst[0] != 0 || idst[1] != -63) fail(a, 3);
  lsrc = (long)(1UL << me);
  CRTS_scoll_redurt(&lsrc, &ldst, 1, CRTS_long, OP_or, buf, 64);
  if (ldst != -1L) fail(a, 4);
  vsrc = simd_vcpyfd((double)me);
  CRTS_scoll_redurt(&vsrc, &vdst, 1, CRTS_doublev8, OP_add, buf, 64);
  if (simd_reduc_plusd(vdst) != 8 * 2016.0) fail(a, 5);
  /* in place */
  dsrc[0] = 1;
  athread_redurt(dsrc, dsrc, 1, athread_double, OP_add, buf, 64);
  if (dsrc[0] != 64) fail(a, 6);
  for (int j = 0; j < 64; j++) a2a_src[j] = me * 1000 + j;
  CRTS_scoll_alltoall(a2a_src, a2a_dst, sizeof(int));
  for (int j = 0; j < 64; j++)
    if (a2a_dst[j] != j * 1000 + me) fail(a, 7);
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  if (a.bad) fprintf(stderr, "failure code %d\n", a.bad);
  CHECK(!a.bad);
  return 0;
}
#endif
