/* CRTS (SW26010-Pro compute runtime) names of the emulated CPE runtime, host part under __sw_host__
   and CPE part under __sw_slave__, as in the real crts.h. */
#ifndef O2ATH_EMU_CRTS_H
#define O2ATH_EMU_CRTS_H

#include <stdint.h>
#include "o2ath_emu.h"

#define CRTS_MAX_MPE_NUM 6
#define CRTS_MAX_SPE_NUM 64
#define CRTS_MAX_LDM_SIZE O2ATH_EMU_LDM_SIZE

/* reduction data types and operations of CRTS_scoll_redurt */
#define CRTS_int 0x0
#define CRTS_uint 0x1
#define CRTS_long 0x2
#define CRTS_ulong 0x3
#define CRTS_float 0x4
#define CRTS_double 0x5
#define CRTS_intv8 0x6
#define CRTS_uintv8 0x7
#define CRTS_int256 0x8
#define CRTS_uint256 0x9
#define CRTS_floatv4 0xa
#define CRTS_doublev4 0xb
#define CRTS_intv16 0xc
#define CRTS_uintv16 0xd
#define CRTS_int512 0xe
#define CRTS_uint512 0xf
#define CRTS_floatv8 0x10
#define CRTS_doublev8 0x11
#define OP_add 0x1
#define OP_and 0x2
#define OP_or 0x3
#define OP_xor 0x4
#define OP_eqv 0x5
#define OP_min 0x6
#define OP_max 0x7

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__sw_host__)
/* ======================================================================= MPE */
#include "athread.h"

int CRTS_init(void);
int CRTS_init_all(void);
unsigned long CRTS_time_cycle(void);
#define CRTS_athread_init() athread_init()
#define CRTS_athread_spawn(y, z) athread_spawn(y, z)
#define CRTS_athread_spawn_noflush(y, z) athread_spawn_noflush(y, z)
#define CRTS_athread_join() athread_join()
#define CRTS_athread_halt() athread_halt()
#define CRTS_athread_create(x, y, z) athread_create(x, y, z)
#define CRTS_athread_wait(x) athread_wait(x)
#define CRTS_athread_end(x) athread_end(x)
#define CRTS_athread_get_max_threads() athread_get_max_threads()
#define CRTS_athread_set_num_threads(n) athread_set_num_threads(n)
#define CRTS_athread_get_num_threads() athread_get_num_threads()
/* rendezvous with CRTS_ssync_master_array / CRTS_ssync_master_spe on the CPEs */
int CRTS_sync_master_array(void);
int CRTS_sync_master_spe(int tid);
#define athread_sync_master_array() CRTS_sync_master_array()
#define athread_sync_master_spe(t) CRTS_sync_master_spe(t)

#elif defined(__sw_slave__)
/* ======================================================================= CPE */
#include "slave.h"

typedef volatile int crts_rply_t;

#define CRTS_tid _PEN
#define CRTS_rid _ROW
#define CRTS_cid _COL
#define CRTS_cgn _CGN
#define CRTS_athread_get_id(i) athread_get_id(i)

#define CRTS_pldm_malloc ldm_malloc
#define CRTS_pldm_free ldm_free
#define CRTS_pldm_get_free_size get_allocatable_size

unsigned long CRTS_stime_cycle(void);

/* ---- DMA: (dest, src, ...) argument order; reply += 1 on completion ---- */
#define CRTS_dma_get(dest, src, len) \
  swrt_dma(SWRT_GET, (void *)(dest), (const void *)(src), (len), 0, 0, (void *)0, 0, "CRTS_dma_get")
#define CRTS_dma_put(dest, src, len) \
  swrt_dma(SWRT_PUT, (void *)(src), (const void *)(dest), (len), 0, 0, (void *)0, 0, "CRTS_dma_put")
#define CRTS_dma_iget(dest, src, len, reply)                                                   \
  swrt_dma(SWRT_GET, (void *)(dest), (const void *)(src), (len), 0, 0, (void *)(reply), \
           swrt_rsize(reply), "CRTS_dma_iget")
#define CRTS_dma_iput(dest, src, len, reply)                                                   \
  swrt_dma(SWRT_PUT, (void *)(src), (const void *)(dest), (len), 0, 0, (void *)(reply), \
           swrt_rsize(reply), "CRTS_dma_iput")
