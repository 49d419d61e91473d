"""The planner's error: a spec it cannot turn into a valid intent, with the findings."""

from __future__ import annotations

from adaptor.errors import IntentError


class PlanError(IntentError):
    """The spec cannot be planned as written; ``findings`` says exactly what and where."""

    header = "problem(s), cannot plan this spec"
