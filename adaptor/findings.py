"""Findings: problems as data, shared by validation, DRC, LVS, the agent and the UI."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict


class Severity(str, Enum):
    """An error makes an intent or layout unusable; a warning is worth a look; a question is a
    fact only the user can give (the planner asks it instead of guessing)."""

    error = "error"
    warning = "warning"
    question = "question"


class Finding(BaseModel):
    """One problem: which rule, where (a position, a JSON path or a µm location), what, how to fix.

    Layout findings also carry their location as ``x_um``, ``y_um``.
    """

    model_config = ConfigDict(extra="forbid")

    rule: str
    where: str
    message: str
    hint: str = ""
    severity: Severity = Severity.error
    x_um: float | None = None
    y_um: float | None = None

    def line(self) -> str:
        """One human-readable line."""
        text = f"[{self.severity.value}] {self.rule} at {self.where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


def errors(findings: list[Finding]) -> list[Finding]:
    """Only the findings of severity error."""
    return [f for f in findings if f.severity is Severity.error]
