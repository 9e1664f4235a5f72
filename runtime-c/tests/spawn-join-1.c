/* Spawn and join: identity of every CPE, asynchronous spawn, repeated spawns, set_num_threads,
   athread_idle, create/wait. */
//! targets: pro sw26010
#include "check.h"

struct arg {
  int seen[64];
  int rows[64], cols[64], ids[64], cores[64];
  int team[64];
  volatile int go;
};

#ifdef __sw_slave__
#include <slave.h>

void ident(struct arg *a) {
  int me = athread_get_id(-1);
  a->seen[me] += 1;
  a->ids[me] = _MYID;
  a->rows[me] = _ROW;
  a->cols[me] = _COL;
  a->cores[me] = athread_get_core(-1);
}

/* Waits for the MPE: only possible if the spawn returned before the kernel ended. */
void waiter(struct arg *a) {
  if (_MYID == 0)
    while (!__atomic_load_n(&a->go, __ATOMIC_ACQUIRE)) {
    }
  __atomic_fetch_add(&a->seen[_MYID], 1, __ATOMIC_RELAXED);
}

void empty(void *p) { (void)p; }

void bound(struct arg *a) { a->team[_MYID] = 1000 + _MYID; }
#endif

#ifdef __sw_host__
#include <athread.h>
#include <string.h>

extern void slave_ident(struct arg *);
extern void slave_waiter(struct arg *);
extern void slave_empty(void *);
extern void slave_bound(struct arg *);

int main(void) {
  static struct arg a;
  CHECK(athread_idle() == 0); /* the "already initialised?" idiom */
  CHECK(athread_init() == 0);
  CHECK(athread_init() == 0); /* idempotent */
  CHECK(athread_idle() != 0);
  CHECK(athread_get_max_threads() == 64);

  athread_spawn(ident, &a);
  CHECK(athread_join() == 0);
  for (int i = 0; i < 64; i++) {
    CHECK(a.seen[i] == 1);
    CHECK(a.ids[i] == i);
    CHECK(a.rows[i] == i / 8 && a.cols[i] == i % 8);
    CHECK(a.cores[i] == ((i / 8) << 3 | (i % 8)));
  }

  /* asynchronous: the kernel cannot finish before we set go */
  memset(&a, 0, sizeof a);
  athread_spawn(waiter, &a);
  CHECK(athread_idle() == 0);
  __atomic_store_n(&a.go, 1, __ATOMIC_RELEASE);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(a.seen[i] == 1);

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
  const int reps = 100; /* every spawn is a 64-thread handshake: slow under sanitizers */
#else
  const int reps = 2000;
#endif
  for (int k = 0; k < reps; k++) {
    athread_spawn(empty, 0);
    athread_join();
  }

  /* a smaller team: only CPEs 0..n-1 run, and it sticks for later spawns */
  memset(&a, 0, sizeof a);
  CHECK(athread_set_num_threads(5) == 0);
  CHECK(athread_get_num_threads() == 5);
  athread_spawn(ident, &a);
  athread_join();
  athread_spawn(ident, &a);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(a.seen[i] == (i < 5 ? 2 : 0));
  CHECK(athread_set_num_threads(65) != 0);
  CHECK(athread_set_num_threads(0) != 0);
  CHECK(athread_set_num_threads(64) == 0);

  /* one thread bound to one CPE */
  memset(&a, 0, sizeof a);
  athread_create(7, bound, &a);
  athread_wait(7);
  athread_end(7);
  for (int i = 0; i < 64; i++) CHECK(a.team[i] == (i == 7 ? 1007 : 0));

  athread_halt();
  puts("spawn-join-1 ok");
  return 0;
}
#endif
