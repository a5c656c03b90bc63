"""Secret redaction: env values, token formats, PEM blocks; no false positives; linear time."""

from __future__ import annotations

import secrets

import pytest
from hypothesis import given, settings, strategies as st

from shared.protocol import Prompt, PromptKind, PromptOption
from supervisor.redact import Redactor, is_secret_name, secret_env_values

# Shaped like real credentials, made up here (random where a scanner would care).
GITHUB = "ghp_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5"
GITHUB_OAUTH = "gho_" + "Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8N"
GITHUB_PAT = (
    "github_pat_11ABCDEFG0" + "abcdefghij_klmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWX"
)
ANTHROPIC = "sk-ant-api03-" + "Xy7_kLm9-QwErTy12345AbCdEfGhIjKlMnOpQrStUv"
OPENAI = "sk-proj-" + "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56"
OPENAI_OLD = "sk-" + "T3BlbkFJ" + "a1b2c3d4e5f6g7h8i9j0k1l2"
AWS = "AKIAIOSFODNN7EXAMPLE"
AWS_TEMP = "ASIAY34FZKBOKMUTVV7A"
SLACK = "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"
GOOGLE = "AIzaSyA-1234567890abcdefghijklmnopqrstu"
JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0"
    ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)
PEM_BODY = (
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1G\n"
)
RSA_PEM = f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}-----END RSA PRIVATE KEY-----"

PROSE_AND_CODE = """\
The token is passed in the Authorization header; see the secret management docs.
Bearer authentication is described in RFC 6750. Set OPENAI_API_KEY=$OPENAI_API_KEY first.
def get_password(user: str) -> str:
    return keyring.get_password("service", user)  # never log the password
headers = {"Authorization": f"Bearer {token}"}
git commit -m "Fix ghp_ prefix detection" && git push origin main
commit 3f786850e387550fdab836ed7e6dc881de23001b
sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
uuid 123e4567-e89b-12d3-a456-426614174000  base64 aGVsbG8gd29ybGQ=
sk-learn is scikit-learn; use task-runner-for-the-whole-monorepo-setup for builds.
AKIA is how AWS access key ids start. eyJ starts base64 JSON. AIza starts Google keys.
-----BEGIN CERTIFICATE-----
MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ
-----END CERTIFICATE-----
-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9
-----END PUBLIC KEY-----
❯ 1. Yes   2. Yes, and don't ask again   3. No, and tell Claude what to do differently (esc)
"""


@pytest.mark.parametrize(
    "secret, kind",
    [
        (GITHUB, "github"),
        (GITHUB_OAUTH, "github"),
        (GITHUB_PAT, "github"),
        (ANTHROPIC, "anthropic"),
        (OPENAI, "openai"),
        (OPENAI_OLD, "openai"),
        (AWS, "aws"),
        (AWS_TEMP, "aws"),
        (SLACK, "slack"),
        (GOOGLE, "google"),
        (JWT, "jwt"),
        (RSA_PEM, "private_key"),
    ],
)
def test_each_known_credential_format_is_replaced_by_its_kind(secret: str, kind: str) -> None:
    redactor = Redactor()
    for text, expected in [
        (secret, f"[redacted:{kind}]"),
        (f"export X={secret}\nnext line", f"export X=[redacted:{kind}]\nnext line"),
        (f'{{"key": "{secret}"}}', f'{{"key": "[redacted:{kind}]"}}'),
    ]:
        assert redactor.redact(text) == expected


def test_a_bearer_credential_is_replaced_and_the_word_bearer_kept() -> None:
    redacted = Redactor().redact(f"curl -H 'Authorization: Bearer {OPENAI_OLD[3:]}' https://api")
    assert redacted == "curl -H 'Authorization: Bearer [redacted:bearer]' https://api"
    assert Redactor().redact("authorization: bearer abc.def-123_XYZ") == (
        "authorization: bearer [redacted:bearer]"
    )


def test_a_token_inside_a_longer_word_is_left_alone() -> None:
    text = f"x{GITHUB} my{OPENAI} NOTAKIAIOSFODNN7EXAMPLE"
    assert Redactor().redact(text) == text


