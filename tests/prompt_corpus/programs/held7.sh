#!/usr/bin/env bash
# Seventh held-out set, shell side: held7.sh <scenario>. bash read/select in layouts no earlier
# set uses (apt's "Yes, do as I say!", adduser- and passwd-style flows, pip- and npm-style
# questions, DOS-style letter keys, PS3 labels, wrapped select rows), the real cp -i, mv -i,
# rm -i, git stash -p, git's own credential questions, ssh-keygen's overwrite and old-passphrase
# questions and openssl req in a temporary directory, whiptail and dialog boxes (an extra
# button, renamed buttons with the focus on No, unticking pre-ticked rows, default items), and
# look-alikes built from real tools (git commit waiting in vim, more, watch, top in batch mode,
# an HTTP server, gauges, shells with odd prompts). Prints ANSWER=<what happened>. Written
# blind; never used for tuning.
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
    printf 'alpha\nbeta\ngamma\ndelta\n' > plan.txt
    git add plan.txt && git commit -qm "Add plan"
}
credential() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
    unset GIT_ASKPASS SSH_ASKPASS GIT_TERMINAL_PROMPT
    printf '%s\n' "$@" | git -c credential.helper= credential fill
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_rebuild_index_yn)
        echo "The search index is 3 schema versions behind (built 2026-10-02)."
        read -r -p "Rebuild the search index now? [y/N] " reply; answer "${reply:-n}" ;;
    read_prefill_keep)
        read -r -e -i "/etc/nginx/sites-enabled" -p "Config directory: " reply; answer "$reply" ;;
    read_prefill_port_replace)
        read -r -e -i "8443" -p "HTTPS port › " reply; answer "$reply" ;;
    select_ps3_label)
        PS3="Profile number: "
        echo "Tracing profiles available on this kernel:"
        select p in "off" "sched-latency" "io-wait" "net-rx" "perf-tracing" "Quit"; do
            answer "$p"; break
        done ;;
    select_long_wrap)
        PS3="Which one? "
        select p in \
            "Move the 1,840 orphaned attachments into the quarantine bucket and e-mail their uploaders" \
            "Delete the orphaned attachments that are older than 180 days and keep the recent ones" \
            "Leave them"; do
            case $REPLY in 1) answer quarantine ;; 2) answer prune ;; *) answer leave ;; esac
            break
        done ;;
    read_choose_from_three)
        echo "How should the duplicate rows be handled?"
        echo "  1 - keep the first"
        echo "  2 - keep the newest"
        echo "  3 - merge the fields"
        read -r -p "Choose from [1/2/3] (1): " reply
        case ${reply:-1} in 1) answer first ;; 2) answer newest ;; 3) answer merge ;; esac ;;
    read_apt_do_as_i_say)
        echo "The following packages will be REMOVED:"
        echo "  libc-bin* libc6* (essential)"
        echo "WARNING: The following essential packages will be removed."
        echo "This should NOT be done unless you know exactly what you are doing!"
        echo "You are about to do something potentially harmful."
        echo "To continue type in the phrase 'Yes, do as I say!'"
        read -r -p " ?] " reply
        [ "$reply" = "Yes, do as I say!" ] && answer removed || answer Abort. ;;
    read_type_delete_forever)
        echo "Bucket 'scratch-uploads' holds 41,220 objects. Versioning is off: this cannot be undone."
        read -r -p "Type 'delete-forever' to continue: " reply
        [ "$reply" = delete-forever ] && answer emptied || answer kept ;;
    read_adduser_fullname)
        echo "Adding user \`alice' ..."
        echo "Changing the user information for alice"
        echo "Enter the new value, or press ENTER for the default"
        read -r -p $'\tFull Name []: ' reply; answer "$reply" ;;
    read_adduser_correct)
        echo "Changing the user information for bob"
        echo "Enter the new value, or press ENTER for the default"
        printf '\tFull Name []: Bob Stone\n\tRoom Number []: 4.12\n\tWork Phone []: \n\tHome Phone []: \n\tOther []: \n'
        read -r -p "Is the information correct? [Y/n] " reply; answer "${reply:-y}" ;;
    read_passwd_current)
        echo "Changing password for alice."
        read -r -s -p "Current password: " pw; echo; answer "len${#pw}" ;;
    read_sudo_style)
        read -r -s -p "[sudo] password for deploy: " pw; echo; answer "len${#pw}" ;;
    read_n1_abort_retry)
        echo "Not ready reading drive A"
        read -r -n 1 -p "(A)bort, (R)etry, (I)gnore, (F)ail? " k; echo
        case $k in [aA]) answer abort ;; [rR]) answer retry ;; [iI]) answer ignore ;; *) answer fail ;; esac ;;
    read_banner_red_above)
        printf '\e[97;41m%-78s\e[0m\n' "  PRODUCTION  ·  eu-central  ·  42 hosts"
        printf '\e[97;41m%-78s\e[0m\n' "  last deploy 3 h ago by mara (rolled back)"
        read -r -p "Continue with the production deploy? (y/N) " reply; answer "${reply:-n}" ;;
    read_arrow_next_line)
        echo "How many days of metrics should the new cluster import?"
        read -r -p "→ " reply; answer "$reply" ;;
    read_bracket_keep)
        read -r -p "Listen interface [0.0.0.0]: " reply; answer "${reply:-0.0.0.0}" ;;
    read_press_return)
        echo "The installer image is ready on /dev/sdb."
        read -r -p "Press RETURN to reboot into the installer, or Ctrl-C to stay." _; answer rebooting ;;
    read_letters_size_default)
        read -r -p "Instance size? (s)mall, (m)edium, (l)arge [m]: " k
        case ${k:-m} in s) answer small ;; m) answer medium ;; l) answer large ;; esac ;;
    read_apt_remove)
        echo "Reading package lists... Done"
        echo "The following packages will be REMOVED:"
        echo "  fonts-noto-cjk fonts-noto-cjk-extra"
        echo "0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded."
        echo "After this operation, 412 MB disk space will be freed."
        read -r -p "Do you want to continue? [Y/n] " reply
        case ${reply:-y} in [yY]*) answer removed ;; *) answer Abort. ;; esac ;;
    read_pip_proceed)
        echo "Found existing installation: requests 2.32.3"
        echo "Uninstalling requests-2.32.3:"
        echo "  Would remove:"
        echo "    /opt/venv/lib/python3.12/site-packages/requests-2.32.3.dist-info/*"
        echo "    /opt/venv/lib/python3.12/site-packages/requests/*"
        read -r -p "Proceed (Y/n)? " reply
        case ${reply:-y} in [yY]*) answer uninstalled ;; *) answer kept ;; esac ;;
    read_npm_init_name)
        echo "This utility will walk you through creating a package.json file."
        echo "Press ^C at any time to quit."
        read -r -p "package name: (orbit-ui) " reply; answer "${reply:-orbit-ui}" ;;
    read_type_hostname)
        echo "Reimaging erases every disk in db-07.internal and reinstalls Debian 12."
        read -r -p "To confirm, type the host name (db-07.internal): " reply
        [ "$reply" = db-07.internal ] && answer reimaging || answer cancelled ;;
    read_n1_ynd_quit)
        echo "Local changes to /etc/app/config.yml conflict with the package's new version."
        read -r -n 1 -p "Overwrite config? [y]es/[n]o/[d]iff/[q]uit " k; echo
        case $k in y) answer overwrite ;; n) answer keep ;; d) answer diff ;; *) answer quit ;; esac ;;
    # ---------------------------------------------------------------- real tools
    cp_i_overwrite)
        echo new > draft.txt; echo old > final.txt
        cp -i draft.txt final.txt; answer "$(cat final.txt)" ;;
    mv_i_keep)
        echo incoming > upload.bin; echo original > store.bin
        mv -i upload.bin store.bin; answer "$(cat store.bin)" ;;
    rm_i_symlink)
        mkdir -p releases/41; ln -s releases/41 latest
        rm -i latest; [ -e latest ] && answer kept || answer removed ;;
    git_stash_p)
        git_repo
        printf 'alpha\nBETA\ngamma\ndelta\n' > plan.txt
        git stash -p; git diff --quiet && answer stashed || answer left ;;
    git_credential_password)
        out=$(credential protocol=https host=git.example.org username=deploy-bot)
        pw=$(printf '%s\n' "$out" | sed -n 's/^password=//p')
        answer "len${#pw}" ;;
    git_credential_username)
        user=$(credential protocol=https host=git.example.org password=x | sed -n 's/^username=//p')
        answer "$user" ;;
    ssh_keygen_overwrite)
        ssh-keygen -q -t ed25519 -N "" -C first -f id_deploy >/dev/null
        ssh-keygen -q -t ed25519 -N "" -C second -f id_deploy
        answer "$(cut -d' ' -f3 id_deploy.pub)" ;;
    ssh_keygen_old_passphrase)
        ssh-keygen -q -t ed25519 -N "hunter2" -f id_signing >/dev/null
        ssh-keygen -p -N "n3w-passphrase" -f id_signing
        ssh-keygen -y -P "n3w-passphrase" -f id_signing >/dev/null 2>&1 && answer "len7" || answer wrong ;;
    openssl_req_cn_keep)
        openssl genpkey -algorithm ed25519 -out k.pem 2>/dev/null
        printf '[req]\ndistinguished_name = dn\n[dn]\ncommonName = Common Name (server FQDN)\ncommonName_default = build.example.org\n' > req.cnf
        openssl req -new -key k.pem -config req.cnf -out r.csr
        answer "$(openssl req -in r.csr -noout -subject | sed 's/.*CN *= *//')" ;;
    # ---------------------------------------------------------------- whiptail / dialog
    wt_yesno_wipe_defaultno)
        whiptail --title "USB stick" --yes-button "Wipe" --no-button "Keep" --defaultno \
            --yesno "SanDisk 32 GB (/dev/sdc) holds 2 partitions. Wipe it?" 9 60
        answer "rc$?" ;;
    wt_menu_eight)
        choice=$(whiptail --title "Mirror" --default-item de --menu "Country of the package mirror" 18 60 8 \
            at "Austria" be "Belgium" ch "Switzerland" de "Germany" dk "Denmark" \
            fi "Finland" nl "Netherlands" se "Sweden" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_checklist_untick)
        choice=$(whiptail --separate-output --checklist "Firewall: allow incoming" 16 60 6 \
            ssh "22/tcp" ON http "80/tcp" ON https "443/tcp" OFF mosh "60000-61000/udp" OFF \
            smtp "25/tcp" OFF wireguard "51820/udp" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_radiolist_six)
        choice=$(whiptail --radiolist "Swap size" 15 50 6 \
            none "no swap" OFF 1G "1 GiB" OFF 2G "2 GiB" ON 4G "4 GiB" OFF 8G "8 GiB" OFF \
            16G "16 GiB" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_inputbox_keep)
        value=$(whiptail --title "Hostname" --inputbox "Name of this machine on the network" 9 60 "atlas-03" 3>&1 1>&2 2>&3)
        answer "rc$?:$value" ;;
    wt_passwordbox_luks)
        value=$(whiptail --title "Encryption" --passwordbox "Passphrase to unlock /dev/nvme0n1p3" 9 60 3>&1 1>&2 2>&3)
        answer "rc$?:len${#value}" ;;
    wt_inputbox_empty)
        value=$(whiptail --inputbox "Domain for the mail server (e.g. example.org)" 9 60 3>&1 1>&2 2>&3)
        answer "rc$?:$value" ;;
    dg_yesno_extra_button)
        dialog --extra-button --extra-label "Preview" --yes-label "Apply" --no-label "Cancel" \
            --yesno "14 files will be reformatted by the new style rules." 8 60
        answer "rc$?" ;;
    dg_menu_default_item)
        choice=$(dialog --stdout --default-item 3 --menu "Runlevel to boot into" 15 56 7 \
            1 "single user" 2 "multi-user, no network" 3 "multi-user with network" \
            4 "unused" 5 "graphical" 6 "reboot" 0 "halt")
        answer "rc$?:$choice" ;;
    dg_checklist_untick)
        choice=$(dialog --stdout --separate-output --checklist "Modules to load at boot" 16 60 6 \
            kvm "virtualisation" on vfio "PCI passthrough" on zram "compressed RAM swap" off \
            nbd "network block device" off loop "loop devices" on br_netfilter "bridge filter" off)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    dg_radiolist_governor)
        choice=$(dialog --stdout --radiolist "CPU frequency governor" 14 56 5 \
            performance "always max" off powersave "always min" off ondemand "scale on load" on \
            conservative "scale gently" off schedutil "scheduler driven" off)
        answer "rc$?:$choice" ;;
    dg_inputbox_replace)
        value=$(dialog --stdout --title "Proxy" --inputbox "HTTP proxy for this machine" 8 60 "http://proxy.lan:3128")
        answer "rc$?:$value" ;;
    dg_passwordbox_db)
        value=$(dialog --stdout --title "Database" --passwordbox "Password for the postgres superuser" 8 56)
        answer "rc$?:len${#value}" ;;
    dg_yesno_plain_no)
        dialog --title "Updates" --yesno "Install the 7 pending security updates before the migration?" 8 60
        answer "rc$?" ;;
    # ---------------------------------------------------------------- look-alikes
    look_psql_like)
        echo "psql (16.4-compatible shell)"
        echo 'Type "help" for help.'
        while read -r -p "orders=# " line; do echo "ERROR:  syntax error at or near \"$line\""; done
        sleep 600 ;;
    look_git_commit_editor)
        git_repo
        echo "gamma-2" >> plan.txt; git add plan.txt
        GIT_EDITOR="vim -u NONE -N" exec git commit ;;
    look_more_pager)
        for n in $(seq 1 120); do echo "step $n: Proceed? [Y/n]  1) retry  2) skip  Password:"; done > steps.txt
        exec more steps.txt ;;
    look_venv_prompt)
        python3 -m venv --without-pip --prompt "y/n?" env
        echo "Environment ready (its prompt reads y/n?; nothing to answer)."
        exec bash --noprofile --rcfile env/bin/activate -i ;;
    look_bash_two_line_ps1)
        PS1=$'┌─[dev@atlas]─[~/src/orbit]\n└──╼ $ ' exec bash --norc --noprofile -i ;;
    look_watch_menu)
        exec watch -n 1 "echo 'Select an option:'; echo '  1) restart worker'; echo '  2) drain queue'; echo '(menu shown on the kiosk, not here)'" ;;
    look_whiptail_gauge)
        ( for n in $(seq 0 1000); do echo "$((n % 100))"; sleep 0.4; done ) \
            | whiptail --gauge "Flashing firmware. Continue? Do not unplug." 8 60 0
        sleep 600 ;;
    look_dialog_mixedgauge)
        dialog --title "Provisioning" --mixedgauge "Overall progress (answer prompts? none)" 14 60 40 \
            "network" 0 "disks" 1 "packages" -40 "users" 8
        sleep 600 ;;
    look_sleep_hash)
        echo "Holding the maintenance lock; other jobs wait until it is released."
        printf '# '
        sleep 600 ;;
    look_log_loop_yn)
        n=0
        while :; do n=$((n + 1)); echo "[cron:$n] rotate /var/log/app.log? (y/n) -> y (auto)"; sleep 0.4; done ;;
    look_apt_progress)
        n=0
        while :; do
            n=$((n + 1))
            echo "Get:$n deb.example.org bookworm/main amd64 libpkg$n amd64 1.$n [${n}4 kB]"
            echo "Do you want to continue? [Y/n] Y (from -y)"
            sleep 0.5
        done ;;
    look_top_batch)
        exec top -b -d 1 ;;
    look_http_server)
        exec python3 -m http.server 0 --bind 127.0.0.1 ;;
    look_tput_dashboard)
        n=0
        while :; do
            n=$((n + 1))
            tput clear
            echo "queue dashboard   refresh $n"
            echo "❯ ingest      ● running   12/s"
            echo "  resize      ○ idle      Retry? (auto)"
            echo "  notify      ● running   [Y/n] digest on"
            sleep 1
        done ;;
    look_countdown_printf)
        n=9999
        while :; do printf '\rNext sync in %ds — press Ctrl-C to abort ' "$n"; n=$((n - 1)); sleep 1; done ;;
    look_nl_numbered_stream)
        n=0
        while :; do n=$((n + 1)); echo "option $n: enabled (y)"; sleep 0.3; done | nl -w2 -s') ' ;;
    *)
        echo "held7.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
