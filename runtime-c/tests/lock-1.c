/* Main-memory locks and fetch-and-add: athread_lock/athread_unlock, faaw/faal (atomic_inc1_*),
   _crts_faa_long and o2ath_fetch_inc_*. */
//! targets: pro sw26010
#include "check.h"

struct arg {
  long lock;
  long plain; /* updated only under the lock */
  volatile int wcount;
  volatile long lcount;
  volatile long tickets;
  int got[64 * 20];
};

#ifdef __sw_slave__
#include <slave.h>
#include <o2ath_rt.h>

void kern(struct arg *a) {
  for (int i = 0; i < 20; i++) {
    athread_lock(&a->lock);
    a->plain++;
    athread_unlock(&a->lock);
    atomic_inc1_w(&a->wcount);
    atomic_inc1_l(&a->lcount);
    long t = o2ath_fetch_inc_long(&a->tickets);
    __atomic_store_n(&a->got[t], 1, __ATOMIC_RELAXED);
  }
#ifndef O2ATH_EMU_SW26010
  _crts_faa_long(&a->lcount);
#endif
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
  CHECK(a.lock == 0);
  CHECK(a.plain == 64 * 20);
  CHECK(a.wcount == 64 * 20);
#ifdef O2ATH_EMU_SW26010
  CHECK(a.lcount == 64 * 20);
#else
  CHECK(a.lcount == 64 * 21);
#endif
  for (int i = 0; i < 64 * 20; i++) CHECK(a.got[i] == 1);
  athread_halt();
  return 0;
}
#endif
