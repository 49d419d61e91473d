"""LLM endpoint configuration from the environment.

| variable | meaning | default |
|---|---|---|
| `IORING_LLM_BASE_URL` (or `OPENAI_BASE_URL`) | OpenAI-compatible endpoint (OpenAI, vLLM, llama.cpp server, Ollama) | none |
| `IORING_LLM_MODEL` (or `OPENAI_MODEL`) | model name | `gpt-4o-mini` |
| `IORING_LLM_API_KEY` (or `OPENAI_API_KEY`) | API key (local servers accept any) | none |
| `IORING_LLM_MODEL_PATH` | a local GGUF model: the agent starts llama.cpp's server in-process (`xllamacpp`) | none |
| `IORING_LLM_TIMEOUT` | seconds per request | 60 (900 with a local model: a CPU reads a long prompt slowly) |
| `IORING_LLM_MAX_TOKENS` | answer length cap sent with every request | 2048 |
| `IORING_LLM_CONTEXT` | context window of the local model, tokens | 8192 |
| `IORING_LLM_THREADS` | CPU threads of the local model (1 is much faster on a loaded machine: llama.cpp's threads spin) | all CPUs |
| `IORING_LLM_MAX_RETRIES` | client retries per request (server errors, timeouts) | 2 |
| `IORING_LLM_TEMPERATURE` | sampling temperature | 0 |
| `IORING_REPAIR_MAX` | repair iterations after invalid output or failed checks | 3 |

The LLM counts as configured when a base URL, an API key or a local model path is set.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from adaptor.errors import UserError

LOCAL_TIMEOUT_S = 900.0


class LLMConfig(BaseModel):
    """Where the LLM is and how to call it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    base_url: str | None = None
    model: str = "gpt-4o-mini"
    api_key: str | None = None
    model_path: str | None = None
    timeout_s: float = Field(default=60.0, gt=0, le=86400)
    max_tokens: int = Field(default=2048, ge=16, le=131072)
    context_tokens: int = Field(default=8192, ge=512, le=131072)
    threads: int | None = Field(default=None, ge=1, le=256)
    max_retries: int = Field(default=2, ge=0)
    temperature: float = Field(default=0.0, ge=0, le=2)
    repair_max: int = Field(default=3, ge=0)

    @property
    def configured(self) -> bool:
        """True when an endpoint or a key is set."""
        return bool(self.base_url or self.api_key or self.model_path)

    def describe(self) -> str:
        """One line for people: which planner and model are active."""
        if not self.configured:
            return "rule-based planner (no LLM configured: set IORING_LLM_BASE_URL or IORING_LLM_API_KEY)"
        if self.model_path and not self.base_url:
            return f"local LLM {Path(self.model_path).name} (llama.cpp in-process)"
        return f"LLM {self.model} at {self.base_url or 'the OpenAI API'}"


def _pick(env: Mapping[str, str], *names: str) -> str | None:
    return next((env[n] for n in names if env.get(n)), None)


def load_config(env: Mapping[str, str] | None = None) -> LLMConfig:
    """The configuration from ``env`` (default: the process environment); UserError on bad numbers."""
    env = os.environ if env is None else env
    values: dict[str, object] = {
        "base_url": _pick(env, "IORING_LLM_BASE_URL", "OPENAI_BASE_URL"),
        "api_key": _pick(env, "IORING_LLM_API_KEY", "OPENAI_API_KEY"),
        "model_path": env.get("IORING_LLM_MODEL_PATH") or None,
    }
    if values["model_path"] and not values["base_url"]:
        values["timeout_s"] = LOCAL_TIMEOUT_S
    model = _pick(env, "IORING_LLM_MODEL", "OPENAI_MODEL")
    if model:
        values["model"] = model
    for key, name, cast in (("timeout_s", "IORING_LLM_TIMEOUT", float), ("max_retries", "IORING_LLM_MAX_RETRIES", int),
                            ("temperature", "IORING_LLM_TEMPERATURE", float), ("repair_max", "IORING_REPAIR_MAX", int),
                            ("max_tokens", "IORING_LLM_MAX_TOKENS", int), ("context_tokens", "IORING_LLM_CONTEXT", int),
                            ("threads", "IORING_LLM_THREADS", int)):
        if env.get(name):
            try:
                values[key] = cast(env[name])
            except ValueError:
                raise UserError(f"{name}={env[name]!r} is not a number", f"set {name} to a {cast.__name__}") from None
    try:
        return LLMConfig(**values)
    except ValueError as exc:
        raise UserError(f"bad LLM configuration: {exc}", "check the IORING_LLM_* variables") from None
