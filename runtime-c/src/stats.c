/* Statistics for a Sunway performance model: spawns per kernel with wall time, and per CPE the DMA
   and RMA traffic, barriers and LDM high-water mark, written as JSON at exit (O2ATH_EMU_STATS=path). */
#include "internal.h"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_KERNELS 256
#define MAX_SPAWNS 10000

struct kernel {
  void *fn;
  uint64_t spawns;
  double seconds, min_s, max_s;
};

static const char *path;
static struct kernel kernels[MAX_KERNELS];
static int nkernels;
static struct {
  int kernel;
  double seconds;
} spawns[MAX_SPAWNS];
static uint64_t nspawns;
static int current = -1;

static void write_stats(void);

void swrt_stats_install(void) {
  const char *p = getenv("O2ATH_EMU_STATS");
  if (!p || !*p) return;
  path = strdup(p);
  atexit(write_stats);
}

/* Called by the MPE only (spawn and join are MPE functions). */
void swrt_stats_spawn_begin(void *fn) {
  if (!path) return;
  int i = 0;
  while (i < nkernels && kernels[i].fn != fn) i++;
  if (i == nkernels) {
    if (nkernels == MAX_KERNELS) {
      current = -1;
      return;
    }
    kernels[nkernels++] = (struct kernel){.fn = fn, .min_s = 1e300};
  }
  current = i;
}

void swrt_stats_spawn_end(double seconds) {
  if (!path || current < 0) return;
  struct kernel *k = &kernels[current];
  k->spawns++;
  k->seconds += seconds;
  if (seconds < k->min_s) k->min_s = seconds;
  if (seconds > k->max_s) k->max_s = seconds;
  if (nspawns < MAX_SPAWNS) {
    spawns[nspawns].kernel = current;
    spawns[nspawns].seconds = seconds;
  }
  nspawns++;
}

/* ---- kernel names ---------------------------------------------------------
   dladdr only sees dynamic symbols (most executables do not export theirs),
   so fall back to the static symbol table of the executable itself. */

static uintptr_t exe_bias;
static int bias_cb(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  (void)data;
  exe_bias = info->dlpi_addr;
  return 1;
}

static int symtab_name(void *fn, char *out, size_t n) {
  int fd = open("/proc/self/exe", O_RDONLY);
  if (fd < 0) return 0;
  struct stat st;
  int found = 0;
  if (fstat(fd, &st) == 0 && st.st_size > (off_t)sizeof(Elf64_Ehdr)) {
    const char *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
      const Elf64_Ehdr *eh = (const Elf64_Ehdr *)m;
      dl_iterate_phdr(bias_cb, NULL);
      uintptr_t want = (uintptr_t)fn - exe_bias;
      if (!memcmp(eh->e_ident, ELFMAG, SELFMAG) && eh->e_ident[EI_CLASS] == ELFCLASS64 &&
          eh->e_shoff && eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr) <= (size_t)st.st_size) {
        const Elf64_Shdr *sh = (const Elf64_Shdr *)(m + eh->e_shoff);
        for (int i = 0; i < eh->e_shnum && !found; i++) {
          if (sh[i].sh_type != SHT_SYMTAB || sh[i].sh_link >= eh->e_shnum) continue;
          const Elf64_Sym *sym = (const Elf64_Sym *)(m + sh[i].sh_offset);
          const char *strs = m + sh[sh[i].sh_link].sh_offset;
          size_t count = sh[i].sh_size / sizeof(Elf64_Sym);
          for (size_t k = 0; k < count; k++)
            if (ELF64_ST_TYPE(sym[k].st_info) == STT_FUNC && sym[k].st_value == want) {
              snprintf(out, n, "%s", strs + sym[k].st_name);
              found = 1;
              break;
            }
        }
      }
      munmap((void *)m, (size_t)st.st_size);
    }
  }
  close(fd);
  return found;
}

static void kernel_name(void *fn, char *out, size_t n) {
  Dl_info info;
  if (dladdr(fn, &info) && info.dli_sname && info.dli_saddr == fn) {
    snprintf(out, n, "%s", info.dli_sname);
    return;
  }
  if (symtab_name(fn, out, n)) return;
  snprintf(out, n, "%p", fn);
}

/* ---- JSON ----------------------------------------------------------------- */

static void put_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"' || *s == '\\')
      fprintf(f, "\\%c", *s);
    else if ((unsigned char)*s < 0x20)
      fprintf(f, "\\u%04x", *s);
    else
      fputc(*s, f);
  }
  fputc('"', f);
}

