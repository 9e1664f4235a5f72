/* Sunway CPE SIMD vector types and a subset of their intrinsics, emulated with GCC vector extensions. */
#ifndef O2ATH_EMU_SIMD_H
#define O2ATH_EMU_SIMD_H

/* 512-bit vectors are passed in memory without AVX-512; GCC's note about
   that ABI is irrelevant to an emulator and would drown real warnings. */
#pragma GCC diagnostic ignored "-Wpsabi"

#include <stddef.h>
#include "o2ath_emu.h"

/* 256-bit (SW26010, also on the Pro) */
typedef double doublev4 __attribute__((vector_size(32)));
typedef float floatv4 __attribute__((vector_size(16)));
typedef int intv8 __attribute__((vector_size(32)));
typedef unsigned int uintv8 __attribute__((vector_size(32)));
typedef long int256 __attribute__((vector_size(32)));
typedef unsigned long uint256 __attribute__((vector_size(32)));
/* 512-bit (SW26010-Pro) */
typedef double doublev8 __attribute__((vector_size(64)));
typedef float floatv8 __attribute__((vector_size(32)));
typedef int intv16 __attribute__((vector_size(64)));
typedef unsigned int uintv16 __attribute__((vector_size(64)));
typedef long int512 __attribute__((vector_size(64)));
typedef unsigned long uint512 __attribute__((vector_size(64)));

/* Loads and stores: simd_load/simd_store need natural alignment on the
   hardware; the emulation uses the vector type, which is just as strict. */
#define simd_load(v, p) ((v) = *(const __typeof__(v) *)(p))
#define simd_store(v, p) (*(__typeof__(v) *)(p) = (v))
#define simd_loadu(v, p) __builtin_memcpy(&(v), (p), sizeof(v))
#define simd_storeu(v, p) __builtin_memcpy((p), &(v), sizeof(v))

#define simd_set_doublev4(a, b, c, d) ((doublev4){(a), (b), (c), (d)})
#define simd_set_doublev8(a, b, c, d, e, f, g, h) ((doublev8){(a), (b), (c), (d), (e), (f), (g), (h)})
#define simd_set_floatv4(a, b, c, d) ((floatv4){(a), (b), (c), (d)})
#define simd_set_intv8(a, b, c, d, e, f, g, h) ((intv8){(a), (b), (c), (d), (e), (f), (g), (h)})

/* splat of a double into every lane */
#define simd_vcpyfd(x) ((doublev8){0} + (double)(x))
#define simd_vcpyfs(x) ((floatv8){0} + (float)(x))
#define simd_vcpyfd4(x) ((doublev4){0} + (double)(x))

/* fused multiply-add family: vmad = a*b+c, vmsd = a*b-c, vnmad = -a*b+c, vnmsd = -a*b-c */
#define simd_vmad(a, b, c) ((a) * (b) + (c))
#define simd_vmsd(a, b, c) ((a) * (b) - (c))
#define simd_vnmad(a, b, c) (-(a) * (b) + (c))
#define simd_vnmsd(a, b, c) (-(a) * (b) - (c))
#define simd_vmas(a, b, c) simd_vmad(a, b, c)
#define simd_vmss(a, b, c) simd_vmsd(a, b, c)
#define simd_vmuld(a, b) ((a) * (b))
#define simd_vaddd(a, b) ((a) + (b))
#define simd_vsubd(a, b) ((a) - (b))
#define simd_vdivd(a, b) ((a) / (b))

/* horizontal sum of all lanes */
#define simd_reduc_plusd(v)                                        \
  __extension__({                                                  \
    __typeof__(v) swrt_v_ = (v);                                   \
    double swrt_s_ = 0;                                            \
    for (unsigned swrt_i_ = 0; swrt_i_ < sizeof swrt_v_ / sizeof swrt_v_[0]; swrt_i_++) \
      swrt_s_ += swrt_v_[swrt_i_];                                 \
    swrt_s_;                                                       \
  })
#define simd_reduc_pluss(v) ((float)simd_reduc_plusd(v))

/* reciprocal (the hardware's vfrecd is an estimate; this is exact) */
#define simd_vfrecpd(v) (1.0 / (v))

#ifdef O2ATH_EMU_SW26010
/* SW26010 register communication: one vector (at most 256 bits) to a CPE of
   my row (putr, dst = column) or of my column (putc, dst = row); dst 8
   broadcasts to the 7 others.  getr/getc return the next message received.
   (The SW26010-Pro has no register communication; it uses RMA.) */
#define simd_putr(v, dst)                                                   \
  __extension__({                                                           \
    __typeof__(v) swrt_m_ = (v);                                            \
    swrt_reg_put(0, &swrt_m_, sizeof swrt_m_, (dst));                       \
  })
#define simd_putc(v, dst)                                                   \
  __extension__({                                                           \
    __typeof__(v) swrt_m_ = (v);                                            \
    swrt_reg_put(1, &swrt_m_, sizeof swrt_m_, (dst));                       \
  })
#define simd_getr(v)                                                        \
  __extension__({                                                           \
    __typeof__(v) swrt_m_;                                                  \
    swrt_reg_get(0, &swrt_m_, sizeof swrt_m_);                              \
    swrt_m_;                                                                \
  })
#define simd_getc(v)                                                        \
  __extension__({                                                           \
    __typeof__(v) swrt_m_;                                                  \
    swrt_reg_get(1, &swrt_m_, sizeof swrt_m_);                              \
    swrt_m_;                                                                \
  })
#endif

#define simd_print_doublev4(v) \
  printf("[%g %g %g %g]\n", (double)(v)[0], (double)(v)[1], (double)(v)[2], (double)(v)[3])

#endif
