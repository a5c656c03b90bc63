#!/usr/bin/env bash
# Ninth development set, shell side: dev9.sh <scenario>. A read whose key sits in brackets
# after "Hit", a select with its own "#>" prompt and an Exit item answered by number,
# numbered items in columns ("[1] vim    [2] nano") answered by label, and GNU tar -w
# asking to add a file. Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_hit_return_brackets)
        echo "The card reader will now be wiped."
        read -r -p "Hit [Return] to wipe, Ctrl-C to keep it..." _; answer wiped ;;
    select_exit_prompt)
        PS3="#> "
        echo "Snapshots of vol-7:"
        select s in "snap-a (Monday)" "snap-b (Tuesday)" "Exit"; do
            [ -n "$s" ] && break
        done
        answer "$s" ;;
    read_columns_by_label)
        echo "Editor for commit messages?"
        echo "[1] vim    [2] nano    [3] emacs"
        read -r -p "Select [1-3]: " n; answer "$n" ;;
    tar_add_confirm)
        tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT; cd "$tmp" || exit 1
        echo "todo" > notes.md
        tar -cwf notes.tar notes.md
        tar -tf notes.tar 2>/dev/null | grep -q notes.md && answer added || answer skipped ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
