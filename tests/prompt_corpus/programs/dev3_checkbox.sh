#!/usr/bin/env bash
# Third development set, shell side: whiptail and dialog --checklist boxes with two of
# four items ON by default. dev3_checkbox.sh <scenario>; prints ANSWER=rc<status>:<items>.
answer() { printf '\nANSWER=%s\n' "$1"; }
case "$1" in
    whiptail_prechecked)
        choice=$(whiptail --title "Components" --separate-output --checklist \
            "Select the components to install:" 16 60 4 \
            docs "Manual pages" ON headers "C headers" OFF \
            examples "Example configs" ON tools "Extra tools" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    dialog_prechecked)
        choice=$(dialog --separate-output --checklist \
            "Select the components to install:" 16 60 4 \
            docs "Manual pages" on headers "C headers" off \
            examples "Example configs" on tools "Extra tools" off 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
esac
