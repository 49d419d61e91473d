"""The rule-based planner: every phrasing variant and trap of reference page §1, on our own names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adaptor.intent import Direction, Order, RingKind, Role
from adaptor.load import dump_intent
from adaptor.semantic import semantic_record
from agent.planner import plan_file, plan_text
from agent.planner.errors import PlanError
from agent.planner.names import split_digital
from tests.conftest import ROOT

SPECS = sorted((ROOT / "examples" / "specs").iterdir())
RULE = "=" * 70


def prompt(size: str, signals: str, domains: list[str], inner: tuple[str, ...] = (), ring: str = "Single ring layout.",
           order: str = "Order: counterclockwise through left side, bottom side, right side, top side.",
           config: tuple[str, ...] = ("- Technology: 28nm process node", "- Cell name: test_ring")) -> str:
    """A prompt in the AMS-IO-Bench layout (reference page §1)."""
    lines = ["IO_T_test_ring: |", "Task: Generate IO ring schematic and layout design for a tool.", "",
             "  Design requirements:", f"  {size} {ring} {order}", "", f"  {RULE}", "  SIGNAL CONFIGURATION",
             f"  {RULE}", f"  Signal names: {signals}", *[f"  - {x}" for x in inner], "", f"  {RULE}",
             "  VOLTAGE DOMAIN CONFIGURATION", f"  {RULE}", "  Voltage domain requirements:",
             *[f"  - {d}" for d in domains], "", f"  {RULE}", "  DESIGN CONFIGURATION", f"  {RULE}",
             "  Configuration:", *[f"  {c}" for c in config]]
    return "\n".join(lines) + "\n"


MIXED_SIGNALS = "SIGP SIGN GNDA VDDA VBGAP IREF5 Q3 Q2 Q1 Q0 DVDDL DVSSL DVDDH DVSSH RSTB SCLK"
PAIR = "analog signals use analog domain voltage domain (VDDA/GNDA), digital IO signals need to connect to " \
       "digital domain voltage domain (DVDDL/DVSSL/DVDDH/DVSSH)"
DIGITAL_USES = "Digital domain uses DVDDL, DVSSL, DVDDH, DVSSH as voltage domain"


def plan(text: str):
    return plan_text(text).intent


def by_name(intent):
    out = {}
    for p in intent.pads:
        out.setdefault(p.name, p)
    return out


def roles(intent):
    return {p.position: p.role for p in intent.pads}


# --- examples -------------------------------------------------------------------------------

@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.name)
def test_example_specs_plan_to_the_example_intents(spec: Path):
    result = plan_file(spec)
    expected = json.loads((ROOT / "examples" / f"{spec.stem}.json").read_text())
    assert json.loads(dump_intent(result.intent)) == expected


# --- the basic shape --------------------------------------------------------------------------

def test_mixed_prompt():
    intent = plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR]))
    pads = by_name(intent)
    assert intent.ring.pads.model_dump() == {"left": 4, "bottom": 4, "right": 4, "top": 4}
    assert intent.ring.order is Order.counterclockwise and intent.ring.kind is RingKind.single
    assert pads["SIGP"].role is Role.analog_io and pads["SIGP"].position == "left_0"
    assert pads["GNDA"].role is Role.analog_vss_provider and pads["VDDA"].role is Role.analog_vdd_provider
    assert pads["VBGAP"].role is Role.analog_io and pads["IREF5"].role is Role.analog_io
    assert [pads[n].direction for n in ("Q3", "RSTB", "SCLK")] == [Direction.output, Direction.input, Direction.input]
    digital = intent.domain(pads["Q3"].domain)
    assert (digital.core_vdd, digital.core_vss, digital.io_vdd, digital.io_vss) == ("DVDDL", "DVSSL", "DVDDH", "DVSSH")
    assert [pads[n].role for n in ("DVDDL", "DVSSL", "DVDDH", "DVSSH")] == \
        [Role.core_vdd, Role.core_vss, Role.io_vdd, Role.io_vss]
    assert intent.common_ground == "DVSSL"
    assert pads["SCLK"].position == "top_3"
    assert intent.design == "test_ring"


def test_technology_hint_kept_as_note_and_target_is_default():
    intent = plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR]))
    assert intent.technology == "sg13g2"
    assert any("28nm process node" in n for n in intent.notes)


def test_non_square_size_phrase():
    signals = " ".join(f"S{i}" for i in range(12)).replace("S0 S1", "VDDA GNDA")
    intent = plan(prompt("2 pads on left and right sides, 4 pads on top and bottom sides.", signals,
                         ["Analog domain uses VDDA/GNDA as voltage domain"]))
    assert intent.ring.pads.model_dump() == {"left": 2, "bottom": 4, "right": 2, "top": 4}
    assert semantic_record(intent)["ring"] == {"width": 4, "height": 2, "order": "counterclockwise"}


def test_clockwise():
    intent = plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR], order="Order: clockwise."))
    assert intent.ring.order is Order.clockwise


# --- voltage-domain phrasings -----------------------------------------------------------------

@pytest.mark.parametrize("phrase", [
    "analog signals use analog domain voltage domain (GNDA/VDDA), digital IO signals need to connect to digital "
    "domain voltage domain (DVDDL/DVSSL/DVDDH/DVSSH)",  # ground first
    "Analog domain uses VDDA/GNDA as voltage domain. Digital domain uses DVDDH, DVSSH, DVDDL, DVSSL as voltage domain",
    "Analog domain uses GNDA and VDDA as voltage domain; Digital domain uses DVSSH/DVDDL/DVSSL/DVDDH as voltage domain",
])
def test_domain_phrasings_agree(phrase):
    reference = semantic_record(plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR])))
    assert semantic_record(plan(prompt("4 pads per side.", MIXED_SIGNALS, [phrase]))) == reference


@pytest.mark.parametrize("names,expected", [
    (["DVDDL", "DVSSL", "DVDDH", "DVSSH"], ("DVDDL", "DVSSL", "DVDDH", "DVSSH")),
    (["DVDDH", "DVSSH", "DVDDL", "DVSSL"], ("DVDDL", "DVSSL", "DVDDH", "DVSSH")),
    (["IOVDD", "IOVSS", "VDD", "VSS"], ("VDD", "VSS", "IOVDD", "IOVSS")),
    (["VDDPST", "VSSPST", "VDDC", "GNDC"], ("VDDC", "GNDC", "VDDPST", "VSSPST")),
    (["VDD33", "GND", "VDD12", "GND33"], ("VDD12", "GND", "VDD33", "GND33")),
    (["GPAD", "VCORE", "GCORE", "VPAD"], ("VCORE", "GCORE", "VPAD", "GPAD")),
    (["VCCIO", "GNDIO", "VCC", "GND"], ("VCC", "GND", "VCCIO", "GNDIO")),
    (["VDD33", "VSS12", "VDD12", "VSS33"], ("VDD12", "VSS12", "VDD33", "VSS33")),
    (["DVSS18", "DVSS09", "DVDD18", "DVDD09"], ("DVDD09", "DVSS09", "DVDD18", "DVSS18")),
    (["VDD_3V3", "VSS_1V2", "VDD_1V2", "VSS_3V3"], ("VDD_1V2", "VSS_1V2", "VDD_3V3", "VSS_3V3")),
])
def test_digital_roles_from_names(names, expected):
    split, guesses, _ = split_digital(names)
    assert split == expected and guesses == []


def test_ranges_several_per_bullet_lower_case_ground_first():
    signals = "XIN XOUT GNDX VDDX MIC1 MIC2 VDDM GNDM DVDDL DVSSL DVDDH DVSSH SDO SDI CSN SCLK"
    intent = plan(prompt("4 pads per side.", signals, [
        "From xin to vddx uses gndx and vddx as voltage domain, from mic1 to gndm uses gndm and vddm as voltage domain",
        DIGITAL_USES]))
    pads = by_name(intent)
    assert pads["XIN"].domain == pads["VDDX"].domain != pads["MIC1"].domain == pads["GNDM"].domain
    dom = intent.domain(pads["MIC1"].domain)
    assert (dom.vdd, dom.vss) == ("VDDM", "GNDM")
    assert pads["VDDM"].role is Role.analog_vdd_provider and pads["GNDX"].role is Role.analog_vss_provider
    assert intent.domain(pads["SDO"].domain).kind == "digital"


def test_provider_hint_naming_foreign_cells_is_ignored():
    intent = plan(prompt("4 pads per side.", MIXED_SIGNALS, [
        PAIR, "these voltage domains use PVDD3AC/PVSS3AC and PVDD1DGZ cells"]))
    assert {d.kind for d in intent.domains} == {"analog", "digital"} and len(intent.domains) == 2
    assert any("technology hint ignored" in n for n in intent.notes)


def test_pure_analog_ring():
    signals = "VIN1 VIN2 VSSA VDDA VOUT1 VOUT2 VREF VCM IB1 IB2 VSSA VDDA"
    intent = plan(prompt("3 pads per side.", signals, ["Analog domain uses VDDA/VSSA as voltage domain"]))
    assert {p.role for p in intent.pads if p.name == "VSSA"} == {Role.analog_vss_provider, Role.analog_vss_consumer}
    assert intent.common_ground == "VSSA"
    assert all(p.role.is_analog for p in intent.pads)


# --- formatting variants ----------------------------------------------------------------------

def test_sections_merged_onto_one_line():
    text = prompt("4 pads per side.", MIXED_SIGNALS, [PAIR])
    merged = " ".join(line.strip() for line in text.splitlines()[1:])
    assert semantic_record(plan(merged)) == semantic_record(plan(text))


def test_missing_sections_and_extra_prose():
    text = ("Please make me a ring. It has 4 pads per side, single ring layout, counterclockwise.\n"
            "I really like tidy rings, thanks!\n"
            f"Signal names: {MIXED_SIGNALS}\n"
            f"Voltage domain requirements: {PAIR}\n")
    intent = plan(text)
    assert semantic_record(intent) == semantic_record(plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR])))
    assert intent.design == "ring"


def test_other_capitalisation():
    text = prompt("4 PADS PER SIDE.", MIXED_SIGNALS, [PAIR.upper().replace("(VDDA/GNDA)", "(VDDA/GNDA)")],
                  ring="SINGLE RING LAYOUT.", order="ORDER: COUNTERCLOCKWISE.").replace("Signal names", "SIGNAL NAMES")
    assert semantic_record(plan(text)) == semantic_record(plan(prompt("4 pads per side.", MIXED_SIGNALS, [PAIR])))


def test_size_from_case_id_when_not_stated():
    text = prompt("", MIXED_SIGNALS, [PAIR]).replace("IO_T_test_ring", "IO_T_4x4_single_ring_mixed")
    intent = plan(text)
    assert intent.ring.pads.left == 4 and any("case id" in n for n in intent.notes)


# --- inner pads -------------------------------------------------------------------------------

DOUBLE_SIGNALS = "SIGP SIGN GNDA VDDA VBGAP IREF5 Q3 Q2 Q1 Q0 DVDDL DVSSL DVDDH DVSSH RSTB SCLK"


def test_inner_pads_either_order_inherit_domain():
    intent = plan(prompt("4 pads per side.", DOUBLE_SIGNALS, [PAIR], ring="Double ring layout.", inner=(
        "insert an inner ring pad SIGC between SIGN and SIGP",
        "insert an inner ring pad Q4 between Q1 and Q0")))
    pads = by_name(intent)
    assert intent.ring.kind is RingKind.double
    assert pads["SIGC"].position == "left_0_1" and pads["SIGC"].role is Role.analog_io
    assert pads["SIGC"].domain == pads["SIGP"].domain
    assert pads["Q4"].position == "right_0_1" and pads["Q4"].role is Role.digital_io
    assert pads["Q4"].direction is Direction.output


def test_inner_pad_repeating_an_outer_supply_is_a_consumer():
    intent = plan(prompt("4 pads per side.", DOUBLE_SIGNALS, [PAIR], ring="Double ring layout.", inner=(
        "insert an inner ring pad VDDA between VBGAP and IREF5",)))
    vdda = {p.position: p.role for p in intent.pads if p.name == "VDDA"}
    assert vdda == {"left_3": Role.analog_vdd_provider, "bottom_0_1": Role.analog_vdd_consumer}


def test_inner_pads_also_listed_among_signals():
    signals = DOUBLE_SIGNALS.replace("SIGN", "SIGN SIGC")
    intent = plan(prompt("4 pads per side.", signals, [PAIR], ring="Double ring layout.", inner=(
        "insert an inner ring pad SIGC between SIGP and SIGN",)))
    assert by_name(intent)["SIGC"].position == "left_0_1"


# --- traps ------------------------------------------------------------------------------------

def test_duplicated_names_first_is_provider():
    signals = "GNDA SIGP GNDA VDDA SIGN GNDA DVDDL DVSSL DVDDH DVSSH RSTB SCLK"
    intent = plan(prompt("3 pads per side.", signals, [PAIR]))
    assert [p.role for p in intent.pads if p.name == "GNDA"] == \
        [Role.analog_vss_provider, Role.analog_vss_consumer, Role.analog_vss_consumer]


def test_digital_looking_names_inside_an_analog_range_are_analog():
    signals = "SIGP GND DVDD GNDA VDDA SIGN DVDDL DVSSL DVDDH DVSSH RSTB SCLK"
    intent = plan(prompt("3 pads per side.", signals, [
        "From SIGP to SIGN uses VDDA and GNDA as voltage domain",
        DIGITAL_USES]))
    pads = by_name(intent)
    assert pads["GND"].role is Role.analog_vss_consumer and pads["DVDD"].role is Role.analog_vdd_consumer
    assert pads["GND"].domain == pads["SIGP"].domain


def _plan_error(text: str) -> set[str]:
    with pytest.raises(PlanError) as exc:
        plan_text(text)
    return {f.rule for f in exc.value.findings}


@pytest.mark.parametrize("signals,rule", [
    (MIXED_SIGNALS + " EXTRA", "plan.signal_count"),
    (MIXED_SIGNALS.replace(" SCLK", ""), "plan.signal_count"),
])
def test_signal_count_mismatch(signals, rule):
    assert rule in _plan_error(prompt("4 pads per side.", signals, [PAIR]))


@pytest.mark.parametrize("bullet,rule", [
    ("insert an inner ring pad SIGC between SIGP and NOPE", "plan.inner_unknown_neighbour"),
    ("insert an inner ring pad SIGC between SIGP and VDDA", "plan.inner_not_adjacent"),
    ("insert an inner ring pad SIGC between VDDA and VBGAP", "plan.inner_across_corner"),
    ("insert an inner ring pad SIGP_CORE between SIGP and SIGN", "names.core_collision"),
])
def test_bad_inner_pads(bullet, rule):
    assert rule in _plan_error(prompt("4 pads per side.", DOUBLE_SIGNALS, [PAIR], ring="Double ring layout.",
                                      inner=(bullet,)))


@pytest.mark.parametrize("size,signals,bullets,rule", [
    ("4 pads per side.", "XIN XOUT GNDX VDDX MIC1 MIC2 VDDM GNDM DVDDL DVSSL DVDDH DVSSH SDO SDI CSN SCLK",
     ["From XIN to MIC1 uses GNDX and VDDX as voltage domain",
      "From VDDX to GNDM uses GNDM and VDDM as voltage domain", DIGITAL_USES], "plan.range_overlap"),
    ("4 pads per side.", MIXED_SIGNALS, ["From SIGP to NOWHERE uses VDDA and GNDA as voltage domain", PAIR],
     "plan.range_unknown_name"),
    ("3 pads per side.", "SIGP SIGN GNDA VDDA Q0 Q1 SIGX SIGY DVDDL DVSSL DVDDH DVSSH",
     ["From SIGP to VDDA uses VDDA and GNDA as voltage domain",
      "From SIGX to SIGY uses VDDA and GNDA as voltage domain", DIGITAL_USES], "domain.provider_missing"),
], ids=["overlap", "unknown-name", "run-without-provider"])
def test_bad_ranges(size, signals, bullets, rule):
    assert rule in _plan_error(prompt(size, signals, bullets))


@pytest.mark.parametrize("text,rule", [
    (f"Signal names: {MIXED_SIGNALS}\n- {PAIR}", "plan.question.size"),
    ("4 pads per side. Voltage domain requirements: - " + PAIR, "plan.question.pads"),
    ("4 pads per side.\nSignal names: A B C D E F G H I J K L M N O P\n", "plan.question.domains"),
    ("4 pads per side.\nSignal names: A B C D E F G H I J K L M N O P\n- digital domain (VDD/VDDIO/VDDX/VDDY)",
     "plan.digital_tuple"),
    ("1 pads per side.\nSignal names: A-B C D E\n- analog (VDDA/GNDA)", "plan.bad_name"),
])
def test_unresolvable_specs(text, rule):
    assert rule in _plan_error(text)


# --- table formats ----------------------------------------------------------------------------

YAML = """
design: table_ring
ring: {pads: 3}
domains:
  sense: {vdd: VDDA, vss: GNDA}
  digital: {core_vdd: DVDDL, core_vss: DVSSL, io_vdd: DVDDH, io_vss: DVSSH}
