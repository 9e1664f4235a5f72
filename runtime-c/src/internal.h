/* Private declarations shared by the files of the emulated CPE runtime (not installed). */
#ifndef SWRT_INTERNAL_H
#define SWRT_INTERNAL_H

#define _GNU_SOURCE 1
/* The library implements both sides; it is compiled against the CPE-side
   prototypes of the public headers (the MPE ones have no side guard). */
#ifndef __sw_slave__
#define __sw_slave__ 1
#endif
#include <pthread.h>
#include <stddef.h>

/* O2ATH_EMU and the swrt_* entry points the public macros expand to; the
   support headers (o2ath_rt.h, o2ath_cpe.h) switch on O2ATH_EMU. */
#include "../include/o2ath_emu.h"
#include <stdint.h>
#include <stdio.h>

/* One archive is built per target from the same sources; the target only
   changes sizes, the classic DMA modes and the arity of __real_athread_spawn. */
#ifdef O2ATH_EMU_SW26010
#define SWRT_TARGET_NAME "SW26010"
#define SWRT_LDM_SIZE (64u << 10)
#define SWRT_LDM_ALIGN 32u
#else
#define SWRT_TARGET_NAME "SW26010-Pro"
#define SWRT_LDM_SIZE (256u << 10)
#define SWRT_LDM_ALIGN 64u
#endif

#define SWRT_NCPE 64
#define SWRT_NROW 8
#define SWRT_NCOL 8
#define SWRT_MAX_ALLOCS 256

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SWRT_SANITIZED 1
#else
#define SWRT_SANITIZED 0
#endif

/* ---- per-CPE state ------------------------------------------------------ */

struct swrt_alloc {
  uint32_t off;
  uint32_t size;
};

struct swrt_stats {
  uint64_t dma_get_bytes, dma_get_calls;
  uint64_t dma_put_bytes, dma_put_calls;
  uint64_t rma_bytes, rma_calls;
  uint64_t barriers;
  uint64_t ldm_hwm; /* bytes: __thread_local data + stack depth + ldm_malloc */
};

struct swrt_cpe {
  int id;
  pthread_t thread;

  /* The emulated LDM of this CPE: an ldm_malloc arena and the thread's own
     stack, which glibc also uses for the static TLS block (where
     __thread_local data lives).  Addresses in either range are "LDM". */
  char *region;
  size_t region_size;
  char *arena;
  char *stack_lo, *stack_hi;
  char *sp_base; /* stack pointer of the dispatcher, the top of kernel frames */
  char *guard;   /* [stack_lo, guard) is PROT_NONE: the stack would leave the LDM */
  char *altstack;

  /* Arena bookkeeping; touched only by the owning CPE thread. */
  struct swrt_alloc allocs[SWRT_MAX_ALLOCS];
  int nallocs;
  size_t arena_used;
  size_t arena_hwm;

  /* Dispatch mailbox, written by the MPE before it releases start_seq. */
  void (*fn)(void *);
  void *arg;
  int team_size;
  uint64_t team_mask; /* CPEs of the current spawn (barriers, broadcasts) */
  int bound;          /* the job came from athread_create */
  uint32_t bound_done; /* futex word for athread_wait */
  uint32_t start_seq; /* futex word: bumped by the MPE for each spawn */
  int sleeping;       /* the thread is (about to be) in FUTEX_WAIT */
  int in_kernel;

  /* fiber backend (fiber.c) */
  void *fiber_sp, *fiber_tp, *runner_sp;
  void *fiber_tcb_from; /* whose thread control block the fiber's copy is */
  int fiber_claim; /* a thread runs (or resumes) this fiber */
  int fiber_busy;  /* inside a job (possibly waiting) */
  uint32_t fiber_seen;
  uint32_t *fiber_wait_word; /* waiting for this word to differ from fiber_wait_val */
  uint32_t fiber_wait_val;

  struct swrt_stats st;
} __attribute__((aligned(64)));

