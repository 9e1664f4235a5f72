/* The SW26010-Pro CPE data cache (LDCache) controls: x86 caches are coherent, so they only check use. */
#include "internal.h"

#include "../include/slave.h"

void flush_slave_cache(void) { swrt_need_cpe("flush_slave_cache"); }

void evict_slave_cache_cont(void *start, void *end) {
  (void)start;
  (void)end;
  swrt_need_cpe("evict_slave_cache_cont");
}

/* No LDM is given to a cache or to shared LDM in the emulation. */
long get_slave_cache_size(void) { return 0; }
long get_slave_ldmshare_size(void) { return 0; }
void set_ptr_uncached(void **p) { (void)p; }
void set_ptr_cached(void **p) { (void)p; }
