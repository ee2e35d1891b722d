#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The packages as a user gets them: cpack builds the .deb and the .tar.gz from the build folder's
# CPackConfig.cmake into a scratch folder, the .deb is unpacked with dpkg -x into a scratch root,
# and the unpacked files are checked there: desktop file and AppStream metainfo validate, the
# binary runs (--version, demo-repo), the icons are real PNGs of the size their folder names, and
# the control file declares the runtime dependencies.
#
# Usage: test_packages.sh <build-dir> <expected-version>
set -euo pipefail

build_dir="$1"
version="$2"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

[[ -x "$build_dir/app/envdeck" ]] || fail "$build_dir/app/envdeck is not built (build the whole project first)"
[[ -f "$build_dir/CPackConfig.cmake" ]] || fail "$build_dir/CPackConfig.cmake is missing (configure first)"
for tool in cpack dpkg-deb dpkg desktop-file-validate appstreamcli tar git; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/install-deps.sh installs it)"
done

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

step "cpack -G DEB and -G TGZ into $scratch/out"
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$scratch/out" >"$scratch/cpack-deb.log" 2>&1 \
  || { cat "$scratch/cpack-deb.log" >&2; fail "cpack -G DEB failed"; }
cpack --config "$build_dir/CPackConfig.cmake" -G TGZ -B "$scratch/out" >"$scratch/cpack-tgz.log" 2>&1 \
  || { cat "$scratch/cpack-tgz.log" >&2; fail "cpack -G TGZ failed"; }
deb="$scratch/out/envdeck_${version}_$(dpkg --print-architecture).deb"
tgz="$(find "$scratch/out" -maxdepth 1 -name "envdeck-${version}-*.tar.gz" -print -quit)"
[[ -f "$deb" ]] || fail "no $deb after cpack -G DEB: $(ls "$scratch/out")"
[[ -n "$tgz" && -f "$tgz" ]] || fail "no envdeck-${version}-*.tar.gz after cpack -G TGZ: $(ls "$scratch/out")"

step "dpkg-deb -I: package, version and dependencies"
info="$(dpkg-deb -I "$deb")"
echo "$info"
depends="$(dpkg-deb -f "$deb" Depends)"
[[ "$(dpkg-deb -f "$deb" Package)" == envdeck ]] || fail "the package is not named envdeck"
[[ "$(dpkg-deb -f "$deb" Version)" == "$version" ]] || fail "the package version is not $version"
grep -q 'libgit2-1\.5' <<<"$depends" || fail "Depends lacks libgit2: $depends"
grep -q 'libqt6widgets6' <<<"$depends" || fail "Depends lacks the Qt 6 libraries: $depends"
grep -q 'qt6-qpa-plugins' <<<"$depends" || fail "Depends lacks qt6-qpa-plugins: $depends"
# Every named dependency is a package Debian knows, so apt can install the .deb. One apt-cache
# call for all of them: it lists each known package as "name:" and leaves unknown ones out.
if command -v apt-cache >/dev/null; then
  mapfile -t names < <(tr ',' '\n' <<<"$depends" | sed -E 's/\(.*\)//; s/[[:space:]]//g')
  known="$(apt-cache policy "${names[@]}" 2>/dev/null | grep -E '^[^[:space:]]+:$' || true)"
  for name in "${names[@]}"; do
    grep -qxF "$name:" <<<"$known" || fail "Depends names $name, which is no Debian package"
  done
fi

step "dpkg -x into a scratch root"
root="$scratch/root"
dpkg -x "$deb" "$root"
share="$root/usr/share"
desktop="$share/applications/io.example.EnvDeck.desktop"
metainfo="$share/metainfo/io.example.EnvDeck.metainfo.xml"
[[ -x "$root/usr/bin/envdeck" ]] || fail "usr/bin/envdeck is not in the package"
[[ -f "$desktop" ]] || fail "the .desktop file is not in the package"
[[ -f "$metainfo" ]] || fail "the metainfo file is not in the package"

step "desktop-file-validate and appstreamcli validate on the installed files"
out="$(desktop-file-validate "$desktop" 2>&1)" || fail "desktop-file-validate: $out"
# desktop-file-validate returns 0 on warnings too; any message is a problem here.
[[ -z "$out" ]] || fail "desktop-file-validate: $out"
out="$(appstreamcli validate --no-net "$metainfo" 2>&1)" || fail "appstreamcli validate: $out"
echo "$out"
grep -Eq '^[EW]:' <<<"$out" && fail "appstreamcli validate reported errors or warnings: $out"

step "every screenshot the metainfo names is in docs/screenshots"
mapfile -t shots < <(grep -o 'screenshots/[^<]*\.png' "$metainfo" | sed 's|.*/||')
((${#shots[@]} > 0)) || fail "the metainfo names no screenshots"
for shot in "${shots[@]}"; do
  [[ -f "$source_dir/docs/screenshots/$shot" ]] || fail "the metainfo names $shot, which is not in docs/screenshots"
done

icon_name="$(sed -n 's/^Icon=//p' "$desktop")"
[[ "$icon_name" == io.example.EnvDeck ]] || fail "the desktop file names icon '$icon_name'"

step "PNG icons in every size, and the scalable SVG"
png_width() { od -An -tu1 -j16 -N4 "$1" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}'; }
for size in 16 32 48 64 128 256; do
  png="$share/icons/hicolor/${size}x${size}/apps/$icon_name.png"
  [[ -f "$png" ]] || fail "${size}x${size} icon is not in the package"
  [[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] || fail "$png is not a PNG"
  [[ "$(png_width "$png")" == "$size" ]] || fail "$png is $(png_width "$png") pixels wide, not $size"
done
[[ -f "$share/icons/hicolor/scalable/apps/$icon_name.svg" ]] || fail "the scalable icon is not in the package"

step "the unpacked envdeck runs"
home="$scratch/home"
mkdir -p "$home"
run_envdeck() {
  env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" "$root/usr/bin/envdeck" "$@"
}
out="$(run_envdeck --version)" || fail "envdeck --version failed: $out"
echo "$out"
[[ "$(head -n 1 <<<"$out")" == "EnvDeck $version" ]] || fail "envdeck --version printed '$out'"
out="$(run_envdeck demo-repo "$scratch/demo" 2>&1)" || fail "envdeck demo-repo failed: $out"
[[ -d "$scratch/demo/environments" ]] || fail "demo-repo made no environments/ folder"
[[ -n "$(ls -A "$scratch/demo/environments")" ]] || fail "demo-repo made an empty environments/ folder"
git -C "$scratch/demo" rev-parse --verify -q HEAD >/dev/null || fail "demo-repo made no git repository with a commit"

step "the .tar.gz holds the same files"
listing="$(tar -tzf "$tgz")"
for path in bin/envdeck share/applications/io.example.EnvDeck.desktop \
  share/metainfo/io.example.EnvDeck.metainfo.xml share/icons/hicolor/256x256/apps/io.example.EnvDeck.png; do
  grep -q "/$path\$" <<<"$listing" || fail "$path is not in $(basename "$tgz")"
done

echo "PASS: packages of EnvDeck $version"
