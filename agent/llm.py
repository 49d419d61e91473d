"""The LLM side of planning: prompts, one call with structured output, and usage accounting.

Planning: the model is a *reader* (``agent/planner/llm_reader.py``): it answers the statements
of a request (size, order, pad names, supplies …, never positions) and the shared assembler
places the pads. Editing: it answers edit operations (``agent/editor.py``, ``edit_schema()``),
which the editor applies. With ``ChatOpenAI`` the request carries the answer's JSON Schema as
the response format (structured output, include_raw); any other chat model (tests use
LangChain's fakes) is asked plainly. Either way the raw text is parsed and checked at our own
boundary (pydantic, the assembler's rules, the editor) by the validate node, so a malformed
answer becomes findings for the repair loop, never an exception.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from openai import LengthFinishReasonError

from adaptor.errors import UserError
from adaptor.load import SCHEMA_PATH
from agent import local_llm
from agent.config import LLMConfig
from agent.editor import edit_schema
from agent.planner.llm_reader import EXAMPLE_ANSWER, EXAMPLE_REQUEST, reader_prompt

PROGRESS_EVERY_S = 10.0


def _to_stderr(seconds: float) -> None:
    print(f"  … waiting for the model ({seconds:.0f} s; a local model reads the prompt first)", file=sys.stderr)


# Called every PROGRESS_EVERY_S seconds while a request is open (the UI replaces it with its status line).
progress: Callable[[float], None] = _to_stderr


@contextmanager
def _ticking() -> Iterator[None]:
    """Report the elapsed time of a request every PROGRESS_EVERY_S seconds until it returns."""
    done = threading.Event()
    start = time.monotonic()

    def tick() -> None:
        while not done.wait(PROGRESS_EVERY_S):
            progress(time.monotonic() - start)

    thread = threading.Thread(target=tick, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()

class LLMError(UserError):
    """The LLM endpoint failed (server error, timeout, unreachable) after its retries."""


def chat_model(config: LLMConfig) -> ChatOpenAI:
    """A langchain-openai client for any OpenAI-compatible server (a local model's own, started on demand).

    Every request carries ``max_tokens``: a small model under a JSON-Schema grammar can loop until
    the context is full otherwise.
    """
    base_url = config.base_url
    if config.model_path and not base_url:
        base_url = local_llm.ensure_server(Path(config.model_path), config.context_tokens, config.threads)
    return ChatOpenAI(model=config.model, base_url=base_url, api_key=config.api_key or "not-needed",
                      timeout=config.timeout_s, max_retries=config.max_retries, temperature=config.temperature,
                      max_tokens=config.max_tokens)


def repair_message(findings: list[dict[str, Any]], answer: str = "statements") -> dict[str, str]:
    """The user turn sending findings back; ``answer`` names what the model returns (statements, edit …)."""
    lines = "\n".join(f"- {f['rule']} at {f['where']}: {f['message']}" + (f" (hint: {f['hint']})" if f.get("hint")
                                                                          else "") for f in findings[:30])
    return {"role": "user", "content": f"Your {answer} has these problems:\n{lines}\n"
                                       f"Return the whole corrected {answer}."}


def reader_messages(request: str) -> list[dict[str, str]]:
    """The LLM reader's first turn: its small system prompt and the request (answer: ``Statements``)."""
    ask = "\n\nWrite down its statements as JSON."
    return [{"role": "system", "content": reader_prompt()},
            {"role": "user", "content": f"Request (a made-up example):\n{EXAMPLE_REQUEST}{ask}"},
            {"role": "assistant", "content": EXAMPLE_ANSWER},
            {"role": "user", "content": f"Request:\n{request.strip()}{ask}"}]


EDITOR_PROMPT = """You change the I/O ring of a chip as the user asks, by answering edit operations as one JSON object {"operations": [...]}. Operations: move (pad to a side, appended, or to a position like right_2: before the pad now there), swap (two outer pads), rename, set (field role, domain, direction in/out/inout, drive_ma or cell of some pads), insert (a new outer pad at a side or position), remove, insert_inner (an inner pad after an outer pad). Use only pad names of the current ring (new names only for inserted or renamed pads). Answer only the operations the request asks for."""


def edit_messages(intent: dict[str, Any], request: str) -> list[dict[str, str]]:
    """An edit turn: the current pads compactly (name position role domain [direction drive]) and the request."""
    rows = [" ".join(str(p[k]) for k in ("name", "position", "role", "domain", "direction", "drive_ma") if p.get(k))
            for p in intent.get("pads", [])]
    domains = ", ".join(str(d.get("name")) for d in intent.get("domains", []))
    return [{"role": "system", "content": EDITOR_PROMPT},
            {"role": "user", "content": f"Current ring ({json.dumps(intent.get('ring', {}))}; domains {domains}):\n"
                                        + "\n".join(rows) + f"\n\nChange request: {request}"}]


@lru_cache(maxsize=1)
def operations_schema() -> dict[str, Any]:
    """The edit answer's JSON Schema: an object with the editor's list of operations."""
    ops = edit_schema()
    return {"title": "Edit", "type": "object", "additionalProperties": False, "required": ["operations"],
            "$defs": ops.pop("$defs", {}), "properties": {"operations": ops}}


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    """The intent-graph JSON Schema, as the structured-output response format."""
    schema = json.loads(SCHEMA_PATH.read_text())
    return {k: v for k, v in schema.items() if k not in ("$schema", "$id")}


def _messages(history: list[dict[str, str]]) -> list[BaseMessage]:
    kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
    return [kinds[m["role"]](content=m["content"]) for m in history]


def parse_json(text: str) -> Any:
    """The JSON object in an answer (a fenced block or surrounding prose is tolerated); ValueError if none."""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, re.S)
    body = fenced.group(1) if fenced else text
    start, end = body.find("{"), body.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the answer contains no JSON object")
    return json.loads(body[start:end + 1])


