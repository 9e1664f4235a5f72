/* CPE collectives: CRTS_scoll_redurt (all-reduce) and CRTS_scoll_alltoall over the spawned CPEs. */
#include "internal.h"

#include <string.h>

#include "../include/slave.h"
#include "../include/crts.h"

/* Each member publishes its source pointer; after a barrier every member
   folds all sources in CPE order 0, 1, 2, ... (so every CPE computes the
   same, reproducible result); a second barrier keeps the sources alive
   until everybody has read them. */
static const void *published[SWRT_NCPE];

static size_t type_size(int dtype, int *lanes, int *kind) {
  /* kind: 0 int, 1 unsigned, 2 long, 3 unsigned long, 4 float, 5 double */
  static const struct { int size, lanes, kind; } t[] = {
      [CRTS_int] = {4, 1, 0},      [CRTS_uint] = {4, 1, 1},     [CRTS_long] = {8, 1, 2},
      [CRTS_ulong] = {8, 1, 3},    [CRTS_float] = {4, 1, 4},    [CRTS_double] = {8, 1, 5},
      [CRTS_intv8] = {32, 8, 0},   [CRTS_uintv8] = {32, 8, 1},  [CRTS_int256] = {32, 4, 2},
      [CRTS_uint256] = {32, 4, 3}, [CRTS_floatv4] = {16, 4, 4}, [CRTS_doublev4] = {32, 4, 5},
      [CRTS_intv16] = {64, 16, 0}, [CRTS_uintv16] = {64, 16, 1}, [CRTS_int512] = {64, 8, 2},
      [CRTS_uint512] = {64, 8, 3}, [CRTS_floatv8] = {32, 8, 4}, [CRTS_doublev8] = {64, 8, 5},
  };
  if (dtype < 0 || dtype > CRTS_doublev8) return 0;
  *lanes = t[dtype].lanes;
  *kind = t[dtype].kind;
  return (size_t)t[dtype].size;
}

#define FOLD(T)                                                                   \
  do {                                                                            \
    T *d = (T *)dst;                                                              \
    const T *s = (const T *)src;                                                  \
    for (size_t i = 0; i < n; i++) switch (op) {                                  \
      case OP_add: d[i] += s[i]; break;                                           \
      case OP_min: d[i] = s[i] < d[i] ? s[i] : d[i]; break;                       \
      case OP_max: d[i] = s[i] > d[i] ? s[i] : d[i]; break;                       \
      default: break;                                                             \
      }                                                                           \
  } while (0)
#define FOLD_BITS(T)                                               \
  do {                                                             \
    T *d = (T *)dst;                                               \
    const T *s = (const T *)src;                                   \
    for (size_t i = 0; i < n; i++) switch (op) {                   \
      case OP_and: d[i] &= s[i]; break;                            \
      case OP_or: d[i] |= s[i]; break;                             \
      case OP_xor: d[i] ^= s[i]; break;                            \
      case OP_eqv: d[i] = ~(d[i] ^ s[i]); break;                   \
      default: break;                                              \
      }                                                            \
  } while (0)

static void fold(void *dst, const void *src, size_t n, int kind, int op) {
  int bits = op == OP_and || op == OP_or || op == OP_xor || op == OP_eqv;
  switch (kind) {
  case 0: if (bits) FOLD_BITS(int); else FOLD(int); break;
  case 1: if (bits) FOLD_BITS(unsigned); else FOLD(unsigned); break;
  case 2: if (bits) FOLD_BITS(long); else FOLD(long); break;
  case 3: if (bits) FOLD_BITS(unsigned long); else FOLD(unsigned long); break;
  case 4: FOLD(float); break;
  case 5: FOLD(double); break;
  }
}

int CRTS_scoll_redurt(void *src_addr, void *dest_addr, int units, int dtype, int optype,
                      void *redu_buf, int buf_item) {
  struct swrt_cpe *c = swrt_need_cpe("CRTS_scoll_redurt");
  int lanes, kind;
  size_t esize = type_size(dtype, &lanes, &kind);
  if (!esize) swrt_fatal("CRTS_scoll_redurt: unknown data type code %d", dtype);
  if (optype < OP_add || optype > OP_max)
    swrt_fatal("CRTS_scoll_redurt: unknown operation code %d", optype);
  if ((kind == 4 || kind == 5) && optype != OP_add && optype != OP_min && optype != OP_max)
    swrt_fatal("CRTS_scoll_redurt: bitwise operation %d on a floating-point type", optype);
  if (units <= 0) swrt_fatal("CRTS_scoll_redurt: %d units; at least one is needed", units);
  size_t bytes = esize * (size_t)units;
  if (!swrt_is_ldm(c, src_addr, bytes) || !swrt_is_ldm(c, dest_addr, bytes))
    swrt_fatal("CRTS_scoll_redurt: source and destination must be in this CPE's LDM");
  (void)redu_buf; /* the real routine stages through it; the emulation does not need it */
  (void)buf_item;
  uint64_t members = c->team_mask;
  published[c->id] = src_addr;
  swrt_barrier_mask(members, "CRTS_scoll_redurt");
  char tmp[4096];
  size_t n = (size_t)units * (size_t)lanes;
  for (size_t off = 0; off < bytes; off += sizeof tmp) {
    size_t chunk = bytes - off < sizeof tmp ? bytes - off : sizeof tmp;
    size_t elem = esize / (size_t)lanes;
    int first = 1;
    for (int i = 0; i < SWRT_NCPE; i++) {
      if (!(members >> i & 1)) continue;
      const char *s = (const char *)published[i] + off;
      if (first)
        memcpy(tmp, s, chunk);
      else
        fold(tmp, s, chunk / elem, kind, optype);
      first = 0;
    }
    (void)n;
    /* dest may alias src: write only after everybody has read (below). */
    swrt_barrier_mask(members, "CRTS_scoll_redurt");
    memcpy((char *)dest_addr + off, tmp, chunk);
    swrt_barrier_mask(members, "CRTS_scoll_redurt");
  }
  c->st.rma_bytes += bytes;
  return 0;
}

/* All-to-all: block j of my source goes to CPE j, landing as block `me`. */
int CRTS_scoll_alltoall(void *src_addr, void *dest_addr, int units_size) {
  struct swrt_cpe *c = swrt_need_cpe("CRTS_scoll_alltoall");
  uint64_t members = c->team_mask;
  int n = __builtin_popcountll(members);
  if (units_size <= 0) swrt_fatal("CRTS_scoll_alltoall: unit size %d", units_size);
  size_t bytes = (size_t)units_size * (size_t)n;
  if (!swrt_is_ldm(c, src_addr, bytes) || !swrt_is_ldm(c, dest_addr, bytes))
    swrt_fatal("CRTS_scoll_alltoall: source and destination must be in this CPE's LDM");
  published[c->id] = src_addr;
  swrt_barrier_mask(members, "CRTS_scoll_alltoall");
  for (int j = 0; j < n; j++)
    memcpy((char *)dest_addr + (size_t)j * (size_t)units_size,
           (const char *)published[j] + (size_t)c->id * (size_t)units_size, (size_t)units_size);
  swrt_barrier_mask(members, "CRTS_scoll_alltoall");
  c->st.rma_bytes += bytes;
  return 0;
}