@pytest.mark.parametrize(
    "block",
    [
        RSA_PEM,
        f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY}-----END PRIVATE KEY-----",
        f"-----BEGIN OPENSSH PRIVATE KEY-----\r\n{PEM_BODY}-----END OPENSSH PRIVATE KEY-----",
        f"-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\n"
        f"{PEM_BODY}-----END EC PRIVATE KEY-----",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0abc123==\n=Ab12\n"
        "-----END PGP PRIVATE KEY BLOCK-----",
        # As a screen shows it: padded rows, indented.
        "    -----BEGIN PRIVATE KEY-----   \n    MIIEvQIBADANBgkqhkiG9w0B   \n"
        "    -----END PRIVATE KEY-----",
    ],
    ids=["rsa", "pkcs8", "openssh-crlf", "encrypted-headers", "pgp", "screen-padded"],
)
def test_a_private_key_block_is_redacted_whole(block: str) -> None:
    redacted = Redactor().redact(f"before\n{block}\nafter")
    assert "[redacted:private_key]" in redacted
    assert redacted.startswith("before\n") and redacted.endswith("\nafter")
    for secret_line in ("MIIEvQIBADANBgkqhkiG9w0B", "lQOYBF0abc123", "Proc-Type", "END"):
        assert secret_line not in redacted


def test_a_private_key_in_json_with_escaped_newlines_is_redacted() -> None:
    service_account = (
        '{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n'
        'MIIEvQIBADANBgkqhkiG9w0B\\nAQEFAASCBKcwggSj\\n-----END PRIVATE KEY-----\\n", "x": 1}'
    )
    assert Redactor().redact(service_account) == (
        '{"type": "service_account", "private_key": "[redacted:private_key]\\n", "x": 1}'
    )


def test_a_private_key_still_being_printed_is_redacted_to_where_it_stops() -> None:
    partial = f"$ cat id_rsa\n-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}"
    assert Redactor().redact(partial) == "$ cat id_rsa\n[redacted:private_key]\n"


def test_secret_env_values_are_redacted_naming_the_variable() -> None:
    redactor = Redactor.from_env(
        {
            "DB_PASSWORD": "hunter2-but-longer",
            "MY_SERVICE_TOKEN": "t0k3n-value-XYZ",
            "ANTHROPIC_API_KEY": ANTHROPIC,
            "PATH": "/usr/bin:/bin",
        }
    )
    text = f"connecting with hunter2-but-longer and t0k3n-value-XYZ ({ANTHROPIC})"
    assert redactor.redact(text) == (
        "connecting with [redacted:env:DB_PASSWORD] and [redacted:env:MY_SERVICE_TOKEN] "
        "([redacted:env:ANTHROPIC_API_KEY])"
    )
    assert redactor.env_names == {"DB_PASSWORD", "MY_SERVICE_TOKEN", "ANTHROPIC_API_KEY"}


def test_an_env_secret_inside_a_word_that_is_not_a_key_is_still_redacted() -> None:
    redactor = Redactor.from_env({"APP_SECRET": "qwertyuiopasdfghjk"})
    assert redactor.redact("sk-aaaaaaaaaaaaaaaaaaaaaaqwertyuiopasdfghjk") == (
        "sk-aaaaaaaaaaaaaaaaaaaaaa[redacted:env:APP_SECRET]"
    )


def test_a_value_containing_another_secret_is_redacted_whole() -> None:
    redactor = Redactor.from_env({"A_TOKEN": "abc123xyz789", "B_TOKEN": "abc123xyz789-extended"})
    assert redactor.redact("abc123xyz789-extended") == "[redacted:env:B_TOKEN]"


@pytest.mark.parametrize(
    "name, value",
    [
        ("GIT_AUTHOR_NAME", "Jane Q. Developer"),  # AUTHOR is not AUTH
        ("OAUTH_CALLBACK_PORT", "8080808080"),  # nor is OAUTH
        ("EDITOR", "nvim-qt-1234567"),  # not a secret name at all
        ("DB_PASSWORD", "short"),  # under 8 characters
        ("AUTH_MODE", "password"),  # a setting that is an ordinary word
        ("TOKENIZERS_PARALLELISM", "false"),
        ("SSH_AUTH_SOCK", "/run/user/1000/keyring/ssh"),  # a path
        ("GOOGLE_APPLICATION_CREDENTIALS", "~/keys/sa.json"),
    ],
)
def test_env_values_that_are_not_secrets_are_not_learned(name: str, value: str) -> None:
    assert secret_env_values({name: value}) == {}


