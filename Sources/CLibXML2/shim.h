// libxml2 for Swift.
//
// libxml2 is built with ICU support on Debian, so its encoding.h pulls in the
// system <unicode/ucnv.h>, whose UErrorCode clashes with the copy of ICU that
// swift-foundation ships (_FoundationICU) in any module that also imports
// Foundation. We never use libxml2's ICU converters (we transcode ourselves),
// and the only struct that changes shape without it, xmlCharEncodingHandler,
// is used by pointer only, so hide ICU from the importer.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>

// `xmlFree` is a global function pointer, which Swift 6 treats as shared
// mutable state; call it through a function instead.
static inline void wirewatch_xmlFree(void *p) { xmlFree(p); }
