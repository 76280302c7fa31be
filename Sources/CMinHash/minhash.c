#include "minhash.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static void minhash_scalar(
    const uint64_t *shingles, size_t n, const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count) {
    for (size_t i = 0; i < count; i++) {
        uint64_t seed = seeds[i], multiplier = multipliers[i], least = minima[i];
        for (size_t j = 0; j < n; j++) {
            uint64_t value = (shingles[j] ^ seed) * multiplier;
            least = value < least ? value : least;
        }
        minima[i] = least;
    }
}

#if defined(__x86_64__)

// Four vectors of permutations per pass over the shingles: their seeds,
// multipliers and minima stay in registers while each shingle is broadcast once.
__attribute__((target("avx512f,avx512dq")))
static void minhash_avx512(
    const uint64_t *shingles, size_t n, const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count) {
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m512i s0 = _mm512_loadu_si512(seeds + i), s1 = _mm512_loadu_si512(seeds + i + 8);
        __m512i s2 = _mm512_loadu_si512(seeds + i + 16), s3 = _mm512_loadu_si512(seeds + i + 24);
        __m512i m0 = _mm512_loadu_si512(multipliers + i), m1 = _mm512_loadu_si512(multipliers + i + 8);
        __m512i m2 = _mm512_loadu_si512(multipliers + i + 16), m3 = _mm512_loadu_si512(multipliers + i + 24);
        __m512i l0 = _mm512_loadu_si512(minima + i), l1 = _mm512_loadu_si512(minima + i + 8);
        __m512i l2 = _mm512_loadu_si512(minima + i + 16), l3 = _mm512_loadu_si512(minima + i + 24);
        for (size_t j = 0; j < n; j++) {
            __m512i s = _mm512_set1_epi64((long long)shingles[j]);
            l0 = _mm512_min_epu64(l0, _mm512_mullo_epi64(_mm512_xor_si512(s, s0), m0));
            l1 = _mm512_min_epu64(l1, _mm512_mullo_epi64(_mm512_xor_si512(s, s1), m1));
            l2 = _mm512_min_epu64(l2, _mm512_mullo_epi64(_mm512_xor_si512(s, s2), m2));
            l3 = _mm512_min_epu64(l3, _mm512_mullo_epi64(_mm512_xor_si512(s, s3), m3));
        }
        _mm512_storeu_si512(minima + i, l0);
        _mm512_storeu_si512(minima + i + 8, l1);
        _mm512_storeu_si512(minima + i + 16, l2);
        _mm512_storeu_si512(minima + i + 24, l3);
    }
    for (; i + 8 <= count; i += 8) {
        __m512i seed = _mm512_loadu_si512(seeds + i), multiplier = _mm512_loadu_si512(multipliers + i);
        __m512i least = _mm512_loadu_si512(minima + i);
        for (size_t j = 0; j < n; j++) {
            __m512i s = _mm512_set1_epi64((long long)shingles[j]);
            least = _mm512_min_epu64(least, _mm512_mullo_epi64(_mm512_xor_si512(s, seed), multiplier));
        }
        _mm512_storeu_si512(minima + i, least);
    }
    minhash_scalar(shingles, n, seeds + i, multipliers + i, minima + i, count - i);
}

// AVX2 has neither a 64-bit multiply nor an unsigned 64-bit minimum:
// the low 64 bits of a·b are lo·lo + ((hi(a)·lo + lo·hi(b)) << 32), three
// 32×32→64 multiplies; the minimum is taken on values with the sign bit
// flipped, where a signed compare orders them as unsigned.
__attribute__((target("avx2")))
static inline __m256i mullo64_avx2(__m256i a, __m256i b, __m256i bHigh) {
    __m256i low = _mm256_mul_epu32(a, b);
    __m256i cross = _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), b), _mm256_mul_epu32(a, bHigh));
    return _mm256_add_epi64(low, _mm256_slli_epi64(cross, 32));
}

__attribute__((target("avx2")))
static inline __m256i min_flipped_avx2(__m256i least, __m256i value, __m256i sign) {
    __m256i flipped = _mm256_xor_si256(value, sign);
    return _mm256_blendv_epi8(least, flipped, _mm256_cmpgt_epi64(least, flipped));
}

__attribute__((target("avx2")))
static void minhash_avx2(
    const uint64_t *shingles, size_t n, const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count) {
    const __m256i sign = _mm256_set1_epi64x((long long)0x8000000000000000ULL);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256i s0 = _mm256_loadu_si256((const __m256i *)(seeds + i));
        __m256i s1 = _mm256_loadu_si256((const __m256i *)(seeds + i + 4));
        __m256i m0 = _mm256_loadu_si256((const __m256i *)(multipliers + i));
        __m256i m1 = _mm256_loadu_si256((const __m256i *)(multipliers + i + 4));
        __m256i h0 = _mm256_srli_epi64(m0, 32), h1 = _mm256_srli_epi64(m1, 32);
        __m256i l0 = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(minima + i)), sign);
        __m256i l1 = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(minima + i + 4)), sign);
        for (size_t j = 0; j < n; j++) {
            __m256i s = _mm256_set1_epi64x((long long)shingles[j]);
            l0 = min_flipped_avx2(l0, mullo64_avx2(_mm256_xor_si256(s, s0), m0, h0), sign);
            l1 = min_flipped_avx2(l1, mullo64_avx2(_mm256_xor_si256(s, s1), m1, h1), sign);
        }
        _mm256_storeu_si256((__m256i *)(minima + i), _mm256_xor_si256(l0, sign));
        _mm256_storeu_si256((__m256i *)(minima + i + 4), _mm256_xor_si256(l1, sign));
    }
    minhash_scalar(shingles, n, seeds + i, multipliers + i, minima + i, count - i);
}

static int has_avx512(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
}

static int has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}

#endif

typedef void (*minhash_function)(const uint64_t *, size_t, const uint64_t *, const uint64_t *, uint64_t *, size_t);

static minhash_function best_implementation(void) {
#if defined(__x86_64__)
    if (has_avx512()) return minhash_avx512;
    if (has_avx2()) return minhash_avx2;
#endif
    return minhash_scalar;
}

void wirewatch_minhash(
    const uint64_t *shingles, size_t shingleCount, const uint64_t *seeds, const uint64_t *multipliers,
    uint64_t *minima, size_t count) {
    // A benign race: every thread that finds it unset stores the same pointer.
    static minhash_function chosen = 0;
    minhash_function function = __atomic_load_n(&chosen, __ATOMIC_RELAXED);
    if (!function) {
        function = best_implementation();
        __atomic_store_n(&chosen, function, __ATOMIC_RELAXED);
    }
    function(shingles, shingleCount, seeds, multipliers, minima, count);
}

int wirewatch_minhash_with(
    int implementation, const uint64_t *shingles, size_t shingleCount, const uint64_t *seeds,
    const uint64_t *multipliers, uint64_t *minima, size_t count) {
    switch (implementation) {
    case 0:
        minhash_scalar(shingles, shingleCount, seeds, multipliers, minima, count);
        return 1;
#if defined(__x86_64__)
    case 1:
        if (!has_avx2()) return 0;
        minhash_avx2(shingles, shingleCount, seeds, multipliers, minima, count);
        return 1;
    case 2:
        if (!has_avx512()) return 0;
        minhash_avx512(shingles, shingleCount, seeds, multipliers, minima, count);
        return 1;
#endif
    default:
        return 0;
    }
}