#define CRTS_dma_get_stride(dest, src, len, bsize, stride)                                 \
  swrt_dma(SWRT_GET, (void *)(dest), (const void *)(src), (len), (bsize), (stride), (void *)0, 0, \
           "CRTS_dma_get_stride")
#define CRTS_dma_put_stride(dest, src, len, bsize, stride)                                 \
  swrt_dma(SWRT_PUT, (void *)(src), (const void *)(dest), (len), (bsize), (stride), (void *)0, 0, \
           "CRTS_dma_put_stride")
#define CRTS_dma_iget_stride(dest, src, len, bsize, stride, reply)                          \
  swrt_dma(SWRT_GET, (void *)(dest), (const void *)(src), (len), (bsize), (stride),        \
           (void *)(reply), swrt_rsize(reply), "CRTS_dma_iget_stride")
#define CRTS_dma_iput_stride(dest, src, len, bsize, stride, reply)                          \
  swrt_dma(SWRT_PUT, (void *)(src), (const void *)(dest), (len), (bsize), (stride),        \
           (void *)(reply), swrt_rsize(reply), "CRTS_dma_iput_stride")
#define CRTS_dma_wait_value(reply, value) \
  swrt_wait_value((const volatile void *)(reply), swrt_rsize(reply), (long)(value), "CRTS_dma_wait_value")
/* Every emulated transfer has completed when its call returns. */
#define CRTS_dma_barrier() ((void)0)
#define CRTS_dma_all_barrier() ((void)0)

/* ---- DMA broadcasts: the data lands at the same LDM address on every receiver ---- */
#define CRTS_dma_bcast_coll(dest, src, len)                                                   \
  swrt_dma_bcast(SWRT_BC_ALL, 1, (void *)(dest), (const void *)(src), (len), 0, 0, (void *)0, 0, \
                 "CRTS_dma_bcast_coll")
#define CRTS_dma_bcast_stride_coll(dest, src, len, bsize, stride)                         \
  swrt_dma_bcast(SWRT_BC_ALL, 1, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)0, 0, "CRTS_dma_bcast_stride_coll")
#define CRTS_dma_row_bcast_coll(dest, src, len)                                               \
  swrt_dma_bcast(SWRT_BC_ROW, 1, (void *)(dest), (const void *)(src), (len), 0, 0, (void *)0, 0, \
                 "CRTS_dma_row_bcast_coll")
#define CRTS_dma_row_bcast_stride_coll(dest, src, len, bsize, stride)                     \
  swrt_dma_bcast(SWRT_BC_ROW, 1, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)0, 0, "CRTS_dma_row_bcast_stride_coll")
#define CRTS_dma_col_bcast_coll(dest, src, len)                                               \
  swrt_dma_bcast(SWRT_BC_COL, 1, (void *)(dest), (const void *)(src), (len), 0, 0, (void *)0, 0, \
                 "CRTS_dma_col_bcast_coll")
#define CRTS_dma_col_bcast_stride_coll(dest, src, len, bsize, stride)                     \
  swrt_dma_bcast(SWRT_BC_COL, 1, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)0, 0, "CRTS_dma_col_bcast_stride_coll")
