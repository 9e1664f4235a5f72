/* DMA: Pro CRTS_dma_* / athread_dma_* (blocking, reply, strided, int and long replies) and classic
   athread_get/athread_put with stride = gap between blocks. */
//! targets: pro sw26010
#include "check.h"

#define N 1024
struct arg {
  long *src, *dst; /* main memory: 64 rows of N longs */
  int bad;
};

#ifdef __sw_slave__
#include <slave.h>

__thread_local long buf[N];
__thread_local volatile int irply;
__thread_local volatile long lrply;

static void fail(struct arg *a) { __atomic_store_n(&a->bad, 1, __ATOMIC_RELAXED); }

void kern(struct arg *ga) {
  struct arg a;
  long *row;
  /* the parameter struct itself comes in by DMA, the universal idiom */
#ifdef O2ATH_EMU_SW26010
  volatile int r = 0;
  athread_get(PE_MODE, ga, &a, sizeof a, (void *)&r, 0, 0, 0);
  while (r != 1) {
  }
  row = a.src + (long)_MYID * N;
  r = 0;
  athread_get(PE_MODE, row, buf, N * sizeof(long), (void *)&r, 0, 0, 0);
  while (r != 1) {
  }
  for (int i = 0; i < N; i++)
    if (buf[i] != _MYID * 100000L + i) fail(ga);
  /* strided: blocks of 2 longs with a gap of 3 longs: elements 0,1,5,6,10,11,... */
  r = 0;
  athread_get(PE_MODE, row, buf, 8 * sizeof(long), (void *)&r, 0, 3 * sizeof(long), 2 * sizeof(long));
  while (r != 1) {
  }
  long want[8] = {0, 1, 5, 6, 10, 11, 15, 16};
  for (int i = 0; i < 8; i++)
    if (buf[i] != _MYID * 100000L + want[i]) fail(ga);
  /* put back, two transfers on one counter */
  for (int i = 0; i < N; i++) buf[i] = -buf[i];
  r = 0;
  athread_get(PE_MODE, row, buf, N * sizeof(long), (void *)&r, 0, 0, 0);
  for (int i = 0; i < N; i++) buf[i] = 2 * buf[i];
  athread_put(PE_MODE, buf, a.dst + (long)_MYID * N, N * sizeof(long), (void *)&r, 0, 0);
  while (r != 2) {
  }
#else
  CRTS_dma_get(&a, ga, sizeof a);
  row = a.src + (long)_MYID * N;
  irply = 0;
  athread_dma_iget(buf, row, N * sizeof(long), &irply);
  athread_dma_wait_value(&irply, 1);
  for (int i = 0; i < N; i++)
    if (buf[i] != _MYID * 100000L + i) fail(ga);
  /* strided, long reply: blocks of 2 with a gap of 3 */
  lrply = 0;
  CRTS_dma_iget_stride(buf, row, 8 * sizeof(long), 2 * sizeof(long), 3 * sizeof(long), &lrply);
  CRTS_dma_wait_value(&lrply, 1);
  if (lrply != 1) fail(ga);
  long want[8] = {0, 1, 5, 6, 10, 11, 15, 16};
  for (int i = 0; i < 8; i++)
    if (buf[i] != _MYID * 100000L + want[i]) fail(ga);
  athread_dma_get(buf, row, N * sizeof(long));
  for (int i = 0; i < N; i++) buf[i] = 2 * buf[i];
  irply = 0;
  athread_dma_iput(a.dst + (long)_MYID * N, buf, N / 2 * sizeof(long), &irply);
  CRTS_dma_iput(a.dst + (long)_MYID * N + N / 2, buf + N / 2, N / 2 * sizeof(long), &irply);
  athread_dma_wait_value(&irply, 2);
  /* strided put: scatter 4 blocks of 1 long with a gap of 1 long into the odd half... */
  athread_dma_put_stride(a.dst + (long)_MYID * N + 1, buf + 1, 4 * sizeof(long), sizeof(long),
                         sizeof(long));
  /* classic athread_get is still available on the Pro */
  volatile int r = 0;
  athread_get(PE_MODE, row, buf, 16, (void *)&r, 0, 0, 0);
  while (r != 1) {
  }
#endif
}
#endif

#ifdef __sw_host__
#include <athread.h>
#include <stdlib.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  a.src = malloc(64 * N * sizeof(long));
  a.dst = calloc(64 * N, sizeof(long));
  for (long c = 0; c < 64; c++)
    for (long i = 0; i < N; i++) a.src[c * N + i] = c * 100000 + i;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  CHECK(!a.bad);
  for (long c = 0; c < 64; c++)
    for (long i = 0; i < N; i++) {
      long v = 2 * (c * 100000 + i);
#ifndef O2ATH_EMU_SW26010
      /* the strided put wrote buf[1..4] to elements 1,3,5,7 */
      if (i == 3) v = 2 * (c * 100000 + 2);
      if (i == 5) v = 2 * (c * 100000 + 3);
      if (i == 7) v = 2 * (c * 100000 + 4);
#endif
      CHECK(a.dst[c * N + i] == v);
    }
  free(a.src);
  free(a.dst);
  athread_halt();
  return 0;
}
#endif
