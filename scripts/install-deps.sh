#!/usr/bin/env bash
# Installs everything EnvDeck needs to build, run and test on Debian 12, from Debian's own packages.
# Idempotent: when every package is already installed it prints nothing and returns at once.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6.4
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-httpserver-dev qt6-websockets-dev
  libqt6opengl6-dev libgl-dev libvulkan-dev libxkbcommon-dev qt6-qpa-plugins
  # other libraries
  libyaml-cpp-dev libgit2-dev libspdlog-dev libfmt-dev qtkeychain-qt6-dev
  # runtime tools: diagram layout, headless display for screenshots, fonts
  graphviz xvfb xauth fonts-dejavu-core
  # test tools: xmllint checks the JUnit reports of `envdeck validate` against their schema;
  # lighttpd serves git-http-backend with Basic auth for the libgit2 transport tests;
  # a private D-Bus session with gnome-keyring is the real keychain of tst_keychain
  # (scripts/with-keyring.sh), secret-tool looks into it from outside; ssh-keygen writes the
  # known_hosts files of tst_knownhosts; sshd and ssh-agent serve the SSH pushes of tst_gitssh
  libxml2-utils lighttpd dbus gnome-keyring libsecret-tools openssh-client openssh-server
  # the package test (tests/installer) validates the .desktop file and the AppStream metainfo
  desktop-file-utils appstream
)

# node + npm run HashiCorp's HCL converter, the reference of the hcl2json differential tests.
# Any node >= 18 will do; Debian's own package is taken only when none is installed.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi

echo "Installing ${#missing[@]} Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
