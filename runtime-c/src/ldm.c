/* Emulated LDM: what counts as an LDM address, the per-CPE ldm_malloc arena with the real capacity,
   and the mapping of one CPE's LDM address to the same address on another CPE. */
#include "internal.h"

#include <link.h>
#include <string.h>

#include "../include/slave.h"

/* ---- static TLS: __thread_local data ------------------------------------- */

static int tls_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  for (int i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_TLS) *(size_t *)data = info->dlpi_phdr[i].p_memsz;
  return 1; /* the first object is the program itself */
}

/* Size of the program's TLS segment: all __thread_local (and classic
   __thread) variables, which the real compiler places in LDM. */
size_t swrt_tls_size(void) {
  size_t n = 0;
  dl_iterate_phdr(tls_cb, &n);
  return n;
}

/* ---- LDM address ranges --------------------------------------------------- */

int swrt_is_ldm(const struct swrt_cpe *c, const void *p, size_t len) {
  const char *a = p;
  if (a >= c->arena && a + len <= c->arena + SWRT_LDM_SIZE && a + len >= a) return 1;
  if (a >= c->stack_lo && a + len <= c->stack_hi && a + len >= a) return 1;
  return 0;
}

/* Which CPE's LDM holds p, or -1. */
int swrt_is_any_ldm(const void *p, size_t len) {
  const char *a = p;
  for (int i = 0; i < SWRT_NCPE; i++) {
    const struct swrt_cpe *c = &swrt_team.cpe[i];
    if (c->region && a + len > c->region && a < c->region + c->region_size) return i;
  }
  return -1;
}

/* Every CPE's emulated LDM has the same layout (same arena size, same stack
   size, TLS at the same offset from the stack top), so "the same LDM address
   on CPE `to`" is the same offset in its region, as RMA and broadcasts need. */
void *swrt_ldm_translate(const struct swrt_cpe *from, const void *p, int to) {
  const struct swrt_cpe *t = &swrt_team.cpe[to];
  const char *a = p;
  if (a >= from->region && a < from->region + from->region_size)
    return t->region + (a - from->region);
  return NULL;
}

size_t swrt_stack_depth(const struct swrt_cpe *c) {
  char here;
  char *sp = &here;
  return c->sp_base > sp ? (size_t)(c->sp_base - sp) : 0;
}

/* LDM the heap may use: what the __thread_local data and the live stack
   leave.  The stack is reserved in whole 4 KB steps so that the capacity a
   kernel sees does not depend on the exact frame sizes of the x86 compiler;
   a stack that later grows into the heap is caught by stack.c. */
static size_t heap_limit(const struct swrt_cpe *c) {
  size_t stack = (swrt_stack_depth(c) + 4095) & ~(size_t)4095;
  size_t fixed = swrt_team.tls_size + stack;
  return fixed >= SWRT_LDM_SIZE ? 0 : SWRT_LDM_SIZE - fixed;
}

/* ---- the arena: a sorted list of blocks, first fit ----------------------- */

static size_t round_up(size_t n) { return (n + SWRT_LDM_ALIGN - 1) & ~(size_t)(SWRT_LDM_ALIGN - 1); }

/* Offset of the first gap of `need` bytes below `limit`, or -1; *largest
   receives the largest gap. */
static long find_gap(const struct swrt_cpe *c, size_t need, size_t limit, size_t *largest) {
  size_t at = 0, best = 0;
  long found = -1;
  for (int i = 0; i <= c->nallocs; i++) {
    size_t end = i < c->nallocs ? c->allocs[i].off : limit;
    if (end > limit) end = limit;
    size_t gap = end > at ? end - at : 0;
    if (gap > best) best = gap;
    if (found < 0 && need && gap >= need) found = (long)at;
    if (i < c->nallocs) at = c->allocs[i].off + c->allocs[i].size;
  }
  if (largest) *largest = best;
  return found;
}

