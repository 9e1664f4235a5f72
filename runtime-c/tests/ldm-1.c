/* LDM heap: ldm_malloc/ldm_free/get_allocatable_size with the real capacity, alignment, reuse,
   CRTS_pldm_* aliases, and a loud NULL on overflow. */
//! targets: pro sw26010
//! run:
//! run: overflow => stderr: fails: the
#include "check.h"
#include <string.h>

struct arg {
  int mode;
  int bad;
  long cap[64];
};

#ifdef __sw_slave__
#include <slave.h>

static void fail(struct arg *a) { __atomic_store_n(&a->bad, 1, __ATOMIC_RELAXED); }

void kern(struct arg *a) {
  size_t total = get_allocatable_size();
  a->cap[_MYID] = (long)total;
  if (total == 0 || total > O2ATH_EMU_LDM_SIZE) fail(a);
  if (a->mode == 1) {
    /* asking for more than the LDM gives NULL (and a message) */
    if (ldm_malloc(O2ATH_EMU_LDM_SIZE + 1) != NULL) fail(a);
    return;
  }
  char *p = ldm_malloc(1000);
  char *q = ldm_malloc(3000);
  if (!p || !q || ((unsigned long)p & 31) || ((unsigned long)q & 31)) fail(a);
  memset(p, _MYID, 1000);
  memset(q, 1, 3000);
  if (get_allocatable_size() > total - 4000) fail(a);
  ldm_free(p, 1000);
  char *r = ldm_malloc(500); /* first fit reuses the hole */
  if (r != p) fail(a);
  ldm_free(r, 500);
  ldm_free(q, 3000);
  if (get_allocatable_size() != total) fail(a);
  /* nearly everything, then nothing is left */
  size_t big = total - 1024;
  char *b = ldm_malloc(big);
  if (!b) fail(a);
  else {
    b[0] = b[big - 1] = 1;
    ldm_free(b, big);
  }
  size_t got = 0;
  void *m = ldm_malloc_max(&got);
  if (!m || got != total) fail(a);
  ldm_free(m, got);
#ifndef O2ATH_EMU_SW26010
  void *c = CRTS_pldm_malloc(64);
  if (!c || CRTS_pldm_get_free_size() >= total) fail(a);
  CRTS_pldm_free(c, 64);
#endif
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(struct arg *);

int main(int argc, char **argv) {
  static struct arg a;
  a.mode = argc > 1 && !strcmp(argv[1], "overflow");
  athread_init();
  for (int rep = 0; rep < 3; rep++) { /* nothing leaks across spawns */
    athread_spawn(kern, &a);
    athread_join();
    CHECK(!a.bad);
  }
  for (int i = 1; i < 64; i++) CHECK(a.cap[i] == a.cap[0]);
  CHECK(a.cap[0] > O2ATH_EMU_LDM_SIZE / 2);
  athread_halt();
  return 0;
}
#endif
