"""Project specs: ``write_spec`` and ``edit_spec``, structured Markdown files inside the roots.

The format is fixed so an edit can find its parts again: a ``# name`` title, then
``Type:`` and ``Team size:`` lines, and ``## Description`` and ``## Requirements``
sections, one ``- `` item per requirement.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from shared.frames import CommandFrame, ReplyFrame, command
from shared.wire_values import WireModel

MAX_REQUIREMENTS = 200
Requirement = Annotated[str, Field(min_length=1, max_length=1000)]


class WriteSpec(CommandFrame):
    type: Literal["write_spec"] = "write_spec"
    name: str = Field(min_length=1, max_length=80)
    project_type: str = Field(default="software", min_length=1, max_length=80)
    description: str = Field(min_length=1, max_length=8000)
    requirements: list[Requirement] = Field(default=[], max_length=MAX_REQUIREMENTS)
    team_size: int | None = Field(default=None, ge=1, le=12)
    save_path: str | None = Field(default=None, max_length=4096)  # a file or a folder
    generate_git_repo: bool = False


class SpecChange(WireModel):
    action: Literal["add_requirement", "remove_requirement", "set_description", "set_team_size"]
    value: str = Field(min_length=1, max_length=8000)


class EditSpec(CommandFrame):
    type: Literal["edit_spec"] = "edit_spec"
    spec_path: str = Field(min_length=1, max_length=4096)
    changes: list[SpecChange] = Field(min_length=1, max_length=50)


class SpecWritten(ReplyFrame):
    type: Literal["spec_written"] = "spec_written"
    path: str
    name: str
    project_type: str
    description: str
    requirements: list[str]
    team_size: int | None
    git_initialized: bool = False
    applied: list[str] = []  # edit_spec: each change as done, in order


command(
    WriteSpec,
    SpecWritten,
    reads=False,
    examples=(
        WriteSpec(
            request_id="r-25",
            name="shop",
            description="A tiny web shop.",
            requirements=["List products", "Checkout"],
            save_path="/home/dev/specs",
        ),
        SpecWritten(
            request_id="r-25",
            path="/home/dev/specs/shop.md",
            name="shop",
            project_type="software",
            description="A tiny web shop.",
            requirements=["List products", "Checkout"],
            team_size=None,
        ),
    ),
)
command(
    EditSpec,
    SpecWritten,
    reads=False,
    examples=(
        EditSpec(
            request_id="r-26",
            spec_path="/home/dev/specs/shop.md",
            changes=[SpecChange(action="add_requirement", value="Refunds")],
        ),
    ),
)
