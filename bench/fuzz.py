"""Adversarial inputs over the whole CLI, counted per command and outcome (issue 18).

    python -m bench.fuzz [--seed 0] [--budget 6] [--mutations 40] [--json bench/results/fuzz.json]

Each command gets a fixed catalogue of bad inputs (the issue's list: deep nesting, binary files,
JSON lists, 100k pads, broken goldens and suites, out-of-range options, existing folders as
outputs, thread ids and technologies that are paths, foreign folders holding user files) and
``budget`` seeded random ones (random bytes, random JSON values, mutated example intents). Every
run happens in-process in a fresh temporary folder that is also ``$IORING_HOME``; outcomes are the
exit code (a raised exception counts as exit 1, like the interpreter), ``traceback`` (an exception
escaped or a traceback was printed), ``partial`` (exit ≥ 2 or a crash, yet files were written, or a hidden
temporary folder was left), ``unsafe`` (a file outside the output folder was deleted or written,
or an input that must be refused was accepted). Mutations: random edits of the example intents;
those ``ioring validate`` accepts are built and checked, counting rings that fail DRC/LVS.
Nothing is written outside the temporary folders except the JSON report.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
SPEC = (ROOT / "examples" / "specs" / "mixed_4x4.txt").read_text()
ROLES = ("analog_io", "analog_vdd_provider", "analog_vss_provider", "analog_vdd_consumer", "analog_vss_consumer",
         "digital_io", "core_vdd", "core_vss", "io_vdd", "io_vss")
CELLS = ("sg13g2_Filler200", "sg13g2_RCClampResistor", "sg13g2_IOPadVdd", "sg13g2_IOPadIOVss", "sg13g2_IOPadIn",
         "sg13g2_IOPadAnalog", "sg13g2_IOPadOut16mA", "sg13g2_IOPadInOut4mA", "sg13g2_Corner", "no_such_cell")
SIDES = ("left", "right", "top", "bottom")
OUTCOMES = ("runs", "exit0", "exit1", "exit2", "exit3", "traceback", "partial", "unsafe", "max_s")


# --- inputs ----------------------------------------------------------------------------------------


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value (objects and lists up to 4 deep)."""
    kind = rng.randrange(7 if depth < 4 else 4)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 1, 7, 10**30, 1.5, -1e308])
    if kind == 2:
        return rng.choice(["", "x", "../../escape", "<script>", "left_0", "VDD", "é" * 3, "a/b"])
    if kind == 3:
        return rng.choice([[], {}])
    if kind in (4, 5):
        keys = ["pads", "ring", "domains", "name", "x", "instances", "ring_config"]
        return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(1, 4))}
    return [random_json(rng, depth + 1) for _ in range(rng.randrange(1, 4))]


def _any_pad(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    return rng.choice(doc["pads"])


def _supply_nets(doc: dict[str, Any]) -> list[str]:
    return [v for d in doc["domains"] for k, v in d.items() if k not in ("kind", "name")]


def _swap(a: dict[str, Any], b: dict[str, Any]) -> None:
    a["position"], b["position"] = b["position"], a["position"]


MUTATIONS: dict[str, Callable[[dict[str, Any], random.Random], None]] = {
    "rename": lambda d, r: _any_pad(d, r).update(name=r.choice(["X1", "VREF2", "SIG", *_supply_nets(d)])),
    "move": lambda d, r: _any_pad(d, r).update(position=f"{r.choice(SIDES)}_{r.randrange(9)}"),
    "swap": lambda d, r: _swap(_any_pad(d, r), _any_pad(d, r)),
    "role": lambda d, r: _any_pad(d, r).update(role=r.choice(ROLES)),
    "domain": lambda d, r: _any_pad(d, r).update(domain=r.choice([x["name"] for x in d["domains"]])),
    "direction": lambda d, r: _any_pad(d, r).update(direction=r.choice(["in", "out", "inout"])),
    "drive": lambda d, r: _any_pad(d, r).update(drive_ma=r.choice([1, 4, 16, 30])),
    "cell": lambda d, r: _any_pad(d, r).update(cell=r.choice(CELLS)),
    "delete": lambda d, r: d["pads"].remove(_any_pad(d, r)) if len(d["pads"]) > 1 else None,
    "duplicate": lambda d, r: d["pads"].append(copy.deepcopy(_any_pad(d, r))),
    "count": lambda d, r: d["ring"]["pads"].update({r.choice(SIDES): r.randrange(1, 10)}),
}


def mutate(doc: dict[str, Any], rng: random.Random, n: int = 1) -> tuple[dict[str, Any], list[str]]:
    """A copy of an intent document with ``n`` random edits, and the names of the edits."""
    doc, names = copy.deepcopy(doc), []
    for _ in range(n):
        name = rng.choice(sorted(MUTATIONS))
        MUTATIONS[name](doc, rng)
        names.append(name)
    return doc, names


def _example(name: str) -> dict[str, Any]:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text())


