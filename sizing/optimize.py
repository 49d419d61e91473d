"""Optimisers under one simulation budget: random search, optuna TPE, and ours.

Ours is knowledge-guided: the template's gm/Id first sizing (square-law design equations fed
with the spec targets) is the first simulation; the rest of the budget goes to a pattern
search in the normalised parameter space around the best point (coordinate steps that halve
when a whole pass finds nothing better). Every turn (parameters, metrics, reward) is recorded.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from pydantic import BaseModel

from sizing.reward import turn_reward
from sizing.template import Metrics, Spec, Template, simulate

METHODS = ("ours", "tpe", "random")


class Turn(BaseModel):
    """One simulation of a trajectory."""

    turn: int
    method: str
    params: dict[str, float]
    metrics: Metrics
    reward: float
    note: str = ""


class Run:
    """A budgeted sequence of simulations with its trajectory."""

    def __init__(self, template: Template, specs: dict[str, Spec], budget: int, method: str,
                 on_turn: Callable[[Turn], None] | None = None) -> None:
        self.template, self.specs, self.budget, self.method = template, specs, budget, method
        self.turns: list[Turn] = []
        self.on_turn = on_turn

    @property
    def left(self) -> int:
        """Simulations left in the budget."""
        return self.budget - len(self.turns)

    def evaluate(self, params: dict[str, float], note: str = "") -> float:
        """Simulate, score and record one sizing; its reward."""
        metrics = simulate(self.template, params)
        turn = Turn(turn=len(self.turns) + 1, method=self.method, params=params, metrics=metrics,
                    reward=round(turn_reward(metrics, self.specs), 6), note=note)
        self.turns.append(turn)
        if self.on_turn:
            self.on_turn(turn)
        return turn.reward

    def best(self) -> Turn:
        """The best turn so far."""
        return max(self.turns, key=lambda t: t.reward)


def _unit_to_params(template: Template, unit: dict[str, float]) -> dict[str, float]:
    return {k: template.params[k].from_unit(u) for k, u in unit.items()}


def random_search(run: Run, seed: int) -> None:
    """Uniform samples in the (log-)ranges."""
    rng = random.Random(seed)
    while run.left > 0:
        run.evaluate(_unit_to_params(run.template, {k: rng.random() for k in run.template.params}))


def tpe(run: Run, seed: int) -> None:
    """optuna's TPE sampler (its first 10 trials are random, as optuna does by default)."""
    import optuna

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    while run.left > 0:
        trial = study.ask()
        params = {k: trial.suggest_float(k, p.low, p.high, log=p.log) for k, p in run.template.params.items()}
        study.tell(trial, run.evaluate(params))


def ours(run: Run, seed: int, step: float = 0.08, min_step: float = 0.005) -> None:
    """gm/Id first sizing, then pattern search in the unit cube around the best point."""
    rng = random.Random(seed)
    start = run.template.start(run.specs)
    unit = {k: run.template.params[k].to_unit(start.get(k, run.template.params[k].from_unit(0.5)))
            for k in run.template.params}
    best = run.evaluate(_unit_to_params(run.template, unit), note="gm/Id first sizing")
    names = list(run.template.params)
    while run.left > 0 and step >= min_step:
        rng.shuffle(names)
        improved = False
        for name in names:
            for sign in (1, -1):
                if run.left <= 0:
                    return
                trial = {**unit, name: min(1.0, max(0.0, unit[name] + sign * step))}
                if trial[name] == unit[name]:
                    continue
                reward = run.evaluate(_unit_to_params(run.template, trial), note=f"{name} {'+' if sign > 0 else '-'}")
                if reward > best:
                    best, unit, improved = reward, trial, True
                    break
        if not improved:
            step /= 2


OPTIMISERS: dict[str, Callable[[Run, int], None]] = {"ours": ours, "tpe": tpe, "random": random_search}


def optimise(template: Template, specs: dict[str, Spec], budget: int, method: str, seed: int = 0,
             on_turn: Callable[[Turn], None] | None = None) -> Run:
    """Run one optimiser to its budget; the Run holds the trajectory."""
    run = Run(template, specs, budget, method, on_turn)
    OPTIMISERS[method](run, seed)
    return run
