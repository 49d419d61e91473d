"""The designer corpus and the phrasing matrix: counts, golden answers, parts, renderings read back
by real parsers (yaml, tomllib, csv), and the bench's per-style/per-convention report.

No test here asserts a planner pass rate: the corpus measures the planner, it does not pin it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
import yaml

from adaptor.intent import IntentGraph
from adaptor.validate import validate_data
from bench.corpus import make
from bench.corpus.cases import designs
from bench.corpus.families import FAMILIES
from bench.corpus.matrix import render_intent
from bench.corpus.phrases import HOLDOUT_FORMS
from bench.corpus.styles import HOLDOUT_VARIANTS, STYLES
from bench.corpus.unsat import RULES
from bench.corpus.view import from_design, from_intent
from bench.golden import SIDES_CCW, SIDES_CW
from bench.report import write_reports
from bench.suite import load_suite

ROOT = Path(__file__).resolve().parent.parent
SUITES = ROOT / "bench" / "suites"
PARTS = {"tuned": SUITES / "designer", "holdout": SUITES / "designer-holdout"}


@pytest.fixture(scope="module")
def parts():
    return {part: load_suite(folder) for part, folder in PARTS.items()}


@pytest.fixture(scope="module")
def ioring30():
    return [c for c in load_suite(SUITES / "ioring-30") if c.expected is not None]


def test_counts_styles_families_and_parts(parts):
    cases = parts["tuned"] + parts["holdout"]
    sat = [c for c in cases if c.expected is not None]
    unsat = [c for c in cases if c.expected_error]
    assert len(sat) >= 150 and len(unsat) >= 20
    assert len({c.style for c in cases}) >= 12 and {c.style for c in cases} == set(STYLES)
    assert {c.style for c in unsat} == set(STYLES)  # every style also carries a defect
    assert len({c.convention for c in sat}) >= 8 and {c.convention for c in sat} == set(FAMILIES)
    for part in parts.values():  # every style is in both parts, with satisfiable cases
        assert {c.style for c in part if c.expected is not None} == set(STYLES)
    share = len(parts["holdout"]) / len(cases)
    assert 0.25 <= share <= 0.4
    assert {c.id for c in parts["tuned"]}.isdisjoint({c.id for c in parts["holdout"]})


def test_files_are_what_the_generator_writes():
    """The suites are generated, never hand-edited: regenerating gives the same texts and answers."""
    for case in make.corpus():
        folder = PARTS[case["part"]] / case["tier"]
        assert (folder / f"{case['id']}.txt").read_text() == case["text"], case["id"]
        if "expected" in case:
            assert json.loads((folder / f"{case['id']}.expected.json").read_text()) == case["expected"]
        else:
            assert json.loads((folder / f"{case['id']}.error.json").read_text()) == {"rule": case["rule"]}


def test_every_expected_intent_validates_and_matches_its_request(parts):
    for case in parts["tuned"] + parts["holdout"]:
        if case.expected is None:
            continue
        result = validate_data(case.expected.model_dump(mode="json", exclude_none=True), case.id)
        assert result.valid, (case.id, [f.message for f in result.findings])
        text = case.prompt.read_text()
        for pad in case.expected.pads:  # every pad the answer places is named by the request
            assert pad.name in text, (case.id, pad.name)


def test_every_unsatisfiable_case_has_an_agreed_rule(parts):
    unsat = [c for part in parts.values() for c in part if c.tier == "unsat"]
    assert all(c.expected_error in RULES and c.expected is None for c in unsat)
    assert set(Counter(c.expected_error for c in unsat)) == set(RULES)  # every rule is exercised


def test_holdout_uses_phrasings_the_tuned_part_never_uses():
    meta = {part: json.loads((folder / "meta.json").read_text()) for part, folder in PARTS.items()}

    def tokens(part: str) -> set[str]:
        return {t for entry in meta[part].values() for t in entry["variant"].split(",")}

    own = {f"{k}={f}" for k, forms in HOLDOUT_FORMS.items() for f in forms} | {
        f"{k}={v}" for variants in HOLDOUT_VARIANTS.values() for k, vs in variants.items() for v in vs}
    assert tokens("tuned").isdisjoint(own)
    assert len(tokens("holdout") & own) >= 15


def _place(names: list[str], per_side: tuple[int, int, int, int], order: str, start: str) -> dict[str, str]:
    """Position of each listed name by the documented side conventions (adaptor.graph.side_sequence)."""
    sides = list(SIDES_CCW if order == "counterclockwise" else SIDES_CW)
    if start == "top":
        sides = sides[sides.index("top"):] + sides[:sides.index("top")]
    counts = dict(zip(SIDES_CCW, per_side))
    slots = [f"{s}_{k}" for s in sides for k in range(counts[s])]
    return dict(zip(slots, names))


def _outer(intent) -> dict[str, str]:
    return {p.position: p.name for p in intent.pads if p.position.count("_") == 1}


def test_yaml_toml_csv_renderings_read_back_with_real_parsers(parts, ioring30):
    """Parsed by yaml/tomllib/csv and placed by the side conventions, a rendering gives the answer's pads."""
    checked = Counter()
    for case in parts["tuned"] + parts["holdout"]:
        if case.expected is None or case.style not in ("yaml", "toml", "csv"):
            continue
        text = case.prompt.read_text()
        per = case.expected.ring.pads
        per_side, order = (per.left, per.bottom, per.right, per.top), case.expected.ring.order.value
        if case.style == "yaml":
            doc = yaml.safe_load(text)
            names = [p["name"] if isinstance(p, dict) else p for p in doc["pads"]]
            start = doc["ring"]["start"]
            inner = [(i["name"], *i["between"]) for i in doc.get("inner_pads", [])]
        elif case.style == "toml":
            doc = tomllib.loads(text)
            names = doc["pads"]["order"] if isinstance(doc.get("pads"), dict) else [
                p["name"] for p in doc.get("pads", doc.get("pad", []))]
            start = doc["ring"]["start"]
            inner = [(i["name"], *i["between"]) for i in doc.get("inner", [])]
        else:
            body = [x for x in text.splitlines() if not x.startswith("#")]
            dialect = csv.Sniffer().sniff(body[0], delimiters=",;\t")
            rows = list(csv.DictReader(io.StringIO("\n".join(body)), dialect=dialect))
            names = [r["name"] for r in rows if r["pin"] != "-"]
            assert [int(r["pin"]) for r in rows if r["pin"] != "-"] == list(range(1, len(names) + 1))
            start = text.splitlines()[0]
            inner = [(r["name"], *r["inner_between"].split("/")) for r in rows if r["pin"] == "-"]
        side = "top" if re.search(r"along the top side|starting on the top side|through top side|top side first",
                                  start) else "left"
        assert _place(names, per_side, order, side) == _outer(case.expected), case.id
        expected_inner = {p.name for p in case.expected.pads if p.position.count("_") == 2}
        assert {n for n, _, _ in inner} == expected_inner, case.id
        checked[case.style] += 1
    for intent in (c.expected for c in ioring30):  # the matrix renderings parse too
        assert yaml.safe_load(render_intent(intent, "yaml")[0])["design"] == intent.design
        assert tomllib.loads(render_intent(intent, "toml")[0])["design"] == intent.design
    assert min(checked.values()) >= 5 and len(checked) == 3


