/* The OpenMP user API, CPE-aware: translated code keeps the program's own omp_* calls. */
#include "internal.h"

#include <omp.h>

#include "../include/athread.h"
#include "../include/o2ath_cpe.h"

/* A CPE thread is a member of the team of the current spawn; the MPE is the
   initial thread outside any parallel region. Inside a parallel region nested
   in CPE code (o2ath_nest_enter), the CPE is a team of one, one level deeper. */
int omp_get_thread_num(void) { return swrt_self && !o2ath_nest_depth ? swrt_self->id : 0; }
int omp_get_num_threads(void) { return swrt_self && !o2ath_nest_depth ? swrt_self->team_size : 1; }
int omp_in_parallel(void) { return swrt_self && swrt_self->team_size > 1; }
int omp_get_level(void) { return swrt_self ? 1 + o2ath_nest_depth : 0; }
int omp_get_active_level(void) { return omp_in_parallel(); }

/* nthreads-var: the size of the next spawn (64 unless changed). */
int omp_get_max_threads(void) { return swrt_team.next_nthreads; }

void omp_set_num_threads(int n) {
  if (swrt_self) return; /* nested parallelism is not emulated: no effect */
  if (n < 1) n = 1;
  if (n > SWRT_NCPE) n = SWRT_NCPE;
  swrt_team.next_nthreads = n;
}

int omp_get_num_procs(void) { return SWRT_NCPE; }
int omp_get_thread_limit(void) { return SWRT_NCPE; }
int omp_get_ancestor_thread_num(int level) {
  if (level == 0) return 0;
  if (!swrt_self || level > 1 + o2ath_nest_depth) return -1;
  return level == 1 ? swrt_self->id : 0;
}
int omp_get_team_size(int level) {
  if (level == 0) return 1;
  if (!swrt_self || level > 1 + o2ath_nest_depth) return -1;
  return level == 1 ? swrt_self->team_size : 1;
}
int omp_get_dynamic(void) { return 0; }
void omp_set_dynamic(int v) { (void)v; }
int omp_get_nested(void) { return 0; }
void omp_set_nested(int v) { (void)v; }
int omp_get_max_active_levels(void) { return 1; }
void omp_set_max_active_levels(int v) { (void)v; }
int omp_get_team_num(void) { return 0; }
int omp_get_num_teams(void) { return 1; }
int omp_in_final(void) { return 0; }

double omp_get_wtime(void) { return swrt_now(); }
double omp_get_wtick(void) { return 1e-9; }
