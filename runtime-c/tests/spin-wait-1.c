/* A kernel that busy-waits on a main-memory flag another CPE sets: fine with one thread per CPE;
   the fiber backend cannot preempt the spinning CPE, and must at least say so. */
//! env: O2ATH_EMU_WATCHDOG_SECONDS=2
//! run: threads
//! run: fibers => error: O2ATH_EMU_BACKEND=threads nosan
#include "check.h"

#ifdef __sw_slave__
#include <slave.h>

void kern(volatile int *flags) {
  /* a chain: CPE i waits for CPE i+1, the last one starts it */
  if (_MYID < 63)
    while (!__atomic_load_n(&flags[_MYID + 1], __ATOMIC_ACQUIRE)) {
    }
  __atomic_store_n(&flags[_MYID], 1, __ATOMIC_RELEASE);
}
#endif

#ifdef __sw_host__
#include <athread.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
extern void slave_kern(volatile int *);

static void on_alarm(int sig) {
  (void)sig;
  /* the warning has been printed by now: fail like a hung test would */
  static const char msg[] = "spin-wait-1: still hung\n";
  write(2, msg, sizeof msg - 1);
  _exit(3);
}

int main(int argc, char **argv) {
  static volatile int flags[64];
  setenv("O2ATH_EMU_BACKEND", argc > 1 && !strcmp(argv[1], "fibers") ? "fibers" : "threads", 1);
  signal(SIGALRM, on_alarm);
  alarm(5);
  athread_init();
  athread_spawn(kern, flags);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(flags[i] == 1);
  return 0;
}
#endif
