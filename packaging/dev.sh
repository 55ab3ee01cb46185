#!/usr/bin/env bash
# Sets up a Debian 12 machine for Copydesk, builds it, and runs it or its tests.
#
#   bash packaging/dev.sh run [copydesk arguments...]   build, then open the window on the default library
#   bash packaging/dev.sh test                          build, then run the whole test suite
#   bash packaging/dev.sh build                         build only
#   bash packaging/dev.sh bench [bench arguments...]    build, then print the benchmark figures (library
#                                                       bench with the arguments, then the saved-page,
#                                                       editor and reader benches)
#
# Only what is missing is installed (apt-get, as root or through sudo). The build goes to ./build.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${COPYDESK_BUILD_DIR:-$here/build}
jobs=$(nproc 2>/dev/null || echo 2)

# Debian packages Copydesk builds, runs and is tested with (python3-jsonschema validates ninjs output; exiv2
# writes the test pictures' metadata; the hunspell dictionaries are the spell check's, by language; Xvfb and xdotool let the kill harness type into a real window).
# Keep in step with README.md.
packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
    qt6-webengine-dev libqt6webenginecore6-bin qt6-declarative-dev libqt6svg6
    libexiv2-dev exiv2 libdtl-dev
    libhunspell-dev hunspell-en-us hunspell-en-gb hunspell-ru hunspell-uk hunspell-be
    xvfb xdotool
    libgumbo-dev libuchardet-dev libsqlite3-dev
    fonts-dejavu-core
    python3-jsonschema
)

log() { printf 'copydesk: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        log "these packages are missing and installing them needs root: $*"
        exit 1
    fi
}

install_missing() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    install_missing "${packages[@]}"
    # npm fetches Mozilla Readability at build time. A machine with its own Node.js keeps it (Debian's npm
    # would conflict with it); only a machine without npm gets Debian's.
    if ! command -v npm >/dev/null 2>&1; then
        install_missing nodejs npm
    fi
    if [ ! -f "$build_dir/build.ninja" ]; then
        cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$build_dir" --parallel "$jobs"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    build)
        build
        ;;
    run)
        build
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
            # No screen (a server, a container): run in a virtual one so the window still starts.
            install_missing xvfb xauth
            log "no display found; starting Copydesk in a virtual X server (xvfb-run)"
            exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build_dir/src/app/copydesk" "$@"
        fi
        exec "$build_dir/src/app/copydesk" "$@"
        ;;
    test)
        build
        cd "$build_dir"
        status=0
        ctest --output-on-failure --parallel "$jobs" --timeout 600 || status=$?
        # The kill harness's figures (kills, words lost, integrity failures), printed pass or fail.
        log "kill harness:"
        grep -h "TestKillHarness::.* kills" Testing/Temporary/LastTest.log | sed 's/^.*QINFO  : //' || true
        exit "$status"
        ;;
    bench)
        build
        "$build_dir/tests/bench/copydesk_bench" "$@"
        # Saved-page import, on the Readability pages of the shared corpora when they are there.
        QT_LOGGING_RULES="${QT_LOGGING_RULES:-qt.webenginecontext.debug=false;js.info=false}" \
            "$build_dir/tests/bench/copydesk_web_bench"
        # The editor with a long piece (a display is used when there is one, else offscreen).
        [ -n "${DISPLAY:-}" ] || export QT_QPA_PLATFORM=offscreen
        "$build_dir/tests/bench/copydesk_editor_bench"
        # The reader on 1,000 articles and on 100,000 (generated once into build/bench-libraries and kept:
        # about 2 GB and several minutes the first time), with the window.
        mkdir -p "$build_dir/bench-libraries"
        for articles in 1000 100000; do
            "$build_dir/tests/bench/copydesk_reader_bench" --articles "$articles" --window \
                --library "$build_dir/bench-libraries/reader-$articles.sqlite"
        done
        ;;
    *)
        sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
