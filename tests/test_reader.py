"""The reader: one request written in many forms reads the same; sizes, order and start in words;
contradictions name both places; missing facts are questions; guesses are assumptions."""

from __future__ import annotations

import pytest

from adaptor.semantic import semantic_record
from agent.planner import plan_text
from agent.planner.errors import PlanError, PlanQuestion
from agent.planner.explain import explain_rows, format_explain
from agent.planner.spec import spec_schema

NAMES = "SIGP SIGN GNDA VDDA REFX DVDDL DVSSL DVDDH DVSSH RSTB SCLK DOUT".split()

REFERENCE = """IO_T_ref: |
  Design requirements:
  3 pads per side. Single ring layout. Order: counterclockwise through left side, bottom side, right side, top side.
  Signal names: SIGP SIGN GNDA VDDA REFX DVDDL DVSSL DVDDH DVSSH RSTB SCLK DOUT
  Voltage domain requirements:
  - From SIGP to REFX uses VDDA and GNDA as voltage domain
  - Digital domain uses DVDDH, DVSSH, DVDDL, DVSSL as voltage domain
  Configuration:
  - Cell name: ref
"""

VARIANTS = {
    "one paragraph": "Cell name: ref. Design requirements: 3 pads per side. Single ring layout. Order: counterclockwise. "
                     "Signal names: SIGP SIGN GNDA VDDA REFX DVDDL DVSSL DVDDH DVSSH RSTB SCLK DOUT. Voltage domains: "
                     "Digital domain uses DVDDH, DVSSH, DVDDL, DVSSL as voltage domain. From SIGP to REFX uses VDDA "
                     "and GNDA as voltage domain.",
    "email": "Subject: ref\n\nHi,\nwe need a 3x3 pad ring (single ring), listed counterclockwise from the top-left "
             "corner.\n\nThe pads, in order:\nSIGP, SIGN, GNDA, VDDA, REFX, DVDDL, DVSSL, DVDDH, DVSSH, RSTB, SCLK, "
             "DOUT.\n\nSIGP through REFX are analog on VDDA/GNDA. Digital supplies: core DVDDL/DVSSL, I/O "
             "DVDDH/DVSSH. DOUT is an output.\nDesign: ref\nThanks",
    "numbered": "design: ref\nThree pads per side, counterclockwise.\n\n1. SIGP\n2. SIGN\n3. GNDA\n4. VDDA\n5. REFX\n"
                "6. DVDDL\n7. DVSSL\n8. DVDDH\n9. DVSSH\n10. RSTB (input)\n11. SCLK (input)\n12. DOUT (output)\n\n"
                "Pins 1-5 are analog on VDDA/GNDA.\nDigital domain uses DVSSL, DVDDH, DVDDL, DVSSH as voltage domain.\n",
    "pin lines out of order": "design: ref\n12 pads total, 3 per side, counterclockwise.\n" + "\n".join(
        f"Pin {k}: {NAMES[k - 1]}" for k in (2, 1, *range(3, 13))) +
        "\nSIGP/SIGN/GNDA/VDDA/REFX are analog on VDDA/GNDA. core supply DVDDL, core ground DVSSL, "
        "I/O supply DVDDH, I/O ground DVSSH.\n",
    "per-side, two sides written backwards": "design: ref, placed counterclockwise\n"
                                              "Left side (top to bottom): SIGP, SIGN, GNDA\n"
                                              "Bottom side (left to right): VDDA, REFX, DVDDL\n"
                                              "Right side (top to bottom): DVSSH, DVDDH, DVSSL\n"
                                              "Top side (left to right): DOUT, SCLK, RSTB\n"
                                              "SIGP to REFX: analog, supplies GNDA/VDDA.\n"
                                              "Digital: core DVDDL/DVSSL, I/O DVDDH/DVSSH.\n",
    "markdown table": "# ref\n\n3/side, counterclockwise.\n\n| # | Pad | Domain | Dir |\n|---|---|---|---|\n" + "\n".join(
        f"| {k} | {n} | {'VDDA/GNDA' if k <= 5 else 'digital'} | {'out' if n == 'DOUT' else ''} |"
        for k, n in enumerate(NAMES, 1)) + "\n\nDigital domain uses DVDDL, DVSSL, DVDDH, DVSSH as voltage domain.\n",
    "csv pasted as text": "# design: ref. 3 pads per side, counterclockwise.\n# Digital supplies: core DVDDL/DVSSL, "
                          "I/O DVDDH/DVSSH.\npin,name,domain,direction\n" + "\n".join(
        f"{k},{n},{'VDDA/GNDA' if k <= 5 else 'digital'},{'out' if n == 'DOUT' else ''}" for k, n in enumerate(NAMES, 1)),
    "yaml of another layout": "design: ref\nring:\n  pads_per_side: 3\n  order: counterclockwise\n"
                              "digital_domain:\n  core: [DVDDL, DVSSL]\n  io: [DVDDH, DVSSH]\n"
                              "analog_ranges:\n  - {from: SIGP, to: REFX, supplies: VDDA/GNDA}\n"
                              f"pads: [{', '.join(NAMES)}]\ndirections:\n  DOUT: out\n",
    "toml of another layout": "design = \"ref\"\n[ring]\npads_per_side = 3\norder = \"counterclockwise\"\n"
                              "[digital]\ncore = [\"DVDDL\", \"DVSSL\"]\nio = [\"DVDDH\", \"DVSSH\"]\n"
                              "[[analog]]\nvdd = \"VDDA\"\nvss = \"GNDA\"\nfirst_pin = 1\nlast_pin = 5\n" + "".join(
        f"[[pad]]\nname = \"{n}\"\n" for n in NAMES),
    "terse": "ref: 3/side, ccw; pads: " + " ".join(NAMES) + "; VDDA/GNDA on SIGP..REFX; digital "
             "DVDDL/DVSSL/DVDDH/DVSSH; out: DOUT",
}


