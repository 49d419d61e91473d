"""A local OpenAI-compatible LLM server in-process: llama.cpp's own server through ``xllamacpp``.

``ioring llm serve --model FILE.gguf`` runs it in the foreground; with ``IORING_LLM_MODEL_PATH``
set, ``design``/``chat``/``ui`` start one per process (``ensure_server``) and talk to it over
HTTP on the loopback address like any other endpoint. The server applies the request's JSON
Schema as a grammar, so structured output is constrained, not hoped for.
"""

from __future__ import annotations

import atexit
import os
import signal
import socket
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from adaptor.errors import UserError

GGUF_MAGIC = b"GGUF"


class LocalServerConfig(BaseModel):
    """How to run the local server."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model_path: Path
    port: int = Field(default=0, ge=0, le=65535, description="0: any free port")
    context_tokens: int = Field(default=8192, ge=512, le=131072)
    threads: int = Field(default_factory=lambda: os.cpu_count() or 2, ge=1, le=256)


def check_model_file(path: Path) -> Path:
    """``path`` if it is a readable GGUF file; UserError naming the problem otherwise."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise UserError(f"{path}: no such model file", "pass the path of a .gguf model file (IORING_LLM_MODEL_PATH)")
    with path.open("rb") as handle:
        if handle.read(4) != GGUF_MAGIC:
            raise UserError(f"{path}: not a GGUF model file (no GGUF header)",
                            "llama.cpp reads .gguf files; convert or download the model in that format")
    return path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _xllamacpp() -> Any:
    try:
        import xllamacpp
    except ImportError:
        raise UserError("the local LLM server needs the xllamacpp package",
                        "pip install -e '.[llm]' (a prebuilt llama.cpp wheel, no compiler needed)") from None
    return xllamacpp


class LocalServer:
    """llama.cpp's HTTP server on 127.0.0.1, alive as long as this object (``stop`` ends it)."""

    def __init__(self, config: LocalServerConfig) -> None:
        self.config = config
        self._server: Any = None

    def start(self) -> str:
        """Load the model, listen, and return the OpenAI-compatible base URL (``…/v1``)."""
        x = _xllamacpp()
        params = x.CommonParams()
        params.model.path = str(check_model_file(self.config.model_path))
        params.hostnames = ["127.0.0.1"]
        params.port = self.config.port or _free_port()
        params.n_ctx = self.config.context_tokens
        params.cpuparams.n_threads = self.config.threads
        params.cpuparams_batch.n_threads = self.config.threads
        params.warmup = False
        params.verbosity = 0  # llama.cpp's own log lines would drown the CLI's output
        try:
            self._server = x.Server(params)
        except Exception as exc:  # llama.cpp reports load failures as RuntimeError or similar
            raise UserError(f"{self.config.model_path}: the model could not be loaded ({exc})",
                            "check that the file is a complete GGUF model llama.cpp supports") from None
        return f"{str(self._server.listening_address).rstrip('/')}/v1"

    def stop(self) -> None:
        """Stop listening and free the model."""
        self._server = None


_shared: dict[Path, tuple[LocalServer, str]] = {}
_lock = threading.Lock()


def ensure_server(model_path: Path, context_tokens: int = 8192, threads: int | None = None) -> str:
    """The base URL of this process's server for ``model_path``, started on first use (``threads``: None = all CPUs)."""
    key = Path(model_path).expanduser().resolve()
    with _lock:
        if key not in _shared:
            extra = {"threads": threads} if threads else {}
            server = LocalServer(LocalServerConfig(model_path=key, context_tokens=context_tokens, **extra))
            _shared[key] = (server, server.start())
            atexit.register(server.stop)
        return _shared[key][1]


def serve(config: LocalServerConfig, announce: Any = print) -> int:
    """Run the server until SIGINT/SIGTERM; ``announce`` gets the base URL line."""
    server = LocalServer(config)
    url = server.start()
    announce(f"serving {config.model_path.name} at {url} (OpenAI-compatible; Ctrl-C stops)")
    announce(f"use it with: IORING_LLM_BASE_URL={url} ioring design SPEC -o DIR --planner llm")
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        server.stop()
    return 0
