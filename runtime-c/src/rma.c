/* RMA between the LDMs of the CPEs of the array: get/put with local and remote replies, and the
   row/column/array broadcasts and multicasts. */
#include "internal.h"

#include <string.h>

#include "../include/o2ath_emu.h"

static void check_local(struct swrt_cpe *c, const char *api, const char *what, const void *p,
                        long len) {
  if (!swrt_is_ldm(c, p, (size_t)len))
    swrt_fatal("%s: %s %p..+%ld is not in this CPE's LDM (ldm_malloc arena, __thread_local data or "
               "stack); the hardware would use its low 18 bits as an LDM address",
               api, what, p, len);
}

static void check_target(struct swrt_cpe *c, const char *api, int tid) {
  if (tid < 0 || tid >= SWRT_NCPE)
    swrt_fatal("%s: target CPE %d does not exist (0..63)", api, tid);
  if (!(c->team_mask >> tid & 1))
    swrt_fatal("%s: target CPE %d is not running in the current spawn; on the hardware the "
               "transfer would touch an idle CPE's LDM and its replies would never come back",
               api, tid);
}

static void check_len(const char *api, long len) {
  if (len <= 0)
    swrt_fatal("%s: length %ld; an RMA must move at least one byte (a zero-length descriptor is "
               "undefined on the hardware)",
               api, len);
}

int swrt_rma(int op, void *laddr, void *lrply, int lrsize, long len, int rtid, void *raddr,
             void *rrply, int rrsize, int blocking, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  (void)blocking; /* emulated RMA completes inside the call */
  check_len(api, len);
  check_target(c, api, rtid);
  check_local(c, api, "the local buffer", laddr, len);
  check_local(c, api, "the remote buffer (an LDM address, the same on every CPE)", raddr, len);
  if (lrply) check_local(c, api, "the local reply", lrply, lrsize);
  if (rrply) check_local(c, api, "the remote reply", rrply, rrsize);
  char *r = swrt_ldm_translate(c, raddr, rtid);
  if (op == SWRT_PUT)
    memmove(r, laddr, (size_t)len);
  else
    memmove(laddr, r, (size_t)len);
  c->st.rma_bytes += (uint64_t)len;
  c->st.rma_calls++;
  /* Remote reply: on the target when the data has arrived (put) or has
     been read (get); local reply: on the initiator when it is done. */
  if (rrply) swrt_reply_add(swrt_ldm_translate(c, rrply, rtid), rrsize, 1);
  swrt_reply_add(lrply, lrsize, 1);
  return 0;
}

/* Receivers of a cast: scope ALL = every CPE of the spawn; ROW = the CPEs of
   the rows in mask; COL = the CPEs of the columns in mask. */
static uint64_t cast_members(struct swrt_cpe *c, int scope, unsigned mask) {
  uint64_t m = 0;
  for (int i = 0; i < SWRT_NCPE; i++)
    if (scope == SWRT_BC_ALL || (scope == SWRT_BC_ROW && (mask >> (i / SWRT_NCOL) & 1)) ||
        (scope == SWRT_BC_COL && (mask >> (i % SWRT_NCOL) & 1)))
      m |= 1ull << i;
  return m & c->team_mask;
}

int swrt_rma_cast(int scope, unsigned mask, int self_receives, void *dst, const void *src, long len,
                  void *lrply, int lrsize, void *rrply, int rrsize, int blocking, const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  (void)blocking;
  check_len(api, len);
  check_local(c, api, "the source", src, len);
  check_local(c, api, "the destination (an LDM address, the same on every CPE)", dst, len);
  if (lrply) check_local(c, api, "the local reply", lrply, lrsize);
  if (rrply) check_local(c, api, "the remote reply", rrply, rrsize);
  uint64_t to = cast_members(c, scope, mask);
  if (!self_receives) to &= ~(1ull << c->id);
  for (int i = 0; i < SWRT_NCPE; i++) {
    if (!(to >> i & 1)) continue;
    memmove(swrt_ldm_translate(c, dst, i), src, (size_t)len);
    if (rrply) swrt_reply_add(swrt_ldm_translate(c, rrply, i), rrsize, 1);
  }
  c->st.rma_bytes += (uint64_t)len;
  c->st.rma_calls++;
  swrt_reply_add(lrply, lrsize, 1);
  return 0;
}

/* Collective broadcast: every member calls it; root's src reaches every
   member's dst; the members synchronise before and after, as the real
   macros do (ssync, put from the root, wait, ssync). */
int swrt_rma_bcast_coll(int scope, int root, int self_receives, void *dst, const void *src, long len,
                        const char *api) {
  struct swrt_cpe *c = swrt_need_cpe(api);
  check_len(api, len);
  int row = c->id / SWRT_NCOL, col = c->id % SWRT_NCOL;
  uint64_t members = scope == SWRT_BC_ALL   ? cast_members(c, SWRT_BC_ALL, 0)
                     : scope == SWRT_BC_ROW ? cast_members(c, SWRT_BC_ROW, 1u << row)
                                            : cast_members(c, SWRT_BC_COL, 1u << col);
  int root_id = scope == SWRT_BC_ALL ? root : scope == SWRT_BC_ROW ? row * SWRT_NCOL + root
                                                                   : root * SWRT_NCOL + col;
  if (root < 0 || root_id < 0 || root_id >= SWRT_NCPE || !(members >> root_id & 1))
    swrt_fatal("%s: root %d is not a CPE of this broadcast's set in the current spawn", api, root);
  check_local(c, api, "the destination", dst, len);
  swrt_barrier_mask(members, api);
  if (c->id == root_id) {
    check_local(c, api, "the source", src, len);
    for (int i = 0; i < SWRT_NCPE; i++)
      if ((members >> i & 1) && (self_receives || i != c->id))
        memmove(swrt_ldm_translate(c, dst, i), src, (size_t)len);
    c->st.rma_bytes += (uint64_t)len;
    c->st.rma_calls++;
  }
  swrt_barrier_mask(members, api);
  return 0;
}
