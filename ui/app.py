"""The ioring chat app (Streamlit): design, edit, check and download I/O rings from the browser.

Run with ``ioring ui``. The app is a face of the agent graph: each chat message is a turn on a
thread persisted in ``$IORING_HOME/sessions.sqlite`` (the thread id is kept in the URL, so a
reload or a restart continues it). A new request stops before layout and shows what the
planner understood; only *Build* lays it out, and "clean" is always said of that confirmed
intent. Edits (chat or table) build directly and reply with a diff; they can be undone.
"""

from __future__ import annotations

import base64
import html
import ipaddress
import json
import re
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from adaptor import technologies
from adaptor.errors import UserError
from agent.config import LLMConfig, load_config
from agent.editor import diff
from agent.graph import Agent, is_edit
from agent.llm import LLMError
from agent.session import Sessions
from ioring.args import THREAD_PATTERN
from ui import interpretation
from ui.inputs import is_long, spec_format
from ui.ringview import ring_view
from ui.table import COLUMNS, DIRECTIONS, DOMAIN_NETS, ROLES, apply_rows, changed, drives, new_domain, problems, rows

ROOT = Path(__file__).resolve().parent.parent
THREAD_RE = re.compile(THREAD_PATTERN)
EXAMPLES = sorted(p for p in (ROOT / "examples" / "specs").iterdir()
                  if p.suffix.lower() in (".txt", ".yaml", ".yml", ".toml", ".csv"))
STEP_LABELS = {"knowledge": "loading knowledge", "plan": "planning", "edit": "editing", "validate": "validating",
               "repair": "repairing", "layout": "laying out", "verify": "DRC and LVS", "report": "reporting",
               "__interrupt__": "waiting for your confirmation"}
DOWNLOADS = [("ring.gds", "GDS", "application/octet-stream"), ("ring.oas", "OASIS", "application/octet-stream"),
             ("ring.sp", "SPICE", "text/plain"), ("ring.v", "Verilog", "text/plain"),
             ("intent.json", "intent JSON", "application/json"), ("review.html", "review HTML", "text/html")]
BUILT = ("checked", "check_failed")
STATUS_WORDS = {"checked": "clean", "check_failed": "violations", "valid": "to confirm", "question": "question"}


# --- state changes (button callbacks run before the page, so the page shows their result) -------

def _switch(thread: str) -> None:
    st.session_state["thread"] = thread
    st.query_params["thread"] = thread
    st.session_state.pop("last_steps", None)


def _queue(**turn: Any) -> None:
    """Run ``turn`` on the next pass (inputs are disabled until it is done)."""
    st.session_state["turn"] = turn


def _queue_upload() -> None:
    upload = st.session_state.get("upload")
    # the uploader keeps its file across reruns and threads: each file is read as a request once
    if upload is not None and st.session_state.get("uploaded") != upload.file_id:
        st.session_state["uploaded"] = upload.file_id
        text = upload.getvalue().decode("utf-8", errors="replace")
        _queue(kind="request", request=text, spec_format=spec_format(text, upload.name))


def _rename() -> None:
    title = st.session_state.get("rename", "").strip()
    if title:
        st.session_state["sessions"].rename(st.session_state["thread"], title)


def _delete() -> None:
    sessions: Sessions = st.session_state["sessions"]
    sessions.delete(st.session_state["thread"])
    rest = sessions.titles()
    _switch(rest[0]["thread"] if rest else Sessions.new_thread())


