"""The planner's errors: a spec it cannot turn into a valid intent, or one that leaves a fact open."""

from __future__ import annotations

from adaptor.errors import IntentError
from adaptor.findings import Finding, Severity
from agent.planner.spec import Question


class PlanError(IntentError):
    """The spec cannot be planned as written; ``findings`` says exactly what and where."""

    header = "problem(s), cannot plan this spec"


class PlanQuestion(PlanError):
    """A fact the plan needs is missing (no size, no pad list …): ``questions`` say what to ask.

    It is a PlanError (rule ``plan.question.*``) so callers that only refuse still exit 2; the
    agent graph asks the question instead and resumes with the answer.
    """

    header = "question(s) before this spec can be planned"

    def __init__(self, source: str, questions: list[Question]) -> None:
        self.questions = questions
        super().__init__(source, [Finding(rule=q.rule, where=q.at, message=q.question, hint=q.answer_hint,
                                          severity=Severity.question) for q in questions])
