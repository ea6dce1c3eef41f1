// Decimal digits for the printer's JSON lines: static tables, so no lazy initialisation on the hot path.
#include "CBlackbarSIMD.h"

static const char pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
    "8081828384858687888990919293949596979899";

static const uint64_t powers_of_ten[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
    1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
    1000000000000000000ULL, 10000000000000000000ULL,
};

size_t bb_format_decimal(uint64_t value, uint8_t *out) {
    // The digit count from the bit length (log10 2 is about 1233 / 4096), settled by one compare.
    uint64_t v = value | 1;
    unsigned bits = 64 - (unsigned)__builtin_clzll(v);
    size_t digits = (bits * 1233) >> 12;
    digits += v >= powers_of_ten[digits] ? 1 : 0;
    size_t k = digits;
    while (value >= 100) {
        unsigned pair = (unsigned)(value % 100) * 2;
        value /= 100;
        k -= 2;
        out[k] = (uint8_t)pairs[pair];
        out[k + 1] = (uint8_t)pairs[pair + 1];
    }
    if (value >= 10) {
        out[k - 2] = (uint8_t)pairs[value * 2];
        out[k - 1] = (uint8_t)pairs[value * 2 + 1];
    } else {
        out[k - 1] = (uint8_t)('0' + value);
    }
    return digits;
}