def record(text: str):
    return semantic_record(plan_text(text).intent)


@pytest.mark.parametrize("style", VARIANTS)
def test_every_form_reads_as_the_reference(style):
    assert record(VARIANTS[style]) == record(REFERENCE)


@pytest.mark.parametrize("phrase,expected", [
    ("a 6x4 ring", (4, 6)), ("6 x 4 pads", (4, 6)), ("24 pads, 6 per side", (6, 6)), ("4/side", (4, 4)),
    ("three per side", (3, 3)), ("5 pads on left/right and 3 on top/bottom", (5, 3)),
    ("top/bottom: 7 pads each, left/right: 2 pads each", (2, 7)), ("20 pads total, 5 per side", (5, 5)),
    ("each side has 4 pads", (4, 4)),
])
def test_size_phrasings(phrase, expected):
    from agent.planner.reader import Text, find_sizes, merge_sizes

    counts, problems = merge_sizes(find_sizes(Text(phrase)))
    assert not problems and (counts["left"], counts["top"]) == expected


def test_clockwise_list_starting_on_the_top_edge_is_placed_from_there():
    text = ("2 pads per side. The pads go clockwise, starting on the top edge.\n"
            "Pads: VDDA GNDA R1 R2 B1 B2 L1 L2\nAll pads are analog on VDDA/GNDA.\n")
    where = {p.position: p.name for p in plan_text(text).intent.pads}
    assert [where[k] for k in ("top_0", "top_1", "right_0", "right_1", "bottom_0", "left_0", "left_1")] == \
        ["VDDA", "GNDA", "R1", "R2", "B1", "L1", "L2"]


@pytest.mark.parametrize("text,rule,places", [
    ("A 4x4 ring.\nPads: " + " ".join(f"P{k}" for k in range(16)) + "\nSupplies VDDA/GNDA, three pads per side.",
     "plan.size_conflict", ("1:3", "3:21")),
    (REFERENCE.replace("Order: counterclockwise", "Order: clockwise, not counterclockwise"), "plan.order_conflict", ()),
    (REFERENCE + "  - DOUT and GHOST are outputs\n", "plan.unknown_name", ("10:5",)),
    (REFERENCE + "  - please add an inner pad between SIGP and SIGN\n", "plan.inner_unreadable", ("10:3",)),
    (REFERENCE.replace("DVDDH, DVSSH, DVDDL, DVSSL", "DVDDH, DVSSH, DVDDL"), "plan.digital_tuple", ()),
])
def test_contradictions_are_refused_with_their_places(text, rule, places):
    with pytest.raises(PlanError) as exc:
        plan_text(text)
    found = [f for f in exc.value.findings if f.rule == rule]
    assert found, [f.rule for f in exc.value.findings]
    assert all(p in found[0].where for p in places), found[0].where


@pytest.mark.parametrize("text,rule", [
    ("Pads: SIGP SIGN VDDA GNDA\nSIGP, SIGN are analog on VDDA/GNDA.", "plan.question.size"),
    ("A 4x4 ring, counterclockwise, analog supply VDDA/GNDA.", "plan.question.pads"),
    ("1 pad per side, counterclockwise.\nPads: P1 P2 P3 P4\n", "plan.question.domains"),
    ("3 pads per side.\nPads: " + " ".join(NAMES) + "\nSIGP to REFX use VDDA/GNDA. core DVDDL/DVSSL, I/O DVDDH/DVSSH.",
     "plan.question.order"),
])
def test_missing_facts_are_questions(text, rule):
    with pytest.raises(PlanQuestion) as exc:
        plan_text(text)
    assert rule in [q.rule for q in exc.value.questions]
    assert exc.value.questions[0].answer_hint


