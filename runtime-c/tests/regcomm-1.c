/* SW26010 register communication: a row/column tree reduction with simd_putr/getr and
   simd_putc/getc, then the result broadcast back (destination 8). */
//! targets: sw26010
//! env: O2ATH_EMU_WATCHDOG_SECONDS=5
#include "check.h"

struct arg {
  double total[64];
};

#ifdef __sw_slave__
#include <slave.h>
#include <simd.h>

void kern(struct arg *a) {
  int r = _ROW, c = _COL;
  doublev4 v = simd_set_doublev4(_MYID + 1.0, 1.0, 0.0, 0.0);
  for (int round = 0; round < 3; round++) { /* more messages than the FIFO holds in total */
    doublev4 acc = v;
    if (c != 0) {
      simd_putr(v, 0);
    } else {
      for (int k = 1; k < 8; k++) acc += simd_getr(acc);
      if (r != 0) simd_putc(acc, 0);
      else
        for (int k = 1; k < 8; k++) acc += simd_getc(acc);
    }
    /* broadcast back: CPE 0 down column 0, then every row leader along its row */
    if (_MYID == 0) simd_putc(acc, 8);
    if (c == 0 && r != 0) acc = simd_getc(acc);
    if (c == 0) simd_putr(acc, 8);
    else acc = simd_getr(acc);
    a->total[_MYID] = acc[0] * 100 + acc[1] + round * 0;
  }
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);

int main(void) {
  static struct arg a;
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(a.total[i] == 2080 * 100 + 64);
  athread_halt();
  return 0;
}
#endif
