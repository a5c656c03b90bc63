#!/usr/bin/env bash
# Fifth held-out set, shell side: held5.sh <scenario>. bash read/select in layouts no earlier
# set uses, the real git clean -i, git checkout -p, git difftool, git credential, mv -i, rm -i of
# an empty file, tar -w, unzip, ssh-keygen and openssl questions in a temporary
# directory, apt- and dpkg-style questions, whiptail and dialog boxes (custom and extra
# buttons, default-no, preset items, prefilled fields), and look-alikes built from real tools
# (watch, top, less, more, tail -F, gauges, a progress box, shells and REPLs with odd
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
        read -r -t 600 -p "Proceed? (y/N) " reply; answer "${reply:-n}" ;;
    read_sudo_style)
        echo "Installing system packages needs elevated rights."
        read -r -s -p "[sudo] password for dev: " reply; echo; answer "len${#reply}" ;;
    read_question_below_banner)
        printf '\e[97;44m%-60s\e[0m\n' "  RELEASE 2026.12 · 41 merged pull requests"
        printf '\e[97;44m%-60s\e[0m\n\n' "  changelog: docs/releases/2026-12.md"
        read -r -p "Tag and push the release? (yes/no) " reply; answer "$reply" ;;
    read_threads_default)
        read -r -p "Worker threads [8]: " reply; answer "${reply:-8}" ;;
    select_env_label)
        PS3="Which environment? "
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
    git_clean_i)
        git_repo; touch scratch.tmp build.log
        git clean -i
        [ -e scratch.tmp ] && answer kept || answer cleaned ;;
    git_checkout_p)
        git_repo; printf 'alpha\nBETA\ngamma\ndelta\n' > list.txt
        git checkout -p
        grep -q BETA list.txt && answer kept || answer discarded ;;
    git_difftool)
        git_repo; printf 'alpha\nbeta\ngamma\ndelta\nepsilon\n' > list.txt
        git config difftool.mark.cmd 'touch "$HOME/launched"'
        git difftool --tool=mark
        [ -e "$tmp/launched" ] && answer launched || answer skipped ;;
    git_credential_password)
        export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
        out=$(printf 'protocol=https\nhost=git.example.org\nusername=alice\n\n' | git credential fill)
        pw=$(printf '%s\n' "$out" | sed -n 's/^password=//p'); answer "len${#pw}" ;;
    mv_i_yes)
        mkdir -p dist; echo old > dist/app.js; echo new > app.js
        mv -i app.js dist/
        [ "$(cat dist/app.js)" = new ] && answer moved || answer kept ;;
    rm_i_empty_file)
        : > deploy.pem
        rm -i deploy.pem
        [ -e deploy.pem ] && answer kept || answer removed ;;
    tar_w)
        echo hello > readme.txt; tar -cf bundle.tar readme.txt; rm readme.txt
        tar -xwf bundle.tar
        [ -e readme.txt ] && answer extracted || answer skipped ;;
    unzip_all)
        mkdir -p pkg; echo a > pkg/a.csv; echo b > pkg/b.csv
        python3 -c "import zipfile; z = zipfile.ZipFile('data.zip', 'w'); [z.write(f) for f in ('pkg/a.csv', 'pkg/b.csv')]; z.close()"
        echo local > pkg/a.csv; echo local > pkg/b.csv
        unzip data.zip
        [ "$(cat pkg/a.csv)$(cat pkg/b.csv)" = ab ] && answer all || answer partial ;;
    ssh_keygen_overwrite)
        ssh-keygen -q -t ed25519 -N "" -C ci -f ci_key
        before=$(cat ci_key.pub)
        ssh-keygen -q -t ed25519 -N "" -C ci -f ci_key
        [ "$(cat ci_key.pub)" = "$before" ] && answer kept || answer replaced ;;
    ssh_keygen_new_passphrase)
        ssh-keygen -q -a 1 -t ed25519 -C laptop -f laptop_key
        ssh-keygen -y -P hunter2 -f laptop_key >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_country_replace)
        printf '[req]\ndistinguished_name = dn\nprompt = yes\n[dn]\nC = Country Name (2 letter code)\nC_default = AU\nC_min = 2\nC_max = 2\n' > req.cnf
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout k.pem -config req.cnf -out r.csr
        answer "$(openssl req -in r.csr -noout -subject -nameopt oneline | sed 's/^subject= *//; s/ //g')" ;;
    openssl_pem_passphrase)
        openssl genpkey -algorithm ed25519 -aes-256-cbc -out key.pem
        openssl pkey -in key.pem -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    apt_style_continue)
        echo "Reading package lists... Done"
        echo "The following NEW packages will be installed:"
        echo "  libfoo3 foo-tools"
        echo "0 upgraded, 2 newly installed, 0 to remove and 4 not upgraded."
        echo "Need to get 1,204 kB of archives."
        echo "After this operation, 3,911 kB of additional disk space will be used."
        read -r -p "Do you want to continue? [Y/n] " reply
        case "${reply:-y}" in [Yy]*) answer installed ;; *) answer aborted ;; esac ;;
    dpkg_conffile)
        echo "Configuration file '/etc/relay/relay.conf'"
        echo " ==> Modified (by you or by a script) since installation."
        echo " ==> Package distributor has shipped an updated version."
        echo "   What would you like to do about it ?  Your options are:"
        echo "    Y or I  : install the package maintainer's version"
        echo "    N or O  : keep your currently-installed version"
        echo "      D     : show the differences between the versions"
        echo "      Z     : start a shell to examine the situation"
        echo " The default action is to keep your current version."
        read -r -p "*** relay.conf (Y/I/N/O/D/Z) [default=N] ? " reply
        case "${reply:-N}" in [YyIi]) answer maintainer ;; [NnOo]) answer kept ;; *) answer other ;; esac ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_plain)
        whiptail --title "Firewall" --yesno "Allow incoming connections on port 8443?" 8 52
        answer "rc$?" ;;
    wt_menu_tags_desc)
        choice=$(whiptail --title "Runtime" --menu "Container runtime:" 14 60 4 \
            containerd "industry standard" crio "Kubernetes-focused" podman "daemonless" \
            docker "classic engine" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_checklist_preset)
        choice=$(whiptail --title "Plugins" --separate-output --checklist "Editor plugins to install:" 14 58 5 \
            git "blame and diffs" ON lsp "language servers" ON spell "spell check" OFF \
            vim "vim keys" OFF tree "file tree" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_radiolist_desc)
        choice=$(whiptail --title "Updates" --radiolist "How should updates be applied?" 13 60 3 \
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
        choice=$(dialog --title "Keyboard" --menu "Keyboard layout:" 13 52 4 \
            us "English (US)" gb "English (UK)" de "German" no "Norwegian" 3>&1 1>&2 2>&3)
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
        exec sqlite3 -cmd ".mode box" -cmd "select 'Continue? (y/n)' as question, 'y' as reply;" ;;
    look_watch_glyphs)
        exec watch -n 1 "echo '❯ api      ● up'; echo '  worker   ● up'; echo '  cron     ○ paused (Resume? [y/N])'" ;;
    look_top_batch)
        exec top -b -d 1 ;;
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
    look_dialog_progressbox)
        ( n=0; while :; do echo "pkg-$n: Do you want to continue? [Y/n] Y"; n=$((n + 1)); sleep 0.5; done ) | dialog --title "apt" --progressbox 16 70
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
        printf 'NAME\tSTATUS\tNOTE\n❯ web\t● ready\tok\n  db\t● ready\tConfirm? (y/n) answered y\n  queue\t○ idle\t-\n' | column -t -s "$(printf '\t')"
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
