#!/usr/bin/env bash
# Eighth held-out set, shell side: held8.sh <scenario>. bash read/select, sudo/ssh-style
# password reads, the real cp -i, mv -i, rm -i, git clean -i, git add -p, ssh-keygen and openssl
# in a temporary directory, whiptail and dialog boxes, and look-alikes built from real tools
# (shells with odd prompts, less, watch, top, git's editor). Prints ANSWER=<what happened>.
# Written blind; never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b main repo && cd repo || exit 1
    git config user.email dev@example.org && git config user.name Dev
    printf 'one\ntwo\nthree\nfour\nfive\n' > notes.md
    git add notes.md && git commit -qm "Add notes"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_yes)
        echo "Found 3 stale worktrees under ~/src/tether."
        read -r -p "Prune them? [Y/n] " reply; answer "${reply:-y}" ;;
    read_yn_wrapped)
        read -r -p "The certificate for mail.acme.dev expires in 6 days and the ACME account key is older than a year; renew the certificate and rotate the account key together? (y/n) " reply
        answer "$reply" ;;
    read_prefill_replace)
        read -r -e -i "origin/main" -p "Rebase onto: " reply; answer "$reply" ;;
    read_prefill_keep)
        read -r -e -i "$HOME/backups/nightly" -p "Backup target » " reply
        [ "$reply" = "$HOME/backups/nightly" ] && answer kept || answer "$reply" ;;
    read_numbered_by_number)
        echo "Kernel to boot next time:"
        echo "  1) 6.12.4-arch1"
        echo "  2) 6.6.66-lts"
        echo "  3) 6.13.0-rc2"
        echo "  4) 6.1.119-cip"
        read -r -p "Selection [1-4]: " reply
        case $reply in 1) answer arch ;; 2) answer lts ;; 3) answer rc ;; 4) answer cip ;; *) answer "$reply" ;; esac ;;
    read_numbered_by_label)
        echo "Pick a colour scheme:"
        echo "   1. Solarized Dark"
        echo "   2. Gruvbox"
        echo "   3. Nord"
        echo "   4. Tokyo Night"
        echo "   5. Catppuccin Mocha"
        read -r -p "Scheme (number or name): " reply
        case $reply in 4|"Tokyo Night") answer tokyo ;; *) answer "$reply" ;; esac ;;
    select_ps3_default)
        PS3="Deploy which build? "
        select b in "#2291 (main, 12 min ago)" "#2288 (main, 2 h ago)" "#2280 (hotfix)" "#2275 (release)" "cancel"; do
            answer "$REPLY"; break
        done ;;
    select_no_ps3)
        echo "Which database should be restored?"
        select db in orders inventory customers audit_log analytics sessions metrics; do
            answer "$db"; break
        done ;;
    read_type_name)
        echo -e "\e[41;97m DANGER \e[0m The bucket acme-prod-assets and its 1.2 M objects will be deleted."
        read -r -p "Please type the bucket name to confirm: " reply
        [ "$reply" = "acme-prod-assets" ] && answer deleted || answer kept ;;
    read_type_destroy)
        echo "terraform will destroy 47 resources."
        echo "  Only 'destroy' will be accepted to confirm."
        read -r -p "  Enter a value: " reply
        [ "$reply" = "destroy" ] && answer destroyed || answer cancelled ;;
    read_sudo_password)
        read -r -s -p "[sudo] password for dev: " pw; echo; answer "len${#pw}" ;;
    read_ssh_password)
        read -r -s -p "deploy@10.20.0.14's password: " pw; echo; answer "len${#pw}" ;;
    read_letters_merge)
        echo "src/app/config.ts: both sides changed."
        read -r -n1 -p "(m)ine, (t)heirs, (e)dit, (s)kip? " reply; echo
        case $reply in m) answer mine ;; t) answer theirs ;; e) answer edit ;; s) answer skip ;; *) answer "$reply" ;; esac ;;
    read_press_any_key)
        echo "Firmware 3.4.1 staged for the router."
        read -r -s -n1 -p "Press any key to flash it, or Ctrl-C to stop." _; echo; answer flashed ;;
    read_banner_below)
        echo -e "\e[42;30m EDGE FLEET · 6 nodes online · nginx 1.27.3 \e[0m"
        read -r -p "Restart nginx on all 6 edge nodes? [y/N] " reply; answer "${reply:-n}" ;;
    read_default_paren)
        read -r -p "Number of shards (default 8): " reply; answer "${reply:-8}" ;;
    read_question_above_colour)
        echo -e "\e[1mChoose the name of the new Kubernetes namespace.\e[0m"
        echo -e "\e[44;97m  cluster: prod-eu-1   context: admin@prod-eu-1                          \e[0m"
        read -r -p "namespace: " reply; answer "$reply" ;;
    read_yes_no_full)
        read -r -p "Do you really want to reset the admin password? (yes/no) " reply; answer "$reply" ;;
    # ---------------------------------------------------------------- real tools
    cp_i_config)
        echo old > app.conf && mkdir -p etc && echo new > etc/app.conf
        cp -i etc/app.conf app.conf; answer "$(cat app.conf)" ;;
    mv_i_keep)
        echo draft > report.md && echo final > final.md
        mv -i final.md report.md; answer "$(cat report.md)" ;;
    rm_i_ledger)
        echo data > ledger.csv
        rm -i ledger.csv; [ -e ledger.csv ] && answer kept || answer removed ;;
    git_clean_i)
        git_repo
        touch scratch.log tmp1.txt
        git clean -i
        [ -e scratch.log ] && answer kept || answer cleaned ;;
    git_add_p)
        git_repo
        printf 'one\nTWO\nthree\nfour\nfive\n' > notes.md
        git add -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    ssh_keygen_new_passphrase)
        ssh-keygen -q -t ed25519 -f "$tmp/id_test" -C ci@acme
        ssh-keygen -y -P hunter2 -f "$tmp/id_test" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_genrsa_pass)
        openssl genpkey -algorithm ed25519 -aes256 -out key.pem
        openssl pkey -in key.pem -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    pip_uninstall_venv)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/tinypkg" "$site/tinypkg-1.0.dist-info"
        echo "x = 1" > "$site/tinypkg/__init__.py"
        printf 'Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n' > "$site/tinypkg-1.0.dist-info/METADATA"
        printf 'tinypkg/__init__.py,,\ntinypkg-1.0.dist-info/METADATA,,\ntinypkg-1.0.dist-info/RECORD,,\n' > "$site/tinypkg-1.0.dist-info/RECORD"
        echo pip > "$site/tinypkg-1.0.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall tinypkg
        [ -e "$site/tinypkg" ] && answer kept || answer uninstalled ;;
    # ---------------------------------------------------------------- whiptail / dialog
    wt_yesno_custom)
        whiptail --title "Swap file" --yes-button "Create" --no-button "Skip" \
            --yesno "No swap is configured on this VM (4 GB RAM). Create a 2 GB swap file?" 10 60
        answer "rc$?" ;;
    wt_yesno_defaultno)
        whiptail --title "Firewall" --defaultno --yesno "Allow incoming SSH from 0.0.0.0/0?" 8 50
        answer "rc$?" ;;
    wt_menu_locale)
        r=$(whiptail --title "Locale" --menu "System locale:" 16 60 7 \
            en_GB "English (United Kingdom)" de_CH "Deutsch (Schweiz)" fr_CA "Français (Canada)" \
            pt_BR "Português (Brasil)" ja_JP "日本語" pl_PL "Polski" sv_SE "Svenska" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_tick)
        r=$(whiptail --separate-output --checklist "Optional services:" 14 60 5 \
            avahi "mDNS discovery" OFF cups "Printing" OFF bluetooth "Bluetooth" ON \
            fail2ban "Ban brute-force IPs" OFF chrony "NTP client" ON 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    wt_radiolist_fs)
        r=$(whiptail --radiolist "Filesystem for /data:" 13 50 4 \
            ext4 "journaling, safe" ON xfs "large files" OFF btrfs "snapshots" OFF zfs "pools" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_inputbox_replace)
        r=$(whiptail --inputbox "NTP server:" 8 50 "pool.ntp.org" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_passwordbox)
        r=$(whiptail --title "Wi-Fi" --passwordbox "WPA2 key for 'lab-5G':" 8 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_yesno_labels)
        dialog --yes-label "Reboot" --no-label "Later" --yesno "Updates installed. Reboot now?" 7 45
        answer "rc$?" ;;
    dg_menu_pick)
        r=$(dialog --menu "Keyboard model:" 15 50 6 pc104 "Generic 104-key" pc105 "Generic 105-key (intl)" \
            macintosh "Apple" thinkpad "ThinkPad" chromebook "Chromebook" kinesis "Kinesis" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_multi)
        r=$(dialog --separate-output --checklist "Extra repositories:" 13 55 4 \
            contrib "DFSG-free, non-free deps" OFF non-free "Non-free software" OFF \
            backports "Newer versions" ON security "Security updates" ON 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    dg_inputbox_empty)
        r=$(dialog --inputbox "Hostname for this machine:" 8 45 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox)
        r=$(dialog --insecure --passwordbox "Root password:" 8 45 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_radiolist)
        r=$(dialog --radiolist "Display manager:" 12 45 4 gdm "GNOME" ON sddm "KDE" OFF lightdm "LightDM" OFF ly "TUI" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_odd_ps1)
        PS1='[y/N] \w $ ' HOME="$tmp" bash --norc -i ;;
    look_less_pager)
        { for i in $(seq 1 200); do echo "line $i: Continue? (y/n) — from the install log"; done; } > log.txt
        less log.txt ;;
    look_git_log_pager)
        git_repo
        for i in $(seq 1 40); do echo "$i" >> notes.md; git commit -qam "Step $i: answer [Y/n] prompts"; done
        GIT_PAGER=less LESS=FRX git -c core.pager=less log ;;
    look_git_rebase_editor)
        git_repo
        echo six >> notes.md && git commit -qam "Add six"
        echo seven >> notes.md && git commit -qam "Add seven"
        GIT_EDITOR=vim git rebase -i HEAD~2 ;;
    look_watch_yn)
        watch -n 1 'echo "Proceed? [Y/n]"; date +%s' ;;
    look_top)
        top -d 1 ;;
    look_sleep_password)
        echo "Password: (read from the keyring, no input needed)"
        sleep 100000 ;;
    look_log_tail_menus)
        while :; do
            echo "$(date +%T) installer: 1) Install  2) Repair  3) Quit -> auto-selected 1"
            echo "$(date +%T) installer: Overwrite existing files? [y/N] y (from --yes)"
            sleep 1
        done ;;
    look_sh_prompt_qmark)
        PS1='? ' HOME="$tmp" bash --norc -i ;;
    look_whiptail_gauge)
        for i in $(seq 0 100000); do echo $((i % 100)); sleep 0.5; done | whiptail --gauge "Copying 4,200 files… press Yes to… (no input)" 7 60 0 ;;
    look_dialog_infobox)
        dialog --infobox "Continue? (y/n) — answered automatically by the installer" 5 60
        sleep 100000 ;;
    look_select_menu_printed)
        echo "Menu (for reference):"
        echo "  1) start   2) stop   3) status"
        echo "#? "
        sleep 100000 ;;
    look_progress_dots)
        printf 'Waiting for confirmation from the other node'
        while :; do printf '.'; sleep 1; done ;;
    *)
        echo "held8.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
