/* Reply counters: the LDM words DMA and RMA increment on completion, and the waits on them. */
#include "internal.h"

#include <sched.h>

#include "../include/o2ath_emu.h"

/* The hardware adds 1 to a 32-bit word; code declares int or long
   counters, so the width comes from the caller's type (see swrt_rsize).
   Atomic because RMA increments another CPE's counter while it polls. */
void swrt_reply_add(void *reply, int rsize, int atomic) {
  (void)atomic;
  if (!reply) return;
  if (atomic) swrt_event(); /* a remote reply: its owner may be waiting */
  if (rsize == 8)
    __atomic_fetch_add((long *)reply, 1L, __ATOMIC_RELEASE);
  else
    __atomic_fetch_add((int *)reply, 1, __ATOMIC_RELEASE);
}

long swrt_reply_load(const void *reply, int rsize) {
  if (rsize == 8) return __atomic_load_n((const long *)reply, __ATOMIC_ACQUIRE);
  return __atomic_load_n((const int *)reply, __ATOMIC_ACQUIRE);
}

/* CRTS_dma_wait_value / CRTS_rma_wait_value: while (*reply < value). */
int swrt_wait_value(const volatile void *reply, int rsize, long value, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  const void *r = (const void *)reply;
  if (!swrt_is_ldm(c, r, (size_t)rsize))
    swrt_fatal("%s(%p, %ld): the reply counter is not in this CPE's LDM (ldm_malloc arena, "
               "__thread_local data or stack); the real hardware reads an unrelated LDM word",
               api, r, value);
  if (swrt_reply_load(r, rsize) >= value) return 0;
  double limit = swrt_watchdog_seconds(), start = swrt_now();
  for (unsigned long i = 1;; i++) {
    if (swrt_reply_load(r, rsize) >= value) return 0;
    /* Only another CPE can raise it now (emulated DMA completes inside the
       call): let that CPE run. */
    swrt_pause(i);
    if ((i & 255) == 0 && limit > 0 && swrt_now() - start > limit)
      swrt_fatal("watchdog: %s(%p, %ld) has waited %.0f s and the counter is still %ld; no DMA "
                 "or RMA in flight will raise it (emulated transfers complete inside their call), "
                 "so on the hardware this CPE would hang forever",
                 api, r, value, limit, swrt_reply_load(r, rsize));
  }
}