def sidebar(busy: bool) -> tuple[LLMConfig, str, str]:
    """LLM settings, planner, technology, inputs and threads; returns (config, planner, technology)."""
    env = load_config()
    sessions: Sessions = st.session_state["sessions"]
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
        st.subheader("Threads")
        st.button("New thread", width="stretch", disabled=busy, on_click=_switch, args=(Sessions.new_thread(),))
        current = st.session_state["thread"]
        for entry in sessions.titles()[:20]:
            when = datetime.fromtimestamp(entry["updated"]).strftime("%d %b %H:%M") if entry["updated"] else ""
            status = STATUS_WORDS.get(entry["status"], "stopped" if entry["status"] else "")
            label = " · ".join(x for x in (entry["title"], when, status) if x)
            st.button(f"▶ {label}" if entry["thread"] == current else label, key=f"thread-{entry['thread']}",
                      width="stretch", disabled=busy, on_click=_switch, args=(entry["thread"],),
                      help=f"thread {entry['thread']}")
        if any(e["thread"] == current for e in sessions.titles()):
            with st.expander("This thread"):
                st.text_input("Title", key="rename", on_change=_rename, placeholder="a name of your own",
                              disabled=busy)
                st.button("Delete this thread", on_click=_delete, disabled=busy, width="stretch")
        st.subheader("Inputs")
        st.file_uploader("Upload a spec or pad table", type=["txt", "yaml", "yml", "toml", "csv"], key="upload",
                         on_change=_queue_upload, disabled=busy)
        st.caption("Examples")
        for spec in EXAMPLES:
            text = spec.read_text(encoding="utf-8")
            st.button(spec.name, key=f"example-{spec.name}", width="stretch", disabled=busy, on_click=_queue,
                      kwargs={"kind": "request", "request": text, "spec_format": spec_format(text, spec.name)})
    return config, planner, technology


# --- a turn ------------------------------------------------------------------------------------

def _plain(exc: Exception) -> str:
    """A user-facing sentence for a failed turn."""
    if isinstance(exc, LLMError):
        return (f"The language model did not answer ({exc.message}). Check the LLM endpoint in the sidebar "
                "(base URL, model, API key), or choose the 'rules' planner to work offline.")
    if isinstance(exc, UserError):
        return str(exc)
    return (f"Something went wrong on our side ({type(exc).__name__}: {exc}). The thread is saved; "
            "try again, or start a new thread.")


def run_turn(turn: dict[str, Any], planner: str, technology: str) -> None:
    """One agent turn with a live step list (kept for the page after the run); problems become messages."""
    sessions: Sessions = st.session_state["sessions"]
    thread = st.session_state["thread"]
    kind = turn["kind"]
    fields: dict[str, Any] = {"planner": planner, "technology": technology}
    if kind == "build":
        steps = sessions.confirm_build(thread)
    elif kind == "answer":
        steps = sessions.stream(thread, None, answer=turn["request"], confirm=True)  # answered: confirm before build
    elif kind in ("undo", "redo", "table"):
        waiting = bool(sessions.waiting(thread))
        steps = sessions.stream(thread, turn["request"], proposed=turn["intent"], spec_format="prompt",
                                confirm=waiting, confirmed=not waiting, log=turn["request"] if kind == "table" else None,
                                **fields)
    else:
        state = sessions.state(thread)
        fmt = turn.get("spec_format", "prompt")
        new = not is_edit({"intent": state.get("intent"), "spec_format": fmt, "request": turn["request"]})
        confirm = new or bool(sessions.waiting(thread))
        steps = sessions.stream(thread, turn["request"], spec_format=fmt, confirm=confirm, confirmed=not confirm,
                                log=None if confirm else turn["request"], **fields)
    lines: list[str] = []
    start = last = time.perf_counter()
    with st.status("Working…", expanded=True) as status:
        try:
            for node, _ in steps:
                now = time.perf_counter()
                lines.append(f"✓ {STEP_LABELS.get(node, node)} ({now - last:.2f} s)")
                status.write(lines[-1])
                last = now
            state = sessions.state(thread)
            ok = state.get("status") in BUILT + ("valid",)
            status.update(label=f"Done in {time.perf_counter() - start:.1f} s" if ok else "Stopped",
                          state="complete" if ok else "error", expanded=False)
            if kind in ("undo", "redo") and state.get("status") in BUILT:
                sessions.mark(thread, turn["seq"], kind == "undo")
        except Exception as exc:  # noqa: BLE001 (the page must show a message, not a traceback)
            status.update(label="Error", state="error")
            st.session_state["errors"].append(_plain(exc))
    st.session_state["last_steps"] = lines
    if sessions.state(thread).get("status") not in BUILT + ("valid",):
        st.session_state["table_version"] = st.session_state.get("table_version", 0) + 1  # reset rejected edits


