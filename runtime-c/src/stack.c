/* CPE stack checking: the stack lives in the LDM with the __thread_local data and the ldm_malloc
   heap, so a PROT_NONE guard page follows the room they leave, and a fault on it is reported. */
#include "internal.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static long page;
static int enabled;

/* O2ATH_EMU_STACK_CHECK=0 turns the guard off.  Under sanitizers it is off:
   their instrumentation makes frames several times larger than the real
   compiler's, and they own SIGSEGV. */
static int want_check(void) {
  const char *e = getenv("O2ATH_EMU_STACK_CHECK");
  if (e && *e) return atoi(e) != 0;
  return !SWRT_SANITIZED;
}

static void report(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  char *a = si->si_addr;
  for (int i = 0; i < SWRT_NCPE; i++) {
    struct swrt_cpe *c = &swrt_team.cpe[i];
    if (!c->region) continue;
    /* guard: [stack_lo, c->guard), below it the region's own guard page */
    int in_guard = c->guard && a >= c->arena + SWRT_LDM_SIZE && a < c->guard;
    int in_floor = a >= c->arena + SWRT_LDM_SIZE && a < c->stack_lo;
    if (!in_guard && !in_floor) continue;
    char msg[640];
    int n = snprintf(msg, sizeof msg,
                     "o2ath-emu: error: CPE %d: stack overflow: the CPE stack grew past the %u KB "
                     "LDM (%zu bytes of __thread_local data and %zu bytes of ldm_malloc heap leave "
                     "%zu bytes for the stack); on the real %s the stack silently overwrites "
                     "LDM data, typically ending in 'Accessed Wrong Address' or 'Unaligned "
                     "Exception'; move large local arrays to ldm_malloc or main memory\n",
                     i, SWRT_LDM_SIZE >> 10, swrt_team.tls_size, c->arena_used,
                     SWRT_LDM_SIZE - swrt_team.tls_size - c->arena_used, SWRT_TARGET_NAME);
    if (n > 0) write(2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
    signal(SIGABRT, SIG_DFL);
    abort();
  }
  /* Not ours: let the default action happen on return. */
  signal(sig, SIG_DFL);
}

void swrt_stack_install(void) {
  page = sysconf(_SC_PAGESIZE);
  enabled = want_check();
  if (!enabled) return;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = report;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, NULL);
}

/* The report runs on an alternate stack: the faulting one is exhausted. */
void swrt_stack_altstack(void) {
  if (!enabled) return;
  size_t size = 64u << 10;
  char *alt = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (alt == MAP_FAILED) return;
  stack_t ss = {.ss_sp = alt, .ss_size = size, .ss_flags = 0};
  sigaltstack(&ss, NULL);
}

void swrt_stack_thread_start(struct swrt_cpe *c) {
  swrt_stack_altstack();
  swrt_stack_update(c);
}

/* Re-place the guard after the heap or the data changed size.  Everything
   from the bottom of the stack area up to the first whole page below the
   limit is PROT_NONE (a single guard page could be jumped over by a large
   frame); lenient by less than a page. */
void swrt_stack_update(struct swrt_cpe *c) {
  if (!enabled || !c->sp_base) return;
  size_t fixed = swrt_team.tls_size + c->arena_used;
  size_t room = fixed < SWRT_LDM_SIZE ? SWRT_LDM_SIZE - fixed : 0;
  size_t depth = swrt_stack_depth(c);
  if (depth > room)
    swrt_fatal("stack overflow: the stack is %zu bytes deep but the LDM only has %zu bytes left "
               "for it next to %zu bytes of __thread_local data and %zu bytes of ldm_malloc heap; "
               "on the real %s heap and stack overlap and corrupt each other",
               depth, room, swrt_team.tls_size, c->arena_used, SWRT_TARGET_NAME);
  char *top = (char *)((uintptr_t)(c->sp_base - room) & ~(uintptr_t)(page - 1));
  if (top < c->stack_lo) top = c->stack_lo;
  if (top == c->guard) return;
  if (c->guard && c->guard > top) mprotect(top, (size_t)(c->guard - top), PROT_READ | PROT_WRITE);
  if (top > c->stack_lo) mprotect(c->stack_lo, (size_t)(top - c->stack_lo), PROT_NONE);
  c->guard = top;
}

/* Cheap high-water mark: the depth seen whenever a kernel calls into the
   runtime (an underestimate between calls; see README). */
void swrt_stack_sample(struct swrt_cpe *c) {
  size_t used = swrt_team.tls_size + swrt_stack_depth(c) + c->arena_used;
  if (used > c->st.ldm_hwm) c->st.ldm_hwm = used;
}
