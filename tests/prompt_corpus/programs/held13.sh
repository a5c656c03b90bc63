#!/usr/bin/env bash
# Thirteenth held-out set, shell side: held13.sh <scenario>. bash read/select, sudo/ssh/gpg-style
# password reads, the real cp -i, mv -i, rm -i, git clean -i, git add -p, pip uninstall (in a
# temporary venv), ssh-keygen, openssl and gpg (with pinentry-curses) in a temporary directory,
# unzip, whiptail and dialog boxes, and look-alikes built from real tools (shells, REPLs with
# their banners, less, watch, top, git's pager and editor). Prints ANSWER=<what happened>.
# Written blind; never used for tuning.
set -u
scenario=$1
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

answer() { printf '\nANSWER=%s\n' "$1"; }
git_repo() {
    export GIT_CONFIG_NOSYSTEM=1 HOME="$tmp" GIT_PAGER=cat
    git init -q -b main workshop && cd workshop || exit 1
    git config user.email warden@example.org && git config user.name Warden
    printf 'anchor\ndeadbeat\nverge\ngrasshopper\ncylinder\nlever\ndetent\ncoaxial\n' > escapements.txt
    git add escapements.txt && git commit -qm "List the escapements"
}

case "$scenario" in
    # ---------------------------------------------------------------- bash read / select
    read_yn_default_no_yes)
        echo "Snow depth at the refuge: 1.8 m."
        read -r -p "Dig out the winter entrance today? [y/N] " reply; answer "${reply:-n}" ;;
    read_prefill_keep)
        read -r -e -i "cobalt-blue" -p "Batch label: " reply; answer "$reply" ;;
    read_prefill_replace)
        read -r -e -i "Tuesday" -p "Market day for the paperweights » " reply; answer "$reply" ;;
    read_numbered_number)
        echo "Which movement goes on the bench next?"
        n=1
        for l in "Fusee chain" "Skeleton" "Regulator" "Bracket" "Lantern" "Act of Parliament" "Cuckoo"; do
            printf '  [%d] %s\n' "$n" "$l"; n=$((n + 1))
        done
        read -r -p "Enter a number: " reply
        case $reply in 5) answer lantern ;; *) answer "$reply" ;; esac ;;
    read_numbered_label)
        echo "Lamp for the night path to the toilet block:"
        echo "   1. head torch"
        echo "   2. storm lantern"
        echo "   3. candle"
        echo "   4. none"
        read -r -p "Your choice: " reply
        case $reply in 1|"head torch") answer torch ;; 2|"storm lantern") answer lantern ;; 3|candle) answer candle ;; 4|none) answer none ;; *) answer "$reply" ;; esac ;;
    read_type_word_delete)
        printf '\033[1;33m!\033[0m Every recording of the Punch and Judy season will be deleted.\n'
        read -r -p "Type DELETE to continue: " reply
        [ "$reply" = "DELETE" ] && answer deleted || answer "$reply" ;;
    read_wrapped_yn)
        read -r -p "The marionette company from Prague arrives a day early and the studio is still booked for the glass class, so the puppets would have to be unpacked in the foyer overnight; let them unpack in the foyer? (y/n) " reply
        answer "$reply" ;;
    read_question_above_banner)
        echo "How many guests are booked in for half board?"
        printf '\033[44;97m  ~~~ REFUGE DE LA DENT · dinner 19:00 · breakfast 05:30 ~~~  \033[0m\n'
        read -r -p "> " reply; answer "$reply" ;;
    read_silent_sudo)
        read -r -s -p "[sudo] password for clockmaker: " reply; echo; answer "len${#reply}" ;;
    read_silent_ssh_passphrase)
        read -r -s -p "Enter passphrase for key '/home/anselm/.ssh/id_refuge': " reply; echo; answer "len${#reply}" ;;
    read_silent_gpg_style)
        echo "Please enter the passphrase to unlock the OpenPGP secret key:"
        echo "\"Hut Warden <warden@example.org>\""
        read -r -s -p "Passphrase: " reply; echo; answer "len${#reply}" ;;
    read_letter_keys)
        echo "The gather cracked on the pipe."
        read -r -n 1 -p "(r)eheat, (d)iscard or (k)eep shaping? " reply; echo
        case $reply in r) answer reheat ;; d) answer discard ;; k) answer keep ;; *) answer "$reply" ;; esac ;;
    read_press_any_key)
        echo "Strings tied off."
        read -r -n 1 -s -p "Press any key to raise the curtain..." _; echo; answer raised ;;
    read_default_brackets)
        read -r -p "Torch count [12]: " reply; answer "${reply:-12}" ;;
    select_by_number)
        PS3="Number of the pass: "
        select p in "Col de la Seigne" "Fenêtre d'Arpette" "Col du Bonhomme" "Grand Col Ferret"; do answer "$p"; break; done ;;
    select_by_label_ten)
        PS3="Puppet? "
        select p in Punch Judy Toby Joey Crocodile Devil Ghost Doctor Policeman Baby; do answer "$p"; break; done ;;
    # ---------------------------------------------------------------- real tools
    cp_i_keep)
        echo old > schedule.txt && echo new > draft.txt
        cp -i draft.txt schedule.txt
        answer "$(cat schedule.txt)" ;;
    mv_i_replace)
        echo old > rota.md && echo moved > incoming.md
        mv -i incoming.md rota.md
        answer "$(cat rota.md)" ;;
    rm_i_keep)
        echo x > bunks.csv
        rm -i bunks.csv
        [ -e bunks.csv ] && answer kept || answer removed ;;
    git_clean_i_quit)
        git_repo
        touch scratch.tmp
        git clean -i
        [ -e scratch.tmp ] && answer kept || answer cleaned ;;
    git_add_p_yes)
        git_repo
        printf 'anchor\ndeadbeat\nVERGE\ngrasshopper\ncylinder\nlever\ndetent\ncoaxial\n' > escapements.txt
        git add -p
        git diff --cached --quiet && answer unstaged || answer staged ;;
    pip_uninstall_no)
        python3 -m venv --without-pip venv >/dev/null
        site=$(venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
        mkdir -p "$site/crampon" "$site/crampon-1.4.2.dist-info"
        echo "VERSION = '1.4.2'" > "$site/crampon/__init__.py"
        printf 'Metadata-Version: 2.1\nName: crampon\nVersion: 1.4.2\n' > "$site/crampon-1.4.2.dist-info/METADATA"
        printf 'crampon/__init__.py,,\ncrampon-1.4.2.dist-info/METADATA,,\ncrampon-1.4.2.dist-info/RECORD,,\n' > "$site/crampon-1.4.2.dist-info/RECORD"
        echo pip > "$site/crampon-1.4.2.dist-info/INSTALLER"
        python3 -m pip --python venv/bin/python uninstall crampon
        [ -e "$site/crampon" ] && answer kept || answer uninstalled ;;
    ssh_keygen_overwrite_no)
        ssh-keygen -q -t ed25519 -N '' -f "$tmp/id_hut" -C hut@refuge >/dev/null
        before=$(cat "$tmp/id_hut.pub")
        ssh-keygen -q -t ed25519 -N '' -f "$tmp/id_hut" -C hut@refuge
        [ "$(cat "$tmp/id_hut.pub")" = "$before" ] && answer kept || answer replaced ;;
    ssh_keygen_passphrase)
        ssh-keygen -q -t ed25519 -f "$tmp/id_bench" -C bench@workshop
        ssh-keygen -y -P hunter2 -f "$tmp/id_bench" >/dev/null 2>&1 && answer len7 || answer other ;;
    openssl_pkey_passin)
        openssl genpkey -algorithm ed25519 -aes256 -pass pass:hunter2 -out studio.key 2>/dev/null
        openssl pkey -in studio.key -out plain.key
        [ -s plain.key ] && answer len7 || answer other ;;
    unzip_overwrite_yes)
        echo one > cues.txt && zip -q show.zip cues.txt && echo two > cues.txt
        unzip show.zip
        answer "$(cat cues.txt)" ;;
    gpg_decrypt_pinentry)
        export GNUPGHOME="$tmp/gnupg" GPG_TTY
        GPG_TTY=$(tty)
        mkdir -m 700 "$GNUPGHOME"
        echo "pinentry-program $(command -v pinentry-curses)" > "$GNUPGHOME/gpg-agent.conf"
        trap 'gpgconf --kill gpg-agent 2>/dev/null; rm -rf "$tmp"' EXIT
        echo "winding schedule" > winding.txt
        gpg -q --batch --pinentry-mode loopback --passphrase hunter2 -c -o winding.txt.gpg winding.txt
        gpg -q --no-symkey-cache -d -o out.txt winding.txt.gpg 2>/dev/null
        grep -q winding out.txt 2>/dev/null && answer len7 || answer other ;;
    # ---------------------------------------------------------------- whiptail
    wt_yesno_no)
        whiptail --title "Refuge" --yesno "Serve the fondue on the terrace tonight?" 8 56
        answer "rc$?" ;;
    wt_menu_default_item)
        r=$(whiptail --title "Workshop" --default-item lev --menu "Escapement to demonstrate to the visitors:" 15 60 5 \
            anc "Anchor" dbt "Deadbeat" lev "Swiss lever" dtn "Detent" cax "Co-axial" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_radiolist_first)
        r=$(whiptail --title "Studio" --radiolist "Glass for the chandelier drops:" 12 56 3 \
            soda "Soda-lime" OFF lead "Lead crystal" ON boro "Borosilicate" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_checklist_preticked)
        r=$(whiptail --separate-output --title "Theatre" --checklist "Scenery for the second act:" 13 56 4 \
            castle "Castle wall" ON forest "Forest" OFF sea "Painted sea" ON moon "Moon on a stick" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo $r | tr ' ' ',')" ;;
    wt_passwordbox)
        r=$(whiptail --title "Radio" --passwordbox "Mountain rescue channel key:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    wt_inputbox_keep)
        r=$(whiptail --title "Clock" --inputbox "Serial number stamped on the backplate:" 8 60 "No. 4417" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    wt_msgbox_ok)
        whiptail --title "Funicular" --msgbox "The last car leaves at 17:40. Acknowledge to continue." 8 60
        answer "rc$?" ;;
    # ---------------------------------------------------------------- dialog
    dg_yesno_custom_labels)
        dialog --title "Glass" --yes-label "Anneal" --no-label "Crash-cool" --yesno "How should the broken vase batch cool?" 7 56
        answer "rc$?" ;;
    dg_menu_six)
        r=$(dialog --title "Refuge" --menu "Bunk room for the ski-tourers:" 15 56 6 \
            A "Alpenrose" B "Bergfink" C "Chamois" D "Dohle" E "Edelweiss" F "Firn" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_checklist_tick)
        r=$(dialog --separate-output --title "Bench" --checklist "Parts to order:" 13 56 4 \
            spring "Mainspring" off crystal "Crystal" off pivot "Pivot" off hands "Hands" off 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo $r | tr ' ' ',')" ;;
    dg_inputbox_replace)
        r=$(dialog --title "Theatre" --inputbox "Usher on the door:" 8 56 "Margit" 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_passwordbox_insecure)
        r=$(dialog --insecure --title "Safe" --passwordbox "Combination for the takings safe:" 8 56 3>&1 1>&2 2>&3)
        answer "rc$?:len${#r}" ;;
    dg_radiolist_middle)
        r=$(dialog --title "Weather" --radiolist "Forecast source for the hut board:" 12 56 3 \
            meteo "MeteoSwiss" on slf "SLF bulletin" off local "Warden's barometer" off 3>&1 1>&2 2>&3)
        answer "rc$?:$r" ;;
    dg_msgbox_ok)
        dialog --title "Studio" --msgbox "Furnace 1 is at temperature." 7 50
        answer "rc$?" ;;
    # ---------------------------------------------------------------- look-alikes
    look_bash_warden_prompt)
        HOME="$tmp" PS1='warden@refuge:\w\$ ' bash --norc -i ;;
    look_less_manual)
        { echo "HUT MANUAL"; for i in $(seq 1 120); do echo " $i) Book a bunk? (y/n)   ❯ Glacier   [ ] Moraine"; done; } > manual.txt
        less manual.txt ;;
    look_git_log_pager)
        git_repo
        for i in $(seq 1 40); do echo "tick $i" >> escapements.txt; git commit -qam "Overwrite? adjust beat $i [y/N]"; done
        GIT_PAGER=less git log ;;
    look_git_commit_editor)
        git_repo
        echo remontoire >> escapements.txt && git add escapements.txt
        GIT_EDITOR=vim git commit ;;
    look_watch_board)
        watch -n 1 'echo "Select a dormitory:  1) Glacier  2) Moraine"; echo "Continue? [Y/n] (read-only board)"; date +%s' ;;
    look_top)
        top -d 3 ;;
    look_log_yes_no_loop)
        while true; do
            echo "$(date +%T) installer: Proceed with installation? [Y/n] Y (unattended)"
            echo "$(date +%T) backup: Password: ******** accepted"
            sleep 1
        done ;;
    look_python_repl)
        HOME="$tmp" PYTHONSTARTUP= python3 -i ;;
    look_sqlite_shell)
        sqlite3 "$tmp/refuge.db" ;;
    look_dialog_gauge)
        for i in $(seq 0 100000); do echo $((i % 100)); sleep 0.5; done | dialog --title "Annealing" --gauge "Cooling the batch. Continue? (y/N) is asked at the end." 8 60 0 ;;
    look_printed_menu_then_default)
        echo "Choose a furnace:"
        echo "  1) Furnace 1"
        echo "  2) Furnace 2"
        echo "Using 2 (from studio.conf)."
        n=0
        while true; do n=$((n + 1)); echo "heating step $n"; sleep 0.8; done ;;
    *)
        echo "held13.sh: unknown scenario $scenario" >&2
        exit 2 ;;
esac