# --- the page ----------------------------------------------------------------------------------

def show_message(message: dict[str, str]) -> None:
    """A chat bubble; user text is shown verbatim (never parsed as Markdown), long pastes collapsed."""
    with st.chat_message(message["role"]):
        text = message["content"]
        if message["role"] == "assistant":
            st.markdown(text)
        elif is_long(text):
            with st.expander(f"{text.strip().splitlines()[0][:80]} … ({len(text.splitlines())} lines)"):
                st.code(text, language=None, wrap_lines=True)
        else:
            st.code(text, language=None, wrap_lines=True)


def confirm_panel(intent: dict[str, Any], explain: list[dict[str, Any]] | None) -> None:
    """What the planner understood, with Build and Edit; nothing is built before Build."""
    st.subheader("Interpretation: check it, then build")
    ring = intent["ring"]["pads"]
    domains = ", ".join(f"{d['name']} ({d['kind']})" for d in intent["domains"])
    st.markdown(f"**{intent['design']}**: {len(intent['pads'])} pads; per side left {ring['left']}, bottom "
                f"{ring['bottom']}, right {ring['right']}, top {ring['top']}; domains {domains}. Nothing is built yet.")
    flagged = interpretation.flagged(intent)
    if flagged:
        st.warning("**Check these pads** (the name and the domain disagree):\n" +
                   "\n".join(f"- {line}" for line in flagged), icon="⚠️")
    if intent.get("notes"):
        st.info("**Assumptions of the planner:**\n" + "\n".join(f"- {note}" for note in intent["notes"]), icon="ℹ️")
    st.dataframe(interpretation.rows(intent, explain), width="stretch", hide_index=True, key="interpretation")
    left, right, _ = st.columns([1, 1, 4])
    left.button("Build", type="primary", on_click=_queue, kwargs={"kind": "build", "request": "build"})
    if right.button("Edit", help="change the pads in the table below before building"):
        st.session_state["editing"] = True
    if st.session_state.get("editing"):
        pad_table(intent, [], "Apply and re-check the interpretation")


def pad_table(intent: dict[str, Any], findings: list[dict[str, Any]], action: str) -> None:
    """The editable pad table: dropdowns, a cell column, renumbering, problems on their rows."""
    key = f"pad_table-{st.session_state.get('table_version', 0)}"
    st.session_state["table_key"] = key
    table = rows(intent)
    marks = problems(findings, table)
    # typed columns: a column of only empty cells would otherwise be Arrow "null", which the grid cannot edit
    data = pd.DataFrame([{**row, "problem": marks.get(k, "")} for k, row in enumerate(table)],
                        columns=COLUMNS + ["problem"]).astype(
        {**{c: "string" for c in COLUMNS + ["problem"]}, "drive_ma": "Int64"})
    added = _added_domains(intent)
    domains = [d["name"] for d in intent["domains"] + added]
    config = {"role": st.column_config.SelectboxColumn("role", options=ROLES, required=True),
              "domain": st.column_config.SelectboxColumn("domain", options=domains, required=True),
              "direction": st.column_config.SelectboxColumn("direction", options=DIRECTIONS),
              "drive_ma": st.column_config.SelectboxColumn("drive (mA)", options=drives(intent["technology"])),
              "cell": st.column_config.TextColumn("cell", help="a library cell override (empty: by role)"),
              "position": st.column_config.TextColumn("position", help="type another position to move the pad there "
                                                      "(it goes before the pad now there); positions are renumbered"),
              "problem": st.column_config.TextColumn("problem", disabled=True)}
    with st.container(key="pad-editor"):
        edited = st.data_editor(data, key=key, num_rows="dynamic", width="stretch", column_config=config,
                                column_order=COLUMNS + ["problem"], hide_index=True)
    if st.button(action, type="primary", disabled=not changed(st.session_state.get(key))):
        proposed = apply_rows(intent, [{c: r.get(c) for c in COLUMNS} for r in edited.to_dict("records")], added)
        _queue(kind="table", request=_table_label(intent, proposed), intent=proposed)
        st.session_state["editing"] = False
        st.rerun()
    domain_form(intent, added)


