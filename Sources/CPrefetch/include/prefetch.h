// Cache prefetch for Swift, which has no intrinsic for it. The rule matcher looks
// every word of a text up in tables of a few hundred KB (10,000 rules); issuing the
// loads of the next words while the current one is checked overlaps their cache
// misses instead of paying them one after another. A hint only: never faults.
#ifndef WIREWATCH_PREFETCH_H
#define WIREWATCH_PREFETCH_H

static inline __attribute__((always_inline)) void wirewatch_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
