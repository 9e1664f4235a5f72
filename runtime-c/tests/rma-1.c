/* RMA between CPE LDMs: iput/iget with local and remote replies, blocking get/put, bcast, row/col
   bcast and mcast, the collective bcasts; and the DMA broadcasts. */
#include "check.h"

struct arg {
  long in[64];
  int bad;
};

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

__thread_local long mine[8];
__thread_local long got[8];
__thread_local crts_rply_t lr, rr;
__thread_local athread_rply_t lrl; /* a long local reply */

static void fail(struct arg *a, int code) { __atomic_store_n(&a->bad, code, __ATOMIC_RELAXED); }

void kern(struct arg *a) {
  int me = _MYID, right = (_MYID + 1) % 64, left = (_MYID + 63) % 64;
  for (int i = 0; i < 8; i++) mine[i] = me * 100 + i;
  lr = rr = 0;
  lrl = 0;
  CRTS_ssync_array(); /* replies are reset everywhere before anyone increments them */

  /* put my data into my right neighbour's `got`; its remote reply counts */
  CRTS_rma_iput(mine, &lrl, sizeof mine, right, got, &rr);
  CRTS_rma_wait_value(&lrl, 1);
  CRTS_rma_wait_value(&rr, 1); /* my left neighbour's put has landed */
  for (int i = 0; i < 8; i++)
    if (got[i] != left * 100 + i) fail(a, 1);
  CRTS_ssync_array();

  /* get my right neighbour's data */
  lr = 0;
  CRTS_rma_iget(got, &lr, sizeof got, right, mine, &rr);
  CRTS_rma_wait_value(&lr, 1);
  for (int i = 0; i < 8; i++)
    if (got[i] != right * 100 + i) fail(a, 2);
  CRTS_rma_wait_value(&rr, 2); /* my left neighbour has read mine */
  CRTS_ssync_array();

  /* blocking forms */
  athread_rma_get(got, sizeof got, left, mine, &rr);
  if (got[3] != left * 100 + 3) fail(a, 3);
  CRTS_ssync_array();

  /* broadcast from CPE 9 to everyone (sender included) */
  rr = 0;
  CRTS_ssync_array();
  if (me == 9) CRTS_rma_bcast(got, mine, sizeof mine, &rr);
  CRTS_rma_wait_value(&rr, 1);
  if (got[5] != 905) fail(a, 4);
  CRTS_ssync_array();

  /* row broadcast from column 2 of every row */
  rr = 0;
  CRTS_ssync_array();
  if (_COL == 2) CRTS_rma_row_bcast(got, mine, sizeof mine, &rr);
  CRTS_rma_wait_value(&rr, 1);
  if (got[1] != (_ROW * 8 + 2) * 100 + 1) fail(a, 5);
  CRTS_ssync_array();

  /* column multicast from CPE 0 to columns 1 and 3 (all rows) */
  rr = 0;
  got[0] = -1;
  CRTS_ssync_array();
  if (me == 0) CRTS_rma_col_mcast(got, mine, sizeof mine, 0x0a, &rr);
  if (_COL == 1 || _COL == 3) {
    CRTS_rma_wait_value(&rr, 1);
    if (got[0] != 0) fail(a, 6);
  } else if (got[0] != -1) {
    fail(a, 7);
  }
  CRTS_ssync_array();

  /* collectives */
  CRTS_rma_bcast_coll(got, mine, sizeof mine, 17);
  if (got[7] != 1707) fail(a, 8);
  CRTS_rma_row_bcast_coll(got, mine, sizeof mine, 5);
  if (got[2] != (_ROW * 8 + 5) * 100 + 2) fail(a, 9);
  CRTS_rma_col_bcast_coll(got, mine, sizeof mine, 6);
  if (got[4] != (6 * 8 + _COL) * 100 + 4) fail(a, 10);

  /* DMA broadcasts */
  CRTS_dma_bcast_coll(got, a->in, 8 * sizeof(long));
  if (got[6] != 1006) fail(a, 11);
  CRTS_dma_row_bcast_coll(got, a->in + 8, 8 * sizeof(long));
  if (got[0] != 1008) fail(a, 12);
  CRTS_ssync_array();
  lr = 0;
  if (me == 63) {
    CRTS_dma_ibcast(got, a->in + 16, 8 * sizeof(long), &lr);
    CRTS_dma_wait_value(&lr, 1);
  }
  CRTS_ssync_array();
  if (got[1] != 1017) fail(a, 13);
  /* stride: every second long */
  CRTS_dma_bcast_stride_coll(got, a->in, 4 * sizeof(long), sizeof(long), sizeof(long));
  if (got[0] != 1000 || got[1] != 1002 || got[3] != 1006) fail(a, 14);
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  for (int i = 0; i < 64; i++) a.in[i] = 1000 + i;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  if (a.bad) fprintf(stderr, "failure code %d\n", a.bad);
  CHECK(!a.bad);
  return 0;
}
#endif
