/* Fortran-callable names (gfortran's trailing underscore, arguments by reference) of the host
   Athread calls and of the OpenMP user API, as gfortran's omp_lib module references them. */
#include "internal.h"

#include <omp.h>

#include "../include/athread.h"

/* ---- omp_lib: gfortran calls omp_get_thread_num_ etc. (checked with gfortran -S) ---- */
int omp_get_thread_num_(void) { return omp_get_thread_num(); }
int omp_get_num_threads_(void) { return omp_get_num_threads(); }
int omp_get_max_threads_(void) { return omp_get_max_threads(); }
void omp_set_num_threads_(const int *n) { omp_set_num_threads(*n); }
int omp_in_parallel_(void) { return omp_in_parallel(); }
int omp_get_level_(void) { return omp_get_level(); }
int omp_get_active_level_(void) { return omp_get_active_level(); }
int omp_get_num_procs_(void) { return omp_get_num_procs(); }
int omp_get_thread_limit_(void) { return omp_get_thread_limit(); }
int omp_get_dynamic_(void) { return omp_get_dynamic(); }
void omp_set_dynamic_(const int *v) { omp_set_dynamic(*v); }
int omp_get_nested_(void) { return omp_get_nested(); }
void omp_set_nested_(const int *v) { omp_set_nested(*v); }
int omp_get_team_num_(void) { return omp_get_team_num(); }
int omp_get_num_teams_(void) { return omp_get_num_teams(); }
int omp_get_ancestor_thread_num_(const int *l) { return omp_get_ancestor_thread_num(*l); }
int omp_get_team_size_(const int *l) { return omp_get_team_size(*l); }
double omp_get_wtime_(void) { return omp_get_wtime(); }
double omp_get_wtick_(void) { return omp_get_wtick(); }

/* integer(omp_lock_kind) is 4 bytes and integer(omp_nest_lock_kind) 8 bytes:
   both hold the C lock state directly. */
void omp_init_lock_(omp_lock_t *l) { omp_init_lock(l); }
void omp_destroy_lock_(omp_lock_t *l) { omp_destroy_lock(l); }
void omp_set_lock_(omp_lock_t *l) { omp_set_lock(l); }
void omp_unset_lock_(omp_lock_t *l) { omp_unset_lock(l); }
int omp_test_lock_(omp_lock_t *l) { return omp_test_lock(l); }
void omp_init_nest_lock_(omp_nest_lock_t *l) { omp_init_nest_lock(l); }
void omp_destroy_nest_lock_(omp_nest_lock_t *l) { omp_destroy_nest_lock(l); }
void omp_set_nest_lock_(omp_nest_lock_t *l) { omp_set_nest_lock(l); }
void omp_unset_nest_lock_(omp_nest_lock_t *l) { omp_unset_nest_lock(l); }
int omp_test_nest_lock_(omp_nest_lock_t *l) { return omp_test_nest_lock(l); }

/* ---- host Athread from Fortran: `call athread_spawn(slave_f, param)` passes
   the procedure's address and the address of param ---- */
int athread_init_(void) { return athread_init(); }
int athread_join_(void) { return athread_join(); }
#undef athread_halt
int athread_halt_(void) { return athread_halt(); }
int athread_spawn_(void *fpc, void *arg) { return swrt_spawn(fpc, arg, 1); }
int athread_spawn_noflush_(void *fpc, void *arg) { return swrt_spawn(fpc, arg, 0); }
int athread_set_num_threads_(const int *n) { return athread_set_num_threads(*n); }
int athread_get_max_threads_(void) { return athread_get_max_threads(); }
int crts_init_(void) { return athread_init(); }
int crts_init_all_(void) { return athread_init(); }
int CRTS_init_all_(void) { return athread_init(); }
void o2ath_host_init_(void) { o2ath_host_init(); }
