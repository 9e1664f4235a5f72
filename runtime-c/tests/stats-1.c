/* Statistics: a known amount of DMA, RMA and barriers per CPE over three spawns of one kernel and
   one of another; test/runtime checks the JSON written to O2ATH_EMU_STATS. */
#include "check.h"

struct arg {
  double data[64 * 100];
};

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

__thread_local double tile[100];
__thread_local crts_rply_t rr;

void work(struct arg *a) {
  CRTS_dma_get(tile, a->data + _MYID * 100, sizeof tile);   /* 800 bytes in */
  CRTS_ssync_array();                                        /* 1 barrier */
  CRTS_dma_put(a->data + _MYID * 100, tile, 400);            /* 400 bytes out */
  CRTS_rma_put(tile, 16, (_MYID + 1) % 64, tile + 50, &rr);  /* 16 bytes of RMA */
  CRTS_ssync_array();                                        /* 1 barrier */
}

void other(void *p) { (void)p; }
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_work(struct arg *);
extern void slave_other(void *);

int main(void) {
  static struct arg a;
  athread_init();
  for (int i = 0; i < 3; i++) {
    athread_spawn(work, &a);
    athread_join();
  }
  athread_spawn(other, 0);
  athread_join();
  return 0;
}
#endif
