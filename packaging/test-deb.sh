#!/usr/bin/env bash
# ctest packaging/deb: builds the Debian package in a temporary build folder
# (packaging/build-deb.sh) and checks, with dpkg-deb only (nothing is
# installed): the file name sipcodes_<version>_<arch>.deb, the control
# fields, the Depends on exactly this machine's libwireshark package within
# the Wireshark major.minor ABI, and that the plugin, the command and the man
# page sit in the global folders and nothing in a personal one.
# Usage: packaging/test-deb.sh ABI        (e.g. 4.0)
# SPDX-License-Identifier: GPL-2.0-or-later
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
abi=${1:?usage: test-deb.sh WIRESHARK-MAJOR.MINOR}

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg dpkg-deb dpkg-query dpkg-shlibdeps cmake cpack; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (Debian packages dpkg, dpkg-dev, cmake)"
done

work=$(mktemp -d /tmp/sipcodes-debtest.XXXXXX)
trap 'rm -rf "$work"' EXIT

deb=$("$top/packaging/build-deb.sh" "$work/build" 2> "$work/build.log") \
  || fail "packaging/build-deb.sh failed: $(tail -n 30 "$work/build.log")"
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$work/build/CMakeCache.txt")
[ "$(basename "$deb")" = "sipcodes_${version}_${arch}.deb" ] \
  || fail "package file is $(basename "$deb"), expected sipcodes_${version}_${arch}.deb"

field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = sipcodes ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"

# The package that owns the libwireshark this machine builds against.
library=$(readlink -f "/usr/lib/$multiarch/libwireshark.so")
owner=$(dpkg-query -S "$library" | sed -n '1s/^\([^:,]*\).*/\1/p')
[ -n "$owner" ] || fail "no package owns $library"
major=${abi%%.*} minor=${abi#*.}
depends=$(field Depends)
for clause in "$owner (>= $major.$minor)" "$owner (<< $major.$((minor + 1)))"; do
  case ", $depends," in
    *", $clause,"*) ;;
    *) fail "Depends lacks \"$clause\": $depends" ;;
  esac
done

# File names, one a line (the profile's folder name has spaces in it).
contents=$(dpkg-deb --fsys-tarfile "$deb" | tar -t | sed 's|/$||')
profile="./usr/share/wireshark/profiles/SIP Response Insight"
for path in "./usr/lib/$multiarch/wireshark/plugins/$abi/epan/sipcodes.so" \
            ./usr/bin/sipcodes ./usr/share/man/man1/sipcodes.1 \
            ./usr/share/doc/sipcodes/copyright ./usr/share/doc/sipcodes/user-guide.md \
            "$profile/preferences" "$profile/colorfilters" "$profile/dfilter_buttons" "$profile/io_graphs"; do
  grep -qxF -- "$path" <<< "$contents" || fail "$path is not in the package:"$'\n'"$contents"
done
if grep -Ev '^\./usr/(bin|lib|share)(/|$)' <<< "$contents" | grep -v '^\.\(/usr\)\{0,1\}$' | grep -q .; then
  fail "files outside /usr/bin, /usr/lib, /usr/share:"$'\n'"$contents"
fi

# The plugin in the package is a loadable Wireshark plugin of this ABI.
dpkg-deb -x "$deb" "$work/root"
so="$work/root/usr/lib/$multiarch/wireshark/plugins/$abi/epan/sipcodes.so"
nm -D --defined-only "$so" | grep -q ' plugin_register$' || fail "sipcodes.so exports no plugin_register"
nm -D --defined-only "$so" | grep -q ' plugin_want_major$' || fail "sipcodes.so exports no plugin_want_major"
"$work/root/usr/bin/sipcodes" --version > /dev/null || fail "the packaged sipcodes --version failed"
# The packaged profile is the repository's, byte for byte.
for file in preferences colorfilters dfilter_buttons io_graphs; do
  cmp -s "$top/profile/$file" "$work/root/${profile#./}/$file" \
    || fail "the packaged profile's $file differs from profile/$file"
done

# Install and uninstall the same build into a scratch root: uninstall leaves
# no file behind, and takes the profile folder with it even after Wireshark
# wrote its "recent" file there; a file of the user's own keeps the folder.
stage=$work/stage
installed_profile="$stage/usr/share/wireshark/profiles/SIP Response Insight"
DESTDIR=$stage cmake --install "$work/build" > "$work/install.log" 2>&1 \
  || fail "cmake --install failed: $(tail -n 20 "$work/install.log")"
[ -f "$installed_profile/colorfilters" ] || fail "cmake --install put no profile in $installed_profile"
echo "gui.geometry_main_width: 1280" > "$installed_profile/recent"
DESTDIR=$stage cmake --build "$work/build" --target uninstall > "$work/uninstall.log" 2>&1 \
  || fail "uninstall failed: $(tail -n 20 "$work/uninstall.log")"
left=$(find "$stage" -type f)
[ -z "$left" ] || fail "uninstall left files behind: $left"
[ ! -e "$installed_profile" ] || fail "uninstall left the profile folder $installed_profile"
DESTDIR=$stage cmake --install "$work/build" > "$work/install.log" 2>&1 || fail "second cmake --install failed"
echo "my own rules" > "$installed_profile/my-notes"
DESTDIR=$stage cmake --build "$work/build" --target uninstall > "$work/uninstall.log" 2>&1 \
  || fail "second uninstall failed: $(tail -n 20 "$work/uninstall.log")"
[ "$(find "$stage" -type f)" = "$installed_profile/my-notes" ] \
  || fail "uninstall must remove its own files and keep the user's: $(find "$stage" -type f)"
grep -q "Keeping .*SIP Response Insight: it holds files sipcodes did not install" "$work/uninstall.log" \
  || fail "uninstall did not say why it kept the profile folder: $(cat "$work/uninstall.log")"

echo "ok - $(basename "$deb"): Depends $depends"
