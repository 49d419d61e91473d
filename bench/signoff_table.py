"""Foundry-deck markers per rule and example, before/after, waived/unwaived (for a closing note).

Each ROOT holds one build folder per example (``ROOT/<example>/`` with ``intent.json``,
``ring.gds`` and the deck's ``.lyrdb``). ``--run ROOT`` first builds every example into ROOT and
runs ``ioring signoff`` on it (about a minute per ring on 2 cores; needs PDK_ROOT and the
``klayout`` program). The reports are then read back and the current waivers applied, so the
"before" layouts are judged by the same waivers as the "after" ones.

``--before-json FILE`` takes the "before" numbers from an earlier table's JSON instead (its
"after" column: the last committed numbers), when their build folders are gone.

    python bench/signoff_table.py (--before ROOT | --before-json FILE) --after ROOT [--run ROOT] [-o OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adaptor.build import build  # noqa: E402
from adaptor.load import load_intent  # noqa: E402
from ioring.files import write_text_atomic  # noqa: E402
from verify.signoff import LIBRARY_REPORT, REPORT, assess, run_signoff  # noqa: E402

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


def _report(folder: Path) -> Path | None:
    for name in (REPORT, "ihp.lyrdb"):
        if (folder / name).is_file():
            return folder / name
    return None


def counts(root: Path) -> dict[str, dict[str, Any]]:
    """Example → {rules: {rule: {count, waived, unwaived}}, unwaived, time_s} for every report under ``root``."""
    out = {}
    for example in EXAMPLES:
        folder = root / example.stem
        report = _report(folder)
        if report is None:
            continue
        library = folder / LIBRARY_REPORT
        result = assess(folder, {"ihp": (report, report)}, library if library.is_file() else None)
        times = json.loads((folder / "signoff.json").read_text()).get("decks", []) if (folder / "signoff.json").is_file() else []
        out[example.stem] = {"rules": {r: {k: v[k] for k in ("count", "waived", "unwaived")}
                                       for r, v in result["rules"].items()},
                             "left": [f"{f['rule']} at {f['where']}" for f in result["findings"]
                                      if f["waiver"] is None and f["severity"] == "error"],
                             "by_arrangement": sum(1 for f in result["findings"] if f["proof"] == "arrangement"),
                             "unwaived": result["unwaived"], "waived": result["waived"],
                             "time_s": times[0]["time_s"] if times else None}
    return out


def table(before: dict[str, Any], after: dict[str, Any]) -> str:
    """Markdown: one row per example and rule, markers before and after as ``count (unwaived)``."""
    lines = ["| example | rule | before: markers (unwaived) | after: markers (unwaived) |", "|---|---|---|---|"]
    for example in sorted(set(before) | set(after)):
        b, a = before.get(example, {}).get("rules", {}), after.get(example, {}).get("rules", {})
        for rule in sorted(set(b) | set(a)):
            cell = [f"{x[rule]['count']} ({x[rule]['unwaived']})" if rule in x else "0" for x in (b, a)]
            lines.append(f"| {example} | {rule} | {cell[0]} | {cell[1]} |")
        tb, ta = before.get(example, {}), after.get(example, {})
        took = f", deck {ta['time_s']:g} s" if ta.get("time_s") else ""
        lines.append(f"| **{example}** | **all** | **{sum(v['count'] for v in b.values())} ({tb.get('unwaived', '-')})** "
                     f"| **{sum(v['count'] for v in a.values())} ({ta.get('unwaived', '-')})**{took} |")
    lines.append("\nUnwaived after:\n")
    for example in sorted(after):
        lines += [f"- {example}: {where}" for where in after[example]["left"]] or [f"- {example}: none"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run, count, and write ``OUT.json`` and ``OUT.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    before_from = parser.add_mutually_exclusive_group(required=True)
    before_from.add_argument("--before", type=Path, help="build folders of the examples before the change")
    before_from.add_argument("--before-json", type=Path, help="an earlier OUT.json: its after column is before")
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--run", type=Path, help="build and sign off every example into this root first")
    parser.add_argument("-o", "--output", default="bench/results/signoff", help="path without extension")
    args = parser.parse_args(argv)
    if args.run:
        for example in EXAMPLES:
            folder = args.run / example.stem
            build(load_intent(example), folder)
            run_signoff(folder)
    if args.before_json:
        before = json.loads(args.before_json.read_text())["after"]
    else:
        before = counts(args.before)
    after = counts(args.after)
    text = table(before, after)
    if args.before_json:
        source = (f"before: the numbers of {args.before_json} (its after column, judged with the waivers of that "
                  "time); after: this tree's layouts, with its waivers and, where needed, the run on the ring's "
                  "library cells alone")
    else:
        source = ("waivers from adaptor/technologies/sg13g2/waivers.json applied to both; the before column uses the "
                  "stored cell proofs only, the after column also the run on the ring's library cells alone")
    write_text_atomic(f"{args.output}.md", "# IHP sg13g2_maximal markers per example: before / after\n\n"
                      f"`count (unwaived)`; {source}. Deck times are wall times on the shared, heavily loaded "
                      "2-core machine (unloaded: digital_3x3 50 s, mixed_4x4 62 s).\n\n" + text)
    write_text_atomic(f"{args.output}.json", json.dumps({"before": before, "after": after}, indent=1) + "\n")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
