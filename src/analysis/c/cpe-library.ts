// C library functions a CPE can call (the Sunway slave libc/libm provide them; the emulator links the
// host's). Calls to anything else that is not defined in the file get a warning: it must exist on the
// CPE side too.
const NAMES = `
sqrt sqrtf cbrt exp expf exp2 expm1 log logf log2 log10 log1p pow powf sin sinf cos cosf tan tanf asin acos atan atan2
sinh cosh tanh asinh acosh atanh fabs fabsf floor floorf ceil ceilf round roundf lround trunc fmod fmodf fmin fmax fminf fmaxf
hypot erf erfc tgamma lgamma copysign nearbyint rint lrint frexp ldexp modf fma fmaf isnan isinf isfinite signbit
abs labs llabs div ldiv memcpy memset memmove memcmp strlen strcpy strncpy strcmp strncmp
printf fprintf sprintf snprintf puts putchar malloc free calloc realloc abort exit assert __assert_fail
omp_get_thread_num omp_get_num_threads omp_get_max_threads omp_get_wtime omp_get_wtick omp_in_parallel
omp_get_level omp_get_num_procs omp_set_lock omp_unset_lock omp_test_lock omp_init_lock omp_destroy_lock
athread_get_id athread_syn athread_ssync_array athread_get athread_put athread_dma_get athread_dma_put
athread_dma_iget athread_dma_iput athread_dma_wait_value ldm_malloc ldm_free flush_slave_cache
`;

const SET = new Set(NAMES.split(/\s+/).filter(Boolean));

export function isCpeLibraryFunction(name: string): boolean {
  return SET.has(name) || name.startsWith('omp_') || name.startsWith('__builtin_') || name.startsWith('CRTS_') || name.startsWith('simd_');
}
