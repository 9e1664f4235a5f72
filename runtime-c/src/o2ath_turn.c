/* o2ath_relax / o2ath_signal: translated code waiting on a word in main memory yields to the other
   emulated CPEs (fibers or threads) and wakes them when it writes one. */
#include "internal.h"

static __thread unsigned long relax_count;

void o2ath_relax(void) { swrt_pause(relax_count++); }

void o2ath_signal(void) { swrt_event(); }
