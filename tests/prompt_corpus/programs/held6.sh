#!/usr/bin/env bash
# Sixth held-out set, shell side: held6.sh <scenario>. bash read/select in layouts no earlier
# set uses (terraform- and dpkg-style questions, PS3 variations, read -n1 keys, numbered lists
# of eight), the real mkfs.ext4 on a file image, git clean -i, git checkout -p, ln -i, rm -I,
# unzip's overwrite question, ssh-keygen -y, openssl passwd and pkey in a temporary directory,
# whiptail and dialog boxes (renamed buttons, default items, long lists, prefilled fields), and
# look-alikes built from real tools (top, watch, dd, less, vim as git's editor, info boxes,
# shells and REPLs with odd prompts). Prints ANSWER=<what happened>. Written blind; never used
# for tuning.
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
    printf 'one\ntwo\nthree\nfour\nfive\n' > notes.txt
    git add notes.txt && git commit -qm "Add notes"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_n1_any_key)
        echo "Sync paused: 2 files changed on both sides (see conflicts.log)."
        read -r -n 1 -s -p "Press any key to resume the sync…" _; answer resumed ;;
    read_yes_no_upper)
        echo "Migration 0042_add_index locks table 'orders' for ~90 s."
        read -r -p "Apply migration 0042_add_index? [yes/NO]: " reply; answer "${reply:-no}" ;;
    read_type_repo_arrow)
        echo "This will permanently delete the acme/website repository, wiki, issues and"
        echo "comments, and remove all collaborator associations."
        echo "Please type acme/website to confirm."
        read -r -p "> " reply
        [ "$reply" = acme/website ] && answer deleted || answer kept ;;
    read_terraform_value)
        echo "Plan: 3 to add, 1 to change, 2 to destroy."
        echo
        printf '\e[1mDo you want to perform these actions?\e[0m\n'
        echo "  Terraform will perform the actions described above."
        echo "  Only 'yes' will be accepted to approve."
        echo
        read -r -p $'  \e[1mEnter a value:\e[0m ' reply
        [ "$reply" = yes ] && answer applied || answer cancelled ;;
    read_brace_default)
        read -r -p "Database host {localhost}: " reply; answer "${reply:-localhost}" ;;
    read_prefill_tag_replace)
        read -r -e -i "v1.8.0" -p "Release tag: " reply; answer "$reply" ;;
    read_wrapped_three_rows)
        read -r -p "The nightly export job has been failing for four days because the reporting replica ran out of disk; do you want to move the export to the primary database for tonight only, accepting slower queries for about an hour? (y/n) " reply
        answer "$reply" ;;
    read_inverse_banner)
        printf '\e[7m%-78s\e[0m\n' "  mirror-sync 2.4 · source: s3://assets-prod · target: gs://assets-dr"
        printf '\e[7m%-78s\e[0m\n' "  41,002 objects differ · 17 GB to copy"
        echo
        read -r -p "Start the copy now? [Y/n] " reply; answer "${reply:-y}" ;;
    read_yes_no_all_quit)
        echo "nginx.conf differs from the packaged version."
        read -r -p "Replace /etc/nginx/nginx.conf? [Y]es [N]o [A]ll [Q]uit " reply
        case "$reply" in [Yy]) answer yes ;; [Nn]) answer no ;; [Aa]) answer all ;; *) answer quit ;; esac ;;
    read_secret_token)
        read -r -s -p "Paste the deploy token (input hidden): " reply; echo; answer "len${#reply}" ;;
    read_eight_by_number)
        echo "Which Python should the venv use?"
        pys=(python3.8 python3.9 python3.10 python3.11 python3.12 python3.13 python3.14 pypy3.10)
        for i in "${!pys[@]}"; do printf '  %d) %s\n' $((i + 1)) "${pys[$i]}"; done
        read -r -p "Your choice [1-8]: " reply; answer "${pys[$((reply - 1))]}" ;;
    read_punct_by_label)
        echo "Pick a database for the demo:"
        echo "  1. PostgreSQL 16 (managed, €29/mo)"
        echo "  2. MySQL 8.4 — community"
        echo "  3. SQLite (file: ./app.db)"
        echo "  4. DuckDB [experimental]"
        read -r -p "Number? " reply
        dbs=(postgres mysql sqlite duckdb); answer "${dbs[$((reply - 1))]}" ;;
    read_dpkg_conffile)
        cat <<'EOT'
