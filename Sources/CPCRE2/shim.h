#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
// Width 8: every pcre2_* name below is the _8 function; the generic macros do not import into Swift.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
