"""LLM calls and tokens of the agent on the real HTTP path, against the local scripted server.

For each example spec the server answers as the LLM reader: first statements that drop the
last pad (plan.signal_count), then the correct statements: one repair per spec. Token counts
are o200k_base counts of what went over the wire.

    python bench/agent_http.py [-o FILE]   (default bench/results/agent_http.json)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from adaptor.load import parse_intent  # noqa: E402
from agent.config import LLMConfig  # noqa: E402
from agent.graph import Agent  # noqa: E402
from bench.corpus.view import from_intent  # noqa: E402
from bench.llm_reader import statements_of  # noqa: E402
from tests.llm_server import ScriptedServer  # noqa: E402

SPECS = ["mixed_4x4.txt", "double_ring_6x6.txt", "multi_domain_8x8.txt"]


def broken(statements: dict) -> dict:
    """The statements with the last pad dropped."""
    return {**statements, "pads": statements["pads"][:-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="bench/results/agent_http.json")
    args = parser.parse_args()
    rows = []
    for spec in SPECS:
        intent = json.loads((ROOT / "examples" / spec.replace(".txt", ".json")).read_text())
        good = statements_of(from_intent(parse_intent(intent, spec)))
        srv = ScriptedServer([broken(good), good])
        try:
            with tempfile.TemporaryDirectory() as tmp:
                config = LLMConfig(base_url=srv.base_url, model="scripted", api_key="test", max_retries=0)
                state = Agent(config).graph().compile().invoke({
                    "request": (ROOT / "examples" / "specs" / spec).read_text(), "planner": "llm", "run_dir": tmp})
        finally:
            srv.close()
        rows.append({"spec": spec, "status": state["status"], "repairs": state["repairs"], **state["usage"]})
    print(f"{'spec':24} {'status':8} {'calls':>5} {'tokens in':>9} {'tokens out':>10} {'repairs':>7}")
    for r in rows:
        print(f"{r['spec']:24} {r['status']:8} {r['calls']:>5} {r['tokens_in']:>9} {r['tokens_out']:>10} "
              f"{r['repairs']:>7}")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"benchmark": "agent_http", "rows": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
