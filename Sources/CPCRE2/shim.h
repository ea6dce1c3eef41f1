#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
// Width 8: every pcre2_* name below is the _8 function; the generic macros do not import into Swift.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// A flag set once by one thread and read by all (CompiledPattern's lazy JIT): the release store makes what
// the setter wrote before it visible to a reader whose acquire load sees the flag set.
static inline int blackbar_flag_is_set(const int *flag) { return __atomic_load_n(flag, __ATOMIC_ACQUIRE); }
static inline void blackbar_flag_set(int *flag) { __atomic_store_n(flag, 1, __ATOMIC_RELEASE); }
#endif
