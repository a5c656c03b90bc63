#!/usr/bin/env bash
# Eleventh held-out set, shell side: held11.sh <scenario>. bash read/select, sudo/ssh/gpg-style
# password reads, the real cp -i, mv -i, rm -i, git clean -i, git add -p, git restore -p,
# pip uninstall, npm init, ssh-keygen, openssl and gpg (with pinentry-curses) in a temporary
# directory, whiptail and dialog boxes, and look-alikes built from real tools (shells with odd
# prompts, less, watch, top, git's pager and editor). Prints ANSWER=<what happened>. Written
# blind; never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b trunk garden && cd garden || exit 1
    git config user.email gardener@example.org && git config user.name Gardener
    printf 'alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\ngolf\nhotel\n' > plants.txt
    git add plants.txt && git commit -qm "Plant the first beds"
}

gpg_home() {
    export GNUPGHOME="$tmp/gnupg" GPG_TTY
    GPG_TTY=$(tty)
    mkdir -m 700 "$GNUPGHOME"
    echo "pinentry-program $(command -v pinentry-curses)" > "$GNUPGHOME/gpg-agent.conf"
    printf 'min-passphrase-len 1\nmin-passphrase-nonalpha 0\n' >> "$GNUPGHOME/gpg-agent.conf"
    trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_no_yes)
        echo "The access log on web-2 is 41 GB."
        read -r -p "Compress logs older than 7 days? [y/N]: " reply; answer "${reply:-n}" ;;
    read_wrapped_question)
        read -r -p "The CI runners on the old image still build with OpenSSL 1.1, which the new payment SDK refuses to link against, and the fix needs every runner to be re-provisioned from the autumn image over roughly forty minutes; re-provision them all now? (y/n) " reply
        answer "$reply" ;;
    read_prefill_keep_url)
        read -r -e -i "https://git.acme.dev/platform/charts.git" -p "Charts repository: " reply
        [ "$reply" = "https://git.acme.dev/platform/charts.git" ] && answer kept || answer "$reply" ;;
    read_prefill_replace_user)
        read -r -e -i "postgres" -p "Database owner » " reply; answer "$reply" ;;
    read_numbered_number)
        echo "Where should the logs be shipped?"
        echo "   1) Loki"
        echo "   2) Elasticsearch"
        echo "   3) OpenSearch"
        echo "   4) Datadog"
        echo "   5) CloudWatch"
        echo "   6) Splunk HEC"
        echo "   7) nowhere (local files)"
        read -r -p "Option number: " reply
        case $reply in 4) answer datadog ;; *) answer "$reply" ;; esac ;;
    read_numbered_label)
        echo "Which shell should the container start?"
        echo "  1 = bash"
        echo "  2 = zsh"
        echo "  3 = fish"
        read -r -p "Shell [bash/zsh/fish or 1-3]: " reply
        case $reply in 3|fish) answer fish ;; *) answer "$reply" ;; esac ;;
    select_number)
        echo "Kubernetes contexts:"
        PS3="Switch to which context (number)? "
        select ctx in kind-local minikube gke-dev gke-prod eks-analytics aks-legacy; do
            answer "$ctx"; break
        done ;;
    select_label)
        PS3="» "
        echo "Restore which snapshot?"
        select s in "2026-12-03 23:00 (latest)" "2026-12-03 11:00" "2026-12-02 23:00" "2026-11-30 23:00 (weekly)"; do
            answer "$s"; break
        done ;;
    read_type_cluster_name)
        echo -e "\e[1;91mThis destroys the cluster 'payments-blue' and all of its volumes.\e[0m"
        read -r -p "Type the cluster name to continue: " reply
        [ "$reply" = "payments-blue" ] && answer destroyed || answer kept ;;
    read_type_yes_please)
        echo "Force-unlocking the Terraform state can corrupt it if another apply is running."
        read -r -p "Only 'yes' will be accepted to approve: " reply
        [ "$reply" = "yes" ] && answer unlocked || answer aborted ;;
    read_sudo_bob)
        echo "apt needs elevated rights to install linux-headers."
        read -r -s -p "[sudo] password for bob: " pw; echo; answer "len${#pw}" ;;
    read_ssh_password)
        read -r -s -p "ops@bastion.eu.acme.dev's password: " pw; echo; answer "len${#pw}" ;;
    read_gpg_style_line)
        echo "gpg: using \"A1B2C3D4E5F60718\" as default secret key for signing"
        read -r -s -p "Enter passphrase to sign tag v3.9.0: " pw; echo; answer "len${#pw}" ;;
    read_letter_keys)
        echo "Hunk 3/5 of deploy.yaml conflicts with the live object."
        read -r -n1 -p "Use [l]ocal, [r]emote, [b]oth or [q]uit: " key; echo
        case $key in l) answer local ;; r) answer remote ;; b) answer both ;; q) answer quit ;; *) answer "$key" ;; esac ;;
    read_press_any_key)
        echo "Remove the USB stick now; the installer has finished writing."
        read -r -n1 -s -p "Press any key to reboot…" _; answer rebooting ;;
    read_question_below_banner)
        echo -e "\e[46;30;1m  ◎ CANARY · 5% of traffic is on build 2291               \e[0m"
        echo -e "\e[46;30m    error rate 0.02%  ·  p99 212 ms  ·  for 18 minutes     \e[0m"
        read -r -p "Promote build 2291 to 100%? (Y/n) " reply; answer "${reply:-y}" ;;
    read_default_brackets_keep)
        read -r -p "Listen port [8443]: " reply; answer "${reply:-8443}" ;;
    read_default_replace)
        read -r -p "Max body size in MB (25): " reply; answer "${reply:-25}" ;;
    # ---------------------------------------------------------------- real tools
    cp_i_keep)
        echo old > schedule.csv && echo new > upload.csv
        cp -i upload.csv schedule.csv
        answer "$(cat schedule.csv)" ;;
    mv_i_replace)
        echo draft > chapter3.md && echo final > chapter3.new
        mv -i chapter3.new chapter3.md
        answer "$(cat chapter3.md)" ;;
    rm_i_write_protected)
        echo x > readonly.key && chmod 444 readonly.key
        rm -i readonly.key
        [ -e readonly.key ] && answer kept || answer removed ;;
    git_clean_i_quit)
        git_repo
        touch dump.sql notes.tmp
        git clean -i
        [ -e dump.sql ] && answer kept || answer cleaned ;;
    git_add_p_yes)
        git_repo
        printf 'alpha\nbravo\nCHARLIE\ndelta\necho\nfoxtrot\ngolf\nhotel\n' > plants.txt
        git add -p
        git diff --cached --quiet && answer nothing || answer staged ;;
    git_restore_p_discard)
        git_repo
        printf 'alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\ngolf\nHOTEL\n' > plants.txt
        git restore -p plants.txt
        grep -q HOTEL plants.txt && answer kept || answer discarded ;;
    pip_uninstall_no)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/colorsnake" "$site/colorsnake-0.9.1.dist-info"
        echo "VERSION = '0.9.1'" > "$site/colorsnake/__init__.py"
        printf 'Metadata-Version: 2.1\nName: colorsnake\nVersion: 0.9.1\n' > "$site/colorsnake-0.9.1.dist-info/METADATA"
        printf 'colorsnake/__init__.py,,\ncolorsnake-0.9.1.dist-info/METADATA,,\ncolorsnake-0.9.1.dist-info/RECORD,,\n' > "$site/colorsnake-0.9.1.dist-info/RECORD"
        echo pip > "$site/colorsnake-0.9.1.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall colorsnake
        [ -e "$site/colorsnake" ] && answer kept || answer uninstalled ;;
    npm_init_name)
        mkdir seedling && cd seedling || exit 1
        HOME="$tmp" npm_config_update_notifier=false npm init
        answer "$(node -e 'console.log(require("./package.json").name)' 2>/dev/null)" ;;
    ssh_keygen_change_passphrase)
        ssh-keygen -q -t ed25519 -N "" -f "$tmp/id_ci" -C ci@garden
        ssh-keygen -p -f "$tmp/id_ci"
        ssh-keygen -y -P hunter2 -f "$tmp/id_ci" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_pkcs12_export)
        openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -days 1 -subj /CN=garden >/dev/null 2>&1
        openssl pkcs12 -export -inkey k.pem -in c.pem -out bundle.p12
        openssl pkcs12 -in bundle.p12 -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    gpg_gen_sign_pinentry)
        gpg_home
        echo "invoice 7781" > invoice.txt
        gpg -q --no-symkey-cache --cipher-algo AES256 -c -o invoice.txt.gpg invoice.txt
        gpg -q --batch --pinentry-mode loopback --passphrase hunter2 -d invoice.txt.gpg 2>/dev/null | grep -q invoice && answer len7 || answer other ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_plain_yes)
        whiptail --title "Swap" --yesno "No swap space was found. Create a 4 GB swap file on /?" 8 60
        answer "rc$?" ;;
    wt_menu_default_item)
        r=$(whiptail --title "Mirror" --default-item "de" --menu "Package mirror closest to you:" 16 56 6 \
            uk "mirror.ox.ac.uk" de "ftp.de.debian.org" nl "mirror.nl.leaseweb.net" \
            fi "mirror.hetzner.fi" se "ftp.acc.umu.se" ch "mirror.init7.net" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_untick)
        r=$(whiptail --separate-output --title "Desktop" --checklist "Components to install:" 14 60 5 \
            gnome "GNOME desktop" ON xfce "Xfce desktop" OFF ssh "SSH server" ON print "Print server" ON \
            std "standard system utilities" ON 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    wt_inputbox_keep)
        r=$(whiptail --title "Domain" --inputbox "Domain name for this network:" 9 56 "lab.internal" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_passwordbox_root)
        r=$(whiptail --title "Users" --passwordbox "Choose a password for root:" 9 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    wt_yesno_defaultno_keep_no)
        whiptail --title "Updates" --defaultno --yesno "Enable unattended upgrades, including reboots at 04:00?" 8 62
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_menu_five)
        r=$(dialog --title "Display" --menu "Resolution for the kiosk screen:" 14 46 5 \
            1 "1280x720" 2 "1920x1080" 3 "2560x1440" 4 "3840x2160" 5 "auto-detect" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_radiolist_default)
        r=$(dialog --title "Keyboard" --radiolist "Keyboard layout:" 12 44 4 us "US" ON uk "UK" OFF de "German" OFF fr "French (AZERTY)" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_tick)
        r=$(dialog --separate-output --title "Monitoring" --checklist "Exporters to enable:" 13 52 4 \
            node "node_exporter" OFF pg "postgres_exporter" OFF redis "redis_exporter" OFF bb "blackbox_exporter" OFF 3>&1 1>&2 2>&3)
        rc=$?; answer "rc$rc:$(echo $r | tr ' ' ',')" ;;
    dg_inputbox_replace)
        r=$(dialog --title "NTP" --inputbox "Time server:" 8 46 "pool.ntp.org" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox_wifi)
        r=$(dialog --title "Network" --insecure --passwordbox "WPA2 key for 'greenhouse':" 8 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_yesno_labels_yes)
        dialog --title "Certificates" --yes-label "Renew" --no-label "Skip" --yesno "The TLS certificate expires in 6 days. Renew it now?" 7 58
        answer "rc$?" ;;
    dg_msgbox_ok)
        dialog --title "Done" --msgbox "The kiosk is set up. It restarts when you press OK." 7 56
        answer "rc$?" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_ps1_question)
        PS1='Continue? [y/N] ' HOME="$tmp" bash --norc -i ;;
    look_less_menu_file)
        { echo "MENU (from the docs)"; for i in $(seq 1 150); do echo "  ❯ $i) Select option $i  ( ) tick  Proceed? (y/n)"; done; } > menu.txt
        less menu.txt ;;
    look_git_diff_pager)
        git_repo
        for i in $(seq 1 60); do echo "Are you sure? [y/N] $i" >> plants.txt; done
        GIT_PAGER=less git diff ;;
    look_git_commit_editor)
        git_repo
        echo india >> plants.txt && git add plants.txt
        GIT_EDITOR=vim git commit ;;
    look_watch_menu)
        watch -n 1 'echo "  1) start  2) stop  3) status"; echo "Select: (dashboard, read-only)"; date +%s' ;;
    look_top_batchless)
        top -d 2 ;;
    look_sleep_password_line)
        echo "Loading keyring…"
        printf 'Password: (cached, not asking)\n> '
        sleep 100000 ;;
    look_log_loop_yn)
        while :; do
            echo "$(date +%T) dpkg: Configuration file '/etc/ssh/sshd_config' ==> keep (Y/I/N/O/D/Z) [default=N] N"
            echo "$(date +%T) unattended-upgrade: Continue? [Y/n] Y"
            sleep 1
        done ;;
    look_python_repl)
        HOME="$tmp" PYTHONSTARTUP= python3 -q -i -c 'import sys; sys.ps1 = "garden? "' ;;
    look_dialog_gauge)
        for i in $(seq 0 100000); do echo $((i % 100)); sleep 0.5; done | dialog --title "Flashing" --gauge "Writing image… do not answer Yes/No until done" 8 60 0 ;;
    look_whiptail_infobox)
        TERM=xterm-256color whiptail --title "Wait" --infobox "Reboot now? We are checking the disks first." 7 56
        sleep 100000 ;;
    *)
        echo "held11.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
