"""`ioring size` and `ioring size-bench`."""

from __future__ import annotations

import argparse
import json
import re
import sys

from adaptor.errors import UserError
from adaptor.load import read_json
from ioring.args import positive_float, positive_int
from ioring.files import write_text_atomic
from sizing.bench import size_bench, table
from sizing.optimize import METHODS, Turn, optimise
from sizing.template import Spec, load_template

_SPEC = re.compile(r"^(\w+)\s*(>=|<=|=)\s*([-+0-9.eE]+)(?::([-+0-9.eE]+))?$")


def parse_specs(texts: list[str], specsets: dict[str, dict[str, Spec]]) -> dict[str, Spec]:
    """A named spec set (``default``) or expressions ``gain_db>=60``, ``power_w<=4e-4``, ``pm_deg=60:90``."""
    if len(texts) == 1 and texts[0] in specsets:
        return specsets[texts[0]]
    specs: dict[str, Spec] = {}
    for text in texts:
        m = _SPEC.match(text.replace(" ", ""))
        if not m:
            raise UserError(f"cannot read the spec {text!r}",
                            f"use a spec set ({', '.join(specsets)}) or e.g. gain_db>=60, power_w<=4e-4, pm_deg=60:90")
        metric, op, a, b = m.groups()
        if metric not in ("gain_db", "ugbw_hz", "pm_deg", "power_w"):
            raise UserError(f"unknown metric {metric!r}", "metrics: gain_db, ugbw_hz, pm_deg, power_w")
        specs[metric] = Spec(min=float(a) if op in (">=", "=") else None,
                             max=float(b) if b else (float(a) if op == "<=" else None))
    return specs


def cmd_size(args: argparse.Namespace) -> int:
    """Size one template to a spec with a budget; print progress and the best sizing."""
    template = load_template(args.template)
    specs = parse_specs(args.spec or ["default"], template.specs)

    def progress(turn: Turn) -> None:
        m = turn.metrics
        print(f"turn {turn.turn:>3}: reward {turn.reward:.3f}  gain {m.gain_db} dB  ugbw {m.ugbw_hz or 0:.3g} Hz  "
              f"pm {m.pm_deg}°  power {m.power_w or 0:.3g} W  {turn.note}", file=sys.stderr)

    if args.method == "agent":
        from agent.config import load_config
        from agent.llm import chat_model

        config = load_config()
        if config.configured:
            from sizing.agent import llm_size

            print(f"agent: {config.describe()}", file=sys.stderr)
            run, _ = llm_size(chat_model(config), template, specs, args.budget)
            for turn in run.turns:
                progress(turn)
        else:
            print("agent: no LLM configured, using our optimiser", file=sys.stderr)
            run = optimise(template, specs, args.budget, "ours", args.seed, progress)
    else:
        run = optimise(template, specs, args.budget, args.method, args.seed, progress)
    best = run.best()
    print(json.dumps({"template": template.name, "method": args.method, "budget": args.budget,
                      "best_turn": best.turn, "reward": best.reward, "params": best.params,
                      "metrics": best.metrics.model_dump(exclude={"seconds"})}, indent=2))
    if args.export_trajectories:
        lines = [json.dumps({"template": template.name, "specs": {k: v.model_dump() for k, v in specs.items()},
                             **t.model_dump()}) for t in run.turns]
        write_text_atomic(args.export_trajectories, "\n".join(lines) + "\n")
    return 0


def cmd_dataset(args: argparse.Namespace) -> int:
    """Generate a sampled dataset, or diagnose one (JSON report and PNG histograms)."""
    from pathlib import Path

    from sizing.dataset import diagnose, generate, plot, save

    if args.dataset_command == "generate":
        data = generate(args.template, args.n, args.seed)
        save(data, Path(args.output))
        print(f"{len(data['y'])} points ({data['failed']} failed simulations); wrote {args.output}", file=sys.stderr)
        return 0
    path = Path(args.file)
    data = read_json(path)
    if not isinstance(data, dict):
        raise UserError(f"{path}: not a dataset (a JSON object with the sampled points)",
                        "pass a file written by `ioring dataset generate`")
    try:
        report = diagnose(data, args.k, args.radius)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise UserError(f"{path}: cannot diagnose: {exc}", "generate more points or check the file") from None
    png = Path(args.png or path.with_suffix(".png"))
    plot(report, png)
    print(json.dumps({k: v for k, v in report.items() if k != "per_point"}, indent=2))
    print(f"wrote {png}", file=sys.stderr)
    return 0


def cmd_size_bench(args: argparse.Namespace) -> int:
    """The optimiser benchmark table and JSON."""
    results = size_bench(args.budgets, args.seeds, args.templates)
    sys.stdout.write(table(results, args.budgets))
    print(f"({results['_meta']['seconds']} s)", file=sys.stderr)
    write_text_atomic(args.output, json.dumps(results, indent=2) + "\n")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `ioring size` and `ioring size-bench`."""
    p = sub.add_parser("size", help="size an analog circuit template with ngspice")
    p.add_argument("template", metavar="TEMPLATE", help="a template name (ota5t, miller) or folder")
    p.add_argument("--spec", nargs="+", help="a spec set name or expressions like gain_db>=60 power_w<=4e-4")
    p.add_argument("--budget", type=positive_int, default=30, help="simulations")
    p.add_argument("--method", choices=(*METHODS, "agent"), default="ours",
                   help="agent: the LLM turn loop when an LLM is configured, else ours")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--export-trajectories", metavar="FILE.jsonl", help="write every turn as training data")
    p.set_defaults(func=cmd_size)
    p = sub.add_parser("dataset", help="inverse-design datasets: generate, diagnose")
    dsub = p.add_subparsers(dest="dataset_command", required=True, metavar="COMMAND")
    g = dsub.add_parser("generate", help="sample and simulate a template")
    g.add_argument("template", metavar="TEMPLATE")
    g.add_argument("-n", type=positive_int, default=500)
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("-o", "--output", required=True, metavar="FILE.json")
    g.set_defaults(func=cmd_dataset)
    d = dsub.add_parser("diagnose", help="local linearity, local variance, non-injectivity (and PNG)")
    d.add_argument("file", metavar="FILE.json")
    d.add_argument("--k", type=positive_int, default=None, help="neighbours (at least 3·(dims+1))")
    d.add_argument("--radius", type=positive_float, default=0.15, help="radius in the normalised parameter space")
    d.add_argument("--png", metavar="FILE.png")
    d.set_defaults(func=cmd_dataset)
    p = sub.add_parser("size-bench", help="ours vs TPE vs random over budgets, seeds and spec sets")
    p.add_argument("--budgets", type=positive_int, nargs="+", default=[5, 30])
    p.add_argument("--seeds", type=positive_int, default=10)
    p.add_argument("--templates", nargs="+", help="default: all")
    p.add_argument("-o", "--output", required=True, metavar="FILE.json")
    p.set_defaults(func=cmd_size_bench)
