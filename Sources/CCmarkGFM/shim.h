#ifndef RAPPORT_CCMARKGFM_SHIM_H
#define RAPPORT_CCMARKGFM_SHIM_H

// Homebrew installs under /opt/homebrew or /usr/local; Debian under /usr.
// pkg-config supplies the include path, so plain includes work for both.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#endif
