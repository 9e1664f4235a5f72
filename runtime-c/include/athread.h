/* MPE-side Athread API of the emulated CPE runtime: the names and signatures of the real athread.h
   (SW26010-Pro athread v2 by default, classic SW26010 when O2ATH_EMU_SW26010 is defined). */
#ifndef O2ATH_EMU_ATHREAD_H
#define O2ATH_EMU_ATHREAD_H

#include <stddef.h>
#include "o2ath_emu.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SLAVE_FUN(x) slave_##x

int athread_init(void);
int athread_join(void);
int athread_set_num_threads(int n);
int athread_get_num_threads(void);
int athread_get_max_threads(void);
unsigned long athread_idle(void);
int __real_athread_create(int id, void *fpc, void *arg);
int athread_wait(int id);
int athread_end(int id);
void *malloc_cross(size_t size);
void *cross_malloc(size_t size);
void cross_free(void *p);

#ifdef O2ATH_EMU_SW26010
/* ---- classic SW26010: two-argument spawn, athread_halt shuts the cluster down ---- */
int __real_athread_spawn(void *fpc, void *arg);
int athread_halt(void);
#define athread_spawn(y, z) __real_athread_spawn((void *)slave_##y, (void *)(z))
#define athread_spawn_noflush(y, z) __real_athread_spawn((void *)slave_##y, (void *)(z))
#else
/* ---- SW26010-Pro: the third argument asks for a CPE cache flush at the end ---- */
int __real_athread_spawn(void *fpc, void *arg, int flush_slave_dcache);
int CRTS_init(void);
int athread_halt(void); /* the real Pro header makes this a no-op macro; so is ours */
#define athread_halt() ((void)0)
#ifdef __cplusplus
/* The Pro C++ macros do not paste the slave_ prefix: C++ code names slave_f itself. */
#define athread_spawn(y, z) __real_athread_spawn((void *)(y), (void *)(z), 1)
#define athread_spawn_noflush(y, z) __real_athread_spawn((void *)(y), (void *)(z), 0)
#else
#define athread_spawn(y, z) __real_athread_spawn((void *)slave_##y, (void *)(z), 1)
#define athread_spawn_noflush(y, z) __real_athread_spawn((void *)slave_##y, (void *)(z), 0)
#endif
#endif

#define athread_create(x, y, z) __real_athread_create(x, (void *)slave_##y, (void *)(z))

#ifdef __cplusplus
}
#endif
#endif
