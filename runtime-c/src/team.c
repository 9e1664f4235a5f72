/* The emulated core group: the 64 CPEs (one thread each, or fibers: fiber.c), asynchronous spawn, join,
   create/wait and halt. */
#include "internal.h"

#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../include/athread.h"

struct swrt_team swrt_team = {.next_nthreads = SWRT_NCPE};
__thread struct swrt_cpe *swrt_self;

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int spin_iters = 200;

/* The machine this runs on may have far fewer cores than 64: a CPE thread
   that waits spins only briefly before sleeping, or it would steal the
   core from the CPEs still running the kernel. O2ATH_EMU_SPIN tunes it
   (read once, before the CPE threads exist). */
static int spin_limit(void) { return spin_iters; }
int swrt_spin_limit(void) { return spin_iters; }

/* ---- the CPE side -------------------------------------------------------- */

static void wake_children(struct swrt_cpe *c);

static uint32_t wait_for_job(struct swrt_cpe *c, uint32_t seen) {
  int spins = spin_limit();
  for (int i = 0; i < spins; i++) {
    uint32_t s = __atomic_load_n(&c->start_seq, __ATOMIC_ACQUIRE);
    if (s != seen) return s;
    swrt_cpu_relax();
  }
  for (;;) {
    /* Announce the sleep before the last look, so that the MPE either sees
       the flag or we see its new sequence number (both are seq_cst). */
    __atomic_store_n(&c->sleeping, 1, __ATOMIC_SEQ_CST);
    uint32_t s = __atomic_load_n(&c->start_seq, __ATOMIC_SEQ_CST);
    if (s == seen) swrt_futex_wait(&c->start_seq, seen, 0);
    __atomic_store_n(&c->sleeping, 0, __ATOMIC_RELAXED);
    s = __atomic_load_n(&c->start_seq, __ATOMIC_ACQUIRE);
    if (s != seen) return s;
  }
}

static void finish_job(struct swrt_cpe *c, int bound) {
  uint32_t *word = bound ? &c->bound_done : &swrt_team.pending;
  uint32_t left = bound ? (__atomic_store_n(word, 1, __ATOMIC_SEQ_CST), 0)
                        : __atomic_sub_fetch(word, 1, __ATOMIC_SEQ_CST);
  if (left == 0 && __atomic_load_n(&swrt_team.host_sleeping, __ATOMIC_SEQ_CST))
    swrt_futex_wake(word, 1);
}

static void *cpe_main(void *p) {
  struct swrt_cpe *c = p;
  char top;
  swrt_self = c;
  swrt_set_identity(c->id);
  c->sp_base = &top;
  swrt_stack_thread_start(c);
  uint32_t seen = 0;
  for (;;) {
    seen = wait_for_job(c, seen);
    if (!c->fn) break; /* athread_halt */
    wake_children(c);
    swrt_run_job(c);
  }
  return NULL;
}

/* Run the posted kernel on this CPE (either backend). */
void swrt_run_job(struct swrt_cpe *c) {
  int bound = c->bound;
  __atomic_store_n(&c->in_kernel, 1, __ATOMIC_RELAXED);
  c->fn(c->arg);
  __atomic_store_n(&c->in_kernel, 0, __ATOMIC_RELAXED);
  swrt_ldm_kernel_end(c);
  if (swrt_team.fibers && !bound) {
    /* the thread that ran the fiber accounts for it (swrt_finish_spawn_jobs) */
    c->fiber_busy = 0;
    return;
  }
  if (swrt_team.fibers) swrt_fiber_job_done(c);
  finish_job(c, bound);
}

/* Fibers: n CPEs of the spawn finished, counted by the thread that ran
   them, so that a pass over 64 fibers costs one atomic update, not 64. */
void swrt_finish_spawn_jobs(uint32_t n) {
  uint32_t left = __atomic_sub_fetch(&swrt_team.pending, n, __ATOMIC_SEQ_CST);
  if (left == 0 && __atomic_load_n(&swrt_team.host_sleeping, __ATOMIC_SEQ_CST))
    swrt_futex_wake(&swrt_team.pending, 1);
}

/* ---- set-up --------------------------------------------------------------- */

