"""A local OpenAI-compatible chat server with scripted answers, for tests on the real HTTP path.

Each POST to ``/v1/chat/completions`` takes the next script entry: a dict (sent as JSON
content), a str (sent as raw content), ``("status", code)`` for an HTTP error, or
``("sleep", seconds)`` before answering with the entry after it. Requests are recorded, and
the usage it reports counts the real o200k_base tokens of the messages and of the answer.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from knowledge_base import token_count



class ScriptedServer:
    """Serve ``script`` on 127.0.0.1 (a free port) until ``close()``."""

    def __init__(self, script: list[Any]) -> None:
        self.script = list(script)
        self.requests: list[dict[str, Any]] = []
        self.usages: list[tuple[int, int]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with server.lock:
                    server.requests.append(body)
                    entry = server.script.pop(0) if server.script else ("status", 500)
                    if isinstance(entry, tuple) and entry[0] == "sleep":
                        time.sleep(entry[1])
                        entry = server.script.pop(0) if server.script else ("status", 500)
                if isinstance(entry, tuple) and entry[0] == "status":
                    self.send_response(entry[1])
                    self.send_header("Content-Type", "application/json")
                    self.end_headers()
                    self.wfile.write(json.dumps({"error": {"message": "scripted failure"}}).encode())
                    return
                content = entry if isinstance(entry, str) else json.dumps(entry)
                prompt = token_count("".join(str(m.get("content", "")) for m in body.get("messages", [])))
                completion = token_count(content)
                with server.lock:
                    server.usages.append((prompt, completion))
                answer = {"id": f"chatcmpl-{len(server.requests)}", "object": "chat.completion", "created": 0,
                          "model": body.get("model", "test"),
                          "choices": [{"index": 0, "finish_reason": "stop",
                                       "message": {"role": "assistant", "content": content}}],
                          "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                                    "total_tokens": prompt + completion}}
                data = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        """The endpoint for IORING_LLM_BASE_URL."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()
