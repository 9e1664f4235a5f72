/* Development stand-in for runtime-c: 64 pthreads per spawn, memcpy DMA, a 256 KB LDM arena per CPE. */
#include <athread.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

__thread int _PEN;
__thread char _ROW, _COL;
static char *arenas[64];
static __thread char *arena;
static __thread size_t arena_used;
static int nthreads = 64;
static pthread_t th[64];
static pthread_barrier_t bar;
struct start { void (*fn)(void *); void *arg; int id; };
static struct start starts[64];

void *ldm_malloc(size_t n) {
  n = (n + 63) & ~(size_t)63;
  if (arena_used + n > 256 * 1024) { fprintf(stderr, "shim: CPE %d LDM overflow (%zu + %zu)\n", _PEN, arena_used, n); abort(); }
  void *p = arena + arena_used; arena_used += n; return p;
}
void ldm_free(void *p, size_t n) { (void)p; n = (n + 63) & ~(size_t)63; arena_used -= n; }
void CRTS_ssync_array(void) { pthread_barrier_wait(&bar); }
void swk_shim_dma(void *dst, const void *src, size_t len, size_t bsize, size_t stride, int get) {
  if (bsize == 0) { memcpy(dst, src, len); return; }
  char *d = dst; const char *s = src; size_t done = 0;
  while (done < len) {
    size_t b = len - done < bsize ? len - done : bsize;
    memcpy(d, s, b); done += b;
    if (get) { d += b; s += b + stride; } else { d += b + stride; s += b; }
  }
}
static void *run(void *p) {
  struct start *s = p; _PEN = s->id; _ROW = (char)(s->id >> 3); _COL = (char)(s->id & 7);
  arena = arenas[s->id]; arena_used = 0;
  s->fn(s->arg); return NULL;
}
int athread_init(void) {
  for (int i = 0; i < 64; i++) if (!arenas[i]) arenas[i] = aligned_alloc(64, 256 * 1024);
  return 0;
}
void swk_shim_bcast(int col, void *ldm, const void *mem, size_t len, size_t bsize, size_t stride) {
  for (int i = 0; i < nthreads; i++) {
    if (col ? (i & 7) != _COL : (i >> 3) != _ROW) continue;
    swk_shim_dma(arenas[i] + ((char *)ldm - arena), mem, len, bsize, stride, 1);
  }
}
int athread_set_num_threads(int n) { nthreads = n; return 0; }
int athread_get_num_threads(void) { return nthreads; }
int __real_athread_spawn(void *fn, void *arg, int flush) {
  (void)flush; pthread_barrier_init(&bar, NULL, (unsigned)nthreads);
  for (int i = 0; i < nthreads; i++) {
    starts[i].fn = (void (*)(void *))fn; starts[i].arg = arg; starts[i].id = i;
    pthread_create(&th[i], NULL, run, &starts[i]);
  }
  return 0;
}
int athread_join(void) { for (int i = 0; i < nthreads; i++) pthread_join(th[i], NULL); pthread_barrier_destroy(&bar); return 0; }
