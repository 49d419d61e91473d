"""The unified turn reward (after TL-GRPO): per-spec scores in [0, 1], their geometric mean, best turn.

A spec is a lower bound, an upper bound or a range. Its score is 1 when met. A miss is
measured relative to the spec value and divided by the tolerance band (``BAND`` = 50 % of
the value), giving x: quadratic decay 1 − 2x² up to x = ½ (score ½), then a cubic (Hermite)
piece down to ``FLOOR`` at x = 1 with matching slopes, and ``FLOOR`` beyond. A range scores
the worse of its two bounds. A turn's reward is the geometric mean over specs; a
trajectory's value is its best turn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sizing.template import Metrics, Spec

BAND = 0.5
FLOOR = 0.01


def band_score(x: float) -> float:
    """Score of a relative miss ``x`` (in band units): 1 at 0, ½ at ½, FLOOR from 1 on."""
    if x <= 0:
        return 1.0
    if x <= 0.5:
        return 1.0 - 2.0 * x * x
    if x >= 1.0:
        return FLOOR
    u = (x - 0.5) / 0.5
    h00, h10, h01 = 2 * u**3 - 3 * u**2 + 1, u**3 - 2 * u**2 + u, -2 * u**3 + 3 * u**2
    return 0.5 * h00 - h10 + FLOOR * h01  # slope −2 at x = ½ (as the quadratic), 0 at x = 1


def spec_score(value: float | None, spec: Spec) -> float:
    """Score of one measured value against one spec (FLOOR when nothing was measured)."""
    if value is None or math.isnan(value):
        return FLOOR
    score = 1.0
    if spec.min is not None:
        score = min(score, band_score(max(0.0, spec.min - value) / abs(spec.min) / BAND if spec.min else 0.0))
    if spec.max is not None:
        score = min(score, band_score(max(0.0, value - spec.max) / abs(spec.max) / BAND if spec.max else 0.0))
    return score


def turn_reward(metrics: Metrics, specs: dict[str, Spec]) -> float:
    """Geometric mean of the spec scores of one simulation (FLOOR for a failed one)."""
    if metrics.error:
        return FLOOR
    scores = [spec_score(metrics.value(name), spec) for name, spec in specs.items()]
    return math.exp(sum(math.log(s) for s in scores) / len(scores))


def trajectory_value(rewards: Iterable[float]) -> float:
    """The best turn."""
    return max(rewards, default=0.0)
