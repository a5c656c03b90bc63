# shellcheck shell=bash
# Shared bootstrap for scripts/test and scripts/demo; source it, do not run it.
#
# Contract: after `source scripts/_venv.sh; tether_venv`, these are set:
#   TETHER_ROOT  the repository root (found from this file, so any cwd works)
#   TETHER_PY    a Python 3.11+ interpreter with requirements-dev.txt installed
#
# The venv is <repo>/.venv. It is created when missing or broken, and
# reinstalled when requirements*.txt or the base interpreter changed: a stamp
# file inside the venv holds a hash of those, so an unchanged tree costs one
# small Python call and no pip run.
#
# Environment:
#   TETHER_VENV_PYTHON  use this interpreter as-is and skip the bootstrap
#                       (tests that run scripts/demo pass their own Python)
#   TETHER_BASE_PYTHON  the Python used to create the venv (default: python3.11,
#                       then python3 if it is 3.11 or newer)

TETHER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TETHER_ROOT

_tether_log() { printf 'tether: %s\n' "$*" >&2; }

_tether_base_python() {
    local candidate
    for candidate in "${TETHER_BASE_PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        command -v "$candidate" >/dev/null 2>&1 || continue
        if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    _tether_log "no Python 3.11 or newer found: install python3.11 (or set TETHER_BASE_PYTHON to one)"
    return 1
}

# Hash of what decides the venv's contents: both requirement files and the
# base interpreter's version. Python computes it so macOS and Linux agree.
_tether_requirements_hash() {
    "$1" - "$TETHER_ROOT/requirements.txt" "$TETHER_ROOT/requirements-dev.txt" <<'PY'
import hashlib, sys
digest = hashlib.sha256(sys.version.encode())
for name in sys.argv[1:]:
    with open(name, "rb") as handle:
        digest.update(handle.read())
print(digest.hexdigest())
PY
}

tether_venv() {
    if [ -n "${TETHER_VENV_PYTHON:-}" ]; then
        TETHER_PY="$TETHER_VENV_PYTHON"
        export TETHER_PY
        return 0
    fi
    local venv="$TETHER_ROOT/.venv"
    local py="$venv/bin/python"
    local stamp="$venv/.tether-requirements.sha256"
    if ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
        local base
        base="$(_tether_base_python)" || return 1
        _tether_log "creating $venv with $base"
        rm -rf "$venv"
        if ! "$base" -m venv "$venv"; then
            _tether_log "could not create the venv; on Debian/Ubuntu install python3-venv (apt-get install python3.11-venv)"
            return 1
        fi
    fi
    local want have=""
    want="$(_tether_requirements_hash "$py")" || return 1
    [ -f "$stamp" ] && have="$(cat "$stamp")"
    if [ "$want" != "$have" ]; then
        _tether_log "installing requirements-dev.txt into $venv"
        # Drop the old stamp first, so an interrupted install is retried next run.
        rm -f "$stamp"
        "$py" -m pip install --quiet --disable-pip-version-check \
            -r "$TETHER_ROOT/requirements-dev.txt" || {
            _tether_log "pip could not install requirements-dev.txt (see above); fix that and run again"
            return 1
        }
        printf '%s\n' "$want" >"$stamp"
    fi
    TETHER_PY="$py"
    export TETHER_PY
}

# The packages run from the source tree (no install step), for every process
# the scripts start and every child those start (the mock agent included).
PYTHONPATH="$TETHER_ROOT${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