def test_a_guess_is_an_assumption_in_the_notes_and_strict_refuses_it():
    text = ("Left: SIGP SIGN GNDA\nBottom: VDDA REFX DVDDL\nRight: DVSSL DVDDH DVSSH\nTop: RSTB SCLK DOUT\n"
            "SIGP to REFX use VDDA/GNDA. core DVDDL/DVSSL, I/O DVDDH/DVSSH. Counterclockwise.")
    result = plan_text(text)
    assert [a.rule for a in result.assumptions] == ["plan.assume.side_direction"] * 4
    assert any(n.startswith("assumed: the top side's list runs in placement order") for n in result.intent.notes)
    assert semantic_record(result.intent) == record(REFERENCE.replace("Cell name: ref", "Cell name: ring"))
    with pytest.raises(PlanError) as exc:
        plan_text(text, strict=True)
    assert {f.rule for f in exc.value.findings} == {"plan.assume.side_direction"}


def test_explain_marks_what_only_a_name_decided():
    rows = {r.name: r for r in explain_rows(plan_text(REFERENCE))}
    assert rows["SCLK"].heuristic and "name convention" in rows["SCLK"].decided_by
    assert not rows["SIGN"].heuristic and "range at" in rows["SIGN"].decided_by
    assert rows["VDDA"].role == "analog_vdd_provider" and "first pad of its run" in rows["VDDA"].decided_by
    stated = {r.name: r for r in explain_rows(plan_text(VARIANTS["email"]))}
    assert stated["DOUT"].direction == "out" and "stated at" in stated["DOUT"].decided_by
    assert "H = class/domain" in format_explain(plan_text(REFERENCE))


def test_the_spec_model_has_a_json_schema_for_llm_readers():
    schema = spec_schema()
    assert {"statements", "assumptions", "outer", "inner", "domains"} <= set(schema["properties"])
    assert "Statement" in schema["$defs"] and "line:col" in schema["$defs"]["Statement"]["description"]


@pytest.mark.parametrize("sentence", [
    "Insert an inner ring pad SC between SA and SB.", "Stagger SC between SB and SA.",
    "Between SA and SB, add an inner pad SC.", "Inner pads: SC (between SA and SB).",
    "We also need an extra SC pad between SA and SB.",
])
def test_inner_pad_phrasings(sentence):
    text = ("3 pads per side, counterclockwise, double ring.\nPads: SA SB VDDA GNDA DVDDL DVSSL DVDDH DVSSH SDO SDI SCK "
            "CSB\nSA, SB are analog on VDDA/GNDA. core DVDDL/DVSSL, I/O DVDDH/DVSSH.\n" + sentence)
    assert {p.name: p.position for p in plan_text(text).intent.pads}["SC"] == "left_0_1"


def test_tables_with_free_headers_and_supplies_named_for_their_use():
    rows = "\n".join(f"| {n} | {'analog' if n.startswith('SIG') or n == 'REFX' else ''} | "
                     f"{'out' if n == 'DOUT' else ''} |" for n in NAMES)
    text = (f"design: ref\nthree pads per side, counterclockwise\n| Pad name | Type | Direction (in/out) |\n|---|---|---|\n"
            f"{rows}\nVDDA/GNDA for the analog pads; DVDDL / DVSSL for the core, DVDDH / DVSSH for the pads.\n")
    assert record(text) == record(REFERENCE)


def test_cli_explain_and_questions(run_cli, tmp_path):
    spec = tmp_path / "ring.txt"
    spec.write_text(REFERENCE)
    code, _, err = run_cli("plan", spec, "--explain", "-o", tmp_path / "ring.json")
    assert code == 0 and "decided by" in err and "range at 6:5" in err and (tmp_path / "ring.json").is_file()
    spec.write_text(REFERENCE.replace("3 pads per side.", ""))
    code, out, err = run_cli("plan", spec, "-o", tmp_path / "asked.json")
    assert code == 2 and "[question] plan.question.size" in err and "pads per side" in err and "[error]" not in err
    assert not (tmp_path / "asked.json").exists()


LOOSE_YAML = ("design: ref\nsize: 3 per side\norder: counterclockwise\npads:\n" + "".join(
    f"  - {n}: analog\n" if n in ("SIGP", "SIGN", "REFX") else f"  - {n}\n" for n in NAMES) +
    "analog supply: VDDA/GNDA\ndigital: {core: [DVDDL, DVSSL], io: [DVDDH, DVSSH]}\noutputs: [DOUT]\n")


