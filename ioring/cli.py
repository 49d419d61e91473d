"""The ``ioring`` command line. Exit codes: 0 ok, 1 checks found violations, 2 bad input, 3 internal error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adaptor.errors import IntentError, UserError
from adaptor.findings import Finding, errors
from adaptor.intent import IntentGraph
from adaptor.load import SCHEMA_PATH, dump_intent, read_json
from exports import FORMAT_NAMES
from ioring import __version__
from ioring.args import port, positive_float, positive_int
from ioring.boundary import guarded
from ioring.files import check_output_dir, write_text_atomic

if TYPE_CHECKING:  # the modules behind these are imported by the commands that use them (`ioring check` starts faster)
    from adaptor.validate import Validation

EXIT_OK, EXIT_VIOLATIONS, EXIT_BAD_INPUT = 0, 1, 2
FORMATS = ("ams-io-bench",)


def _emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output:
        write_text_atomic(output, text)
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def _print_findings(findings: list[Finding]) -> None:
    for finding in findings:
        print(finding.line(), file=sys.stderr)


def _usable_intent(path: str) -> IntentGraph:
    """Schema-valid intent whose pads all refer to defined domains; other findings are warnings."""
    from adaptor.validate import validate_data

    result = validate_data(read_json(path), path)
    blocking = [f for f in result.findings if f.rule in ("schema", "domain.unknown")]
    if result.intent is None or blocking:
        raise IntentError(path, blocking or result.findings)
    if errors(result.findings):
        print(f"{path}: note, the intent breaks {len(errors(result.findings))} design rule(s):", file=sys.stderr)
        _print_findings(result.findings)
    return result.intent


def cmd_validate(args: argparse.Namespace) -> int:
    """Schema and rule checks; exit 0 when valid, 2 with the findings when not."""
    from adaptor.validate import validate_data

    result: Validation = validate_data(read_json(args.intent), args.intent)
    if args.json:
        print(json.dumps({"file": args.intent, "valid": result.valid,
                          "findings": [f.model_dump(mode="json") for f in result.findings]}, indent=2))
    else:
        _print_findings(result.findings)
        print(f"{args.intent}: {'valid' if result.valid else 'INVALID'} "
              f"({len(errors(result.findings))} error(s), "
              f"{len(result.findings) - len(errors(result.findings))} warning(s))")
    return EXIT_OK if result.valid else EXIT_BAD_INPUT


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the intent-graph JSON Schema."""
    sys.stdout.write(SCHEMA_PATH.read_text())
    return EXIT_OK


def _design_name(path: Path) -> str:
    """The case id: the golden's folder name for ``<case>/io_ring_intent_graph.json``, else the stem."""
    return path.parent.name if path.stem == "io_ring_intent_graph" and path.parent.name else path.stem


