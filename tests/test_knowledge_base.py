"""The knowledge base: complete, small (measured with a real tokenizer), and its example valid."""

from __future__ import annotations

import json
import re

import pytest

import knowledge_base as kb
from adaptor.intent import Role
from adaptor.validate import validate_data

REQUIRED = ["ring_basics", "roles", "domains", "digital", "inner_pads", "sg13g2", "intent_format", "mistakes"]


def test_all_sections_present_in_order():
    assert list(kb.sections()) == REQUIRED


def test_token_budget():
    total = kb.token_count(kb.load())
    assert 1000 < total <= kb.TOKEN_BUDGET, total


def test_tokenizer_is_real_o200k():
    assert kb.token_count("hello world") == 2
    assert kb.token_count("VDDPST/VSSPST") > 3


def test_every_role_is_explained():
    text = kb.load()
    assert all(f"`{role.value}`" in text or role.value in text for role in Role)


def test_json_example_is_a_valid_intent():
    block = re.search(r"```json\n(.*?)```", kb.load("intent_format"), re.S).group(1)
    result = validate_data(json.loads(block))
    assert result.valid, [f.line() for f in result.findings]


def test_load_selection_and_unknown():
    assert kb.load("roles").startswith("# Pad roles")
    assert kb.load("roles", "digital").count("# ") >= 2
    with pytest.raises(KeyError, match="unknown knowledge section"):
        kb.load("nope")