def test_json_and_loose_yaml_requests():
    json_text = ('{"design": "ref", "ring": {"per_side": 3, "order": "counterclockwise"}, '
                 '"supplies": {"analog": ["VDDA", "GNDA"], "core": ["DVDDL", "DVSSL"], "io": ["DVDDH", "DVSSH"]}, '
                 f'"pads": {NAMES!r}, "analog_pads": ["SIGP", "SIGN", "REFX"], "outputs": ["DOUT"]}}').replace("'", '"')
    assert record(json_text) == record(LOOSE_YAML) == record(REFERENCE)


def test_a_yaml_file_of_any_layout_is_read_and_located_in_its_own_lines():
    """A .yaml file not in our table format is read like any request; findings and the explain
    column point into the YAML the designer wrote, not into the prose it was rewritten as."""
    assert record(LOOSE_YAML) == semantic_record(plan_text(LOOSE_YAML, "yaml").intent)
    lines = LOOSE_YAML.splitlines()
    rows = {r.name: r.decided_by for r in explain_rows(plan_text(LOOSE_YAML, "yaml"))}
    assert f"{lines.index('pads:') + 1}:1" in rows["SIGP"]
    bad = LOOSE_YAML.replace("outputs: [DOUT]", "outputs: [DOUTX]")
    with pytest.raises(PlanError) as caught:
        plan_text(bad, "yaml")
    assert [f.where for f in caught.value.findings] == [f"{lines.index('outputs: [DOUT]') + 1}:1"]


def test_names_inside_a_sentence_are_the_list_when_no_list_form_is_used():
    text = ("The ring has the pads " + ", ".join(NAMES[:-1]) + " and DOUT, counterclockwise from the top-left corner, "
            "three on each side. SIGP to REFX use VDDA/GNDA; the digital supplies are core DVDDL/DVSSL and I/O "
            "DVDDH/DVSSH. DOUT is an output.")
    assert record(text) == record(REFERENCE)


def test_terse_one_liner_with_bar_separated_fields():
    """'| out: A,B | in: C | inner X between A,B | A 8mA' — each field is its own statement."""
    text = ("ref | 3/side, ccw, double ring | pads: " + " ".join(NAMES) + " | digital DVDDL/DVSSL/DVDDH/DVSSH | "
            "VDDA/GNDA on SIGP..REFX | out: SCLK,DOUT | in: RSTB | inner DVDDH between RSTB,SCLK | SCLK 8mA | DOUT 16mA")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert (pads["SCLK"].direction.value, pads["DOUT"].direction.value, pads["RSTB"].direction.value) == \
        ("out", "out", "in")
    assert (pads["SCLK"].drive_ma, pads["DOUT"].drive_ma) == (8, 16)
    inner = [p for p in plan_text(text).intent.pads if p.position.count("_") == 2]
    assert [p.name for p in inner] == ["DVDDH"]


@pytest.mark.parametrize("header,cell", [("| Signal | Dir | Remarks |", "strong, 16 mA"), ("| Signal | Dir | drive_ma |", "16")])
def test_a_drive_in_a_free_column_or_a_bare_number_in_the_drive_column(header, cell):
    rows = "\n".join(f"| {n} | {'out' if n == 'DOUT' else ''} | {cell if n == 'DOUT' else ''} |" for n in NAMES)
    text = (f"design: ref\nthree pads per side, counterclockwise\n{header}\n|---|---|---|\n"
            f"{rows}\nSIGP to REFX use VDDA/GNDA. core DVDDL/DVSSL, I/O DVDDH/DVSSH.\n")
    assert {p.name: p.drive_ma for p in plan_text(text).intent.pads}["DOUT"] == 16


PER_SIDE_RANGES = ("design: ref, placed clockwise\nLeft side (top to bottom): SIGP, GNDA, VDDA\n"
                   "Top side (left to right): REFB, VDDB, GNDB\nRight side (top to bottom): DVDDL, DVSSL, DVDDH\n"
                   "Bottom side (left to right): DOUT, DVSSH, RSTB\nVDDA … GNDA: VDDA/GNDA (analog).\n"
                   "SIGP … GNDB: VDDB/GNDB (analog).\nDigital: core DVDDL/DVSSL, I/O DVDDH/DVSSH.\n")


def test_ranges_over_per_side_lists_run_around_the_ring_not_down_the_page():
    """Left is written top to bottom but placed bottom to top: SIGP … GNDB is SIGP, REFB, VDDB, GNDB."""
    domain = {p.name: p.domain for p in plan_text(PER_SIDE_RANGES).intent.pads}
    assert domain["SIGP"] == domain["REFB"] == domain["VDDB"] != domain["GNDA"] == domain["VDDA"]


