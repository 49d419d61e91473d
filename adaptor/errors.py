"""Errors that reach the user: a message naming the problem, and a hint."""

from __future__ import annotations

from adaptor.findings import Finding


class UserError(Exception):
    """A mistake in the user's input or command line. The CLI prints it and exits 2."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\nhint: {self.hint}" if self.hint else self.message


class IntentError(UserError):
    """An intent that breaks the schema or the design rules; carries the findings."""

    header = "problem(s) in the intent graph"

    def __init__(self, source: str, findings: list[Finding]) -> None:
        lines = "\n".join(f"  {f.line()}" for f in findings)
        super().__init__(f"{source}: {len(findings)} {self.header}:\n{lines}")
        self.findings = findings
