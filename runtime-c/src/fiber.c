/* The fast backend: the 64 CPEs run as fibers on cores-1 worker threads and on the MPE while it joins,
   each with its own stack and TLS block, switched cooperatively at the runtime's waiting points. */
#include "internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Why fibers: the host may have 2 cores.  With one thread per CPE, a spawn
   wakes 64 threads and every CPE barrier costs 64 sleeps and wake-ups; with
   fibers both are a few context switches of a few nanoseconds each.
   Why a TLS block per fiber: __thread_local data, _MYID & co. are
   thread-local variables, so each fiber gets a copy of the static TLS block
   (and of the thread control block, whose first word must point to itself)
   and the worker switches the %fs base with the stack.  The copied TCB keeps
   pointing at the worker's real pthread descriptor, so pthread_self, locks
   and stdio see the worker thread (fibers never leave their worker and are
   never preempted, so that is consistent).  x86-64 Linux only; everything
   else, sanitizer builds and O2ATH_EMU_BACKEND=threads use one thread per CPE. */

#if defined(__x86_64__) && defined(__linux__) && !SWRT_SANITIZED

struct worker {
  int id;
  pthread_t thread;
  uint32_t seq; /* futex word: bumped by the MPE when it posts work */
  int sleeping;
  int halt;
} __attribute__((aligned(64)));

static struct worker workers[SWRT_NCPE];
static int nworkers;
unsigned long swrt_events;
static uint32_t work;        /* fibers with a posted, unfinished job */
static int use_wrfsbase;
static size_t static_tls_size, static_tls_align, tcb_size;

/* ---- context switch ------------------------------------------------------- */

/* swrt_ctx_switch(&save_sp, new_sp): push the callee-saved registers and the
   SSE/x87 control words, store the stack pointer, load the other one, pop. */
void swrt_ctx_switch(void **save, void *next);
void swrt_fiber_entry(void);
__asm__(".text\n"
        ".globl swrt_ctx_switch\n"
        ".type swrt_ctx_switch,@function\n"
        "swrt_ctx_switch:\n"
        "  pushq %rbp\n  pushq %rbx\n  pushq %r12\n  pushq %r13\n  pushq %r14\n  pushq %r15\n"
        "  subq $8, %rsp\n  stmxcsr (%rsp)\n  fnstcw 4(%rsp)\n"
        "  movq %rsp, (%rdi)\n"
        "  movq %rsi, %rsp\n"
        "  ldmxcsr (%rsp)\n  fldcw 4(%rsp)\n  addq $8, %rsp\n"
        "  popq %r15\n  popq %r14\n  popq %r13\n  popq %r12\n  popq %rbx\n  popq %rbp\n"
        "  ret\n"
        ".size swrt_ctx_switch,.-swrt_ctx_switch\n"
        ".globl swrt_fiber_entry\n"
        ".type swrt_fiber_entry,@function\n"
        "swrt_fiber_entry:\n"
        "  movq %rbx, %rdi\n"
        "  call swrt_fiber_main\n"
        "  ud2\n"
        ".size swrt_fiber_entry,.-swrt_fiber_entry\n");

static inline void *get_fs(void) {
  void *tp;
  __asm__ __volatile__("movq %%fs:0, %0" : "=r"(tp));
  return tp;
}

static inline void set_fs(void *tp) {
  if (use_wrfsbase)
    __asm__ __volatile__("wrfsbase %0" ::"r"(tp) : "memory");
  else
    syscall(SYS_arch_prctl, 0x1002 /* ARCH_SET_FS */, tp);
}

/* ---- the fibers ------------------------------------------------------------ */

/* glibc sets up these per-thread pointers (the ctype tables) when a thread
   starts; the fiber's fresh libc TLS needs the same. */
extern void __ctype_init(void);

