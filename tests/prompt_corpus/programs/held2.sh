#!/usr/bin/env bash
# Second held-out set, shell side: held2.sh <scenario>. bash read/select, whiptail and dialog
# used in ways the first corpus never does, and look-alikes built from real tools (less, tail -f,
# top, python -i, node, dialog --infobox). Prints ANSWER=<what was chosen>. Never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

answer() { printf '\nANSWER=%s\n' "$1"; }
narrow() { stty cols 60; }
noise() {
    for n in $(seq 1 "${1:-150}"); do
        printf '\e[3%dm[%04d]\e[0m \e[1mGET\e[0m /api/items/%d \e[32m200\e[0m %dms\n' $((n % 7 + 1)) "$n" "$n" $((n % 50))
    done
}

case "$scenario" in
    read_multi_key)
        echo "File src/app.py differs from the template."
        read -r -n 1 -p "Overwrite? [y/n/a/q] " reply; answer "$reply" ;;
    read_default_path)
        read -r -p "Install location (/opt/app): " reply; answer "${reply:-/opt/app}" ;;
    select_columns)
        PS3="Pick a mirror (1-9): "
        echo "Available mirrors:"
        select m in ams fra lon par waw sto mad mil vie; do [ -n "$m" ] && break; done
        answer "$m" ;;
    read_after_noise)
        noise 200
        read -r -p "Deploy to production? (yes/no): " reply; answer "$reply" ;;
    read_spanish)
        read -r -p "¿Desea continuar? [S/n] " reply; answer "$reply" ;;
    read_ssh_keygen)
        echo "Generating public/private ed25519 key pair."
        read -r -s -p "Enter passphrase (empty for no passphrase): " reply; echo
        answer "len${#reply}" ;;
    read_timeout)
        echo "Kernel updated to 6.8.0-41."
        read -r -t 120 -p "Reboot now? [y/N] (no in 2 minutes) " reply; answer "$reply" ;;
    read_narrow_wrapped)
        narrow
        read -r -p "The cache at ~/.cache/tool holds 2.3 GB of old builds; delete it? [y/N] " reply
        answer "$reply" ;;
    read_sequence)
        echo "Project name: demo-site"
        echo "Description: A small demo"
        read -r -p "Version (0.1.0): " reply; answer "${reply:-0.1.0}" ;;
    read_numbered_paren)
        echo "Several Java runtimes are installed:"
        echo "  Selection    Path                                      Priority   Status"
        echo "------------------------------------------------------------"
        echo "* 0            /usr/lib/jvm/java-21-openjdk/bin/java     2111      auto mode"
        echo "  1            /usr/lib/jvm/java-17-openjdk/bin/java     1711      manual mode"
        echo "  2            /usr/lib/jvm/java-21-openjdk/bin/java     2111      manual mode"
        echo
        read -r -p "Press <enter> to keep the current choice[*], or type selection number: " reply
        answer "${reply:-0}" ;;
    whiptail_buttons)
        whiptail --title "Extras" --yes-button "Install" --no-button "Skip" \
            --yesno "Install the optional language packs (180 MB)?" 10 60
        answer "rc$?" ;;
    whiptail_menu_desc)
        choice=$(whiptail --title "Disk" --menu "Choose a filesystem for /dev/sdb1" 18 70 6 \
            ext4 "Fourth extended filesystem" btrfs "B-tree filesystem with snapshots" \
            xfs "High-performance journaling filesystem" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    whiptail_input_narrow)
        narrow
        choice=$(whiptail --title "Network" --inputbox "Hostname for this machine:" 8 50 "raspberrypi" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    whiptail_yesno_noise)
        noise 120
        whiptail --title "Restart services" --yesno "Restart the 4 services that use the old libssl now?" 10 60
        answer "rc$?" ;;
    dialog_defaultno_long)
        dialog --title "Danger" --defaultno --yesno "This will erase every partition on /dev/nvme1n1, including the recovery partition and the two data volumes that are currently mounted read-only. Continue?" 12 60
        rc=$?; clear; answer "rc$rc" ;;
    dialog_checklist_six)
        choice=$(dialog --title "Locales" --separate-output --checklist "Locales to generate:" 16 60 6 \
            en_US "" off de_DE "" off fr_FR "" off ja_JP "" off pt_BR "" off es_ES "" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$(echo "$choice" | paste -sd, -)" ;;
    dialog_input_unicode)
        choice=$(dialog --title "Profil" --inputbox "Nom d'affichage (ex. « Zoë »):" 10 60 "Zoë" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dialog_password)
        choice=$(dialog --title "Wi-Fi" --insecure --passwordbox "Password for network “Home-5G”:" 10 60 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:len${#choice}" ;;
    dialog_menu_two)
        choice=$(dialog --title "Update" --menu "An update is available." 12 60 2 now "Install now" later "Remind me tomorrow" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    # ---------------------------------------------------------------- look-alikes
    look_python_i)
        exec python3 -q -i -c "print('2024-05-01 12:00:03 INFO asked user: Continue? [y/N]')" ;;
    look_python_menu)
        exec python3 -q -i -c "print('? Pick one: (Use arrow keys)'); print(' ❯ alpha'); print('   beta')" ;;
    look_node_repl)
        echo "[log] prompt shown earlier: Overwrite? (Y/n)"
        exec node ;;
    look_less)
        for n in $(seq 1 80); do echo "line $n of the changelog: fixed the 'Proceed? (y/n)' question"; done > "$tmp/log.txt"
        less "$tmp/log.txt" ;;
    look_man_like)
        {
            printf 'APT-GET(8)                    APT                    APT-GET(8)\n\nNAME\n       apt-get - APT package handling utility\n\nOPTIONS\n'
            printf '       -y, --yes, --assume-yes\n           Automatic yes to prompts; assume "yes" as answer to all\n           prompts such as "Do you want to continue? [Y/n]".\n\n'
            for n in $(seq 1 60); do printf '       --option-%d\n           Description of option %d.\n' "$n" "$n"; done
        } > "$tmp/man.txt"
        less -R "$tmp/man.txt" ;;
    look_tail_f)
        {
            echo "12:00:01 sshd: session opened for alice"
            echo "12:00:02 installer: Are you sure you want to continue connecting (yes/no)?"
            echo "12:00:02 installer: Do you want to continue? [Y/n]"
        } > "$tmp/app.log"
        tail -f "$tmp/app.log" ;;
    look_top)
        exec top -d 1 ;;
    look_watch)
        exec watch -n 1 "echo 'Pending approvals: 2'; echo 'Approve deployment #41? (y/n) — answer in the web UI'" ;;
    look_dialog_infobox)
        dialog --title "Installing" --infobox "Installing packages, please wait...\n\nDo not answer [y/N] questions yet." 8 60
        sleep 600 ;;
    look_whiptail_gauge)
        for n in $(seq 0 1 100); do echo "$n"; sleep 0.5; done | whiptail --title "Download" --gauge "Downloading the image (Continue? comes later)" 8 60 0
        sleep 600 ;;
    look_cat_box)
        printf '┌──────────── Confirm ────────────┐\n│ Delete the selected snapshots?  │\n│                                 │\n│      < Yes >       < No >       │\n└─────────────────────────────────┘\n'
        echo "(screenshot from the docs, rendered by docs-preview)"
        sleep 600 ;;
    look_bash_question_ps1)
        PS1='ready? ' exec bash --norc --noprofile -i ;;
    *)
        echo "held2.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
