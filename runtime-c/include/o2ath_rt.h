/* Small o2ath support layer for translated code: helpers the real Athread headers lack, with an
   emulated definition (runtime-c) and, where it is one instruction, the real-hardware one. */
#ifndef O2ATH_RT_H
#define O2ATH_RT_H

#if defined(__sw_slave__)
#include <slave.h> /* defines O2ATH_EMU in the emulator */
#else
#include <athread.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__sw_host__) || !defined(__sw_slave__)
/* MPE: idempotent, thread-safe athread_init (also CRTS_init on the Pro).
   Generated host code calls it before every spawn, so no user change is
   needed to initialise the CPE cluster. */
void o2ath_host_init(void);
#endif

#if defined(__sw_slave__)
/* CPE: fetch-and-increment of a main-memory counter, returning the old value
   (faaw / faal on the hardware). Used for dynamic schedules and tickets. */
#ifdef O2ATH_EMU
int o2ath_fetch_inc_int(volatile int *p);
long o2ath_fetch_inc_long(volatile long *p);
#else
static inline int o2ath_fetch_inc_int(volatile int *p) {
  int old;
  __asm__ __volatile__("faaw %0, 0(%1)\n\tmemb\n" : "=&r"(old) : "r"(p) : "memory");
  return old;
}
static inline long o2ath_fetch_inc_long(volatile long *p) {
  long old;
  __asm__ __volatile__("faal %0, 0(%1)\n\tmemb\n" : "=&r"(old) : "r"(p) : "memory");
  return old;
}
#endif
#endif

#ifdef __cplusplus
}
#endif
#endif
