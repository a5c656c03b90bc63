#!/usr/bin/env bash
# Eighteenth development set (b), shell side: dev18b.sh <scenario>. whiptail and dialog
# --checklist and --radiolist boxes whose list is taller than its box (twelve items in a
# list five rows high, so it scrolls), answered with labels below the fold; and a dialog
# info box that draws and is gone, a look-alike. Prints ANSWER=rc<status>:<items>.
set -u
answer() { printf '\nANSWER=%s\n' "$1"; }
REGIONS=(ams "Amsterdam" OFF fra "Frankfurt" OFF lhr "London" OFF cdg "Paris" OFF
    mad "Madrid" OFF arn "Stockholm" OFF waw "Warsaw" OFF vie "Vienna" OFF
    zrh "Zurich" OFF osl "Oslo" OFF hel "Helsinki" OFF dub "Dublin" OFF)
case "$1" in
    whiptail_checklist_scrolls)
        choice=$(whiptail --title "Edge sites" --separate-output --checklist \
            "Sites that serve the new build:" 14 60 5 "${REGIONS[@]}" 3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    dialog_checklist_scrolls)
        choice=$(dialog --separate-output --checklist \
            "Mirrors to keep in sync:" 14 60 5 \
            m01 "alpha mirror" off m02 "bravo mirror" off m03 "charlie mirror" off \
            m04 "delta mirror" off m05 "echo mirror" off m06 "foxtrot mirror" off \
            m07 "golf mirror" off m08 "hotel mirror" off m09 "india mirror" off \
            m10 "juliet mirror" off m11 "kilo mirror" off m12 "lima mirror" off \
            3>&1 1>&2 2>&3)
        answer "rc$?:$(echo "$choice" | paste -sd, -)" ;;
    whiptail_radiolist_scrolls)
        choice=$(whiptail --title "Locale" --radiolist "System locale:" 14 60 5 \
            en_GB "English (UK)" ON de_DE "German" OFF fr_FR "French" OFF \
            es_ES "Spanish" OFF it_IT "Italian" OFF nl_NL "Dutch" OFF \
            pl_PL "Polish" OFF sv_SE "Swedish" OFF fi_FI "Finnish" OFF \
            pt_PT "Portuguese" OFF cs_CZ "Czech" OFF el_GR "Greek" OFF 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    dialog_radiolist_scrolls)
        choice=$(dialog --radiolist "Time zone for the report server:" 14 60 5 \
            utc "Coordinated Universal Time" on gmt "Greenwich" off cet "Central Europe" off \
            eet "Eastern Europe" off msk "Moscow" off ist "India" off \
            sgt "Singapore" off jst "Japan" off aest "Eastern Australia" off \
            nzst "New Zealand" off hst "Hawaii" off pst "Pacific" off 3>&1 1>&2 2>&3)
        answer "rc$?:$choice" ;;
    dialog_infobox_then_log)
        # An info box drawn once, then a log that keeps streaming: nothing to answer.
        dialog --infobox "Syncing mirrors:\n  alpha\n  bravo\n  charlie" 8 40
        sleep 1  # noqa: sleep-ok
        clear
        i=0
        while true; do
            i=$((i + 1))
            printf 'sync pass %d: 12 mirrors up to date\n' "$i"
            sleep 1  # noqa: sleep-ok
        done ;;
    *) echo "unknown scenario $1" >&2; exit 2 ;;
esac
