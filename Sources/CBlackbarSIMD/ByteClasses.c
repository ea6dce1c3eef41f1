#include "CBlackbarSIMD.h"
#include "AlnumBits.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

int bb_ascii_word_mask(const uint8_t *bytes, size_t n, uint64_t *words, uint64_t *opens, int *closes) {
    uint8_t padded[64];
    const uint8_t *p = bytes;
    if (n > 64) return 0;
    if (n < 64) {
        // Zero padding is neither a word byte nor `<` nor `>`.
        memset(padded, 0, sizeof padded);
        if (n > 0) memcpy(padded, bytes, n);
        p = padded;
    }
    uint64_t word = 0, open = 0;
    uint32_t high = 0, close = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        high |= (uint32_t)_mm_movemask_epi8(v);
        word |= (uint64_t)bb_alnum_bits(v) << (16 * k);
        open |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('<'))) << (16 * k);
        close |= (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    }
    if (high != 0) return 0;
    *words = word;
    *opens = open;
    *closes = close != 0;
    return 1;
}

size_t bb_find_mask_lead(const uint8_t *bytes, size_t from, size_t n) {
    size_t i = from;
    const __m128i backslash = _mm_set1_epi8('\\');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        // Plain ASCII without a backslash (most of any text) is one test.
        uint32_t high = (uint32_t)_mm_movemask_epi8(v);
        __m128i hits = _mm_cmpeq_epi8(v, backslash);
        if (high != 0) {
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)));
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3)));
            hits = _mm_or_si128(hits, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
        }
        uint32_t found = (uint32_t)_mm_movemask_epi8(hits);
        if (found != 0) return i + (size_t)__builtin_ctz(found);
        i += 16;
    }
    for (; i < n; i++) {
        uint8_t b = bytes[i];
        if (b == 0x5C || b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) return i;
    }
    return n;
}

size_t bb_count_byte(const uint8_t *bytes, size_t n, uint8_t byte, ptrdiff_t *last) {
    size_t count = 0, i = 0;
    ptrdiff_t at = -1;
    const __m128i needle = _mm_set1_epi8((char)byte);
    // Sixty-four bytes a turn, one 64-bit mask and one population count: without the POPCNT instruction (not
    // in the x86-64 baseline) a count is a dozen instructions, so one per sixteen bytes cost more than the
    // compares.
    while (i + 64 <= n) {
        const uint8_t *p = bytes + i;
        uint64_t found = (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), needle))
            | (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + 16)), needle)) << 16
            | (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + 32)), needle)) << 32
            | (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + 48)), needle)) << 48;
        if (found != 0) {
            count += (size_t)__builtin_popcountll(found);
            at = (ptrdiff_t)(i + 63 - (size_t)__builtin_clzll(found));
        }
        i += 64;
    }
    while (i + 16 <= n) {
        uint32_t found = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + i)), needle));
        if (found != 0) {
            count += (size_t)__builtin_popcount(found);
            at = (ptrdiff_t)(i + 31 - (size_t)__builtin_clz(found));
        }
        i += 16;
    }
    for (; i < n; i++) {
        if (bytes[i] == byte) {
            count++;
            at = (ptrdiff_t)i;
        }
    }
    *last = at;
    return count;
}

#else

int bb_ascii_word_mask(const uint8_t *bytes, size_t n, uint64_t *words, uint64_t *opens, int *closes) {
    if (n > 64) return 0;
    uint64_t word = 0, open = 0;
    int close = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t b = bytes[i];
        if (b >= 0x80) return 0;
        uint8_t folded = b | 0x20;
        if ((b >= '0' && b <= '9') || (folded >= 'a' && folded <= 'z')) word |= (uint64_t)1 << i;
        if (b == '<') open |= (uint64_t)1 << i;
        if (b == '>') close = 1;
    }
    *words = word;
    *opens = open;
    *closes = close;
    return 1;
}

