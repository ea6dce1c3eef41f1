// Shared by the SSE2 paths of this module (not part of its public header).
#ifndef CBLACKBAR_ALNUM_BITS_H
#define CBLACKBAR_ALNUM_BITS_H

#if defined(__SSE2__)
#include <emmintrin.h>
#include <stdint.h>

// Bit i set when byte i of v is an ASCII letter or digit (bytes of 0x80 and above are neither).
static inline uint32_t bb_alnum_bits(__m128i v) {
    __m128i digit = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i is_digit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    __m128i letter = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i is_letter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
    return (uint32_t)_mm_movemask_epi8(_mm_or_si128(is_digit, is_letter));
}
#endif

#endif
