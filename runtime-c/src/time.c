/* Clocks: wall time for omp_get_wtime and statistics, and the cycle counters RTC / CRTS_*time_cycle. */
#include "internal.h"

#include <time.h>

#include "../include/o2ath_emu.h"

double swrt_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The hardware counters tick at the core clock; x86's TSC is the closest
   analogue (constant rate, not the CPE clock: never compare across machines). */
unsigned long swrt_cycles(void) {
#if defined(__x86_64__) || defined(__i386__)
  return (unsigned long)__builtin_ia32_rdtsc();
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (unsigned long)ts.tv_sec * 1000000000ul + (unsigned long)ts.tv_nsec;
#endif
}

unsigned long CRTS_time_cycle(void) { return swrt_cycles(); }
unsigned long CRTS_stime_cycle(void) { return swrt_cycles(); }