pads: [SIGP sense, GNDA sense, VDDA sense, DVDDL digital, DVSSL digital, DVDDH digital,
       DVSSH digital, {name: DOUT, domain: digital, drive_ma: 30}, RSTB digital,
       {name: GPIO1, domain: digital, direction: inout}, SCLK digital, Q0 digital]
"""


def test_yaml_table():
    intent = plan_text(YAML, "yaml").intent
    pads = by_name(intent)
    assert pads["GNDA"].role is Role.analog_vss_provider
    assert pads["DOUT"].direction is Direction.output and pads["DOUT"].drive_ma == 30
    assert pads["GPIO1"].direction is Direction.inout


def test_toml_table_matches_yaml():
    rows = [("SIGP", "sense", ""), ("GNDA", "sense", ""), ("VDDA", "sense", ""), ("DVDDL", "digital", ""),
            ("DVSSL", "digital", ""), ("DVDDH", "digital", ""), ("DVSSH", "digital", ""),
            ("DOUT", "digital", "drive_ma = 30\n"), ("RSTB", "digital", ""),
            ("GPIO1", "digital", 'direction = "inout"\n'), ("SCLK", "digital", ""), ("Q0", "digital", "")]
    toml = ('design = "table_ring"\n[ring]\npads = 3\n[domains.sense]\nvdd = "VDDA"\nvss = "GNDA"\n'
            '[domains.digital]\ncore_vdd = "DVDDL"\ncore_vss = "DVSSL"\nio_vdd = "DVDDH"\nio_vss = "DVSSH"\n'
            + "".join(f'[[pads]]\nname = "{n}"\ndomain = "{d}"\n{extra}' for n, d, extra in rows))
    assert plan_text(toml, "toml").intent == plan_text(YAML, "yaml").intent


def test_csv_inner_pad_and_clockwise():
    csv = ("# design: csv_ring\n# order: clockwise\nside,name,domain,between\n"
           + "".join(f"{s},{n},{d},\n" for s, n, d in [
               ("left", "SIGP", "VDDA/GNDA"), ("left", "GNDA", "VDDA/GNDA"), ("top", "VDDA", "VDDA/GNDA"),
               ("top", "SIGN", "VDDA/GNDA"), ("right", "VDD", "VDD/VSS/IOVDD/IOVSS"),
               ("right", "VSS", "VDD/VSS/IOVDD/IOVSS"), ("bottom", "IOVDD", "VDD/VSS/IOVDD/IOVSS"),
               ("bottom", "IOVSS", "VDD/VSS/IOVDD/IOVSS")])
           + "top,SIGC,,SIGN/VDDA\n")
    intent = plan_text(csv, "csv").intent
    assert intent.ring.order is Order.clockwise and intent.ring.kind is RingKind.double
    assert by_name(intent)["SIGC"].position == "top_0_1"


@pytest.mark.parametrize("fmt,text,where", [
    ("yaml", "ring: {pads: 3}\ndomains: {a: {vdd: X}}\npads: [A a]\n", "domains.a"),
    ("yaml", "ring: [\n", "line"),
    ("yaml", "ring: {pads: three}\ndomains: {a: {vdd: X, vss: Y}}\npads: [A a]\n", "ring.pads"),
    ("toml", "ring = \n", "the file"),
    ("csv", "name,domain\nA,X/Y\n", "header"),
    ("csv", "side,name,domain\nmiddle,A,X/Y\n", "line 2"),
    ("csv", "side,name,domain\nleft,A,X/Y/Z\n", "line 2"),
    ("csv", "side,name,domain\nbottom,A,X/Y\nleft,B,X/Y\n", "line 3"),
])
def test_bad_tables(fmt, text, where):
    with pytest.raises(PlanError) as exc:
        plan_text(text, fmt)
    assert any(where in f.where for f in exc.value.findings)


# --- CLI --------------------------------------------------------------------------------------

def test_cli_plan_and_design(run_cli, tmp_path):
    spec = ROOT / "examples" / "specs" / "double_ring_6x6.txt"
    code, _, err = run_cli("plan", spec, "-o", tmp_path / "intent.json")
    assert code == 0 and "wrote" in err
    assert run_cli("validate", tmp_path / "intent.json")[0] == 0
    code, _, _ = run_cli("design", spec, "-o", tmp_path / "run")
    assert code == 0
    assert {"intent.json", "semantic.json", "build.json"} <= {p.name for p in (tmp_path / "run").iterdir()}


def test_cli_plan_error_exits_2_and_writes_nothing(run_cli, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text(prompt("4 pads per side.", MIXED_SIGNALS + " EXTRA", [PAIR]))
    code, _, err = run_cli("design", bad, "-o", tmp_path / "run")
    assert code == 2 and "plan.signal_count" in err and "17 signal names for 16 outer slots" in err
    assert not (tmp_path / "run").exists()
    assert "Traceback" not in err
    code, _, err = run_cli("plan", tmp_path / "nope.txt")
    assert code == 2 and "no such file" in err
