"""Builders for a set of corpus cases whose programs share one stem.

A set keeps its programs in ``programs/<stem>.py``, ``node/<stem>.mjs`` and
``programs/<stem>.sh``. A held-out set names one scenario per case like the case (dashes
become underscores) and prefixes every id with its tag (``h4-``); a development set
writes its ids in full (prefix ``""``) and names its scenarios itself.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from tests.prompt_corpus.cases import NODE_DIR, PROGRAMS, Case

NODE = ("node",)


@dataclass(frozen=True)
class CaseSet:
    prefix: str  # "h4-"; "" where the ids are written in full
    stem: str  # "held4": programs/held4.py, node/held4.mjs, programs/held4.sh
    split: str  # the fixed split every case of the set belongs to

    def py(self, scenario: str) -> tuple[str, ...]:
        return (sys.executable, str(PROGRAMS / f"{self.stem}.py"), scenario)

    def node(self, scenario: str) -> tuple[str, ...]:
        return ("node", str(NODE_DIR / f"{self.stem}.mjs"), scenario)

    def sh(self, scenario: str) -> tuple[str, ...]:
        return ("bash", str(PROGRAMS / f"{self.stem}.sh"), scenario)

    def case(
        self,
        cid: str,
        family: str,
        argv: tuple[str, ...],
        kind: str | None,
        options: tuple[str, ...] | None = None,
        answer: str | None = None,
        expect: object = None,
        needs: tuple[str, ...] = (),
    ) -> Case:
        return Case(
            f"{self.prefix}{cid}", family, argv, kind, options, answer, expect, needs, self.split
        )

    def python(
        self,
        cid: str,
        family: str,
        kind: str | None,
        options: tuple[str, ...] | None = None,
        answer: str | None = None,
        expect: object = None,
    ) -> Case:
        """A case whose program is the Python scenario named like it."""
        return self.case(cid, family, self.py(_scenario(cid)), kind, options, answer, expect)

    def nodejs(
        self,
        cid: str,
        family: str,
        kind: str | None,
        options: tuple[str, ...] | None = None,
        answer: str | None = None,
        expect: object = None,
    ) -> Case:
        """A case whose program is the Node scenario named like it."""
        argv = self.node(_scenario(cid))
        return self.case(cid, family, argv, kind, options, answer, expect, NODE)

    def shell(
        self,
        cid: str,
        family: str,
        kind: str | None,
        options: tuple[str, ...] | None = None,
        answer: str | None = None,
        expect: object = None,
        needs: tuple[str, ...] = (),
    ) -> Case:
        """A case whose program is the bash scenario named like it."""
        argv = self.sh(_scenario(cid))
        return self.case(cid, family, argv, kind, options, answer, expect, needs)


def _scenario(cid: str) -> str:
    return cid.replace("-", "_")
