#!/usr/bin/env bash
# Eleventh development set (b), shell side: dev11b.sh <scenario>. bash select with its own
# PS3 ending in an arrow, answered by label; a long select laid out in columns with
# two-digit numbers, answered by label and by number; a question on its own row read on a
# bare "? " line; a default shown before a bare "›" on the line under the question, kept
# and replaced. Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    select_arrow_ps3_label)
        echo "Deploy profiles found in ./profiles:"
        PS3="Which profile → "
        select p in "edge (2 nodes)" "standard" "burst-heavy" "archive-only"; do
            [ -n "$p" ] && break
        done
        answer "$p" ;;
    select_columns_eleven_label)
        echo "Mirrors sorted by latency:"
        select m in mirror-ams mirror-fra mirror-par mirror-lon mirror-dub mirror-mad \
            mirror-lis mirror-mil mirror-vie mirror-waw mirror-hel; do
            [ -n "$m" ] && break
        done
        answer "$m" ;;
    select_columns_triangle_number)
        echo "Fonts installed for the terminal:"
        PS3="font ▶ "
        select f in Iosevka "JetBrains Mono" "Fira Code" Hack "Source Code Pro" Inconsolata \
            "Cascadia Code" Menlo Monaco; do
            [ -n "$f" ] && break
        done
        answer "$f" ;;
    read_question_mark_line)
        echo "Which name should the new release branch get?"
        read -r -p "? " reply; answer "$reply" ;;
    read_default_chevron_keep)
        echo "How many worker threads should the pool start with?"
        read -r -p "[default: 8] › " reply; answer "${reply:-8}" ;;
    read_default_gap_replace)
        echo "Region for the new bucket?"
        echo
        read -r -p "(default eu-west-1) > " reply; answer "${reply:-eu-west-1}" ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