def _table_label(before: dict[str, Any], after: dict[str, Any]) -> str:
    """The chat line (and undo label) of a table edit: what it changes, e.g. 'table: D0 direction out → in'."""
    try:
        changes = diff(before, after)
    except (KeyError, ValueError, TypeError):  # a malformed row: the validator names it in the reply
        changes = []
    text = "; ".join(changes)
    return f"table: {text[:117] + '…' if len(text) > 118 else text}" if changes else "edited the pad table"


def _added_domains(intent: dict[str, Any]) -> list[dict[str, Any]]:
    """Domains the user added on this thread that the intent does not have yet (offered by the grid)."""
    pending = st.session_state.setdefault("added_domains", {}).setdefault(st.session_state["thread"], [])
    have = {d["name"] for d in intent["domains"]}
    pending[:] = [d for d in pending if d["name"] not in have]
    return pending


def _add_domain(intent: dict[str, Any], added: list[dict[str, Any]]) -> None:
    kind = st.session_state["new_domain_kind"]
    nets = {net: st.session_state.get(f"new_domain_{net}", "") for net in DOMAIN_NETS[kind]}
    try:
        added.append(new_domain(intent, added, kind, st.session_state.get("new_domain_name", ""), nets))
    except UserError as exc:
        st.session_state["domain_error"] = str(exc)


def domain_form(intent: dict[str, Any], added: list[dict[str, Any]]) -> None:
    """Add a domain: once added, the grid's domain dropdown offers it; Apply puts it in the intent."""
    with st.expander("Add a domain", expanded=bool(added) or "domain_error" in st.session_state):
        kind = st.radio("Kind", list(DOMAIN_NETS), horizontal=True, key="new_domain_kind")
        cols = st.columns(1 + len(DOMAIN_NETS[kind]))
        cols[0].text_input("Name", key="new_domain_name", placeholder="AVDD2")
        for col, net in zip(cols[1:], DOMAIN_NETS[kind]):
            col.text_input(f"{net} net", key=f"new_domain_{net}", placeholder=net.upper() + "2")
        st.button("Add domain", key="add_domain", on_click=_add_domain, args=(intent, added))
        if "domain_error" in st.session_state:
            st.error(st.session_state.pop("domain_error"))
        if added:
            st.caption("Added, offered in the domain column; in the design once a pad uses it and you apply: " +
                       "; ".join(f"{d['name']} ({d['kind']}: {', '.join(d[n] for n in DOMAIN_NETS[d['kind']])})"
                                 for d in added))