def _golden(**change: Any) -> str:
    from adaptor.amsio import to_amsio
    from adaptor.load import load_intent

    doc = to_amsio(load_intent(ROOT / "examples" / "mixed_4x4.json"))
    for key, value in change.items():
        if key == "name":
            doc["instances"][0]["name"] = value
        elif key == "net":
            doc["instances"][0]["pin_connection"]["TACVDD"] = {"label": value}
        else:
            doc["ring_config"][key] = value
    return json.dumps(doc)


def named_inputs() -> dict[str, bytes | str]:
    """The fixed catalogue of bad inputs (file contents)."""
    many = {**_example("mixed_4x4"), "pads": [{"name": f"P{k}", "position": f"left_{k}", "role": "analog_io",
                                              "domain": "analog"} for k in range(100_000)]}
    return {
        "empty": "", "binary": bytes(range(256)) * 4, "utf16": "{}".encode("utf-16"), "not_json": "{ not json",
        "json_list": "[1, 2]", "json_scalar": "3", "deep_nesting": "[" * 100_000 + "]" * 100_000,
        "deep_object": '{"a":' * 50_000 + "1" + "}" * 50_000, "huge_int": "1" * 5000,
        "many_pads": json.dumps(many, separators=(",", ":")),
        "tech_path": json.dumps({**_example("mixed_4x4"), "technology": "../../../../../../tmp/nowhere"}),
        "golden_slash": _golden(name="A/B"), "golden_zero": _golden(width=0, height=0),
        "golden_huge": _golden(width=10_000, height=10_000), "golden_bad_net": _golden(net="A B"),
        "spec_zero": SPEC.replace("4 pads per side", "0 pads per side"),
        "spec_huge": SPEC.replace("4 pads per side", "10000 pads per side"),
    }


def random_inputs(rng: random.Random, budget: int) -> dict[str, bytes | str]:
    """``budget`` random byte strings, JSON values and mutated example intents."""
    out: dict[str, bytes | str] = {}
    for k in range(budget):
        out[f"bytes{k}"] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        out[f"json{k}"] = json.dumps(random_json(rng))
        out[f"mutant{k}"] = json.dumps(mutate(_example(rng.choice(EXAMPLES).stem), rng, rng.randrange(1, 4))[0])
    return out


# --- runs ----------------------------------------------------------------------------------------


@dataclass
class Case:
    """One command line to run in a fresh folder; ``{F}`` is the input file, ``{B}`` a built ring."""

    command: str
    argv: list[str]
    content: bytes | str = b""
    setup: Callable[[Path], None] | None = None
    must_refuse: bool = False
    stdin: str = ""
    output: str | None = None
    precious: list[str] = field(default_factory=list)


def _snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size if p.is_file() else -1
            for p in folder.rglob("*") if not p.is_symlink()}