def test_a_range_over_per_side_lists_may_wrap_past_the_first_side():
    """Counterclockwise from the left side: REFA (top side) … SIGP (left side) wraps past the ring's start."""
    text = ("Top side (right to left): REFA, VDDA, GNDA\nLeft side (top to bottom): SIGP, RSTB, SCLK\n"
            "Bottom side (left to right): DVDDL, DVSSL, DVDDH\nRight side (bottom to top): DVSSH, DOUT, SIGN\n"
            "From REFA to SIGP uses VDDA and GNDA.\nSIGN is analog on VDDA/GNDA.\n"
            "Digital: core DVDDL/DVSSL, I/O DVDDH/DVSSH.\n")
    domain = {p.name: p.domain for p in plan_text(text).intent.pads}
    assert domain["REFA"] == domain["SIGP"] == domain["GNDA"] != domain["RSTB"] == domain["DVDDL"]


def test_a_range_without_its_provider_pads_is_refused_for_that():
    with pytest.raises(PlanError) as exc:
        plan_text(PER_SIDE_RANGES.replace("VDDB/GNDB (analog)", "VDDC/GNDC (analog)"))
    rules = {f.rule for f in exc.value.findings}
    assert "domain.provider_missing" in rules and "plan.range_overlap" not in rules, rules


@pytest.mark.parametrize("supplies,rule", [("[DVDDL, DVSSL, DVDDH, DVSSH]", None),
                                           ("[DVDDL, DVSSL, DVDDH]", "plan.digital_tuple"),
                                           ("[DVDDL, DVSSL, DVDDH, DVSSH, DVDDX]", "plan.digital_tuple")])
def test_yaml_digital_supply_list_of_the_wrong_length_is_refused(supplies, rule):
    text = ("design: ref\nring:\n  pads: {left: 3, bottom: 3, right: 3, top: 3}\n  order: counterclockwise\n"
            f"digital_domain:\n  supplies: {supplies}\nanalog:\n  vdd: VDDA\n  vss: GNDA\npads:\n" + "".join(
                f"  - {{name: {n}, domain: {'analog' if k < 5 else 'digital'}}}\n" for k, n in enumerate(NAMES)))
    if rule is None:
        assert {p.name: p.role.value for p in plan_text(text).intent.pads}["DVDDH"] == "io_vdd"
        return
    with pytest.raises(PlanError) as exc:
        plan_text(text)
    assert rule in {f.rule for f in exc.value.findings}


@pytest.mark.parametrize("text", ["1" * 5000, "a = " + "1" * 5000, "[" * 5000, "x:\n  " + "- " * 3000 + "1"])
def test_input_that_breaks_the_yaml_or_toml_parser_is_read_as_text_never_a_crash(text):
    """A number past Python's 4300-digit limit makes PyYAML and tomllib raise ValueError, deep nesting
    RecursionError: the request is then not YAML/TOML, and the reader refuses or asks as for any text."""
    with pytest.raises((PlanError, PlanQuestion)):
        plan_text(text)


def test_a_range_longer_than_half_the_ring_runs_along_the_placement_order():
    """Per-side lists: 'from VGATE to XTALI' covers ten of sixteen pads; the shorter way round
    would overlap the other range, so the ranges are read together, not each the shortest."""
    text = ("4/side.\nLeft side (top to bottom): VBATS, AVSS, AVDD, VRAMP\n"
            "Bottom side (left to right): SWN, CMINUS, VGATE, FBK\n"
            "Right side (bottom to top): IOUTA, AVDD_ADC, AVSS_ADC, PDIN\n"
            "Top side (right to left): VPTAT, ECGP, TIAOUT, XTALI\n"
            "From VBATS to CMINUS uses AVDD and AVSS as voltage domain.\n"
            "From VGATE to XTALI uses AVSS_ADC and AVDD_ADC as voltage domain.\n")
    domains = {p.name: p.domain for p in plan_text(text).intent.pads}
    assert {n for n, d in domains.items() if d == domains["VBATS"]} == {"VBATS", "AVSS", "AVDD", "VRAMP", "SWN", "CMINUS"}
    assert domains["XTALI"] == domains["VGATE"] == domains["AVDD_ADC"] != domains["VBATS"]


def test_a_supply_pad_name_ending_a_line_is_not_a_role_label_for_the_next_line():
    """'IOVSS' at the end of the tuple line is a pad name, not 'I/O ground: <the next line's name>'."""
    text = ("ring: 3/side, cw\npads: TICK GPIO1 DONE TXD PWMA READY PGOOD IOVDD ALERT VDD VSS IOVSS\n"
            "digital VDD/VSS/IOVDD/IOVSS\nout: TICK,DONE,TXD,PWMA,READY,PGOOD,ALERT\nbidir: GPIO1\nPGOOD 4mA\n")
    intent = plan_text(text).intent
    assert {p.name: p.drive_ma for p in intent.pads}["PGOOD"] == 4
    assert [(d.core_vdd, d.core_vss, d.io_vdd, d.io_vss) for d in intent.domains if d.kind == "digital"] == \
        [("VDD", "VSS", "IOVDD", "IOVSS")]


