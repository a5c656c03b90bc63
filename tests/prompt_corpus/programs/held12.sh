#!/usr/bin/env bash
# Twelfth held-out set, shell side: held12.sh <scenario>. bash read/select, sudo/ssh-style
# password reads, the real cp -i, mv -i, rm -i, git clean -i, git add -p, pip uninstall,
# npm init, ssh-keygen, openssl and gpg (with pinentry-curses) in a temporary directory,
# whiptail and dialog boxes, and look-alikes built from real tools (shells with odd prompts,
# less, watch, top, git's pager and editor). Prints ANSWER=<what happened>. Written blind;
# never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b main orchard && cd orchard || exit 1
    git config user.email keeper@example.org && git config user.name Keeper
    printf 'apple\npear\nquince\nmedlar\nplum\ndamson\ngage\ncherry\n' > trees.txt
    git add trees.txt && git commit -qm "Plant the orchard"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_yes_no)
        echo "Pond pump schedule: 06:00-21:00."
        read -r -p "Run the pump overnight as well? [Y/n] " reply; answer "${reply:-y}" ;;
    read_prefill_keep)
        read -r -e -i "north-field" -p "Sensor group › " reply; answer "$reply" ;;
    read_prefill_replace)
        read -r -e -i "weekly" -p "Compost turning interval: " reply; answer "$reply" ;;
    read_numbered_number)
        echo "Which hive inspection checklist?"
        for i in 1 2 3 4 5 6; do
            case $i in 1) l="Spring build-up";; 2) l="Swarm watch";; 3) l="Honey flow";; 4) l="Varroa count";; 5) l="Autumn feeding";; 6) l="Winter check";; esac
            printf '  %d - %s\n' "$i" "$l"
        done
        read -r -p "Pick 1-6: " reply
        case $reply in 4) answer varroa ;; *) answer "$reply" ;; esac ;;
    read_numbered_label)
        echo "Bread flour for the week:"
        echo "  (1) strong white"
        echo "  (2) wholemeal"
        echo "  (3) spelt"
        read -r -p "Number or name: " reply
        case $reply in 1|"strong white") answer white ;; 2|wholemeal) answer wholemeal ;; 3|spelt) answer spelt ;; *) answer "$reply" ;; esac ;;
    read_type_name)
        printf '\033[1;31mWARNING\033[0m the allotment map "plots-east" will be erased.\n'
        read -r -p "Enter the map name (plots-east) to proceed: " reply
        [ "$reply" = "plots-east" ] && answer erased || answer "$reply" ;;
    read_wrapped_yn)
        read -r -p "The village hall booking for the harvest supper overlaps with the badminton club's Thursday session by forty-five minutes and the club has asked whether we could start later; move the supper to 19:45? (y/n) " reply
        answer "$reply" ;;
    read_below_banner)
        printf '\033[45;97m ############  LIBRARY NIGHT SETUP  ############ \033[0m\n'
        printf '\033[45;97m    chairs: 40   tables: 6   urn: booked        \033[0m\n'
        read -r -p "Number of readers expected? " reply; answer "$reply" ;;
    read_silent_sudo)
        read -r -s -p "[sudo] password for beekeeper: " reply; echo; answer "len${#reply}" ;;
    read_silent_ssh)
        read -r -s -p "hazel@allotment.example.org's password: " reply; echo; answer "len${#reply}" ;;
    read_letter_keys)
        echo "Seed packet 'Borlotti' is past its sow-by date."
        read -r -n 1 -p "[s]ow anyway  [c]ompost  [l]ater ? " reply; echo
        case $reply in s) answer sow ;; c) answer compost ;; l) answer later ;; *) answer "$reply" ;; esac ;;
    read_press_enter)
        read -r -p "Fill the watering cans, then press Return to start the timer " _; answer started ;;
    read_default_paren)
        read -r -p "Rain gauge unit (mm): " reply; answer "${reply:-mm}" ;;
    select_by_number)
        PS3="Harvest basket #? "
        select b in "Apples" "Pears" "Plums" "Quinces" "Figs"; do answer "$b"; break; done ;;
    select_by_number_long)
        PS3="Which trail? "
        select t in "Riverside (2 km)" "Beech wood (5 km)" "Ridge path (9 km)" "Coast to coast (31 km)"; do answer "$t"; break; done ;;
    # ---------------------------------------------------------------- real tools
    cp_i_overwrite)
        echo old > rota.txt && echo new > draft.txt
        cp -i draft.txt rota.txt
        answer "$(cat rota.txt)" ;;
    mv_i_keep)
        echo kept > minutes.md && echo incoming > upload.md
        mv -i upload.md minutes.md
        answer "$(cat minutes.md)" ;;
    rm_i_remove)
        echo x > stale.lock
        rm -i stale.lock
        [ -e stale.lock ] && answer kept || answer removed ;;
    git_clean_i_clean)
        git_repo
        touch scratch.log
        git clean -i
        [ -e scratch.log ] && answer kept || answer cleaned ;;
    git_add_p_no)
        git_repo
        printf 'apple\npear\nQUINCE\nmedlar\nplum\ndamson\ngage\ncherry\n' > trees.txt
        git add -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    pip_uninstall_yes)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/hedgehog" "$site/hedgehog-2.3.0.dist-info"
        echo "VERSION = '2.3.0'" > "$site/hedgehog/__init__.py"
        printf 'Metadata-Version: 2.1\nName: hedgehog\nVersion: 2.3.0\n' > "$site/hedgehog-2.3.0.dist-info/METADATA"
        printf 'hedgehog/__init__.py,,\nhedgehog-2.3.0.dist-info/METADATA,,\nhedgehog-2.3.0.dist-info/RECORD,,\n' > "$site/hedgehog-2.3.0.dist-info/RECORD"
        echo pip > "$site/hedgehog-2.3.0.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall hedgehog
        [ -e "$site/hedgehog" ] && answer kept || answer uninstalled ;;
    npm_init_keep_name)
        mkdir wildflower && cd wildflower || exit 1
        HOME="$tmp" npm_config_update_notifier=false npm init
        answer "$(node -e 'console.log(require("./package.json").name)' 2>/dev/null)" ;;
    ssh_keygen_new_passphrase)
        ssh-keygen -q -t ed25519 -f "$tmp/id_hive" -C hive@orchard
        ssh-keygen -y -P hunter2 -f "$tmp/id_hive" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_genpkey_aes)
        openssl genpkey -algorithm ed25519 -aes256 -out hive.key
        openssl pkey -in hive.key -passin pass:hunter2 -noout 2>/dev/null && answer len7 || answer other ;;
    unzip_overwrite_rename)
        echo one > notes.txt && zip -q pack.zip notes.txt && echo two > notes.txt
        unzip pack.zip
        answer "$(ls | grep -c txt)" ;;
    gpg_symmetric_pinentry)
        export GNUPGHOME="$tmp/gnupg" GPG_TTY
        GPG_TTY=$(tty)
        mkdir -m 700 "$GNUPGHOME"
        echo "pinentry-program $(command -v pinentry-curses)" > "$GNUPGHOME/gpg-agent.conf"
        printf 'min-passphrase-len 1\nmin-passphrase-nonalpha 0\n' >> "$GNUPGHOME/gpg-agent.conf"
        trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
        echo "seed list" > seeds.txt
        gpg -q --no-symkey-cache -c -o seeds.txt.gpg seeds.txt
        gpg -q --batch --pinentry-mode loopback --passphrase hunter2 -d seeds.txt.gpg 2>/dev/null | grep -q seed && answer len7 || answer other ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_defaultno_yes)
        whiptail --title "Greenhouse" --defaultno --yesno "Open the roof vents for the afternoon?" 8 56
        answer "rc$?" ;;
    wt_menu_six_down)
        r=$(whiptail --title "Rota" --menu "Who locks up the hall on Friday?" 16 56 6 \
            amir "Amir (keys: set 2)" bea "Beatrix" col "Colm" dee "Deepa" eli "Elif" fin "Finn" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_radiolist_change)
        r=$(whiptail --title "Bells" --radiolist "Method for Sunday service:" 13 56 4 \
            plain "Plain Bob" ON grand "Grandsire" OFF stedman "Stedman" OFF cambridge "Cambridge Surprise" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_tick_two)
        r=$(whiptail --separate-output --title "Stall" --checklist "Items for the plant sale table:" 14 56 5 \
            tom "Tomato seedlings" OFF bas "Basil" OFF dah "Dahlia tubers" OFF suc "Succulents" OFF her "Herb bundles" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo $r | tr ' ' ',')" ;;
    wt_passwordbox)
        r=$(whiptail --title "Router" --passwordbox "Wi-Fi passphrase for the barn:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    wt_inputbox_replace)
        r=$(whiptail --title "Label" --inputbox "Text for the jam jar label:" 8 56 "Damson 2025" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_custom_buttons_no)
        whiptail --title "Pond" --yes-button "Drain" --no-button "Leave" --yesno "Drain the pond to clean the liner?" 8 56
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_yesno_yes)
        dialog --title "Orchard" --yesno "Net the cherry tree against the starlings?" 7 56
        answer "rc$?" ;;
    dg_menu_four)
        r=$(dialog --title "Recital" --menu "Opening piece:" 13 56 4 1 "Bach — Air" 2 "Satie — Gymnopédie" 3 "Fauré — Pavane" 4 "Debussy — Clair de lune" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_untick)
        r=$(dialog --separate-output --title "Newsletter" --checklist "Sections to include:" 13 56 4 \
            events "Events" on recipes "Recipes" on lost "Lost and found" on jobs "Odd jobs" off 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo $r | tr ' ' ',')" ;;
    dg_inputbox_keep)
        r=$(dialog --title "Meeting" --inputbox "Room for the AGM:" 8 56 "Reading room" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox)
        r=$(dialog --insecure --title "Archive" --passwordbox "Password for the parish archive:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_radiolist_last)
        r=$(dialog --title "Ferry" --radiolist "Cabin class:" 12 56 3 deck "Deck seat" on pod "Sleeping pod" off cabin "Private cabin" off 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_odd_ps1)
        PS1='Proceed? (y/n) $ ' HOME="$tmp" bash --norc -i ;;
    look_less_prompts_doc)
        { echo "FAQ"; for i in $(seq 1 120); do echo " ● $i. Overwrite existing file? [y/N]   Password: ****"; done; } > faq.txt
        less faq.txt ;;
    look_git_log_pager)
        git_repo
        for i in $(seq 1 40); do echo "row $i" >> trees.txt; git commit -qam "Continue? prune row $i (y/n)"; done
        GIT_PAGER=less git log ;;
    look_git_rebase_editor)
        git_repo
        echo fig >> trees.txt && git commit -qam "Add fig"
        echo olive >> trees.txt && git commit -qam "Add olive"
        GIT_EDITOR=vim git rebase -i HEAD~2 ;;
    look_watch_select)
        watch -n 1 'echo "  ❯ 1) water  2) feed  3) prune"; echo "Enter choice [1-3]: (status board)"; date +%s' ;;
    look_top)
        top -d 3 ;;
    look_sleep_password_prompt_line)
        echo "Connecting to the weather station…"
        printf 'Password: (using saved key)\n> '
        sleep 100000 ;;
    look_log_yn_loop)
        while true; do
            echo "$(date +%T) apt: Do you want to continue? [Y/n] y (assumed by -y)"
            echo "$(date +%T) cron: Overwrite backup? (y/n) -> y"
            sleep 1
        done ;;
    look_python_repl)
        HOME="$tmp" PYTHONSTARTUP= python3 -q -i -c 'import sys; sys.ps1 = "choose> "' ;;
    look_dialog_tailbox)
        for i in $(seq 1 100000); do echo "line $i: Continue? [Y/n]"; sleep 0.5; done | dialog --title "Feed" --progressbox 16 60 ;;
    look_printed_menu_keeps_working)
        echo "Select a backup target:"
        echo "  1) local disk"
        echo "  2) network share"
        echo "Using 1 (from backup.conf)."
        n=0
        while true; do n=$((n + 1)); echo "batch $n copied"; sleep 0.8; done ;;
    *)
        echo "held12.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
