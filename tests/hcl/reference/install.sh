#!/bin/sh
# Installs the pinned reference converter (@cdktf/hcl2json, see package.json) into
# DEST/node_modules (default DEST: ./hcl2json-reference). Idempotent: prints nothing when the
# pinned version is already installed; needs npm and the registry otherwise. Usage: install.sh DEST
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$PWD/hcl2json-reference}
want=$(sed -n 's/.*"@cdktf\/hcl2json": *"\([^"]*\)".*/\1/p' "$here/package.json")
have_pkg="$dest/node_modules/@cdktf/hcl2json/package.json"
if [ -f "$have_pkg" ] && grep -q "\"version\": *\"$want\"" "$have_pkg"; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "install.sh: npm not found (node 20 + npm are needed)" >&2; exit 1; }
mkdir -p "$dest"
cp "$here/package.json" "$dest/package.json"
(cd "$dest" && npm install --no-audit --no-fund --no-package-lock --loglevel=error >/dev/null)
rm -f "$dest/package-lock.json"
[ -f "$have_pkg" ] || { echo "install.sh: @cdktf/hcl2json $want did not install into $dest" >&2; exit 1; }
