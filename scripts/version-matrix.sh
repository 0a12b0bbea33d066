#!/usr/bin/env bash
# Version matrix: builds sipcodes against the Wireshark of other Debian
# releases and runs its unit and integration tests there (DESIGN 4: Debian 13
# "trixie" ships Wireshark 4.4, sid 4.6).
#
# For each suite a minimal Debian root is made with debootstrap from the
# mirror this machine's apt already uses, and cached outside the repository;
# a copy of the work tree is built inside it with chroot, warnings counted,
# and `ctest -L "unit|integration"` run there (with --gui, "|gui" too).
# Needs root (debootstrap, mount, chroot) and, the first time and on
# refresh, the Debian mirror.
#
# Usage: scripts/version-matrix.sh [--suites "trixie sid"] [--refresh] [--gui]
#   --suites LIST   Debian suites to test (default: "trixie sid")
#   --refresh       make the build roots anew even if the cached ones are fresh
#   --gui           also run the GUI tests (ctest -L gui) in that suite's real
#                   Wireshark under Xvfb: installs wireshark, xvfb, xdotool and
#                   imagemagick into the root first (about 270 packages, once)
# Environment:
#   SIPCODES_MATRIX_CACHE     where roots are kept (default /var/cache/sipcodes-matrix)
#   SIPCODES_MATRIX_MAX_AGE   days after which a root is made anew (default 7)
#   SIPCODES_MATRIX_MIRROR    Debian mirror URI (default: the one in /etc/apt/sources.list*)
#
# Exits non-zero when any suite fails: root not made (no mirror?), build
# failed or warned, or a test failed.
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
suites="trixie sid"
refresh=0
gui=0
cache="${SIPCODES_MATRIX_CACHE:-/var/cache/sipcodes-matrix}"
max_age="${SIPCODES_MATRIX_MAX_AGE:-7}"
# What a build root holds besides minbase: the build tools, Wireshark, and
# what the integration harness runs (python3, setpriv from util-linux).
# debootstrap lays down minbase only; apt inside the root installs these,
# because debootstrap's own resolver ignores virtual packages (sid's
# libfalcosecurity depends on one) and to preseed tshark's debconf question.
root_packages="tshark wireshark-dev libglib2.0-dev cmake gcc libc6-dev make pkg-config python3 util-linux"
# What the GUI tests need besides (--gui): that suite's Wireshark (Qt) and
# the tools tests/gui/gui-test.sh drives it with.
gui_packages="wireshark xvfb xdotool imagemagick"
chroot_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
stamp_name=".sipcodes-matrix-root"

usage() { sed -n '/^# Usage:/,/^# Exits/p' "$0" | sed 's/^# \{0,1\}//' | sed '$d' | sed '$d'; }
say() { printf 'matrix: %s\n' "$*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --suites) [ $# -ge 2 ] || { usage >&2; exit 2; }; suites="$2"; shift 2 ;;
    --suites=*) suites="${1#--suites=}"; shift ;;
    --refresh) refresh=1; shift ;;
    --gui) gui=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) say "unknown argument: $1"; usage >&2; exit 2 ;;
  esac
done
[ -n "${suites// /}" ] || { say "no suites given"; exit 2; }
case "$max_age" in ''|*[!0-9]*) say "SIPCODES_MATRIX_MAX_AGE must be a number of days"; exit 2 ;; esac

if [ "$(id -u)" -ne 0 ] && sudo -n true 2>/dev/null; then
  exec sudo -n --preserve-env=SIPCODES_MATRIX_CACHE,SIPCODES_MATRIX_MAX_AGE,SIPCODES_MATRIX_MIRROR "$0" "$@"
fi
if [ "$(id -u)" -ne 0 ]; then
  say "FAIL: must run as root (debootstrap, mount and chroot need it)"
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  say "installing debootstrap"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 \
         || { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
              && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; }; }; then
    say "FAIL: debootstrap is missing and could not be installed (apt-get install debootstrap)"
    exit 1
  fi
