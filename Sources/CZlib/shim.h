#ifndef FALX_CZLIB_SHIM_H
#define FALX_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot call: gzip framing (windowBits 15 + 16).
static inline int falx_inflate_init_gzip(z_stream *s) { return inflateInit2(s, 15 + 16); }
#endif
