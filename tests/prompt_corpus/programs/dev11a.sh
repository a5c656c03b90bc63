#!/usr/bin/env bash
# Eleventh development set (a), shell side: dev11a.sh <scenario>. A confirm-by-typing field in
# terraform's layout with other words, numbers as choices in brackets, a default drawn in
# colour after the question, and whiptail's passwordbox asking for a network key.
# Prints ANSWER=<what happened>.
set -u
scenario=$1

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_migrate_state_value)
        echo "Terraform detected that the backend type changed from \"local\" to \"s3\"."
        echo
        printf '\e[1mDo you want to copy existing state to the new backend?\e[0m\n'
        echo "  Pre-existing state was found while migrating the previous \"local\" backend."
        echo "  Only 'yes' will be accepted to confirm."
        echo
        read -r -p $'  \e[1mEnter a value:\e[0m ' reply
        [ "$reply" = yes ] && answer migrated || answer kept ;;
    read_hours_choices)
        echo "Snapshots are pruned after the retention window."
        read -r -p "Retention window in hours [6/12/24/48]: " reply; answer "$reply" ;;
    read_coloured_default_colon)
        read -r -p $'Release branch \e[33m(release/2.4)\e[0m: ' reply
        answer "${reply:-release/2.4}" ;;
    wt_passwordbox_psk)
        choice=$(whiptail --title "Guest network" --passwordbox "Pre-shared key for the guest SSID" 9 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#choice}" ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
