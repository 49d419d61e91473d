"""The agent: a LangGraph StateGraph from a request to a checked ring.

    knowledge → plan | edit → validate ─┬─ valid ──► layout ──► verify ──► report
                  ▲                     │              │           │
                  └──────── repair ◄────┴── invalid ───┴── failed ─┘   (LLM only, bounded)

A request is a spec (AMS-IO-Bench prompt or pad table) or, once the thread has an intent, an
edit ("move VREF to the right side"). Without an LLM the rule-based planner and editor answer.
With one, two readers read a spec: the rule reader and the LLM reader (its statements, never
positions, ``agent/planner/llm_reader.py``); the shared assembler places the pads of both, the
LLM's reading is repaired until it assembles, and the two readings give one verdict
(``agent/planner/verdict.py``): the same ring goes on, a different one becomes questions
(``plan.question.readers``, asked like the rule reader's). An LLM edit answers edit operations,
which the editor applies. State is plain JSON so the SQLite checkpointer can keep a thread
across restarts; each thread's design files live in its run folder.
"""

from __future__ import annotations

import json
import operator
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

from langchain_core.language_models import BaseChatModel
from langgraph.graph import END, START, StateGraph
from langgraph.types import interrupt
from pydantic import ValidationError

import knowledge_base
from adaptor import technologies
from adaptor.build import build
from adaptor.errors import UserError
from adaptor.findings import Finding, errors
from adaptor.intent import IntentGraph
from adaptor.load import dump_intent
from adaptor.validate import validate_data
from agent import llm
from agent.config import LLMConfig
from agent.editor import OPERATIONS, EditError, apply_edit, apply_ops, diff
from agent.planner import PARSERS, plan_text, read_spec
from agent.planner.assemble import PlanResult, assemble
from agent.planner.errors import PlanError, PlanQuestion
from agent.planner.explain import explain_rows
from agent.planner.llm_reader import Statements, named, reader_prompt, request_names, statements_schema, to_spec
from agent.planner.spec import Assumption, Question, Spec
from agent.planner.verdict import decide
from ioring.files import write_text_atomic
from verify.check import run_check

Planner = Literal["rules", "llm", "auto"]
MAX_QUESTIONS = 3  # rounds of questions in one turn before the plan gives up


class AgentState(TypedDict, total=False):
    """Everything a thread remembers. Lists marked with ``operator.add`` accumulate across turns."""

    request: str
    spec_format: str
    planner: str
    technology: str
    run_dir: str
    intent: dict[str, Any] | None
    explain: list[dict[str, Any]] | None  # the rule planner's reasons per pad (agent.planner.explain)
    candidate: dict[str, Any] | None
    findings: list[dict[str, Any]]
    messages: list[dict[str, str]]
    repairs: int
    status: str
    reply: str
    knowledge_tokens: int
    usage: dict[str, int]
    ask: bool
    timings: dict[str, float]
    checks: dict[str, Any] | None
    proposed: dict[str, Any] | None
    history: Annotated[list[dict[str, str]], operator.add]
    previous: dict[str, Any] | None  # the last built ring: {"intent", "checks"}, for diffs and "previous ring"
    confirmed: bool  # the user confirmed this intent (the UI's Build, or an explicit edit)
    answer_kind: str  # what the LLM answers this turn: "statements" (a spec) or "operations" (an edit)
    rule_reading: dict[str, Any] | None  # the rule reader's {"spec"} or {"questions"}, beside the LLM's
    reading: dict[str, Any] | None  # the two readers' verdict: {"verdict", "differences", "notes"}
    rounds: int  # rounds of the readers' questions in this turn


def _timed(name: str, fn: Callable[[AgentState], dict[str, Any]]) -> Callable[[AgentState], dict[str, Any]]:
    def node(state: AgentState) -> dict[str, Any]:
        start = time.perf_counter()
        update = fn(state)
        timings = dict(state.get("timings") or {})
        timings[name] = round(timings.get(name, 0.0) + time.perf_counter() - start, 4)
        return {**update, "timings": timings}
    node.__name__ = name
    return node


def _add_usage(state: AgentState, delta: dict[str, int]) -> dict[str, int]:
    usage = dict(state.get("usage") or {"calls": 0, "tokens_in": 0, "tokens_out": 0})
    for key, value in delta.items():
        usage[key] = usage.get(key, 0) + value
    return usage


