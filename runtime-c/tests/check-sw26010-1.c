/* Checks specific to the classic SW26010 target: no spawn after athread_halt, the 64 KB LDM. */
//! targets: sw26010
//! run: halt => error: athread_spawn after athread_halt
//! run: ldm => stderr: the 64 KB LDM of this CPE
//! run: stack => error: stack overflow: the CPE stack grew past the 64 KB LDM nosan
#include "check.h"
#include <string.h>

#ifdef __sw_slave__
#include <slave.h>

__attribute__((noinline)) static long deep(volatile long *p) {
  volatile long big[10000]; /* 80 KB: more than the whole LDM */
  big[0] = *p;
  big[9999] = 1;
  return big[0] + big[9999];
}

void kern(long *mode) {
  if (*mode == 1 && _MYID == 0 && ldm_malloc(64 << 10) != 0) abort();
  if (*mode == 2 && _MYID == 9) mode[1] = deep(mode);
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(long *);

int main(int argc, char **argv) {
  static long mode[2];
  const char *s = argc > 1 ? argv[1] : "";
  mode[0] = !strcmp(s, "ldm") ? 1 : !strcmp(s, "stack") ? 2 : 0;
  athread_init();
  athread_spawn(kern, mode);
  athread_join();
  athread_halt();
  if (!strcmp(s, "halt")) athread_spawn(kern, mode);
  return 0;
}
#endif
