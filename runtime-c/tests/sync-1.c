/* Barriers: athread_syn with ARRAY/ROW/COL scopes and masks, CRTS_ssync_*, athread_ssync_array, and
   a barrier over a smaller spawn. */
//! targets: pro sw26010
#include "check.h"

#define ROUNDS 50
struct arg {
  int counter[ROUNDS];
  int rowc[8][ROUNDS];
  int colc[8][ROUNDS];
  int bad;
};

#ifdef __sw_slave__
#include <slave.h>
#ifndef O2ATH_EMU_SW26010
#include <crts.h>
#endif

static void fail(struct arg *a) { __atomic_store_n(&a->bad, 1, __ATOMIC_RELAXED); }

void kern(struct arg *a) {
  int n = 0;
  for (int r = 0; r < ROUNDS; r++) {
    __atomic_fetch_add(&a->counter[r], 1, __ATOMIC_RELAXED);
    if (r % 2)
      athread_syn(ARRAY_SCOPE, 0xffff);
    else
      athread_ssync_array();
    n = __atomic_load_n(&a->counter[r], __ATOMIC_RELAXED);
    if (n != 64) fail(a);
  }
  for (int r = 0; r < ROUNDS; r++) {
    __atomic_fetch_add(&a->rowc[(int)_ROW][r], 1, __ATOMIC_RELAXED);
    athread_syn(ROW_SCOPE, 0xff);
    if (__atomic_load_n(&a->rowc[(int)_ROW][r], __ATOMIC_RELAXED) != 8) fail(a);
    __atomic_fetch_add(&a->colc[(int)_COL][r], 1, __ATOMIC_RELAXED);
    athread_syn(COL_SCOPE, 0xff);
    if (__atomic_load_n(&a->colc[(int)_COL][r], __ATOMIC_RELAXED) != 8) fail(a);
  }
#ifndef O2ATH_EMU_SW26010
  CRTS_ssync_row();
  CRTS_ssync_col();
  CRTS_ssync_array();
  if (_ROW < 4) CRTS_ssync_col_left(); else CRTS_ssync_col_right();
  CRTS_ssync_peer(_MYID ^ 1);
#endif
  /* partial masks: the left half of each row (columns 0-3) */
  if (_COL < 4) athread_syn(ROW_SCOPE, 0x0f);
  /* the top-left quadrant: rows 0-3 (high byte), columns 0-3 (low byte) */
  if (_ROW < 4 && _COL < 4) athread_syn(ARRAY_SCOPE, 0x0f0f);
}

void small(struct arg *a) {
  /* 10 CPEs spawned: the full-array barrier synchronises those 10 */
  __atomic_fetch_add(&a->counter[0], 1, __ATOMIC_RELAXED);
  athread_syn(ARRAY_SCOPE, 0xffff);
  if (__atomic_load_n(&a->counter[0], __ATOMIC_RELAXED) != 10) fail(a);
}
#endif

#ifdef __sw_host__
#include <athread.h>
#include <string.h>
extern void slave_kern(struct arg *);
extern void slave_small(struct arg *);

int main(void) {
  static struct arg a;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  CHECK(!a.bad);
  memset(&a, 0, sizeof a);
  athread_set_num_threads(10);
  athread_spawn(small, &a);
  athread_join();
  CHECK(!a.bad);
  CHECK(a.counter[0] == 10);
  athread_halt();
  return 0;
}
#endif
