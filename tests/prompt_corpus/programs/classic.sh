#!/usr/bin/env bash
# Classic line prompts drawn the way real CLIs draw them (bash `read`, `select`,
# whiptail, dialog): classic.sh <scenario> [arg...]. Prints ANSWER=<what was chosen>.
set -u
scenario=$1
shift

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    read_yn)  # read -p "<question> " ; arguments: question
        read -r -p "$1 " reply
        answer "$reply" ;;
    read_wrapped)  # a long question the terminal wraps over two rows
        printf '%s\n' "${2:-}"
        read -r -p "$1 " reply
        answer "$reply" ;;
    read_secret)
        read -r -s -p "$1" reply
        echo
        answer "len${#reply}" ;;
    read_key)  # press any key
        read -r -s -n 1 -p "$1" reply
        answer "key" ;;
    select_menu)  # bash's own select loop; PS3 is the selection line
        question=$1; PS3=$2; shift 2
        echo "$question"
        select opt in "$@"; do
            [ -n "$opt" ] && break
        done
        answer "$opt" ;;
    numbered_read)  # a hand-drawn numbered list with a selection line
        question=$1; line=$2; shift 2
        echo "$question"
        n=1
        for opt in "$@"; do echo "  $n) $opt"; n=$((n + 1)); done
        read -r -p "$line" reply
        reply=${reply:-1}
        args=("$@")
        answer "${args[$((reply - 1))]}" ;;
    type_name)  # confirm by typing a name; $2 may hold \n escapes (argv has no newlines)
        printf '%b\n' "$2"
        read -r -p "$1 " reply
        answer "$reply" ;;
    prefilled)  # readline with a prefilled default the user can edit
        read -r -e -i "$2" -p "$1 " reply
        answer "$reply" ;;
    whiptail_yesno)
        whiptail --title "$2" --yesno "$1" 10 60
        answer "rc$?" ;;
    whiptail_msgbox)
        whiptail --title "$2" --msgbox "$1" 10 60
        answer "rc$?" ;;
    whiptail_menu)
        question=$1; shift
        items=()
        n=1
        for opt in "$@"; do items+=("$n" "$opt"); n=$((n + 1)); done
        choice=$(whiptail --title "Setup" --menu "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        rc=$?
        answer "rc$rc:$choice" ;;
    whiptail_radio)
        question=$1; shift
        items=()
        first=ON
        for opt in "$@"; do items+=("$opt" "" "$first"); first=OFF; done
        choice=$(whiptail --title "Setup" --radiolist "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    whiptail_check)
        question=$1; shift
        items=()
        for opt in "$@"; do items+=("$opt" "" OFF); done
        choice=$(whiptail --title "Setup" --separate-output --checklist "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    whiptail_input)
        choice=$(whiptail --title "Setup" --inputbox "$1" 10 60 "${2:-}" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    whiptail_password)
        choice=$(whiptail --title "Setup" --passwordbox "$1" 10 60 3>&1 1>&2 2>&3)
        answer "rc$?:len${#choice}" ;;
    dialog_yesno)
        dialog --title "$2" --yesno "$1" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    dialog_msgbox)
        dialog --title "$2" --msgbox "$1" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    dialog_menu)
        question=$1; shift
        items=()
        n=1
        for opt in "$@"; do items+=("$n" "$opt"); n=$((n + 1)); done
        choice=$(dialog --title "Setup" --menu "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dialog_radio)
        question=$1; shift
        items=()
        first=on
        for opt in "$@"; do items+=("$opt" "" "$first"); first=off; done
        choice=$(dialog --title "Setup" --radiolist "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dialog_check)
        question=$1; shift
        items=()
        for opt in "$@"; do items+=("$opt" "" off); done
        choice=$(dialog --title "Setup" --separate-output --checklist "$question" 16 60 6 "${items[@]}" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$(echo "$choice" | paste -sd, -)" ;;
    dialog_input)
        choice=$(dialog --title "Setup" --inputbox "$1" 10 60 "${2:-}" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    *)
        echo "classic.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
