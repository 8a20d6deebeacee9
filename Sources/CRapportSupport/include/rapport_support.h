#ifndef RAPPORT_SUPPORT_H
#define RAPPORT_SUPPORT_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE, macOS
/// renamex_np RENAME_SWAP). Returns 0 on success, -1 with errno otherwise.
/// Written in C because Swift cannot call the variadic syscall() and the
/// Glibc module hides renameat2 behind _GNU_SOURCE.
int rapport_exchange_paths(const char *first, const char *second);

#include <stddef.h>

/// memmem: the first place `needle` occurs in `haystack`, or NULL. glibc
/// declares it only under _GNU_SOURCE, which the Glibc module does not set.
const void *rapport_find_bytes(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Hands memory the process has freed back to the system (glibc
/// malloc_trim); does nothing where the C library has no such call.
void rapport_release_free_memory(void);

#endif
