"""The owner's policy file: what may run, where, and how refusals explain themselves."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from shared.errors import CommandFailed
from shared.protocol import ErrorCode
from supervisor.policy import (
    MOCK_AGENT,
    Policy,
    PolicyFileError,
    PolicyRefused,
    check_command,
    check_cwd,
    is_within,
    load_policy,
    policy_path,
)

PATH = os.environ.get("PATH", os.defpath)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "root" / "project").mkdir(parents=True)
    return (tmp_path / "root").resolve()


def make_policy(root: Path, *commands: str, path: str = "/etc/tether-policy.toml") -> Policy:
    return Policy(path=path, roots=(str(root),), commands=commands or ("cat",))


def test_the_first_use_writes_a_commented_default_file_readable_only_by_the_owner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TETHER_HOME", str(tmp_path / "home"))
    path = policy_path()
    assert path == tmp_path / "home" / "policy.toml"
    policy = load_policy(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "# " in path.read_text()
    assert policy.roots == (os.path.realpath(Path.home()),)
    assert set(policy.commands) >= {"claude", "codex", "gemini", "aider", MOCK_AGENT}
    assert policy.max_sessions == 16
    assert policy.path == str(path)


def test_an_existing_file_is_read_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(f'roots = ["{tmp_path}"]\ncommands = ["cat"]\nmax_sessions = 2\n')
    policy = load_policy(path)
    assert (policy.roots, policy.commands, policy.max_sessions) == (
        (str(tmp_path.resolve()),),
        ("cat",),
        2,
    )
    assert policy.default_command == ("claude",)
    assert path.read_text().startswith("roots")


def test_a_policy_file_others_can_write_is_refused_until_made_private(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('commands = ["cat"]\n')
    path.chmod(0o666)
    with pytest.raises(PolicyFileError) as caught:
        load_policy(path)
    assert str(path) in caught.value.message and "chmod 600" in caught.value.hint
    path.chmod(0o600)
    assert load_policy(path).commands == ("cat",)


def test_bad_toml_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text("roots = [unclosed\n")
    with pytest.raises(PolicyFileError) as caught:
        load_policy(path)
    assert str(path) in caught.value.message and "TOML" in caught.value.message
    assert caught.value.code is ErrorCode.POLICY_REFUSED


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("roots = '/tmp'", "roots"),
        ("commands = ['cat', 3]", "commands"),
        ("max_sessions = 'many'", "max_sessions"),
        ("max_sessions = 0", "max_sessions"),
        ("default_command = []", "default_command"),
        ("roots = ['relative/dir']", "relative/dir"),
        ("rootz = ['/tmp']", "rootz"),
    ],
)
def test_a_wrong_type_or_unknown_key_is_refused_naming_the_file_and_the_key(
    tmp_path: Path, text: str, key: str
) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(text + "\n")
    with pytest.raises(PolicyFileError) as caught:
        load_policy(path)
    assert str(path) in caught.value.message
    assert key in caught.value.message


def test_paths_are_inside_a_root_by_whole_components() -> None:
    assert is_within("/home/a", "/home/a")
    assert is_within("/home/a/x/y", "/home/a")
    assert not is_within("/home/ab", "/home/a")
    assert not is_within("/home", "/home/a")


def test_a_working_directory_inside_a_root_is_allowed_and_resolved(root: Path) -> None:
    policy = make_policy(root)
    assert check_cwd(policy, str(root / "project")) == str(root / "project")
    assert check_cwd(policy, "project") == str(root / "project")  # relative to the first root
    assert check_cwd(policy, None) == str(root)


def test_a_sibling_directory_sharing_the_roots_prefix_is_refused_naming_the_policy_file(
    root: Path,
) -> None:
    sibling = Path(str(root) + "b")
    sibling.mkdir()
    with pytest.raises(PolicyRefused) as caught:
        check_cwd(make_policy(root, path="/owner/policy.toml"), str(sibling))
    assert "/owner/policy.toml" in caught.value.message
    assert "roots" in caught.value.hint and "/owner/policy.toml" in caught.value.hint


def test_a_dotdot_escape_is_refused(root: Path) -> None:
    with pytest.raises(PolicyRefused, match="outside the allowed roots"):
        check_cwd(make_policy(root), str(root / "project" / ".." / ".."))


def test_a_symlink_out_of_the_root_is_refused(root: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "link").symlink_to(outside)
    with pytest.raises(PolicyRefused) as caught:
        check_cwd(make_policy(root), str(root / "link"))
    assert str(outside.resolve()) in caught.value.message


def test_a_missing_working_directory_is_an_invalid_argument(root: Path) -> None:
    with pytest.raises(CommandFailed) as caught:
        check_cwd(make_policy(root), str(root / "nope"))
    assert caught.value.code is ErrorCode.INVALID_ARGUMENT


def test_an_allowed_bare_name_resolves_on_path(root: Path) -> None:
    argv = check_command(make_policy(root, "cat"), ["cat", "-u"], str(root), PATH)
    assert os.path.isabs(argv[0]) and os.path.basename(argv[0]) == "cat"
    assert argv[1:] == ["-u"]


def test_a_path_to_the_same_file_as_an_allowed_name_is_allowed(root: Path) -> None:
    cat = os.path.realpath(check_command(make_policy(root, "cat"), ["cat"], str(root), PATH)[0])
    assert check_command(make_policy(root, "cat"), [cat], str(root), PATH)[0] == cat


def test_a_command_outside_the_policy_is_refused_naming_the_policy_file_and_the_entry(
    root: Path,
) -> None:
    with pytest.raises(PolicyRefused) as caught:
        check_command(
            make_policy(root, "cat", path="/owner/policy.toml"), ["sh", "-c", "id"], str(root), PATH
        )
    assert "/owner/policy.toml" in caught.value.message
    assert '"sh"' in caught.value.hint and "commands" in caught.value.hint


def test_a_program_merely_named_like_an_allowed_one_is_refused(root: Path) -> None:
    fake = root / "cat"
    fake.write_text("#!/bin/sh\necho pwned\n")
    fake.chmod(0o755)
    with pytest.raises(PolicyRefused):
        check_command(make_policy(root, "cat"), [str(fake)], str(root), PATH)


def test_a_symlink_to_an_allowed_path_entry_is_allowed(root: Path) -> None:
    real = root / "tool"
    real.write_text("#!/bin/sh\n")
    real.chmod(0o755)
    (root / "alias").symlink_to(real)
    assert check_command(make_policy(root, str(real)), [str(root / "alias")], str(root), PATH)[
        0
    ] == str(root / "alias")


def test_an_unknown_program_is_a_spawn_failure_not_a_policy_question(root: Path) -> None:
    with pytest.raises(CommandFailed) as caught:
        check_command(make_policy(root, "cat"), ["no-such-program-xyz"], str(root), PATH)
    assert caught.value.code is ErrorCode.SPAWN_FAILED


def test_the_mock_agent_is_allowed_only_in_its_exact_form(root: Path) -> None:
    policy = make_policy(root, MOCK_AGENT)
    argv = [sys.executable, "-m", "supervisor.mock_agent", "--fast"]
    assert check_command(policy, argv, str(root), PATH) == argv
    with pytest.raises(PolicyRefused):
        check_command(policy, [sys.executable, "-c", "print(1)"], str(root), PATH)
    with pytest.raises(PolicyRefused):
        check_command(policy, [sys.executable, "-m", "http.server"], str(root), PATH)
