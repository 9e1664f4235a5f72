/* o2ath's CPE-side support for translated code, beyond the Athread API: waiting on a main-memory
   word another CPE writes (an ordered region's turn), and the nesting level of parallel regions that
   run inside CPE code as teams of one. On the hardware the waits are plain spins. */
#ifndef O2ATH_CPE_H
#define O2ATH_CPE_H

#ifdef O2ATH_EMU
/* The emulated CPEs may be fibers sharing a host thread: a waiter hands the thread on, and a
   writer announces the change. */
void o2ath_relax(void);
void o2ath_signal(void);
/* Nested parallel regions on a CPE (omp_get_level, omp_get_thread_num see them). */
extern __thread int o2ath_nest_depth;
void o2ath_nest_enter(void);
void o2ath_nest_exit(void);
#else
#define o2ath_relax() ((void)0)
#define o2ath_signal() ((void)0)
#define o2ath_nest_enter() ((void)0)
#define o2ath_nest_exit() ((void)0)
#endif

#endif
