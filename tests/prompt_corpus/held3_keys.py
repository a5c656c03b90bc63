"""What each ``held_out_3`` program shows and the keys a person presses to answer it.

Used only by :mod:`tests.prompt_corpus.held3_check`; the supervisor never reads this.
"""

from __future__ import annotations

D, U, SP, CR = "\x1b[B", "\x1b[A", " ", "\r"

BS = "\x7f"
TAB = "\t"
RIGHT = "\x1b[C"

SHOWS_KEYS: dict[str, tuple[str, list[str]]] = {
    "h3-click-compression": ("Compression", ["none\r"]),
    "h3-click-discard-wrapped": ("discard them", ["y\r"]),
    "h3-click-remote-default": ("Git remote URL", [CR]),
    "h3-click-type-cluster": ("type the cluster name", ["prod-eu-2\r"]),
    "h3-typer-replicas": ("How many replicas", ["5\r"]),
    "h3-typer-banner-confirm": ("Tag and push", ["n\r"]),
    "h3-typer-db-password": ("Database password", ["hunter2\r"]),
    "h3-rich-environment": ("Environment", ["stage\r"]),
    "h3-rich-port": ("Port for the admin", [CR]),
    "h3-rich-panel-confirm": ("Promote the canary", ["y\r"]),
    "h3-rich-numbered-profile": ("Select a profile", ["3\r"]),
    "h3-questionary-descriptions": ("Which runtime", [D, CR]),
    "h3-questionary-triangle-default": ("Merge strategy", [D, CR]),
    "h3-questionary-prechecked": ("Notifications to keep", [D, SP, D, SP, D, SP, CR]),
    "h3-questionary-rawselect": ("Where should the logs", ["3", CR]),
    "h3-questionary-prefilled-keep": ("Next version", [CR]),
    "h3-questionary-prefilled-replace": ("Docker image tag", [BS * 6, "v1.4.2", CR]),
    "h3-questionary-banner-confirm": ("Initialise a git", ["n"]),
    "h3-questionary-password": ("SMTP password", ["hunter2", CR]),
    "h3-inquirerpy-separator-menu": ("Instance type", [D, D, CR]),
    "h3-inquirerpy-dots-checkbox": ("Languages for", [D, SP, D, D, D, SP, CR]),
    "h3-inquirerpy-rawlist": ("Time zone", ["4", CR]),
    "h3-inquirerpy-expand": ("has diverged", ["m", CR]),
    "h3-inquirerpy-number": ("Retention in days", [BS * 2, "90", CR]),
    "h3-inquirerpy-secret": ("Vault unseal key", ["hunter2", CR]),
    "h3-inquirerpy-confirm-default-yes": ("Remove the stale locks", ["n"]),
    "h3-ptk-radiolist": ("Select the layout", [D, D, CR, TAB, CR]),
    "h3-ptk-checkboxlist": ("Install which", [SP, D, D, SP, TAB, CR]),
    "h3-ptk-yes-no-labels": ("Deploy build 7781", [TAB, CR]),
    "h3-ptk-prefilled-branch": ("Worktree branch", [CR]),
    "h3-ptk-confirm-shortcut": ("Delete the worktree", ["y"]),
    "h3-pick-menu": ("Base image", [D, D, CR]),
    "h3-pick-multi": ("Architectures", [SP, D, SP, CR]),
    "h3-stm-menu": ("Runner size", [D, D, CR]),
    "h3-stm-multi": ("Folders to purge", [D, SP, D, D, SP, CR]),
    "h3-pyinquirer-list": ("Shirt size", [D, D, CR]),
    "h3-pyinquirer-checkbox": ("Topics you want", [SP, D, D, SP, CR]),
    "h3-pyinquirer-confirm": ("Send anonymous crash", ["y"]),
    "h3-stdlib-type-database": ("type the name of the database", ["analytics_prod\r"]),
    "h3-stdlib-selection-range": ("Select an entry by number", ["2\r"]),
    "h3-stdlib-gpg-style": ("Enter passphrase", ["hunter2\r"]),
    "h3-stdlib-keys-line": ("Update the snapshot", ["s\r"]),
    "h3-look-ci-log-questions": ("installing dependencies", []),
    "h3-look-agent-quotes-menu": ("ap-south-1", []),
    "h3-look-rich-layout": ("Approvals", []),
    "h3-look-rich-progress-question": ("Overwrite existing", []),
    "h3-look-curses-clock": ("cluster-watch", []),
    "h3-look-answered-wizard": ("Installing dependencies", []),
    "h3-look-http-server-log": ("Serving HTTP", []),
}
