#!/usr/bin/env bash
# Second development set, shell side: dev2.sh <scenario>. whiptail and dialog boxes
# with focus on No, custom button labels and described menu items; bash `read`
# prompts with multi-letter keys, the literal word "yes", and paths in parentheses.
# Prints ANSWER=<what the program got>.
set -u
scenario=$1
shift

answer() { printf '\nANSWER=%s\n' "$1"; }

case "$scenario" in
    whiptail_defaultno)
        whiptail --title "Reset" --defaultno --yesno "Erase all local changes in the work tree?" 10 60
        answer "rc$?" ;;
    dialog_defaultno)
        dialog --title "Firewall" --defaultno --yesno "Open port 22 to the whole internet?" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    whiptail_buttons)
        whiptail --title "Installer" --yes-button "Continue" --no-button "Back" \
            --yesno "The installer will now partition the disk /dev/sdb." 10 60
        answer "rc$?" ;;
    dialog_labels)
        dialog --title "Upgrade" --yes-label "Proceed" --no-label "Abort" \
            --yesno "Upgrade 14 packages now?" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    whiptail_defaultno_labels)
        whiptail --title "Telemetry" --defaultno --yes-button "Share" --no-button "Keep private" \
            --yesno "Send anonymous usage statistics to the developers?" 10 64
        answer "rc$?" ;;
    whiptail_menu_desc)
        choice=$(whiptail --title "Database" --menu "Choose the database engine:" 16 70 4 \
            postgres "PostgreSQL 16, recommended" \
            mysql "MySQL 8.0, for legacy apps" \
            sqlite "SQLite, single file, no server" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    dialog_menu_desc)
        choice=$(dialog --title "Region" --menu "Where should the cluster run?" 16 70 4 \
            eu-west "Ireland (lowest latency for you)" \
            us-east "Virginia" \
            ap-south "Mumbai" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dialog_radio_desc)
        choice=$(dialog --title "Shell" --radiolist "Default shell for new users:" 16 70 4 \
            bash "GNU Bourne-Again SHell" on \
            zsh "Z shell with completion" off \
            fish "Friendly interactive shell" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    whiptail_check_desc)
        choice=$(whiptail --title "Components" --separate-output --checklist \
            "Select the components to install:" 16 70 4 \
            docs "Manual pages and HTML docs" OFF \
            headers "C headers for building modules" OFF \
            examples "Example configurations" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    read_yanq)
        read -r -p "Overwrite build/out.txt? [y/n/a/q] " reply
        answer "$reply" ;;
    read_conffile)
        cat <<'EOF'

Configuration file '/etc/ssh/sshd_config'
 ==> Modified (by you or by a script) since installation.
 ==> Package distributor has shipped an updated version.
   What would you like to do about it ?  Your options are:
    Y or I  : install the package maintainer's version
    N or O  : keep your currently-installed version
      D     : show the differences between the versions
      Z     : start a shell to examine the situation
 The default action is to keep your current version.
EOF
        read -r -p "*** sshd_config (Y/I/N/O/D/Z) [default=N] ? " reply
        answer "${reply:-N}" ;;
    read_literal_yes)
        echo "This permanently deletes the cluster prod-eu and its 6 volumes."
        read -r -p "Type 'yes' to continue: " reply
        answer "$reply" ;;
    read_literal_yes_no)
        read -r -p "Do you really want to wipe /dev/sdb? Type yes or no: " reply
        answer "$reply" ;;
    read_path_yn)
        read -r -p "Overwrite (/etc/foo.conf)? [y/N] " reply
        answer "$reply" ;;
    read_path_q)
        read -r -p "Install into (/opt/tools/bin)? " reply
        answer "$reply" ;;
    dialog_extra_button)
        dialog --title "Sync" --extra-button --extra-label "Skip" \
            --yesno "Push 3 local commits to origin/main?" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    whiptail_ok_label)
        whiptail --title "Notice" --ok-button "Got it" \
            --msgbox "The license changed to Apache-2.0 in this release." 10 60
        answer "rc$?" ;;
    dialog_defaultno_labels)
        dialog --title "Cleanup" --defaultno --yes-label "Delete" --no-label "Keep" \
            --yesno "Delete 2.3 GB of cached layers?" 10 60
        rc=$?; clear; answer "rc$rc" ;;
    whiptail_defaultno_no)
        whiptail --title "Kernel" --defaultno --yesno "Reboot into the new kernel now?" 10 60
        answer "rc$?" ;;
    whiptail_radio_desc)
        choice=$(whiptail --title "Editor" --radiolist "Default editor:" 16 70 4 \
            vim "Vi IMproved" ON \
            nano "Small and friendly" OFF \
            emacs "GNU Emacs" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    read_bracket_words)
        read -r -p "Merge conflict in go.sum. [s]kip [o]verwrite [a]bort: " reply
        answer "$reply" ;;
    read_backup_path_yn)
        read -r -p "Write backup to (~/backups/db-2026-12-03.tar.gz)? [Y/n] " reply
        answer "${reply:-y}" ;;
    *)
        echo "dev2.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
