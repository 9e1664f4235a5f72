/* Every check of the emulator: each scenario (argv[1]) makes one mistake and the run must fail
   with the message that explains it. */
//! env: O2ATH_EMU_WATCHDOG_SECONDS=1
//! run: ok
//! run: stack => error: stack overflow: the CPE stack grew past the 256 KB LDM nosan
//! run: heap-stack => error: and 204800 bytes of ldm_malloc heap leave nosan
//! run: dma-len => error: CRTS_dma_get: length 0; a DMA must move at least one byte
//! run: dma-ldm => error: CRTS_dma_iget: the LDM side
//! run: dma-mem => error: CRTS_dma_put: the main-memory side
//! run: dma-reply => error: CRTS_dma_iget: the reply counter
//! run: dma-stride => error: needs bsize > 0
//! run: wait => error: watchdog: CRTS_dma_wait_value
//! run: barrier => error: CPEs 1-63 of its 64 participants never arrived (of them, 1-63 already returned
//! run: barrier-row => error: never arrived
//! run: lock => error: watchdog: athread_lock
//! run: spawn-twice => error: athread_spawn while the previous group is still running
//! run: join-twice => error: athread_join without a running group
//! run: no-init => error: athread_spawn before athread_init
//! run: free-size => error: the block was allocated with a different size
//! run: free-bad => error: not a block ldm_malloc returned
//! run: rma-target => error: target CPE 20 is not running in the current spawn
//! run: rma-ldm => error: CRTS_rma_iput: the local buffer
//! run: mpe-ldm => error: ldm_malloc called outside a CPE kernel
//! run: syn-member => error: this CPE is not one of the participants
//! run: mpe-on-cpe => error: athread_set_num_threads called on a CPE
//! run: redurt-type => error: CRTS_scoll_redurt: unknown data type code 42
//! run: col-mode => error: athread_get in COL_MODE is not emulated
#include "check.h"
#include <string.h>

struct arg {
  int mode;
  long lock;
  long mem[64];
};

enum { OK, STACK, HEAP_STACK, DMA_LEN, DMA_LDM, DMA_MEM, DMA_REPLY, DMA_STRIDE, WAIT, BARRIER,
       BARRIER_ROW, LOCK, RMA_TARGET, RMA_LDM, SYN_MEMBER, FREE_SIZE, FREE_BAD, MPE_ON_CPE,
       REDURT_TYPE, COL_MODE_GET };

#ifdef __sw_slave__
#include <slave.h>
#include <crts.h>

__thread_local long buf[64];
__thread_local crts_rply_t rply;

/* A frame larger than the LDM: on the hardware it overwrites the LDM. */
__attribute__((noinline)) long deep(volatile long *p, int n) {
  volatile long big[40000]; /* 320 KB */
  big[0] = *p;
  big[39999] = n;
  return big[0] + big[39999];
}

__attribute__((noinline)) long medium(volatile long *p) {
  volatile long mid[8000]; /* 64 KB of stack */
  mid[0] = *p;
  mid[7999] = 1;
  return mid[0] + mid[7999];
}

void kern(struct arg *a) {
  switch (a->mode) {
  case STACK:
    if (_MYID == 5) a->mem[5] = deep(&a->mem[0], 1);
    break;
  case HEAP_STACK:
    if (_MYID == 0) {
      void *h = ldm_malloc(200 << 10); /* fits, but leaves only ~56 KB for the stack */
      a->mem[0] = medium(&a->mem[1]) + (h != 0);
    }
    break;
  case DMA_LEN: CRTS_dma_get(buf, a->mem, 0); break;
  case DMA_LDM: rply = 0; athread_dma_iget(a->mem, a->mem + 8, 64, &rply); break;
  case DMA_MEM: CRTS_dma_put(buf + 8, buf, 64); break;
  case DMA_REPLY: CRTS_dma_iget(buf, a->mem, 64, (crts_rply_t *)&a->mem[4]); break;
  case DMA_STRIDE: CRTS_dma_get_stride(buf, a->mem, 64, 0, 8); break;
  case WAIT:
    rply = 0;
    CRTS_dma_iget(buf, a->mem, 64, &rply);
    if (_MYID == 3) CRTS_dma_wait_value(&rply, 2); /* only one transfer was issued */
    break;
  case BARRIER:
    if (_MYID == 0) athread_syn(ARRAY_SCOPE, 0xffff);
    break;
  case BARRIER_ROW:
    if (_COL != 7) CRTS_ssync_row();
    else athread_syn(ARRAY_SCOPE, 0xffff); /* column 7 goes to a different barrier */
    break;
  case LOCK:
    if (_MYID == 0) athread_lock(&a->lock);
    if (_MYID == 1) athread_lock(&a->lock); /* nobody unlocks */
    break;
  case RMA_TARGET:
    if (_MYID == 0) CRTS_rma_iput(buf, &rply, 8, 20, buf, &rply);
    break;
  case RMA_LDM:
    if (_MYID == 0) CRTS_rma_iput(a->mem, &rply, 8, 1, buf, &rply);
    break;
  case SYN_MEMBER:
    if (_ROW == 0) athread_syn(ROW_SCOPE, 0xfe); /* column 0 calls without being in the mask */
    break;
  case FREE_SIZE: {
    void *p = ldm_malloc(1024);
    ldm_free(p, 4096);
    break;
  }
  case FREE_BAD: ldm_free(buf, 64); break;
  case MPE_ON_CPE: {
    extern int athread_set_num_threads(int);
    if (_MYID == 2) athread_set_num_threads(4);
    break;
  }
  case REDURT_TYPE: CRTS_scoll_redurt(buf, buf + 8, 1, 42, OP_add, buf + 16, 8); break;
  case COL_MODE_GET:
    if (_MYID == 0) athread_get(COL_MODE, a->mem, buf, 64, (void *)&rply, 0, 0, 0);
    break;
  default: break;
  }
}
void nothing(void *p) { (void)p; }
#endif

#ifdef __sw_host__
#include <athread.h>
#include <slave.h>
extern void slave_kern(struct arg *);
extern void slave_nothing(void *);

static const char *names[] = {"ok", "stack", "heap-stack", "dma-len", "dma-ldm", "dma-mem",
                              "dma-reply", "dma-stride", "wait", "barrier", "barrier-row", "lock",
                              "rma-target", "rma-ldm", "syn-member", "free-size", "free-bad",
                              "mpe-on-cpe", "redurt-type", "col-mode"};

int main(int argc, char **argv) {
  static struct arg a;
  const char *s = argc > 1 ? argv[1] : "ok";
  if (!strcmp(s, "no-init")) {
    athread_spawn(nothing, 0);
    return 0;
  }
  athread_init();
  if (!strcmp(s, "spawn-twice")) {
    athread_spawn(nothing, 0);
    athread_spawn(nothing, 0);
  }
  if (!strcmp(s, "join-twice")) {
    athread_spawn(nothing, 0);
    athread_join();
    athread_join();
  }
  if (!strcmp(s, "mpe-ldm")) ldm_malloc(16);
  a.mode = -1;
  for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(s, names[i])) a.mode = (int)i;
  CHECK(a.mode >= 0);
  if (a.mode == RMA_TARGET) athread_set_num_threads(16);
  athread_spawn(kern, &a);
  athread_join();
  return 0;
}
#endif
