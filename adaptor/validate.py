"""Schema plus rule checks in one call: what `ioring validate`, the agent and the bench use."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from adaptor.errors import IntentError
from adaptor.findings import Finding, errors
from adaptor.intent import IntentGraph
from adaptor.load import parse_intent
from adaptor.rules import check_intent


class Validation(BaseModel):
    """The outcome of validating one document: the intent (when schema-valid) and all findings."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    intent: IntentGraph | None
    findings: list[Finding]

    @property
    def valid(self) -> bool:
        """True when there is an intent and no finding of severity error."""
        return self.intent is not None and not errors(self.findings)


def validate_data(data: Any, source: str = "intent") -> Validation:
    """Check ``data`` against the schema, then, when it fits, against the design rules."""
    try:
        intent = parse_intent(data, source)
    except IntentError as exc:
        return Validation(intent=None, findings=exc.findings)
    return Validation(intent=intent, findings=check_intent(intent))
