#!/bin/sh
# Installs the cmark-gfm C library (with its GFM extensions) when missing:
# Debian/Ubuntu through apt-get, macOS through Homebrew. Anything else gets
# a clear message instead of a half-working build.
set -eu

has_cmark() {
    command -v pkg-config >/dev/null 2>&1 &&
        pkg-config --exists libcmark-gfm 2>/dev/null &&
        [ -e "$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]
}

if has_cmark; then
    exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    echo "Installing libcmark-gfm-dev and libcmark-gfm-extensions-dev with apt-get..."
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
    echo "Installing cmark-gfm with Homebrew..."
    brew install cmark-gfm pkg-config
else
    echo "rapport needs the cmark-gfm C library: install libcmark-gfm-dev and" >&2
    echo "libcmark-gfm-extensions-dev (Debian/Ubuntu) or cmark-gfm (Homebrew)." >&2
    exit 1
fi

if ! has_cmark; then
    echo "libcmark-gfm was installed but pkg-config cannot find it." >&2
    exit 1
fi
