#!/usr/bin/env bash
# Twelfth development set (a), shell side: dev12a.sh <scenario>. Letter keys in prose with the
# default key after them, numbered lists set off by a spaced dash and answered by label, and a
# phrase to type exactly on a bare "?]" line. Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_log_level_letters_default)
        read -r -p "Log level for the worker? (d)ebug, (i)nfo, (w)arn, (e)rror (i): " k
        case ${k:-i} in d) answer debug ;; i) answer info ;; w) answer warn ;; e) answer error ;; esac ;;
    read_em_dash_numbered_pick)
        echo "Merge strategy for feature/search:"
        echo "  1 — merge commit"
        echo "  2 — squash and merge"
        echo "  3 — rebase and merge"
        echo "  4 — fast-forward only"
        read -r -p "Pick one [1/2/3/4] (2): " reply
        case ${reply:-2} in 1) answer merge ;; 2) answer squash ;; 3) answer rebase ;; 4) answer ff ;; esac ;;
    read_phrase_bare_marker)
        echo "This drops the ledger table and its 3 replicas."
        echo "To proceed type the words 'drop the ledger' exactly"
        read -r -p "?] " reply
        [ "$reply" = "drop the ledger" ] && answer dropped || answer kept ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
