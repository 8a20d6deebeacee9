#!/bin/sh
# Installs the cmark-gfm C library (with its GFM extensions) when missing:
# Debian/Ubuntu through apt-get, macOS through Homebrew. Anything else gets
# a clear message instead of a half-working build.
#
# With --test-tools it also installs what the tests drive for real:
# WeasyPrint and poppler-utils (print pages to PDF and back to text) and
# Chromium (a real browser loads the preview), msmtp and Python's aiosmtpd
# (the outbox is sent to a real SMTP server on 127.0.0.1).
set -eu

if [ "${1:-}" = "--test-tools" ]; then
    missing=""
    command -v weasyprint >/dev/null 2>&1 || missing="$missing weasyprint"
    command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="$missing chromium"
    command -v msmtp >/dev/null 2>&1 || missing="$missing msmtp"
    python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing="$missing python3-aiosmtpd"
    [ -z "$missing" ] && exit 0
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
        echo "Installing test tools:$missing ..."
        $SUDO apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
    elif command -v brew >/dev/null 2>&1; then
        brew install weasyprint poppler msmtp
        python3 -m pip install --user aiosmtpd
        brew install --cask chromium || true
    else
        echo "The tests need:$missing (Debian package names)." >&2
        exit 1
    fi
    exit 0
fi

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
