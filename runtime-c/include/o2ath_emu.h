/* Entry points of the emulated CPE runtime that the Athread/CRTS macros expand to; not an API of its own. */
#ifndef O2ATH_EMU_H
#define O2ATH_EMU_H

#include <stddef.h>

/* Present in every emulation header so that portable code (o2ath_rt.h) can
   tell the emulator from the real Sunway toolchain. */
#define O2ATH_EMU 1
#ifdef O2ATH_EMU_SW26010
#define O2ATH_EMU_TARGET_SW26010 1
#define O2ATH_EMU_LDM_SIZE (64 << 10)
#else
#define O2ATH_EMU_TARGET_SW26010PRO 1
#define O2ATH_EMU_LDM_SIZE (256 << 10)
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Size in bytes of the caller's reply counter: the hardware increments a
   32-bit word, real code declares `int` (crts_rply_t) or `long`
   (athread_rply_t) counters, so the macros pass the size along. */
#ifdef __cplusplus
#define swrt_rsize(r) ((int)(sizeof(*(r)) == 8 ? 8 : 4))
#else
/* _Generic on the pointer type, not sizeof(*r): that would make GCC warn
   about type punning when the caller casts the counter's address. */
#define swrt_rsize(r)                                                                    \
  _Generic((r), long *: 8, volatile long *: 8, const volatile long *: 8,                 \
           unsigned long *: 8, volatile unsigned long *: 8, long long *: 8,              \
           volatile long long *: 8, unsigned long long *: 8,                             \
           volatile unsigned long long *: 8, default: 4)
#endif

enum { SWRT_GET = 0, SWRT_PUT = 1 };
enum {
  SWRT_BC_ALL = 0, /* every CPE of the array */
  SWRT_BC_ROW = 1, /* the CPEs of my row */
  SWRT_BC_COL = 2  /* the CPEs of my column */
};

int swrt_dma(int op, void *ldm, const void *mem, long len, long bsize, long stride,
             void *reply, int rsize, const char *api);
int swrt_dma_bcast(int scope, int coll, void *ldm, const void *mem, long len, long bsize,
                   long stride, void *reply, int rsize, const char *api);
int swrt_wait_value(const volatile void *reply, int rsize, long value, const char *api);

int swrt_rma(int op, void *laddr, void *lrply, int lrsize, long len, int rtid, void *raddr,
             void *rrply, int rrsize, int blocking, const char *api);
int swrt_rma_cast(int scope, unsigned mask, int self_receives, void *dst, const void *src,
                  long len, void *lrply, int lrsize, void *rrply, int rrsize, int blocking,
                  const char *api);
int swrt_rma_bcast_coll(int scope, int root, int self_receives, void *dst, const void *src,
                        long len, const char *api);

int swrt_sync(int scope, unsigned mask, const char *api);
int swrt_ssync_master_array(void);
int swrt_ssync_master_spe(void);
int swrt_faa_int(volatile int *p, int v);
long swrt_faa_long(volatile long *p, long v);
int swrt_lock_long(volatile long *p);
int swrt_unlock_long(volatile long *p);
unsigned long swrt_cycles(void);
void swrt_reg_put(int net, const void *v, size_t n, int dst);
void swrt_reg_get(int net, void *v, size_t n);

#ifdef __cplusplus
}
#endif
#endif
