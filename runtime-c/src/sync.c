/* CPE barriers: athread_syn row/column/array scopes with masks and the CRTS_ssync_* family, over
   any subset of the spawned CPEs, with a watchdog that names the CPEs that never arrive. */
#include "internal.h"

#include <sched.h>
#include <string.h>

#include "../include/slave.h"
#include "../include/crts.h"

/* One barrier per distinct set of participants (the whole array, each row,
   each column, plus whatever masks the program uses), found by hashing the
   set.  Arrival is a bit per CPE rather than a count, so the watchdog can
   say exactly who is missing.  The last CPE to arrive clears the bits and
   then bumps the generation (release), which is what the others wait for. */
struct barrier {
  uint64_t members; /* key; 0 = free slot */
  uint64_t arrived;
  uint32_t gen;
  int sleepers;
  const char *what;
} __attribute__((aligned(64)));

#define NBARRIERS 512
static struct barrier barriers[NBARRIERS];

static struct barrier *lookup(uint64_t members) {
  uint64_t h = members * 0x9E3779B97F4A7C15ull;
  for (unsigned i = 0; i < NBARRIERS; i++) {
    struct barrier *b = &barriers[((h >> 55) + i) & (NBARRIERS - 1)];
    uint64_t k = __atomic_load_n(&b->members, __ATOMIC_ACQUIRE);
    if (k == members) return b;
    if (k == 0) {
      uint64_t zero = 0;
      if (__atomic_compare_exchange_n(&b->members, &zero, members, 0, __ATOMIC_ACQ_REL,
                                      __ATOMIC_ACQUIRE) ||
          zero == members)
        return b;
    }
  }
  swrt_fatal("more than %d different barrier participant sets", NBARRIERS);
}

uint64_t swrt_team_mask(void) { return swrt_self ? swrt_self->team_mask : 0; }

static void watchdog(struct barrier *b, uint64_t members, const char *what, double waited) {
  char missing[256], gone[256];
  uint64_t arrived = __atomic_load_n(&b->arrived, __ATOMIC_ACQUIRE);
  uint64_t miss = members & ~arrived, done = 0;
  for (int i = 0; i < SWRT_NCPE; i++)
    if ((miss >> i & 1) && !__atomic_load_n(&swrt_team.cpe[i].in_kernel, __ATOMIC_RELAXED))
      done |= 1ull << i;
  swrt_format_cpes(missing, sizeof missing, miss);
  swrt_format_cpes(gone, sizeof gone, done);
  swrt_fatal("watchdog: %s has waited %.0f s; CPEs %s of its %d participants never arrived (of "
             "them, %s already returned from the kernel); on the hardware the core group would "
             "hang here forever",
             what, waited, missing, __builtin_popcountll(members), gone);
}

void swrt_barrier_mask(uint64_t members, const char *what) {
  struct swrt_cpe *c = swrt_need_cpe(what);
  uint64_t me = 1ull << c->id;
  if (!(members & me)) {
    char set[256];
    swrt_format_cpes(set, sizeof set, members);
    swrt_fatal("%s: this CPE is not one of the participants (CPEs %s) it names; on the hardware "
               "the synchronisation never completes",
               what, set);
  }
  c->st.barriers++;
  if (members == me) return;
  struct barrier *b = lookup(members);
  uint32_t gen = __atomic_load_n(&b->gen, __ATOMIC_ACQUIRE);
  uint64_t old = __atomic_fetch_or(&b->arrived, me, __ATOMIC_ACQ_REL);
  swrt_event();
  if ((old | me) == members) {
    __atomic_store_n(&b->arrived, 0, __ATOMIC_RELAXED);
    __atomic_add_fetch(&b->gen, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&b->sleepers, __ATOMIC_SEQ_CST)) swrt_futex_wake(&b->gen, 1 << 30);
    return;
  }
  double limit = swrt_watchdog_seconds(), start = 0;
  if (swrt_team.fibers) {
    /* A fiber hands its worker to the next CPE until the last one arrives. */
    /* The runners skip this fiber until the generation moves (fiber.c). */
    c->fiber_wait_val = gen;
    __atomic_store_n(&c->fiber_wait_word, &b->gen, __ATOMIC_RELAXED);
    for (unsigned long i = 1;; i++) {
      if (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) != gen) break;
      swrt_fiber_yield();
      if ((i & 15) == 0 && limit > 0) {
        double t = swrt_now();
        if (!start) start = t;
        else if (t - start >= limit) watchdog(b, members, what, t - start);
      }
    }
    __atomic_store_n(&c->fiber_wait_word, NULL, __ATOMIC_RELAXED);
    return;
  }
  /* Spin briefly (the others may already be running on the other core),
     then sleep: with 64 threads on a few cores, spinning starves the CPEs
     that still have to arrive. */
  for (int i = 0; i < 100; i++) {
    if (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) != gen) return;
    swrt_cpu_relax();
  }
  start = swrt_now();
  for (;;) {
    __atomic_add_fetch(&b->sleepers, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&b->gen, __ATOMIC_SEQ_CST) == gen)
      swrt_futex_wait(&b->gen, gen, limit > 0 ? (limit < 1 ? limit : 1.0) : 0);
    __atomic_sub_fetch(&b->sleepers, 1, __ATOMIC_RELAXED);
    if (__atomic_load_n(&b->gen, __ATOMIC_ACQUIRE) != gen) return;
    double waited = swrt_now() - start;
    if (limit > 0 && waited >= limit) watchdog(b, members, what, waited);
  }
}

