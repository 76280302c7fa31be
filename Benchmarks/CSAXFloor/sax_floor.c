// The floor the parse benchmark compares against, measured as in the research
// (parsers.md §4): libxml2's SAX2 push parser, 64 KiB chunks, counting callbacks.
#include "sax_floor.h"
#include <libxml/parser.h>
#include <string.h>

typedef struct { long elements; long text; } Counts;

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes) {
    (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    ((Counts *)ctx)->elements++;
}

static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}

static void on_text(void *ctx, const xmlChar *ch, int len) {
    (void)ch;
    ((Counts *)ctx)->text += len;
}

long sax_floor_parse(const char *bytes, size_t length) {
    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = on_start;
    handler.endElementNs = on_end;
    handler.characters = on_text;
    handler.cdataBlock = on_text;
    Counts counts = {0, 0};
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&handler, &counts, NULL, 0, NULL);
    if (ctxt == NULL) return -1;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    const size_t chunk = 64 * 1024;
    size_t offset = 0;
    while (offset < length) {
        size_t n = length - offset < chunk ? length - offset : chunk;
        xmlParseChunk(ctxt, bytes + offset, (int)n, 0);
        offset += n;
    }
    xmlParseChunk(ctxt, NULL, 0, 1);
    xmlFreeParserCtxt(ctxt);
    return counts.elements;
}