struct swrt_team {
  int initialised;
  int halted;
  int next_nthreads; /* athread_set_num_threads / omp_set_num_threads */
  int running;       /* a group is outstanding (MPE-only state) */
  int size;          /* team size of the outstanding or last spawn */
  uint32_t seq;      /* spawn sequence number */
  uint32_t pending;  /* futex word: CPEs of the current spawn not yet done */
  int host_sleeping;
  int fibers; /* CPEs run as fibers on worker threads (fiber.c) */
  void *fn;
  double spawn_time;
  size_t tls_size;   /* static TLS of the program: counted as LDM data */
  size_t tls_layout; /* its real size, for laying out the CPE stacks */
  struct swrt_cpe cpe[SWRT_NCPE];
};

extern struct swrt_team swrt_team;
extern __thread struct swrt_cpe *swrt_self; /* NULL on the MPE */

/* ---- team.c ------------------------------------------------------------- */
void swrt_init(void);
void o2ath_host_init(void);
void swrt_run_job(struct swrt_cpe *c);
void swrt_finish_spawn_jobs(uint32_t n);
int swrt_spin_limit(void);

/* ---- fiber.c: the fast backend ------------------------------------------- */
int swrt_fiber_init(void);
void swrt_fiber_kick(uint64_t cpes);
void swrt_fiber_halt(void);
void swrt_fiber_yield(void);
void swrt_fiber_job_done(struct swrt_cpe *c);
void swrt_fiber_host_help(uint32_t *word, int want_nonzero);
void swrt_fiber_host_help_until(int (*stop)(void));
void swrt_pause(unsigned long i);
/* Bumped whenever a CPE does something another CPE may be waiting for
   (barrier arrival, remote reply, unlock, kernel end): a worker whose
   fibers all wait and see no new event gives its core away. */
extern unsigned long swrt_events;
static inline void swrt_event(void) { __atomic_fetch_add(&swrt_events, 1, __ATOMIC_RELAXED); }
int swrt_spawn(void *fn, void *arg, int flush);
int swrt_join(void);

/* ---- stack.c: the CPE stack must fit in the LDM next to data and heap ---- */
void swrt_stack_install(void);
void swrt_stack_thread_start(struct swrt_cpe *c);
void swrt_stack_altstack(void);
void swrt_stack_update(struct swrt_cpe *c);
void swrt_stack_sample(struct swrt_cpe *c);

/* ---- futex.c: thin wrapper so that a second backend could replace it ---- */
void swrt_futex_wait(uint32_t *addr, uint32_t val, double timeout_s);
void swrt_futex_wake(uint32_t *addr, int n);
void swrt_cpu_relax(void);

/* ---- id.c --------------------------------------------------------------- */
void swrt_set_identity(int id);

/* ---- ldm.c -------------------------------------------------------------- */
int swrt_is_ldm(const struct swrt_cpe *c, const void *p, size_t len);
int swrt_is_any_ldm(const void *p, size_t len);
void *swrt_ldm_translate(const struct swrt_cpe *from, const void *p, int to);
void swrt_ldm_kernel_end(struct swrt_cpe *c);
size_t swrt_stack_depth(const struct swrt_cpe *c);
size_t swrt_tls_size(void);

/* ---- sync.c ------------------------------------------------------------- */
uint64_t swrt_team_mask(void);
void swrt_barrier_mask(uint64_t members, const char *what);

/* ---- check.c: diagnostics ----------------------------------------------- */
void swrt_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void swrt_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
struct swrt_cpe *swrt_need_cpe(const char *api);
double swrt_watchdog_seconds(void);
void swrt_format_cpes(char *buf, size_t n, uint64_t mask);

/* ---- reply counters ----------------------------------------------------- */
void swrt_reply_add(void *reply, int rsize, int atomic);
long swrt_reply_load(const void *reply, int rsize);

/* ---- time.c ------------------------------------------------------------- */
double swrt_now(void);

/* ---- stats.c ------------------------------------------------------------ */
void swrt_stats_install(void);
void swrt_stats_spawn_begin(void *fn);
void swrt_stats_spawn_end(double seconds);

#endif
