/* OpenMP locks (simple and nestable) on futexes, usable from the MPE and from CPE threads. */
#include "internal.h"

#include <omp.h>
#include <sched.h>

/* Simple lock: one int (fits omp_lock_t and gfortran's integer(4) lock).
   0 free, 1 held, 2 held with sleepers (the classic futex mutex). */
static void lock_word(int *w) {
  int c = 0;
  if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
  if (swrt_team.fibers && swrt_self) {
    /* A fiber must not sleep in the kernel: the holder may be a fiber of
       the same worker.  Let it run instead. */
    do {
      swrt_fiber_yield();
      c = 0;
    } while (!__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
    return;
  }
  for (int i = 0; i < 100; i++) {
    swrt_cpu_relax();
    c = 0;
    if (__atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
  }
  if (c != 2) c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
  while (c != 0) {
    swrt_futex_wait((uint32_t *)w, 2, 0);
    c = __atomic_exchange_n(w, 2, __ATOMIC_ACQUIRE);
  }
}

static void unlock_word(int *w) {
  swrt_event();
  if (__atomic_exchange_n(w, 0, __ATOMIC_RELEASE) == 2) swrt_futex_wake((uint32_t *)w, 1);
}

static int test_word(int *w) {
  int c = 0;
  return __atomic_compare_exchange_n(w, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void omp_init_lock(omp_lock_t *l) { __atomic_store_n((int *)l, 0, __ATOMIC_RELAXED); }
void omp_destroy_lock(omp_lock_t *l) { (void)l; }
void omp_set_lock(omp_lock_t *l) { lock_word((int *)l); }
void omp_unset_lock(omp_lock_t *l) { unlock_word((int *)l); }
int omp_test_lock(omp_lock_t *l) { return test_word((int *)l); }

/* Nestable lock: {owner, count} in the first 8 bytes (fits omp_nest_lock_t
   and gfortran's integer(8) nest lock).  Owner ids: CPE n is n+1, MPE-side
   threads get numbers from 1000 up. */
struct nest {
  int owner;
  int count;
};

static __thread int my_owner_id;
static int next_owner = 1000;

static int owner_id(void) {
  if (swrt_self) return swrt_self->id + 1;
  if (!my_owner_id) my_owner_id = __atomic_fetch_add(&next_owner, 1, __ATOMIC_RELAXED);
  return my_owner_id;
}

static int nest_try(struct nest *n, int me) {
  int c = 0;
  if (__atomic_load_n(&n->owner, __ATOMIC_ACQUIRE) == me) return ++n->count;
  if (__atomic_compare_exchange_n(&n->owner, &c, me, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
    n->count = 1;
    return 1;
  }
  return 0;
}

void omp_init_nest_lock(omp_nest_lock_t *l) {
  struct nest *n = (struct nest *)l;
  __atomic_store_n(&n->owner, 0, __ATOMIC_RELAXED);
  n->count = 0;
}
void omp_destroy_nest_lock(omp_nest_lock_t *l) { (void)l; }

void omp_set_nest_lock(omp_nest_lock_t *l) {
  struct nest *n = (struct nest *)l;
  int me = owner_id();
  for (int i = 0; !nest_try(n, me); i++) {
    int o = __atomic_load_n(&n->owner, __ATOMIC_RELAXED);
    if (swrt_team.fibers && swrt_self)
      swrt_fiber_yield();
    else if (i < 100)
      swrt_cpu_relax();
    else if (o)
      swrt_futex_wait((uint32_t *)&n->owner, (uint32_t)o, 0.01);
  }
}

void omp_unset_nest_lock(omp_nest_lock_t *l) {
  struct nest *n = (struct nest *)l;
  if (--n->count == 0) {
    swrt_event();
    __atomic_store_n(&n->owner, 0, __ATOMIC_RELEASE);
    swrt_futex_wake((uint32_t *)&n->owner, 1);
  }
}

int omp_test_nest_lock(omp_nest_lock_t *l) { return nest_try((struct nest *)l, owner_id()); }
