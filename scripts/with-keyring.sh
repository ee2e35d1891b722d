#!/bin/sh
# Runs a command with a real, unlocked keychain of its own: a private D-Bus session, a throwaway
# HOME and gnome-keyring's Secret Service in it (the recipe of TESTING.md). Nothing touches the
# user's own keyring; the bus and the keyring daemon end with the command.
#   scripts/with-keyring.sh <command> [args...]
set -eu

if [ $# -eq 0 ]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "with-keyring.sh: $tool is missing, so there is no keychain to test against" \
             "(scripts/install-deps.sh installs dbus and gnome-keyring)" >&2
        exit 1
    fi
done

exec dbus-run-session -- sh -c '
    set -eu
    scratch=$(mktemp -d)
    trap "rm -rf \"\$scratch\"" EXIT
    mkdir -p "$scratch/home" "$scratch/run"
    chmod 700 "$scratch/run"
    export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
    unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    # --login creates the "login" keyring unlocked with this password; --start then adds the
    # Secret Service to the running daemon.
    printf pw | gnome-keyring-daemon --daemonize --login >/dev/null
    eval "$(gnome-keyring-daemon --start --components=secrets)"
    export GNOME_KEYRING_CONTROL ENVDECK_PRIVATE_KEYRING=1
    status=0
    "$@" || status=$?
    exit $status
' with-keyring "$@"