static void create_cpe(struct swrt_cpe *c, int id) {
  long page = sysconf(_SC_PAGESIZE);
  /* Emulated LDM of one CPE: [arena | guard page | stack (+ TLS + TCB)].
     glibc puts the static TLS block (our __thread_local data) at the top of
     a user-supplied stack, so "stack" covers all LDM data but the heap. */
  size_t slack = SWRT_SANITIZED ? (4u << 20) : (128u << 10);
  size_t stack = (SWRT_LDM_SIZE + swrt_team.tls_layout + slack + (size_t)page - 1) &
                 ~((size_t)page - 1);
  size_t size = SWRT_LDM_SIZE + (size_t)page + stack;
  char *r = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  if (r == MAP_FAILED) swrt_fatal("cannot map the emulated LDM of CPE %d: %s", id, strerror(errno));
  mprotect(r + SWRT_LDM_SIZE, (size_t)page, PROT_NONE);
  c->id = id;
  c->region = r;
  c->region_size = size;
  c->arena = r;
  c->stack_lo = r + SWRT_LDM_SIZE + page;
  c->stack_hi = r + size;
}

static void start_cpe_thread(struct swrt_cpe *c, int id) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstack(&attr, c->stack_lo, (size_t)(c->stack_hi - c->stack_lo));
  int err = pthread_create(&c->thread, &attr, cpe_main, c);
  pthread_attr_destroy(&attr);
  if (err) swrt_fatal("cannot create the thread of CPE %d: %s", id, strerror(err));
}

static void init_once_fn(void) {
  const char *e = getenv("O2ATH_EMU_SPIN");
  if (e && *e) spin_iters = atoi(e);
  swrt_team.tls_size = swrt_team.tls_layout = swrt_tls_size();
  if (swrt_team.tls_size > SWRT_LDM_SIZE) {
#ifdef O2ATH_EMU_SW26010
    /* Plain __thread data lives in main memory on the SW26010 and cannot be
       told apart from __thread_local here: stop counting it. */
    swrt_warn("the program's thread-local data is %zu bytes, more than the 64 KB LDM; plain "
              "__thread variables are main-memory private data on the SW26010, so the emulator "
              "stops counting thread-local data against the LDM (if they are __thread_local, the "
              "real linker reports an LDM overflow)",
              swrt_team.tls_size);
    swrt_team.tls_size = 0;
#else
    swrt_fatal("the program's __thread_local data is %zu bytes, more than the %u KB LDM of a CPE; "
               "the real SW26010-Pro toolchain refuses to link it (LDM overflow). (The emulator "
               "counts every thread-local variable of the program, MPE-side ones included.)",
               swrt_team.tls_size, SWRT_LDM_SIZE >> 10);
#endif
  }
  swrt_stack_install();
  for (int i = 0; i < SWRT_NCPE; i++) create_cpe(&swrt_team.cpe[i], i);
  swrt_team.fibers = swrt_fiber_init();
  if (swrt_team.fibers) swrt_stack_altstack(); /* the MPE runs fibers too */
  if (!swrt_team.fibers)
    for (int i = 0; i < SWRT_NCPE; i++) start_cpe_thread(&swrt_team.cpe[i], i);
  swrt_stats_install();
  __atomic_store_n(&swrt_team.initialised, 1, __ATOMIC_RELEASE);
}

void swrt_init(void) {
  if (swrt_self)
    swrt_fatal("athread_init called on a CPE; it is an MPE (host) function");
  pthread_once(&init_once, init_once_fn);
}

static void need_host(const char *api) {
  if (swrt_self) swrt_fatal("%s called on a CPE; it is an MPE (host) function", api);
  if (!__atomic_load_n(&swrt_team.initialised, __ATOMIC_ACQUIRE))
    swrt_fatal("%s before athread_init; the real runtime has no CPE threads to run it and "
               "crashes or hangs",
               api);
  if (swrt_team.halted)
    swrt_fatal("%s after athread_halt; the real %s cannot restart the CPE cluster in this process",
               api, SWRT_TARGET_NAME);
}

/* ---- spawn and join ------------------------------------------------------ */