/* ---- athread_syn ----------------------------------------------------------- */

static uint64_t syn_members(struct swrt_cpe *c, int scp, int mask) {
  int row = c->id / SWRT_NCOL, col = c->id % SWRT_NCOL;
  uint64_t m = 0;
  for (int i = 0; i < SWRT_NCPE; i++) {
    int r = i / SWRT_NCOL, k = i % SWRT_NCOL;
    int in = 0;
    switch (scp) {
    case ROW_SCOPE: in = r == row && (mask >> k & 1); break;        /* columns of my row */
    case COL_SCOPE: in = k == col && (mask >> r & 1); break;        /* rows of my column */
    case ARRAY_SCOPE: in = (mask >> k & 1) && (mask >> (8 + r) & 1); break; /* high 8: rows */
    default: break;
    }
    if (in) m |= 1ull << i;
  }
  return m;
}

static const char *scope_name(int scp) {
  return scp == ROW_SCOPE ? "ROW_SCOPE" : scp == COL_SCOPE ? "COL_SCOPE" : "ARRAY_SCOPE";
}

/* With fewer than 64 CPEs spawned, a barrier synchronises the participants
   that belong to the current spawn (see README). */
int swrt_sync(int scp, unsigned mask, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  if (scp != ROW_SCOPE && scp != COL_SCOPE && scp != ARRAY_SCOPE)
    swrt_fatal("%s: scope %d is not emulated (only ROW_SCOPE, COL_SCOPE and ARRAY_SCOPE)", api, scp);
  uint64_t members = syn_members(c, scp, (int)mask) & c->team_mask;
  char what[96];
  snprintf(what, sizeof what, "%s(%s, 0x%x)", api, scope_name(scp), mask);
  swrt_barrier_mask(members, what);
  return 0;
}

int athread_syn(scope scp, int mask) { return swrt_sync(scp, (unsigned)mask, "athread_syn"); }
int athread_ssync_array(void) { return swrt_sync(ARRAY_SCOPE, 0xffff, "athread_ssync_array"); }
int athread_ssync_row(void) { return swrt_sync(ROW_SCOPE, 0xff, "athread_ssync_row"); }
int athread_ssync_col(void) { return swrt_sync(COL_SCOPE, 0xff, "athread_ssync_col"); }
int CRTS_ssync_array(void) { return swrt_sync(ARRAY_SCOPE, 0xffff, "CRTS_ssync_array"); }
int CRTS_ssync_row(void) { return swrt_sync(ROW_SCOPE, 0xff, "CRTS_ssync_row"); }
int CRTS_ssync_col(void) { return swrt_sync(COL_SCOPE, 0xff, "CRTS_ssync_col"); }
int CRTS_ssync_col_left(void) { return swrt_sync(COL_SCOPE, 0x0f, "CRTS_ssync_col_left"); }
int CRTS_ssync_col_right(void) { return swrt_sync(COL_SCOPE, 0xf0, "CRTS_ssync_col_right"); }
int CRTS_ssync_sldm(void) { return swrt_sync(ARRAY_SCOPE, 0xffff, "CRTS_ssync_sldm"); }
int CRTS_ssync_8spc(void) { return swrt_sync(ARRAY_SCOPE, 0xffff, "CRTS_ssync_8spc"); }

/* Pairwise synchronisation with one peer (synp). */
int CRTS_ssync_peer(int tid) {
  struct swrt_cpe *c = swrt_need_cpe("CRTS_ssync_peer");
  if (tid < 0 || tid >= SWRT_NCPE || !(c->team_mask >> tid & 1))
    swrt_fatal("CRTS_ssync_peer(%d): not a CPE of the current spawn", tid);
  swrt_barrier_mask(1ull << c->id | 1ull << tid, "CRTS_ssync_peer");
  return 0;
}
