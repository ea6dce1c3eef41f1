// Byte classification sixteen bytes at a time, for the scanner's hot loops.
//
// Swift has no portable way to turn a vector comparison into a bit mask (x86's PMOVMSKB): its SIMD types
// compiled to scalar code here, and a 64-bit SWAR pass over a context window cost about 470 instructions
// per 64 bytes. These few functions are written in C with SSE2 intrinsics (every x86-64 CPU has SSE2), with
// a plain byte loop elsewhere; both give the same answers, which the tests check against the Swift reference.
#ifndef CBLACKBAR_SIMD_H
#define CBLACKBAR_SIMD_H

#include <stddef.h>
#include <stdint.h>

/// The word bytes of `bytes[0..<n]`, n at most 64: bit i of `*words` set when byte i is an ASCII letter or
/// digit, bit i of `*opens` when it is `<`, and `*closes` nonzero when some byte is `>`. Returns 0 (and
/// leaves the outputs unset) when some byte is 0x80 or above, 1 otherwise.
int bb_ascii_word_mask(const uint8_t *bytes, size_t n, uint64_t *words, uint64_t *opens, int *closes);

/// A context word's key (`ContextWords.firstTokenKey`, and `bb_no_phrase_start`'s tables): the top 12 bits of a
/// multiplicative hash of its lower-cased first two bytes (second 0 for a word of one byte), its lower-cased last
/// byte and its length (63: 63 or more). One definition for the Swift side that builds the tables and the C side
/// that reads them.
static inline uint32_t bb_token_key(uint8_t first, uint8_t second, uint8_t last, size_t length) {
    uint32_t capped = length < 63 ? (uint32_t)length : 63;
    uint32_t packed = (uint32_t)first | (uint32_t)second << 8 | (uint32_t)last << 16 | capped << 24;
    return (packed * 0x9E3779B1u) >> 20;
}

/// The words of a context segment `bytes[0..<n]`, n at most 64, all ASCII: bit i of `*words` set when byte i is
/// a letter or digit of a word, typed placeholders taken out (`<EMAIL_ADDRESS>`, and `ADDRESS>` cut by the
/// segment's start: what redaction wrote is not words about the data). Returns 0 (output unset) when n is over
/// 64 or a byte is 0x80 or above, 1 otherwise.
int bb_context_word_mask(const uint8_t *bytes, size_t n, uint64_t *words);

/// Whether no word of `bytes[0..<n]` (n at most 64) may start a phrase of a context word set, by the set's
/// tables (`ContextWords`): `lengths[b]` has bit L set when some phrase's first token starts with the lower-case
/// byte b and has L bytes (63: 63 or more); `keys` is a 4,096-bit set of those tokens' keys, a key being the top
/// 12 bits of `(first | second << 8 | last << 16 | min(length, 63) << 24) * 0x9E3779B1` over lower-cased bytes
/// (second 0 for a word of one byte). Returns 1 when none may, 0 when one may, and -1 (outputs unset) when the
/// bytes hold a byte of 0x80 or above, a `<` or a `>` (placeholders: the caller decides). `*words`: the word
/// mask of `bb_ascii_word_mask` (when not -1).
int bb_no_phrase_start(const uint8_t *bytes, size_t n, const uint64_t *lengths, const uint64_t *keys, uint64_t *words);

/// The first index in `from..<n` whose byte is a backslash or one of the lead bytes 0xC2, 0xE2, 0xE3, 0xEF
/// (what `SubjectMask` may mask), or n when there is none.
size_t bb_find_mask_lead(const uint8_t *bytes, size_t from, size_t n);

/// How many bytes of `bytes[0..<n]` equal `byte`; `*last` is the index of the last of them, or -1 when there
/// is none. (Line numbers of findings: `memchr` per line feed paid a call per line of the text.)
size_t bb_count_byte(const uint8_t *bytes, size_t n, uint8_t byte, ptrdiff_t *last);

/// Writes `value` in decimal at `out` (room for 20 bytes), no sign, and returns how many bytes it wrote.
/// (The printer writes five to eight numbers per finding; in Swift the digit tables were lazy globals, read
/// through `swift_once` twice per number.)
size_t bb_format_decimal(uint64_t value, uint8_t *out);

/// Of the 64 bytes at `bytes` (and the byte after them, which must be readable): bit i set when byte i starts a
/// word and `pairs[bytes[i] | bytes[i + 1] << 8]` is nonzero (its high bit set). A word starts at a byte that is
/// an ASCII letter or digit or 0x80 and above, after one that is not an ASCII letter or digit; `*previous_alnum`
/// says whether the byte before `bytes` is one, and becomes whether the last of the 64 is. (`KeywordTable`.)
uint64_t bb_keyword_starts64(const uint8_t *bytes, int *previous_alnum, const uint8_t *pairs);

/// Asks for the `lines` cache lines from `p` to be loaded (a hint; nothing is read or checked). The record pass
/// places a batch's findings in order, reading each one's value: the values of a megabyte of a table are several
/// megabytes, long out of the cache by then, and each finding waited for its value's lines.
static inline void bb_prefetch(const void *p, int lines) {
    for (int k = 0; k < lines; k++) __builtin_prefetch((const char *)p + 64 * k, 0, 3);
}

#endif
