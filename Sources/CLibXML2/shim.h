#ifndef FALX_CLIBXML2_SHIM_H
#define FALX_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU; its headers clash with Foundation's ICU types
// ("'UErrorCode' has different definitions in different modules") unless ICU is undefined.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

/// Frees memory that libxml2 allocated (xmlFree is a global function pointer Swift 6 will not call).
static inline void falx_xml_free(void *p) { xmlFree(p); }

/// An external entity loader that loads nothing: every DTD, entity or XInclude target is refused.
static inline xmlParserInputPtr falx_xml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
#endif
