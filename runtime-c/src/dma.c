/* DMA between main memory and LDM: checked arguments, strided (bsize/gap) copies, reply counters,
   the classic athread_get/athread_put and the broadcasts. */
#include "internal.h"

#include <string.h>

#include "../include/slave.h"

/* Bytes of main memory a (possibly strided) transfer spans. */
static size_t mem_span(long len, long bsize, long stride) {
  if (!stride || !bsize) return (size_t)len;
  long blocks = (len + bsize - 1) / bsize;
  return (size_t)((blocks - 1) * (bsize + stride) + (len - (blocks - 1) * bsize));
}

static void check_args(struct swrt_cpe *c, const char *api, const void *ldm, const void *mem,
                       long len, long bsize, long stride, const void *reply, int rsize) {
  if (len <= 0)
    swrt_fatal("%s: length %ld; a DMA must move at least one byte (a zero or negative length "
               "descriptor is undefined on the hardware and may never complete)",
               api, len);
  if (stride < 0 || bsize < 0 || (stride && !bsize))
    swrt_fatal("%s: bsize %ld, stride %ld; a strided DMA needs bsize > 0 and stride >= 0 "
               "(stride is the gap in bytes between blocks of bsize bytes)",
               api, bsize, stride);
  if (!swrt_is_ldm(c, ldm, (size_t)len))
    swrt_fatal("%s: the LDM side %p..+%ld is not in this CPE's LDM (its ldm_malloc arena, "
               "__thread_local data or stack); the hardware would take the low 18 bits as an LDM "
               "address and corrupt unrelated LDM data",
               api, ldm, len);
  int owner = swrt_is_any_ldm(mem, mem_span(len, bsize, stride));
  if (owner >= 0)
    swrt_fatal("%s: the main-memory side %p is an LDM address (of CPE %d); the hardware would "
               "read or write an unrelated main-memory address",
               api, mem, owner);
  if (reply) {
    if (!swrt_is_ldm(c, reply, (size_t)rsize))
      swrt_fatal("%s: the reply counter %p is not in this CPE's LDM; the hardware writes the "
                 "completion to an unrelated LDM word and the wait never ends",
                 api, reply);
    if ((uintptr_t)reply % 4)
      swrt_fatal("%s: the reply counter %p is not 4-byte aligned, as the hardware requires", api,
                 reply);
  }
}

/* Strided copy: main memory holds blocks of bsize bytes separated by
   stride bytes of gap; LDM holds the blocks packed. */
static void copy(int op, char *ldm, char *mem, long len, long bsize, long stride) {
  if (!stride || !bsize || bsize >= len) {
    if (op == SWRT_GET)
      memcpy(ldm, mem, (size_t)len);
    else
      memcpy(mem, ldm, (size_t)len);
    return;
  }
  for (long done = 0; done < len; done += bsize) {
    long n = len - done < bsize ? len - done : bsize;
    if (op == SWRT_GET)
      memcpy(ldm, mem, (size_t)n);
    else
      memcpy(mem, ldm, (size_t)n);
    ldm += n;
    mem += n + stride;
  }
}

static void count(struct swrt_cpe *c, int op, long len) {
  if (op == SWRT_GET) {
    c->st.dma_get_bytes += (uint64_t)len;
    c->st.dma_get_calls++;
  } else {
    c->st.dma_put_bytes += (uint64_t)len;
    c->st.dma_put_calls++;
  }
}

int swrt_dma(int op, void *ldm, const void *mem, long len, long bsize, long stride, void *reply,
             int rsize, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  check_args(c, api, ldm, mem, len, bsize, stride, reply, rsize);
  copy(op, ldm, (char *)mem, len, bsize, stride);
  count(c, op, len);
  swrt_reply_add(reply, rsize, 0);
  return 0;
}

/* Members of my row / column / the whole spawn. */
static uint64_t scope_members(struct swrt_cpe *c, int scope) {
  uint64_t m = 0;
  int row = c->id / SWRT_NCOL, col = c->id % SWRT_NCOL;
  for (int i = 0; i < SWRT_NCPE; i++)
    if (scope == SWRT_BC_ALL || (scope == SWRT_BC_ROW && i / SWRT_NCOL == row) ||
        (scope == SWRT_BC_COL && i % SWRT_NCOL == col))
      m |= 1ull << i;
  return m & c->team_mask;
}

