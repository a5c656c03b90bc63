#!/usr/bin/env bash
# Fourth held-out set, shell side: held4.sh <scenario>. bash read/select in layouts no earlier
# set uses, the real rm -I, ln -i, cp -i, patch, git stash -p, git add -i, git credential,
# npm init, ssh-keygen, openssl, pip and vim's swap-file questions in a temporary directory,
# whiptail and dialog boxes (custom labels, no tags, pre-set items, prefilled fields), and
# look-alikes built from real tools (watch, top, less, tail -f, info and gauge boxes, shells
# and REPLs with odd prompts). Prints ANSWER=<what happened>. Written blind; never used for
# tuning.
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
    printf 'one\ntwo\nthree\nfour\n' > notes.md
    git add notes.md && git commit -qm "Add notes"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_port_default)
        read -r -p "Listen port [3000]: " reply; answer "${reply:-3000}" ;;
    read_host_replace)
        read -r -p "Database host [localhost]: " reply; answer "${reply:-localhost}" ;;
    read_prefilled_tag)
        read -r -e -i "v2.3.1" -p "Tag to create: " reply; answer "$reply" ;;
    read_apply_all)
        echo "14 files use the old import path."
        read -r -p "Rewrite src/app.ts? [y]es/[n]o/[a]ll/[q]uit: " reply
        case "$reply" in y) answer yes ;; n) answer no ;; a) answer all ;; *) answer quit ;; esac ;;
    read_one_key_reboot)
        echo "Kernel 6.12.4 installed."
        read -r -n 1 -p "Reboot now? (y/n) " reply; answer "$reply" ;;
    select_python_number)
        PS3="Pick a Python (number): "
        echo "Interpreters found on PATH:"
        select p in "3.10" "3.11" "3.12" "3.13"; do [ -n "$p" ] && break; done
        answer "$p" ;;
    select_action_label)
        PS3="Action> "
        echo "The staging database is 3 migrations behind."
        select a in "migrate now" "show pending" "skip"; do [ -n "$a" ] && break; done
        answer "$a" ;;
    read_starred_default)
        echo "Cloud provider:"
        echo "   1) aws"
        echo " * 2) gcp"
        echo "   3) azure"
        read -r -p "Provider [2]: " reply
        labels=(aws gcp azure); answer "${labels[$(( ${reply:-2} - 1 ))]}" ;;
    read_type_repo)
        printf 'Archiving \e[1macme/infra\e[0m makes it read-only for all 40 members.\n'
        read -r -p "Type the repository name (acme/infra) to archive it: " reply
        [ "$reply" = "acme/infra" ] && answer archived || answer kept ;;
    read_secret_mysql)
        read -r -s -p "MySQL root password: " reply; echo; answer "len${#reply}" ;;
    read_question_two_lines)
        echo "Pruning removes 18 dangling images, 4 stopped containers and 2 unused networks,"
        echo "freeing about 6.2 GB; images still referenced by a tag are kept."
        read -r -p "Prune now? [y/N] " reply; answer "${reply:-n}" ;;
    read_after_banner)
        printf '\e[30;42m%-64s\e[0m\n' "  workers: 3 running · queue: 1,204 jobs · uptime 9 d"
        printf '\e[30;42m%-64s\e[0m\n\n' "  new config detected in /etc/workers.d"
        read -r -p "Restart the 3 workers now? (Y/n) " reply; answer "${reply:-Y}" ;;
    read_banner_below)
        # The question, then a coloured footer under it; the cursor goes back up to the question.
        printf 'Send the weekly report to 212 customers? (yes/no) \n\n'
        printf '\e[97;41m  %-58s\e[0m\n' "LIVE MODE · emails go out immediately"
        printf '\e[3A\e[50C'
        read -r reply; printf '\n\n\n'; answer "$reply" ;;
    read_any_key_upgrade)
        echo "Upgrade plan: 42 packages, 180 MB."
        read -r -s -n 1 -p "Press any key to start the upgrade" _; answer started ;;
    # ---------------------------------------------------------------- real tools
    rm_capital_i)
        touch a.log b.log c.log d.log e.log
        rm -I ./*.log
        [ -e a.log ] && answer kept || answer removed ;;
    ln_i)
        echo target > current.txt; echo other > release-7.txt
        ln -si release-7.txt current.txt
        [ -L current.txt ] && answer linked || answer kept ;;
    cp_i_no)
        mkdir -p conf; echo local > conf/app.conf; echo upstream > app.conf
        cp -i app.conf conf/
        [ "$(cat conf/app.conf)" = local ] && answer kept || answer overwritten ;;
    patch_reversed)
        printf 'a\nb\nc\n' > f.txt; printf 'a\nB\nc\n' > f.new
        diff -u f.txt f.new > fix.patch; cp f.new f.txt
        patch f.txt < fix.patch
        [ "$(sed -n 2p f.txt)" = b ] && answer reversed || answer unchanged ;;
    git_stash_p)
        git_repo; printf 'one\nTWO\nthree\nfour\n' > notes.md
        git stash -p
        git stash list | grep -q . && answer stashed || answer not-stashed ;;
    git_add_i)
        git_repo; printf 'one\ntwo\nthree\nfour\nfive\n' > notes.md
        git add -i
        answer quit ;;
    git_credential_username)
        export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
        out=$(printf 'protocol=https\nhost=git.example.org\npassword=x\n\n' | git credential fill)
        answer "$(printf '%s\n' "$out" | sed -n 's/^username=//p')" ;;
    openssl_req_cn)
        printf '[req]\ndistinguished_name = dn\n[dn]\ncommonName = Common Name (server FQDN)\ncommonName_default = localhost\n' > req.cnf
        openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout k.pem -config req.cnf -out r.csr
        answer "$(openssl req -in r.csr -noout -subject -nameopt oneline | sed 's/^subject= *//; s/ //g')" ;;
    npm_init_is_this_ok)
        # An init module that sets every field, so npm asks only its final question.
        echo "module.exports = { name: 'widget-kit', version: '0.1.0', description: 'Widgets' }" > init.js
        npm init --init-module ./init.js
        [ -e package.json ] && answer written || answer aborted ;;
    ssh_keygen_change_passphrase)
        ssh-keygen -q -a 1 -t ed25519 -N oldpass1 -C ops -f ops_key
        ssh-keygen -p -a 1 -f ops_key
        ssh-keygen -y -P hunter2 -f ops_key >/dev/null 2>&1 && answer len7 || answer unchanged ;;
    pip_uninstall_yes)
        python3 -m venv --without-pip venv
        site=$(echo venv/lib/python3*/site-packages)
        mkdir -p "$site/colorhelper-2.0.dist-info"
        echo "x = 1" > "$site/colorhelper.py"
        printf 'Metadata-Version: 2.1\nName: colorhelper\nVersion: 2.0\n' > "$site/colorhelper-2.0.dist-info/METADATA"
        echo pip > "$site/colorhelper-2.0.dist-info/INSTALLER"
        printf 'colorhelper.py,,\ncolorhelper-2.0.dist-info/METADATA,,\ncolorhelper-2.0.dist-info/INSTALLER,,\ncolorhelper-2.0.dist-info/RECORD,,\n' > "$site/colorhelper-2.0.dist-info/RECORD"
        pipdir=$(python3 -c "import os, pip; print(os.path.dirname(os.path.dirname(pip.__file__)))")
        PYTHONPATH="$pipdir" PIP_DISABLE_PIP_VERSION_CHECK=1 venv/bin/python -m pip uninstall colorhelper
        [ -e "$site/colorhelper.py" ] && answer kept || answer uninstalled ;;
    vim_swap)
        printf 'draft\n' > todo.txt
        # Another editor still has the file open: vim's real ATTENTION question.
        sleep 600 | script -qfc "vim -u NONE -N todo.txt" /dev/null >/dev/null 2>&1 &
        other=$!
        for _ in $(seq 1 100); do [ -e .todo.txt.swp ] && break; sleep 0.1; done  # noqa: sleep-ok - a bounded wait for the swap file
        vim -u NONE -N todo.txt
        [ -e todo.txt ] && answer quit || answer gone
        pkill -P "$other" 2>/dev/null; kill "$other" 2>/dev/null ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_install_skip)
        whiptail --title "Extras" --yes-button "Install" --no-button "Skip" \
            --yesno "Install the optional language packs (320 MB)?" 9 56
        answer "rc$?" ;;
    wt_menu_notags)
        choice=$(whiptail --notags --title "Locale" --menu "System language:" 13 50 4 \
            en_US "English (United States)" de_DE "Deutsch (Deutschland)" nl_NL "Nederlands" pt_BR "Portugues (Brasil)" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_checklist_none)
        choice=$(whiptail --title "Agents" --separate-output --checklist "Monitoring agents to enable:" 14 56 4 \
            node_exporter "host metrics" OFF cadvisor "container metrics" OFF \
            promtail "log shipping" OFF blackbox "probes" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    wt_inputbox_empty)
        choice=$(whiptail --title "Wi-Fi" --inputbox "Network name (SSID):" 9 50 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_passwordbox_wifi)
        choice=$(whiptail --title "Wi-Fi" --passwordbox "WPA2 passphrase for office-5g:" 9 50 3>&1 1>&2 2>&3)
        answer "rc$?:len${#choice}" ;;
    wt_menu_default_item)
        choice=$(whiptail --title "Boot" --default-item safe --menu "Boot which entry?" 13 50 3 \
            normal "Debian GNU/Linux" safe "Debian (recovery mode)" memtest "Memory test" 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    wt_yesno_defaultno_yes)
        whiptail --defaultno --title "Swap" --yesno "Disable swap on this host? Kubernetes needs it off." 9 60
        answer "rc$?" ;;
    wt_radiolist_plain)
        choice=$(whiptail --title "Shell" --radiolist "Default shell for new users:" 12 46 3 \
            bash "" ON zsh "" OFF fish "" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    # ---------------------------------------------------------------- dialog
    dg_checklist_preset)
        choice=$(dialog --title "Services" --separate-output --checklist "Start these at boot:" 13 52 4 \
            sshd "OpenSSH" on cron "scheduler" on cups "printing" on avahi "mDNS" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$(echo "$choice" | paste -sd, -)" ;;
    dg_inputbox_replace)
        choice=$(dialog --title "Hostname" --inputbox "Hostname for this machine:" 8 50 "debian" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_passwordbox)
        choice=$(dialog --insecure --title "Root" --passwordbox "New root password:" 8 50 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:len${#choice}" ;;
    dg_menu_numbers)
        choice=$(dialog --title "Maintenance" --menu "Choose a task:" 13 50 4 \
            1 "Check disks" 2 "Rotate logs" 3 "Clean package cache" 4 "Exit" 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_yesno_plain_no)
        dialog --title "Telemetry" --yesno "Upload the crash dump (2.1 MB) to the vendor?" 7 56
        rc=$?; clear; answer "rc$rc" ;;
    dg_radiolist_desc)
        choice=$(dialog --title "Filesystem" --radiolist "Filesystem for /home:" 12 56 3 \
            ext4 "journaling, default" on xfs "large files" off btrfs "snapshots" off 3>&1 1>&2 2>&3)
        rc=$?; clear; answer "rc$rc:$choice" ;;
    dg_yesno_labels_wrapped)
        dialog --title "Sync" --yes-label "Upload" --no-label "Keep local" --yesno \
            "The remote copy of notes.db is older than yours by 3 days and 41 edits. Upload your copy and replace the remote one?" 10 50
        rc=$?; clear; answer "rc$rc" ;;
    dg_msgbox_exit_label)
        dialog --title "Backup" --ok-label "Close" --msgbox "Backup written to /srv/backup/2026-12-03.tar.zst (4.2 GB)." 7 64
        rc=$?; clear; answer "rc$rc" ;;
    # ---------------------------------------------------------------- look-alikes
    look_watch_cmd)
        exec watch -n 1 "echo 'queue: 3 jobs'; echo 'job 7: waiting for: Continue? [y/N] (answered by CI)'; date +%s" ;;
    look_top_interactive)
        exec top -d 1 ;;
    look_less_menu_doc)
        {
            echo "RELEASE CHECKLIST"
            echo
            echo "? Which channel? (Use arrow keys)"
            echo "❯ stable"
            echo "  beta"
            echo
            echo "Then answer 'Publish now? (y/N)' with y."
            for n in $(seq 1 60); do echo "line $n"; done
        } > checklist.txt
        exec less checklist.txt ;;
    look_tail_log)
        for n in $(seq 1 5); do echo "job $n: Overwrite output? [y/N] y"; done > build.log
        ( n=6; while :; do echo "job $n: Remove temp dir? (yes/no) yes" >> build.log; n=$((n + 1)); sleep 1; done ) &
        exec tail -f build.log ;;
    look_whiptail_infobox)
        whiptail --title "Please wait" --infobox "Applying changes. Do not power off. Continue? will be asked later." 8 60
        sleep 600 ;;
    look_dialog_gauge)
        for n in $(seq 0 100); do echo "$n"; sleep 0.3; done | dialog --title "Copying" --gauge "Copying files... Overwrite? [y/N] answered: all" 8 60 0
        sleep 600 ;;
    look_ps1_question_mark)
        PS1='? ' exec bash --norc --noprofile -i ;;
    look_ps1_yn)
        PS1='(y/n) ~/src $ ' exec bash --norc --noprofile -i ;;
    look_bc_repl)
        echo "calculator ready (type 'quit' to leave). Scale? set with scale=N"
        exec bc -q ;;
    look_node_repl_prompt)
        exec node -e "require('repl').start({prompt: 'select> '})" ;;
    look_sqlite_default)
        exec sqlite3 -cmd "select 'Delete all rows? (y/n)';" ;;
    look_shell_after_select)
        printf '1) staging\n2) production\n#? 1\nDeploying to staging ... done\n'
        PS1='deploy$ ' exec bash --norc --noprofile -i ;;
    look_ps1_percent)
        echo "Last run asked: Proceed (Y/n)? and got Y"
        PS1='% ' exec bash --norc --noprofile -i ;;
    look_python_repl_after_question)
        exec python3 -q -i -c "print('Proceed (y/n)? y  -- answered by the bootstrap script')" ;;
    look_git_diff_pager)
        git_repo
        printf 'one\ntwo\nthree\nfour\n? Overwrite the remote copy? [y/N]\n%s\n' $(seq 1 60) > notes.md
        GIT_PAGER=less LESS= exec git diff ;;
    look_ed_prompt)
        echo "editing release-notes.txt (Save changes? is asked on quit)"
        exec ed -p '*' ;;
    look_sleep_after_answer)
        echo "Do you want to install these packages? [Y/n] y"
        echo "Unpacking 14 packages ..."
        sleep 600 ;;
    look_vim_whiptail_doc)
        printf '┌──── Confirm ────┐\n│ Erase disk?     │\n│ <Yes>    <No>   │\n└─────────────────┘\n' > box.txt
        exec vim -u NONE -N box.txt ;;
    *)
        echo "held4.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
