/* Waiting on a main-memory word another CPE writes (the turn of an ordered region): on the hardware
   a plain spin; in the emulator the waiter must hand its host thread to the other CPEs, which may be
   fibers on the same thread, and the writer announces the change. */
#ifndef O2ATH_TURN_H
#define O2ATH_TURN_H

#ifdef O2ATH_EMU
void o2ath_relax(void);
void o2ath_signal(void);
#else
#define o2ath_relax() ((void)0)
#define o2ath_signal() ((void)0)
#endif

#endif
