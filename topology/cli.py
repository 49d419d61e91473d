"""`ioring topology eval` and `ioring topology generate`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from adaptor.errors import UserError
from adaptor.load import read_text
from ioring.args import finite_float, positive_float, positive_int
from ioring.files import write_text_atomic
from topology.evaluate import Conditions, evaluate
from topology.hashing import recognise
from topology.netlist import parse
from topology.validity import check


GENERATE_MAX_PERIODS = 800  # candidates that do not settle by then are reported unsettled


def _conditions(args: argparse.Namespace, **extra: object) -> Conditions:
    try:
        return Conditions(vin=args.vin, duty=args.duty, fsw=args.fsw, load=args.load, **extra)
    except ValueError as exc:
        raise UserError(f"bad operating point: {exc.errors()[0]['loc'][0]} {exc.errors()[0]['msg']}",  # type: ignore[attr-defined]
                        "vin > 0, 0 < duty < 1, fsw > 0, load > 0") from None


def cmd_eval(args: argparse.Namespace) -> int:
    """Validate and simulate one netlist; print JSON (vout, efficiency, ripple, settled, …)."""
    path = Path(args.netlist)
    topology = parse(read_text(path, "pass a netlist in the topology text format"), str(path))
    problems = check(topology)
    if problems:
        for p in problems:
            print(p.line(), file=sys.stderr)
        raise UserError(f"{path}: the topology cannot be simulated ({len(problems)} problem(s))",
                        "fix the findings above")
    result = evaluate(topology, _conditions(args))
    print(json.dumps({"name": recognise(topology), **result.model_dump()}, indent=2))
    return 0 if result.error is None else 1


def cmd_generate(args: argparse.Namespace) -> int:
    """Generate candidates (random search, or an LLM) and write their assessment."""
    from topology.generate import llm_search, random_search

    cond = _conditions(args, max_periods=GENERATE_MAX_PERIODS)
    if args.llm:
        from agent.config import load_config
        from agent.llm import call, chat_model

        config = load_config()
        if not config.configured:
            raise UserError("--llm, but no LLM is configured", "set IORING_LLM_BASE_URL (see the README)")
        model = chat_model(config)
        result = llm_search(lambda prompt: call(model, [{"role": "user", "content": prompt}], structured=False)[0],
                            args.n, cond, args.target, not args.no_simulate)
    else:
        result = random_search(args.n, args.seed, cond, not args.no_simulate)
    write_text_atomic(args.output, json.dumps(result, indent=2) + "\n")
    print(f"validity {result['validity_rate']:.3f}, duplicates {result['duplicate_rate']:.3f}, "
          f"named {result['named'] or 'none'}; wrote {args.output}", file=sys.stderr)
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `ioring topology …`."""
    top = sub.add_parser("topology", help="power-converter topologies: evaluate and generate")
    tsub = top.add_subparsers(dest="topology_command", required=True, metavar="COMMAND")
    for name, func, helptext in (("eval", cmd_eval, "simulate one netlist"),
                                 ("generate", cmd_generate, "generate and assess candidates")):
        p = tsub.add_parser(name, help=helptext)
        if name == "eval":
            p.add_argument("netlist", metavar="NETLIST")
        else:
            p.add_argument("--n", type=positive_int, default=50)
            p.add_argument("--seed", type=int, default=0)
            p.add_argument("-o", "--output", required=True, metavar="FILE.json")
            p.add_argument("--llm", action="store_true", help="let the configured LLM propose the netlists")
            p.add_argument("--target", type=finite_float, default=5.0, help="output voltage to ask the LLM for")
            p.add_argument("--no-simulate", action="store_true", help="validate and hash only")
        p.add_argument("--vin", type=positive_float, default=12.0)
        p.add_argument("--duty", type=positive_float, default=0.45)
        p.add_argument("--fsw", type=positive_float, default=100e3)
        p.add_argument("--load", type=positive_float, default=None, help="load in Ω (default: the netlist's)")
        p.set_defaults(func=func)