static void post_job(struct swrt_cpe *c, void (*fn)(void *), void *arg, int size, uint64_t team,
                     int bound) {
  c->fn = fn;
  c->arg = arg;
  c->team_size = size;
  c->team_mask = team;
  c->bound = bound;
  /* Release: the mailbox above is visible to the CPE once it sees the new
     sequence number.  Seq_cst pairs with the CPE's sleeping flag. */
  __atomic_add_fetch(&c->start_seq, 1, __ATOMIC_SEQ_CST);
}

static void wake(struct swrt_cpe *c) {
  if (__atomic_load_n(&c->sleeping, __ATOMIC_SEQ_CST)) swrt_futex_wake(&c->start_seq, 1);
}

/* Waking 64 sleeping threads costs one system call each; a binary tree
   (CPE i wakes 2i+1 and 2i+2 before running its kernel) spreads those calls
   over all the machine's cores instead of serialising them on the MPE. */
static void wake_children(struct swrt_cpe *c) {
  if (c->bound) return;
  for (int k = 1; k <= 2; k++) {
    int child = 2 * c->id + k;
    if (child < c->team_size) wake(&swrt_team.cpe[child]);
  }
}

int swrt_spawn(void *fn, void *arg, int flush) {
  (void)flush; /* x86 caches are coherent: nothing to flush */
  need_host("athread_spawn");
  if (swrt_team.running)
    swrt_fatal("athread_spawn while the previous group is still running (no athread_join); the "
               "real runtime allows one outstanding group per core group and would fail or hang");
  for (int i = 0; i < SWRT_NCPE; i++)
    if (swrt_team.cpe[i].bound && !__atomic_load_n(&swrt_team.cpe[i].bound_done, __ATOMIC_ACQUIRE))
      swrt_fatal("athread_spawn while CPE %d still runs an athread_create thread (no athread_wait)",
                 i);
  if (!fn) swrt_fatal("athread_spawn of a NULL kernel");
  int n = swrt_team.next_nthreads;
  uint64_t team = n == 64 ? ~0ull : (1ull << n) - 1;
  swrt_team.running = 1;
  swrt_team.size = n;
  swrt_team.fn = fn;
  swrt_stats_spawn_begin(fn);
  swrt_team.spawn_time = swrt_now();
  __atomic_store_n(&swrt_team.pending, (uint32_t)n, __ATOMIC_SEQ_CST);
  /* Children before parents: a CPE that sees its own job may wake its
     children at once, so their jobs must already be posted. */
  for (int i = n - 1; i >= 0; i--) post_job(&swrt_team.cpe[i], (void (*)(void *))fn, arg, n, team, 0);
  if (swrt_team.fibers)
    swrt_fiber_kick(team);
  else
    wake(&swrt_team.cpe[0]);
  return 0;
}

/* Wait until *word reaches 0 (or != 0 when want_nonzero); the MPE spins a
   little, then sleeps until the last CPE wakes it. */
static void host_wait(uint32_t *word, int want_nonzero) {
  if (swrt_team.fibers) swrt_fiber_host_help(word, want_nonzero);
  for (int i = 0; i < spin_limit() * 4; i++) {
    uint32_t v = __atomic_load_n(word, __ATOMIC_ACQUIRE);
    if ((v != 0) == want_nonzero) return;
    swrt_cpu_relax();
  }
  for (;;) {
    __atomic_store_n(&swrt_team.host_sleeping, 1, __ATOMIC_SEQ_CST);
    uint32_t v = __atomic_load_n(word, __ATOMIC_SEQ_CST);
    if ((v != 0) == want_nonzero) break;
    swrt_futex_wait(word, v, 0);
  }
  __atomic_store_n(&swrt_team.host_sleeping, 0, __ATOMIC_RELAXED);
  __atomic_load_n(word, __ATOMIC_ACQUIRE);
}

int swrt_join(void) {
  need_host("athread_join");
  if (!swrt_team.running)
    swrt_fatal("athread_join without a running group (no athread_spawn since the last join); "
               "the real runtime returns an error or waits forever");
  host_wait(&swrt_team.pending, 0);
  swrt_team.running = 0;
  swrt_stats_spawn_end(swrt_now() - swrt_team.spawn_time);
  return 0;
}