static void write_stats(void) {
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
  FILE *f = fopen(tmp, "w");
  if (!f) {
    swrt_warn("cannot write O2ATH_EMU_STATS file %s", path);
    return;
  }
  static char names[MAX_KERNELS][256];
  for (int i = 0; i < nkernels; i++) kernel_name(kernels[i].fn, names[i], sizeof names[i]);

  fprintf(f, "{\n  \"version\": 1,\n  \"target\": \"%s\",\n  \"ldm_bytes\": %u,\n  \"cpes\": %d,\n",
          SWRT_TARGET_NAME, SWRT_LDM_SIZE, SWRT_NCPE);
  fprintf(f, "  \"thread_local_bytes\": %zu,\n", swrt_team.tls_size);
  fprintf(f, "  \"kernels\": [");
  for (int i = 0; i < nkernels; i++) {
    struct kernel *k = &kernels[i];
    const char *plain = strncmp(names[i], "slave_", 6) ? names[i] : names[i] + 6;
    fprintf(f, "%s\n    {\"name\": ", i ? "," : "");
    put_string(f, plain);
    fprintf(f, ", \"symbol\": ");
    put_string(f, names[i]);
    fprintf(f, ", \"spawns\": %llu, \"seconds\": %.9f, \"min_seconds\": %.9f, \"max_seconds\": %.9f}",
            (unsigned long long)k->spawns, k->seconds, k->spawns ? k->min_s : 0.0, k->max_s);
  }
  fprintf(f, "\n  ],\n  \"spawn_count\": %llu,\n  \"spawns_truncated\": %s,\n  \"spawns\": [",
          (unsigned long long)nspawns, nspawns > MAX_SPAWNS ? "true" : "false");
  for (uint64_t i = 0; i < nspawns && i < MAX_SPAWNS; i++) {
    const char *nm = names[spawns[i].kernel];
    fprintf(f, "%s\n    {\"kernel\": ", i ? "," : "");
    put_string(f, strncmp(nm, "slave_", 6) ? nm : nm + 6);
    fprintf(f, ", \"seconds\": %.9f}", spawns[i].seconds);
  }
  fprintf(f, "\n  ],\n  \"per_cpe\": [");
  struct swrt_stats tot = {0};
  for (int i = 0; i < SWRT_NCPE; i++) {
    const struct swrt_stats *s = &swrt_team.cpe[i].st;
    fprintf(f,
            "%s\n    {\"id\": %d, \"dma_get_bytes\": %llu, \"dma_get_calls\": %llu, "
            "\"dma_put_bytes\": %llu, \"dma_put_calls\": %llu, \"rma_bytes\": %llu, "
            "\"rma_calls\": %llu, \"barriers\": %llu, \"ldm_high_water_bytes\": %llu}",
            i ? "," : "", i, (unsigned long long)s->dma_get_bytes,
            (unsigned long long)s->dma_get_calls, (unsigned long long)s->dma_put_bytes,
            (unsigned long long)s->dma_put_calls, (unsigned long long)s->rma_bytes,
            (unsigned long long)s->rma_calls, (unsigned long long)s->barriers,
            (unsigned long long)s->ldm_hwm);
    tot.dma_get_bytes += s->dma_get_bytes;
    tot.dma_get_calls += s->dma_get_calls;
    tot.dma_put_bytes += s->dma_put_bytes;
    tot.dma_put_calls += s->dma_put_calls;
    tot.rma_bytes += s->rma_bytes;
    tot.rma_calls += s->rma_calls;
    tot.barriers += s->barriers;
    if (s->ldm_hwm > tot.ldm_hwm) tot.ldm_hwm = s->ldm_hwm;
  }
  fprintf(f,
          "\n  ],\n  \"totals\": {\"dma_get_bytes\": %llu, \"dma_get_calls\": %llu, "
          "\"dma_put_bytes\": %llu, \"dma_put_calls\": %llu, \"rma_bytes\": %llu, "
          "\"rma_calls\": %llu, \"barriers\": %llu, \"ldm_high_water_bytes_max\": %llu}\n}\n",
          (unsigned long long)tot.dma_get_bytes, (unsigned long long)tot.dma_get_calls,
          (unsigned long long)tot.dma_put_bytes, (unsigned long long)tot.dma_put_calls,
          (unsigned long long)tot.rma_bytes, (unsigned long long)tot.rma_calls,
          (unsigned long long)tot.barriers, (unsigned long long)tot.ldm_hwm);
  if (fclose(f) != 0 || rename(tmp, path) != 0) swrt_warn("cannot write O2ATH_EMU_STATS file %s", path);
}
