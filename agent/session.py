"""Persistent threads: the agent graph compiled with a SQLite checkpointer, and run folders.

Threads live in ``$IORING_HOME/sessions.sqlite`` (default ``~/.ioring``); each thread's design
files in ``$IORING_HOME/runs/<thread>/``. A thread resumes after a restart.
"""

from __future__ import annotations

import re
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command

from adaptor.errors import UserError
from agent.graph import Agent, AgentState
from ioring.args import THREAD_PATTERN
from ioring.files import ioring_home as home

_THREAD_RE = re.compile(THREAD_PATTERN)


class Sessions:
    """The compiled graph on a SQLite checkpointer, and the threads in it."""

    def __init__(self, agent: Agent, root: Path | None = None) -> None:
        self.root = root or home()
        self.root.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.root / "sessions.sqlite"), check_same_thread=False)
        self.saver = SqliteSaver(self.conn)
        self.use(agent)

    def use(self, agent: Agent) -> None:
        """Run later turns with ``agent`` (e.g. new LLM settings); threads stay as they are."""
        self.graph = agent.graph().compile(checkpointer=self.saver)

    def run_dir(self, thread: str) -> Path:
        """The design folder of a thread, strictly inside ``root/runs``; UserError for a bad thread id."""
        runs = (self.root / "runs").resolve()
        folder = (runs / thread).resolve() if isinstance(thread, str) and _THREAD_RE.fullmatch(thread) else None
        if folder is None or folder.parent != runs:
            raise UserError(f"not a thread id: {thread!r}",
                            "thread ids are letters, digits, _ and - (at most 64), e.g. from /threads")
        return folder

    @staticmethod
    def new_thread() -> str:
        """A fresh thread id."""
        return uuid.uuid4().hex[:12]

    def threads(self) -> list[str]:
        """Thread ids with saved state, newest first."""
        self.saver.setup()
        rows = self.conn.execute("SELECT thread_id, MAX(rowid) FROM checkpoints GROUP BY thread_id "
                                 "ORDER BY MAX(rowid) DESC").fetchall()
        return [r[0] for r in rows]

    def state(self, thread: str) -> AgentState:
        """The saved state of a thread (empty for a new one)."""
        return self.graph.get_state({"configurable": {"thread_id": thread}}).values  # type: ignore[return-value]

    def stream(self, thread: str, request: str, **fields: Any):
        """Run one turn, yielding ``(node, update)`` as each node finishes; a turn waiting for an
        answer (``questions``) is resumed with ``answer`` instead of starting a new one."""
        config = {"configurable": {"thread_id": thread}}
        inputs: Any = {"request": request, "run_dir": str(self.run_dir(thread)), "ask": True, **fields}
        if self.questions(thread):
            inputs = Command(resume=request)
        for chunk in self.graph.stream(inputs, config, stream_mode="updates"):
            for node, update in chunk.items():
                if node != "__interrupt__":
                    yield node, update

    def questions(self, thread: str) -> list[dict[str, Any]]:
        """The planner's open questions on a thread (empty when it is not waiting for an answer)."""
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread}})
        return [q for task in snapshot.tasks for i in task.interrupts for q in i.value.get("questions", [])]

    def turn(self, thread: str, request: str, **fields: Any) -> AgentState:
        """Run one turn to the end and return the thread's state."""
        for _ in self.stream(thread, request, **fields):
            pass
        return self.state(thread)

    def close(self) -> None:
        """Close the database."""
        self.conn.close()
