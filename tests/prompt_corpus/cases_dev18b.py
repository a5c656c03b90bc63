"""An eighteenth development set (b): lists longer than what they show.

Written for tuning (``fixed_half="dev"``), in wordings of their own: whiptail and dialog
checklists and radiolists whose twelve items scroll in a list five rows high, answered with
labels below the fold; and paged lists that draw no mark for their hidden rows (@inquirer's
select and checkbox with loop off, enquirer's select with a limit), answered with a label
on a later page. Look-alikes: a dialog info box followed by a streaming log, a board of
circle-marked rows redrawn on a timer, and a list of choices printed into a running log.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev18b", "dev")
_py, _node, _sh, _case = _SET.py, _SET.node, _SET.sh, _SET.case
_NODE = ("node",)
_REGIONS = ("ams", "fra", "lhr", "cdg", "mad", "arn", "waw", "vie", "zrh", "osl", "hel", "dub")


def dev18b_cases() -> list[Case]:
    return [
        _case(
            "d18b-whiptail-checklist-scrolls",
            "whiptail",
            _sh("whiptail_checklist_scrolls"),
            "multi_choice",
            _REGIONS,
            "fra, osl, dub",
            "rc0:fra,osl,dub",
            ("whiptail",),
        ),
        _case(
            "d18b-dialog-checklist-scrolls",
            "dialog",
            _sh("dialog_checklist_scrolls"),
            "multi_choice",
            tuple(f"m{i:02d}" for i in range(1, 13)),
            "m02, m11",
            "rc0:m02,m11",
            ("dialog",),
        ),
        _case(
            "d18b-whiptail-radiolist-scrolls",
            "whiptail",
            _sh("whiptail_radiolist_scrolls"),
            "choice",
            ("en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL")
            + ("pl_PL", "sv_SE", "fi_FI", "pt_PT", "cs_CZ", "el_GR"),
            "fi_FI",
            "rc0:fi_FI",
            ("whiptail",),
        ),
        _case(
            "d18b-dialog-radiolist-scrolls",
            "dialog",
            _sh("dialog_radiolist_scrolls"),
            "choice",
            ("utc", "gmt", "cet", "eet", "msk", "ist", "sgt", "jst", "aest", "nzst", "hst", "pst"),
            "hst",
            "rc0:hst",
            ("dialog",),
        ),
        _case(
            "d18b-inq-select-page-no-loop",
            "paged",
            _node("inq_select_page_no_loop"),
            "choice",
            ("ingest", "resize", "transcode", "notify", "archive", "reindex", "purge", "export"),
            "purge",
            "purge",
            _NODE,
        ),
        _case(
            "d18b-enq-select-limit-branches",
            "paged",
            _node("enq_select_limit_branches"),
            "choice",
            ("main", "release-3.1", "release-3.0", "hotfix-auth")
            + ("feature-sso", "feature-tags", "spike-wasm"),
            "feature-tags",
            "feature-tags",
            _NODE,
        ),
        _case(
            "d18b-inq-checkbox-page-no-loop",
            "paged",
            _node("inq_checkbox_page_no_loop"),
            "multi_choice",
            ("ingest", "resize", "transcode", "notify", "archive", "reindex", "purge", "export"),
            "resize, purge",
            ["resize", "purge"],
            _NODE,
        ),
        _case("d18b-dialog-infobox-then-log", "dialog", _sh("dialog_infobox_then_log"), None),
        _case("d18b-circle-board", "monitor", _py("circle_board"), None),
        _case("d18b-streaming-log-list", "log", _py("streaming_log_list"), None),
    ]