@pytest.mark.parametrize(
    "name",
    [
        "GITHUB_TOKEN",
        "AWS_SECRET_ACCESS_KEY",
        "OPENAI_API_KEY",
        "APIKEY",
        "MYSQL_ROOT_PASSWORD",
        "PGPASSWD",
        "SSH_PRIVATE_KEY",
        "AZURE_CREDENTIALS",
        "NPM_AUTH",
        "ANTHROPIC_AUTH_TOKEN",
        "github_token",
    ],
)
def test_secret_looking_names_are_recognised(name: str) -> None:
    assert is_secret_name(name)


def test_ordinary_prose_code_and_public_keys_are_left_unchanged() -> None:
    env = {"HOME": "/home/dev", "USER": "dev", "AUTH_MODE": "password", "LANG": "en_US.UTF-8"}
    assert Redactor.from_env(env).redact(PROSE_AND_CODE) == PROSE_AND_CODE


def test_redacting_twice_changes_nothing_more() -> None:
    redactor = Redactor.from_env({"API_TOKEN": "zyx987wvu654"})
    text = f"{PROSE_AND_CODE}\n{GITHUB} zyx987wvu654 {RSA_PEM} Bearer {JWT}"
    once = redactor.redact(text)
    assert redactor.redact(once) == once
    assert GITHUB not in once and "zyx987wvu654" not in once and "MIIEvQ" not in once


@settings(max_examples=200, deadline=None)
@given(before=st.text(max_size=60), after=st.text(max_size=60))
def test_an_env_secret_never_survives_whatever_surrounds_it(before: str, after: str) -> None:
    redactor = Redactor.from_env({"SERVICE_TOKEN": "Q7x!k2#Lm9$pZ4"})
    assert "Q7x!k2#Lm9$pZ4" not in redactor.redact(before + "Q7x!k2#Lm9$pZ4" + after)


def test_a_prompts_question_and_context_are_redacted_but_its_labels_kept() -> None:
    prompt = Prompt(
        prompt_id="s:hook1",
        session_id="session-aaaa1111",
        kind=PromptKind.CHOICE,
        question=f"Allow Bash: curl -H 'Authorization: Bearer {OPENAI_OLD}' https://x?",
        options=[PromptOption(number=1, label="Yes", key="1")],
        context=[f"export GH={GITHUB}"],
        source="hook:PermissionRequest",
        confidence=0.99,
        detected_at=1.0,
    )
    redacted = Redactor().redact_prompt(prompt)
    assert (
        redacted.question
        == "Allow Bash: curl -H 'Authorization: Bearer [redacted:bearer]' https://x?"
    )
    assert redacted.context == ["export GH=[redacted:github]"]
    assert redacted.options == prompt.options


MB = 1_000_000


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "sk-" * (MB // 3),
        "eyJ-" * (MB // 4),
        "eyJabcd." * (MB // 8),
        "-----BEGIN PRIVATE KEY-----" * (MB // 27),
        "-----BEGIN PRIVATE KEY-----\n" + "A\n" * (MB // 2),
        "Bearer " * (MB // 7),
        "bearer\t" + "a" * MB,
        "ghp_" + "a" * MB,
        "AKIA" * (MB // 4),
        "xoxb-" * (MB // 5),
        "a" * MB,
        " " * MB,
        "\n" * MB,
    ],
    ids=[
        "sk",
        "eyJ-dash",
        "eyJ-dot",
        "pem-begins",
        "pem-lines",
        "bearers",
        "bearer-run",
        "ghp-run",
        "akia",
        "xoxb",
        "letters",
        "spaces",
        "newlines",
    ],
)
def test_pathological_input_of_a_megabyte_is_redacted_in_one_linear_pass(text: str) -> None:
    redactor = Redactor.from_env({"A_TOKEN": "aaaaaaaaaaaaaaaaaaab", "B_SECRET": "sk-sk-sk-sk-x"})
    redactor.redact(text)  # pytest-timeout fails the test if this goes quadratic


@pytest.mark.timeout(60)
def test_a_megabyte_of_random_token_characters_is_redacted_in_one_linear_pass() -> None:
    Redactor().redact(secrets.token_urlsafe(750_000))