/* The real collectives read main memory once and forward it by RMA; every
   member ends with the data and they synchronise.  The emulation lets each
   member fetch its own copy and counts the main-memory traffic once. */
int swrt_dma_bcast(int scope, int coll, void *ldm, const void *mem, long len, long bsize,
                   long stride, void *reply, int rsize, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  check_args(c, api, ldm, mem, len, bsize, stride, reply, rsize);
  uint64_t members = scope_members(c, scope);
  if (coll) {
    copy(SWRT_GET, ldm, (char *)mem, len, bsize, stride);
    if (c->id == __builtin_ctzll(members)) count(c, SWRT_GET, len);
    swrt_barrier_mask(members, api);
    return 0;
  }
  for (int i = 0; i < SWRT_NCPE; i++)
    if (members >> i & 1)
      copy(SWRT_GET, swrt_ldm_translate(c, ldm, i), (char *)mem, len, bsize, stride);
  count(c, SWRT_GET, len);
  swrt_reply_add(reply, rsize, 0);
  return 0;
}

/* ---- classic athread_get / athread_put ---------------------------------- */

static const char *mode_name(int mode) {
  switch (mode) {
  case 0: return "PE_MODE";
#ifdef O2ATH_EMU_SW26010
  case 1: return "BCAST_MODE";
  case 2: return "ROW_MODE";
  case 3: return "BROW_MODE";
  case 4: return "RANK_MODE";
#else
  case 2: return "COL_MODE";
#endif
  default: return "an unknown mode";
  }
}

/* athread_get(mode, src = main memory, dest = LDM, len, reply, mask, stride, bsize).
   The hardware increments a 32-bit reply word. */
int athread_get(dma_mode mode, void *src, void *dest, int len, void *reply, char mask, int stride,
                int bsize) {
  struct swrt_cpe *c = swrt_need_cpe("athread_get");
  (void)mask;
  if (mode == PE_MODE) return swrt_dma(SWRT_GET, dest, src, len, bsize, stride, reply, 4, "athread_get");
#ifdef O2ATH_EMU_SW26010
  if (mode == BCAST_MODE) {
    /* One CPE issues; the data lands at the same LDM address on every CPE
       of the rows selected by mask; only the issuer's reply counts. */
    check_args(c, "athread_get(BCAST_MODE)", dest, src, len, bsize, stride, reply, 4);
    for (int i = 0; i < SWRT_NCPE; i++)
      if ((c->team_mask >> i & 1) && ((unsigned char)mask >> (i / SWRT_NCOL) & 1))
        copy(SWRT_GET, swrt_ldm_translate(c, dest, i), src, len, bsize, stride);
    count(c, SWRT_GET, len);
    swrt_reply_add(reply, 4, 0);
    return 0;
  }
#endif
  (void)c;
  swrt_fatal("athread_get in %s is not emulated: its data layout is not publicly documented; use "
             "PE_MODE%s",
             mode_name(mode),
#ifdef O2ATH_EMU_SW26010
             " or BCAST_MODE"
#else
             " (or the CRTS_dma_*bcast* collectives)"
#endif
  );
}

int athread_put(dma_mode mode, void *src, void *dest, int len, void *reply, int stride, int bsize) {
  swrt_need_cpe("athread_put");
  if (mode == PE_MODE) return swrt_dma(SWRT_PUT, src, dest, len, bsize, stride, reply, 4, "athread_put");
  swrt_fatal("athread_put in %s: the hardware put supports no broadcast or row modes; only "
             "PE_MODE is emulated",
             mode_name(mode));
}

/* Physical-address variants: addresses are virtual in the emulation. */
int athread_get_p(dma_mode mode, void *src, void *dest, int len, void *reply, char mask, int stride,
                  int bsize) {
  return athread_get(mode, src, dest, len, reply, mask, stride, bsize);
}

int athread_put_p(dma_mode mode, void *src, void *dest, int len, void *reply, int stride, int bsize) {
  return athread_put(mode, src, dest, len, reply, stride, bsize);
}

/* Emulated transfers are complete when their call returns. */
void athread_dma_barrier(void) { swrt_need_cpe("athread_dma_barrier"); }