Configuration file '/etc/ssh/sshd_config'
 ==> Modified (by you or by a script) since installation.
 ==> Package distributor has shipped an updated version.
   What would you like to do about it ?  Your options are:
    Y or I  : install the package maintainer's version
    N or O  : keep your currently-installed version
      D     : show the differences between the versions
      Z     : start a shell to examine the situation
 The default action is to keep your current version.
EOT
        read -r -p "*** sshd_config (Y/I/N/O/D/Z) [default=N] ? " reply
        case "${reply:-N}" in [YyIi]) answer install ;; [NnOo]) answer keep ;; [Dd]) answer diff ;; *) answer shell ;; esac ;;
    read_apt_space)
        echo "The following NEW packages will be installed:"
        echo "  libfoo3 foo-tools foo-doc"
        echo "0 upgraded, 3 newly installed, 0 to remove and 12 not upgraded."
        echo "Need to get 12.4 MB of archives."
        echo "After this operation, 48.2 MB of additional disk space will be used."
        read -r -p "Do you want to continue? [Y/n] " reply
        case "${reply:-y}" in [Yy]*) answer installed ;; *) answer Abort. ;; esac ;;
    read_retype_secret)
        read -r -s -p "New password: " one; echo
        read -r -s -p "Retype new password: " two; echo
        [ "$one" = "$two" ] && answer "len${#one}" || answer mismatch ;;
    read_n1_letters)
        echo "3 tests failed in tests/test_sync.py."
        read -r -n 1 -p "(r)erun failed, (f)ull run, (o)pen report, (q)uit: " reply; echo
        case "$reply" in r) answer rerun ;; f) answer full ;; o) answer open ;; *) answer quit ;; esac ;;
    select_ps3_arrow)
        PS3="Pick a kernel ➜ "
        select k in "linux-lts 6.6" "linux 6.12" "linux-zen" "linux-hardened" "linux-rt"; do
            answer "$k"; break
        done ;;
    select_columns_number)
        echo "Time zones near you:"
        select z in Europe/Lisbon Europe/London Europe/Dublin Atlantic/Madeira Atlantic/Canary \
            Atlantic/Azores Africa/Casablanca; do
            answer "$z"; break
        done ;;
    read_green_qmark_default)
        read -r -p $'\e[32m?\e[0m \e[1mName of the new branch\e[0m \e[2m(feature/login-v2)\e[0m ' reply
        answer "${reply:-feature/login-v2}" ;;
    read_default_next_line)
        echo "Number of replicas?"
        read -r -p "(default 3) > " reply; answer "${reply:-3}" ;;
    # ---------------------------------------------------------------- real tools
    mkfs_proceed)
        truncate -s 8M disk.img && mkfs.ext4 -q -F disk.img >/dev/null 2>&1
        mkfs.ext4 -q disk.img && answer formatted || answer "rc$?" ;;
    git_clean_i)
        git_repo
        mkdir tmp && echo x > build.log && echo y > tmp/cache.bin
        git clean -i -d
        [ -e build.log ] && answer kept || answer cleaned ;;
    git_checkout_p)
        git_repo
        printf 'one\nTWO\nthree\nfour\nfive\n' > notes.txt
        git checkout -p -- notes.txt
        grep -q TWO notes.txt && answer kept || answer discarded ;;
    ln_i_replace)
        mkdir -p releases/41 releases/42 && ln -s releases/41 current
        ln -snfi releases/42 current
        answer "$(readlink current)" ;;
    rm_big_i)
        mkdir logs && for n in 1 2 3 4; do echo "$n" > "logs/day$n.log"; done
        rm -I logs/day1.log logs/day2.log logs/day3.log logs/day4.log
        [ -e logs/day1.log ] && answer kept || answer removed ;;
    unzip_all)
        mkdir out && echo new > notes.txt && echo new > todo.txt && zip -q pack.zip notes.txt todo.txt
        echo old > out/notes.txt && echo old > out/todo.txt
        unzip pack.zip -d out
        answer "$(cat out/notes.txt)-$(cat out/todo.txt)" ;;
    ssh_keygen_y)
        ssh-keygen -q -t ed25519 -N hunter2 -f key -C ci >/dev/null
        ssh-keygen -y -f key >/dev/null && answer "len7" || answer wrong ;;
    openssl_passwd)
        hash="$(openssl passwd -6)" && answer "len7" || answer "failed" ;;
    openssl_pkey_pass)
        openssl genpkey -algorithm ed25519 -aes-128-cbc -pass pass:hunter2 -out enc.pem 2>/dev/null
        openssl pkey -in enc.pem -noout && answer "len7" || answer wrong ;;
    # ---------------------------------------------------------------- whiptail / dialog
    wt_menu_default_item)
        choice=$(whiptail --title "Mirror" --default-item "eu" --menu "Package mirror for this host" 18 60 7 \
            "us" "United States" "eu" "Europe (Frankfurt)" "uk" "United Kingdom" "jp" "Japan" \
            "br" "Brazil" "au" "Australia" "za" "South Africa" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_yesno_renamed)
        whiptail --title "Kernel updated" --yes-button "Reboot now" --no-button "Later" \
            --yesno "A new kernel (6.12.4) is installed. Reboot to use it?" 10 60
        answer "rc$?" ;;
    wt_checklist_long)
        choice=$(whiptail --separate-output --checklist "Optional components to install" 18 64 8 \
            docs "Offline documentation" ON samples "Sample projects" OFF \
            lsp "Language server" OFF gui "Desktop front-end" OFF \
            cuda "CUDA kernels (4 GB)" OFF tests "Test suite" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_inputbox_replace)
        value=$(whiptail --inputbox "Domain for the TLS certificate" 10 60 "example.test" 3>&1 1>&2 2>&3)
        answer "rc$?:$value" ;;
    wt_passwordbox_wifi)
        value=$(whiptail --passwordbox "WPA2 key for 'office-net'" 10 60 3>&1 1>&2 2>&3)
        answer "rc$?:len${#value}" ;;
    wt_radiolist_timezone)
        choice=$(whiptail --title "Locale" --radiolist "System language" 16 60 6 \
            en_US "English (US)" ON de_DE "Deutsch" OFF fr_FR "Français" OFF \
            es_ES "Español" OFF pt_BR "Português (Brasil)" OFF ja_JP "日本語" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_menu_notags)
        choice=$(whiptail --notags --menu "When should updates be installed?" 14 60 4 \
            now "Right away" night "Tonight at 02:00" weekend "Saturday morning" never "Never (not recommended)" \
            3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_msgbox_ok_button)
        whiptail --ok-button "Understood" --msgbox "The recovery key is printed below the QR code on the sticker. Keep it somewhere safe: it cannot be shown again." 10 64
        answer "rc$?" ;;
    dg_yesno_labels_defaultno)
        dialog --title "Disk /dev/vdc" --defaultno --yes-label "Format" --no-label "Back" \
            --yesno "All data on /dev/vdc (64 GB) will be lost." 8 56
        answer "rc$?" ;;
    dg_checklist_eight)
        choice=$(dialog --stdout --separate-output --checklist "Shells to install" 18 56 8 \
            bash "GNU Bourne-Again" on zsh "Z shell" off fish "friendly interactive" off \
            dash "Debian Almquist" off ksh "Korn shell" off tcsh "C shell" off \
            nushell "structured data" off elvish "expressive" off)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    dg_inputbox_keep)
        value=$(dialog --stdout --inputbox "NTP pool for this site" 8 56 "0.debian.pool.ntp.org")
        answer "rc$?:$value" ;;
    dg_radiolist_colors)
        choice=$(dialog --stdout --colors --radiolist "\Z1Encryption\Zn for the new volume" 14 56 4 \
            none "no encryption" off luks2 "LUKS2 (argon2id)" on luks1 "LUKS1 (legacy)" off \
            zfs "ZFS native" off)
        answer "rc$?:$choice" ;;
    dg_msgbox_ok_label)
        dialog --ok-label "Continue" --msgbox "Backup finished: 1,204 files, 3.1 GB." 7 50
        answer "rc$?" ;;
    dg_menu_no_tags)
        choice=$(dialog --stdout --no-tags --menu "What should happen to old snapshots?" 14 60 5 \
            keep "Keep all of them" thin "Keep one per week" drop "Delete everything older than 30 days" \
            ask "Ask me each time")
        answer "rc$?:$choice" ;;
    dg_passwordbox_insecure)
        value=$(dialog --stdout --insecure --passwordbox "Root password for the new VM" 8 50)
        answer "rc$?:len${#value}" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_ps1_dollar)
        PS1='[ci-runner]$ ' exec bash --norc --noprofile -i ;;
    look_sh_percent)
        PS1='% ' exec sh -i ;;
    look_python_odd_ps1)
        exec python3 -q -i -c "import sys; sys.ps1 = '?> '; print('calc console: Continue? type expressions')" ;;
    look_sqlite_prompt)
        exec sqlite3 -cmd ".prompt 'db (y/n)> ' '   ...> '" ;;
    look_bc_prompt)
        echo "Overwrite the totals? (y/N) -- answered n by the script"
        exec bc -q ;;
    look_watch_question)
        exec watch -n 1 "echo 'queue depth: 3'; echo 'Proceed with deploy? (y/n) -- waiting on reviewer in the web UI'" ;;
    look_top)
        exec top -d 1 ;;
    look_dd_progress)
        exec dd if=/dev/zero of=/dev/null bs=1M status=progress ;;
    look_less_prompts_file)
        for n in $(seq 1 60); do echo "line $n: Password: hidden   Continue? [Y/n]   ❯ 1. Yes"; done > prompts.txt
        LESS= exec less prompts.txt ;;
    look_vim_rebase)
        git_repo
        for n in 1 2 3; do git commit -q --allow-empty -m "Step $n: ask Continue? (y/N)"; done
        GIT_EDITOR="vim -u NONE -N" exec git rebase -i HEAD~3 ;;
    look_dialog_infobox)
        dialog --infobox "Please wait: rebuilding initramfs (Continue? not needed)" 5 60
        sleep 600 ;;
    look_whiptail_infobox)
        TERM=xterm whiptail --infobox "Applying 14 updates. Do not power off." 8 50
        sleep 600 ;;
    look_tail_log_yn)
        for n in 1 2 3; do echo "apt: Do you want to continue? [Y/n] y (assumed)"; done > a.log
        ( n=0; while :; do n=$((n + 1)); echo "worker $n: Overwrite? (y/n) -> y (auto)" >> a.log; sleep 0.5; done ) &
        exec tail -f a.log ;;
    look_sleep_colon_dots)
        echo "Connecting to the license server..."
        printf 'Waiting: '
        sleep 600 ;;
    look_dialog_gauge)
        ( for n in $(seq 0 100); do echo "$((n % 100))"; sleep 0.3; done; sleep 600 ) \
            | dialog --gauge "Copying image to /dev/sdz. Continue? No input needed." 8 60 0
        sleep 600 ;;
    look_seq_numbered)
        n=0
        while :; do n=$((n + 1)); printf '%d) answer %d is y\n' "$n" "$n"; sleep 0.3; done ;;
    *)
        echo "held6.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
