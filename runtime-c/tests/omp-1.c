/* The OpenMP user API on the MPE and on CPEs: thread numbers, team size, max threads, levels, locks,
   wtime, and the Fortran-callable (trailing underscore) names. */
//! targets: pro sw26010
#include "check.h"
#include <omp.h>

struct arg {
  int tid[64], nth[64], inpar[64], level[64], maxth[64];
  omp_lock_t lock;
  omp_nest_lock_t nest;
  long counter, counter2; /* protected by the locks, not atomic on purpose */
  double t0, t1;
};

#ifdef __sw_slave__
#include <slave.h>
extern int omp_get_thread_num_(void);

void kern(struct arg *a) {
  int me = omp_get_thread_num();
  a->tid[me] = omp_get_thread_num_() == me ? me : -1;
  a->nth[me] = omp_get_num_threads();
  a->inpar[me] = omp_in_parallel();
  a->level[me] = omp_get_level();
  a->maxth[me] = omp_get_max_threads();
  for (int i = 0; i < 50; i++) {
    omp_set_lock(&a->lock);
    a->counter++;
    omp_unset_lock(&a->lock);
    omp_set_nest_lock(&a->nest);
    omp_set_nest_lock(&a->nest);
    a->counter2++;
    omp_unset_nest_lock(&a->nest);
    omp_unset_nest_lock(&a->nest);
  }
  double t = omp_get_wtime();
  if (me == 0) a->t1 = t;
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);
extern int omp_get_max_threads_(void);
extern void omp_set_num_threads_(const int *);

int main(void) {
  static struct arg a;
  CHECK(omp_get_thread_num() == 0);
  CHECK(omp_get_num_threads() == 1);
  CHECK(!omp_in_parallel());
  CHECK(omp_get_level() == 0);
  CHECK(omp_get_max_threads() == 64);
  CHECK(omp_get_num_procs() == 64);
  CHECK(omp_get_wtick() > 0 && omp_get_wtick() < 1e-3);
  omp_init_lock(&a.lock);
  omp_init_nest_lock(&a.nest);
  CHECK(omp_test_lock(&a.lock));
  CHECK(!omp_test_lock(&a.lock));
  omp_unset_lock(&a.lock);
  CHECK(omp_test_nest_lock(&a.nest) == 1);
  CHECK(omp_test_nest_lock(&a.nest) == 2);
  omp_unset_nest_lock(&a.nest);
  omp_unset_nest_lock(&a.nest);
  a.t0 = omp_get_wtime();
  athread_init();
  athread_spawn(kern, &a);
  athread_join();
  CHECK(a.t1 >= a.t0);
  CHECK(a.counter == 64 * 50 && a.counter2 == 64 * 50);
  for (int i = 0; i < 64; i++) {
    CHECK(a.tid[i] == i);
    CHECK(a.nth[i] == 64);
    CHECK(a.inpar[i] == 1);
    CHECK(a.level[i] == 1);
    CHECK(a.maxth[i] == 64);
  }
  /* omp_set_num_threads sizes the next spawns, like athread_set_num_threads */
  int eight = 8;
  omp_set_num_threads_(&eight);
  CHECK(omp_get_max_threads_() == 8 && athread_get_num_threads() == 8);
  a.counter = a.counter2 = 0;
  athread_spawn(kern, &a);
  athread_join();
  CHECK(a.counter == 8 * 50 && a.counter2 == 8 * 50);
  for (int i = 0; i < 8; i++) CHECK(a.nth[i] == 8);
  omp_destroy_lock(&a.lock);
  omp_destroy_nest_lock(&a.nest);
  athread_halt();
  return 0;
}
#endif
