#!/usr/bin/env bash
# Seventeenth development set (a), shell side: dev17a.sh <scenario>. A script's own yes/no
# question asked from an interactive shell's start-up file (the reader is the script's bash,
# in its own job, not the interactive shell), and shells whose own prompt reads like a
# yes/no question. Prints ANSWER=<what happened>.
set -u
scenario=$1

rcfile() {
    rc=$(mktemp)
    # The shell removes its start-up file as it reads it: nothing is left behind.
    printf '%s\nrm -f -- %s\n' "$1" "$rc" >"$rc"
    printf '%s' "$rc"
}

case "$scenario" in
    script_under_interactive_shell)
        # The interactive shell runs a script as a job; the script asks and reads.
        rc=$(rcfile "PS1='\$ '; bash -c 'read -r -p \"Rotate the signing keys now? [y/N] \" r; printf \"\\nANSWER=%s\\n\" \"\$r\"'")
        exec bash --noprofile --rcfile "$rc" -i ;;
    login_shell_ps1_yn)
        PS1='Apply the pending changes? (y/n) ' exec -a -bash bash --noprofile --norc ;;
    dash_env_ps1_yn)
        rc=$(rcfile "PS1='Wipe the cache [Y/n]? '")
        ENV=$rc exec sh -i ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
