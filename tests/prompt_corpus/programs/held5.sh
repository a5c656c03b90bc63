#!/usr/bin/env bash
# Fifth held-out set, shell side: held5.sh <scenario>. bash read/select in layouts no earlier
# set uses, the real git mergetool, git reset -p, git difftool, git am -i, rm -i of an empty
# file, rm -di, tar -w, zip -e, gpg --delete-key and openssl (req, pkcs12, enc) questions in a
# temporary directory, dnf- and pacman-style questions, whiptail and dialog boxes (custom and extra
# buttons, default-no, preset items, prefilled fields), and look-alikes built from real tools
# (watch, free, less, more, pydoc, tail -F, gauges, shells and REPLs with odd
# prompts). Prints ANSWER=<what happened>. Written blind; never used for tuning.
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
    printf 'alpha\nbeta\ngamma\ndelta\n' > list.txt
    git add list.txt && git commit -qm "Add list"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_default_parens)
        read -r -p "Install location (default: /opt/relay): " reply; answer "${reply:-/opt/relay}" ;;
    read_prefill_region_keep)
        read -r -e -i "eu-west-2" -p "AWS region: " reply; answer "$reply" ;;
    read_one_key_bashrc)
        read -r -n 1 -p "Overwrite ~/.bashrc with the team version? [Y/n] " reply; echo
        answer "${reply:-y}" ;;
    read_type_db_name)
        printf '\e[1;31m!!\e[0m dropping \e[1mbilling\e[0m removes 2.3M rows and all its backups\n'
        read -r -p "Type the database name to drop it: " reply
        [ "$reply" = billing ] && answer dropped || answer kept ;;
    read_type_delete)
        echo "18 buckets and 6,112 objects will be removed from the account."
        read -r -p "Type DELETE to continue: " reply
        [ "$reply" = DELETE ] && answer removed || answer kept ;;
    read_wrapped_eighty)
        read -r -p "The staging and production environments share the same Redis instance, so flushing it also drops production sessions; flush it now? (y/N) " reply
        answer "${reply:-n}" ;;
    read_yellow_banner)
        printf '\e[30;103m%-70s\e[0m\n' " ⚠  Certificate for api.example.org expires in 3 days"
        printf '\e[30;103m%-70s\e[0m\n' "    issuer: internal-ca · serial 5F:21:0A"
        read -r -p "Renew the certificate now? [y/N] " reply; answer "${reply:-n}" ;;
    read_letter_keys)
        echo "config/app.yml differs from the template."
        read -r -p "(k)eep yours, (r)eplace, (d)iff, (a)bort? " reply
        case "$reply" in k) answer keep ;; r) answer replace ;; d) answer diff ;; *) answer abort ;; esac ;;
    read_vault_password)
        read -r -s -p "Vault password: " reply; echo; answer "len${#reply}" ;;
    read_selection_number)
        echo "Available plans:"
        echo "  1. hobby"
        echo "  2. team"
        echo "  3. enterprise"
        read -r -p "Enter selection (default: 1): " reply
        plans=(hobby team enterprise); answer "${plans[$(( ${reply:-1} - 1 ))]}" ;;
    read_choose_label)
        echo "Install the CLI for which shell completion?"
        echo "[1] bash   [2] zsh   [3] fish"
        read -r -p "Choose from [1/2/3]: " reply
        shells=(bash zsh fish); answer "${shells[$(( reply - 1 ))]}" ;;
    read_press_enter_brackets)
        echo "The installer will now partition /dev/vdb."
        read -r -p "Press [Enter] to continue or Ctrl-C to abort..." _; answer continued ;;
    read_timeout_proceed)
        echo "Applying 7 Terraform changes (2 destroy)."
        read -r -t 600 -p "Go ahead? (y/N) " reply; answer "${reply:-n}" ;;
    read_sudo_style)
        echo "Installing system packages needs elevated rights."
        read -r -s -p "[sudo] password for dev: " reply; echo; answer "len${#reply}" ;;
    read_question_below_banner)
        printf '\e[97;44m%-60s\e[0m\n' "  RELEASE 2026.12 · 41 merged pull requests"
        printf '\e[97;44m%-60s\e[0m\n\n' "  changelog: docs/releases/2026-12.md"
        read -r -p "Publish release 2026.12 now? (yes/no) " reply; answer "$reply" ;;
    read_threads_default)
        read -r -p "Worker threads [8]: " reply; answer "${reply:-8}" ;;
    select_env_label)
        PS3="Target env> "
        select e in development staging production; do [ -n "$e" ] && break; done
        answer "$e" ;;
    select_quit_number)
        PS3="#> "
        echo "Backups found for db-main:"
        select b in "2026-12-01 03:00" "2026-12-02 03:00" "2026-12-03 03:00" "Quit"; do
            [ -n "$b" ] && break
        done
        answer "$b" ;;
    # ---------------------------------------------------------------- real tools
    git_mergetool)
        git_repo
        git checkout -q -b other
        printf 'alpha\nBETA-other\ngamma\ndelta\n' > list.txt; git commit -qam "Other"
        git checkout -q main
        printf 'alpha\nBETA-main\ngamma\ndelta\n' > list.txt; git commit -qam "Main"
        git merge -q other >/dev/null 2>&1
        git config mergetool.takeother.cmd 'cp "$REMOTE" "$MERGED"'
        git config mergetool.takeother.trustExitCode true
        git config mergetool.keepBackup false; git config mergetool.prompt true
        git mergetool --tool=takeother
        grep -q BETA-other list.txt && answer resolved || answer unresolved ;;
    git_reset_p)
        git_repo; printf 'alpha\nbeta\nGAMMA\ndelta\n' > list.txt; git add list.txt
        git reset -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    git_difftool)
        git_repo; printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' > list.txt
        git config difftool.mark.cmd 'touch "$HOME/launched"'
        git difftool --tool=mark
        [ -e "$tmp/launched" ] && answer launched || answer skipped ;;
    git_am_i)
        git_repo
        printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' > list.txt; git commit -qam "Add epsilon to the list"
        git format-patch -q -1 -o "$tmp/patches" >/dev/null
        git reset -q --hard HEAD~1
        git am -i "$tmp"/patches/*.patch
        grep -q epsilon list.txt && answer applied || answer skipped ;;
    rm_di_dir)
        mkdir old-cache
        rm -di old-cache
        [ -d old-cache ] && answer kept || answer removed ;;
    pip_uninstall_no)
        python3 -m venv --without-pip venv
        site=$(echo venv/lib/python3*/site-packages)
        info="$site/tinyjson-1.2.dist-info"; mkdir -p "$info" "$site/tinyjson"
        for f in __init__ decoder encoder; do echo "x = 1" > "$site/tinyjson/$f.py"; done
        printf 'Metadata-Version: 2.1\nName: tinyjson\nVersion: 1.2\n' > "$info/METADATA"
        echo pip > "$info/INSTALLER"
        printf 'tinyjson/__init__.py,,\ntinyjson/decoder.py,,\ntinyjson/encoder.py,,\ntinyjson-1.2.dist-info/METADATA,,\ntinyjson-1.2.dist-info/INSTALLER,,\ntinyjson-1.2.dist-info/RECORD,,\n' > "$info/RECORD"
        pipdir=$(python3 -c "import os, pip; print(os.path.dirname(os.path.dirname(pip.__file__)))")
        PYTHONPATH="$pipdir" PIP_DISABLE_PIP_VERSION_CHECK=1 venv/bin/python -m pip uninstall tinyjson
        [ -e "$site/tinyjson/decoder.py" ] && answer kept || answer uninstalled ;;
    ssh_keygen_comment)
        ssh-keygen -q -t ed25519 -N "" -C ci -f ci_key
        ssh-keygen -c -f ci_key
        answer "$(cut -d' ' -f3 ci_key.pub)" ;;
    rm_i_empty_file)
        : > deploy.pem
        rm -i deploy.pem
        [ -e deploy.pem ] && answer kept || answer removed ;;
    tar_w)
        echo hello > readme.txt; tar -cf bundle.tar readme.txt; rm readme.txt
        tar -xwf bundle.tar
        [ -e readme.txt ] && answer extracted || answer skipped ;;
    zip_encrypt)
        echo "q3 numbers" > payroll.csv
        zip -q -e payroll.zip payroll.csv
        unzip -P hunter2 -t payroll.zip >/dev/null 2>&1 && answer len7 || answer other ;;
    gpg_delete_key)
        export GNUPGHOME="$tmp/gnupg-a"; mkdir -m 700 "$GNUPGHOME"
        gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
            --quick-gen-key 'Build Bot <bot@example.org>' ed25519 sign never 2>/dev/null
        gpg --quiet --export bot@example.org > bot.pub
        gpgconf --kill gpg-agent 2>/dev/null
        export GNUPGHOME="$tmp/gnupg-b"; mkdir -m 700 "$GNUPGHOME"
        gpg --quiet --import bot.pub 2>/dev/null
        gpg --delete-key bot@example.org
        gpg --list-keys bot@example.org >/dev/null 2>&1 && answer kept || answer deleted
        gpgconf --kill gpg-agent 2>/dev/null ;;
    openssl_pkcs12_export)
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=svc -days 1 \
            -keyout k.pem -out c.pem 2>/dev/null
        openssl pkcs12 -export -in c.pem -inkey k.pem -out svc.p12
        openssl pkcs12 -in svc.p12 -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    openssl_country_replace)
        printf '[req]\ndistinguished_name = dn\nprompt = yes\n[dn]\nC = Country Name (2 letter code)\nC_default = AU\nC_min = 2\nC_max = 2\n' > req.cnf
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout k.pem -config req.cnf -out r.csr
        answer "$(openssl req -in r.csr -noout -subject -nameopt oneline | sed 's/^subject= *//; s/ //g')" ;;
    openssl_enc_password)
        echo "api_key=abc" > env.txt
        openssl enc -aes-256-cbc -pbkdf2 -salt -in env.txt -out env.enc
        openssl enc -d -aes-256-cbc -pbkdf2 -in env.enc -pass pass:hunter2 >/dev/null 2>&1 && answer len7 || answer other ;;
    dnf_style_is_this_ok)
        echo "Dependencies resolved."
        echo "================================================================"
        echo " Package        Arch     Version        Repository     Size"
        echo "================================================================"
        echo "Installing:"
        echo " htop           x86_64   3.3.0-1.fc40   updates        210 k"
        echo
        echo "Transaction Summary"
        echo "Install  1 Package"
        echo
        echo "Total download size: 210 k"
        read -r -p "Is this ok [y/N]: " reply
        case "$reply" in [Yy]*) answer installed ;; *) answer aborted ;; esac ;;
    pacman_providers)
        echo ":: There are 3 providers available for java-runtime:"
        echo ":: Repository extra"
        echo "   1) jdk-openjdk  2) jdk17-openjdk  3) jdk21-openjdk"
        echo
        read -r -p "Enter a number (default=1): " reply
        p=(jdk-openjdk jdk17-openjdk jdk21-openjdk); answer "${p[$(( ${reply:-1} - 1 ))]}" ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_plain)
        whiptail --title "Firewall" --yesno "Allow incoming connections on port 8443?" 8 52
        answer "rc$?" ;;
    wt_menu_tags_desc)
        choice=$(whiptail --title "Runtime" --menu "Pick the container engine:" 14 60 4 \
            containerd "industry standard" crio "Kubernetes-focused" podman "daemonless" \
            docker "classic engine" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_checklist_preset)
        choice=$(whiptail --title "Plugins" --separate-output --checklist "Editor plugins to install:" 14 58 5 \
            git "blame and diffs" ON lsp "language servers" ON spell "spell check" OFF \
            vim "vim keys" OFF tree "file tree" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_radiolist_desc)
        choice=$(whiptail --title "Updates" --radiolist "Update policy for this host:" 13 60 3 \
            auto "install and reboot at night" ON notify "only notify me" OFF \
            manual "do nothing" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_inputbox_keep)
        choice=$(whiptail --title "NTP" --inputbox "Time server:" 9 50 "pool.ntp.org" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_passwordbox_admin)
        choice=$(whiptail --title "Router" --passwordbox "Admin password for the router:" 9 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#choice}" ;;
    wt_msgbox_ok_label)
        whiptail --title "Done" --ok-button "Got it" --msgbox "The router will reboot in 60 seconds." 8 50
        answer "rc$?" ;;
    wt_yesno_erase_defaultno)
        whiptail --defaultno --title "Factory reset" --yes-button "Erase" --no-button "Cancel" \
            --yesno "Erase all settings and return to factory defaults?" 9 58
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_yesno_defaultno_yes)
        dialog --defaultno --title "Upgrade" --yesno "Upgrade PostgreSQL 15 to 17 in place?" 7 52
        rc=$?; clear; answer "rc$rc" ;;
    dg_menu_tags_desc)
        choice=$(dialog --title "Keyboard" --menu "Console keymap:" 13 52 4 \
            us "American" gb "British" de "German (nodeadkeys)" no "Norwegian" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_checklist_none)
        choice=$(dialog --title "Fonts" --separate-output --checklist "Font packages:" 13 52 4 \
            noto "Noto" off dejavu "DejaVu" off liberation "Liberation" off hack "Hack" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$(echo "$choice" | paste -sd, -)" ;;
    dg_radiolist_none_on)
        choice=$(dialog --title "Display" --radiolist "Display manager:" 12 52 3 \
            gdm "GNOME" off sddm "KDE" off lightdm "lightweight" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_inputbox_empty)
        choice=$(dialog --title "Proxy" --inputbox "HTTP proxy URL (empty for none):" 8 56 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_passwordbox_luks)
        choice=$(dialog --title "Encryption" --passwordbox "LUKS passphrase for /dev/vdb1:" 8 52 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:len${#choice}" ;;
    dg_msgbox_ok)
        dialog --title "Finished" --msgbox "Installation complete. Remove the USB stick." 7 54
        rc=$?; clear; answer "rc$rc" ;;
    dg_yesno_extra_button)
        dialog --title "Reboot" --extra-button --extra-label "Later" --yesno "A reboot is needed to finish the update. Reboot now?" 7 60
        rc=$?; clear; answer "rc$rc" ;;
    dg_menu_numbers_label)
        choice=$(dialog --title "Backup" --default-item 2 --menu "Backup target:" 12 50 3 \
            1 "USB disk" 2 "NAS share" 3 "Cloud bucket" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    # ---------------------------------------------------------------- look-alikes
    look_ps1_gt)
        PS1='> ' exec bash --norc --noprofile -i ;;
    look_ps1_arrow_branch)
        PS1='proj (main) ❯ ' exec bash --norc --noprofile -i ;;
    look_sh_hash)
        echo "maintenance shell: nothing to confirm here"
        PS1='# ' exec sh -i ;;
    look_python_after_menu)
        exec python3 -q -i -c "print('1) start  2) stop  3) status'); print('Choose an action with act(n).')" ;;
    look_sqlite_table)
        exec sqlite3 -cmd ".mode box" -cmd "select 'Retry the import? (y/n)' as question, 'y' as reply;" ;;
    look_watch_glyphs)
        exec watch -n 1 "echo '❯ api      ● up'; echo '  worker   ● up'; echo '  cron     ○ paused (Resume? [y/N])'" ;;
    look_free_stream)
        echo "memory watch (Ctrl-C to stop; Continue? is never asked)"
        exec free -h -s 1 ;;
    look_less_password_log)
        { for n in $(seq 1 80); do echo "$n Password: accepted for user-$n (Continue? yes)"; done; } > auth.log
        exec less auth.log ;;
    look_more_pager)
        { echo "Options:"; echo "  1) keep  2) replace  3) abort"; for n in $(seq 1 80); do echo "note $n"; done; } > notes.txt
        exec more notes.txt ;;
    look_tail_f_yn)
        for n in $(seq 1 4); do echo "step $n: Remove stale lock? [Y/n] Y"; done > run.log
        ( n=5; while :; do echo "step $n: Password: (from keyring)" >> run.log; n=$((n + 1)); sleep 1; done ) &
        exec tail -F run.log ;;
    look_whiptail_gauge)
        for n in $(seq 0 100); do echo "$n"; sleep 0.3; done | whiptail --title "Flashing" --gauge "Writing image... Verify? (y/N) is asked later" 8 60 0
        sleep 600 ;;
    look_dialog_mixedgauge)
        dialog --title "Provisioning" --mixedgauge "Overall progress (Retry? [y/N] is asked only on failure)" 16 70 40 \
            "Download image" 3 "Verify checksum" 7 "Write to disk" -40
        sleep 600 ;;
    look_apt_progress)
        echo "Do you want to continue? [Y/n] Y"
        n=1
        while :; do echo "Get:$n http://deb.example.org/debian bookworm/main pkg-$n [12.${n} kB]"; n=$((n + 1)); sleep 0.4; done ;;
    look_script_replay)
        echo "Password: ********"
        echo "Login successful. Last login: Tue Dec  1 09:12"
        echo "Select a project: 2"
        echo "Loading project dashboard ..."
        sleep 600 ;;
    look_column_table)
        printf 'NAME\tSTATUS\tNOTE\n❯ web\t● ready\tok\n  db\t● ready\tConfirm? (y/n) got y\n  queue\t○ idle\t-\n' | column -t -s "$(printf '\t')"
        sleep 600 ;;
    look_git_log_pager)
        git_repo
        for n in $(seq 1 40); do git commit -q --allow-empty -m "Ask: Continue? (y/N) step $n"; done
        GIT_PAGER=less LESS= exec git log ;;
    look_node_repl_arrow)
        exec node -e "require('repl').start({prompt: '❯ '})" ;;
    look_watch_numbered)
        exec watch -n 1 "echo 'release train 2026.12'; echo '  1) build    done'; echo '  2) test     done'; echo '  3) deploy   waiting'; echo 'Enter selection in the web console to continue'" ;;
    look_pydoc_getpass)
        PAGER=less LESS= exec python3 -m pydoc getpass ;;
    look_bc_after_question)
        echo "Overwrite? [y/N] n -- kept results.txt"
        exec bc -q ;;
    *)
        echo "held5.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