void swrt_fiber_main(struct swrt_cpe *c) __attribute__((noreturn, used));
void swrt_fiber_main(struct swrt_cpe *c) {
  char top;
  __ctype_init();
  swrt_self = c;
  swrt_set_identity(c->id);
  c->sp_base = &top;
  swrt_stack_update(c);
  for (;;) {
    swrt_run_job(c);
    swrt_ctx_switch(&c->fiber_sp, c->runner_sp);
  }
}

/* Called at every point where a CPE waits for another one. */
void swrt_fiber_yield(void) {
  struct swrt_cpe *c = swrt_self;
  swrt_ctx_switch(&c->fiber_sp, c->runner_sp);
}

/* Called by swrt_run_job when the kernel returned, before the MPE learns it. */
void swrt_fiber_job_done(struct swrt_cpe *c) {
  c->fiber_busy = 0;
  __atomic_sub_fetch(&work, 1, __ATOMIC_RELEASE);
  swrt_event();
}

struct tls_init {
  char *tp_now, *tp_fiber;
  int bad; /* a block outside the static TLS area: layout not understood */
};

/* Every module's static TLS block starts from its initial image: the
   program's __thread_local data, and libc's own (errno, the malloc thread
   cache pointer, ...), so that no two fibers share per-thread state. */
static int tls_init_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  struct tls_init *t = data;
  if (!info->dlpi_tls_data) return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_TLS) continue;
    size_t off = (size_t)(t->tp_now - (char *)info->dlpi_tls_data);
    if ((char *)info->dlpi_tls_data > t->tp_now || off > static_tls_size || ph->p_memsz > off) {
      t->bad = 1;
      return 1;
    }
    char *blk = t->tp_fiber - off;
    memcpy(blk, (const void *)(info->dlpi_addr + ph->p_vaddr), ph->p_filesz);
    memset(blk + ph->p_filesz, 0, ph->p_memsz - ph->p_filesz);
  }
  return 0;
}

/* Build the fiber's TLS block at the top of its stack mapping, laid out
   like the calling thread's, and its first stack frame. */
static int make_fiber(struct swrt_cpe *c) {
  char *tp_now = get_fs();
  size_t align = static_tls_align > 64 ? static_tls_align : 64;
  char *tp = (char *)((uintptr_t)(c->stack_hi - tcb_size) & ~(uintptr_t)(align - 1));
  if ((size_t)(tp - c->stack_lo) < static_tls_size + (64u << 10)) return 0;
  memset(tp - static_tls_size, 0, static_tls_size);
  struct tls_init t = {tp_now, tp, 0};
  dl_iterate_phdr(tls_init_cb, &t);
  if (t.bad) return 0;
  c->fiber_tp = tp;
  /* first frame: control words, six registers (rbx = c), return address */
  uintptr_t top = ((uintptr_t)(tp - static_tls_size) - 256) & ~(uintptr_t)15;
  void **sp = (void **)(top - 64);
  uint32_t ctl[2];
  __asm__ __volatile__("stmxcsr %0\n\tfnstcw %1" : "=m"(ctl[0]), "=m"(ctl[1]));
  memcpy(&sp[0], ctl, 8);
  for (int i = 1; i <= 6; i++) sp[i] = 0;
  sp[5] = c; /* rbx */
  sp[7] = (void *)swrt_fiber_entry;
  c->fiber_sp = sp;
  return 1;
}

/* Resume fiber c on the calling thread.  The thread control block is the
   running thread's (copied in, its first word pointing to the fiber's own
   block), so glibc sees the thread that really runs the fiber. */
static void resume(struct swrt_cpe *c) {
  char *tp_now = get_fs();
  if (c->fiber_tcb_from != tp_now) { /* last resumed by another thread */
    memcpy(c->fiber_tp, tp_now, tcb_size);
    *(void **)c->fiber_tp = c->fiber_tp;
    c->fiber_tcb_from = tp_now;
  }
  set_fs(c->fiber_tp);
  swrt_ctx_switch(&c->runner_sp, c->fiber_sp);
  set_fs(tp_now);
}

