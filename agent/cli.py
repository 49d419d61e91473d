"""CLI commands that start from a spec: `ioring plan` and `ioring design`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from adaptor.errors import UserError
from adaptor.load import dump_intent, read_text
from agent.config import load_config
from agent.planner import plan_file
from ioring.args import thread_id
from ioring.files import check_output_dir, write_text_atomic
from verify.check import print_check


def _print_notes(result_notes: list[str], findings: list) -> None:
    for note in result_notes:
        print(f"note: {note}", file=sys.stderr)
    for finding in findings:
        print(finding.line(), file=sys.stderr)


def cmd_plan(args: argparse.Namespace) -> int:
    """Plan a spec into an intent graph (rule-based planner)."""
    result = plan_file(args.spec, args.technology, args.strict)
    _print_notes(result.intent.notes, result.findings)
    if args.explain:
        from agent.planner.explain import format_explain

        sys.stderr.write(format_explain(result))
    text = dump_intent(result.intent)
    if args.output:
        write_text_atomic(args.output, text)
        print(f"wrote {args.output} ({len(result.intent.pads)} pads)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_design(args: argparse.Namespace) -> int:
    """Plan (LLM or rules) → validate → repair → build → check, all outputs in one folder."""
    config = load_config()
    from agent.graph import Agent, spec_format  # LangChain/LangGraph: ~2.6 s to import, only for the agent

    agent = Agent(config)
    planner = args.planner
    uses_llm = planner == "llm" or (planner == "auto" and config.configured)
    print(f"planner: {config.describe() if uses_llm else 'rule-based planner'}", file=sys.stderr)
    spec = Path(args.spec)
    request = read_text(spec, "pass a spec: prompt text or a YAML/TOML/CSV pad table")
    check_output_dir(args.output, args.force, [spec])
    state = agent.graph().compile().invoke({
        "request": request, "spec_format": spec_format(args.spec), "planner": planner,
        "technology": args.technology or "", "run_dir": str(Path(args.output))})
    intent = state.get("intent")
    if intent:
        _print_notes(intent.get("notes", []), [])
    status = state.get("status")
    if status in ("checked", "check_failed"):
        print(f"wrote {args.output}/", file=sys.stderr)
        return print_check({k: state["checks"][k] for k in ("drc", "lvs")},
                           f"the {'confirmed' if state.get('confirmed') else 'planned'} intent ({args.output}/intent.json)")
    for f in state.get("findings") or []:
        print(f"[{f.get('severity', 'error')}] {f['rule']} at {f['where']}: {f['message']}"
              + (f" (hint: {f['hint']})" if f.get("hint") else ""), file=sys.stderr)
    raise UserError(f"{spec}: {state.get('reply', status)}", "fix the spec (or the LLM setup) and run again")


def cmd_chat(args: argparse.Namespace) -> int:
    """A terminal chat on the agent graph; threads persist in $IORING_HOME/sessions.sqlite."""
    from agent.chat import chat_loop

    return chat_loop(args.thread, args.planner)


def cmd_llm_serve(args: argparse.Namespace) -> int:
    """Serve a local GGUF model over an OpenAI-compatible HTTP API until stopped."""
    from agent.local_llm import LocalServerConfig, serve

    config = LocalServerConfig(model_path=Path(args.model), port=args.port, context_tokens=args.context,
                               **({"threads": args.threads} if args.threads else {}))
    return serve(config, announce=lambda line: print(line, file=sys.stderr, flush=True))


def _port(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a TCP port (0-65535)")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return value


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register `plan` and `design` on the main parser."""
    p = sub.add_parser("plan", help="turn a spec (prompt text, YAML/TOML/CSV table) into an intent graph")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("-o", "--output", help="intent file to write (default: standard output)")
    p.add_argument("--technology", help="target technology (default: sg13g2)")
    p.add_argument("--explain", action="store_true",
                   help="print per pad: position, class, role, domain, direction and what decided it")
    p.add_argument("--strict", action="store_true", help="refuse instead of assuming (no default order …)")
    p.set_defaults(func=cmd_plan)

    p = sub.add_parser("design", help="plan, validate, repair, build and check a spec into a folder")
    p.add_argument("spec", metavar="SPEC")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace DIR even if ioring did not write it")
    p.add_argument("--technology", help="target technology (default: sg13g2)")
    p.add_argument("--planner", choices=("auto", "llm", "rules"), default="auto",
                   help="auto: the LLM when IORING_LLM_BASE_URL/IORING_LLM_API_KEY is set, else rules")
    p.set_defaults(func=cmd_design)

    p = sub.add_parser("llm", help="local LLM: `ioring llm serve --model FILE.gguf` (llama.cpp, OpenAI-compatible)")
    llm_sub = p.add_subparsers(dest="llm_command", required=True, metavar="serve")
    q = llm_sub.add_parser("serve", help="serve a GGUF model on 127.0.0.1 until Ctrl-C")
    q.add_argument("--model", required=True, metavar="FILE.gguf")
    q.add_argument("--port", type=_port, default=8080, help="TCP port on 127.0.0.1 (0: any free port)")
    q.add_argument("--context", type=_positive, default=8192, help="context window, tokens")
    q.add_argument("--threads", type=_positive, help="CPU threads (default: all cores)")
    q.set_defaults(func=cmd_llm_serve)

    p = sub.add_parser("chat", help="design and edit rings in a terminal chat (threads persist)")
    p.add_argument("--thread", type=thread_id, help="resume this thread (default: a new one)")
    p.add_argument("--planner", choices=("auto", "llm", "rules"), default="auto")
    p.set_defaults(func=cmd_chat)
