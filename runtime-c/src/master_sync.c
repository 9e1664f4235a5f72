/* Rendezvous between the MPE and the running CPEs (CRTS_sync_master_array / CRTS_ssync_master_array
   and the per-CPE _spe forms): a counter the CPE side makes odd and the MPE side makes even again. */
#include "internal.h"

#include <sched.h>
#include <time.h>

#include "../include/athread.h"
#include "../include/crts.h"

static uint32_t array_sync;
static uint32_t spe_sync[SWRT_NCPE];
static uint32_t *waiting_word;

static int word_is_odd(void) { return __atomic_load_n(waiting_word, __ATOMIC_ACQUIRE) & 1; }

/* MPE: wait until the CPE side has arrived (odd), then let it go (even).
   With fibers the MPE runs CPE fibers meanwhile, or they could never arrive. */
static int master_side(uint32_t *word, const char *api) {
  if (swrt_self) swrt_fatal("%s called on a CPE; it is an MPE function", api);
  if (!swrt_team.running) swrt_fatal("%s without a running group: no CPE will ever arrive", api);
  waiting_word = word;
  double start = swrt_now(), limit = swrt_watchdog_seconds();
  for (unsigned long i = 0; !word_is_odd(); i++) {
    if (swrt_team.fibers) swrt_fiber_host_help_until(word_is_odd);
    if (word_is_odd()) break;
    if (i < 64)
      swrt_cpu_relax();
    else if (i < 1000)
      sched_yield();
    else {
      struct timespec ts = {0, 50000};
      nanosleep(&ts, NULL);
    }
    if ((i & 255) == 0 && limit > 0 && swrt_now() - start > limit)
      swrt_fatal("watchdog: %s has waited %.0f s for the CPEs' CRTS_ssync_master_* call; on the "
                 "hardware the MPE would spin forever",
                 api, limit);
  }
  __atomic_add_fetch(word, 1, __ATOMIC_ACQ_REL);
  swrt_event();
  return 0;
}

/* CPE: announce arrival (odd) and wait for the MPE (even). */
static void cpe_side(uint32_t *word, const char *api) {
  __atomic_add_fetch(word, 1, __ATOMIC_ACQ_REL);
  double start = 0, limit = swrt_watchdog_seconds();
  for (unsigned long i = 1; __atomic_load_n(word, __ATOMIC_ACQUIRE) & 1; i++) {
    swrt_pause(i);
    if ((i & 255) == 0 && limit > 0) {
      double t = swrt_now();
      if (!start) start = t;
      else if (t - start > limit)
        swrt_fatal("watchdog: %s has waited %.0f s for the MPE's CRTS_sync_master_* call; on the "
                   "hardware this CPE would spin forever",
                   api, limit);
    }
  }
}

int CRTS_sync_master_array(void) { return master_side(&array_sync, "CRTS_sync_master_array"); }

int CRTS_sync_master_spe(int tid) {
  if (tid < 0 || tid >= SWRT_NCPE) swrt_fatal("CRTS_sync_master_spe(%d): no such CPE", tid);
  return master_side(&spe_sync[tid], "CRTS_sync_master_spe");
}

/* All CPEs of the spawn synchronise, one of them meets the MPE, all synchronise again. */
int swrt_ssync_master_array(void) {
  struct swrt_cpe *c = swrt_need_cpe("CRTS_ssync_master_array");
  swrt_barrier_mask(c->team_mask, "CRTS_ssync_master_array");
  if (c->id == __builtin_ctzll(c->team_mask)) cpe_side(&array_sync, "CRTS_ssync_master_array");
  swrt_barrier_mask(c->team_mask, "CRTS_ssync_master_array");
  return 0;
}

int swrt_ssync_master_spe(void) {
  struct swrt_cpe *c = swrt_need_cpe("CRTS_ssync_master_spe");
  cpe_side(&spe_sync[c->id], "CRTS_ssync_master_spe");
  return 0;
}