/* Run c if it has work and nobody else runs it: 0 if it did not run, 1 if
   it ran, 2 if it ran and finished its part of a spawn. */
static int try_run(struct swrt_cpe *c, unsigned pass) {
  /* A fiber waiting on a barrier whose generation has not moved has nothing
     to do; resume it now and then anyway, for its watchdog. */
  uint32_t *ww = __atomic_load_n(&c->fiber_wait_word, __ATOMIC_RELAXED);
  if (ww && __atomic_load_n(ww, __ATOMIC_RELAXED) == c->fiber_wait_val && (pass & 255)) return 0;
  uint32_t js = __atomic_load_n(&c->start_seq, __ATOMIC_ACQUIRE);
  if (js == __atomic_load_n(&c->fiber_seen, __ATOMIC_RELAXED) &&
      !__atomic_load_n(&c->fiber_busy, __ATOMIC_RELAXED))
    return 0;
  int zero = 0;
  if (!__atomic_compare_exchange_n(&c->fiber_claim, &zero, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
    return 0;
  int ran = 0;
  if (!c->fiber_busy) {
    js = __atomic_load_n(&c->start_seq, __ATOMIC_ACQUIRE);
    if (js != c->fiber_seen && c->fn) {
      __atomic_store_n(&c->fiber_seen, js, __ATOMIC_RELAXED);
      c->fiber_busy = 1;
    }
  }
  if (c->fiber_busy) {
    int bound = c->bound;
    resume(c);
    ran = !c->fiber_busy && !bound ? 2 : 1;
  }
  __atomic_store_n(&c->fiber_claim, 0, __ATOMIC_RELEASE);
  return ran;
}

/* Run fibers until no posted job is left (stop() says when the caller may
   leave early).  When every fiber with work waits for something and no
   event happened during a whole pass, give the core away for a moment. */
/* `first`: where this thread starts its scan.  Threads start at different
   CPEs so that they do not contend for the same fibers, and each fiber
   tends to be resumed by the same thread (no TCB copy then). */
static void help(int (*stop)(void), int first) {
  unsigned idle = 0, pass = 0;
  while (__atomic_load_n(&work, __ATOMIC_ACQUIRE) && !(stop && stop())) {
    pass++;
    unsigned long ev = __atomic_load_n(&swrt_events, __ATOMIC_RELAXED);
    int ran = 0;
    uint32_t fin = 0;
    for (int k = 0; k < SWRT_NCPE; k++) {
      int r = try_run(&swrt_team.cpe[(first + k) % SWRT_NCPE], pass);
      ran += r != 0;
      fin += r == 2;
    }
    if (fin) {
      __atomic_sub_fetch(&work, fin, __ATOMIC_RELEASE);
      swrt_event();
      swrt_finish_spawn_jobs(fin);
    }
    if (ran && ev != __atomic_load_n(&swrt_events, __ATOMIC_RELAXED)) {
      idle = 0;
      continue;
    }
    if (++idle < 64) {
      sched_yield();
    } else {
      struct timespec ts = {0, 20000};
      nanosleep(&ts, NULL);
    }
  }
}

static void *worker_main(void *p) {
  struct worker *w = p;
  swrt_stack_altstack();
  uint32_t seen = 0;
  for (;;) {
    /* spin briefly, then sleep until the MPE posts work */
    uint32_t s;
    int spins = swrt_spin_limit() * 8;
    for (;;) {
      s = __atomic_load_n(&w->seq, __ATOMIC_ACQUIRE);
      if (s != seen || --spins <= 0) break;
      swrt_cpu_relax();
    }
    while (s == seen) {
      __atomic_store_n(&w->sleeping, 1, __ATOMIC_SEQ_CST);
      s = __atomic_load_n(&w->seq, __ATOMIC_SEQ_CST);
      if (s == seen) swrt_futex_wait(&w->seq, seen, 0);
      __atomic_store_n(&w->sleeping, 0, __ATOMIC_RELAXED);
      s = __atomic_load_n(&w->seq, __ATOMIC_ACQUIRE);
    }
    seen = s;
    if (__atomic_load_n(&w->halt, __ATOMIC_ACQUIRE)) break;
    help(NULL, (w->id + 1) * SWRT_NCPE / (nworkers + 1));
  }
  return NULL;
}

/* ---- stall report ------------------------------------------------------------
   Fibers are never preempted: a kernel that busy-waits on memory another CPE
   writes, without calling the runtime, can keep that CPE from ever running.
   Nothing can be done about it at that point, but saying so beats a silent
   hang: a monitor thread warns when CPEs have work and no CPE called the
   runtime for the watchdog time. */

static uint64_t activity(void) {
  uint64_t a = __atomic_load_n(&swrt_events, __ATOMIC_RELAXED);
  for (int i = 0; i < SWRT_NCPE; i++) {
    const struct swrt_stats *st = &swrt_team.cpe[i].st;
    a += st->dma_get_calls + st->dma_put_calls + st->rma_calls + st->barriers;
  }
  return a;
}

static void *monitor_main(void *p) {
  (void)p;
  double limit = swrt_watchdog_seconds();
  uint64_t last = activity();
  double since = swrt_now();
  int warned = 0;
  for (;;) {
    struct timespec ts = {1, 0};
    nanosleep(&ts, NULL);
    uint64_t now_a = activity();
    double now = swrt_now();
    if (now_a != last || !__atomic_load_n(&work, __ATOMIC_RELAXED)) {
      last = now_a;
      since = now;
      warned = 0;
      continue;
    }
    if (warned || now - since < limit) continue;
    uint64_t running = 0, waiting = 0;
    for (int i = 0; i < SWRT_NCPE; i++) {
      struct swrt_cpe *c = &swrt_team.cpe[i];
      if (__atomic_load_n(&c->fiber_claim, __ATOMIC_RELAXED))
        running |= 1ull << i;
      else if (__atomic_load_n(&c->fiber_busy, __ATOMIC_RELAXED))
        waiting |= 1ull << i;
    }
    char r[256], w[256];
    swrt_format_cpes(r, sizeof r, running);
    swrt_format_cpes(w, sizeof w, waiting);
    swrt_warn("no CPE has called the runtime for %.0f s: CPEs %s are running, CPEs %s wait; if "
              "a kernel busy-waits on memory another CPE writes (instead of a barrier or "
              "CRTS_*_wait_value), the fiber backend cannot run that CPE: rerun with "
              "O2ATH_EMU_BACKEND=threads",
              now - since, r, w);
    warned = 1;
  }
  return NULL;
}

/* ---- the backend interface ------------------------------------------------- */

int swrt_fiber_init(void) {
  const char *b = getenv("O2ATH_EMU_BACKEND");
  if (b && !strcmp(b, "threads")) return 0;
  /* A program built with a sanitizer but linked with this (plain) archive:
     the sanitizers do not know about our stack and %fs switches. */
  if (dlsym(RTLD_DEFAULT, "__asan_init") || dlsym(RTLD_DEFAULT, "__tsan_init") ||
      dlsym(RTLD_DEFAULT, "__msan_init") || dlsym(RTLD_DEFAULT, "__hwasan_init"))
    return 0;
  void (*info)(size_t *, size_t *) =
      (void (*)(size_t *, size_t *))dlsym(RTLD_DEFAULT, "_dl_get_tls_static_info");
  const unsigned *pd_size = dlsym(RTLD_DEFAULT, "_thread_db_sizeof_pthread");
  if (!info || !pd_size) return 0;
  info(&static_tls_size, &static_tls_align);
  tcb_size = *pd_size;
  if (!static_tls_size || tcb_size < 64 || tcb_size > 16384) return 0;
  use_wrfsbase = (getauxval(AT_HWCAP2) & 2) != 0; /* HWCAP2_FSGSBASE */
  for (int i = 0; i < SWRT_NCPE; i++)
    if (!make_fiber(&swrt_team.cpe[i])) return 0; /* fall back to one thread per CPE */
  /* The MPE runs fibers too while it waits in athread_join, so one worker
     fewer than cores keeps every core busy without oversubscribing. */
  const char *e = getenv("O2ATH_EMU_WORKERS");
  long n = e && *e ? atol(e) : sysconf(_SC_NPROCESSORS_ONLN) - 1;
  if (n < 1) n = 1;
  if (n > SWRT_NCPE) n = SWRT_NCPE;
  nworkers = (int)n;
  for (int i = 0; i < nworkers; i++) {
    struct worker *w = &workers[i];
    w->id = i;
    int err = pthread_create(&w->thread, NULL, worker_main, w);
    if (err) swrt_fatal("cannot create a worker thread: %s", strerror(err));
  }
  if (swrt_watchdog_seconds() > 0) {
    pthread_t mon;
    if (pthread_create(&mon, NULL, monitor_main, NULL) == 0) pthread_detach(mon);
  }
  return 1;
}

/* After the MPE posted jobs in the mailboxes of the CPEs in `cpes`. */
void swrt_fiber_kick(uint64_t cpes) {
  __atomic_add_fetch(&work, (uint32_t)__builtin_popcountll(cpes), __ATOMIC_SEQ_CST);
  for (int i = 0; i < nworkers; i++) {
    struct worker *w = &workers[i];
    __atomic_add_fetch(&w->seq, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&w->sleeping, __ATOMIC_SEQ_CST)) swrt_futex_wake(&w->seq, 1);
  }
}

/* The MPE waits for *word to become 0 (or non-zero): it runs fibers itself
   meanwhile, which is what makes an empty spawn+join cheap. */
static uint32_t *help_word;
static int help_nonzero;
static int help_stop(void) {
  return (__atomic_load_n(help_word, __ATOMIC_ACQUIRE) != 0) == help_nonzero;
}

void swrt_fiber_host_help(uint32_t *word, int want_nonzero) {
  help_word = word;
  help_nonzero = want_nonzero;
  help(help_stop, 0);
}

void swrt_fiber_host_help_until(int (*stop)(void)) { help(stop, 0); }

void swrt_fiber_halt(void) {
  for (int i = 0; i < nworkers; i++) {
    __atomic_store_n(&workers[i].halt, 1, __ATOMIC_RELEASE);
    __atomic_add_fetch(&workers[i].seq, 1, __ATOMIC_SEQ_CST);
    swrt_futex_wake(&workers[i].seq, 1);
  }
  for (int i = 0; i < nworkers; i++) pthread_join(workers[i].thread, NULL);
}

#else /* no fiber backend on this platform or under sanitizers */

unsigned long swrt_events;
void swrt_fiber_job_done(struct swrt_cpe *c) { (void)c; }
void swrt_fiber_host_help(uint32_t *word, int want_nonzero) {
  (void)word;
  (void)want_nonzero;
}
void swrt_fiber_host_help_until(int (*stop)(void)) { (void)stop; }

int swrt_fiber_init(void) { return 0; }
void swrt_fiber_kick(uint64_t cpes) { (void)cpes; }
void swrt_fiber_halt(void) {}
void swrt_fiber_yield(void) { sched_yield(); }

#endif

/* One step of waiting for another CPE: a fiber hands its worker to the
   next fiber; a thread pauses, then yields its core. */
void swrt_pause(unsigned long i) {
  if (swrt_team.fibers && swrt_self)
    swrt_fiber_yield();
  else if (i < 64)
    swrt_cpu_relax();
  else
    sched_yield();
}