@pytest.mark.parametrize("statement", ["Analog pads CLKIN, VIN run on VDDA/VSSA.", "Analog inputs: CLKIN, VIN on VDDA/VSSA.",
                                       "Analog signals CLKIN and VIN use VDDA/VSSA."])
def test_a_class_label_before_the_names_is_a_class_statement(statement):
    """'Analog inputs: X, Y …' puts X and Y on the analog domain: not digital inputs, not a name guess
    (CLKIN looks digital by name)."""
    text = ("3 pads per side, counterclockwise from the top-left corner.\n"
            "Pads: CLKIN VIN VDDA VSSA D0 D1 VDD VSS IOVDD IOVSS SCK RSTN\n"
            f"Digital core VDD/VSS, I/O IOVDD/IOVSS.\n{statement}\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert (pads["CLKIN"].domain, pads["VIN"].domain, pads["CLKIN"].direction) == ("VDDA", "VDDA", None)
    assert pads["D0"].domain == "digital"


def test_per_side_lists_on_one_line_and_qualifiers_after_the_pairs():
    """'left: A B | bottom: C D | …' on one line; 'X/Y is the core, P/Q the IO ring': each
    qualifier belongs to the pair before it."""
    text = ("ring: left: VBG IREF AVDD AVSS | bottom: DIN DOUT VDD_1V2 VSS | right: VDD_3V3 VSS_3V3 CS SCLK | "
            "top: AVDD AVSS VCM VOUT\nlists run counterclockwise from the top-left. VDD_1V2/VSS is the core, "
            "VDD_3V3/VSS_3V3 the IO ring. analog stuff on AVDD/AVSS. DOUT out, rest of digital in.\n")
    intent = plan_text(text).intent
    assert [p.name for p in intent.pads if p.position.startswith("right_")] == ["VDD_3V3", "VSS_3V3", "CS", "SCLK"]
    assert [(d.core_vdd, d.core_vss, d.io_vdd, d.io_vss) for d in intent.domains if d.kind == "digital"] == \
        [("VDD_1V2", "VSS", "VDD_3V3", "VSS_3V3")]


def test_side_named_after_its_list_a_stated_pair_and_pads_named_after_a_pair():
    """'A B C (left)' lines; 'Digital: DCORE/VSSC core' (DCORE has no supply marker: the pair says
    it); '<vdd>/<vss> supply X, Y and Z' puts them on that domain; 'X0..X2 are inputs' is a run."""
    text = ("Double ring, 4 per side, counterclockwise from the top-left:\n"
            "RFIN RFIP VDDR VSSR (left)\nTUNE0 TUNE1 TUNE2 LOCKD (bottom)\n"
            "VDDB VSSB BBI BBQ (right side)\nDCORE VSSC VIO VSSIO (top)\n"
            "VDDR/VSSR supply RFIN and RFIP; VDDB/VSSB feeds BBI, BBQ.\n"
            "Digital: DCORE/VSSC core, VIO/VSSIO io. TUNE0..TUNE2 are inputs, LOCKD is an output.\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert [n for n, p in pads.items() if p.position.startswith("right_")] == ["VDDB", "VSSB", "BBI", "BBQ"]
    assert (pads["RFIN"].domain, pads["RFIP"].domain, pads["BBI"].domain, pads["BBQ"].domain) == \
        ("VDDR", "VDDR", "VDDB", "VDDB")
    assert (pads["DCORE"].role.value, pads["VSSC"].role.value, pads["VIO"].role.value) == ("core_vdd", "core_vss", "io_vdd")
    assert [pads[f"TUNE{k}"].direction.value for k in range(3)] == ["in"] * 3 and pads["LOCKD"].direction.value == "out"


def test_sizes_listed_per_side_bars_in_the_pad_list_and_pads_living_on_a_pair():
    """'4 left, 4 right, 2 top, 2 bottom'; a pad list in bar-separated groups; 'X/Y live on <pair>';
    'Analog (<pair>): …'; 'A, B outputs (4 mA); C input'; 'pad supply P/Q' is the I/O pair."""
    text = ("- ring: 4 left, 4 right, 2 top, 2 bottom\n- order: counterclockwise from the upper left corner\n"
            "- pads: OSCI OSCO VDDO1 VSSO1 | VDDK VSSK | RSTZ CKOUT VDDE VSSE | Q0 SENS\n"
            "- OSCI/OSCO live on VDDO1/VSSO1. Analog (VDDO1/VSSO1): SENS\n"
            "- core VDDK/VSSK, pad supply VDDE/VSSE\n- CKOUT, Q0 outputs (4 mA); RSTZ input\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert [n for n, p in pads.items() if p.position.startswith("right_")] == ["RSTZ", "CKOUT", "VDDE", "VSSE"]
    assert {n for n, p in pads.items() if p.domain == "VDDO1"} == {"OSCI", "OSCO", "VDDO1", "VSSO1", "SENS"}
    assert (pads["CKOUT"].drive_ma, pads["Q0"].drive_ma, pads["RSTZ"].direction.value) == (4, 4, "in")
    assert (pads["VDDE"].role.value, pads["VDDK"].role.value) == ("io_vdd", "core_vdd")


def test_json_per_side_lists_a_named_design_and_an_elliptic_direction_with_its_drive():
    """JSON 'sides': {left: [...]} and 'name'; 'X is a digital input, Y a digital output (push-pull,
    2mA)'; 'VIN/GND is the analog supply for pads 1 to 6' (VIN has no supply marker); 'covers'."""
    json_text = ('{"name": "trim_ring", "pads_per_side": {"left": 3, "bottom": 3, "right": 3, "top": 3},'
                 ' "placement": "counterclockwise from top-left", "sides": {"left": ["SENSE", "VPWR", "GND"],'
                 ' "bottom": ["OUTA", "OUTB", "CTL"], "right": ["FLAG", "DVDD", "DVSS"], "top": ["IOVDD", "IOVSS", "TST"]},'
                 ' "analog": {"supply": "VPWR", "ground": "GND", "pads": ["SENSE", "OUTA", "OUTB"]},'
                 ' "digital": {"core": ["DVDD", "DVSS"], "io": ["IOVDD", "IOVSS"]}, "directions": {"CTL": "in", "TST": "in"}}')
    intent = plan_text(json_text, "prompt").intent
    assert intent.design == "trim_ring"
    assert [p.name for p in intent.pads if p.position.startswith("bottom_")] == ["OUTA", "OUTB", "CTL"]
    text = ("Design: ldo_tc\n3 pads per side, numbered counter-clockwise from the top left corner.\n" +
            "".join(f"Pad {k} = {n}\n" for k, n in enumerate(
                ["VPWR", "VPWR", "GND", "OUTA", "FBK", "REFA", "ENB", "PGD", "DVDD", "DVSS", "IOVDD", "IOVSS"], 1)) +
            "VPWR/GND is the analog supply for pads 1 to 6. ENB is a digital input, PGD a digital output (push-pull, 2mA).\n"
            "Digital core supply DVDD/DVSS, IO supply IOVDD/IOVSS.\n")
    pads = {p.position: p for p in plan_text(text).intent.pads}
    assert [pads[f"bottom_{k}"].domain for k in range(3)] == ["VPWR"] * 3
    assert (pads["right_1"].name, pads["right_1"].direction.value, pads["right_1"].drive_ma) == ("PGD", "out", 2)


def test_side_first_counts_a_sentence_ending_in_a_name_and_names_after_a_range():
    """'left 2, bottom 3, right 2, top 3 pads'; 'Pads per side: 3'; a full stop after a name ends its
    sentence (a range in the next one does not take this one's pair); 'A1-A3, B and C are analog on
    <pair>'; 'X and Y power the analog pads (…)'; 'Digital: P/Q + R/S'."""
    text = ("Ring: left 2, bottom 3, right 2, top 3 pads, anticlockwise from the top-left corner, left side first.\n"
            "Pads: SIG1, SIG2, SIG3, REFA, VPA, GPA, DVDD, DVSS, IOVDD, IOVSS\n"
            "SIG1-SIG3, REFA are analog on VPA/GPA. Digital core supply DVDD/DVSS, digital IO supply IOVDD/IOVSS.\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert {n for n, p in pads.items() if p.domain == "VPA"} == {"SIG1", "SIG2", "SIG3", "REFA", "VPA", "GPA"}
    assert pads["IOVDD"].role.value == "io_vdd" and pads["SIG3"].position == "bottom_0"
    text = ("Pads per side: 3 (12 pads).\nPad order (counterclockwise, pin 1 = top of left side):\n" +
            "".join(f"  {k} {n}\n" for k, n in enumerate(
                ["VBGX", "VDDB", "VSSB", "IPT", "ICT", "TRIMX", "DVDD", "DVSS", "IOVDD", "IOVSS", "SDX", "SCX"], 1)) +
            "VDDB and VSSB power the analog pads (VBGX, IPT, ICT).\nDigital: DVDD/DVSS + IOVDD/IOVSS. TRIMX, SCX are inputs.\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert {n for n, p in pads.items() if p.domain == "VDDB"} == {"VBGX", "VDDB", "VSSB", "IPT", "ICT"}
    assert pads["SDX"].domain == pads["TRIMX"].domain == "digital" and pads["IOVDD"].role.value == "io_vdd"


def test_bus_notation_and_side_lists_inside_a_sentence():
    """'Pads: B[7:0] …' is eight pads B7 … B0 and 'B[7:0] are inputs' all of them; 'first the left side
    A, B, C; bottom …' are per-side lists without colons."""
    text = ("Chip: dacx, 4 pads per side, counterclockwise from the top-left corner.\n"
            "Pads: B[7:0] VDD VSS VDDIO VSSIO AVDD AVSS OUTP OUTN\n"
            "B[7:0] are digital inputs. OUTP/OUTN analog on AVDD/AVSS. Core VDD/VSS, I/O VDDIO/VSSIO.\n")
    pads = plan_text(text).intent.pads
    assert [p.name for p in pads[:8]] == [f"B{k}" for k in range(7, -1, -1)]
    assert {p.direction.value for p in pads[:8]} == {"in"}
    text = ("3 pads per side. Going counterclockwise from the top-left: first the left side REFO, IREFO, VDDA; "
            "bottom VSSA, ENX, DVDD;\nright DVSS, VDDIO, VSSIO; top SDX, SCX, TPX.\n"
            "REFO, IREFO and TPX are analog, on VDDA/VSSA. ENX input, SDX bidirectional, SCX input. "
            "DVDD/DVSS core, VDDIO/VSSIO IO.\n")
    pads = {p.position: p.name for p in plan_text(text).intent.pads}
    assert [pads[f"bottom_{k}"] for k in range(3)] == ["VSSA", "ENX", "DVDD"] and pads["top_2"] == "TPX"


def test_a_csv_pad_table_in_another_layout_runs_and_the_rest():
    """A CSV with pin/name/side/type columns is read as a table (sides from its side column);
    'Q0-2 and EOCX outputs, 8 mA' is Q0, Q1, Q2 and EOCX at 8 mA; 'the rest digital inputs'."""
    csv_text = ("pin,name,side,type\n1,RFX,left,analog\n2,VDDL,left,power\n3,GNDL,left,ground\n4,LOX,bottom,analog\n"
                "5,LOY,bottom,analog\n6,IFX,bottom,analog\n7,VDDD,right,power\n8,VSSD,right,ground\n9,ENX,right,digital input\n"
                "10,VDDIO,top,power\n11,VSSIO,top,ground\n12,LOCKX,top,digital output\n")
    pads = {p.name: p for p in plan_text(csv_text, "csv").intent.pads}
    assert [n for n, p in pads.items() if p.position.startswith("right_")] == ["VDDD", "VSSD", "ENX"]
    assert pads["LOX"].domain == "VDDL" and (pads["ENX"].direction.value, pads["LOCKX"].direction.value) == ("in", "out")
    text = ("3 pads per side, counterclockwise from the top-left corner.\n"
            "Pads: SIGA SIGB AVDD AVSS Q0 Q1 Q2 EOCX DVDD DVSS IOVDD IOVSS\n"
            "SIGA, SIGB are analog on AVDD/AVSS. Core DVDD/DVSS, I/O IOVDD/IOVSS. Q0-2 and EOCX outputs, 8 mA.\n")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert [(pads[n].direction.value, pads[n].drive_ma) for n in ("Q0", "Q1", "Q2", "EOCX")] == [("out", 8)] * 4
    text = text.replace("Q0-2 and EOCX outputs, 8 mA.", "EOCX output, the rest digital inputs.")
    pads = {p.name: p for p in plan_text(text).intent.pads}
    assert [pads[n].direction.value for n in ("Q0", "Q1", "Q2", "EOCX")] == ["in", "in", "in", "out"]


def test_a_bare_other_in_is_english_not_a_rest_statement():
    """'… and the other in the corner' says nothing about directions; 'the rest: in' does."""
    text = ("3 pads per side, counterclockwise from the top-left corner.\n"
            "Pads: SIGA SIGB AVDD AVSS QA QB QC EOCX DVDD DVSS IOVDD IOVSS\n"
            "SIGA, SIGB are analog on AVDD/AVSS. Core DVDD/DVSS, I/O IOVDD/IOVSS. EOCX output; {tail}\n")
    stated = lambda t: {p.name: p for p in plan_text(text.format(tail=t)).intent.pads}  # noqa: E731
    assert "the rest" not in str(plan_text(text.format(tail="one sits left, the other in the corner.")).why)
    assert all(p.direction.value == "in" for n, p in stated("the rest: in.").items() if n in ("QA", "QB", "QC"))
