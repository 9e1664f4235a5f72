/* CPE-side Athread API of the emulated CPE runtime: storage classes, identity, DMA, synchronisation,
   LDM heap and atomics with the names and signatures of the real slave.h (Pro by default, classic
   SW26010 when O2ATH_EMU_SW26010 is defined). */
#ifndef O2ATH_EMU_SLAVE_H
#define O2ATH_EMU_SLAVE_H

#include <stddef.h>
#include "o2ath_emu.h"
#include "simd.h"

#ifdef __cplusplus
extern "C" {
#define SWRT_TLS thread_local
#else
#define SWRT_TLS _Thread_local
#endif

/* ---- storage classes --------------------------------------------------
   LDM data is one copy per CPE: in emulation a thread-local variable of the
   CPE thread (it lives in that thread's emulated LDM, see README).  Shared
   LDM and the cache attributes have no meaning on x86 and vanish. */
#define __thread_local SWRT_TLS
#define __thread_local_fix SWRT_TLS
#define __ldm SWRT_TLS
#define __thread_mix
#define __thread_local_share
#define __uncached
#define __cross

/* ---- identity (logical id, row, column, physical PE, core group) ---- */
extern __thread char _CGN, _ROW, _COL, _PEN;
extern __thread int _MYID;

int athread_get_id(int core);
int athread_get_core(int id);
#ifndef O2ATH_EMU_SW26010
#define athread_tid _PEN
#define athread_rid _ROW
#define athread_cid _COL
#define athread_cgn _CGN
#define athread_get_tid() ((int)_PEN)
#endif

/* ---- synchronisation ---- */
#ifdef O2ATH_EMU_SW26010
typedef enum { ROW_SCOPE, COL_SCOPE, ARRAY_SCOPE } scope;
#else
typedef enum { ROW_SCOPE, COL_SCOPE, ARRAY_SCOPE, PP_SCOPE } scope;
#endif
int athread_syn(scope scp, int mask);
int athread_ssync_array(void);
int athread_ssync_row(void);
int athread_ssync_col(void);
#define athread_ssync(scp, mask) athread_syn((scp), (mask))

/* ---- classic DMA: athread_get(mode, src(mem), dest(ldm), ...) ---- */
#ifdef O2ATH_EMU_SW26010
typedef enum { PE_MODE, BCAST_MODE, ROW_MODE, BROW_MODE, RANK_MODE } dma_mode;
#else
typedef enum { PE_MODE, COL_MODE = 2 } dma_mode;
#endif
typedef enum { DMA_PUT, DMA_GET, DMA_PUT_P, DMA_GET_P, DMA_BARRIER = 5, ALL_BARRIER = 6 } DMA_OP;

int athread_get(dma_mode mode, void *src, void *dest, int len, void *reply, char mask, int stride,
                int bsize);
int athread_put(dma_mode mode, void *src, void *dest, int len, void *reply, int stride, int bsize);
int athread_get_p(dma_mode mode, void *src, void *dest, int len, void *reply, char mask, int stride,
                  int bsize);
int athread_put_p(dma_mode mode, void *src, void *dest, int len, void *reply, int stride, int bsize);
void athread_dma_barrier(void);

/* ---- Pro DMA aliases of the CRTS_dma_* macros (dest, src, ...) ---- */
#ifndef O2ATH_EMU_SW26010
typedef volatile long athread_rply_t;
#define athread_dma_get(d, s, n) CRTS_dma_get(d, s, n)
#define athread_dma_put(d, s, n) CRTS_dma_put(d, s, n)
#define athread_dma_iget(d, s, n, r) CRTS_dma_iget(d, s, n, r)
#define athread_dma_iput(d, s, n, r) CRTS_dma_iput(d, s, n, r)
#define athread_dma_get_stride(d, s, n, b, st) CRTS_dma_get_stride(d, s, n, b, st)
#define athread_dma_put_stride(d, s, n, b, st) CRTS_dma_put_stride(d, s, n, b, st)
#define athread_dma_iget_stride(d, s, n, b, st, r) CRTS_dma_iget_stride(d, s, n, b, st, r)
#define athread_dma_iput_stride(d, s, n, b, st, r) CRTS_dma_iput_stride(d, s, n, b, st, r)
#define athread_dma_wait_value(r, v) CRTS_dma_wait_value(r, v)
#define athread_dma_bcast_coll(d, s, n) CRTS_dma_bcast_coll(d, s, n)
#define athread_dma_bcast_stride_coll(d, s, n, b, st) CRTS_dma_bcast_stride_coll(d, s, n, b, st)
#define athread_dma_row_bcast_coll(d, s, n) CRTS_dma_row_bcast_coll(d, s, n)
#define athread_dma_col_bcast_coll(d, s, n) CRTS_dma_col_bcast_coll(d, s, n)
#define athread_dma_ibcast(d, s, n, r) CRTS_dma_ibcast(d, s, n, r)
#define athread_dma_row_ibcast(d, s, n, r) CRTS_dma_row_ibcast(d, s, n, r)
#define athread_dma_col_ibcast(d, s, n, r) CRTS_dma_col_ibcast(d, s, n, r)
#define athread_rma_iget(la, lr, n, t, ra, rr) CRTS_rma_iget(la, lr, n, t, ra, rr)
#define athread_rma_iput(la, lr, n, t, ra, rr) CRTS_rma_iput(la, lr, n, t, ra, rr)
#define athread_rma_get(la, n, t, ra, rr) CRTS_rma_get(la, n, t, ra, rr)
#define athread_rma_put(la, n, t, ra, rr) CRTS_rma_put(la, n, t, ra, rr)
#define athread_rma_wait_value(r, v) CRTS_rma_wait_value(r, v)
#define athread_rma_bcast(d, s, n, rr) CRTS_rma_bcast(d, s, n, rr)
#define athread_rma_ibcast(d, s, lr, n, rr) CRTS_rma_ibcast(d, s, lr, n, rr)
#define athread_rma_row_bcast(d, s, n, rr) CRTS_rma_row_bcast(d, s, n, rr)
#define athread_rma_row_ibcast(d, s, n, lr, rr) CRTS_rma_row_ibcast(d, s, n, lr, rr)
#define athread_rma_col_bcast(d, s, n, rr) CRTS_rma_col_bcast(d, s, n, rr)
#define athread_rma_col_ibcast(d, s, n, lr, rr) CRTS_rma_col_ibcast(d, s, n, lr, rr)
#define athread_redurt(s, d, u, t, o, b, n) CRTS_scoll_redurt(s, d, u, t, o, b, n)
#define athread_int CRTS_int
#define athread_uint CRTS_uint
#define athread_long CRTS_long
#define athread_ulong CRTS_ulong
#define athread_float CRTS_float
#define athread_double CRTS_double
#endif

/* ---- LDM heap: one arena per CPE with the real capacity ---- */
void *ldm_malloc(size_t size);
void ldm_free(void *addr, size_t size);
size_t get_allocatable_size(void);
void *ldm_malloc_max(size_t *size);
void ldm_free_all(void);

/* ---- main-memory cache (Pro LDCache): coherent on x86, kept as no-ops ---- */
void flush_slave_cache(void);
void evict_slave_cache_cont(void *start, void *end);
long get_slave_cache_size(void);
long get_slave_ldmshare_size(void);
void set_ptr_uncached(void **p);
void set_ptr_cached(void **p);

/* ---- locks and fetch-and-add on main memory ---- */
/* athread_lock spins until a fetch-and-increment of *lock returns 0;
   athread_unlock stores 0 (lock: a long in main memory). */
#define athread_lock(lockptr) swrt_lock_long((volatile long *)(lockptr))
#define athread_unlock(lockptr) swrt_unlock_long((volatile long *)(lockptr))
/* faaw / faal: fetch-and-increment of an int / long, returning the old value */
#define atomic_inc1_w(addr) swrt_faa_int((volatile int *)(addr), 1)
#define atomic_inc1_l(addr) swrt_faa_long((volatile long *)(addr), 1L)
#define updt_addw(v, addr) ((void)swrt_faa_int((volatile int *)(addr), (int)(v)))
#define updt_subw(v, addr) ((void)swrt_faa_int((volatile int *)(addr), -(int)(v)))

/* ---- cycle counter (rcsr 4 on the CPE) ---- */
#define RTC() swrt_cycles()
#define RPCC(x) ((x) = swrt_cycles())

#ifdef __cplusplus
}
#endif

#ifndef O2ATH_EMU_SW26010
#include "crts.h"
#endif
#endif
