# ruff: noqa: E501 - transcript text is data; its lines are as long as the screen
"""The golden prompt-detection corpus, as code: run ``python -m tests.transcripts.corpus``.

Writes ``<id>.ans`` (bytes, see :mod:`tests.transcripts.ansi`) and ``<id>.toml``
(screen size, quiescence, OS signals, and the expected prompt or none) for each
case below. Positives first, then negatives: things that look like prompts but
are not pending (answered, scrolled away, quoted while busy, still printing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.transcripts.ansi import (
    BLUE,
    BOLD,
    CLAUDE_WELCOME,
    DIM,
    FG,
    GREEN,
    GREY,
    HERE,
    HIDE,
    NL,
    ORANGE,
    RED,
    RESET,
    E,
    Ink,
    box,
    claude_idle_box,
    claude_start,
    encode_ans,
    menu,
    rule,
    shell_prompt,
    typed,
)


@dataclass
class Case:
    id: str
    description: str
    data: str
    family: str = "generic"
    expect: dict[str, Any] = field(default_factory=dict)  # empty: no prompt
    cols: int = 100
    rows: int = 30
    quiet_for: float = 1.0
    echo_off: bool = False
    blocked_on_read: bool = False


CASES: list[Case] = []


def case(*args: Any, **kwargs: Any) -> None:
    CASES.append(Case(*args, **kwargs))


def expect(
    kind: str,
    question: str,
    options: list[str] | None = None,
    selected: int | None = None,
    rule_name: str | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": kind, "question": question}
    if options is not None:
        out["options"] = options
    if selected is not None:
        out["selected"] = selected
    if rule_name:
        out["rule"] = rule_name
    return out


# ---------------------------------------------------------------- Claude Code

PERMISSION = [
    "Yes",
    "Yes, and don't ask again for npm test commands in /home/alice/proj",
    "No, and tell Claude what to do differently (esc)",
]


def claude_dialog(message: str, reply: str, body: list[str], boxed: bool = True) -> str:
    ink = claude_start(message, reply)
    ink.frame(box(body, width=98) if boxed else [rule(), *body])
    return ink.text()


case(
    "cc-trust-old",
    "Claude Code trust dialog, older wording, boxed",
    "".join(
        [
            typed("claude"),
            *[
                line + NL
                for line in box(
                    [
                        f"{BOLD}Do you trust the files in this folder?{RESET}",
                        "",
                        f"{DIM}/home/alice/proj{RESET}",
                        "",
                        "Claude Code may read files in this folder. Reading untrusted files may lead Claude",
                        "Code to behave in unexpected ways.",
                        "",
                        *menu(["Yes, proceed", "No, exit"]),
                        "",
                    ],
                    width=98,
                    color=ORANGE,
                )
            ],
            f"   {DIM}Enter to confirm · Esc to exit{RESET}{NL}",
        ]
    ),
    family="claude",
    expect=expect(
        "choice",
        "Do you trust the files in this folder?",
        ["Yes, proceed", "No, exit"],
        1,
        "claude.trust",
    ),
)

case(
    "cc-trust-new",
    "Claude Code trust dialog, newer wording, 'No' listed after 'Yes'",
    "".join(
        [
            typed("claude"),
            rule() + NL,
            f" {BOLD}Quick safety check: Is this a project you created or one you trust? (Like your own "
            f"code,{RESET}{NL} {BOLD}a well-known open source project, or work from your team).{RESET}{NL}{NL}",
            f" {DIM}Claude Code'll be able to read, edit, and execute files here.{RESET}{NL}{NL}",
            *[line + NL for line in menu(["Yes, I trust this folder", "No, exit"], indent=" ")],
            NL,
            f" {DIM}Enter to confirm · Esc to cancel{RESET}{NL}",
        ]
    ),
    family="claude",
    expect=expect(
        "choice", "Quick safety check", ["Yes, I trust this folder", "No, exit"], 1, "claude.trust"
    ),
)

case(
    "cc-bypass-warning",
    "Claude Code --dangerously-skip-permissions warning, 'No, exit' default",
    "".join(
        [
            typed("claude --dangerously-skip-permissions"),
            *[
                line + NL
                for line in box(
                    [
                        f"{RED}{BOLD}WARNING: Claude Code running in Bypass Permissions mode{RESET}",
                        "",
                        "In Bypass Permissions mode, Claude Code will not ask for your approval before running",
                        "potentially dangerous commands.",
                        "",
                        "By proceeding, you accept all responsibility for actions taken while running in",
                        "Bypass Permissions mode.",
                        "",
                        *menu(["No, exit", "Yes, I accept"]),
                    ],
                    width=98,
                    color=RED,
                )
            ],
        ]
    ),
    family="claude",
    expect=expect(
        "choice",
        "Bypass Permissions mode",
        ["No, exit", "Yes, I accept"],
        1,
        "claude.bypass_warning",
    ),
)

case(
    "cc-bash",
    "Claude Code tool permission for a harmless Bash command (boxed dialog)",
    claude_dialog(
        "run the tests",
        "I'll run the test suite.",
        [
            f"{BOLD}Bash command{RESET}",
            "",
            "  npm test",
            f"  {DIM}Run the test suite{RESET}",
            "",
            "Do you want to proceed?",
            *menu(PERMISSION),
        ],
    ),
    family="claude",
    expect=expect("choice", "Do you want to proceed?", PERMISSION, 1, "claude.permission"),
)

case(
    "cc-bash-dangerous",
    "Claude Code permission for rm -rf: reported as confirm_dangerous",
    claude_dialog(
        "clean the build",
        "I'll remove the build directory.",
        [
            f"{BOLD}Bash command{RESET}",
            "",
            "  rm -rf build/ dist/",
            f"  {DIM}Remove build output{RESET}",
            "",
            "Do you want to proceed?",
            *menu(
                [
                    "Yes",
                    "Yes, and don't ask again for rm commands in /home/alice/proj",
                    "No, and tell Claude what to do differently (esc)",
                ]
            ),
        ],
    ),
    family="claude",
    expect=expect("confirm_dangerous", "Do you want to proceed?", None, 1, "claude.permission"),
)

case(
    "cc-git-push-force",
    "Claude Code permission for a force push, new rule-line style",
    claude_dialog(
        "push it",
        "Pushing the rebased branch.",
        [
            f" {BOLD}Bash command{RESET}",
            "",
            "   git push --force origin main",
            f"   {DIM}Force-push the rebased branch{RESET}",
            "",
            " Do you want to proceed?",
            *menu(["Yes", "No, and tell Claude what to do differently (esc)"], indent=" "),
            "",
            f" {DIM}Esc to cancel · Tab to amend{RESET}",
        ],
        boxed=False,
    ),
    family="claude",
    expect=expect(
        "confirm_dangerous",
        "Do you want to proceed?",
        ["Yes", "No, and tell Claude what to do differently (esc)"],
        1,
    ),
)

EDIT = [
    "Yes",
    "Yes, allow all edits during this session (shift+tab)",
    "No, and tell Claude what to do differently (esc)",
]
case(
    "cc-edit",
    "Claude Code edit approval with a diff above the question",
    claude_dialog(
        "fix the typo",
        "Fixing the greeting.",
        [
            f"{BOLD}Edit file{RESET}",
            f"{GREY}╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌{FG}",
            f"{DIM} 1{RESET}  def greet():",
            f"{RED} 2 -    print('helo'){FG}",
            f"{GREEN} 2 +    print('hello'){FG}",
            f"{GREY}╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌{FG}",
            "Do you want to make this edit to app.py?",
            *menu(EDIT),
        ],
    ),
    family="claude",
    expect=expect("choice", "make this edit to app.py", EDIT, 1, "claude.permission"),
)

case(
    "cc-create",
    "Claude Code create-file approval, highlight moved to option 2",
    claude_dialog(
        "add a hello file",
        "Creating hello.txt.",
        [
            f"{BOLD}Create file{RESET}",
            f"  {DIM}hello.txt{RESET}",
            "",
            "  hello world",
            "",
            "Do you want to create hello.txt?",
            *menu(EDIT, selected=1),
        ],
    ),
    family="claude",
    expect=expect("choice", "Do you want to create hello.txt?", EDIT, 2, "claude.permission"),
)

PLAN = ["Yes, and use auto mode", "Yes, manually approve edits", "No, keep planning"]
case(
    "cc-plan",
    "Claude Code plan-mode exit dialog",
    claude_dialog(
        "plan the refactor",
        "Here is the plan.",
        [
            f"{BOLD}Ready to code?{RESET}",
            "",
            "Here is Claude's plan:",
            "  1. Extract the parser into parser.py",
            "  2. Add tests for edge cases",
            "",
            "Would you like to proceed?",
            "",
            *menu(PLAN),
        ],
    ),
    family="claude",
    expect=expect("choice", "Would you like to proceed?", PLAN, 1, "claude.plan"),
)

case(
    "cc-ask",
    "Claude Code AskUserQuestion with option descriptions and 'Type something.'",
    claude_dialog(
        "start a frontend",
        "Let me ask about the stack.",
        [
            f"{BLUE}☐ Framework{FG}",
            "",
            f"{BOLD}Which framework should we use?{RESET}",
            "",
            *menu(
                ["React", "Vue", "Svelte", "Type something."],
                descriptions=[
                    "Component library with the largest ecosystem",
                    "Progressive framework",
                    "Compiler-first framework",
                    "",
                ],
            ),
            "",
            f"{DIM}Enter to select · ↑/↓ to navigate · Esc to cancel{RESET}",
        ],
        boxed=False,
    ),
    family="claude",
    expect=expect(
        "choice",
        "Which framework should we use?",
        ["React", "Vue", "Svelte", "Type something."],
        1,
        "claude.ask_user_question",
    ),
)

MCP = [
    "Use this MCP server",
    "Use this and all future MCP servers in this project",
    "Continue without using this MCP server",
]
case(
    "cc-mcp",
    "Claude Code .mcp.json server approval at start-up",
    "".join(
        [
            typed("claude"),
            *[
                line + NL
                for line in box(
                    [
                        f"{BOLD}New MCP server found in .mcp.json: github{RESET}",
                        "",
                        "MCP servers may execute code or access system resources. All tool calls require",
                        "approval. Learn more in the MCP documentation.",
                        "",
                        *menu(MCP),
                    ],
                    width=98,
                    color=ORANGE,
                )
            ],
            f"   {DIM}Enter to confirm · Esc to reject{RESET}{NL}",
        ]
    ),
    family="claude",
    expect=expect(
        "choice", "New MCP server found in .mcp.json: github", MCP, 1, "claude.mcp_approval"
    ),
)

case(
    "cc-login-enter",
    "Claude Code after /login: press Enter",
    "".join(
        [
            typed("claude"),
            f" {GREEN}Login successful. Press {BOLD}Enter{RESET}{GREEN} to continue…{FG}{NL}",
        ]
    ),
    family="claude",
    expect=expect("press_enter", "Login successful", ["Continue"], None, "claude.login_continue"),
)

ALT = [f"{E}[?1049h{E}[?1h{E}[?2004h{HIDE}{E}[H{E}[2J"]
ALT += [
    f"{E}[{row};1H{text}"
    for row, text in [
        (1, f"{ORANGE}✻{FG} Claude Code  {DIM}fullscreen{RESET}"),
        (3, f"{GREY}>{FG} update the changelog"),
        (5, "⏺ Updating CHANGELOG.md."),
        (19, rule()),
        (20, f" {BOLD}Bash command{RESET}"),
        (22, "   git add CHANGELOG.md"),
        (24, " Do you want to proceed?"),
    ]
]
ALT += [f"{E}[{25 + i};1H{line}" for i, line in enumerate(menu(PERMISSION, indent=" "))]
ALT += [f"{E}[29;1H {DIM}Esc to cancel{RESET}"]
case(
    "cc-fullscreen-permission",
    "Claude Code fullscreen mode: dialog drawn by CUP on the "
    "alternate screen, DECCKM and bracketed paste on",
    "".join([typed("claude"), *ALT]),
    family="claude",
    expect=expect("choice", "Do you want to proceed?", PERMISSION, 1),
)

# ---------------------------------------------------------------- Codex, Gemini, aider

CODEX = [
    "Yes, proceed (y)",
    "Yes, and don't ask again for this command (a)",
    "No, and tell Codex what to do differently (esc)",
]
case(
    "codex-exec",
    "Codex command approval, highlight ›",
    "".join(
        [
            typed("codex"),
            f"{BOLD}›{RESET} run the linter{NL}{NL}",
            f"• I'll run ruff over the package.{NL}{NL}",
            f"  {BOLD}Would you like to run the following command?{RESET}{NL}{NL}",
            f"  {DIM}Reason: lint the package{RESET}{NL}{NL}",
            f"  $ ruff check .{NL}{NL}",
            *[line + NL for line in menu(CODEX, glyph="›", indent="")],
            NL,
            f"  {DIM}Press enter to confirm or esc to cancel{RESET}{NL}",
        ]
    ),
    family="codex",
    expect=expect("choice", "run the following command", CODEX, 1, "codex.exec_approval"),
)

case(
    "codex-trust",
    "Codex directory trust prompt at start-up",
    "".join(
        [
            typed("codex"),
            f"{BOLD}> You are running Codex in /home/alice/proj{RESET}{NL}{NL}",
            f"  Since this folder is version controlled, you may wish to allow Codex to work in this"
            f" folder{NL}  without asking for approval.{NL}{NL}",
            f"  {BOLD}Do you trust the contents of this directory?{RESET} Working with untrusted contents"
            f" comes{NL}  with higher risk of prompt injection.{NL}{NL}",
            *[line + NL for line in menu(["Yes, continue", "No, quit"], glyph="›", indent="")],
            NL,
            f"  {DIM}Press enter to continue{RESET}{NL}",
        ]
    ),
    family="codex",
    expect=expect(
        "choice",
        "Do you trust the contents of this directory?",
        ["Yes, continue", "No, quit"],
        1,
        "codex.trust",
    ),
)

GEMINI = ["Yes, allow once", "Yes, allow always ...", "No, suggest changes (esc)"]
case(
    "gemini-exec",
    "Gemini CLI shell approval, highlight ●",
    "".join(
        [
            typed("gemini"),
            f"{GREY}>{FG} install the deps{NL}{NL}",
            f"✦ I will install them.{NL}{NL}",
            *[
                line + NL
                for line in box(
                    [
                        f"{BLUE}?{FG}  Shell {BOLD}npm install{RESET} {DIM}(Install dependencies){RESET}",
                        "",
                        "npm install",
                        "",
                        "Allow execution of: 'npm'?",
                        "",
                        *menu(GEMINI, glyph="●"),
                    ],
                    width=90,
                    color=ORANGE,
                )
            ],
        ]
    ),
    family="gemini",
    expect=expect("choice", "Allow execution of: 'npm'?", GEMINI, 1, "gemini.exec_approval"),
)

GEMINI_EDIT = [
    "Yes, allow once",
    "Yes, allow always",
    "Modify with external editor",
    "No, suggest changes (esc)",
]
case(
    "gemini-edit",
    "Gemini CLI edit approval",
    "".join(
        [
            typed("gemini"),
            *[
                line + NL
                for line in box(
                    [
                        f"{BLUE}?{FG}  Edit {BOLD}src/app.ts{RESET}",
                        "",
                        f"{RED}-  const port = 80;{FG}",
                        f"{GREEN}+  const port = 8080;{FG}",
                        "",
                        "Apply this change?",
                        "",
                        *menu(GEMINI_EDIT, glyph="●"),
                    ],
                    width=90,
                    color=ORANGE,
                )
            ],
        ]
    ),
    family="gemini",
    expect=expect("choice", "Apply this change?", GEMINI_EDIT, 1, "gemini.edit_approval"),
)

case(
    "aider-add",
    "aider asks to add a file to the chat",
    "".join(
        [
            typed("aider"),
            f"{DIM}Aider v0.86.1{NL}Main model: sonnet with diff edit format{RESET}{NL}",
            f"{GREEN}> make the greeting friendlier{FG}{NL}{NL}",
            f"app.py{NL}{BLUE}Add file to the chat? (Y)es/(N)o/(D)on't ask again [Yes]: {FG}",
        ]
    ),
    family="aider",
    expect=expect(
        "yes_no",
        "Add file to the chat?",
        ["Yes", "No", "Don't ask again"],
        None,
        "aider.confirm_dont_ask",
    ),
)

case(
    "aider-run",
    "aider asks to run a suggested shell command",
    "".join(
        [
            typed("aider"),
            f"{GREEN}> run the tests{FG}{NL}{NL}",
            f"pytest -q{NL}",
            f"{BLUE}Run shell command? (Y)es/(N)o/(D)on't ask again [Yes]: {FG}",
        ]
    ),
    family="aider",
    expect=expect("yes_no", "Run shell command?", ["Yes", "No", "Don't ask again"]),
)

case(
    "aider-create",
    "aider asks to create a new file (no 'don't ask' choice)",
    "".join(
        [
            typed("aider"),
            f"{GREEN}> add a readme{FG}{NL}{NL}",
            f"README.md{NL}",
            f"{BLUE}Create new file? (Y)es/(N)o [Yes]: {FG}",
        ]
    ),
    family="aider",
    expect=expect("yes_no", "Create new file?", ["Yes", "No"], None, "aider.confirm"),
)

# ---------------------------------------------------------------- classic line prompts

case(
    "apt-continue",
    "apt install asking to continue",
    "".join(
        [
            typed("sudo apt install ripgrep"),
            f"Reading package lists... Done{NL}",
            f"Building dependency tree... Done{NL}",
            f"The following NEW packages will be installed:{NL}",
            f"  ripgrep{NL}",
            f"0 upgraded, 1 newly installed, 0 to remove and 3 not upgraded.{NL}",
            f"Need to get 1,502 kB of archives.{NL}",
            "Do you want to continue? [Y/n] ",
        ]
    ),
    expect=expect(
        "yes_no", "Do you want to continue? [Y/n]", ["Yes", "No"], None, "generic.yes_no"
    ),
)

case(
    "pip-uninstall",
    "pip uninstall confirmation",
    "".join(
        [
            typed("pip uninstall requests"),
            f"Found existing installation: requests 2.32.3{NL}",
            f"Uninstalling requests-2.32.3:{NL}",
            f"  Would remove:{NL}",
            f"    /home/alice/.venv/lib/python3.11/site-packages/requests/*{NL}",
            "Proceed (Y/n)? ",
        ]
    ),
    expect=expect("yes_no", "Proceed (Y/n)?", ["Yes", "No"]),
)

case(
    "npx-install",
    "npx asking to install a package",
    "".join(
        [
            typed("npx cowsay hi"),
            f"Need to install the following packages:{NL}cowsay@1.6.0{NL}",
            "Ok to proceed? (y) ",
        ]
    ),
    expect=expect("yes_no", "Ok to proceed?", ["Yes", "No"]),
)

case(
    "npm-init-field",
    "npm init asking for a field with a default",
    "".join(
        [
            typed("npm init"),
            f"This utility will walk you through creating a package.json file.{NL}",
            f"Press ^C at any time to quit.{NL}",
            "package name: (proj) ",
        ]
    ),
    expect=expect("text", "package name: (proj)", None, None, "generic.field_with_default"),
)

case(
    "git-https-user",
    "git asking for an HTTPS username",
    "".join([typed("git push"), "Username for 'https://github.com': "]),
    expect=expect("text", "Username for 'https://github.com':"),
)

case(
    "git-https-pass",
    "git asking for an HTTPS password (no OS signal)",
    "".join(
        [
            typed("git push"),
            "Username for 'https://github.com': alice" + NL,
            "Password for 'https://alice@github.com': ",
        ]
    ),
    expect=expect("secret", "Password for 'https://alice@github.com':"),
)

case(
    "ssh-hostkey",
    "ssh unknown host key",
    "".join(
        [
            typed("ssh build.example.org"),
            f"The authenticity of host 'build.example.org (203.0.113.7)' can't be established.{NL}",
            f"ED25519 key fingerprint is SHA256:8Vn3tqQ9pC0Xw2bq1m0yq8d0p0rQ2s1m9kW7bqQ1Jx4.{NL}",
            f"This key is not known by any other names.{NL}",
            "Are you sure you want to continue connecting (yes/no/[fingerprint])? ",
        ]
    ),
    expect=expect("yes_no", "continue connecting", ["yes", "no"], None, "generic.ssh_host_key"),
)

case(
    "ssh-password",
    "ssh password prompt, echo off",
    "".join([typed("ssh alice@build.example.org"), "alice@build.example.org's password: "]),
    echo_off=True,
    expect=expect("secret", "password"),
)

case(
    "sudo-password",
    "sudo password prompt, echo off",
    "".join([typed("sudo systemctl restart nginx"), "[sudo] password for alice: "]),
    echo_off=True,
    expect=expect("secret", "[sudo] password for alice:"),
)

case(
    "rm-i",
    "rm -i asking per file",
    "".join([typed("rm -i notes.txt"), "rm: remove regular file 'notes.txt'? "]),
    expect=expect("yes_no", "rm: remove regular file 'notes.txt'?", ["Yes", "No"]),
)

case(
    "python-input",
    "a Python script's input() blocked on read",
    "".join(
        [typed("python3 setup_project.py"), f"Setting up a new project.{NL}", "Project name? "]
    ),
    blocked_on_read=True,
    expect=expect("text", "Project name?", None, None, "structure.line"),
)

case(
    "press-enter",
    "an installer waiting for Enter",
    "".join(
        [
            typed("./install.sh"),
            f"==> This script will install:{NL}/opt/tool/bin/tool{NL}{NL}",
            "Press RETURN/ENTER to continue or any other key to abort:",
        ]
    ),
    expect=expect("press_enter", "Press RETURN/ENTER to continue", ["Continue"]),
)

case(
    "terraform-destroy",
    "terraform destroy asking for 'yes'",
    "".join(
        [
            typed("terraform destroy"),
            f"Plan: 0 to add, 0 to change, 12 to destroy.{NL}{NL}",
            f"{BOLD}Do you really want to destroy all resources?{RESET}{NL}",
            f"  Terraform will destroy all your managed infrastructure, as shown above.{NL}",
            f"  There is no undo. Only 'yes' will be accepted to confirm.{NL}{NL}",
            f"  {BOLD}Enter a value:{RESET} ",
        ]
    ),
    expect=expect("confirm_dangerous", "destroy all resources", []),
)

case(
    "git-add-p",
    "git add -p hunk prompt",
    "".join(
        [
            typed("git add -p"),
            f"{BOLD}diff --git a/app.py b/app.py{RESET}{NL}",
            f"{E}[36m@@ -1,3 +1,3 @@{E}[m{NL}",
            f" def greet():{NL}",
            f"{RED}-    print('helo'){E}[m{NL}",
            f"{GREEN}+    print('hello'){E}[m{NL}",
            f"{E}[1;34m(1/1) Stage this hunk [y,n,q,a,d,e,?]? {E}[m",
        ]
    ),
    expect=expect("choice", "Stage this hunk", None, None, "generic.git_add_patch"),
)

case(
    "gh-select",
    "gh auth login arrow-key select (survey)",
    "".join(
        [
            typed("gh auth login"),
            f"{GREEN}?{RESET} {BOLD}Where do you use GitHub?{RESET}  {E}[36m[Use arrows to move, type to"
            f" filter]{E}[0m{NL}",
            f"{E}[36m> GitHub.com{E}[0m{NL}",
            f"  Other{NL}",
            f"{E}[?25l",
        ]
    ),
    expect=expect(
        "choice", "Where do you use GitHub?", ["GitHub.com", "Other"], 1, "generic.arrow_select"
    ),
)

case(
    "dpkg-conffile",
    "dpkg asking about a changed configuration file",
    "".join(
        [
            typed("sudo apt upgrade"),
            f"Setting up openssh-server (1:9.6p1-3ubuntu13.5) ...{NL}{NL}",
            f"Configuration file '/etc/ssh/sshd_config'{NL}",
            f" ==> Modified (by you or by a script) since installation.{NL}",
            f" ==> Package distributor has shipped an updated version.{NL}",
            f"   What would you like to do about it ?  Your options are:{NL}",
            f"    Y or I  : install the package maintainer's version{NL}",
            f"    N or O  : keep your currently-installed version{NL}",
            f"      D     : show the differences between the versions{NL}",
            f"      Z     : start a shell to examine the situation{NL}",
            f" The default action is to keep your current version.{NL}",
            "*** sshd_config (Y/I/N/O/D/Z) [default=N] ? ",
        ]
    ),
    expect=expect("choice", "Configuration file", None, None, "generic.dpkg_conffile"),
)

# ---------------------------------------------------------------- negatives

case(
    "neg-apt-answered",
    "apt prompt answered with y; install output; shell prompt at cursor",
    "".join(
        [
            typed("sudo apt install ripgrep"),
            "Do you want to continue? [Y/n] y" + NL,
            f"Get:1 http://archive.ubuntu.com/ubuntu noble/universe amd64 ripgrep 14.1.0 [1,502 kB]{NL}",
            f"Fetched 1,502 kB in 1s (1,822 kB/s){NL}",
            f"Setting up ripgrep (14.1.0-1) ...{NL}",
            shell_prompt(),
        ]
    ),
)

case(
    "neg-scrolled-yn",
    "a finished command whose [y/n] scrolled into the scrollback",
    "".join(
        [
            typed("./migrate.sh"),
            "Apply 12 migrations? [y/n] y" + NL,
            *[f"applied migration {i:04d}_change.sql{NL}" for i in range(1, 41)],
            f"done.{NL}",
            shell_prompt(),
        ]
    ),
)

case(
    "neg-cc-busy-quoting",
    "Claude prose quotes a [Y/n] question while the spinner runs",
    claude_start(
        "why does apt hang?", 'apt is waiting on its prompt: "Do you want to continue? [Y/n]"'
    )
    .frame(
        [
            "  Do you want to continue? [Y/n]",
            "",
            f"{ORANGE}✻{FG} Pondering… {DIM}(8s · ↓ 340 tokens · esc to interrupt){RESET}",
            "",
            *claude_idle_box(),
        ]
    )
    .text(),
    family="claude",
)

case(
    "neg-log-quoting",
    "a log line quoting a question; the program went on",
    "".join(
        [
            typed("make deploy"),
            f"[12:01:02] INFO  asking operator: Do you want to continue? [y/N]{NL}",
            f"[12:01:02] INFO  auto-confirm enabled, continuing{NL}",
            f"[12:01:03] INFO  uploading artefacts{NL}",
        ]
    ),
)

case(
    "neg-idle-shell",
    "an idle shell prompt",
    "".join([typed("ls"), f"README.md  app.py  tests{NL}", shell_prompt()]),
)

case(
    "neg-numbered-list-busy",
    "Claude answer with a numbered Yes/No list, no glyph, while busy",
    claude_start("what are my options?", "You have two options:")
    .frame(
        [
            "  1. Yes, migrate now",
            "  2. No, wait for the release",
            "",
            f"{ORANGE}✶{FG} Writing… {DIM}(4s · ↓ 120 tokens · esc to interrupt){RESET}",
            "",
            *claude_idle_box(),
        ]
    )
    .text(),
    family="claude",
)

case(
    "neg-cc-idle-box",
    "Claude Code idle input box after a turn",
    claude_start("hi", "Hello! What should we work on?").frame(claude_idle_box()).text(),
    family="claude",
)

case(
    "neg-build-log",
    "a compiler log, still running",
    "".join(
        [
            typed("cargo build"),
            *[f"   {GREEN}Compiling{FG} crate{i} v0.{i}.0{NL}" for i in range(1, 20)],
            f"warning: unused variable: `x`{NL}  --> src/main.rs:4:9{NL}",
        ]
    ),
)

case(
    "neg-usage-password",
    "usage text mentioning Password, then the shell",
    "".join(
        [
            typed("tool --help"),
            f"Usage: tool [OPTIONS]{NL}{NL}Options:{NL}",
            f"  --user USER          login name{NL}",
            f"  --password PASSWORD  Password: read from $TOOL_PASSWORD if unset{NL}",
            shell_prompt(),
        ]
    ),
)

case(
    "neg-cc-permission-answered",
    "Claude permission dialog answered: Ink erased it",
    claude_start("run the tests", "I'll run the test suite.")
    .frame(
        box(
            [
                f"{BOLD}Bash command{RESET}",
                "",
                "  npm test",
                "",
                "Do you want to proceed?",
                *menu(PERMISSION),
            ],
            width=98,
        )
    )
    .static(
        ["⏺ Bash(npm test)", f"  ⎿  {DIM}Tests: 42 passed{RESET}", "", "⏺ All 42 tests pass.", ""]
    )
    .frame(claude_idle_box())
    .text(),
    family="claude",
)

case(
    "neg-yn-still-printing",
    "a [Y/n] question that arrived 50 ms ago (no quiescence yet)",
    "".join([typed("sudo apt install ripgrep"), "Do you want to continue? [Y/n] "]),
    quiet_for=0.05,
)

case(
    "neg-yn-typed",
    "an answer typed at a [Y/n] prompt but not yet submitted",
    "".join([typed("sudo apt install ripgrep"), "Do you want to continue? [Y/n] y"]),
)

case(
    "neg-codex-busy",
    "Codex working, an earlier menu text quoted in its answer",
    "".join(
        [
            typed("codex"),
            f"{BOLD}›{RESET} explain the approval menu{NL}{NL}",
            f"• The menu reads:{NL}",
            f"› 1. Yes, proceed (y){NL}",
            f"  2. No, and tell Codex what to do differently (esc){NL}{NL}",
            f"{DIM}• Working (5s • esc to interrupt){RESET}{NL}",
        ]
    ),
    family="codex",
)

case(
    "neg-gemini-busy",
    "Gemini CLI spinner while its answer quotes an approval question",
    "".join(
        [
            typed("gemini"),
            f"✦ The CLI will then ask:{NL}{NL}",
            f"Allow execution of: 'npm'?{NL}",
            f"● 1. Yes, allow once{NL}",
            f"  2. No, suggest changes (esc){NL}{NL}",
            f"⠏ Thinking about it {DIM}(esc to cancel, 6s){RESET}{NL}",
        ]
    ),
    family="gemini",
)

case(
    "neg-alt-screen-left",
    "a full-screen app showed [y/N] on the alternate screen, then exited",
    "".join(
        [
            typed("./tui-demo"),
            f"{E}[?1049h{E}[H{E}[2J",
            f"{E}[12;10HDelete everything? [y/N] ",
            f"{E}[?1049l",
            f"{NL}",
            shell_prompt(),
        ]
    ),
)

case(
    "neg-grep-output",
    "grep results quoting prompts, then the shell",
    "".join(
        [
            typed("grep -rn 'continue connecting' docs/"),
            f"docs/ssh.md:12:Are you sure you want to continue connecting (yes/no)? {NL}",
            f"docs/ssh.md:40:Type yes, then press Enter to continue{NL}",
            shell_prompt(),
        ]
    ),
)

case(
    "neg-progress-bar",
    "a download progress bar redrawn with CR, still running",
    "".join(
        [
            typed("pip install torch"),
            f"Collecting torch{NL}",
            *[
                f"\r   {'━' * (i * 4)}{' ' * (40 - i * 4)} {i * 80}.0/800.0 MB 40.0 MB/s eta 0:00:{20 - i * 2:02d}"
                for i in range(1, 8)
            ],
        ]
    ),
)

case(
    "neg-cc-menu-scrolled",
    "a Claude menu far above; many lines of output since",
    "".join(
        [
            claude_dialog(
                "run the tests",
                "I'll run the test suite.",
                [
                    f"{BOLD}Bash command{RESET}",
                    "",
                    "  npm test",
                    "",
                    "Do you want to proceed?",
                    *menu(PERMISSION),
                ],
            ),
            *[f"  test {i} ok{NL}" for i in range(1, 21)],
        ]
    ),
    family="claude",
)

case(
    "neg-echo-off-shell",
    "echo off reported, but the cursor sits after a shell prompt",
    "".join([typed("stty -echo"), shell_prompt()]),
    echo_off=True,
)

case(
    "neg-ask-answered",
    "Claude AskUserQuestion answered and replaced by the result",
    claude_start("start a frontend", "Let me ask about the stack.")
    .frame(
        [
            rule(),
            f"{BLUE}☐ Framework{FG}",
            "",
            "Which framework should we use?",
            "",
            *menu(["React", "Vue"]),
            "",
            f"{DIM}Enter to select · ↑/↓ to navigate{RESET}",
        ]
    )
    .static(["⏺ User answered Claude's questions:", "  ⎿  · Which framework? → React", ""])
    .frame(claude_idle_box())
    .text(),
    family="claude",
)


case(
    "neg-cc-trust-accepted",
    "Claude trust dialog answered: the welcome screen and idle box replaced it",
    Ink()
    .frame(
        [
            rule(),
            " Do you trust the files in this folder?",
            "",
            *menu(["Yes, proceed", "No, exit"], indent=" "),
            "",
            f" {DIM}Enter to confirm · Esc to exit{RESET}",
        ]
    )
    .frame([])
    .static(CLAUDE_WELCOME)
    .frame(claude_idle_box())
    .text(),
    family="claude",
)


case(
    "neg-less-end",
    "less at the end of a file: a pager asks nothing, whatever its last line shows",
    "".join(
        [
            typed("less NOTES.md"),
            f"{E}[?1049h{E}[22;0;0t{E}[?1h{E}=",
            *[f"line {i} of the notes{NL}" for i in range(1, 30)],
            f"{E}[7m(END){E}[27m{E}[K",
        ]
    ),
    cols=80,
    rows=30,
)

case(
    "neg-less-colon",
    "git log's pager in the middle of the log: its ':' on the bottom row is no question",
    "".join(
        [
            typed("git log"),
            f"{E}[?1049h{E}[22;0;0t{E}[?1h{E}=",
            *[
                f"{E}[33mcommit {i:040x}{E}[m{NL}Author: Alice <alice@example.org>{NL}"
                for i in range(14)
            ],
            f"{E}[H{E}[2J",
            *[f"    change number {i}{NL}" for i in range(29)],
            f"{E}[K:",
        ]
    ),
    cols=80,
    rows=30,
)


# ---------------------------------------------------------------- writing


def write_all() -> None:
    for old in list(HERE.glob("*.ans")) + list(HERE.glob("*.toml")):
        old.unlink()
    for c in CASES:
        (HERE / f"{c.id}.ans").write_text(encode_ans(c.data.encode()), encoding="utf-8")
        meta = [
            f"description = {json.dumps(c.description, ensure_ascii=False)}",
            f'family = "{c.family}"',
            f"cols = {c.cols}",
            f"rows = {c.rows}",
            f"quiet_for = {c.quiet_for}",
            f"echo_off = {str(c.echo_off).lower()}",
            f"blocked_on_read = {str(c.blocked_on_read).lower()}",
            "",
            "[expect]",
            f"prompt = {str(bool(c.expect)).lower()}",
        ]
        for key, value in c.expect.items():
            meta.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        (HERE / f"{c.id}.toml").write_text("\n".join(meta) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_all()
    positives = sum(1 for c in CASES if c.expect)
    print(f"wrote {len(CASES)} transcripts ({positives} prompts, {len(CASES) - positives} none)")
