#!/usr/bin/env bash
# Third held-out set, shell side: held3.sh <scenario>. bash read/select in new layouts, the real
# cp -i, rm -i, mv -i, gzip, unzip, git, pip, ssh-keygen, openssl and gpg questions run in a
# temporary directory, whiptail and dialog boxes with custom labels and default No, and
# look-alikes built from real tools (shells with unusual prompts, REPLs, pagers, an editor,
# a web server, vmstat). Prints ANSWER=<what happened>. Never used for tuning.
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
    printf 'alpha\nbravo\ncharlie\n' > list.txt
    git add list.txt && git commit -qm "Add the list"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_dpkg_conffile)
        cat <<'EOF'
Setting up openssh-server (1:9.2p1-2+deb12u6) ...

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
    read_prefilled_keep)
        read -r -e -i "chore: bump dependencies" -p "Commit message: " reply; answer "$reply" ;;
    read_prefilled_replace)
        read -r -e -i "/usr/local" -p "Install prefix: " reply; answer "$reply" ;;
    read_banner_below)
        # The question, then a coloured status banner under it; the cursor goes back up.
        printf 'Apply 3 schema changes to orders_db? [y/N] \n\n'
        printf '\e[30;43m  MAINTENANCE WINDOW  ·  writes are paused until you answer  \e[0m\n'
        printf '\e[3A\e[44C'
        read -r reply; printf '\n\n\n'; answer "${reply:-n}" ;;
    read_type_phrase)
        printf '\e[1;31m!\e[0m The bucket \e[1mmy-assets-eu\e[0m holds 48,112 objects.\n'
        read -r -p "Type 'delete my-assets-eu' to confirm: " reply
        [ "$reply" = "delete my-assets-eu" ] && answer deleted || answer kept ;;
    read_number_quit)
        echo "Snapshots of vol-data:"
        labels=("2026-11-30 nightly" "2026-12-01 nightly" "2026-12-02 nightly" "2026-12-02 pre-upgrade" "2026-12-03 hourly")
        for i in "${!labels[@]}"; do printf '  %d. %s\n' $((i + 1)) "${labels[$i]}"; done
        read -r -p "Restore which snapshot? [1-5, q to quit]: " reply
        if [ "$reply" = q ]; then answer quit; else answer "${labels[$((reply - 1))]}"; fi ;;
    select_spaces_ps3)
        PS3="Which one? "
        echo "Two services listen on port 8080:"
        select s in "nginx (pid 812)" "node server.js (pid 4410)" "leave both running"; do
            [ -n "$s" ] && break
        done
        answer "$s" ;;
    read_wrapped_narrow)
        stty cols 44
        read -r -p "The disk image archive-2019.qcow2 (64 GB) has not been opened in 400 days. Move it to cold storage? (yes/no) " reply
        answer "$reply" ;;
    read_letter_keys)
        echo "Test run finished: 2 failed, 118 passed."
        read -r -n 1 -p "Press [r] to rerun failures, [a] to rerun all, [x] to exit: " reply
        answer "$reply" ;;
    read_insert_disk)
        echo "Copied 1,204 of 2,410 files."
        read -r -p "Insert the second backup drive and press ENTER to continue... " _
        answer continued ;;
    select_after_noise)
        for n in $(seq 1 80); do printf '\e[2m%s\e[0m \e[36mresolving\e[0m pkg-%d@^%d.0.0\n' "$(date +%T)" "$n" $((n % 9)); done
        echo "Peer dependency conflict for react:"
        select v in "use react@18.3.1" "use react@19.0.0" "abort install"; do [ -n "$v" ] && break; done
        answer "$v" ;;
    # ---------------------------------------------------------------- real tools
    cp_i)
        echo old > settings.json; echo new > settings.new.json
        cp -i settings.new.json settings.json
        [ "$(cat settings.json)" = new ] && answer overwritten || answer kept ;;
    rm_i)
        echo "draft" > notes.txt
        rm -i notes.txt
        [ -e notes.txt ] && answer kept || answer removed ;;
    mv_i)
        echo a > report.pdf; mkdir -p archive; echo b > archive/report.pdf
        mv -i report.pdf archive/
        [ "$(cat archive/report.pdf)" = a ] && answer moved || answer kept ;;
    gzip_overwrite)
        seq 1 1000 > data.txt; echo stale | gzip > data.txt.gz
        gzip data.txt
        [ -e data.txt ] && answer kept || answer compressed ;;
    unzip_replace)
        echo fresh > report.csv
        python3 -c "import zipfile; z=zipfile.ZipFile('r.zip','w'); z.writestr('report.csv','from-zip\n'); z.close()"
        unzip r.zip
        [ "$(cat report.csv)" = fresh ] && answer kept || answer replaced ;;
    git_add_p)
        git_repo; printf 'alpha\nBRAVO\ncharlie\n' > list.txt
        git add -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    git_checkout_p)
        git_repo; printf 'alpha\nbravo\ncharlie\ndelta\n' > list.txt
        git checkout -p
        grep -q delta list.txt && answer kept || answer discarded ;;
    git_clean_i)
        git_repo; touch build.log core.dump
        git clean -i
        [ -e build.log ] && answer kept || answer removed ;;
    git_credential_password)
        export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
        out=$(printf 'protocol=https\nhost=git.example.org\nusername=alice\n\n' | git credential fill)
        pw=$(printf '%s\n' "$out" | sed -n 's/^password=//p')
        answer "len${#pw}" ;;
    pip_uninstall)
        python3 -m venv --without-pip venv
        site=$(echo venv/lib/python3*/site-packages)
        mkdir -p "$site/tinyhelper-1.0.dist-info"
        echo "x = 1" > "$site/tinyhelper.py"
        printf 'Metadata-Version: 2.1\nName: tinyhelper\nVersion: 1.0\n' > "$site/tinyhelper-1.0.dist-info/METADATA"
        echo pip > "$site/tinyhelper-1.0.dist-info/INSTALLER"
        printf 'tinyhelper.py,,\ntinyhelper-1.0.dist-info/METADATA,,\ntinyhelper-1.0.dist-info/INSTALLER,,\ntinyhelper-1.0.dist-info/RECORD,,\n' > "$site/tinyhelper-1.0.dist-info/RECORD"
        pipdir=$(python3 -c "import os, pip; print(os.path.dirname(os.path.dirname(pip.__file__)))")
        PYTHONPATH="$pipdir" PIP_DISABLE_PIP_VERSION_CHECK=1 venv/bin/python -m pip uninstall tinyhelper
        [ -e "$site/tinyhelper.py" ] && answer kept || answer uninstalled ;;
    ssh_keygen_overwrite)
        ssh-keygen -q -t ed25519 -N "" -C old -f deploy_key >/dev/null
        ssh-keygen -t ed25519 -N "" -C new -f deploy_key
        grep -q " old$" deploy_key.pub && answer kept || answer replaced ;;
    ssh_keygen_passphrase)
        ssh-keygen -t ed25519 -C ci@example.org -f ci_key
        pw=$(ssh-keygen -y -P hunter2 -f ci_key >/dev/null 2>&1 && echo hunter2)
        answer "len${#pw}" ;;
    openssl_passphrase)
        openssl genpkey -algorithm ed25519 -aes256 -out signing.pem
        openssl pkey -in signing.pem -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer wrong ;;
    gpg_pinentry)
        export GNUPGHOME="$tmp/gnupg" GPG_TTY
        GPG_TTY=$(tty)
        mkdir -m 700 "$GNUPGHOME"
        printf 'pinentry-program /usr/bin/pinentry-curses\nmin-passphrase-len 4\nmin-passphrase-nonalpha 0\n' > "$GNUPGHOME/gpg-agent.conf"
        trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
        # The agent daemonises: if this script is killed outright, a detached watcher stops it.
        setsid -f bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done
            GNUPGHOME="$2" gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$3"' _ $$ "$GNUPGHOME" "$tmp" \
            </dev/null >/dev/null 2>&1
        echo "payroll 2026" > secrets.txt
        gpg --quiet --symmetric secrets.txt
        clear
        if gpg --batch --quiet --pinentry-mode loopback --passphrase hunter2 -d secrets.txt.gpg >/dev/null 2>&1; then
            answer len7
        else
            answer wrong
        fi ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_defaultno_labels)
        whiptail --title "Kernel update" --defaultno --yes-button "Reboot" --no-button "Later" \
            --yesno "Kernel 6.8.0-41 is installed. Reboot into it now?" 10 60
        answer "rc$?" ;;
    wt_checklist_on)
        choice=$(whiptail --title "Firewall" --separate-output --checklist "Open these ports:" 15 50 5 \
            ssh "" ON http "" OFF https "" ON smtp "" OFF dns "" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_radiolist_desc)
        choice=$(whiptail --title "Compression" --radiolist "Compress the nightly backups with:" 14 64 4 \
            gzip "Compatible everywhere, slow" ON \
            zstd "Fast, good ratio" OFF \
            lz4 "Fastest, larger files" OFF \
            xz "Smallest files, very slow" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_menu_numbered)
        choice=$(whiptail --title "Recovery" --menu "The database did not shut down cleanly." 15 60 4 \
            1 "Start normally" 2 "Start read-only" 3 "Restore from backup" 4 "Open a shell" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_msgbox_custom_ok)
        whiptail --title "Done" --ok-button "Got it" --msgbox "The import finished: 12,480 rows, 3 skipped." 9 56
        answer "rc$?" ;;
    wt_passwordbox)
        choice=$(whiptail --title "Encrypted volume" --passwordbox "Passphrase to unlock /dev/sdc2:" 9 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#choice}" ;;
    wt_inputbox_replace)
        choice=$(whiptail --title "Database" --inputbox "User name for the admin account:" 9 56 "guest" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_yesno_plain_no)
        whiptail --title "Telemetry" --yesno "Share anonymous usage statistics with the maintainers? You can change this later in Settings." 10 60
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_yesno_labels)
        dialog --title "Format" --yes-label "Format" --no-label "Back" \
            --yesno "Format /dev/sdb1 (USB stick, 32 GB) as exFAT?" 8 56
        rc=$?; clear; answer "rc$rc" ;;
    dg_defaultno_short)
        dialog --defaultno --yesno "Skip the remaining checks?" 7 40
        rc=$?; clear; answer "rc$rc" ;;
    dg_menu_default_item)
        choice=$(dialog --title "Branch" --default-item develop --menu "Check out which branch?" 14 60 4 \
            main "protected, 2 days old" develop "default branch" release/3.1 "frozen" hotfix/cve "open PR #41" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_checklist_desc)
        choice=$(dialog --title "Runtimes" --separate-output --checklist "Container runtimes to install:" 14 64 4 \
            docker "Docker Engine 27" off podman "Podman 5, rootless" off \
            containerd "containerd only" off nerdctl "containerd + nerdctl CLI" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$(echo "$choice" | paste -sd, -)" ;;
    dg_radiolist_no_tags)
        choice=$(dialog --no-tags --title "Updates" --radiolist "How should updates be installed?" 12 56 3 \
            auto "Automatically" on notify "Notify me first" off manual "Manually" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_inputbox_keep)
        choice=$(dialog --title "Mirror" --inputbox "Package mirror URL:" 9 64 "https://mirror.example.org/debian" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_msgbox_ok_label)
        dialog --title "Read me" --ok-label "Continue" --msgbox "Your trial ends in 3 days. Export your data from Settings > Export." 8 60
        rc=$?; clear; answer "rc$rc" ;;
    dg_menu_after_noise)
        for n in $(seq 1 60); do printf '\e[32m✓\e[0m step %d done\n' "$n"; done
        choice=$(dialog --title "Next" --menu "Setup is complete. What next?" 12 50 3 \
            open "Open the dashboard" docs "Read the guide" exit "Exit setup" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    # ---------------------------------------------------------------- look-alikes
    look_ps1_git_arrow)
        PS1='(venv) ➜  app git:(main) ✗ ' exec bash --norc --noprofile -i ;;
    look_ps1_kali_box)
        PS1='┌──(alice㉿box)-[~/app]\n└─$ ' exec bash --norc --noprofile -i ;;
    look_ps1_lambda_question)
        echo "Last command exited 1. Did you mean 'git status'? (run it yourself)"
        PS1='λ ' exec bash --norc --noprofile -i ;;
    look_ps1_root_hash)
        PS1='[root@prod-db-01 /var/lib/postgresql]# ' exec bash --norc --noprofile -i ;;
    look_box_then_shell)
        printf '┌──────────── Restart services ─────────────┐\n│ Restart the services that use libssl now? │\n│                                           │\n│         <Yes>              <No>           │\n└───────────────────────────────────────────┘\n'
        echo "(copied from the upgrade log of 2026-11-30)"
        PS1='$ ' exec bash --norc --noprofile -i ;;
    look_python_ps1)
        exec python3 -q -i -c "import sys; print('Which database? [postgres/mysql]  <- asked by the old script'); sys.ps1='py? '" ;;
    look_node_custom_repl)
        exec node -e "console.log('Overwrite existing files? (y/N) -- logged by the generator'); require('repl').start({prompt: 'app › '})" ;;
    look_sqlite_prompt)
        exec sqlite3 -cmd ".prompt 'db> ' '...> '" -cmd "select 'Continue? [Y/n] is stored in table questions';" ;;
    look_git_log_pager)
        git_repo
        git commit -q --allow-empty -m "Ask 'Overwrite? [y/N]' before copying over a file"
        git commit -q --allow-empty -m "Show '? Select a target (Use arrow keys)' in the wizard"
        for n in $(seq 1 40); do git commit -q --allow-empty -m "Tidy step $n"; done
        GIT_PAGER=less LESS= exec git log ;;
    look_vim_file)
        printf '? Which environment? (Use arrow keys)\n❯ staging\n  production\n\nProceed with deployment? [y/N]\n' > answers.txt
        exec vim -u NONE -N answers.txt ;;
    look_http_server)
        exec python3 -m http.server 0 --bind 127.0.0.1 ;;
    look_vmstat)
        echo "Watching memory; answer the 'Swap off? (y/n)' question in the other pane."
        exec vmstat 1 ;;
    look_dialog_progressbox)
        for n in $(seq 1 300); do echo "unpacking part $n: Replace existing? [y/N] -> y (from answers file)"; sleep 0.5; done \
            | dialog --title "Installing" --progressbox 16 70
        sleep 600 ;;
    look_less_dialog_doc)
        {
            echo "INSTALL GUIDE"
            echo
            echo "When the installer asks:"
            echo "  ┌──────── Network ────────┐"
            echo "  │ Use DHCP for eth0?      │"
            echo "  │   <Yes>       <No>      │"
            echo "  └─────────────────────────┘"
            echo "answer <Yes>. Then, at 'Continue? (y/n)', type y."
            for n in $(seq 1 60); do echo "step $n: see the section above"; done
        } > guide.txt
        exec less guide.txt ;;
    look_top_batch)
        exec top -b -d 1 ;;
    *)
        echo "held3.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
