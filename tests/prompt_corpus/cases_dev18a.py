"""An eighteenth development set (a): custom menu pointers, defaults kept, masked fields.

Written for tuning (``fixed_half="dev"``), in wordings and layouts of their own: selects
whose pointer is the caller's (questionary's and InquirerPy's ``pointer=``: "➜", "▶", "*",
"»", "👉", a word; with and without questionary's indicator circles, with a default that
is not the first row; @inquirer/prompts' select with a themed cursor icon), fields whose
prefilled default is the right answer (prompt_toolkit, questionary, InquirerPy,
@inquirer/prompts; the answer is empty, which keeps the default), masked and hidden fields
asked in neutral words (InquirerPy's ``secret``, questionary's ``password``,
@inquirer/prompts' password with a mask, enquirer's Password, prompts' password and
invisible), and look-alikes: a log line holding a masked value, a menu printed in a log,
a console at its banner and prompt, a log line holding a question and its value.
"""

from __future__ import annotations

from tests.prompt_corpus.case_set import CaseSet
from tests.prompt_corpus.cases import Case

_SET = CaseSet("", "dev18a", "dev")
_py, _node, _case = _SET.py, _SET.node, _SET.case
_NODE = ("node",)


def _pointer_cases() -> list[Case]:
    return [
        _case(
            "d18a-q-select-arrow-pointer-seven",
            "questionary",
            _py("q_select_arrow_pointer_seven"),
            "choice",
            ("Ferns", "Mosses", "Lichens", "Grasses", "Sedges", "Orchids", "Conifers"),
            "Orchids",
            "Orchids",
        ),
        _case(
            "d18a-q-select-triangle-indicator-default",
            "questionary",
            _py("q_select_triangle_indicator_default"),
            "choice",
            ("bisque 06", "glaze 6", "raku", "low-fire 04"),
            "glaze 6",
            "glaze 6",
        ),
        _case(
            "d18a-q-select-star-pointer",
            "questionary",
            _py("q_select_star_pointer"),
            "choice",
            ("floor loom", "rigid heddle", "inkle", "tapestry frame", "backstrap"),
            "tapestry frame",
            "tapestry frame",
        ),
        _case(
            "d18a-q-select-guillemet-default-third",
            "questionary",
            _py("q_select_guillemet_default_third"),
            "choice",
            ("pontoon A", "pontoon B", "swinging buoy 7", "harbour wall"),
            "pontoon A",
            "pontoon A",
        ),
        _case(
            "d18a-q-select-hand-pointer-indicator",
            "questionary",
            _py("q_select_hand_pointer_indicator"),
            "choice",
            ("cheddar truckle", "wensleydale", "blue stilton", "red leicester"),
            "blue stilton",
            "blue stilton",
        ),
        _case(
            "d18a-q-select-word-pointer",
            "questionary",
            _py("q_select_word_pointer"),
            "choice",
            ("Plain Bob", "Grandsire", "Stedman", "Kent Treble Bob"),
            "Stedman",
            "Stedman",
        ),
        _case(
            "d18a-ipy-select-arrow-pointer-default",
            "inquirerpy",
            _py("ipy_select_arrow_pointer_default"),
            "choice",
            ("Upper mill", "Lock 12", "Sluice north", "Sluice south", "Tail race"),
            "Tail race",
            "Tail race",
        ),
        _case(
            "d18a-ipy-select-triangle-pointer",
            "inquirerpy",
            _py("ipy_select_triangle_pointer"),
            "choice",
            ("orchard row", "heather moor", "churchyard", "rooftop"),
            "churchyard",
            "churchyard",
        ),
        _case(
            "d18a-ipy-select-hand-pointer-default",
            "inquirerpy",
            _py("ipy_select_hand_pointer_default"),
            "choice",
            ("north boundary", "lane side", "orchard gap", "pond corner"),
            "pond corner",
            "pond corner",
        ),
        _case(
            "d18a-iq-select-theme-cursor-pair",
            "inquirer",
            _node("iq_select_theme_cursor_pair"),
            "choice",
            ("Dover", "Harwich", "Lowestoft", "Whitby"),
            "Harwich",
            "Harwich",
            _NODE,
        ),
        _case(
            "d18a-iq-select-theme-cursor-arrow",
            "inquirer",
            _node("iq_select_theme_cursor_arrow"),
            "choice",
            ("celadon", "tenmoku", "shino", "ash"),
            "shino",
            "shino",
            _NODE,
        ),
        _case(
            "d18a-iq-select-theme-cursor-default",
            "inquirer",
            _node("iq_select_theme_cursor_default"),
            "choice",
            ("full main", "one reef", "two reefs", "storm jib"),
            "storm jib",
            "storm jib",
            _NODE,
        ),
    ]


