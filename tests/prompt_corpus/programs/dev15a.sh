#!/usr/bin/env bash
# Fifteenth development set (a), shell side: dev15a.sh <scenario>. Line prompts read by
# bash's read: a question above a context row above a labelled or bare input line, a
# question ending in its bracketed default, a prefilled value after a triangle; and a
# program that prints the same shape but sleeps instead of reading.
# Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_label_chevron_under_status)
        echo -e "\e[1;35mWhich mirror should the nightly sync pull from?\e[0m"
        echo -e "\e[7m mirrors · 4 online · last sync 02:14 \e[0m"
        read -r -p "mirror › " reply; answer "$reply" ;;
    read_bare_marker_under_context)
        echo -e "\e[1mGive the maintenance window a short title.\e[0m"
        echo -e "\e[2m  cluster ams-3 · 11 nodes · window opens 22:00 UTC\e[0m"
        read -r -p "» " reply; answer "$reply" ;;
    read_default_brackets_word)
        read -r -p "Which branch should CI build first? [develop] " reply
        answer "${reply:-develop}" ;;
    read_default_parens_number)
        read -r -p "How many retries before paging on-call? (3) " reply
        answer "${reply:-3}" ;;
    read_prefill_triangle)
        read -r -e -i "nightly" -p "Release channel ▸ " reply; answer "$reply" ;;
    look_sleep_under_label_arrow)
        echo -e "\e[1mWhich mirror should the nightly sync pull from?\e[0m"
        echo -e "\e[7m mirrors · 4 online · last sync 02:14 \e[0m"
        printf 'mirror → '
        sleep 30  # noqa: sleep-ok
        answer none ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
