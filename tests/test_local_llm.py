"""The local LLM path: configuration, model files, and a real llama.cpp server on a packaged model."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from adaptor.errors import UserError
from agent.config import LOCAL_TIMEOUT_S, load_config
from agent.local_llm import check_model_file

ROOT = Path(__file__).resolve().parent.parent


def test_model_path_configures_a_local_llm_with_a_cpu_timeout(tmp_path):
    config = load_config({"IORING_LLM_MODEL_PATH": str(tmp_path / "m.gguf")})
    assert config.configured and config.timeout_s == LOCAL_TIMEOUT_S
    assert "m.gguf" in config.describe()
    assert load_config({"IORING_LLM_MODEL_PATH": "m.gguf", "IORING_LLM_TIMEOUT": "30"}).timeout_s == 30
    assert load_config({}).max_tokens == 2048
    assert load_config({"IORING_LLM_MAX_TOKENS": "64"}).max_tokens == 64


@pytest.mark.parametrize("name,value", [("IORING_LLM_TIMEOUT", "nan"), ("IORING_LLM_TIMEOUT", "inf"),
                                        ("IORING_LLM_MAX_TOKENS", "0"), ("IORING_LLM_CONTEXT", "ten")])
def test_bad_limits_are_user_errors(name, value):
    with pytest.raises(UserError):
        load_config({name: value})


def test_model_file_must_exist_and_be_gguf(tmp_path):
    with pytest.raises(UserError, match="no such model file"):
        check_model_file(tmp_path / "absent.gguf")
    fake = tmp_path / "fake.gguf"
    fake.write_bytes(b"PK\x03\x04 not a model")
    with pytest.raises(UserError, match="not a GGUF"):
        check_model_file(fake)


def test_serve_refuses_a_bad_model_file(run_cli, tmp_path):
    fake = tmp_path / "x.gguf"
    fake.write_text("hello")
    code, _, err = run_cli("llm", "serve", "--model", fake)
    assert code == 2 and "not a GGUF" in err and "Traceback" not in err


@pytest.fixture(scope="module")
def smollm2() -> Path:
    pytest.importorskip("xllamacpp", reason="the [llm] extra is not installed")
    from bench.models import fetch

    return fetch("smollm2-135m")


@pytest.mark.slow
def test_real_local_model_answers_within_max_tokens_under_a_schema(smollm2):
    """The client sends max_tokens, so a 135M model under a grammar stops instead of looping."""
    from agent import llm
    from agent.config import LLMConfig

    config = LLMConfig(model_path=str(smollm2), max_tokens=48, context_tokens=2048, max_retries=0)
    model = llm.chat_model(config)
    start = time.perf_counter()
    text, usage = llm.call(model, [{"role": "user", "content": "Name one pad of a 4x4 I/O ring."}])
    assert time.perf_counter() - start < 120
    assert usage["calls"] == 1 and 0 < usage["tokens_out"] <= 48 and usage["tokens_in"] > 0
    assert text and usage.get("truncated", 0) in (0, 1)  # cut at the cap or not: the validate node judges it


@pytest.mark.slow
def test_llm_serve_answers_http_and_stops_on_sigterm(smollm2):
    proc = subprocess.Popen([sys.executable, "-m", "ioring", "llm", "serve", "--model", str(smollm2), "--port", "0",
                             "--context", "1024"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = proc.stderr.readline()
        assert "serving" in line, line
        url = line.split(" at ")[1].split()[0]
        with urllib.request.urlopen(f"{url}/models", timeout=30) as answer:
            assert json.load(answer)["models"]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


@pytest.fixture(scope="module")
def qwen05() -> Path:
    pytest.importorskip("xllamacpp", reason="the [llm] extra is not installed")
    from bench.models import fetch

    return fetch("qwen2.5-coder-0.5b")


@pytest.mark.slow
def test_whole_graph_on_a_real_local_model(qwen05, tmp_path):
    """reader → assemble → validate → repair → verdict → layout → check with Qwen2.5-Coder-0.5B on mixed_4x4.

    The model is small: whatever it reads, the outcome must be an honest one. Either its reading
    plans the expected ring (the readers agree, or read differently but plan the same ring), or
    its wrong reading ends in the repair loop (spent: the rule reader's plan, noted) or in a
    question, and a question is asked only when its reading really plans another ring.
    """
    from adaptor.intent import IntentGraph
    from agent import llm
    from agent.config import LLMConfig
    from agent.graph import Agent
    from agent.planner.assemble import assemble
    from agent.planner.errors import PlanError
    from agent.planner.llm_reader import Statements, to_spec
    from bench.score import compare, semantic_pass
    from tests.conftest import example

    config = LLMConfig(model_path=str(qwen05), model="qwen2.5-coder-0.5b", max_tokens=700, context_tokens=4096,
                       max_retries=0, repair_max=2, timeout_s=600)
    start = time.perf_counter()
    state = Agent(config).graph().compile().invoke({
        "request": (ROOT / "examples" / "specs" / "mixed_4x4.txt").read_text(), "planner": "llm",
        "run_dir": str(tmp_path / "run")})
    assert time.perf_counter() - start < 480
    usage, reading = state["usage"], state.get("reading") or {}
    assert usage["calls"] == state["repairs"] + 1 and usage["tokens_in"] > 500 * usage["calls"]
    assert 0 < usage["tokens_out"] <= 700 * usage["calls"]
    first = len(llm.reader_messages("x"))  # system, the made-up example exchange, the request
    answers = [m["content"] for m in state["messages"][first:] if m["role"] == "assistant"]
    assert len(answers) == usage["calls"]
    if not usage.get("truncated"):  # the schema reached llama.cpp: its grammar only lets statements out
        Statements.model_validate(llm.parse_json(answers[0]))
    for turn in state["messages"][first:]:
        if turn["role"] == "user":  # every repair turn carries the findings of the answer before it
            assert "has these problems" in turn["content"]
    expected = IntentGraph.model_validate(example("mixed_4x4"))
    try:
        own = assemble(to_spec(Statements.model_validate(llm.parse_json(answers[-1])))).intent
    except (ValueError, PlanError):
        own = None
    own_right = own is not None and semantic_pass(compare(expected, own))
    verdict = reading.get("verdict")
    if state["status"] == "question":
        assert verdict == "disagree" and not own_right  # asked because its reading plans another ring
        assert {f["rule"] for f in state["findings"]} == {"plan.question.readers"}
        return
    assert state["status"] == "checked", state["reply"]
    assert state["checks"]["drc"]["clean"] and state["checks"]["lvs"]["clean"]
    assert semantic_pass(compare(expected, IntentGraph.model_validate(state["intent"])))
    if verdict in ("agree", "same_ring"):
        assert own_right
    else:  # the model never gave a reading that assembles: the repair budget was spent
        assert verdict == "rules_only" and state["repairs"] == 2 and reading["llm_findings"]
        assert any("plan.assume.llm_unreadable" in n for n in state["intent"]["notes"])
