/* SW26010 register communication (putr/getr along a row, putc/getc along a column): a small FIFO per
   CPE and direction; a put into a full FIFO and a get from an empty one wait, as the hardware stalls. */
#include "internal.h"

#include <string.h>

#include "../include/o2ath_emu.h"

/* The receive buffer depth of the hardware is not documented publicly; 4
   entries of 256 bits is an assumption (README).  Programs that rely on a
   deeper buffer deadlock here and on the machine alike. */
#define DEPTH 4
#define WIDTH 32

struct fifo {
  int lock;
  unsigned head, tail; /* tail - head = entries */
  unsigned char slot[DEPTH][WIDTH];
} __attribute__((aligned(64)));

static struct fifo fifos[2][SWRT_NCPE]; /* [0] row network, [1] column network */

static void lock(struct fifo *f) {
  for (unsigned long i = 0; __atomic_exchange_n(&f->lock, 1, __ATOMIC_ACQUIRE); i++) swrt_pause(i);
}

static void unlock(struct fifo *f) { __atomic_store_n(&f->lock, 0, __ATOMIC_RELEASE); }

static void watch(double *start, unsigned long i, const char *what) {
  if ((i & 255) || swrt_watchdog_seconds() <= 0) return;
  double t = swrt_now();
  if (!*start) *start = t;
  else if (t - *start > swrt_watchdog_seconds())
    swrt_fatal("watchdog: %s has waited %.0f s; on the hardware this CPE would stall forever", what,
               t - *start);
}

static void put_one(int net, int to, const void *v, size_t n, const char *api) {
  struct fifo *f = &fifos[net][to];
  double start = 0;
  for (unsigned long i = 1;; i++) {
    lock(f);
    if (f->tail - f->head < DEPTH) {
      memset(f->slot[f->tail % DEPTH], 0, WIDTH);
      memcpy(f->slot[f->tail % DEPTH], v, n);
      f->tail++;
      unlock(f);
      swrt_event();
      return;
    }
    unlock(f);
    swrt_pause(i);
    watch(&start, i, api);
  }
}

/* net 0: row (dst = column 0..7, 8 = every other CPE of my row);
   net 1: column (dst = row 0..7, 8 = every other CPE of my column). */
void swrt_reg_put(int net, const void *v, size_t n, int dst) {
  const char *api = net ? "simd_putc" : "simd_putr";
  struct swrt_cpe *c = swrt_need_cpe(api);
  if (n > WIDTH) swrt_fatal("%s: %zu bytes; a register message is at most 256 bits", api, n);
  int row = c->id / SWRT_NCOL, col = c->id % SWRT_NCOL;
  if (dst < 0 || dst > 8) swrt_fatal("%s: destination %d (0..7, or 8 to broadcast)", api, dst);
  for (int k = 0; k < 8; k++) {
    if (dst != 8 && k != dst) continue;
    int to = net ? k * SWRT_NCOL + col : row * SWRT_NCOL + k;
    if (dst == 8 && to == c->id) continue;
    if (!(c->team_mask >> to & 1))
      swrt_fatal("%s: destination CPE %d is not running in the current spawn; on the hardware the "
                 "message is never received",
                 api, to);
    put_one(net, to, v, n, api);
  }
}

void swrt_reg_get(int net, void *v, size_t n) {
  const char *api = net ? "simd_getc" : "simd_getr";
  struct swrt_cpe *c = swrt_need_cpe(api);
  struct fifo *f = &fifos[net][c->id];
  double start = 0;
  for (unsigned long i = 1;; i++) {
    lock(f);
    if (f->tail != f->head) {
      memcpy(v, f->slot[f->head % DEPTH], n);
      f->head++;
      unlock(f);
      swrt_event();
      return;
    }
    unlock(f);
    swrt_pause(i);
    watch(&start, i, api);
  }
}
