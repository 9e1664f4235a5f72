/* o2ath_relax / o2ath_signal: translated code waiting on a word in main memory yields to the other
   emulated CPEs (fibers or threads) and wakes them when it writes one. o2ath_nest_*: the depth of
   parallel regions nested in CPE code, each a team of one. */
#include "internal.h"
#include "../include/o2ath_cpe.h"

static __thread unsigned long relax_count;
__thread int o2ath_nest_depth;

void o2ath_relax(void) { swrt_pause(relax_count++); }

void o2ath_signal(void) { swrt_event(); }

void o2ath_nest_enter(void) { o2ath_nest_depth++; }

void o2ath_nest_exit(void) { o2ath_nest_depth--; }
