#!/usr/bin/env bash
# Install the Tether relay, with its exact pinned dependencies, into a venv.
#
#   deploy/install-relay.sh VENV_DIR
#
# This is the Docker image's install step (see Dockerfile) and works the same
# on a bare host; tests/test_packaging.py runs it into a fresh venv, which is how
# the image's install is proven without a Docker engine. The venv is created
# with $PYTHON (default python3, which must be 3.11 or newer) when it does not
# exist yet. Afterwards `VENV_DIR/bin/python -m server --help` works from any
# directory: the packages are installed, not read from this checkout.
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: deploy/install-relay.sh VENV_DIR   (e.g. deploy/install-relay.sh ./relay-venv)" >&2
    exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$1"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        echo "install-relay: $python is missing or older than 3.11; set PYTHON to a Python 3.11+" >&2
        exit 1
    fi
    "$python" -m venv "$venv"
fi

"$venv/bin/python" -m pip install --disable-pip-version-check --quiet \
    -r "$root/requirements.txt"

# Build from a copy of the sources: setuptools writes build/ and *.egg-info next
# to what it builds, and the checkout must stay clean.
src="$(mktemp -d)"
trap 'rm -rf "$src"' EXIT
cp -R "$root/pyproject.toml" "$root/README.md" "$root/shared" "$root/server" "$root/supervisor" "$src/"
find "$src" -name __pycache__ -prune -exec rm -rf {} +
# --no-deps: every dependency is already installed at its pinned version above.
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet --no-deps "$src"

# Fail here, not at first start, if the install is inconsistent.
if ! report="$("$venv/bin/python" -m pip check --disable-pip-version-check)"; then
    echo "install-relay: the installed dependencies do not fit together:" >&2
    echo "$report" >&2
    exit 1
fi
# -I: isolated mode, so this imports the installed copy, never the checkout.
"$venv/bin/python" -I -c 'import server, shared, supervisor'

echo "install-relay: installed into $venv; start it with: $venv/bin/python -m server --help"