def call(model: BaseChatModel, history: list[dict[str, str]], structured: bool = True,
         schema: dict[str, Any] | None = None) -> tuple[str, dict[str, int]]:
    """One LLM call: the answer text and usage ``{calls, tokens_in, tokens_out}``; LLMError on failure.

    An answer cut at ``max_tokens`` is returned as it is (usage ``truncated`` = 1): it fails the
    schema and goes to the repair loop like any malformed answer.

    ``structured`` asks a ChatOpenAI model for JSON under ``schema`` (default: the intent graph's)
    as the response format.
    """
    messages = _messages(history)
    try:
        with _ticking():
            raw = _invoke(model, messages, structured, schema)
    except LengthFinishReasonError as exc:  # cut at max_tokens: an answer to judge, not a dead endpoint
        usage = exc.completion.usage
        return (exc.completion.choices[0].message.content or "",
                {"calls": 1, "tokens_in": usage.prompt_tokens if usage else 0,
                 "tokens_out": usage.completion_tokens if usage else 0, "truncated": 1})
    except Exception as exc:  # openai/httpx raise many types; all mean "the endpoint failed"
        raise LLMError(f"the LLM request failed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
                       "check IORING_LLM_BASE_URL, the model name and the server; see IORING_LLM_TIMEOUT") from None
    meta = getattr(raw, "usage_metadata", None) or {}
    usage = {"calls": 1, "tokens_in": int(meta.get("input_tokens", 0)), "tokens_out": int(meta.get("output_tokens", 0))}
    content = raw.content if isinstance(raw.content, str) else json.dumps(raw.content)
    return content, usage


def _invoke(model: BaseChatModel, messages: list[BaseMessage], structured: bool, schema: dict[str, Any] | None) -> Any:
    """The raw answer message; a ChatOpenAI model gets the schema as its response format."""
    if structured and isinstance(model, ChatOpenAI):
        # the schema as a dict (not the pydantic class): the SDK would raise on a malformed answer
        constrained = model.with_structured_output(schema or _schema(), method="json_schema", include_raw=True)
        return constrained.invoke(messages)["raw"]
    return model.invoke(messages)
