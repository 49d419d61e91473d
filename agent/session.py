"""Persistent threads: the agent graph compiled with a SQLite checkpointer, and run folders.

Threads live in ``$IORING_HOME/sessions.sqlite`` (default ``~/.ioring``); each thread's design
files in ``$IORING_HOME/runs/<thread>/``. A thread resumes after a restart. Beside the
checkpoints the same database keeps a title per thread (design name, or the first words of the
request while there is no design yet; time; status, ``question`` while the planner waits; renamable)
and an edit log per thread for undo/redo (table ``ioring_edits``).
"""

from __future__ import annotations

import re
import json
import os
import shutil
import sqlite3
import time
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
TITLE_WORDS = 6  # a title from a request: its first words …
TITLE_CHARS = 48  # … cut at this many characters


class Sessions:
    """The compiled graph on a SQLite checkpointer, and the threads in it."""

    def __init__(self, agent: Agent, root: Path | None = None) -> None:
        self.root = root or home()
        self.root.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(self.root / "sessions.sqlite"), check_same_thread=False)
        self.saver = SqliteSaver(self.conn)
        self.saver.setup()
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS ioring_threads (thread TEXT PRIMARY KEY, title TEXT, renamed INTEGER DEFAULT 0,"
            " status TEXT, updated REAL);"
            "CREATE TABLE IF NOT EXISTS ioring_edits (thread TEXT, seq INTEGER, label TEXT, before TEXT, after TEXT,"
            " undone INTEGER DEFAULT 0, PRIMARY KEY (thread, seq));")
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

    def titles(self) -> list[dict[str, Any]]:
        """Threads newest first: ``{thread, title, status, updated}`` (title defaults to the thread id)."""
        known = {r[0]: r for r in self.conn.execute("SELECT thread, title, status, updated FROM ioring_threads")}
        out = []
        for thread in self.threads():
            _, title, status, updated = known.get(thread, (thread, None, None, None))
            out.append({"thread": thread, "title": title or thread, "status": status or "", "updated": updated})
        return out

    def rename(self, thread: str, title: str) -> None:
        """Give a thread a title of the user's own (kept over the design name)."""
        self.conn.execute("INSERT INTO ioring_threads (thread, title, renamed, updated) VALUES (?, ?, 1, ?) "
                          "ON CONFLICT(thread) DO UPDATE SET title = excluded.title, renamed = 1",
                          (thread, title.strip(), time.time()))
        self.conn.commit()

    def delete(self, thread: str) -> None:
        """Forget a thread: its checkpoints, title, edit log and run folder."""
        self.saver.delete_thread(thread)
        self.conn.execute("DELETE FROM ioring_threads WHERE thread = ?", (thread,))
        self.conn.execute("DELETE FROM ioring_edits WHERE thread = ?", (thread,))
        self.conn.commit()
        shutil.rmtree(self.run_dir(thread), ignore_errors=True)

    @staticmethod
    def _title(thread: str, state: AgentState) -> str:
        """A thread's default title: the design name, else the first words of the request, else the id."""
        design = (state.get("intent") or {}).get("design")
        if design:
            return design
        words = " ".join(str(state.get("request") or "").split()[:TITLE_WORDS]).rstrip(",;:.-")
        if len(words) > TITLE_CHARS:
            words = words[:TITLE_CHARS - 1].rstrip() + "…"
        return words or thread

    def _note(self, thread: str, state: AgentState) -> None:
        """Title (design name or request, unless renamed) and status of a thread after a turn.

        A turn waiting on a planner question has status ``question``.
        """
        design = self._title(thread, state)
        status = "question" if self.questions(thread) else state.get("status", "")
        self.conn.execute("INSERT INTO ioring_threads (thread, title, status, updated) VALUES (?, ?, ?, ?) "
                          "ON CONFLICT(thread) DO UPDATE SET status = excluded.status, updated = excluded.updated, "
                          "title = CASE WHEN renamed = 1 THEN title ELSE excluded.title END",
                          (thread, design, status, time.time()))
        self.conn.commit()

    def _log(self, thread: str, label: str, before: dict[str, Any], after: dict[str, Any]) -> None:
        """Append an edit (dropping what was undone after the last one: a new branch clears redo)."""
        self.conn.execute("DELETE FROM ioring_edits WHERE thread = ? AND undone = 1", (thread,))
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM ioring_edits WHERE thread = ?",
                                (thread,)).fetchone()[0]
        self.conn.execute("INSERT INTO ioring_edits (thread, seq, label, before, after) VALUES (?, ?, ?, ?, ?)",
                          (thread, seq, label, json.dumps(before), json.dumps(after)))
        self.conn.commit()

    def edits(self, thread: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        """The edit an undo would revert and the one a redo would replay: ``{seq, label, intent}`` or None."""
        undo = self.conn.execute("SELECT seq, label, before FROM ioring_edits WHERE thread = ? AND undone = 0 "
                                 "ORDER BY seq DESC LIMIT 1", (thread,)).fetchone()
        redo = self.conn.execute("SELECT seq, label, after FROM ioring_edits WHERE thread = ? AND undone = 1 "
                                 "ORDER BY seq LIMIT 1", (thread,)).fetchone()
        return tuple({"seq": r[0], "label": r[1], "intent": json.loads(r[2])} if r else None  # type: ignore[return-value]
                     for r in (undo, redo))

    def mark(self, thread: str, seq: int, undone: bool) -> None:
        """Record that the edit ``seq`` was undone (or redone)."""
        self.conn.execute("UPDATE ioring_edits SET undone = ? WHERE thread = ? AND seq = ?", (int(undone), thread, seq))
        self.conn.commit()

    def waiting(self, thread: str) -> tuple[str, ...]:
        """The nodes a paused turn waits to run (``("layout",)`` for an interpretation to confirm)."""
        return tuple(self.graph.get_state({"configurable": {"thread_id": thread}}).next)

    def state(self, thread: str) -> AgentState:
        """The saved state of a thread (empty for a new one)."""
        return self.graph.get_state({"configurable": {"thread_id": thread}}).values  # type: ignore[return-value]

    def stream(self, thread: str, request: str | None, *, confirm: bool = False, answer: Any = None,
               log: str | None = None, **fields: Any):
        """Run one turn, yielding ``(node, update)`` as each node finishes.

        ``confirm`` pauses the turn before layout (the planned intent waits for ``confirm_build``);
        a turn waiting for the planner's ``questions`` is resumed with the request (or ``answer``)
        as the answer; ``request=None`` resumes a paused turn; ``log`` records the turn as an
        undoable edit with this label when it changed a built ring.
        """
        config = {"configurable": {"thread_id": thread}}
        before = self.state(thread)
        if answer is not None or (request is not None and self.questions(thread)):
            inputs: Any = Command(resume=answer if answer is not None else request)
        elif request is None:
            inputs = None
        else:
            inputs = {"request": request, "run_dir": str(self.run_dir(thread)), "ask": True, **fields}
        for chunk in self.graph.stream(inputs, config, stream_mode="updates",
                                       interrupt_before=["layout"] if confirm else None):
            for node, update in chunk.items():
                if node != "__interrupt__" or confirm:
                    yield node, update
        after = self.state(thread)
        self._note(thread, after)
        built = ("checked", "check_failed")
        was = before.get("intent") if before.get("status") in built else (before.get("previous") or {}).get("intent")
        if log and was and after.get("status") in built and was != after.get("intent"):
            self._log(thread, log, was, after["intent"])

    def questions(self, thread: str) -> list[dict[str, Any]]:
        """The planner's open questions on a thread (empty when it is not waiting for an answer)."""
        snapshot = self.graph.get_state({"configurable": {"thread_id": thread}})
        return [q for task in snapshot.tasks for i in task.interrupts for q in i.value.get("questions", [])]

    def confirm_build(self, thread: str):
        """Build a paused turn's intent as confirmed by the user; yields like ``stream``."""
        config = {"configurable": {"thread_id": thread}}
        self.graph.update_state(config, {"confirmed": True})
        yield from self.stream(thread, None)

    def turn(self, thread: str, request: str, **fields: Any) -> AgentState:
        """Run one turn to the end and return the thread's state."""
        for _ in self.stream(thread, request, **fields):
            pass
        return self.state(thread)

    def close(self) -> None:
        """Close the database."""
        self.conn.close()
