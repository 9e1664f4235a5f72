/* Development stand-in for runtime-c's slave.h (see athread.h here). */
#ifndef SWK_SHIM_SLAVE_H
#define SWK_SHIM_SLAVE_H
#include <stddef.h>
#include <string.h>
extern __thread int _PEN;
#define CRTS_tid _PEN
#define __thread_local __thread
#define __ldm __thread
typedef volatile int crts_rply_t;
typedef volatile long athread_rply_t;
void *ldm_malloc(size_t n);
void ldm_free(void *p, size_t n);
void CRTS_ssync_array(void);
#define athread_ssync_array CRTS_ssync_array
void swk_shim_dma(void *dst, const void *src, size_t len, size_t bsize, size_t stride, int get);
#define athread_dma_iget(d, s, len, r) (swk_shim_dma((d), (s), (len), 0, 0, 1), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define athread_dma_iput(d, s, len, r) (swk_shim_dma((d), (s), (len), 0, 0, 0), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define athread_dma_iget_stride(d, s, len, b, st, r) (swk_shim_dma((d), (s), (len), (b), (st), 1), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define athread_dma_iput_stride(d, s, len, b, st, r) (swk_shim_dma((d), (s), (len), (b), (st), 0), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define athread_dma_get(d, s, len) swk_shim_dma((d), (s), (len), 0, 0, 1)
#define athread_dma_put(d, s, len) swk_shim_dma((d), (s), (len), 0, 0, 0)
extern __thread char _ROW, _COL;
void swk_shim_bcast(int col, void *ldm, const void *mem, size_t len, size_t bsize, size_t stride);
#define CRTS_dma_row_ibcast(d, s, len, r) (swk_shim_bcast(0, (d), (s), (len), 0, 0), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define CRTS_dma_col_ibcast(d, s, len, r) (swk_shim_bcast(1, (d), (s), (len), 0, 0), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define CRTS_dma_row_ibcast_stride(d, s, len, b, st, r) (swk_shim_bcast(0, (d), (s), (len), (b), (st)), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define CRTS_dma_col_ibcast_stride(d, s, len, b, st, r) (swk_shim_bcast(1, (d), (s), (len), (b), (st)), __atomic_add_fetch((r), 1, __ATOMIC_RELEASE))
#define athread_dma_wait_value(r, v) do { while (__atomic_load_n((r), __ATOMIC_ACQUIRE) < (v)) { } } while (0)
#endif
