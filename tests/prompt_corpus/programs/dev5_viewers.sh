#!/usr/bin/env bash
# Fifth development set, shell side: dev5_viewers.sh <scenario>. Full-screen viewers and
# editors showing text that reads like a question (look-alikes: a pager or an editor
# asks nothing), and a line prompt that queries the terminal (XTGETTCAP) before asking.
# Prints ANSWER=<what the program got> where it asks something.
set -u
scenario=$1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$(mktemp -d -p "$PWD" dev5.XXXXXX)"
unset PAGER GIT_PAGER MANPAGER LESS MORE
export LESSHISTFILE=- MANWIDTH=80

answer() { printf '\nANSWER=%s\n' "$1"; }

# A document quoting every shape the detector knows: line questions, a boxed
# dialog with buttons, a marker menu, a numbered list with a selection line.
document() {
    cat <<'DOC'
UPGRADING
=========

Before it changes anything, the installer asks:

    Continue? (y/n)

Answer y to go on. If the old configuration is still there it asks again:

    Overwrite the existing config file? [y/N]

The clean-up step draws this dialog:

    ┌──────────── Confirm ────────────┐
    │ Delete all cached packages?     │
    │                                 │
    │      <Yes>          <No>        │
    └─────────────────────────────────┘

and the database step shows a menu:

? Which database should we use?
❯ PostgreSQL
  MySQL
  SQLite

Older releases asked for a number instead:

  1) stable
  2) beta
  3) nightly
Enter selection (default: 1):
DOC
}

long_document() {
    document
    for i in $(seq 1 60); do
        printf 'Note %d: is the mirror reachable? Check it before step %d.\n' "$i" "$i"
    done
    document
}

case "$scenario" in
    less_middle)  # less part-way through a long file: its ":" on the bottom row
        long_document >"$dir/UPGRADING.md"
        exec less "$dir/UPGRADING.md" ;;
    less_end)  # a file shorter than the screen: less shows "(END)"
        document | head -n 19 >"$dir/UPGRADING.md"
        exec less "$dir/UPGRADING.md" ;;
    more_middle)  # more: "--More--(NN%)"
        long_document >"$dir/UPGRADING.md"
        exec more "$dir/UPGRADING.md" ;;
    man_page)  # a manual page that quotes the program's own questions, in man's pager
        exec man -l "$here/dev5_page.1" ;;
    git_log_pager)  # git log in git's own pager, commit messages quoting questions
        repo="$dir/repo"
        git init -q "$repo"
        export GIT_AUTHOR_NAME=Alice GIT_AUTHOR_EMAIL=alice@example.org
        export GIT_COMMITTER_NAME=Alice GIT_COMMITTER_EMAIL=alice@example.org
        for i in $(seq 1 12); do
            git -C "$repo" commit -q --allow-empty \
                -m "Ask before deploy $i" -m "The script now asks: Deploy to production? [y/N]"
        done
        exec git -C "$repo" log ;;
    vim_document)  # vim showing the document, cursor at the top
        document >"$dir/UPGRADING.md"
        exec vim -u NONE -N -n "$dir/UPGRADING.md" ;;
    vim_insert_question)  # vim inserting at the end of a line that reads like a prompt
        document >"$dir/notes.txt"
        printf 'Overwrite the existing config file? [y/N] ' >>"$dir/notes.txt"
        exec vim -u NONE -N -n -c 'normal! G' -c 'startinsert!' "$dir/notes.txt" ;;
    vi_dialog)  # vi showing the dialog part of the document, scrolled to it
        document >"$dir/dialog.txt"
        exec vi -u NONE -N -n +16 "$dir/dialog.txt" ;;
    xtgettcap_read)  # asks the terminal what it is (as blessed does), then asks a person
        printf '\033P+q544e\033\\\033P+q524742\033\\\033P+q636f6c6f7273\033\\'
        read -r -p "Apply the database migration now? [y/N] " reply
        answer "$reply" ;;
    *)
        echo "unknown scenario: $scenario" >&2
        exit 2 ;;
esac
