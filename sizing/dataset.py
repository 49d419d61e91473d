"""Inverse-design dataset diagnostics: sample and simulate a template, then score how learnable the
inverse map (metrics → parameters) is around each point.

Per point, over KD-trees (scipy cKDTree) with k ≥ 3·(d+1) neighbours: forward and inverse
local linearity (mean R² of local linear fits), local variance and non-injectivity of the
inverse map (see ``diagnose``). Distributions are plotted as PNG.
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import numpy as np
from scipy.spatial import cKDTree

from sizing.template import load_template, simulate

TARGETS = ("gain_db", "log10_ugbw", "pm_deg", "log10_power")


def generate(template_name: str, n: int, seed: int = 0) -> dict[str, Any]:
    """``n`` random sizings and their metrics (failed simulations are dropped and counted)."""
    template = load_template(template_name)
    rng = random.Random(seed)
    names = list(template.params)
    rows_x, rows_y, failed = [], [], 0
    for _ in range(n):
        unit = [rng.random() for _ in names]
        m = simulate(template, {k: template.params[k].from_unit(u) for k, u in zip(names, unit)})
        if m.error or m.ugbw_hz is None or m.pm_deg is None or not m.power_w or m.power_w <= 0:
            failed += 1
            continue
        rows_x.append(unit)
        rows_y.append([m.gain_db, math.log10(m.ugbw_hz), m.pm_deg, math.log10(m.power_w)])
    return {"template": template.name, "params": names, "targets": list(TARGETS), "x_unit": rows_x, "y": rows_y,
            "failed": failed, "seed": seed}


def _local_r2(points: np.ndarray, values: np.ndarray, neighbours: np.ndarray) -> np.ndarray:
    """Per point: mean R² of linear fits of ``values`` on ``points`` over its neighbours."""
    out = np.empty(len(points))
    for i, idx in enumerate(neighbours):
        a = np.hstack([points[idx], np.ones((len(idx), 1))])
        coef, *_ = np.linalg.lstsq(a, values[idx], rcond=None)
        resid = values[idx] - a @ coef
        total = ((values[idx] - values[idx].mean(axis=0)) ** 2).sum(axis=0)
        out[i] = float(np.mean(1 - (resid ** 2).sum(axis=0) / np.where(total > 0, total, 1.0)))
    return out


def diagnose(data: dict[str, Any], k: int | None = None, radius: float = 0.15) -> dict[str, Any]:
    """Per point: forward and inverse local linearity, local variance and non-injectivity, with medians.

    Forward: neighbours in parameter space, targets fitted on parameters. Inverse (the map an
    inverse-design model learns): neighbours in normalised target space, parameters fitted on
    targets; local variance is the spread of the parameters of those neighbours, and
    non-injectivity the largest parameter distance among points whose targets lie within
    ``radius`` (normalised units) of the point's.
    """
    x = np.asarray(data["x_unit"], dtype=float)
    y = np.asarray(data["y"], dtype=float)
    n, d = x.shape
    k = max(k or 3 * (d + 1), 3 * (d + 1), 3 * (y.shape[1] + 1))
    if n <= k:
        raise ValueError(f"{n} points are too few for k = {k} neighbours; generate more")
    y = (y - y.mean(axis=0)) / np.where(y.std(axis=0) > 0, y.std(axis=0), 1.0)
    forward = _local_r2(x, y, cKDTree(x).query(x, k=k)[1])
    ytree = cKDTree(y)
    near_y = ytree.query(y, k=k)[1]
    inverse = _local_r2(y, x, near_y)
    variance = np.array([float(np.mean(x[idx].var(axis=0))) for idx in near_y])
    injectivity = np.zeros(n)
    for i, group in enumerate(ytree.query_ball_point(y, r=radius)):
        if len(group) > 1:
            xs = x[group]
            injectivity[i] = float(np.max(np.linalg.norm(xs - x[i], axis=-1)))
    per_point = {"forward_linearity": forward, "inverse_linearity": inverse, "local_variance": variance,
                 "non_injectivity": injectivity}
    return {"points": n, "dims": d, "k": k, "radius": radius,
            "median": {name: float(np.median(v)) for name, v in per_point.items()},
            "per_point": {name: v.tolist() for name, v in per_point.items()}}


def plot(report: dict[str, Any], path: Path) -> None:
    """Histograms of the per-point scores."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(report["per_point"]), figsize=(14, 3.2))
    for ax, (name, values) in zip(axes, report["per_point"].items()):
        ax.hist(values, bins=30, color="#3465be")
        ax.set_title(f"{name} (median {report['median'][name]:.2f})")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def save(data: dict[str, Any], path: Path) -> None:
    """Write a dataset as JSON."""
    path.write_text(json.dumps(data) + "\n")