def results(state: dict[str, Any]) -> None:
    """The ring view, undo/redo, pad table, checks and downloads of the thread's last built ring."""
    sessions: Sessions = st.session_state["sessions"]
    thread = st.session_state["thread"]
    folder = sessions.run_dir(thread)
    rejected = state.get("status") not in BUILT
    shown = (state.get("previous") or {}) if rejected else state
    checks = shown.get("checks") or {}
    if rejected and checks:
        st.warning("Previous ring: your last request was not applied (see the reply above). The ring, checks and "
                   "downloads below are those of the last ring that was built.", icon="↩️")
    intent = shown.get("intent") or state.get("intent")
    findings = [f for name in ("drc", "lvs") for f in (checks.get(name) or {}).get("findings", [])]
    if (folder / "placement.json").is_file():
        st.subheader("Ring")
        selected = ring_view(folder, findings, intent["ring"].get("order", "counterclockwise") if intent else
                             "counterclockwise", key=f"ring-{thread}")
        if selected and intent:
            row = [r for r in interpretation.rows(intent) if r["position"] == selected]
            st.caption(f"Selected on the ring: {selected}")
            st.dataframe(row, width="stretch", hide_index=True)
        with st.expander("Picture (PNG, as in the reports)"):
            alt = html.escape(f"The I/O ring {intent['design'] if intent else ''}: pads coloured by domain, supply "
                              "pads darker, names on the bond pads", quote=True)
            png = base64.b64encode((folder / "ring.png").read_bytes()).decode()
            st.html(f'<img src="data:image/png;base64,{png}" alt="{alt}" title="{alt}" style="max-width:100%">')
    undo, redo = sessions.edits(thread)
    if undo or redo:
        a, b, _ = st.columns([2, 2, 3])
        if undo:
            a.button(f"Undo: {undo['label'][:40]}", on_click=_queue, key="undo",
                     kwargs={"kind": "undo", "request": f"undo: {undo['label']}", "intent": undo["intent"],
                             "seq": undo["seq"]})
        if redo:
            b.button(f"Redo: {redo['label'][:40]}", on_click=_queue, key="redo",
                     kwargs={"kind": "redo", "request": f"redo: {redo['label']}", "intent": redo["intent"],
                             "seq": redo["seq"]})
    if intent and state.get("intent"):
        st.subheader("Pads")
        pad_table(state["intent"], state.get("findings") or [] if rejected else [], "Apply table edits")
    if "drc" in checks:
        st.subheader("Checks against the confirmed intent")
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
        st.session_state["thread"] = st.query_params.get("thread") or Sessions.new_thread()
    thread = st.session_state["thread"]
    if not THREAD_RE.fullmatch(thread):  # the URL is user input: never a path
        st.session_state["errors"].append(f"Not a thread id: {thread[:80]!r}; started a new thread.")
        thread = st.session_state["thread"] = Sessions.new_thread()
    st.query_params["thread"] = thread
    turn = st.session_state.get("turn")
    config, planner, technology = sidebar(busy=bool(turn))
    sessions: Sessions = st.session_state["sessions"]
    sessions.use(Agent(config))
    st.title("I/O ring designer")
    st.caption("Paste or upload a spec (AMS-IO-Bench prompt, YAML/TOML/CSV pad table), check what was understood, "
               "build; then edit in chat ('move VREF to the right side', 'make SDO a 16 mA output') or in the table.")
    request = st.chat_input("Spec or edit", disabled=bool(turn))
    if request and request.strip() and not turn:
        _queue(kind="answer" if sessions.questions(thread) else "request", request=request,
               spec_format=spec_format(request))
        st.rerun()
    state = sessions.state(thread)
    for message in state.get("history", []):
        show_message(message)
    for question in sessions.questions(thread):  # the planner waits; the next chat message answers it
        show_message({"role": "assistant", "content": f"**Question:** {question['question']} "
                                                      f"({question['answer_hint']}; {question['rule']})"})
    for error in st.session_state["errors"]:
        with st.chat_message("assistant"):
            st.error(error)
    st.session_state["errors"] = []
    if turn:
        if turn["kind"] in ("request", "answer"):
            show_message({"role": "user", "content": turn["request"]})
        run_turn(turn, planner, technology)
        st.session_state.pop("turn", None)
        st.rerun()
    if st.session_state.get("last_steps"):
        with st.expander("Steps of the last turn"):
            st.markdown("\n".join(f"- {line}" for line in st.session_state["last_steps"]))
    if sessions.waiting(thread) == ("layout",) and state.get("intent"):
        confirm_panel(state["intent"], state.get("explain"))
    elif state.get("intent") or state.get("previous"):
        results(state)


main()
