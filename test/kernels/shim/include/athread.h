/* Development stand-in for runtime-c's athread.h, used only when runtime-c is not built yet
 * (O2ATH_KERNELS_RT=shim). It implements the small Pro API subset the kernel library uses. */
#ifndef SWK_SHIM_ATHREAD_H
#define SWK_SHIM_ATHREAD_H
#include "slave.h"
int athread_init(void);
int __real_athread_spawn(void *fn, void *arg, int flush);
int athread_join(void);
int athread_set_num_threads(int n);
int athread_get_num_threads(void);
#define athread_spawn(f, a) __real_athread_spawn((void *)slave_##f, (void *)(a), 1)
#define athread_halt() do { } while (0)
#endif
