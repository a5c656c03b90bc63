#!/usr/bin/env bash
# Fourth development set, shell side: dev4_prefill.sh <scenario>. Fields that start
# with an editable value: bash `read -e -i`, whiptail and dialog input boxes with
# an initial string. Prints ANSWER=<what the program got>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_e_i)
        read -r -e -p "Version to release: " -i "v1.4.1" v
        answer "$v" ;;
    whiptail_inputbox)
        v=$(whiptail --title "Deploy" --inputbox "Target host name?" 10 60 "staging-01" 3>&1 1>&2 2>&3)
        answer "$v" ;;
    dialog_inputbox)
        v=$(dialog --title "Deploy" --inputbox "Target host name?" 10 60 "staging-01" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "$v" ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
