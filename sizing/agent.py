"""The sizing agent node: a turn loop where the LLM proposes parameters with a short analysis.

Each turn the model answers ``{"analysis": "...", "params": {...}}``; the tool simulates and
scores it, and the metrics and reward go back into the conversation, so the history stays in
context. The best turn is returned; every turn is recorded. Without an LLM the node runs our
optimiser on the same budget. ``size_node`` is the LangGraph node form.
"""

from __future__ import annotations

import json
from typing import Any

from langchain_core.language_models import BaseChatModel

from agent import llm
from sizing.optimize import Run, optimise
from sizing.template import Spec, Template, load_template

SYSTEM = """You size analog circuits. Each turn, propose values for every parameter, within its range, and
explain your reasoning in one or two sentences (gm/Id, gain, bandwidth, power trade-offs). Answer with
one JSON object: {"analysis": "...", "params": {"name": value, ...}} (SI units). You will get the
simulated metrics and a reward in [0, 1] back; improve on your best turn."""


def task_message(template: Template, specs: dict[str, Spec]) -> str:
    """The first user turn: circuit, parameter ranges, fixed values and specs."""
    ranges = {k: [p.low, p.high] for k, p in template.params.items()}
    wants = {k: v.model_dump(exclude_none=True) for k, v in specs.items()}
    return (f"Circuit: {template.title}.\nFixed: {json.dumps(template.fixed)}\nParameter ranges: {json.dumps(ranges)}\n"
            f"Specs (min/max): {json.dumps(wants)}\nMetrics: gain_db (dB), ugbw_hz (Hz), pm_deg, power_w (W).")


def _params(answer: Any, template: Template, fallback: dict[str, float]) -> dict[str, float]:
    """The proposal clipped into range; missing or unreadable values keep the fallback's."""
    proposed = answer.get("params", {}) if isinstance(answer, dict) else {}
    out = dict(fallback)
    for name, spec in template.params.items():
        try:
            value = float(proposed[name])
        except (KeyError, TypeError, ValueError):
            continue
        out[name] = min(spec.high, max(spec.low, value))
    return out


def llm_size(model: BaseChatModel, template: Template, specs: dict[str, Spec], turns: int) -> tuple[Run, dict]:
    """Run the LLM turn loop; returns the run and usage ``{calls, tokens_in, tokens_out}``."""
    run = Run(template, specs, turns, "agent")
    history = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": task_message(template, specs)}]
    usage = {"calls": 0, "tokens_in": 0, "tokens_out": 0}
    best = template.centre()
    while run.left > 0:
        text, used = llm.call(model, history, structured=False)
        usage = {k: usage[k] + used[k] for k in usage}
        try:
            answer = llm.parse_json(text)
        except ValueError:
            answer = {}
        params = _params(answer, template, best)
        analysis = str(answer.get("analysis", "")) if isinstance(answer, dict) else ""
        reward = run.evaluate(params, note=analysis[:300])
        best = run.best().params
        m = run.turns[-1].metrics
        history += [{"role": "assistant", "content": text},
                    {"role": "user", "content": f"Turn {len(run.turns)}: gain {m.gain_db} dB, ugbw {m.ugbw_hz} Hz, "
                                                f"pm {m.pm_deg}°, power {m.power_w} W, error {m.error}; reward "
                                                f"{reward:.3f} (best so far {run.best().reward:.3f})."}]
    return run, usage


def size_node(state: dict[str, Any], model: BaseChatModel | None = None) -> dict[str, Any]:
    """LangGraph node: state ``template``, ``specs`` (set name or dict), ``budget`` → ``sizing`` result."""
    template = load_template(state["template"])
    specs = state["specs"] if isinstance(state["specs"], dict) else template.specs[state["specs"]]
    specs = {k: v if isinstance(v, Spec) else Spec(**v) for k, v in specs.items()}
    if model is None:
        run, usage = optimise(template, specs, state.get("budget", 10), "ours"), {}
    else:
        run, usage = llm_size(model, template, specs, state.get("budget", 10))
    best = run.best()
    return {"sizing": {"method": run.method, "best": best.model_dump(), "usage": usage,
                       "turns": [t.model_dump() for t in run.turns]}}