fi

# The Debian mirror: the URI that apt here uses for this machine's own release
# (a "deb" entry whose suite is the host's codename), from one-line and
# deb822 sources alike.
host_mirror() {
  local codename files
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
  files=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  awk -v want="$codename" '
    function flush(   n, i, s, u) {
      if (!found && types ~ /(^|[ \t])deb([ \t]|$)/ && uris != "") {
        n = split(suites, s, /[ \t]+/)
        for (i = 1; i <= n; i++) if (s[i] == want) { split(uris, u, /[ \t]+/); print u[1]; found = 1 }
      }
      types = ""; uris = ""; suites = ""
    }
    FNR == 1 { flush() }
    found { exit }
    FILENAME ~ /\.sources$/ {
      if ($0 ~ /^[ \t]*$/) { flush(); next }
      if ($0 ~ /^[ \t]*#/) next
      key = tolower($1); value = $0; sub(/^[^:]*:[ \t]*/, "", value)
      if (key == "types:") types = value
      else if (key == "uris:") uris = value
      else if (key == "suites:") suites = value
      next
    }
    /^[ \t]*deb[ \t]/ {
      line = $0; sub(/^[ \t]*deb[ \t]+/, "", line)
      if (line ~ /^\[/) sub(/^\[[^]]*\][ \t]*/, "", line)
      split(line, f, /[ \t]+/)
      if (f[2] == want) { print f[1]; found = 1; exit }
    }
    END { flush() }
  ' $files 2>/dev/null | head -n 1
}
mirror="${SIPCODES_MATRIX_MIRROR:-$(host_mirror)}"
if [ -z "$mirror" ]; then
  say "FAIL: found no Debian mirror in /etc/apt/sources.list*; set SIPCODES_MATRIX_MIRROR"
  exit 1
fi

mkdir -p "$cache/logs"

# Everything mounted under a root, deepest first (also what a killed run left).
mounts_under() {
  awk -v dir="$1" '$2 == dir || index($2, dir "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}
unmount_under() {
  local target
  for target in $(mounts_under "$1"); do
    umount "$target" 2>/dev/null || umount -l "$target" 2>/dev/null || true
  done
}
remove_root() {
  unmount_under "$1"
  [ -z "$(mounts_under "$1")" ] || { say "still mounted under $1; not removing it"; return 1; }
  rm -rf --one-file-system "$1"
}

active_root=""
active_scratch=""
cleanup() {
  if [ -n "$active_root" ]; then
    unmount_under "$active_root"
    [ -z "$active_scratch" ] || rm -rf --one-file-system "$active_root$active_scratch"
  fi
  active_root=""
  active_scratch=""
}
trap cleanup EXIT
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM

# Makes $cache/$suite anew when missing, stale or --refresh; the new root is
# built beside it and swapped in only once complete.
ensure_root() {
  local suite="$1" root="$cache/$1" log="$cache/logs/$1-debootstrap.log" age_days new
  if [ -f "$root/$stamp_name" ] && [ "$refresh" -eq 0 ]; then
    age_days=$(( ( $(date +%s) - $(stat -c %Y "$root/$stamp_name") ) / 86400 ))
    if [ "$age_days" -lt "$max_age" ]; then
      say "$suite: cached root $root (${age_days}d old)"
      return 0
    fi
    say "$suite: cached root is ${age_days}d old (max $max_age): making it anew"
  fi
  new="$root.new"
  [ ! -e "$new" ] || remove_root "$new"
  say "$suite: debootstrap from $mirror into $new (log: $log)"
  local start=$SECONDS
  active_root="$new"
  if ! DEBIAN_FRONTEND=noninteractive debootstrap --variant=minbase \
         "$suite" "$new" "$mirror" >"$log" 2>&1; then
    [ ! -f "$new/debootstrap/debootstrap.log" ] || cat "$new/debootstrap/debootstrap.log" >>"$log"
    if grep -qiE "Failed getting release file|Couldn't download|could not resolve|unable to resolve|connection refused|connection timed out|network is unreachable|temporary failure|failed to fetch|Unable to fetch" "$log"; then
      say "FAIL: $suite: cannot reach the Debian mirror $mirror (no network?); last lines of $log:"
    else
      say "FAIL: $suite: debootstrap failed; last lines of $log:"
    fi
    tail -n 15 "$log" >&2
    remove_root "$new" || true
    active_root=""
    return 1
  fi
  say "$suite: base made in $((SECONDS - start))s; installing $root_packages"
  mount -t proc proc "$new/proc"
  # The tshark question (DESIGN 4): non-root users may not capture.
  local installed=0
  if echo "wireshark-common wireshark-common/install-setuid boolean false" \
       | chroot "$new" /usr/bin/env -i PATH="$chroot_path" debconf-set-selections >>"$log" 2>&1; then
    # The package lists debootstrap fetched are enough; update only if not.
    if chroot "$new" /usr/bin/env -i PATH="$chroot_path" DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -q --no-install-recommends $root_packages >>"$log" 2>&1 \
       || { chroot "$new" /usr/bin/env -i PATH="$chroot_path" DEBIAN_FRONTEND=noninteractive \
              apt-get update -q >>"$log" 2>&1 \
            && chroot "$new" /usr/bin/env -i PATH="$chroot_path" DEBIAN_FRONTEND=noninteractive \
              apt-get install -y -q --no-install-recommends $root_packages >>"$log" 2>&1; }; then
      installed=1
    fi
  fi
  if [ "$installed" -ne 1 ]; then
    if grep -qiE "could not resolve|unable to resolve|connection refused|connection timed out|network is unreachable|temporary failure|failed to fetch|Unable to fetch" "$log"; then
      say "FAIL: $suite: cannot reach the Debian mirror $mirror (no network?); last lines of $log:"
    else
      say "FAIL: $suite: installing the build packages failed; last lines of $log:"
    fi
    tail -n 15 "$log" >&2
    remove_root "$new" || true
    active_root=""
    return 1
  fi
  chroot "$new" /usr/bin/env -i PATH="$chroot_path" apt-get clean >>"$log" 2>&1 || true
  unmount_under "$new"
  date -u +%FT%TZ >"$new/$stamp_name"
  active_root=""
  if [ -e "$root" ]; then remove_root "$root"; fi
  mv "$new" "$root"
  say "$suite: root made in $((SECONDS - start))s"
}

# Copies the work tree (tracked and untracked, not ignored: so also captures
# still being recorded) to $2.
copy_tree() {
  local dest="$1"
  mkdir -p "$dest"
  if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$repo" ls-files -z --cached --others --exclude-standard \
      | while IFS= read -r -d '' file; do
          if [ -e "$repo/$file" ] || [ -L "$repo/$file" ]; then printf '%s\0' "$file"; fi
        done \
      | tar -C "$repo" --null -T - -cf - | tar -C "$dest" -xf -
  else
    tar -C "$repo" --exclude=./.git --exclude='./build' --exclude='./build-*' -cf - . | tar -C "$dest" -xf -
  fi
}

in_root() {
  chroot "$active_root" /usr/bin/env -i HOME=/root PATH="$chroot_path" LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

declare -A result_ws result_build result_tests
overall=0

run_suite() {
  local suite="$1" root="$cache/$1" logs="$cache/logs" jobs scratch
  result_ws[$suite]="-"; result_build[$suite]="not run"; result_tests[$suite]="not run"
  if ! ensure_root "$suite"; then
    result_build[$suite]="FAIL: no build root (debootstrap failed; mirror $mirror unreachable?)"
    return 1
  fi
  active_root="$root"
  unmount_under "$root"
  mount -t proc proc "$root/proc"
  if [ ! -c "$root/dev/null" ]; then
    mount --bind /dev "$root/dev"
  fi
  scratch="/var/tmp/sipcodes-matrix.$$"
  active_scratch="$scratch"
  rm -rf --one-file-system "$root$scratch"
  copy_tree "$root$scratch/src"

  local labels="unit|integration"
  if [ "$gui" -eq 1 ]; then
    labels="unit|integration|gui"
    if ! in_root dpkg-query -W $gui_packages >/dev/null 2>&1; then
      say "$suite: installing the GUI test packages ($gui_packages)"
      # shellcheck disable=SC2086
      if ! in_root apt-get install -y -q --no-install-recommends $gui_packages \
             >"$logs/$suite-gui-install.log" 2>&1; then
        result_build[$suite]="FAIL: could not install $gui_packages (log $logs/$suite-gui-install.log)"
        cleanup
        return 1
      fi
    fi
  fi

  local ws_version gcc_version
  ws_version="$(in_root dpkg-query -W -f='${Version}' tshark 2>/dev/null || echo unknown)"
  gcc_version="$(in_root gcc -dumpfullversion 2>/dev/null || echo unknown)"
  result_ws[$suite]="$ws_version (gcc $gcc_version)"
  say "$suite: Wireshark $ws_version, gcc $gcc_version"

  jobs="$(nproc)"
  local build_log="$logs/$suite-build.log" test_log="$logs/$suite-ctest.log" warnings
  if ! in_root cmake -S "$scratch/src" -B "$scratch/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIPCODES_MATRIX_TESTS=OFF \
         >"$build_log" 2>&1 \
     || ! in_root cmake --build "$scratch/build" --parallel "$jobs" -- -k >>"$build_log" 2>&1; then
    warnings=$(grep -c 'warning:' "$build_log" || true)
    result_build[$suite]="FAIL ($warnings warnings; log $build_log)"
    say "$suite: build FAILED; errors from $build_log:"
    grep -E 'error|warning:' "$build_log" | head -n 40 >&2 || tail -n 40 "$build_log" >&2
    cleanup
    return 1
  fi
  warnings=$(grep -c 'warning:' "$build_log" || true)
  local status=0
  if [ "$warnings" -gt 0 ]; then
    result_build[$suite]="FAIL: built with $warnings warnings (log $build_log)"
    say "$suite: build has $warnings warnings:"
    grep 'warning:' "$build_log" | head -n 40 >&2
    status=1
  else
    result_build[$suite]="ok, no warnings"
  fi

  if in_root ctest --test-dir "$scratch/build" -L "$labels" --no-tests=error --output-on-failure \
       --parallel "$jobs" >"$test_log" 2>&1; then
    :
  else
    status=1
    say "$suite: ctest failures (full log $test_log):"
    sed -n '/The following tests FAILED/,$p' "$test_log" >&2
  fi
  result_tests[$suite]="$(grep -E 'tests passed, [0-9]+ tests? failed out of|No tests were found' "$test_log" | tail -n 1)"
  [ -n "${result_tests[$suite]}" ] || { result_tests[$suite]="ctest did not finish (log $test_log)"; status=1; }
  cleanup
  return $status
}

for suite in $suites; do
  start=$SECONDS
  # One run per suite root at a time (parallel ctest, two checkouts).
  exec {lock}>"$cache/$suite.lock"
  flock "$lock"
  if run_suite "$suite"; then verdict="PASS"; else verdict="FAIL"; overall=1; fi
  cleanup
  exec {lock}>&-
  printf '%s\n' "== $suite: $verdict ($((SECONDS - start))s)" \
    "   wireshark: ${result_ws[$suite]}" \
    "   build:     ${result_build[$suite]}" \
    "   ctest:     ${result_tests[$suite]}"
done
exit $overall