def run_case(case: Case, built: Path) -> dict[str, Any]:
    """Run one case in-process; its outcome."""
    from ioring.cli import main

    with tempfile.TemporaryDirectory(prefix="ioring-fuzz.") as tmp:
        work = Path(tmp) / "work"
        work.mkdir()
        (work / "input").write_bytes(case.content.encode() if isinstance(case.content, str) else case.content)
        shutil.copytree(built, work / "built", ignore=shutil.ignore_patterns("ring.gds"))  # ring.oas is enough
        if case.setup:
            case.setup(work)
        before = _snapshot(Path(tmp))
        argv = [a.replace("{F}", str(work / "input")).replace("{B}", str(work / "built")) for a in case.argv]
        out, err = io.StringIO(), io.StringIO()
        old_cwd, old_stdin, old_home = os.getcwd(), sys.stdin, os.environ.get("IORING_HOME")
        os.chdir(work)
        os.environ["IORING_HOME"] = str(Path(tmp) / "home")
        sys.stdin = io.StringIO(case.stdin)
        escaped, start = False, time.perf_counter()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        except BaseException:  # noqa: BLE001 (the interpreter would print a traceback and exit 1)
            code, escaped = 1, True
        finally:
            seconds = time.perf_counter() - start
            os.chdir(old_cwd)
            sys.stdin = old_stdin
            os.environ.pop("IORING_HOME") if old_home is None else os.environ.update(IORING_HOME=old_home)
        after = _snapshot(Path(tmp))
        new = {p for p in after if p not in before and not p.startswith("home/")}
        hidden = {p for p in new if any(part.startswith(".") and part != ".ioring-build" for part in Path(p).parts)}
        lost = [p for p in case.precious if not (work / p).exists()]
        allowed = ("home/", "work/built/", *((f"work/{case.output}",) if case.output else ()))
        stray = {p for p in new if not p.startswith(allowed)}  # written outside the output folder
    return {"command": case.command, "exit": code,
            "traceback": escaped or "Traceback (most recent call last)" in out.getvalue() + err.getvalue(),
            "partial": bool(hidden) or ((code >= 2 or escaped) and bool(new)),
            "unsafe": bool(lost) or bool(stray) or (case.must_refuse and code in (0, 1)),
            "seconds": round(seconds, 3)}


def _foreign(work: Path) -> None:
    (work / "foreign" / "sub").mkdir(parents=True)
    (work / "foreign" / "precious.txt").write_text("mine")
    (work / "foreign" / "sub" / "thesis.tex").write_text("mine")


def _victim(work: Path) -> None:
    _foreign(work)
    (work / "spec.txt").write_text(SPEC)


def _suite(kind: str) -> Callable[[Path], None]:
    def setup(work: Path) -> None:
        tier = work / "suite" / ("unsat" if kind == "error" else "simple")
        tier.mkdir(parents=True)
        (tier / "c1.txt").write_text(SPEC)
        shutil.copy(work / "input", tier / f"c1.{kind}.json")
    return setup


def file_cases(name: str, content: bytes | str) -> list[Case]:
    """Every command that reads a file, on ``content``."""
    spec_like = name.startswith(("spec", "bytes", "json", "empty", "binary", "utf16", "not_json", "deep"))
    cases = [Case("validate", ["validate", "{F}"], content), Case("export", ["export", "{F}"], content),
             Case("convert --from", ["convert", "{F}", "--from", "ams-io-bench"], content),
             Case("convert --to", ["convert", "{F}", "--to", "ams-io-bench"], content),
             Case("build", ["build", "{F}", "-o", "out"], content, output="out"),
             Case("topology eval", ["topology", "eval", "{F}"], content),
             Case("dataset diagnose", ["dataset", "diagnose", "{F}", "--png", "d.png"], content, output="d.png"),
             Case("bench", ["bench", "suite", "-o", "bout"], content, setup=_suite("expected"), output="bout"),
             Case("bench", ["bench", "suite", "-o", "bout"], content, setup=_suite("error"), output="bout"),
             Case("plan", ["plan", "{F}", "-o", "plan.json"], content, output="plan.json")]
    if not name.startswith("mutant"):  # mutants run the checks: kept to the catalogue and budget below
        cases.append(Case("check --intent", ["check", "{B}", "--intent", "{F}"], content,
                          must_refuse=name == "tech_path"))
    if spec_like:
        cases.append(Case("design", ["design", "{F}", "-o", "out", "--planner", "rules"], content, output="out"))
    return cases


def option_cases() -> list[Case]:
    """Out-of-range options, outputs that are existing folders, paths that must be refused."""
    example = str(ROOT / "examples" / "mixed_4x4.json")
    cases = [Case("check --timeout", ["check", "{B}", "--timeout", t], must_refuse=True)
             for t in ("nan", "inf", "-1", "0")]
    cases += [Case("bench --workers", ["bench", "suite", "-o", "bout", "--workers", w], _example_text(),
                   setup=_suite("expected"), must_refuse=True) for w in ("0", "-1")]
    cases += [Case("review -o DIR", ["review", "{B}", "-o", "existing"], setup=lambda w: (w / "existing").mkdir()),
              Case("build -o .", ["build", example, "-o", "."], must_refuse=True),
              Case("build -o FOREIGN", ["build", example, "-o", "foreign"], setup=_foreign, must_refuse=True,
                   precious=["foreign/precious.txt", "foreign/sub/thesis.tex"]),
              Case("build -o PARENT", ["build", "{F}", "-o", ".."], _example_text(), must_refuse=True),
              Case("chat --thread", ["chat", "--thread", "../../work/foreign", "--planner", "rules"], setup=_victim,
                   stdin="/load spec.txt\n", must_refuse=True, precious=["foreign/precious.txt"])]
    return cases


