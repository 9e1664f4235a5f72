/* Classic SW26010 broadcast DMA (BCAST_MODE with a row mask, the data landing at the same LDM address
   on every selected CPE) and the loud refusal of the undocumented row modes. */
//! targets: sw26010
//! run:
//! run: rowmode => error: athread_get in ROW_MODE is not emulated
#include "check.h"

struct arg {
  long src[16];
  int mode;
  int bad;
};

#ifdef __sw_slave__
#include <slave.h>

__thread_local long dst[16];
__thread_local volatile int r;

void kern(struct arg *a) {
  for (int i = 0; i < 16; i++) dst[i] = -1;
  athread_syn(ARRAY_SCOPE, 0xffff);
  if (_MYID == 0) {
    r = 0;
    /* rows 1 and 3 only */
    athread_get(BCAST_MODE, a->src, dst, sizeof a->src, (void *)&r, 0x0a, 0, 0);
    while (r != 1) {
    }
  }
  athread_syn(ARRAY_SCOPE, 0xffff);
  long want = (_ROW == 1 || _ROW == 3) ? 7 : -1;
  if (dst[7] != want) __atomic_store_n(&a->bad, 1, __ATOMIC_RELAXED);
  if (a->mode && _MYID == 5) athread_get(ROW_MODE, a->src, dst, 64, (void *)&r, 0, 0, 8);
}
#endif

#ifdef __sw_host__
#include <athread.h>
#include <string.h>
extern void slave_kern(struct arg *);

int main(int argc, char **argv) {
  static struct arg a;
  for (int i = 0; i < 16; i++) a.src[i] = i;
  a.mode = argc > 1 && !strcmp(argv[1], "rowmode");
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  CHECK(!a.bad);
  athread_halt();
  return 0;
}
#endif
