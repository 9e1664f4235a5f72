/* SW26010: plain __thread data is main-memory private, so a program may hold more of it than the
   64 KB LDM; the emulator says it stops counting thread-local data and runs the program. */
//! targets: sw26010
//! run: => stderr: stops counting thread-local data against the LDM
#include "check.h"

#ifdef __sw_slave__
#include <slave.h>
__thread double big[40000]; /* 320 KB, one copy per CPE in main memory */
void kern(double *out) {
  big[39999] = _MYID;
  out[_MYID] = big[39999];
}
#endif

#ifdef __sw_host__
#include <athread.h>
extern void slave_kern(double *);
int main(void) {
  static double out[64];
  athread_init();
  athread_spawn(kern, out);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(out[i] == i);
  athread_halt();
  return 0;
}
#endif