def _example_text() -> str:
    return (ROOT / "examples" / "mixed_4x4.json").read_text()


def mutation_stats(rng: random.Random, n: int, work: Path) -> dict[str, Any]:
    """Of ``n`` mutated examples: how many validate accepts, build builds, and check finds dirty."""
    from adaptor.build import build
    from adaptor.validate import validate_data
    from verify.check import run_check

    stats: Counter[str] = Counter()
    failures = []
    for k in range(n):
        doc, edits = mutate(_example(rng.choice(EXAMPLES).stem), rng, rng.randrange(1, 3))
        stats["mutants"] += 1
        result = validate_data(doc)
        if not result.valid:
            continue
        stats["accepted"] += 1
        try:
            build(result.intent, work / f"m{k}")
        except Exception:  # noqa: BLE001 (counted: an accepted intent that does not build)
            stats["build_failed"] += 1
            continue
        checks = run_check(work / f"m{k}")
        if not (checks["drc"]["clean"] and checks["lvs"]["clean"]):
            stats["check_failed"] += 1
            failures.append({"edits": edits, "rules": sorted({f["rule"] for r in checks.values()
                                                              for f in r["findings"]})})
    return {**stats, "failures": failures[:20]}


def table(rows: dict[str, dict[str, float]]) -> str:
    """The outcome counts as a Markdown table."""
    lines = ["| command | " + " | ".join(OUTCOMES) + " |", "|---" * (len(OUTCOMES) + 1) + "|"]
    for command, row in rows.items():
        lines.append(f"| {command} | " + " | ".join(f"{row.get(o, 0):g}" for o in OUTCOMES) + " |")
    return "\n".join(lines) + "\n"


def fuzz(seed: int = 0, budget: int = 6, mutations: int = 0, named: bool = True) -> dict[str, Any]:
    """Run the catalogue, ``budget`` random inputs and ``mutations`` mutated intents; the counts."""
    from adaptor.build import build
    from adaptor.load import load_intent

    rng = random.Random(seed)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ioring-fuzz.") as tmp:
        built = Path(tmp) / "built"
        build(load_intent(ROOT / "examples" / "mixed_4x4.json"), built)
        inputs = {**(named_inputs() if named else {}), **random_inputs(rng, budget)}
        cases = [c for name, content in inputs.items() for c in file_cases(name, content)]
        cases += option_cases() if named else []
        rows: dict[str, Counter[str]] = {}
        for case in cases:
            result = run_case(case, built)
            row = rows.setdefault(case.command, Counter())
            row["runs"] += 1
            row[f"exit{result['exit']}" if result["exit"] in (0, 1, 2, 3) else "exit3"] += 1
            for key in ("traceback", "partial", "unsafe"):
                row[key] += int(result[key])
            row["max_s"] = max(row["max_s"], result["seconds"])
        stats = mutation_stats(rng, mutations, Path(tmp)) if mutations else {}
    total = Counter()
    for row in rows.values():
        total.update({k: v for k, v in row.items() if k != "max_s"})
    total["max_s"] = max((r["max_s"] for r in rows.values()), default=0)
    rows["total"] = total
    return {"seed": seed, "budget": budget, "seconds": round(time.perf_counter() - start, 1),
            "commands": {k: dict(v) for k, v in rows.items()}, "mutations": stats}


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer, print the table, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--budget", type=int, default=6, help="random inputs of each kind")
    parser.add_argument("--mutations", type=int, default=40, help="mutated intents to validate, build and check")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "fuzz.json"))
    args = parser.parse_args(argv)
    report = fuzz(args.seed, args.budget, args.mutations)
    sys.stdout.write(table(report["commands"]))
    print(json.dumps({k: v for k, v in report["mutations"].items() if k != "failures"}))
    Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    print(f"({report['seconds']} s; wrote {args.json})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