# placement direction along each side (adaptor.graph.side_sequence): (from, to) per order
ALONG = {"counterclockwise": {"left": ("top", "bottom"), "bottom": ("left", "right"), "right": ("bottom", "top"),
                              "top": ("right", "left")},
         "clockwise": {"left": ("bottom", "top"), "top": ("left", "right"), "right": ("top", "bottom"),
                       "bottom": ("right", "left")}}


def test_per_side_lists_place_every_pad_where_the_answer_has_it(parts):
    """Side lists, read geometrically ("Top side (left to right): …"), give the answer's outer positions."""
    line = re.compile(r"^(Left|Bottom|Right|Top) side \((\w+) to (\w+)\): (.*)$")
    checked = 0
    for case in parts["tuned"] + parts["holdout"]:
        if case.style != "per_side" or case.expected is None:
            continue
        order = case.expected.ring.order.value
        placed = {}
        for match in filter(None, map(line.match, case.prompt.read_text().splitlines())):
            side, names = match.group(1).lower(), [n.split(" (")[0] for n in match.group(4).split(", ")]
            if (match.group(2), match.group(3)) != ALONG[order][side]:
                names = names[::-1]
            placed.update({f"{side}_{k}": n for k, n in enumerate(names)})
        assert placed == _outer(case.expected), case.id
        checked += 1
    assert checked >= 10


