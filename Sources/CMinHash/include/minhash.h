// The MinHash inner loop in C, vectorised. Swift compiles for baseline x86-64
// (SSE2, which has no 64-bit vector multiply) and has no per-function target
// attributes, so the 192 multiplies per shingle ran one at a time: 12 % of the
// archive's ingest CPU. Here the same arithmetic runs 8 (AVX-512) or 4 (AVX2)
// permutations per instruction, chosen at run time from what the CPU supports.
// Every path computes exactly the scalar result: signatures do not depend on
// the machine.
#ifndef WIREWATCH_MINHASH_H
#define WIREWATCH_MINHASH_H

#include <stddef.h>
#include <stdint.h>

/// Lowers minima[i] to the least (shingles[j] ^ seeds[i]) * multipliers[i]
/// (wrapping 64-bit multiply) over every shingle j, for i < count.
void wirewatch_minhash(
    const uint64_t *shingles, size_t shingleCount,
    const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count);

/// The same through one implementation: 0 scalar, 1 AVX2, 2 AVX-512 (for tests;
/// returns 0 without touching minima when the CPU lacks it, 1 otherwise).
int wirewatch_minhash_with(
    int implementation,
    const uint64_t *shingles, size_t shingleCount,
    const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count);

#endif
