"""What each ``held_out_7`` program shows and the keys a person presses to answer it.

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
    "h7-click-intrange-workers": ("Worker processes", ["12\r"]),
    "h7-click-hidden-twice": ("metrics database", [PW + CR, PW + CR]),
    "h7-click-compression-six": ("Compression codec", ["zstd\r"]),
    "h7-click-confirm-abort": ("Drop the schema", ["y\r"]),
    "h7-click-remote-replace": ("git remote to push", ["upstream\r"]),
    "h7-typer-confirm-tag": ("Push tag v3.0.0", ["n\r"]),
    "h7-typer-slug-keep": ("Project slug", [CR]),
    "h7-rich-env-choices": ("Promote build 7781", ["stage\r"]),
    "h7-rich-panel-confirm": ("Start the maintenance", ["y\r"]),
    "h7-rich-password": ("SMTP relay password", [PW + CR]),
    "h7-rich-author-replace": ("Commit author", ["Grace Hopper\r"]),
    "h7-questionary-rawselect-licence": ("Licence for the new", ["4", CR]),
    "h7-questionary-press-any-key": ("then press any key", [CR]),
    "h7-questionary-path-replace": ("nightly backups", [KILL_LINE, "/srv/backups", CR]),
    "h7-questionary-checkbox-untick": (
        "Notify these channels",
        [D, SP, D, SP, D, D, D, SP, CR],
    ),
    "h7-questionary-select-indicator": ("build image use", [D, D, D, D, CR]),
    "h7-questionary-confirm-telemetry": ("Share crash reports", ["y"]),
    "h7-questionary-password": ("Key-store password", [PW + CR]),
    "h7-inquirerpy-expand-conflict": ("happen to settings.toml", ["k", CR]),
    "h7-inquirerpy-rawlist-zone": ("Availability zone", ["4", CR]),
    "h7-inquirerpy-number-keep": ("Max open connections", [CR]),
    "h7-inquirerpy-checkbox-enabled": (
        "Browsers for the smoke",
        [D, SP, D, SP, D, D, D, SP, CR],
    ),
    "h7-inquirerpy-secret": ("Registry access token", [PW + CR]),
    "h7-ptk-checkboxlist-dialog": ("start at boot", [D, D, SP, D, SP, TAB, CR]),
    "h7-ptk-radiolist-dialog": ("Keyboard layout", [D, D, D, SP, TAB, CR]),
    "h7-ptk-choice": ("How should the merge", [D, CR]),
    "h7-ptk-yes-no-custom": ("unsaved changes", [R, CR]),
    "h7-ptk-default-replace": ("Upstream branch", [KILL_LINE, "release/3.x", CR]),
    "h7-pick-multiselect": ("Images to rebuild", [D, SP, D, D, SP, CR]),
    "h7-stm-shortcuts": ("Pipeline stage", [D, D, D, CR]),
    "h7-pyinq-checkbox-default": ("Feeds to import", [SP, D, D, D, D, SP, CR]),
    "h7-pyinq-confirm-default-yes": ("Keep the old container", ["n", CR]),
    "h7-beaupy-select-arrow": ("dataset to profile", [D, D, CR]),
    "h7-bullet-yesno": ("Rebase onto main", ["n\r"]),
    "h7-survey-select-target": ("Install target", [D, D, D, CR]),
    "h7-survey-basket-untick": ("Components to install", [D, L, D, D, R, CR]),
    "h7-survey-inquire": ("Rotate the signing key", ["y"]),
    "h7-survey-input-keep": ("Cluster name", [CR]),
    "h7-survey-numeric": ("Shards", [BS, "5", CR]),
    "h7-survey-conceal": ("Vault token", [PW + CR]),
    "h7-consolemenu-selection": ("restic helper", ["3\r"]),
    "h7-consolemenu-by-label": ("Choose a base system", ["3\r"]),
    "h7-stdlib-choose-from-brackets": ("Choose from [1/2/3/4]", ["3\r"]),
    "h7-stdlib-nine-by-number": ("Selection number", ["7\r"]),
    "h7-stdlib-type-cluster": ("Type the cluster name", ["prod-eu-2\r"]),
    "h7-stdlib-wrapped-two-rows": ("clear the cache", ["y\r"]),
    "h7-stdlib-question-above-banner": ("Re-encrypt 212", ["yes\r"]),
    "h7-stdlib-default-paren-keep": ("Branch to deploy", [CR]),
    "h7-stdlib-getpass-unseal": ("Unseal key", [PW + CR]),
    "h7-stdlib-letters-keep-both": ("[k]eep both", ["k\r"]),
    "h7-stdlib-raw-any-key": ("sensor is level", [CR]),
    "h7-stdlib-readline-keep": ("Webhook URL", [CR]),
    "h7-stdlib-chevron-hint-below": ("Bucket for the exports", ["exports-eu\r"]),
    "h7-stdlib-accents-by-label": ("Your pick (1-6)", ["3\r"]),
    "h7-stdlib-long-labels-wrap": ("Webhook backlog", ["2\r"]),
    "h7-look-mysql-like-repl": ("mysql>", []),
    "h7-look-redis-like-repl": ("127.0.0.1:6379>", []),
    "h7-look-rich-progress-continue": ("uploading layers", []),
    "h7-look-rich-live-glyphs": ("replicas", []),
    "h7-look-agent-streams-menu": ("Continuing with the build", []),
    "h7-look-printed-question-works-on": ("copied dist/chunk", []),
    "h7-look-pytest-like": ("PASSED", []),
    "h7-look-build-numbered": ("compile obj/unit", []),
    "h7-look-sleep-gt": ("Recorder armed", []),
    "h7-look-curses-pager": ("setup.log (12%)", []),
    "h7-look-curses-monitor": ("gpu-mon 0.3", []),
    "h7-look-log-password-prompts": ("authentication ok", []),
    "h7-look-click-progressbar": ("scanning", []),
    "h7-look-waiting-for-input-ci": ("Waiting for input from", []),
    "h7-look-markdown-table-glyphs": ("nothing to answer", []),
}
