#!/bin/sh
# Installs what sitrep needs to build and test, when it is missing.
# On Debian/Ubuntu it uses apt-get (as root, or through sudo); elsewhere it names
# what is missing and stops, since package names differ between systems.
set -u
# clang and libclang-rt-dev (libFuzzer) serve make fuzz only.
PKGS="gcc make pkg-config libncurses-dev libsqlite3-dev libunistring-dev libxml2-dev libcurl4-openssl-dev tmux python3 iso-codes clang libclang-rt-dev"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $PKGS; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && exit 0
    echo "sitrep: installing missing build dependencies:$missing"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq || exit 1
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq $missing || exit 1
    exit 0
fi
for tool in cc make pkg-config tmux python3; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
for lib in ncursesw sqlite3 libxml-2.0 libcurl; do
    pkg-config --exists "$lib" 2>/dev/null || missing="$missing $lib"
done
printf '#include <unistr.h>\nint main(void){return 0;}\n' |
    cc -x c - -lunistring -o /dev/null 2>/dev/null || missing="$missing libunistring"
if [ -n "$missing" ]; then
    echo "sitrep: not a Debian system; install these yourself:$missing" >&2
    exit 1
fi
