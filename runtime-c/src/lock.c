/* Main-memory locks and fetch-and-add for CPE code: athread_lock/unlock, faaw/faal equivalents. */
#include "internal.h"

#include <sched.h>

#include "../include/o2ath_emu.h"

int swrt_faa_int(volatile int *p, int v) { return __atomic_fetch_add((int *)p, v, __ATOMIC_SEQ_CST); }

long swrt_faa_long(volatile long *p, long v) {
  return __atomic_fetch_add((long *)p, v, __ATOMIC_SEQ_CST);
}

int o2ath_fetch_inc_int(volatile int *p) { return swrt_faa_int(p, 1); }
long o2ath_fetch_inc_long(volatile long *p) { return swrt_faa_long(p, 1); }

/* The real athread_lock repeats a fetch-and-increment until it returns 0,
   and athread_unlock stores 0; the same protocol keeps the lock word's
   meaning (0 = free) identical.  The holder may be a descheduled thread on
   a machine with few cores, so waiters yield instead of spinning hard. */
int swrt_lock_long(volatile long *p) {
  double start = 0, limit = 0;
  for (unsigned long i = 0;; i++) {
    if (__atomic_fetch_add((long *)p, 1L, __ATOMIC_ACQUIRE) == 0) return 0;
    swrt_pause(i);
    if ((i & 1023) == 16) {
      if (!start) {
        start = swrt_now();
        limit = swrt_watchdog_seconds();
      } else if (limit > 0 && swrt_now() - start > limit) {
        swrt_fatal("watchdog: athread_lock(%p) has waited %.0f s for a lock nobody releases; on "
                   "the hardware this CPE would spin forever",
                   (void *)p, limit);
      }
    }
  }
}

int swrt_unlock_long(volatile long *p) {
  __atomic_store_n((long *)p, 0L, __ATOMIC_RELEASE);
  swrt_event();
  return 0;
}
