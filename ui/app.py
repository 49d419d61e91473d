"""The ioring chat app (Streamlit): design, edit, check and download I/O rings from the browser.

Run with ``ioring ui``. The app is a face of the agent graph: each chat message is a turn on a
thread persisted in ``$IORING_HOME/sessions.sqlite`` (the thread id is kept in the URL, so a
reload or a restart continues it).
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path

import streamlit as st

from adaptor import technologies
from adaptor.errors import UserError
from agent.config import LLMConfig, load_config
from agent.graph import Agent
from agent.session import Sessions
from ioring.args import THREAD_PATTERN
from ui.table import COLUMNS, apply_rows, rows

ROOT = Path(__file__).resolve().parent.parent
THREAD_RE = re.compile(THREAD_PATTERN)
EXAMPLES = sorted((ROOT / "examples" / "specs").glob("*.txt"))
STEP_LABELS = {"knowledge": "loading knowledge", "plan": "planning", "edit": "editing", "validate": "validating",
               "repair": "repairing", "layout": "laying out", "verify": "DRC and LVS", "report": "reporting"}
DOWNLOADS = [("ring.gds", "GDS", "application/octet-stream"), ("ring.oas", "OASIS", "application/octet-stream"),
             ("ring.sp", "SPICE", "text/plain"), ("ring.v", "Verilog", "text/plain"),
             ("intent.json", "intent JSON", "application/json"), ("review.html", "review HTML", "text/html")]


def sidebar() -> tuple[LLMConfig, str, str]:
    """LLM settings, planner, technology, examples and threads; returns (config, planner, technology)."""
    env = load_config()
    with st.sidebar:
        st.header("ioring")
        with st.expander("LLM endpoint", expanded=False):
            base_url = st.text_input("Base URL", value=env.base_url or "", placeholder="http://localhost:11434/v1")
            model = st.text_input("Model", value=env.model)
            api_key = st.text_input("API key", value=env.api_key or "", type="password")
        try:
            config = env.model_copy(update={"base_url": base_url or None, "model": model or env.model,
                                            "api_key": api_key or None})
        except ValueError:
            config = env
        planner = st.radio("Planner", ["auto", "rules", "llm"], horizontal=True,
                           help="auto: the LLM when an endpoint is set, else the rule-based planner")
        uses_llm = planner == "llm" or (planner == "auto" and config.configured)
        st.caption(f"Active: {config.describe() if uses_llm else 'rule-based planner (offline)'}")
        technology = st.selectbox("Technology", technologies.available())
        st.subheader("Examples")
        for spec in EXAMPLES:
            if st.button(spec.stem, key=f"example-{spec.stem}", width="stretch"):
                st.session_state["pending"] = spec.read_text(encoding="utf-8")
        st.subheader("Threads")
        if st.button("New thread", width="stretch"):
            st.session_state["thread"] = Sessions.new_thread()
            st.query_params["thread"] = st.session_state["thread"]
        for thread in st.session_state["sessions"].threads()[:20]:
            label = f"▶ {thread}" if thread == st.session_state["thread"] else thread
            if st.button(label, key=f"thread-{thread}", width="stretch"):
                st.session_state["thread"] = thread
                st.query_params["thread"] = thread
    return config, planner, technology


def run_turn(request: str, planner: str, technology: str, **extra: object) -> None:
    """One agent turn with live steps; problems become chat messages, never tracebacks."""
    sessions: Sessions = st.session_state["sessions"]
    thread = st.session_state["thread"]
    with st.status("Working…", expanded=True) as status:
        try:
            for node, _ in sessions.stream(thread, request, planner=planner, technology=technology, **extra):
                status.write(f"✓ {STEP_LABELS.get(node, node)}")
            state = sessions.state(thread)
            ok = state.get("status") == "checked"
            status.update(label="Done" if ok else "Stopped", state="complete" if ok else "error", expanded=False)
        except UserError as exc:
            status.update(label="Error", state="error")
            st.session_state["errors"].append(str(exc))
        except Exception as exc:  # noqa: BLE001 (the page must show a message, not a traceback)
            status.update(label="Error", state="error")
            st.session_state["errors"].append(f"Something went wrong: {type(exc).__name__}: {exc}")


def results(state: dict, planner: str, technology: str) -> None:
    """Picture, pad table, checks and downloads of the thread's current ring."""
    folder = st.session_state["sessions"].run_dir(st.session_state["thread"])
    if (folder / "ring.png").is_file():
        st.image(str(folder / "ring.png"), caption="The ring", width="stretch")
    intent = state.get("intent")
    if intent:
        st.subheader("Pads")
        edited = st.data_editor(rows(intent), key="pad_table", num_rows="dynamic", width="stretch",
                                column_order=COLUMNS)
        if st.button("Apply table edits", type="primary"):
            run_turn("edited the pad table", planner, technology, proposed=apply_rows(intent, list(edited)))
            st.rerun()
    checks = state.get("checks") or {}
    if "drc" in checks:
        st.subheader("Checks")
        for name in ("drc", "lvs"):
            report = checks[name]
            text = f"{name.upper()}: " + ("clean" if report["clean"] else f"{report['count']} violation(s)")
            (st.success if report["clean"] else st.error)(text)
            if report["findings"]:
                st.dataframe([{k: f.get(k) for k in ("rule", "where", "message", "severity")}
                              for f in report["findings"]], width="stretch")
    if (folder / "ring.gds").is_file():
        st.subheader("Downloads")
        if (folder / "drc.json").is_file() and not (folder / "review.html").is_file():
            from verify.review import render_review

            (folder / "review.html").write_text(render_review(folder))
        cols = st.columns(len(DOWNLOADS))
        for col, (name, label, mime) in zip(cols, DOWNLOADS):
            if (folder / name).is_file():
                col.download_button(label, (folder / name).read_bytes(), file_name=name, mime=mime, key=f"dl-{name}")


