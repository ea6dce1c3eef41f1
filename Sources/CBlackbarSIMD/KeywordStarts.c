#include "CBlackbarSIMD.h"
#include "AlnumBits.h"

// The word starts of 64 bytes whose raw pair is marked (see the header). `bytes[0...64]` are read.
//
// Written in C for PMOVMSKB: the Swift loop this serves (`KeywordTable.scan`) built its masks eight bytes at a
// time in general registers and tested the pair at each of the eight places without branches, about seven
// instructions a byte; here the masks take a few per sixteen bytes and only word starts are looked up.

#if defined(__SSE2__)

uint64_t bb_keyword_starts64(const uint8_t *bytes, int *previous_alnum, const uint8_t *pairs) {
    uint64_t alnum = 0, high = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + 16 * k));
        alnum |= (uint64_t)bb_alnum_bits(v) << (16 * k);
        high |= (uint64_t)(uint32_t)_mm_movemask_epi8(v) << (16 * k);
    }
#else
uint64_t bb_keyword_starts64(const uint8_t *bytes, int *previous_alnum, const uint8_t *pairs) {
    uint64_t alnum = 0, high = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i], folded = b | 0x20;
        if ((b >= '0' && b <= '9') || (folded >= 'a' && folded <= 'z')) alnum |= (uint64_t)1 << i;
        if (b >= 0x80) high |= (uint64_t)1 << i;
    }
#endif
    uint64_t starts = (alnum | high) & ~((alnum << 1) | (uint64_t)(*previous_alnum != 0));
    *previous_alnum = (int)(alnum >> 63);
    uint64_t known = 0;
    while (starts != 0) {
        int k = __builtin_ctzll(starts);
        starts &= starts - 1;
        unsigned pair = (unsigned)bytes[k] | (unsigned)bytes[k + 1] << 8;
        // 0x80 or 0: no branch on a test that is a coin toss at word starts.
        known |= (uint64_t)(pairs[pair] >> 7) << k;
    }
    return known;
}
