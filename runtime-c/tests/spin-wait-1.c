/* A kernel that busy-waits on a main-memory flag another CPE sets: fine with one thread per CPE;
   the fiber backend cannot preempt the spinning CPEs (every thread that runs fibers ends up in a
   waiter, so CPE 63 never runs), and must at least say so. */
//! env: O2ATH_EMU_WATCHDOG_SECONDS=2
//! run: threads
//! run: fibers => error: O2ATH_EMU_BACKEND=threads nosan
#include "check.h"

#ifdef __sw_slave__
#include <slave.h>

void kern(volatile int *flags) {
  /* everybody waits for CPE 63 */
  if (_MYID < 63)
    while (!__atomic_load_n(&flags[63], __ATOMIC_ACQUIRE)) __builtin_ia32_pause();
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
  int fibers = argc > 1 && !strcmp(argv[1], "fibers");
  setenv("O2ATH_EMU_BACKEND", fibers ? "fibers" : "threads", 1);
  signal(SIGALRM, on_alarm);
  alarm(fibers ? 5 : 50);
  athread_init();
  athread_spawn(kern, flags);
  athread_join();
  for (int i = 0; i < 64; i++) CHECK(flags[i] == 1);
  return 0;
}
#endif
