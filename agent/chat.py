"""`ioring chat`: the agent graph in a terminal, on persisted threads.

Type a spec (end a multi-line spec with an empty line) or an edit; commands: ``/load FILE``
sends a spec file, ``/threads`` lists threads, ``/new`` starts a thread, ``/quit`` leaves.
"""

from __future__ import annotations

import sys
from pathlib import Path

from adaptor.errors import UserError
from adaptor.load import read_text
from agent.config import load_config
from agent.graph import Agent, spec_format
from agent.session import Sessions


def _read_request() -> str | None:
    lines: list[str] = []
    while True:
        try:
            line = input("you> " if not lines else "... ")
        except EOFError:
            return "\n".join(lines) if lines else None
        if not line.strip():
            if lines:
                return "\n".join(lines)
            continue
        lines.append(line)
        if len(lines) == 1 and (line.startswith("/") or "signal names" not in line.lower() and "|" not in line):
            return line


def chat_loop(thread: str | None, planner: str) -> int:
    """Read requests until /quit or end of input; print each reply and the run folder."""
    config = load_config()
    sessions = Sessions(Agent(config))
    thread = thread or sessions.new_thread()
    print(f"ioring chat, thread {thread} ({config.describe() if planner != 'rules' else 'rule-based planner'}).")
    print("Type a spec or an edit; /load FILE, /threads, /new, /quit.")
    try:
        while (request := _read_request()) is not None:
            fmt = "prompt"
            if request.strip() in ("/quit", "/exit"):
                break
            if request.strip() == "/threads":
                print("\n".join(sessions.threads()) or "(no threads yet)")
                continue
            if request.strip() == "/new":
                thread = sessions.new_thread()
                print(f"new thread {thread}")
                continue
            if request.startswith("/load "):
                path = Path(request[6:].strip())
                try:
                    request, fmt = read_text(path, "pass a spec file"), spec_format(str(path))
                except UserError as exc:
                    print(f"error: {exc}")
                    continue
            try:
                for node, _ in sessions.stream(thread, request, planner=planner, spec_format=fmt):
                    print(f"  · {node}", file=sys.stderr)
            except UserError as exc:
                print(f"error: {exc}")
                continue
            questions = sessions.questions(thread)
            if questions:
                for q in questions:
                    print(f"ioring? {q['question']} ({q['answer_hint']})")
                continue
            state = sessions.state(thread)
            print(f"ioring> {state.get('reply', '')}")
            print(f"        files: {sessions.run_dir(thread)}")
    finally:
        sessions.close()
    return 0
