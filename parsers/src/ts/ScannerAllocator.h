/* Included first into each grammar's hand-written external scanner (cmake/AkslintTreeSitter.cmake).
 * The HCL scanner calls the C library's calloc, realloc and free itself, not tree-sitter's
 * allocator: it makes a string for every context each time tree-sitter restores its state,
 * some 1.4 million over the corpus, and so missed the parse arena (ts/ParseArena.h). These
 * macros send its calls where tree-sitter's own go. They are function-like, so the
 * declarations in <stdlib.h>, included here first and guarded, keep their names. */
#ifndef AKSLINT_SCANNER_ALLOCATOR_H
#define AKSLINT_SCANNER_ALLOCATOR_H

#include <stdlib.h>

extern void *(*ts_current_malloc)(size_t size);
extern void *(*ts_current_calloc)(size_t count, size_t size);
extern void *(*ts_current_realloc)(void *block, size_t size);
extern void (*ts_current_free)(void *block);

#define malloc(size) ts_current_malloc(size)
#define calloc(count, size) ts_current_calloc(count, size)
#define realloc(block, size) ts_current_realloc(block, size)
#define free(block) ts_current_free(block)

#endif
