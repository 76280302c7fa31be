#ifndef SAX_FLOOR_H
#define SAX_FLOOR_H
#include <stddef.h>

/// The libxml2 SAX2 floor: parses `length` bytes with the push parser in 64 KiB
/// chunks (XML_PARSE_NONET) and callbacks that only count. Returns the number of
/// start-element events (or -1 if the parser could not be created).
long sax_floor_parse(const char *bytes, size_t length);

#endif
