"""What each ``held_out_5`` program shows and the keys a person presses to answer it.

Used only by :mod:`tests.prompt_corpus.held_check`; the supervisor never reads this.
"""

from __future__ import annotations

D, U, SP, CR = "\x1b[B", "\x1b[A", " ", "\r"
R, L = "\x1b[C", "\x1b[D"
BS = "\x7f"
TAB = "\t"
KILL_LINE = "\x15"
PW = "hunter2"

SHOWS_KEYS: dict[str, tuple[str, list[str]]] = {
    # ------------------------------------------------------------ Python
    "h5-click-compression-choice": ("Compression", ["zstd\r"]),
    "h5-click-confirm-abort": ("Drop the stale replicas", ["y\r"]),
    "h5-click-int-range-default": ("Replica count", [CR]),
    "h5-click-confirmation-option": ("Are you sure?", ["n\r"]),
    "h5-click-password-option": ("Backup passphrase", [PW + CR, PW + CR]),
    "h5-click-remote-replace": ("Git remote to push to", ["upstream\r"]),
    "h5-click-type-cluster": ("type the cluster name", ["blue-k8s\r"]),
    "h5-typer-option-prompt": ("Your GitHub handle", ["octo-cat\r"]),
    "h5-typer-confirm-abort": ("Publish version 3.0.0", ["n\r"]),
    "h5-typer-enum-option": ("Colour mode", ["dark\r"]),
    "h5-rich-eviction-choices": ("Cache eviction policy", ["lfu\r"]),
    "h5-rich-panel-confirm": ("Send the invoice batch", ["n\r"]),
    "h5-rich-int-keep": ("Max open files", [CR]),
    "h5-rich-markup-text": ("Branch to rebase onto", ["develop\r"]),
    "h5-rich-vault-key": ("Vault unseal key", [PW + CR]),
    "h5-rich-table-snapshot": ("Snapshot to restore", ["3\r"]),
    "h5-questionary-rawselect": ("Merge strategy", ["2", CR]),
    "h5-questionary-press-any-key": ("Touch the security key", [CR]),
    "h5-questionary-select-disabled": ("Runner size", [D, D, CR]),
    "h5-questionary-checkbox-five": ("Languages to generate", [SP, D, D, SP, D, D, SP, CR]),
    "h5-questionary-password": ("SMTP relay password", [PW, CR]),
    "h5-questionary-confirm-default-no": ("Overwrite CHANGELOG.md", ["y", CR]),
    "h5-questionary-pointer-qmark": ("Licence for the new package", [D, D, CR]),
    "h5-questionary-text-replace": ("Docker image tag", [BS * 6, "1.4.2", CR]),
    "h5-inquirerpy-expand": ("app.yaml already exists", ["k", CR]),
    "h5-inquirerpy-rawlist": ("Node runtime", ["3", CR]),
    "h5-inquirerpy-number": ("Shard count", [CR]),
    "h5-inquirerpy-confirm-default-yes": ("anonymous usage statistics", ["n"]),
    "h5-inquirerpy-secret": ("Database URL password", [PW, CR]),
    "h5-inquirerpy-checkbox-six": ("Pages to pre-render", [D, SP, D, SP, D, D, D, SP, CR]),
    "h5-inquirerpy-select-separator": ("Storage class", [D, D, CR]),
    "h5-ptk-choice": ("Where should the logs go", [D, D, CR]),
    "h5-ptk-choice-frame": ("Pick the base image", [D, CR]),
    "h5-ptk-yes-no-dialog": ("Rebuild the search index", [TAB, CR]),
    "h5-ptk-radiolist-dialog": ("Timezone for the scheduler", [D, SP, TAB, CR]),
    "h5-ptk-checkboxlist-dialog": ("Send build notifications", [D, SP, D, D, SP, TAB, CR]),
    "h5-ptk-prompt-default": ("Output directory", [CR]),
    "h5-ptk-prompt-password": ("Decryption key", [PW + CR]),
    "h5-pick-multiselect": ("Translations to ship", [D, SP, D, D, SP, D, SP, CR]),
    "h5-stm-cycle-up": ("is unhealthy", [U, CR]),
    "h5-pyinquirer-checkbox-default": ("Hooks to install", [D, D, SP, CR]),
    "h5-pyinquirer-confirm": ("Reuse the existing SSH tunnel", ["n"]),
    "h5-beaupy-paged": ("Month for the report", [D, D, CR]),
    "h5-bullet-numbers": ("HTTPS port", ["8443\r"]),
    "h5-stdlib-enter-selection": ("Enter selection", ["3\r"]),
    "h5-stdlib-choose-from": ("Choose from [1/2/3]", ["3\r"]),
    "h5-stdlib-type-name": ("to confirm", ["analytics-prod\r"]),
    "h5-stdlib-wrapped-eighty": ("rewrite it anyway", ["y\r"]),
    "h5-stdlib-box-banner": ("Start the maintenance window", ["y\r"]),
    "h5-stdlib-readline-prefill": ("Base branch", [CR]),
    "h5-stdlib-letter-keys": ("[S]kip", ["s\r"]),
    "h5-stdlib-getpass-pin": ("Enter PIN for YubiKey", [PW + CR]),
    "h5-stdlib-yes-no-words": ("Proceed with the rollback", ["yes\r"]),
    "h5-stdlib-hit-return": ("Hit RETURN", [CR]),
    "h5-stdlib-curses-menu": ("What do you want to do", [D, CR]),
    "h5-look-repl-in-bracket": ("In [1]:", []),
    "h5-look-ptk-sql-repl": ("wh=>", []),
    "h5-look-question-then-work": ("indexing chunk", []),
    "h5-look-test-runner": ("PASSED", []),
    "h5-look-build-numbered": ("working on step", []),
    "h5-look-glyph-table": ("auto-refresh off", []),
    "h5-look-sleep-gt": ("upstream job 8812", []),
    "h5-look-agent-quotes-menu": ("Use arrow keys", []),
    "h5-look-agent-quotes-password": ("deploy key", []),
    "h5-look-curses-top": ("proctop", []),
    "h5-look-rich-progress": ("Unpacking", []),
    "h5-look-log-continue": ("assume-yes", []),
    "h5-look-curses-viewer": ("INSTALL.txt", []),
    "h5-look-spinner-question-text": ("waiting for approval", []),
}
