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