def test_renderer_writes_every_ioring30_intent_in_every_style(ioring30):
    assert len(ioring30) == 30
    for case in ioring30:
        view = from_intent(case.expected)
        assert len(view.listing) == sum(view.per_side)
        for style in STYLES:
            text, variant = render_intent(case.expected, style)
            assert variant and text.endswith("\n")
            missing = {p.name for p in case.expected.pads} - set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
            assert not missing, (case.id, style, missing)


def test_facts_read_from_the_answer_equal_the_definitions_facts():
    """view.from_intent(golden answer) gives back what the definition said (a design listed from the left)."""
    checked = 0
    for design in designs():
        if design.start != "left":
            continue
        mine, back = from_design(design), from_intent(IntentGraph.model_validate(design.expected()))
        assert back.listing == mine.listing and back.per_side == mine.per_side and back.order == mine.order
        assert [mine.analog.get(k, k) for k in mine.keys] == [back.analog.get(k, k) for k in back.keys]
        assert sorted((n, a, b) for n, a, b, _ in back.inner) == sorted((n, a, b) for n, a, b, _ in mine.inner)
        assert back.directions == mine.directions and back.drives == mine.drives and back.digital == mine.digital
        checked += 1
    assert checked >= 100


def test_report_breaks_down_by_style_and_convention(tmp_path, parts):
    case = parts["tuned"][0]
    rows = [{"id": case.id, "tier": "simple", "planner": "rules", "ring_pads": 12, "valid": True,
             "semantic_pass": True, "differences": [], "drc_clean": True, "lvs_clean": True, "times_s": {"total": 1},
             "error": None, "style": "email", "convention": "VCC-GNDIO"},
            {"id": "u", "tier": "unsat", "planner": "rules", "ring_pads": 0, "valid": False, "semantic_pass": False,
             "differences": [], "drc_clean": None, "lvs_clean": None, "times_s": {"total": 1}, "error": "x",
             "style": "email", "convention": "VCC-GNDIO"}]
    summary = write_reports(rows, tmp_path, "tiny")
    assert "## Pass rate per style" in summary and "| rules | email | 1/1 | 0/1 | 50.0 % |" in summary
    rates = json.loads((tmp_path / "pass_rates.json").read_text())
    assert rates["convention"]["rules"]["VCC-GNDIO"] == {"sat": 1, "sat_passed": 1, "unsat": 1, "unsat_passed": 0}
    assert case.style in STYLES and case.convention in FAMILIES and case.variant


def test_a_corpus_answer_validates_and_builds_with_the_cli(run_cli, tmp_path, parts):
    """`ioring validate` and `ioring build` accept a double-ring multi-domain answer of the corpus."""
    case = min((c for c in parts["tuned"] if c.expected is not None and c.expected.ring.kind.value == "double"
                and len(c.expected.domains) >= 3), key=lambda c: len(c.expected.pads))
    path = case.prompt.with_name(f"{case.id}.expected.json")
    assert run_cli("validate", path)[0] == 0
    code, _, err = run_cli("build", path, "-o", tmp_path / "ring")
    assert code == 0 and (tmp_path / "ring").is_dir(), err


@pytest.mark.slow
def test_every_corpus_answer_builds(tmp_path, parts):
    from adaptor.build import build

    for case in parts["tuned"] + parts["holdout"]:
        if case.expected is not None:
            build(case.expected, tmp_path / case.id)
