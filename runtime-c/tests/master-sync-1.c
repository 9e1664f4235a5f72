/* MPE-CPE rendezvous: CRTS_sync_master_array / CRTS_ssync_master_array and the per-CPE forms let
   the MPE look at and change main memory between two phases of one running kernel. */
//! env: O2ATH_EMU_WATCHDOG_SECONDS=5
#include "check.h"

struct arg {
  int phase1[64];
  int from_host;
  int phase2[64];
  int spe_seen;
};

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

void kern(struct arg *a) {
  __atomic_store_n(&a->phase1[_MYID], _MYID + 1, __ATOMIC_RELAXED);
  CRTS_ssync_master_array(); /* #1: the MPE sees phase 1 complete */
  CRTS_ssync_master_array(); /* #2: the MPE has written from_host */
  __atomic_store_n(&a->phase2[_MYID], __atomic_load_n(&a->from_host, __ATOMIC_RELAXED) + _MYID,
                   __ATOMIC_RELAXED);
  if (_MYID == 5) {
    CRTS_ssync_master_spe();
    __atomic_store_n(&a->spe_seen, __atomic_load_n(&a->from_host, __ATOMIC_RELAXED), __ATOMIC_RELAXED);
  }
}
#endif

#ifdef __sw_host__
#include <athread.h>
#include <crts.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  athread_init();
  for (int rep = 0; rep < 3; rep++) {
    athread_spawn(kern, &a);
    CRTS_sync_master_array();
    for (int i = 0; i < 64; i++) CHECK(__atomic_load_n(&a.phase1[i], __ATOMIC_RELAXED) == i + 1);
    __atomic_store_n(&a.from_host, 1000 * (rep + 1), __ATOMIC_RELAXED);
    CRTS_sync_master_array();
    CRTS_sync_master_spe(5);
    athread_join();
    for (int i = 0; i < 64; i++) CHECK(a.phase2[i] == 1000 * (rep + 1) + i);
    CHECK(a.spe_seen == 1000 * (rep + 1));
  }
  return 0;
}
#endif