def cmd_convert(args: argparse.Namespace) -> int:
    """Convert between our intent graph and the AMS-IO-Bench golden format."""
    from adaptor.amsio import from_amsio, to_amsio
    from adaptor.validate import validate_data

    if bool(args.source_format) == bool(args.target_format):
        raise UserError("convert needs exactly one of --from and --to",
                        "e.g. `ioring convert golden.json --from ams-io-bench -o intent.json`")
    if args.source_format:
        path = Path(args.file)
        intent = from_amsio(read_json(path), _design_name(path), str(path))
        rule_errors = errors(validate_data(intent.model_dump(mode="json"), str(path)).findings)
        if rule_errors:
            print(f"{path}: note, the converted intent breaks {len(rule_errors)} design rule(s):", file=sys.stderr)
            _print_findings(rule_errors)
        _emit(dump_intent(intent), args.output)
    else:
        _emit(json.dumps(to_amsio(_usable_intent(args.file)), indent=2) + "\n", args.output)
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """Lay out a rule-valid intent: GDS, OASIS, netlists, picture and summaries in one folder."""
    from adaptor.build import build
    from adaptor.load import load_intent

    intent = load_intent(args.intent)
    result = build(intent, check_output_dir(args.output, args.force, [args.intent]))
    counts = ", ".join(f"{n} {k}s" for k, n in result["counts"].items())
    w, h = result["die_um"]
    print(f"wrote {args.output}/ ({counts}; die {w:g} x {h:g} um; {result['timings_s']['total']:.2f} s)",
          file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """DRC and LVS of a built ring against its intent; reports written beside it."""
    from verify.check import print_check, resolve, run_check

    intent = Path(args.intent) if args.intent else None
    result = run_check(Path(args.target), intent, args.timeout, args.lvsdb)
    return print_check(result, f"the intent {resolve(Path(args.target), intent)[1]}")


def cmd_review(args: argparse.Namespace) -> int:
    """The tape-out review page of a build folder (running the checks first when needed)."""
    from verify.check import run_check
    from verify.review import render_review, stale_reports

    folder = Path(args.folder)
    output = args.output or str(folder / "review.html")
    if Path(output).is_dir():
        raise UserError(f"{output}: is a folder", "pass a file name for -o, e.g. -o review.html")
    if folder.is_dir() and stale_reports(folder):
        run_check(folder)
    write_text_atomic(output, render_review(folder))
    print(f"wrote {output}", file=sys.stderr)
    return EXIT_OK


def cmd_signoff(args: argparse.Namespace) -> int:
    """The foundry's DRC deck on a built ring, with proven waivers; signoff.json beside it."""
    from verify.signoff import print_signoff, run_signoff

    return print_signoff(run_signoff(Path(args.folder), args.deck, args.pdk_root, args.timeout, args.pdkmaster))


def cmd_bench(args: argparse.Namespace) -> int:
    """Run a benchmark suite and write results, summary and plots."""
    from bench.report import write_reports
    from bench.runner import run_suite
    from bench.suite import load_suite

    suite = Path(args.suite)
    cases = load_suite(suite)
    out = Path(args.output)
    results = run_suite(cases, args.planner, out, args.workers, args.dask)
    sys.stdout.write(write_reports(results, out, suite.name))
    print(f"wrote {out}/ (results.json, results.csv, summary.md, pass_rate_by_tier.png, time_vs_size.png)",
          file=sys.stderr)
    return EXIT_OK


def cmd_ui(args: argparse.Namespace) -> int:
    """Start the Streamlit chat app."""
    app = Path(__file__).resolve().parent.parent / "ui" / "app.py"
    print(f"ioring ui on http://{args.address}:{args.port}", file=sys.stderr)
    sys.stderr.flush()
    # exec, not a child: stopping `ioring ui` (SIGTERM, Ctrl-C) stops the server itself, no orphan
    os.execv(sys.executable, [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(args.port),
                              "--server.address", args.address, "--server.headless", "true",
                              "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal"])


def cmd_export(args: argparse.Namespace) -> int:
    """The semantic record (reference page §3) of an intent, or a built ring in the open-flow formats."""
    from adaptor.semantic import semantic_record

    folder = Path(args.intent).is_dir()
    if args.format == "semantic":
        intent = str(Path(args.intent) / "intent.json") if folder else args.intent
        record: dict[str, Any] = semantic_record(_usable_intent(intent))
        _emit(json.dumps(record, indent=2) + "\n", args.output)
        return EXIT_OK
    if not folder:
        raise UserError(f"{args.intent}: --format {args.format} exports a built ring folder, not a file",
                        f"build it first: `ioring build INTENT.json -o DIR`, then `ioring export DIR --format "
                        f"{args.format}`")
    from exports.export import export

    target, names = export(args.intent, args.format, args.output)
    print(f"wrote {target}/ ({', '.join(names)})", file=sys.stderr)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser, sub = _core_parser()
    _add_plugin_commands(sub)
    return parser


def _core_parser() -> tuple[argparse.ArgumentParser, Any]:
    """The parser with the commands defined in this module, and its subparsers (to add more to)."""
    parser = argparse.ArgumentParser(prog="ioring", description=__doc__)
    parser.add_argument("--version", action="version", version=f"ioring {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check an intent graph against the schema and the design rules")
    p.add_argument("intent", metavar="INTENT.json")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build", help="lay out an intent: GDS/OASIS, SPICE, Verilog, picture, placement")
    p.add_argument("intent", metavar="INTENT.json")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace DIR even if ioring did not write it")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("check", help="DRC and LVS of a built ring (drc.json, lvs.json, drc.lyrdb, lvs.lvsdb)")
    p.add_argument("target", metavar="DIR|LAYOUT", help="a folder written by `ioring build`, or a GDS/OASIS file")
    p.add_argument("--intent", metavar="INTENT.json", help="the intent to check against (default: DIR/intent.json)")
    p.add_argument("--timeout", type=positive_float, default=300.0, help="seconds before the checks are stopped")
    p.add_argument("--lvsdb", action="store_true", help="write lvs.lvsdb even when LVS is clean")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("signoff", help="the foundry's KLayout DRC deck on a built ring, with proven waivers "
                                       "(signoff.json, signoff_<deck>.lyrdb)")
    p.add_argument("folder", metavar="DIR", help="a folder written by `ioring build`")
    p.add_argument("--deck", metavar="FILE", help="a KLayout DRC deck (default: the technology's deck under PDK_ROOT)")
    p.add_argument("--pdk-root", metavar="P", help="default: $PDK_ROOT")
    p.add_argument("--timeout", type=float, default=900.0, help="seconds before each deck is stopped")
    p.add_argument("--pdkmaster", action="store_true", help="also run PDKMaster's deck of the technology ([pdk] "
                   "extra; 2-4 min); the only deck of a technology without a foundry deck here (sky130)")
    p.set_defaults(func=cmd_signoff)

    p = sub.add_parser("review", help="a self-contained HTML page for a tape-out prep review of a build folder")
    p.add_argument("folder", metavar="DIR")
    p.add_argument("-o", "--output", metavar="review.html", help="default: DIR/review.html")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("bench", help="run a benchmark suite (ours or AMS-IO-Bench layout) and score it")
    p.add_argument("suite", metavar="SUITE_DIR")
    p.add_argument("-o", "--output", default="bench_out", metavar="OUT")
    p.add_argument("--planner", nargs="+", choices=("rules", "llm"), default=["rules"])
    p.add_argument("--workers", type=positive_int, default=1, help="cases in parallel (process pool)")
    p.add_argument("--dask", metavar="ADDRESS", help="run the cases on a Dask distributed scheduler")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("ui", help="start the chat web app (Streamlit)")
    p.add_argument("--port", type=port, default=8501)
    p.add_argument("--address", default="127.0.0.1", help="address to listen on (0.0.0.0 for all)")
    p.set_defaults(func=cmd_ui)

    p = sub.add_parser("schema", help="print the intent-graph JSON Schema")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("convert", help="convert to or from the AMS-IO-Bench golden format")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--from", dest="source_format", choices=FORMATS, help="FILE is in this format")
    p.add_argument("--to", dest="target_format", choices=FORMATS, help="write this format")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("export", help="export an intent (semantic record) or a built ring (DEF, LEF, OpenROAD, "
                                      "LibreLane, bonding list, pin list)")
    p.add_argument("intent", metavar="INTENT.json|DIR", help="an intent, or a folder written by `ioring build`")
    p.add_argument("--format", choices=("semantic", *FORMAT_NAMES, "all"), default="semantic")
    p.add_argument("-o", "--output", help="semantic: output file (default: standard output); other formats: an "
                                          "empty or new folder (default: DIR/export)")
    p.set_defaults(func=cmd_export)
    return parser, sub


def _add_plugin_commands(sub: Any) -> None:
    """The spec-driven, topology and sizing commands (their modules import the planner: ~0.3 s)."""
    from agent.cli import add_commands  # spec-driven commands live with the agent
    from sizing.cli import add_commands as add_sizing_commands
    from topology.cli import add_commands as add_topology_commands

    add_commands(sub)
    add_topology_commands(sub)
    add_sizing_commands(sub)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; user mistakes print a message and return 2, bugs return 3, never a traceback."""
    argv = sys.argv[1:] if argv is None else argv
    parser, sub = _core_parser()
    command = next((a for a in argv if not a.startswith("-")), None)
    if command not in sub.choices:  # `ioring check` starts without importing the planner
        _add_plugin_commands(sub)
    args = parser.parse_args(argv)
    return guarded(args.command, lambda: int(args.func(args)))
