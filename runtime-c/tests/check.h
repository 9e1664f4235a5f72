/* Assertion helper of the runtime tests: print the failed condition, then abort(). */
#ifndef O2ATH_TEST_CHECK_H
#define O2ATH_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#define CHECK(c)                                                                    \
  do {                                                                              \
    if (!(c)) {                                                                     \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c);         \
      abort();                                                                      \
    }                                                                               \
  } while (0)
#endif