def _remote(ip: object) -> bool:
    """True for a client address that is not this machine (Streamlit gives None for localhost)."""
    try:
        return isinstance(ip, str) and not ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return True


def main() -> None:
    """The page."""
    st.set_page_config(page_title="ioring", layout="wide")
    if not st.get_option("server.address") and _remote(st.context.ip_address):
        # started without an address, Streamlit listens on every address: serve this machine only
        st.error("This server was started without a listen address, so it only serves this machine. "
                 "Start it with `ioring ui` (127.0.0.1), or choose the address with `--server.address`.")
        st.stop()
    if "sessions" not in st.session_state:
        st.session_state["sessions"] = Sessions(Agent(load_config()))
        st.session_state["errors"] = []
    thread = st.query_params.get("thread") or st.session_state.get("thread") or Sessions.new_thread()
    if not THREAD_RE.fullmatch(thread):  # the URL is user input: never a path
        st.session_state["errors"].append(f"Not a thread id: {thread[:80]!r}; started a new thread.")
        thread = Sessions.new_thread()
    st.session_state["thread"] = thread
    st.query_params["thread"] = thread
    config, planner, technology = sidebar()
    st.session_state["sessions"].use(Agent(config))
    st.title("I/O ring designer")
    st.caption(f"Thread {thread}. Paste a spec (AMS-IO-Bench style) or ask for an edit: "
               "'move VREF to the right side', 'make D0..D3 16 mA outputs'.")
    state = st.session_state["sessions"].state(thread)
    for message in state.get("history", []):
        with st.chat_message(message["role"]):
            st.markdown(message["content"] if message["role"] == "assistant" else f"```\n{message['content']}\n```")
    for question in st.session_state["sessions"].questions(thread):  # the planner waits for an answer
        with st.chat_message("assistant"):
            st.markdown(f"{question['question']} ({question['rule']}; {question['answer_hint']})")
    for error in st.session_state["errors"]:
        with st.chat_message("assistant"):
            st.error(error)
    st.session_state["errors"] = []
    request = st.chat_input("Spec or edit") or st.session_state.pop("pending", None)
    if request:
        run_turn(request, planner, technology)
        st.rerun()
    if state:
        results(state, planner, technology)


main()