#define CRTS_dma_ibcast(dest, src, len, reply)                                          \
  swrt_dma_bcast(SWRT_BC_ALL, 0, (void *)(dest), (const void *)(src), (len), 0, 0,     \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_ibcast")
#define CRTS_dma_ibcast_stride(dest, src, len, bsize, stride, reply)                      \
  swrt_dma_bcast(SWRT_BC_ALL, 0, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_ibcast_stride")
#define CRTS_dma_row_ibcast(dest, src, len, reply)                                      \
  swrt_dma_bcast(SWRT_BC_ROW, 0, (void *)(dest), (const void *)(src), (len), 0, 0,     \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_row_ibcast")
#define CRTS_dma_row_ibcast_stride(dest, src, len, bsize, stride, reply)                  \
  swrt_dma_bcast(SWRT_BC_ROW, 0, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_row_ibcast_stride")
#define CRTS_dma_col_ibcast(dest, src, len, reply)                                      \
  swrt_dma_bcast(SWRT_BC_COL, 0, (void *)(dest), (const void *)(src), (len), 0, 0,     \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_col_ibcast")
#define CRTS_dma_col_ibcast_stride(dest, src, len, bsize, stride, reply)                  \
  swrt_dma_bcast(SWRT_BC_COL, 0, (void *)(dest), (const void *)(src), (len), (bsize), (stride), \
                 (void *)(reply), swrt_rsize(reply), "CRTS_dma_col_ibcast_stride")

/* ---- RMA: LDM to LDM between the CPEs of the array ---- */
#define CRTS_rma_iget(l_addr, l_rply, len, r_tid, r_addr, r_rply)                           \
  swrt_rma(SWRT_GET, (void *)(l_addr), (void *)(l_rply), swrt_rsize(l_rply), (len), (r_tid), \
           (void *)(r_addr), (void *)(r_rply), swrt_rsize(r_rply), 0, "CRTS_rma_iget")
#define CRTS_rma_iput(l_addr, l_rply, len, r_tid, r_addr, r_rply)                           \
  swrt_rma(SWRT_PUT, (void *)(l_addr), (void *)(l_rply), swrt_rsize(l_rply), (len), (r_tid), \
           (void *)(r_addr), (void *)(r_rply), swrt_rsize(r_rply), 0, "CRTS_rma_iput")
#define CRTS_rma_get(l_addr, len, r_tid, r_addr, r_rply)                                \
  swrt_rma(SWRT_GET, (void *)(l_addr), (void *)0, 0, (len), (r_tid), (void *)(r_addr), \
           (void *)(r_rply), swrt_rsize(r_rply), 1, "CRTS_rma_get")
#define CRTS_rma_put(l_addr, len, r_tid, r_addr, r_rply)                                \
  swrt_rma(SWRT_PUT, (void *)(l_addr), (void *)0, 0, (len), (r_tid), (void *)(r_addr), \
           (void *)(r_rply), swrt_rsize(r_rply), 1, "CRTS_rma_put")
#define CRTS_rma_wait_value(rply, value) \
  swrt_wait_value((const volatile void *)(rply), swrt_rsize(rply), (long)(value), "CRTS_rma_wait_value")
#define CRTS_rma_barrier() ((void)0)
#define CRTS_rma_all_barrier() ((void)0)

/* bcast: every CPE of the set receives, the sender included; mcast: the
   CPEs of the rows/columns in the mask; *_other: the sender does not receive. */
#define swrt_rma_cast_(sc, mask, self, dst, src, len, lr, lrs, rr, blk, api)                    \
  swrt_rma_cast((sc), (unsigned)(mask), (self), (void *)(dst), (const void *)(src), (len),      \
                (void *)(lr), (lrs), (void *)(rr), swrt_rsize(rr), (blk), api)
#define CRTS_rma_bcast(dst, src, len, r_rply) \
  swrt_rma_cast_(SWRT_BC_ALL, 0xff, 1, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_bcast")
#define CRTS_rma_ibcast(dst, src, l_rply, len, r_rply)                                       \
  swrt_rma_cast_(SWRT_BC_ALL, 0xff, 1, dst, src, len, l_rply, swrt_rsize(l_rply), r_rply, 0, \
                 "CRTS_rma_ibcast")
#define CRTS_rma_bcast_other(dst, src, len, r_rply) \
  swrt_rma_cast_(SWRT_BC_ALL, 0xff, 0, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_bcast_other")
#define CRTS_rma_row_bcast(dst, src, len, r_rply) \
  swrt_rma_cast_(SWRT_BC_ROW, 1u << _ROW, 1, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_row_bcast")
#define CRTS_rma_row_ibcast(dst, src, len, l_rply, r_rply)                                       \
  swrt_rma_cast_(SWRT_BC_ROW, 1u << _ROW, 1, dst, src, len, l_rply, swrt_rsize(l_rply), r_rply, \
                 0, "CRTS_rma_row_ibcast")
#define CRTS_rma_row_bcast_other(dst, src, len, r_rply)                                       \
  swrt_rma_cast_(SWRT_BC_ROW, 1u << _ROW, 0, dst, src, len, 0, 0, r_rply, 1, \
                 "CRTS_rma_row_bcast_other")
#define CRTS_rma_row_mcast(dst, src, len, rows_mask, r_rply) \
  swrt_rma_cast_(SWRT_BC_ROW, rows_mask, 1, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_row_mcast")
#define CRTS_rma_row_imcast(dst, src, len, l_rply, rows_mask, r_rply)                             \
  swrt_rma_cast_(SWRT_BC_ROW, rows_mask, 1, dst, src, len, l_rply, swrt_rsize(l_rply), r_rply, 0, \
                 "CRTS_rma_row_imcast")
#define CRTS_rma_col_bcast(dst, src, len, r_rply) \
  swrt_rma_cast_(SWRT_BC_COL, 1u << _COL, 1, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_col_bcast")
#define CRTS_rma_col_ibcast(dst, src, len, l_rply, r_rply)                                       \
  swrt_rma_cast_(SWRT_BC_COL, 1u << _COL, 1, dst, src, len, l_rply, swrt_rsize(l_rply), r_rply, \
                 0, "CRTS_rma_col_ibcast")
#define CRTS_rma_col_bcast_other(dst, src, len, r_rply)                                       \
  swrt_rma_cast_(SWRT_BC_COL, 1u << _COL, 0, dst, src, len, 0, 0, r_rply, 1, \
                 "CRTS_rma_col_bcast_other")
#define CRTS_rma_col_mcast(dst, src, len, cols_mask, r_rply) \
  swrt_rma_cast_(SWRT_BC_COL, cols_mask, 1, dst, src, len, 0, 0, r_rply, 1, "CRTS_rma_col_mcast")
#define CRTS_rma_col_imcast(dst, src, len, l_rply, cols_mask, r_rply)                             \
  swrt_rma_cast_(SWRT_BC_COL, cols_mask, 1, dst, src, len, l_rply, swrt_rsize(l_rply), r_rply, 0, \
                 "CRTS_rma_col_imcast")
#define CRTS_rma_bcast_coll(dst, src, len, root)                                          \
  swrt_rma_bcast_coll(SWRT_BC_ALL, (root), 1, (void *)(dst), (const void *)(src), (len), \
                      "CRTS_rma_bcast_coll")
#define CRTS_rma_row_bcast_coll(dst, src, len, root_col)                                      \
  swrt_rma_bcast_coll(SWRT_BC_ROW, (root_col), 1, (void *)(dst), (const void *)(src), (len), \
                      "CRTS_rma_row_bcast_coll")
#define CRTS_rma_col_bcast_coll(dst, src, len, root_row)                                      \
  swrt_rma_bcast_coll(SWRT_BC_COL, (root_row), 1, (void *)(dst), (const void *)(src), (len), \
                      "CRTS_rma_col_bcast_coll")

/* ---- synchronisation ---- */
int CRTS_ssync_array(void);
int CRTS_ssync_row(void);
int CRTS_ssync_col(void);
int CRTS_ssync_col_left(void);
int CRTS_ssync_col_right(void);
int CRTS_ssync_peer(int tid);
int CRTS_ssync_sldm(void);
#define CRTS_ssync_8spe() CRTS_ssync_row()
#define CRTS_ssync_32spe() CRTS_ssync_8spc()
int CRTS_ssync_8spc(void);

/* rendezvous with the MPE's CRTS_sync_master_array / CRTS_sync_master_spe(tid) */
#define CRTS_ssync_master_array() swrt_ssync_master_array()
#define CRTS_ssync_master_spe() swrt_ssync_master_spe()
#define athread_ssync_master_array() swrt_ssync_master_array()
#define athread_ssync_master_spe() swrt_ssync_master_spe()

/* ---- collectives ---- */
int CRTS_scoll_redurt(void *src_addr, void *dest_addr, int units, int dtype, int optype,
                      void *redu_buf, int buf_item);
int CRTS_scoll_alltoall(void *src_addr, void *dest_addr, int units_size);

/* fetch-and-increment on main memory; returns the old value (faal) */
#define _crts_faa_long(addr) swrt_faa_long((volatile long *)(addr), 1L)

#endif /* __sw_slave__ */

#ifdef __cplusplus
}
#endif
#endif