size_t bb_find_mask_lead(const uint8_t *bytes, size_t from, size_t n) {
    for (size_t i = from; i < n; i++) {
        uint8_t b = bytes[i];
        if (b == 0x5C || b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF) return i;
    }
    return n;
}

size_t bb_count_byte(const uint8_t *bytes, size_t n, uint8_t byte, ptrdiff_t *last) {
    size_t count = 0;
    ptrdiff_t at = -1;
    for (size_t i = 0; i < n; i++) {
        if (bytes[i] == byte) {
            count++;
            at = (ptrdiff_t)i;
        }
    }
    *last = at;
    return count;
}

#endif

static inline uint8_t bb_lower(uint8_t b) { return (uint8_t)(b - 'A') < 26 ? (uint8_t)(b | 0x20) : b; }

// The end of a run of upper-case ASCII letters, digits and `_` from `from` (a typed placeholder's body, as in
// `<EMAIL_ADDRESS>`), or -1 when the run holds no letter.
static int bb_placeholder_end(const uint8_t *bytes, size_t n, size_t from) {
    size_t i = from;
    int letters = 0;
    while (i < n) {
        uint8_t b = bytes[i];
        if ((uint8_t)(b - 'A') < 26) {
            letters = 1;
        } else if (!((uint8_t)(b - '0') < 10 || b == '_')) {
            break;
        }
        i++;
    }
    return letters ? (int)i : -1;
}

// Bits 0..<k set (k at most 64).
static inline uint64_t bb_low_bits(unsigned k) { return k >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << k) - 1; }

int bb_context_word_mask(const uint8_t *bytes, size_t n, uint64_t *words) {
    uint64_t mask = 0, opens = 0;
    int closes = 0;
    if (n == 0) {
        *words = 0;
        return 1;
    }
    if (!bb_ascii_word_mask(bytes, n, &mask, &opens, &closes)) return 0;
    if (closes) {
        // A placeholder cut by the segment's start (`ADDRESS> 12345`) is a placeholder still.
        int end = bb_placeholder_end(bytes, n, 0);
        if (end > 0 && (size_t)end < n && bytes[end] == '>') mask &= ~bb_low_bits((unsigned)end + 1);
    }
    while (opens != 0) {
        unsigned i = (unsigned)__builtin_ctzll(opens);
        opens &= opens - 1;
        int end = bb_placeholder_end(bytes, n, i + 1);
        if (end > (int)i + 1 && ((size_t)end == n || bytes[end] == '>')) {
            // Bits i + 1 ..< end.
            mask &= ~(bb_low_bits((unsigned)end) & ~bb_low_bits(i + 1));
        }
    }
    *words = mask;
    return 1;
}

int bb_no_phrase_start(const uint8_t *bytes, size_t n, const uint64_t *lengths, const uint64_t *keys, uint64_t *words) {
    uint64_t mask = 0;
    if (!bb_context_word_mask(bytes, n, &mask)) return -1;
    *words = mask;
    // Word by word through their first bytes; a word's length is read from its last byte only when some phrase
    // starts with its first byte (most words of prose do not), and its key only when one has its length.
    uint64_t starts = mask & ~(mask << 1), lasts = mask & ~(mask >> 1);
    while (starts != 0) {
        unsigned s = (unsigned)__builtin_ctzll(starts);
        starts &= starts - 1;
        uint8_t first = bb_lower(bytes[s]);
        uint64_t allowed = lengths[first];
        if (allowed == 0) continue;
        unsigned length = (unsigned)__builtin_ctzll(lasts >> s) + 1;
        if ((allowed & ((uint64_t)1 << (length < 63 ? length : 63))) == 0) continue;
        uint8_t second = length > 1 ? bb_lower(bytes[s + 1]) : 0;
        uint32_t key = bb_token_key(first, second, bb_lower(bytes[s + length - 1]), length);
        if ((keys[key >> 6] & ((uint64_t)1 << (key & 63))) != 0) return 0;
    }
    return 1;
}
