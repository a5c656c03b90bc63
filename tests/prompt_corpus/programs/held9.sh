#!/usr/bin/env bash
# Ninth held-out set, shell side: held9.sh <scenario>. bash read/select, sudo/ssh/gpg-style
# password reads, the real cp -i, mv -i, ln -i, rm -i, git clean -i, git checkout -p,
# git add -p, pip uninstall, ssh-keygen, openssl and gpg (with pinentry-curses) in a temporary
# directory, whiptail and dialog boxes, and look-alikes built from real tools (shells with odd
# prompts, less, watch, top, git's pager and editor, vim). Prints ANSWER=<what happened>. Written blind; never used for
# tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b trunk repo && cd repo || exit 1
    git config user.email ci@example.org && git config user.name CI
    printf 'alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\n' > plan.txt
    git add plan.txt && git commit -qm "Add the plan"
}

gpg_home() {
    export GNUPGHOME="$tmp/gnupg" GPG_TTY
    GPG_TTY=$(tty)
    mkdir -m 700 "$GNUPGHOME"
    echo "pinentry-program $(command -v pinentry-curses)" > "$GNUPGHOME/gpg-agent.conf"
    trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_no)
        echo "Staging lags prod by 3 days."
        read -r -p "Refresh it from last night's snapshot? [y/N]: " reply; answer "${reply:-n}" ;;
    read_yn_wrapped_long)
        read -r -p "Two of the five mail relays still advertise TLS 1.0 and the partner bank's scanner flags them every Monday; disable TLS 1.0 and 1.1 on every relay during tonight's window? [Y/n] " reply
        answer "${reply:-y}" ;;
    read_prefill_replace)
        read -r -e -i "eu-central-1" -p "AWS region ▸ " reply; answer "$reply" ;;
    read_prefill_keep)
        read -r -e -i "/srv/www/shop" -p "Document root: " reply
        [ "$reply" = "/srv/www/shop" ] && answer kept || answer "$reply" ;;
    read_numbered_number)
        echo "Postgres major version to install:"
        echo "   [1] 13 (EOL 2025-11)"
        echo "   [2] 14"
        echo "   [3] 15"
        echo "   [4] 16"
        echo "   [5] 17"
        echo "   [6] 18 (beta)"
        read -r -p "Enter 1-6: " reply
        case $reply in [1-6]) answer "pg$((reply + 12))" ;; *) answer "$reply" ;; esac ;;
    read_numbered_label)
        echo "Editor for commit messages:"
        echo "  1 - nano"
        echo "  2 - vim"
        echo "  3 - neovim"
        echo "  4 - helix"
        echo "  5 - emacs -nw"
        read -r -p "Choice: " reply
        case $reply in 4|helix) answer helix ;; *) answer "$reply" ;; esac ;;
    select_ps3_label)
        PS3="Restore into which namespace? "
        select ns in billing-prod billing-staging billing-dev scratch "abort restore"; do
            answer "$ns"; break
        done ;;
    select_ps3_number)
        echo "Several kubeconfig contexts match 'eu':"
        PS3="#> "
        select c in "admin@eu-prod" "admin@eu-stage" "readonly@eu-prod" "ci@eu-stage" "dev@eu-sandbox" "dev@eu-sandbox-2"; do
            answer "$REPLY"; break
        done ;;
    read_type_project)
        echo -e "\e[1;31mDeleting project \e[4mmobile-backend\e[24m removes 14 environments and all secrets.\e[0m"
        read -r -p "Type mobile-backend to confirm: " reply
        [ "$reply" = "mobile-backend" ] && answer deleted || answer kept ;;
    read_type_lower_word)
        echo "This resets the replication topology of all 5 nodes."
        read -r -p "Enter 'reset' to continue, anything else aborts: " reply
        [ "$reply" = "reset" ] && answer reset || answer aborted ;;
    read_sudo_password)
        read -r -s -p "[sudo] password for ops: " pw; echo; answer "len${#pw}" ;;
    read_ssh_password)
        read -r -s -p "git@192.168.77.3's password: " pw; echo; answer "len${#pw}" ;;
    read_gpg_style)
        echo "gpg: using \"0x5F2A91C3\" as default secret key for signing"
        echo "gpg: signing tag v26.12.3 for Build Signer <signer@acme.dev>"
        read -r -s -p "Enter passphrase: " pw; echo; answer "len${#pw}" ;;
    read_letter_keys)
        echo "Hunk 2/3 of src/router.go does not apply cleanly."
        read -r -n1 -p "[a]pply anyway, [s]kip hunk, [e]dit, [q]uit: " reply; echo
        case $reply in a) answer apply ;; s) answer skip ;; e) answer edit ;; q) answer quit ;; *) answer "$reply" ;; esac ;;
    read_press_enter)
        echo "Insert the install USB stick into the target machine."
        read -r -p "Press [Enter] when it is plugged in " _; answer ready ;;
    read_banner_below)
        echo -e "\e[45;97m  HOTFIX 26.12.3 · 4 commits · CI green  \e[0m"
        read -r -p "Cherry-pick onto release/26.12? (y/n) " reply; answer "$reply" ;;
    read_default_brackets_number)
        read -r -p "Keep how many nightly backups? [7] " reply; answer "${reply:-7}" ;;
    read_question_above_colour)
        echo -e "\e[1mWhat should the new VLAN be called?\e[0m"
        echo -e "\e[43;30m  switch core-sw-2 · 48 ports · firmware 9.3.12                \e[0m"
        read -r -p "> " reply; answer "$reply" ;;
    read_yes_no_words)
        read -r -p "Rotate the root CA for the internal mesh now? Type yes or no: " reply; answer "$reply" ;;
    read_n1_yn)
        echo "host 3/8 (db-replica-2) patched."
        read -r -n1 -p "Continue with the next host? (y/n) " reply; echo; answer "$reply" ;;
    # ---------------------------------------------------------------- real tools
    cp_i_keep)
        echo mine > hosts && mkdir -p new && echo theirs > new/hosts
        cp -i new/hosts hosts; answer "$(cat hosts)" ;;
    mv_i_replace)
        echo v1 > index.html && echo v2 > index.new.html
        mv -i index.new.html index.html; answer "$(cat index.html)" ;;
    ln_i_replace)
        echo a > current && echo b > release-42
        ln -i -s release-42 current; [ -L current ] && answer linked || answer kept ;;
    rm_i_keep)
        mkdir -p logs && echo x > logs/app.log
        rm -i logs/app.log; [ -e logs/app.log ] && answer kept || answer removed ;;
    git_clean_i_quit)
        git_repo
        touch build.o core.dump
        git clean -i
        [ -e core.dump ] && answer kept || answer cleaned ;;
    git_checkout_p)
        git_repo
        printf 'alpha\nbeta\nGAMMA\ndelta\nepsilon\nzeta\n' > plan.txt
        git checkout -p
        grep -q GAMMA plan.txt && answer kept || answer discarded ;;
    git_add_p_no)
        git_repo
        printf 'alpha\nbeta\ngamma\ndelta\nepsilon\nZETA\n' > plan.txt
        git add -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    ssh_keygen_overwrite)
        ssh-keygen -q -t ed25519 -N "" -f "$tmp/id_deploy" -C deploy@acme >/dev/null
        before=$(cat "$tmp/id_deploy.pub")
        ssh-keygen -t ed25519 -N "" -f "$tmp/id_deploy" -C deploy@acme
        [ "$before" = "$(cat "$tmp/id_deploy.pub")" ] && answer kept || answer replaced ;;
    ssh_keygen_change_passphrase)
        ssh-keygen -q -t ed25519 -N "" -f "$tmp/id_ci" -C ci@acme >/dev/null
        ssh-keygen -p -f "$tmp/id_ci"
        ssh-keygen -y -P hunter2 -f "$tmp/id_ci" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_pkey_passin)
        openssl genpkey -algorithm ed25519 -aes256 -pass pass:hunter2 -out signing.pem 2>/dev/null
        openssl pkey -in signing.pem -out plain.pem
        [ -s plain.pem ] && answer len7 || answer other ;;
    pip_uninstall_keep)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/leftpad" "$site/leftpad-0.3.dist-info"
        echo "x = 1" > "$site/leftpad/__init__.py"
        printf 'Metadata-Version: 2.1\nName: leftpad\nVersion: 0.3\n' > "$site/leftpad-0.3.dist-info/METADATA"
        printf 'leftpad/__init__.py,,\nleftpad-0.3.dist-info/METADATA,,\nleftpad-0.3.dist-info/RECORD,,\n' > "$site/leftpad-0.3.dist-info/RECORD"
        echo pip > "$site/leftpad-0.3.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall leftpad
        [ -e "$site/leftpad" ] && answer kept || answer uninstalled ;;
    gpg_decrypt_pinentry)
        gpg_home
        echo "quarterly numbers" > report.txt
        gpg -q --batch --pinentry-mode loopback --passphrase hunter2 --no-symkey-cache \
            -c -o report.txt.gpg report.txt 2>/dev/null
        gpg -q -d -o out.txt report.txt.gpg
        cmp -s out.txt report.txt && answer len7 || answer other ;;
    gpg_delete_key_yn)
        gpg_home
        gpg -q --batch --passphrase "" --quick-gen-key "Old CI <old-ci@acme.dev>" ed25519 sign never 2>/dev/null
        gpg -q --export old-ci@acme.dev > pub.asc
        gpgconf --kill gpg-agent 2>/dev/null; rm -rf "${GNUPGHOME:?}"/*
        gpg -q --import pub.asc 2>/dev/null
        gpg --delete-key old-ci@acme.dev
        gpg -q --list-keys old-ci@acme.dev >/dev/null 2>&1 && answer kept || answer deleted ;;
    # ---------------------------------------------------------------- whiptail / dialog
    wt_yesno_plain)
        whiptail --title "Unattended upgrades" --yesno "Install security updates automatically every night?" 9 58
        answer "rc$?" ;;
    wt_msgbox_ok)
        whiptail --title "Welcome" --msgbox "The installer will now partition /dev/sda. Press Ok to start." 9 60
        answer "rc$?" ;;
    wt_menu_default_item)
        r=$(whiptail --title "Timezone" --default-item "Europe/Berlin" --menu "Region for the system clock:" 17 62 8 \
            "Europe/Lisbon" "WET" "Europe/Berlin" "CET" "Europe/Athens" "EET" "Asia/Dubai" "GST" \
            "Asia/Tokyo" "JST" "America/Chicago" "CST" "America/Denver" "MST" "Pacific/Auckland" "NZST" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_untick)
        r=$(whiptail --separate-output --title "Kernel modules" --checklist "Load at boot:" 14 60 5 \
            wireguard "VPN" ON nfs "network file system" ON kvm "virtualisation" ON \
            zram "compressed swap" OFF i2c-dev "sensors" OFF 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    wt_radiolist_shell)
        r=$(whiptail --title "Users" --radiolist "Login shell for user 'kim':" 13 55 5 \
            /bin/bash "Bash" ON /bin/zsh "Z shell" OFF /usr/bin/fish "fish" OFF \
            /bin/dash "Debian Almquist" OFF /usr/bin/nu "Nushell" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_inputbox_empty)
        r=$(whiptail --title "Network" --inputbox "Static IPv4 address with prefix (e.g. 10.0.0.5/24):" 9 62 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_passwordbox_root)
        r=$(whiptail --passwordbox "Choose a password for the 'postgres' role:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_yesno_defaultno)
        dialog --title "Bootloader" --defaultno --yesno "Install GRUB to the MBR of /dev/sdb?" 7 50
        answer "rc$?" ;;
    dg_menu_seven)
        r=$(dialog --title "Mirror" --menu "Package mirror country:" 16 50 7 de "Germany" fr "France" nl "Netherlands" \
            se "Sweden" ch "Switzerland" at "Austria" cz "Czechia" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_untick)
        r=$(dialog --separate-output --checklist "Firewall: allowed services" 14 55 5 \
            ssh "22/tcp" ON http "80/tcp" ON https "443/tcp" ON smtp "25/tcp" OFF imaps "993/tcp" OFF 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    dg_radiolist_swap)
        r=$(dialog --radiolist "Swap size:" 12 40 4 none "no swap" OFF 2G "2 GiB" ON 8G "8 GiB" OFF ram "same as RAM" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_inputbox_prefilled_keep)
        r=$(dialog --inputbox "Domain for this host:" 8 50 "lab.acme.internal" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox)
        r=$(dialog --title "Wi-Fi" --insecure --passwordbox "Passphrase for 'office-2.4':" 8 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_yesno_custom_labels)
        dialog --yes-label "Format" --no-label "Cancel" --yesno "Format /dev/sdc1 (64 GB, label BACKUP) as exFAT?" 7 56
        answer "rc$?" ;;
    wt_menu_notags)
        r=$(whiptail --notags --title "Snapshots" --menu "When should snapshots run?" 14 50 5 \
            hourly "Every hour" nightly "Nightly at 02:00" weekly "Sundays at 03:00" \
            monthly "First of the month" off "Never" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_msgbox_ok_label)
        dialog --title "Licence" --ok-label "Got it" --msgbox "This build is for evaluation only and expires in 30 days." 7 62
        answer "rc$?" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_ps1_question)
        PS1='Continue? \$ ' HOME="$tmp" bash --norc -i ;;
    look_less_yn_log)
        { for i in $(seq 1 300); do echo "[$i] setup: Replace config? [y/N] -> N (kept by policy)"; done; } > setup.log
        less setup.log ;;
    look_git_diff_pager)
        git_repo
        for i in $(seq 1 60); do echo "Proceed? (y/n) line $i" >> plan.txt; done
        GIT_PAGER=less LESS=R git -c core.pager=less diff ;;
    look_git_commit_editor)
        git_repo
        echo eta >> plan.txt && git add plan.txt
        GIT_EDITOR=vim git commit ;;
    look_watch_password)
        watch -n 1 'echo "Password: ******** (cached)"; date +%s' ;;
    look_top_batchless)
        top -d 2 ;;
    look_sleep_select_prompt)
        echo "1) apply  2) skip  3) quit"
        printf '#? '
        sleep 100000 ;;
    look_log_loop_continue)
        while :; do
            echo "$(date +%T) deploy: Continue? [Y/n] auto-answered Y by --yes"
            echo "$(date +%T) deploy: ❯ rolling 3/9 pods"
            sleep 1
        done ;;
    look_sh_dollar_angle)
        PS1='> ' HOME="$tmp" sh -i ;;
    look_whiptail_infobox)
        whiptail --title "Installer" --infobox "Overwrite existing partitions? No — preserving them. Working…" 8 60
        sleep 100000 ;;
    look_dialog_gauge)
        for i in $(seq 0 100000); do echo $((i % 100)); sleep 0.4; done | dialog --gauge "Verifying packages… (Yes/No not needed)" 8 60 0 ;;
    look_make_numbered)
        echo "make: building 4 targets"
        echo "  [1/4] CC  main.o"
        echo "  [2/4] CC  prompt.o   # asks 'Continue? (y/n)' at run time"
        echo "  [3/4] LD  app"
        printf '  [4/4] STRIP app '
        sleep 100000 ;;
    look_bash_read_timeout_loop)
        # Never reads the terminal: the question is only printed inside a status line.
        while :; do
            printf '\r%s  status: "Retry? [r]etry/[a]bort" handled by supervisor script' "$(date +%T)"
            sleep 1
        done ;;
    look_vim_help)
        HOME="$tmp" vim -u NONE -c 'help confirm()' ;;
    *)
        echo "held9.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
