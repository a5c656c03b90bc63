#!/usr/bin/env bash
# Thirteenth development set, shell side: dev13.sh <scenario>. A list numbered with an equals
# sign above its "Choose from" line, and a request above a rule above a bare "> " line.
# Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_equals_numbered)
        echo "Compression for the nightly archive:"
        echo "  1 = none"
        echo "  2 = gzip -6"
        echo "  3 = zstd -19"
        read -r -p "Choose from [1/2/3] (1): " reply
        case ${reply:-1} in 1) answer none ;; 2) answer gzip ;; 3) answer zstd ;; esac ;;
    read_request_over_rule)
        echo "Which branch should the hotfix start from?"
        printf '%*s\n' 48 '' | tr ' ' '='
        read -r -p "> " reply
        answer "$reply" ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