def _keep_cases() -> list[Case]:
    return [
        _case(
            "d18a-ptk-prompt-default-keep-port",
            "prefilled",
            _py("ptk_prompt_default_keep_port"),
            "text",
            None,
            "",
            "/dev/ttyUSB0",
        ),
        _case(
            "d18a-ptk-prompt-default-keep-number",
            "prefilled",
            _py("ptk_prompt_default_keep_number"),
            "text",
            None,
            "",
            "48",
        ),
        _case(
            "d18a-ptk-prompt-default-keep-copy",
            "prefilled",
            _py("ptk_prompt_default_keep_copy"),
            "text",
            None,
            "",
            "65",
        ),
        _case(
            "d18a-ptk-prompt-rate-unit-replace",
            "prefilled",
            _py("ptk_prompt_rate_unit_replace"),
            "text",
            None,
            "25",
            "25",
        ),
        _case(
            "d18a-ptk-prompt-rate-unit-keep",
            "prefilled",
            _py("ptk_prompt_rate_unit_keep"),
            "text",
            None,
            "",
            "12",
        ),
        _case(
            "d18a-q-text-default-keep-ward",
            "prefilled",
            _py("q_text_default_keep_ward"),
            "text",
            None,
            "",
            "Riverside East",
        ),
        _case(
            "d18a-ipy-text-default-keep",
            "prefilled",
            _py("ipy_text_default_keep"),
            "text",
            None,
            "",
            "2026",
        ),
        _case(
            "d18a-iq-input-default-keep",
            "prefilled",
            _node("iq_input_default_keep"),
            "text",
            None,
            "",
            "altos",
            _NODE,
        ),
    ]


def _secret_cases() -> list[Case]:
    return [
        _case("d18a-ipy-secret-pin-copy", "password-style", _py("ipy_secret_pin_copy"), "secret"),
        _case("d18a-ipy-secret-neutral", "password-style", _py("ipy_secret_neutral"), "secret"),
        _case("d18a-q-password-neutral", "password-style", _py("q_password_neutral"), "secret"),
        _case(
            "d18a-iq-password-mask-neutral",
            "password-style",
            _node("iq_password_mask_neutral"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d18a-enq-password-neutral",
            "password-style",
            _node("enq_password_neutral"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d18a-pr-password-neutral",
            "password-style",
            _node("pr_password_neutral"),
            "secret",
            needs=_NODE,
        ),
        _case(
            "d18a-pr-invisible-neutral",
            "password-style",
            _node("pr_invisible_neutral"),
            "secret",
            needs=_NODE,
        ),
    ]


def _lookalikes() -> list[Case]:
    return [
        _case("d18a-look-masked-value-in-log", "look-alike", _py("look_masked_value_in_log"), None),
        _case("d18a-look-pointer-menu-in-log", "look-alike", _py("look_pointer_menu_in_log"), None),
        _case(
            "d18a-look-custom-pointer-menu-last",
            "look-alike",
            _py("look_custom_pointer_menu_last"),
            None,
        ),
        _case("d18a-look-console-banner", "look-alike", _py("look_console_banner"), None),
        _case(
            "d18a-look-prefilled-value-in-log",
            "look-alike",
            _py("look_prefilled_value_in_log"),
            None,
        ),
    ]


def dev18a_cases() -> list[Case]:
    return _pointer_cases() + _keep_cases() + _secret_cases() + _lookalikes()
