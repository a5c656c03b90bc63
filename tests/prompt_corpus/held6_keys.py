"""What each ``held_out_6`` program shows and the keys a person presses to answer it.

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
    "h6-click-arch-choice-six": ("Target architecture", ["riscv64\r"]),
    "h6-click-float-keep": ("Sampling ratio", [CR]),
    "h6-click-confirm-default-yes-no": ("Regenerate the lockfile", ["n\r"]),
    "h6-click-pause": ("press any key to start", [CR]),
    "h6-click-getchar-review": ("Your call:", ["r"]),
    "h6-click-hidden-pin": ("New vault PIN", [PW + CR, PW + CR]),
    "h6-typer-int-keep": ("How many retries", [CR]),
    "h6-typer-log-level-seven": ("Log level for the collector", ["warning\r"]),
    "h6-rich-confirm-prune": ("Prune the", ["y\r"]),
    "h6-rich-int-choices-days": ("Keep backups for", ["90\r"]),
    "h6-rich-float-keep": ("CPU limit", [CR]),
    "h6-rich-rule-banner-confirm": ("Roll out build", ["n\r"]),
    "h6-questionary-shortcuts-seven": ("How often should we email", ["5", CR]),
    "h6-questionary-descriptions": ("Which cache backend", [D, D, CR]),
    "h6-questionary-unicode-regions": ("Région de déploiement", [D, D, D, CR]),
    "h6-questionary-checkbox-checked": ("Which checks run", [D, SP, D, D, SP, D, SP, CR]),
    "h6-questionary-confirm-no-auto-enter": ("Send anonymous usage", ["n", CR]),
    "h6-questionary-path-keep": ("Where should the dataset", [CR]),
    "h6-questionary-autocomplete-country": ("Billing country", ["NZ", CR]),
    "h6-inquirerpy-fuzzy-services": ("Service to tail", [D, D, D, D, CR]),
    "h6-inquirerpy-select-multiselect": ("Mirror the bucket to", [D, SP, D, D, SP, CR]),
    "h6-inquirerpy-filepath-keep": ("Identity file", [CR]),
    "h6-inquirerpy-long-labels": ("corrupted segments", [D, CR]),
    "h6-ptk-input-dialog-host": ("Hostname for this node", ["edge-07", CR, CR]),
    "h6-ptk-button-dialog-three": ("timed out after 3", [R, CR]),
    "h6-ptk-message-dialog": ("expires on 2027-01-31", [CR]),
    "h6-ptk-bottom-toolbar": ("Release name", ["aurora\r"]),
    "h6-ptk-confirm-detach": ("Detach volume", ["y"]),
    "h6-ptk-password-dialog": ("Passphrase for network", [PW, CR, CR]),
    "h6-pick-arrow-indicator": ("Base image for the runner", [D, D, D, D, CR]),
    "h6-stm-multi-preselected": ("Metrics to export", [D, SP, D, SP, D, D, SP, CR]),
    "h6-pyinq-list-carousel": ("Maintenance day", [U, CR]),
    "h6-pyinq-text-default": ("Kubernetes namespace", [CR]),
    "h6-beaupy-select-multiple": ("pyright", [D, D, D, SP, CR]),
    "h6-bullet-star": ("Which runner executes", [D, D, CR]),
    "h6-cutie-select-captions": ("Choose a plan", [D, D, CR]),
    "h6-cutie-select-multiple": ("Locales to build", [D, D, D, SP, CR]),
    "h6-cutie-yes-no": ("Keep the downloaded wheels", ["y", CR]),
    "h6-cutie-number": ("Batch size", ["64\r"]),
    "h6-cutie-secure": ("Signing certificate password", [PW + CR]),
    "h6-stdlib-number-of-six": ("Service # to restart", ["4\r"]),
    "h6-stdlib-key-type-label": ("Select [1]", ["3\r"]),
    "h6-stdlib-wrapped-sixty": ("expired certificate", ["y\r"]),
    "h6-stdlib-banner-then-question": ("Proceed? [yes/NO]", ["yes\r"]),
    "h6-stdlib-type-yes-caps": ("Type YES", ["YES\r"]),
    "h6-stdlib-type-below-arrow": ("To confirm, type", ["wipe scratch-02\r"]),
    "h6-stdlib-press-enter-led": ("press Enter once the LED", [CR]),
    "h6-stdlib-mine-theirs": ("[t]heirs", ["t\r"]),
    "h6-stdlib-getpass-ssh": ("Enter passphrase for key", [PW + CR]),
    "h6-stdlib-angle-default": ("Listen address", [CR]),
    "h6-stdlib-readline-replace": ("Runner hostname", [KILL_LINE, "build-02\r"]),
    "h6-stdlib-brackets-seven": ("Selection [1-7]", ["6\r"]),
    "h6-stdlib-curses-checklist": ("Nightly jobs", [D, D, SP, CR]),
    "h6-look-pdb": ("(Pdb)", []),
    "h6-look-cmd-shell": ("(vault)", []),
    "h6-look-rich-live-table": ("deployments", []),
    "h6-look-rich-status": ("Waiting for approval", []),
    "h6-look-agent-quotes-dialog": ("Do you want to proceed?", []),
    "h6-look-agent-quotes-checkbox": ("Which features?", []),
    "h6-look-log-password-lines": ("Password: accepted", []),
    "h6-look-progress-continue": ("Syncing", []),
    "h6-look-answered-itself": ("restoring cache layer", []),
    "h6-look-menu-no-read": ("from $DEPLOY_ENV", []),
    "h6-look-sleep-guillemet": ("Queued behind 3 jobs", []),
    "h6-look-curses-dashboard": ("nodemon-lite", []),
    "h6-look-test-runner-names": ("PASSED", []),
    "h6-look-build-steps": ("Compiling crate", []),
    "h6-look-json-log": ("rendered prompt", []),
    "h6-look-countdown": ("Restarting the agent", []),
    "h6-look-ptk-fullscreen-viewer": ("RELEASE NOTES", []),
}