static void *arena_alloc(struct swrt_cpe *c, size_t size, size_t limit) {
  long off = find_gap(c, size, limit, NULL);
  if (off < 0 || c->nallocs == SWRT_MAX_ALLOCS) return NULL;
  int i = 0;
  while (i < c->nallocs && c->allocs[i].off < (uint32_t)off) i++;
  memmove(&c->allocs[i + 1], &c->allocs[i], (size_t)(c->nallocs - i) * sizeof c->allocs[0]);
  c->allocs[i].off = (uint32_t)off;
  c->allocs[i].size = (uint32_t)size;
  c->nallocs++;
  c->arena_used += size;
  if ((size_t)off + size > c->arena_hwm) c->arena_hwm = (size_t)off + size;
  swrt_stack_update(c);
  swrt_stack_sample(c);
  return c->arena + off;
}

void *ldm_malloc(size_t size) {
  struct swrt_cpe *c = swrt_need_cpe("ldm_malloc");
  if (size == 0) return NULL;
  size_t need = round_up(size);
  size_t limit = heap_limit(c);
  void *p = need <= SWRT_LDM_SIZE ? arena_alloc(c, need, limit) : NULL;
  if (!p) {
    size_t largest;
    find_gap(c, 0, limit, &largest);
    swrt_warn("ldm_malloc(%zu) fails: the %u KB LDM of this CPE holds %zu bytes of "
              "__thread_local data, %zu bytes of stack and %zu bytes in %d ldm_malloc blocks "
              "(largest free block %zu bytes); the real %s ldm_malloc returns NULL here, and "
              "code that uses the pointer anyway faults with 'Accessed Wrong Address'",
              size, SWRT_LDM_SIZE >> 10, swrt_team.tls_size, swrt_stack_depth(c), c->arena_used,
              c->nallocs, largest, SWRT_TARGET_NAME);
  }
  return p;
}

void ldm_free(void *addr, size_t size) {
  struct swrt_cpe *c = swrt_need_cpe("ldm_free");
  if (!addr) return;
  size_t off = (size_t)((char *)addr - c->arena);
  int i = 0;
  while (i < c->nallocs && c->allocs[i].off != off) i++;
  if ((char *)addr < c->arena || i == c->nallocs)
    swrt_fatal("ldm_free(%p, %zu): not a block ldm_malloc returned to this CPE; the real heap "
               "would be silently corrupted",
               addr, size);
  if (round_up(size) != c->allocs[i].size)
    swrt_fatal("ldm_free(%p, %zu): the block was allocated with a different size (%u bytes "
               "after rounding); the real ldm_free trusts the size and corrupts the heap",
               addr, size, c->allocs[i].size);
  c->arena_used -= c->allocs[i].size;
  memmove(&c->allocs[i], &c->allocs[i + 1], (size_t)(c->nallocs - i - 1) * sizeof c->allocs[0]);
  c->nallocs--;
  swrt_stack_update(c);
}

size_t get_allocatable_size(void) {
  struct swrt_cpe *c = swrt_need_cpe("get_allocatable_size");
  size_t largest;
  find_gap(c, 0, heap_limit(c), &largest);
  return largest & ~(size_t)(SWRT_LDM_ALIGN - 1);
}

void *ldm_malloc_max(size_t *size) {
  struct swrt_cpe *c = swrt_need_cpe("ldm_malloc_max");
  size_t limit = heap_limit(c), largest;
  find_gap(c, 0, limit, &largest);
  largest &= ~(size_t)(SWRT_LDM_ALIGN - 1);
  void *p = largest ? arena_alloc(c, largest, limit) : NULL;
  if (size) *size = p ? largest : 0;
  return p;
}

void ldm_free_all(void) {
  struct swrt_cpe *c = swrt_need_cpe("ldm_free_all");
  c->nallocs = 0;
  c->arena_used = 0;
  swrt_stack_update(c);
}

/* Called by the CPE thread after each kernel. */
void swrt_ldm_kernel_end(struct swrt_cpe *c) {
  static int warned;
  if (c->nallocs && !__atomic_exchange_n(&warned, 1, __ATOMIC_RELAXED))
    swrt_warn("the kernel returned with %d ldm_malloc block(s) (%zu bytes) not freed; they stay "
              "allocated for later spawns, as LDM contents do on the hardware",
              c->nallocs, c->arena_used);
}
