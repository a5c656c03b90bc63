#!/usr/bin/env bash
# Eighth development set, shell side: dev8.sh <scenario>. vim's swap-file question while vim
# is in front (another vim holds the file), answered by its label, and a vim look-alike whose
# buffer ends in a letter-key question. Prints ANSWER=<what happened>.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    vim_swap_read_only)
        printf 'milk\neggs\n' > shopping.list
        # Another editor holds the file open: vim asks its real swap-file question.
        sleep 600 | script -qfc "vim -u NONE -N shopping.list" /dev/null >/dev/null 2>&1 &
        other=$!
        for _ in $(seq 1 100); do [ -e .shopping.list.swp ] && break; sleep 0.1; done  # noqa: sleep-ok - a bounded wait for the swap file
        # Read-only opens the file, then the -c command quits: the answer landed.
        vim -u NONE -N -c 'qa!' shopping.list
        answer "$( [ -e .shopping.list.swp ] && echo opened || echo gone )"
        pkill -P "$other" 2>/dev/null; kill "$other" 2>/dev/null ;;
    vim_buffer_keys_question)
        for n in $(seq 1 40); do printf 'entry %s of the merge log\n' "$n"; done > merge.log
        printf 'Conflict in app.cfg: [o]urs, (t)heirs, (b)oth, (s)kip: ' >> merge.log
        exec vim -u NONE -N -n -c 'normal! G$' merge.log ;;
    wt_notags_timezone)
        choice=$(whiptail --notags --title "Clock" --menu "Time zone for the server:" 14 56 5 \
            utc "Coordinated Universal Time" cet "Central European Time" \
            jst "Japan Standard Time" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    dialog_notags_shell)
        choice=$(dialog --no-tags --menu "Login shell for the new account:" 13 50 4 \
            b "Bourne Again SHell" z "Z shell" f "Friendly interactive shell" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    read_request_over_glyph)
        echo "Explain why the release is rolled back:"
        read -r -p "> " reply
        answer "$reply" ;;
    npm_init_decline)
        # Every field set by the init module: npm asks only whether the result is right.
        echo "module.exports = { name: 'gizmo-api', version: '2.0.0', license: 'MIT' }" > init.js
        npm init --init-module ./init.js
        [ -e package.json ] && answer written || answer declined ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
