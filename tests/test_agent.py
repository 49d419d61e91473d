"""The agent graph: LLM planning over real HTTP with repair, routing, failures, sessions, edits, config."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from adaptor.errors import UserError
from agent.config import LLMConfig, load_config
from agent.editor import EditError, apply_edit
from agent.graph import Agent
from agent.llm import LLMError, parse_json
from agent.session import Sessions
from tests.conftest import ROOT, example
from tests.llm_server import ScriptedServer

SPEC = (ROOT / "examples" / "specs" / "mixed_4x4.txt").read_text()


def statements(**change) -> dict:
    """What a correct LLM reader writes down for examples/specs/mixed_4x4.txt (with ``change``)."""
    return {"design": "mixed_4x4", "size": {"left": 4, "bottom": 4, "right": 4, "top": 4}, "order": "counterclockwise",
            "start_side": None, "pads": "VINP VINN AVSS AVDD VREF IBIAS D3 D2 D1 D0 VDD VSS IOVDD IOVSS RSTN SCK".split(),
            "side_lists": [], "analog_supplies": [{"vdd": "AVDD", "vss": "AVSS", "first_pad": None, "last_pad": None,
                                                   "pads": []}],
            "digital_supplies": ["VDD", "VSS", "IOVDD", "IOVSS"], "inner_pads": [], "inputs": [], "outputs": [],
            "inouts": [], "drives": [], "analog_pads": [], "digital_pads": [], **change}


def short() -> dict:
    """A reading that drops the last pad (plan.signal_count)."""
    return statements(pads=statements()["pads"][:-1])


@pytest.fixture
def server():
    servers = []

    def start(script):
        srv = ScriptedServer(script)
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.close()


def config_for(srv: ScriptedServer, **extra) -> LLMConfig:
    return LLMConfig(**{"base_url": srv.base_url, "model": "scripted", "api_key": "test", "max_retries": 0,
                        "timeout_s": 5, **extra})


def run(agent: Agent, tmp_path, request: str = SPEC, **fields) -> dict:
    return agent.graph().compile().invoke({"request": request, "planner": "llm", "run_dir": str(tmp_path / "run"),
                                           **fields})


# --- the real HTTP path -----------------------------------------------------------------------

def test_reader_repair_loop_over_http(server, tmp_path):
    srv = server([short(), statements()])
    state = run(Agent(config_for(srv)), tmp_path)
    assert state["status"] == "checked" and state["repairs"] == 1
    assert state["usage"] == {"calls": 2, "tokens_in": sum(u[0] for u in srv.usages),
                              "tokens_out": sum(u[1] for u in srv.usages)}
    assert state["usage"]["tokens_in"] < 2 * 1500  # the reader's small prompt, not the knowledge base
    assert state["checks"]["drc"]["clean"] and state["checks"]["lvs"]["clean"]
    repair_turn = srv.requests[1]["messages"][-1]["content"]
    assert "plan.signal_count" in repair_turn and "statements" in repair_turn
    assert srv.requests[0]["response_format"]["type"] == "json_schema"
    assert "pads" in srv.requests[0]["response_format"]["json_schema"]["schema"]["properties"]
    assert '"position"' not in json.dumps(srv.requests[0]["response_format"])  # statements, never positions
    assert state["reading"]["verdict"] == "agree" and "Both readers" in state["reply"]
    account = json.loads((tmp_path / "run" / "build.json").read_text())["agent"]
    assert account["usage"]["calls"] == 2 and account["repair_iterations"] == 1 and account["planner"] == "llm"
    assert {"plan", "validate", "repair", "layout", "verify"} <= set(account["node_timings_s"])
    assert 200 < account["knowledge_tokens"] < 1000 and account["readers"] == "agree"


def test_cli_design_with_llm_env(server, tmp_path, run_cli, monkeypatch):
    srv = server([short(), statements()])
    monkeypatch.setenv("IORING_LLM_BASE_URL", srv.base_url)
    monkeypatch.setenv("IORING_LLM_MODEL", "scripted")
    monkeypatch.setenv("IORING_LLM_MAX_RETRIES", "0")
    code, _, err = run_cli("design", ROOT / "examples/specs/mixed_4x4.txt", "-o", tmp_path / "out", "--planner", "llm")
    assert code == 0, err
    assert "LLM scripted at http://127.0.0.1" in err and "LVS: clean" in err
    assert "checked against the planned intent" in err


MALFORMED = [(["no JSON here"], "llm.not_json"), ([{"design": "x"}], "llm.schema"),
             ([statements(pads=statements()["pads"][:-1] + ["ZZTOP"])], "llm.invented_pad")]


@pytest.mark.parametrize("answers,rule", MALFORMED, ids=["not-json", "wrong-schema", "invented-pad"])
def test_malformed_answers_end_in_a_clear_error(server, tmp_path, answers, rule):
    """Without a rule reading to fall back on (no order stated: a question), the turn stops."""
    srv = server(answers * 3)
    request = SPEC.replace("Order: counterclockwise through left side, bottom side, right side, top side.", "")
    state = run(Agent(config_for(srv, repair_max=2)), tmp_path, request)
    assert state["status"] == "invalid" and state["repairs"] == 2
    assert rule in {f["rule"] for f in state["findings"]}
    assert state["reply"].startswith("Stopped (invalid)") and len(srv.requests) == 3


def test_a_reading_that_stays_wrong_falls_back_to_the_rule_reader_noted(server, tmp_path):
    srv = server([short()] * 3)
    state = run(Agent(config_for(srv, repair_max=2)), tmp_path)
    assert state["status"] == "checked" and state["repairs"] == 2 and len(srv.requests) == 3
    assert state["reading"]["verdict"] == "rules_only"
    assert "plan.signal_count" in {f["rule"] for f in state["reading"]["llm_findings"]}
    assert any("plan.assume.llm_unreadable" in n for n in state["intent"]["notes"])
    assert "could not be used" in state["reply"]


def test_readers_that_disagree_ask_instead_of_guessing(server, tmp_path):
    srv = server([statements(order="clockwise")])
    state = run(Agent(config_for(srv)), tmp_path)
    assert state["status"] == "question" and state["reading"]["verdict"] == "disagree"
    assert {f["rule"] for f in state["findings"]} == {"plan.question.readers"}
    assert "order" in state["findings"][0]["message"] and "clockwise" in state["findings"][0]["message"]
    assert state["reply"].startswith("Stopped (question)")


def test_same_ring_read_differently_goes_on_with_a_note(server, tmp_path):
    srv = server([statements(inputs=["RSTN", "SCK"])])  # what the naming conventions say anyway
    state = run(Agent(config_for(srv)), tmp_path)
    assert state["status"] == "checked" and state["reading"]["verdict"] == "same_ring"
    assert {(d["field"], d["where"]) for d in state["reading"]["differences"]} == {("direction", "RSTN"),
                                                                                  ("direction", "SCK")}
    assert any("read differently, same ring" in n for n in state["intent"]["notes"])


def test_the_llm_settles_what_the_rule_reader_asks(server, tmp_path):
    srv = server([statements()])
    request = SPEC.replace("Order: counterclockwise through left side, bottom side, right side, top side.", "")
    state = run(Agent(config_for(srv)), tmp_path, request)
    assert state["status"] == "checked" and state["reading"]["verdict"] == "llm_only"
    assert any("plan.assume.llm_reading" in n for n in state["intent"]["notes"])


def test_server_error_and_timeout_are_llm_errors(server, tmp_path):
    srv = server([("status", 500)])
    with pytest.raises(LLMError, match="the LLM request failed"):
        run(Agent(config_for(srv)), tmp_path)
    srv = server([("sleep", 3), statements()])
    with pytest.raises(LLMError, match="Timeout"):
        run(Agent(config_for(srv, timeout_s=0.5)), tmp_path)


def test_cli_reports_llm_failure_cleanly(server, tmp_path, run_cli, monkeypatch):
    srv = server([("status", 503)] * 3)
    monkeypatch.setenv("IORING_LLM_BASE_URL", srv.base_url)
    monkeypatch.setenv("IORING_LLM_MAX_RETRIES", "0")
    code, _, err = run_cli("design", ROOT / "examples/specs/mixed_4x4.txt", "-o", tmp_path / "o", "--planner", "llm")
    assert code == 2 and "the LLM request failed" in err and "Traceback" not in err


def test_planner_llm_without_configuration(run_cli, tmp_path, monkeypatch):
    for name in ("IORING_LLM_BASE_URL", "IORING_LLM_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run_cli("design", ROOT / "examples/specs/mixed_4x4.txt", "-o", tmp_path / "o", "--planner", "llm")
    assert code == 2 and "no LLM is configured" in err


# --- routing with LangChain's fake chat model -------------------------------------------------

def test_routing_with_fake_model(tmp_path):
    fake = FakeListChatModel(responses=[json.dumps(short()), json.dumps(statements())])
    agent = Agent(LLMConfig(), model=fake)
    graph = agent.graph().compile()
    nodes = [node for chunk in graph.stream({"request": SPEC, "planner": "auto", "run_dir": str(tmp_path / "r")},
                                            stream_mode="updates") for node in chunk]
    assert nodes == ["knowledge", "plan", "validate", "repair", "validate", "layout", "verify", "report"]


def test_rules_planner_never_repairs(tmp_path):
    bad = SPEC.replace("RSTN SCK", "RSTN SCK EXTRA")
    state = Agent(LLMConfig()).graph().compile().invoke({"request": bad, "planner": "auto",
                                                         "run_dir": str(tmp_path / "r")})
    assert state["status"] == "plan_failed" and "plan.signal_count" in state["reply"]


def test_a_contradiction_is_refused_before_any_llm_call(tmp_path):
    fake = FakeListChatModel(responses=[])  # would raise if called
    bad = SPEC.replace("RSTN SCK", "RSTN SCK EXTRA")
    state = Agent(LLMConfig(), model=fake).graph().compile().invoke(
        {"request": bad, "planner": "llm", "run_dir": str(tmp_path / "r")})
    assert state["status"] == "plan_failed" and "plan.signal_count" in state["reply"] and not state["usage"]


def test_readers_question_in_a_thread_is_answered_and_read_again(tmp_path):
    fake = FakeListChatModel(responses=[json.dumps(statements(order="clockwise")), json.dumps(statements())])
    sessions = Sessions(Agent(LLMConfig(), model=fake), tmp_path)
    sessions.turn("t", SPEC, planner="llm", ask=True)
    questions = sessions.questions("t")
    assert [q["rule"] for q in questions] == ["plan.question.readers"]
    state = sessions.turn("t", "counterclockwise, starting on the left side")
    assert state["status"] == "checked" and state["rounds"] == 1 and state["usage"]["calls"] == 2
    assert "counterclockwise, starting on the left side" in state["request"]
    sessions.close()


def test_llm_edit_turn_answers_operations(tmp_path):
    fake = FakeListChatModel(responses=[json.dumps(statements()),
                                        json.dumps({"operations": [{"op": "move", "pad": "D9", "to": "right"}]}),
                                        json.dumps({"operations": [{"op": "move", "pad": "D3", "to": "right"}]})])
    sessions = Sessions(Agent(LLMConfig(), model=fake), tmp_path)
    sessions.turn("t1", SPEC, planner="llm")
    state = sessions.turn("t1", "move D3 to the right side", planner="llm")
    assert state["status"] == "checked" and state["repairs"] == 1  # D9 does not exist: edit.apply, repaired
    assert "edit operations" in state["messages"][-2]["content"] and "edit.apply" in state["messages"][-2]["content"]
    assert next(p for p in state["intent"]["pads"] if p["name"] == "D3")["position"] == "right_4"
    assert state["reply"].startswith("moved D3 left_") or "moved D3" in state["reply"]
    sessions.close()


def test_operations_schema_is_the_editors():
    from agent.editor import edit_schema
    from agent.llm import operations_schema

    schema = operations_schema()
    assert schema["type"] == "object" and schema["properties"]["operations"]["type"] == "array"
    assert set(schema["$defs"]) == set(edit_schema()["$defs"])


def test_parse_json_tolerates_fences_and_prose():
    assert parse_json('Here:\n```json\n{"a": 1}\n```') == {"a": 1}
    with pytest.raises(ValueError):
        parse_json("nothing")


# --- sessions ---------------------------------------------------------------------------------

def test_thread_resumes_after_restart(tmp_path):
    sessions = Sessions(Agent(LLMConfig()), tmp_path)
    state = sessions.turn("ring1", SPEC, planner="rules")
    assert state["status"] == "checked"
    sessions.close()
    again = Sessions(Agent(LLMConfig()), tmp_path)
    assert again.threads() == ["ring1"]
    assert again.state("ring1")["intent"]["design"] == "mixed_4x4"
    state = again.turn("ring1", "make D0..D3 16 mA outputs", planner="rules")
    assert state["status"] == "checked"
    assert {p["drive_ma"] for p in state["intent"]["pads"] if p["name"] in ("D0", "D1", "D2", "D3")} == {16}
    assert [m["role"] for m in state["history"]] == ["user", "assistant", "user", "assistant"]
    assert (again.run_dir("ring1") / "ring.gds").is_file()
    again.close()


def test_unknown_edit_offline_is_a_readable_reply(tmp_path):
    sessions = Sessions(Agent(LLMConfig()), tmp_path)
    sessions.turn("t", SPEC, planner="rules")
    state = sessions.turn("t", "add a second analog domain for the clock pads", planner="rules")
    assert state["status"] == "edit_failed" and "I can do these edits without an LLM" in state["reply"]
    sessions.close()


def test_terminal_chat(tmp_path):
    script = f"/load {ROOT / 'examples/specs/mixed_4x4.txt'}\nswap VINP and VINN\n/threads\n/quit\n"
    out = subprocess.run([sys.executable, "-m", "ioring", "chat", "--planner", "rules", "--thread", "cli1"],
                         input=script, capture_output=True, text=True, timeout=120,
                         env={"IORING_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("DRC and LVS clean") == 2 and "cli1" in out.stdout


# --- rule-based edits and configuration --------------------------------------------------------

def test_edits():
    doc = example("double_ring_6x6")
    moved = apply_edit(doc, "move VIN1 to the top side")
    assert moved["ring"]["pads"]["left"] == 5 and moved["ring"]["pads"]["top"] == 7
    assert next(p for p in moved["pads"] if p["name"] == "VIN1")["position"] == "top_6"
    assert next(p for p in moved["pads"] if p["name"] == "VCM")["position"] == "top_6_7"  # rides on VIN1
    swapped = apply_edit(doc, "Swap SDI and SCK")
    pos = {p["name"]: p["position"] for p in swapped["pads"]}
    assert (pos["SDI"], pos["SCK"]) == ("bottom_4", "bottom_5")
    renamed = apply_edit(doc, "rename D7 to DATA7")
    assert "DATA7" in {p["name"] for p in renamed["pads"]}
    made = apply_edit(doc, "make D0-D2 and EN 30 mA inout")
    assert {(p["direction"], p.get("drive_ma")) for p in made["pads"] if p["name"] in ("D0", "D1", "D2", "EN")} == \
        {("inout", 30)}
    assert doc == example("double_ring_6x6")  # edits never change their input
    for bad, message in (("move NOPE to the left side", "no outer pad called NOPE"), ("dance", "did not understand"),
                         ("make AVDD outputs", "not a digital I/O")):
        with pytest.raises(EditError, match=message):
            apply_edit(copy.deepcopy(doc), bad)


def test_config_from_environment():
    assert not load_config({}).configured
    cfg = load_config({"OPENAI_BASE_URL": "http://h/v1", "OPENAI_API_KEY": "k", "IORING_LLM_MODEL": "m",
                       "IORING_LLM_TIMEOUT": "7", "IORING_REPAIR_MAX": "5"})
    assert (cfg.base_url, cfg.api_key, cfg.model, cfg.timeout_s, cfg.repair_max) == ("http://h/v1", "k", "m", 7.0, 5)
    assert load_config({"IORING_LLM_BASE_URL": "a", "OPENAI_BASE_URL": "b"}).base_url == "a"
    assert "rule-based planner" in load_config({}).describe()
    with pytest.raises(UserError, match="IORING_LLM_TIMEOUT"):
        load_config({"IORING_LLM_TIMEOUT": "soon"})
    with pytest.raises(UserError, match="bad LLM configuration"):
        load_config({"IORING_LLM_TEMPERATURE": "9"})


def test_a_missing_fact_is_a_question_the_thread_resumes_with_the_answer(tmp_path):
    no_size = SPEC.replace("4 pads per side.", "").replace("IO_SG_4x4_single_ring_mixed: |", "")
    sessions = Sessions(Agent(LLMConfig()), tmp_path)
    nodes = [node for node, _ in sessions.stream("q1", no_size, planner="rules")]
    assert "layout" not in nodes
    questions = sessions.questions("q1")
    assert [q["rule"] for q in questions] == ["plan.question.size"] and "per side" in questions[0]["answer_hint"]
    sessions.close()
    again = Sessions(Agent(LLMConfig()), tmp_path)  # the interrupted turn survives a restart (SQLite)
    state = again.turn("q1", "4 pads per side", planner="rules")
    assert state["status"] == "checked" and again.questions("q1") == []
    assert state["intent"]["ring"]["pads"]["left"] == 4
    again.close()


def test_design_without_anyone_to_ask_stops_with_the_question(tmp_path):
    no_size = SPEC.replace("4 pads per side.", "").replace("IO_SG_4x4_single_ring_mixed: |", "")
    state = Agent(LLMConfig()).graph().compile().invoke(
        {"request": no_size, "planner": "rules", "run_dir": str(tmp_path / "run")})
    assert state["status"] == "question" and state["findings"][0]["rule"] == "plan.question.size"


def test_typed_edits_diff_and_schema():
    from agent.editor import OPERATIONS, diff, edit_schema, parse_edit

    doc = example("double_ring_6x6")
    ops = parse_edit(doc, "make SDO a 16 mA output")
    assert [o.model_dump() for o in ops] == [{"op": "set", "pads": ["SDO"], "field": "direction", "value": "out"},
                                             {"op": "set", "pads": ["SDO"], "field": "drive_ma", "value": 16}]
    assert OPERATIONS.validate_python([o.model_dump() for o in ops]) == ops  # the schema round-trips
    assert {v["properties"]["op"]["const"] for v in edit_schema()["$defs"].values() if "op" in v.get("properties", {})} == \
        {"move", "swap", "rename", "set", "insert", "remove", "insert_inner"}
    assert diff(doc, apply_edit(doc, "move VIN1 to right_2"))[:2] == ["moved VIN1 left_0 → right_2",
                                                                      "moved VCM left_0_1 → right_2_3"]
    assert diff(doc, apply_edit(doc, "remove D7"))[0] == "removed D7 from top_4"
    added = apply_edit(doc, "add VX as analog_io in AVDD at the top side")
    assert next(p for p in added["pads"] if p["name"] == "VX")["position"] == "top_6"
    assert diff(doc, apply_edit(doc, "rename D7 to DATA7")) == ["renamed D7 → DATA7"]


def test_confirm_before_build_undo_titles(tmp_path):
    sessions = Sessions(Agent(LLMConfig()), tmp_path)
    list(sessions.stream("t", SPEC, confirm=True, planner="rules"))
    assert sessions.waiting("t") == ("layout",) and not (sessions.run_dir("t") / "ring.gds").exists()
    list(sessions.confirm_build("t"))
    state = sessions.state("t")
    assert state["status"] == "checked" and "clean against the confirmed intent" in state["reply"]
    list(sessions.stream("t", "move VINP to the top side", planner="rules", confirmed=True, log="move VINP"))
    assert sessions.state("t")["reply"].startswith("moved VINP left_0 → top_4")
    undo, redo = sessions.edits("t")
    assert undo["label"] == "move VINP" and redo is None
    assert sessions.titles()[0]["title"] == "mixed_4x4"
    sessions.rename("t", "ADC front end")
    assert sessions.titles()[0]["title"] == "ADC front end"
    sessions.delete("t")
    assert sessions.titles() == [] and not sessions.run_dir("t").exists()
    sessions.close()


def test_the_interpretation_says_what_decided_each_pad(tmp_path):
    """A planned turn keeps the planner's reasons per pad for the confirm table; a new turn drops them."""
    from ui.interpretation import rows

    sessions = Sessions(Agent(LLMConfig()), tmp_path)
    list(sessions.stream("e", SPEC, confirm=True, planner="rules"))
    state = sessions.state("e")
    table = rows(state["intent"], state["explain"])
    assert len(table) == len(state["intent"]["pads"]) and all(r["decided_by"] for r in table)
    list(sessions.confirm_build("e"))
    list(sessions.stream("e", "move VINP to the top side", planner="rules"))
    assert sessions.state("e")["explain"] is None  # an edit: the plan's reasons no longer describe the ring
    sessions.close()