def _finding_dicts(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json", exclude_none=True) for f in findings]


def is_edit(state: AgentState) -> bool:
    """A follow-up request on an existing intent (not a new spec)."""
    text = state.get("request", "")
    return bool(state.get("intent")) and state.get("spec_format", "prompt") == "prompt" and \
        "signal names" not in text.lower()


class Agent:
    """Builds the graph for one planner choice and one LLM (or none)."""

    def __init__(self, config: LLMConfig, model: BaseChatModel | None = None) -> None:
        self.config = config
        self.model = model if model is not None else (llm.chat_model(config) if config.configured else None)

    def use_llm(self, state: AgentState) -> bool:
        """Whether this turn plans with the LLM."""
        choice = state.get("planner", "auto")
        if choice == "llm" and self.model is None:
            raise UserError("--planner llm, but no LLM is configured",
                            "set IORING_LLM_BASE_URL (and IORING_LLM_MODEL, IORING_LLM_API_KEY)")
        return choice == "llm" or (choice == "auto" and self.model is not None)

    # --- nodes -------------------------------------------------------------------------------

    def knowledge(self, state: AgentState) -> dict[str, Any]:
        tokens = knowledge_base.token_count(reader_prompt()) if self.use_llm(state) else 0
        built = state.get("status") in ("checked", "check_failed")
        previous = {"intent": state.get("intent"), "checks": state.get("checks")} if built else state.get("previous")
        return {"knowledge_tokens": tokens, "repairs": 0, "checks": None, "usage": {}, "previous": previous,
                "findings": [], "candidate": None, "explain": None, "rule_reading": None, "reading": None,
                "rounds": 0, "history": [{"role": "user", "content": state["request"]}]}

    def _ask(self, state: AgentState, messages: list[dict[str, str]], kind: str) -> dict[str, Any]:
        """One LLM turn answering ``kind`` ("statements" or "operations") under its schema."""
        schema = statements_schema(request_names(state["request"])) if kind == "statements" else llm.operations_schema()
        text, usage = llm.call(self.model, messages, schema=schema)
        messages = messages + [{"role": "assistant", "content": text}]
        try:
            candidate: Any = {f"_{kind}": llm.parse_json(text)}
        except ValueError as exc:
            candidate = {"_unparsable": f"{exc}: {text[:200]!r}"}
        return {"candidate": candidate, "messages": messages, "usage": _add_usage(state, usage), "answer_kind": kind}

    def _read_both(self, state: AgentState) -> dict[str, Any]:
        """The rule reader first (a contradiction refuses the spec before any LLM call), then the LLM reader."""
        technology = state.get("technology") or technologies.DEFAULT
        try:
            spec = read_spec(state["request"], state.get("spec_format", "prompt"), "request")
            assemble(spec, technology, "request")
            reading: dict[str, Any] = {"spec": spec.model_dump(mode="json")}
        except PlanQuestion as exc:
            reading = {"questions": [q.model_dump() for q in exc.questions]}
        except PlanError as exc:
            return {"candidate": None, "findings": _finding_dicts(exc.findings), "status": "plan_failed"}
        return {**self._ask(state, llm.reader_messages(state["request"]), "statements"), "rule_reading": reading}

    def plan(self, state: AgentState) -> dict[str, Any]:
        technology = state.get("technology") or technologies.DEFAULT
        if self.use_llm(state):
            return self._read_both(state)
        request = state["request"]
        for _ in range(MAX_QUESTIONS):
            try:
                result = plan_text(request, state.get("spec_format", "prompt"), "request", technology)
            except PlanQuestion as exc:
                if not state.get("ask"):  # no one to ask (ioring design): stop with the question
                    return {"candidate": None, "findings": _finding_dicts(exc.findings), "status": "question"}
                # a LangGraph interrupt: chat/UI show the questions and resume with Command(resume=answer)
                answer = interrupt({"questions": [q.model_dump() for q in exc.questions]})
                request = f"{request}\n{answer}"
                continue
            except PlanError as exc:
                return {"candidate": None, "findings": _finding_dicts(exc.findings), "status": "plan_failed"}
            return {"candidate": json.loads(dump_intent(result.intent)), "request": request,
                    "explain": [row.model_dump() for row in explain_rows(result)]}
        return {"candidate": None, "status": "plan_failed", "findings": [
            {"rule": "plan.question.unanswered", "where": "request", "message": "the answers did not settle the plan",
             "hint": "state size, order and pad list in the request"}]}

    def edit(self, state: AgentState) -> dict[str, Any]:
        if state.get("proposed"):  # an intent edited directly (the UI's pad table)
            return {"candidate": state["proposed"], "proposed": None}
        if self.use_llm(state):
            return self._ask(state, llm.edit_messages(state["intent"] or {}, state["request"]), "operations")
        try:
            return {"candidate": apply_edit(state["intent"] or {}, state["request"])}
        except UserError as exc:
            return {"candidate": None, "status": "edit_failed",
                    "findings": [{"rule": "edit.unknown", "where": "request", "message": exc.message,
                                  "hint": exc.hint}]}

    def validate(self, state: AgentState) -> dict[str, Any]:
        candidate = state.get("candidate")
        if candidate is None:
            return {}
        if "_unparsable" in candidate:
            findings = [Finding(rule="llm.not_json", where="answer", message=candidate["_unparsable"],
                                hint="answer with one JSON object")]
            return self._invalid(state, findings)
        if "_statements" in candidate:
            return self._judge_reading(state, candidate["_statements"])
        if "_operations" in candidate:
            try:
                ops = OPERATIONS.validate_python((candidate["_operations"] or {}).get("operations"))
                candidate = apply_ops(state.get("intent") or {}, ops)
            except ValidationError as exc:
                return self._invalid(state, _schema_findings(exc, "operations"))
            except EditError as exc:
                return self._invalid(state, [Finding(rule="edit.apply", where="operations", message=exc.message,
                                                     hint=exc.hint)])
        result = validate_data(candidate, "answer")
        if result.valid and not errors(result.findings):
            return {"intent": candidate, "findings": _finding_dicts(result.findings), "status": "valid"}
        return self._invalid(state, result.findings)

    def _invalid(self, state: AgentState, findings: list[Finding]) -> dict[str, Any]:
        """An answer that failed: its findings go back to the model; once the repairs are spent, a
        spec the rule reader read goes on with the rule reader's plan (noted), else the turn stops."""
        reading = state.get("rule_reading") or {}
        if state.get("answer_kind") != "statements" or "spec" not in reading or \
                state.get("repairs", 0) < self.config.repair_max:
            return {"findings": _finding_dicts(findings), "status": "invalid"}
        spec = Spec.model_validate(reading["spec"])
        result = assemble(spec, state.get("technology") or technologies.DEFAULT, "request")
        rules = ", ".join(sorted({f.rule for f in findings}))
        note = Assumption(rule="plan.assume.llm_unreadable", at="answer",
                          what=f"the LLM's reading still failed after {state.get('repairs', 0)} repair(s) ({rules}): "
                               "the rule reader's plan")
        return self._go(result, [note], {"verdict": "rules_only", "llm_findings": _finding_dicts(findings)[:10]})

    def _go(self, result: PlanResult, notes: list[Assumption], reading: dict[str, Any]) -> dict[str, Any]:
        """Proceed with a plan; ``notes`` go to the intent's notes and to the reading."""
        intent = json.loads(dump_intent(result.intent))
        intent["notes"] = list(intent.get("notes") or []) + [f"assumed: {n.what} ({n.rule})" for n in notes]
        return {"intent": intent, "findings": _finding_dicts(result.findings), "status": "valid",
                "explain": [row.model_dump() for row in explain_rows(result)],
                "reading": {**reading, "notes": [n.model_dump() for n in notes]}}

    def _judge_reading(self, state: AgentState, answer: Any) -> dict[str, Any]:
        """The LLM reader's statements → Spec → the shared assembler; then the verdict beside the rule reader."""
        technology = state.get("technology") or technologies.DEFAULT
        try:
            statements = Statements.model_validate(answer)
        except ValidationError as exc:
            return self._invalid(state, _schema_findings(exc, "statements"))
        invented = self._invented(state, statements)
        try:
            spec = to_spec(statements, "answer")
            result = assemble(spec, technology, "answer")
        except PlanError as exc:
            return self._invalid(state, invented + exc.findings)
        if invented:
            return self._invalid(state, invented)
        reading = state.get("rule_reading") or {}
        if "questions" in reading:  # the rule reader could not settle a fact: the LLM's reading settles it
            notes = [Assumption(rule="plan.assume.llm_reading", at="request",
                                what=f"the rule reader asked \"{q['question']}\"; the LLM's reading answered it")
                     for q in reading["questions"]]
            return self._go(result, notes, {"verdict": "llm_only"})
        rule_spec = Spec.model_validate(reading["spec"])
        verdict = decide(rule_spec, assemble(rule_spec, technology, "request"), spec, result)
        summary = {"verdict": "agree" if verdict.agree else "same_ring" if verdict.result else "disagree",
                   "differences": [d.model_dump() for d in verdict.differences]}
        if verdict.result is not None:
            return self._go(verdict.result, verdict.assumptions, summary)
        return {**self._ask_user(state, verdict.questions), "reading": {**summary, "notes": [
            n.model_dump() for n in verdict.assumptions]}}

    def _ask_user(self, state: AgentState, questions: list[Question]) -> dict[str, Any]:
        """The readers' questions: a LangGraph interrupt on a thread that can ask, else the turn stops."""
        if not state.get("ask") or state.get("rounds", 0) >= MAX_QUESTIONS:
            return {"findings": _finding_dicts(PlanQuestion("request", questions).findings), "status": "question"}
        answer = interrupt({"questions": [q.model_dump() for q in questions]})
        return {"request": f"{state['request']}\n{answer}", "rounds": state.get("rounds", 0) + 1,
                "status": "reread", "candidate": None}

    def _invented(self, state: AgentState, statements: Statements) -> list[Finding]:
        """Names the LLM made up (or copied from the prompt's example): they appear nowhere in the request."""
        words = {w.upper() for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", state["request"])}
        invented = sorted({n for n in named(statements) if n.upper() not in words})
        return [Finding(rule="llm.invented_pad", where="answer", message=f"{n} is not a name in the request",
                        hint="use only names the request writes, as written; leave out what it does not state")
                for n in invented]

    def repair(self, state: AgentState) -> dict[str, Any]:
        kind = state.get("answer_kind") or "statements"
        what = "statements" if kind == "statements" else "edit operations"
        update = self._ask(state, state["messages"] + [llm.repair_message(state["findings"], what)], kind)
        return {**update, "repairs": state.get("repairs", 0) + 1}

    def layout(self, state: AgentState) -> dict[str, Any]:
        folder = Path(state["run_dir"])
        try:
            summary = build(IntentGraph.model_validate(state["intent"]), folder)
        except UserError as exc:
            return {"status": "layout_failed", "findings": [{"rule": "layout", "where": "build",
                                                            "message": exc.message, "hint": exc.hint}]}
        return {"status": "built", "checks": {"build": summary}}

    def verify(self, state: AgentState) -> dict[str, Any]:
        result = run_check(Path(state["run_dir"]))
        checks = {**(state.get("checks") or {}), "drc": result["drc"], "lvs": result["lvs"]}
        clean = result["drc"]["clean"] and result["lvs"]["clean"]
        findings = result["drc"]["findings"] + result["lvs"]["findings"]
        return {"checks": checks, "status": "checked" if clean else "check_failed", "findings": findings}

    def report(self, state: AgentState) -> dict[str, Any]:
        status = state.get("status", "")
        usage = state.get("usage") or {}
        if status == "checked":
            build_info = (state.get("checks") or {}).get("build", {})
            w, h = build_info.get("die_um", (0, 0))
            previous = state.get("previous") or {}
            was = ((previous.get("checks") or {}).get("build") or {}).get("die_um")
            die = f"die {was[0]:g}×{was[1]:g} → {w:g}×{h:g} µm" if was and list(was) != [w, h] else f"die {w:g}×{h:g} µm"
            basis = "the confirmed intent" if state.get("confirmed") else "the planned intent (intent.json)"
            reply = (f"{'; '.join(diff(previous.get('intent'), state['intent'] or {}))}. "
                     f"Built and checked {build_info.get('design')}: {build_info.get('counts', {}).get('pad')} pads, "
                     f"{die}, DRC and LVS clean against {basis}.")
            self._account(state)
        else:
            problems = "; ".join(f"{f['rule']}: {f['message']}" + (f" ({f['hint']})" if f.get("hint") else "")
                                 for f in (state.get("findings") or [])[:5])
            reply = f"Stopped ({status}): {problems}"
            if status == "check_failed":
                self._account(state)
        reading = state.get("reading") or {}
        if reading.get("verdict"):
            reply += " " + _READING[reading["verdict"]].format(n=len(reading.get("differences") or []))
            reply += "".join(f" Note: {n['what']}." for n in (reading.get("notes") or [])[:5])
        if usage.get("calls"):
            reply += (f" LLM: {usage['calls']} call(s), {usage.get('tokens_in', 0)} tokens in, "
                      f"{usage.get('tokens_out', 0)} out, {state.get('repairs', 0)} repair(s).")
        return {"reply": reply, "history": [{"role": "assistant", "content": reply}]}

    def _account(self, state: AgentState) -> None:
        """Merge planner, usage, repairs and node timings into the run's build.json."""
        path = Path(state["run_dir"]) / "build.json"
        data = json.loads(path.read_text()) if path.is_file() else {}
        data["agent"] = {"planner": "llm" if self.use_llm(state) else "rules",
                         "model": self.config.model if self.use_llm(state) else None,
                         "usage": state.get("usage") or {"calls": 0, "tokens_in": 0, "tokens_out": 0},
                         "repair_iterations": state.get("repairs", 0), "node_timings_s": state.get("timings", {}),
                         "knowledge_tokens": state.get("knowledge_tokens"),
                         "readers": (state.get("reading") or {}).get("verdict")}
        data["checks"] = {k: {"clean": v["clean"], "count": v["count"], "time_s": v["time_s"]}
                          for k, v in (state.get("checks") or {}).items() if k in ("drc", "lvs")}
        write_text_atomic(path, json.dumps(data, indent=2) + "\n")

    # --- routing -------------------------------------------------------------------------------

    def _retry_or_stop(self, state: AgentState) -> str:
        can = self.use_llm(state) and state.get("repairs", 0) < self.config.repair_max
        return "repair" if can else "report"

    def after_validate(self, state: AgentState) -> str:
        if state.get("status") == "valid":
            return "layout"
        if state.get("status") == "reread":  # the user answered the readers' questions: read again
            return "plan"
        if state.get("status") in ("plan_failed", "edit_failed", "question"):
            return "report"
        return self._retry_or_stop(state)

    def after_layout(self, state: AgentState) -> str:
        return "verify" if state.get("status") == "built" else self._retry_or_stop(state)

    def after_verify(self, state: AgentState) -> str:
        return "report" if state.get("status") == "checked" else self._retry_or_stop(state)

    def graph(self) -> StateGraph:
        """The uncompiled graph."""
        g = StateGraph(AgentState)
        for name in ("knowledge", "plan", "edit", "validate", "repair", "layout", "verify", "report"):
            g.add_node(name, _timed(name, getattr(self, name)))
        g.add_edge(START, "knowledge")
        g.add_conditional_edges("knowledge", lambda s: "edit" if is_edit(s) or s.get("proposed") else "plan",
                                ["plan", "edit"])
        g.add_edge("plan", "validate")
        g.add_edge("edit", "validate")
        g.add_edge("repair", "validate")
        g.add_conditional_edges("validate", self.after_validate, ["layout", "repair", "report", "plan"])
        g.add_conditional_edges("layout", self.after_layout, ["verify", "repair", "report"])
        g.add_conditional_edges("verify", self.after_verify, ["report", "repair"])
        g.add_edge("report", END)
        return g


_READING = {"agree": "Both readers (rules and LLM) read the request the same way.",
            "same_ring": "The readers read {n} fact(s) differently but plan the same ring.",
            "disagree": "The readers disagree on {n} fact(s).",
            "rules_only": "The LLM's reading could not be used; the rule reader's plan was built.",
            "llm_only": "The rule reader left facts open; the LLM's reading settled them."}


def _schema_findings(exc: ValidationError, what: str) -> list[Finding]:
    """A pydantic error on an LLM answer as findings (where = the field path)."""
    return [Finding(rule="llm.schema", where=f"{what}." + ".".join(str(p) for p in e["loc"]), message=e["msg"],
                    hint=f"answer the {what} JSON as its schema says") for e in exc.errors()[:10]]


def spec_format(path: str) -> str:
    """The spec format of a file name (prompt for anything but .yaml/.yml/.toml/.csv)."""
    from agent.planner import SUFFIXES

    fmt = SUFFIXES.get(Path(path).suffix.lower(), "prompt")
    assert fmt in PARSERS
    return fmt