/* ---- the athread host API ------------------------------------------------ */

int athread_init(void) {
  swrt_init();
  return 0;
}

int CRTS_init(void) { return athread_init(); }
int CRTS_init_all(void) { return athread_init(); }

#ifdef O2ATH_EMU_SW26010
int __real_athread_spawn(void *fpc, void *arg) { return swrt_spawn(fpc, arg, 0); }
#else
int __real_athread_spawn(void *fpc, void *arg, int flush_slave_dcache) {
  return swrt_spawn(fpc, arg, flush_slave_dcache);
}
#endif

int athread_join(void) { return swrt_join(); }

#undef athread_halt
/* SW26010: the cluster is shut down and cannot be used again.  SW26010-Pro:
   a no-op (the real header makes it an empty macro). */
int athread_halt(void) {
#ifdef O2ATH_EMU_SW26010
  need_host("athread_halt");
  if (swrt_team.running) swrt_fatal("athread_halt while a group is running (no athread_join)");
  if (swrt_team.fibers) {
    swrt_fiber_halt();
  } else {
    for (int i = 0; i < SWRT_NCPE; i++) {
      post_job(&swrt_team.cpe[i], NULL, NULL, 0, 0, 0);
      wake(&swrt_team.cpe[i]);
    }
    for (int i = 0; i < SWRT_NCPE; i++) pthread_join(swrt_team.cpe[i].thread, NULL);
  }
  swrt_team.halted = 1;
#endif
  return 0;
}

int athread_set_num_threads(int n) {
  if (swrt_self) swrt_fatal("athread_set_num_threads called on a CPE; it is an MPE function");
  if (n < 1) return -EINVAL;
  if (n > SWRT_NCPE) return -EAGAIN;
  swrt_team.next_nthreads = n;
  return 0;
}

int athread_get_num_threads(void) { return swrt_team.next_nthreads; }
int athread_get_max_threads(void) { return SWRT_NCPE; }

/* Bitmap of idle CPEs: 0 before athread_init and while a group runs, which
   is what the `if (athread_idle() == 0) athread_init();` idiom relies on. */
unsigned long athread_idle(void) {
  if (swrt_self) return 0;
  if (!__atomic_load_n(&swrt_team.initialised, __ATOMIC_ACQUIRE) || swrt_team.halted ||
      swrt_team.running)
    return 0;
  return ~0ul;
}

/* ---- one thread bound to one CPE ------------------------------------------ */

int __real_athread_create(int id, void *fpc, void *arg) {
  need_host("athread_create");
  if (id < 0 || id >= SWRT_NCPE) return -EINVAL;
  if (swrt_team.running)
    swrt_fatal("athread_create(%d) while a spawned group is running; the CPE is busy", id);
  struct swrt_cpe *c = &swrt_team.cpe[id];
  if (c->bound && !__atomic_load_n(&c->bound_done, __ATOMIC_ACQUIRE))
    swrt_fatal("athread_create(%d) while CPE %d still runs an earlier athread_create thread", id, id);
  __atomic_store_n(&c->bound_done, 0, __ATOMIC_SEQ_CST);
  post_job(c, (void (*)(void *))fpc, arg, 1, 1ull << id, 1);
  if (swrt_team.fibers)
    swrt_fiber_kick(1ull << id);
  else
    wake(c);
  return 0;
}

int athread_wait(int id) {
  need_host("athread_wait");
  if (id < 0 || id >= SWRT_NCPE) return -EINVAL;
  struct swrt_cpe *c = &swrt_team.cpe[id];
  if (!c->bound) swrt_fatal("athread_wait(%d) without athread_create(%d)", id, id);
  host_wait(&c->bound_done, 1);
  c->bound = 0;
  return 0;
}

int athread_end(int id) {
  if (id < 0 || id >= SWRT_NCPE) return -EINVAL;
  return 0;
}

void *malloc_cross(size_t size) { return malloc(size); }
void *cross_malloc(size_t size) { return malloc(size); }
void cross_free(void *p) { free(p); }

/* For generated host code: initialise once, from any thread. */
void o2ath_host_init(void) { swrt_init(); }
