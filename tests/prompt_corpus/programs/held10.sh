#!/usr/bin/env bash
# Tenth held-out set, shell side: held10.sh <scenario>. bash read/select, sudo/ssh/gpg-style
# password reads, the real cp -i, mv -i, rm -i, rm -I, git clean -i, git stash -p, git add -p,
# pip uninstall, ssh-keygen, openssl and gpg (with pinentry-curses) in a temporary directory,
# whiptail and dialog boxes, and look-alikes built from real tools (shells with odd prompts,
# less, watch, top, git's pager and editor, vim). Prints ANSWER=<what happened>. Written blind;
# never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b main shop && cd shop || exit 1
    git config user.email dev@example.net && git config user.name Dev
    printf 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\n' > inventory.txt
    git add inventory.txt && git commit -qm "Add the inventory"
}

gpg_home() {
    export GNUPGHOME="$tmp/gnupg" GPG_TTY
    GPG_TTY=$(tty)
    mkdir -m 700 "$GNUPGHOME"
    echo "pinentry-program $(command -v pinentry-curses)" > "$GNUPGHOME/gpg-agent.conf"
    # A short test passphrase must not bring up the agent's "insecure passphrase" warning.
    printf 'min-passphrase-len 1\nmin-passphrase-nonalpha 0\n' >> "$GNUPGHOME/gpg-agent.conf"
    trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_yes_no)
        echo "4 shards have more than 30% dead tuples."
        read -r -p "Enable the nightly vacuum on all 4 shards? [Y/n] " reply; answer "${reply:-y}" ;;
    read_wrapped_yn)
        read -r -p "The staging certificate for api.staging.acme.dev expires in 2 days and the ACME challenge keeps failing because the old DNS provider still answers for the zone; switch the challenge to HTTP-01 and retry now? (y/n) " reply
        answer "$reply" ;;
    read_prefill_replace_branch)
        read -r -e -i "main" -p "Branch to cut the release from: " reply; answer "$reply" ;;
    read_prefill_keep_dir)
        read -r -e -i "/var/backups/pg" -p "Backup directory › " reply
        [ "$reply" = "/var/backups/pg" ] && answer kept || answer "$reply" ;;
    read_numbered_number)
        echo "Base OS for the golden image:"
        echo "  1. Ubuntu 24.04 LTS"
        echo "  2. Ubuntu 22.04 LTS"
        echo "  3. Debian 13"
        echo "  4. Debian 12"
        echo "  5. Rocky Linux 9"
        echo "  6. Alpine 3.21"
        read -r -p "Your pick (1-6): " reply
        case $reply in 5) answer rocky9 ;; *) answer "$reply" ;; esac ;;
    read_numbered_label)
        echo "Licence for the new repository"
        echo "  1 │ MIT"
        echo "  2 │ Apache-2.0"
        echo "  3 │ MPL-2.0"
        echo "  4 │ GPL-3.0-only"
        read -r -p "Licence (number or SPDX id): " reply
        case $reply in 2|Apache-2.0) answer Apache-2.0 ;; *) answer "$reply" ;; esac ;;
    select_number)
        echo "Nodes still running pods:"
        PS3="Drain which node? "
        select node in worker-a1 worker-a2 worker-b1 worker-b2 worker-gpu-1 worker-gpu-2 worker-spot-9; do
            answer "$node"; break
        done ;;
    select_label)
        PS3="Deploy target ➜ "
        select t in "staging-us" "staging-eu" "canary" "production (all regions)"; do
            answer "$t"; break
        done ;;
    read_type_db_name)
        echo -e "\e[1;33mDropping orders_prod deletes 1.2 TB. There is no undo.\e[0m"
        read -r -p "Type the database name (orders_prod) to drop it: " reply
        [ "$reply" = "orders_prod" ] && answer dropped || answer kept ;;
    read_type_phrase)
        echo "Resetting the MFA of every admin signs all of them out."
        read -r -p 'Enter "I understand" to go on: ' reply
        [ "$reply" = "I understand" ] && answer reset || answer aborted ;;
    read_sudo_ci)
        read -r -s -p "[sudo] password for ci: " pw; echo; answer "len${#pw}" ;;
    read_ssh_key_passphrase)
        echo "Pushing to git@forge.acme.dev:platform/infra.git"
        read -r -s -p "Enter passphrase for key '/home/ci/.ssh/id_ed25519': " pw; echo; answer "len${#pw}" ;;
    read_gpg_unlock_box)
        echo "┌──────────────────────────────────────────────────────────┐"
        echo "│ Please enter the passphrase to unlock the OpenPGP secret │"
        echo "│ key: \"Release Bot <release@acme.dev>\"                    │"
        echo "│ 255-bit EDDSA key, ID 9F2C41AA07D3E611                    │"
        echo "└──────────────────────────────────────────────────────────┘"
        read -r -s -p "Passphrase: " pw; echo; answer "len${#pw}" ;;
    read_letter_keys)
        echo "migrations/0042_add_sku.sql differs from the applied version."
        read -r -n1 -p "[a]pply  [e]dit  [s]kip  [q]uit ? " key; echo
        case $key in a) answer apply ;; e) answer edit ;; s) answer skip ;; q) answer quit ;; *) answer "$key" ;; esac ;;
    read_press_enter)
        echo "All 9 migrations are ready."
        read -r -p "Press Enter to start the migration, Ctrl-C to abort " _; answer started ;;
    read_banner_above)
        echo -e "\e[43;30;1m ⚠  MAINTENANCE MODE                                  \e[0m"
        echo -e "\e[43;30m    Visitors will see the 'be right back' page.       \e[0m"
        read -r -p "Put shop.acme.dev into maintenance mode now? (y/n) " reply; answer "$reply" ;;
    read_default_parens_keep)
        read -r -p "Number of worker processes (default 4): " reply; answer "${reply:-4}" ;;
    read_yes_no_words)
        echo "db-03 has 2 days of uptime left before the kernel live-patch expires."
        read -r -p "Reboot db-03 now? (yes/no) " reply; answer "$reply" ;;
    read_timeout_question)
        read -r -t 600 -p "Retry the failed upload of 3 files? [y/N] " reply; answer "${reply:-n}" ;;
    # ---------------------------------------------------------------- real tools
    cp_i_overwrite)
        echo v1 > app.conf && echo v2 > new.conf
        cp -i new.conf app.conf
        answer "$(cat app.conf)" ;;
    mv_i_keep)
        echo mine > notes.md && echo theirs > incoming.md
        mv -i incoming.md notes.md
        answer "$(cat notes.md)" ;;
    rm_i_remove)
        echo x > stale.lock
        rm -i stale.lock
        [ -e stale.lock ] && answer kept || answer removed ;;
    rm_big_i_keep)
        touch a.log b.log c.log d.log e.log
        rm -I ./*.log
        [ -e a.log ] && answer kept || answer removed ;;
    git_clean_i_clean)
        git_repo
        touch coverage.xml .DS_Store
        git clean -i
        [ -e coverage.xml ] && answer kept || answer cleaned ;;
    git_stash_p_yes)
        git_repo
        printf 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\n' > inventory.txt
        git stash -p
        grep -q THREE inventory.txt && answer kept || answer stashed ;;
    git_add_p_quit)
        git_repo
        printf 'ONE\ntwo\nthree\nfour\nfive\nsix\nseven\nEIGHT\n' > inventory.txt
        git add -p
        git diff --cached --quiet && answer nothing || answer staged ;;
    pip_uninstall_yes)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/tinyhttp" "$site/tinyhttp-1.4.2.dist-info"
        echo "VERSION = '1.4.2'" > "$site/tinyhttp/__init__.py"
        printf 'Metadata-Version: 2.1\nName: tinyhttp\nVersion: 1.4.2\n' > "$site/tinyhttp-1.4.2.dist-info/METADATA"
        printf 'tinyhttp/__init__.py,,\ntinyhttp-1.4.2.dist-info/METADATA,,\ntinyhttp-1.4.2.dist-info/RECORD,,\n' > "$site/tinyhttp-1.4.2.dist-info/RECORD"
        echo pip > "$site/tinyhttp-1.4.2.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall tinyhttp
        [ -e "$site/tinyhttp" ] && answer kept || answer uninstalled ;;
    ssh_keygen_new_passphrase)
        ssh-keygen -t ed25519 -f "$tmp/id_release" -C release@acme >/dev/null
        ssh-keygen -y -P hunter2 -f "$tmp/id_release" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_genrsa_passphrase)
        openssl genrsa -aes256 -out server.key 2048
        openssl rsa -in server.key -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    gpg_symmetric_pinentry)
        gpg_home
        echo "payroll 2026-11" > payroll.csv
        gpg -q --no-symkey-cache -c -o payroll.csv.gpg payroll.csv
        gpg -q --batch --pinentry-mode loopback --passphrase hunter2 -d payroll.csv.gpg 2>/dev/null | grep -q payroll && answer len7 || answer other ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_custom_defaultno)
        whiptail --title "Kernel update" --yes-button "Reboot" --no-button "Not now" --defaultno \
            --yesno "Kernel 6.12.9 is installed. Reboot into it now?" 9 56
        answer "rc$?" ;;
    wt_menu_eight)
        r=$(whiptail --title "Locale" --menu "System language:" 18 60 8 \
            en_US "English (United States)" en_GB "English (United Kingdom)" de_DE "Deutsch" \
            fr_FR "Français" es_ES "Español" it_IT "Italiano" pt_BR "Português (Brasil)" \
            pl_PL "Polski" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_tick)
        r=$(whiptail --separate-output --title "Extras" --checklist "Install these tools as well:" 15 60 6 \
            htop "process viewer" OFF tmux "terminal multiplexer" OFF jq "JSON processor" OFF \
            ncdu "disk usage" OFF mtr "network diagnostics" OFF tree "directory listing" OFF 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    wt_radiolist_fs)
        r=$(whiptail --title "Partitioning" --radiolist "Filesystem for /home:" 13 55 5 \
            ext4 "default" ON xfs "large files" OFF btrfs "snapshots" OFF zfs "pools" OFF f2fs "flash" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_inputbox_replace)
        r=$(whiptail --title "Hostname" --inputbox "Name this machine on the network:" 9 56 "debian" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_passwordbox_luks)
        r=$(whiptail --title "Encryption" --passwordbox "Passphrase for the encrypted volume:" 9 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    wt_msgbox_ok_button)
        whiptail --title "Backup finished" --ok-button "Done" --msgbox "412 files (3.1 GB) copied to the NAS." 8 52
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_yesno_no)
        dialog --title "Telemetry" --yesno "Share crash reports with the maintainers?" 7 52
        answer "rc$?" ;;
    dg_menu_default_item)
        r=$(dialog --title "Runtime" --default-item "node20" --menu "Runtime for the function:" 15 50 6 \
            node18 "Node.js 18" node20 "Node.js 20" node22 "Node.js 22" py312 "Python 3.12" \
            py313 "Python 3.13" go123 "Go 1.23" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_mixed)
        r=$(dialog --separate-output --title "Cron jobs" --checklist "Keep which scheduled jobs?" 14 56 5 \
            backup "daily backup" ON logrotate "rotate logs" ON certbot "renew certificates" ON \
            tmpclean "clean /tmp" ON report "weekly report" OFF 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    dg_radiolist_tz)
        r=$(dialog --title "Clock" --radiolist "Hardware clock keeps:" 10 44 3 utc "UTC" ON local "local time" OFF none "do not touch" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_inputbox_empty)
        r=$(dialog --title "Mail" --inputbox "Forward root's mail to:" 8 50 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox_db)
        r=$(dialog --title "MariaDB" --insecure --passwordbox "Password for the 'root' database user:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_yesno_custom_labels_no)
        dialog --title "Disk" --yes-label "Wipe" --no-label "Keep data" --yesno "Wipe /dev/sdb (500 GB) before reuse?" 7 54
        answer "rc$?" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_ps1_menu)
        PS1='[1] build [2] test [3] quit > ' HOME="$tmp" bash --norc -i ;;
    look_less_prompts)
        { for i in $(seq 1 200); do echo "$i  installer: Overwrite /etc/hosts? [y/N] n  |  Password: ********"; done; } > install.log
        less install.log ;;
    look_git_log_pager)
        git_repo
        for i in $(seq 1 40); do echo "$i" >> inventory.txt; git commit -qam "Confirm? (y/n) step $i"; done
        GIT_PAGER=less git log ;;
    look_git_rebase_editor)
        git_repo
        for i in 1 2 3; do echo "$i" >> inventory.txt; git commit -qam "Change $i"; done
        GIT_EDITOR=vim git rebase -i HEAD~3 ;;
    look_watch_prompt)
        watch -n 1 'echo "Continue? [Y/n]  (waiting for CI)"; date +%s' ;;
    look_top)
        top -d 3 ;;
    look_sleep_numbered_prompt)
        echo "  1) resume"
        echo "  2) discard"
        printf 'choice> '
        sleep 100000 ;;
    look_log_loop_password)
        while :; do
            echo "$(date +%T) sshd: Accepted password for deploy (Password: hidden)"
            echo "$(date +%T) apt: Do you want to continue? [Y/n] Y (noninteractive)"
            sleep 1
        done ;;
    look_dash_repl)
        PS1='? ' HOME="$tmp" sh -i ;;
    look_whiptail_gauge)
        for i in $(seq 0 100000); do echo $((i % 100)); sleep 0.5; done | whiptail --gauge "Copying files… (Yes/No later)" 7 60 0 ;;
    look_dialog_infobox)
        dialog --title "Please wait" --infobox "Apply the new partition table? Checking disks first…" 6 60
        sleep 100000 ;;
    look_test_runner_numbered)
        echo "1..4"
        echo "ok 1 - confirm prompt defaults to [y/N]"
        echo "ok 2 - select menu renders ❯ pointer"
        echo "ok 3 - password prompt hides input"
        printf 'not ok 4 - waiting ... '
        sleep 100000 ;;
    look_vim_file)
        printf 'Continue? (y/n)\n[x] ticked\n[ ] not ticked\n> ' > todo.txt
        HOME="$tmp" vim -u NONE todo.txt ;;
    *)
        echo "held10.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
