"""The Streamlit app: AppTest (chat, table edit, checks, bad input) and a real headless Chromium run."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT

APP = str(ROOT / "ui" / "app.py")
SPEC = (ROOT / "examples" / "specs" / "mixed_4x4.txt").read_text()


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("IORING_HOME", str(tmp_path / "home"))
    for name in ("IORING_LLM_BASE_URL", "IORING_LLM_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    return at


def _state(at: AppTest) -> dict:
    return at.session_state["sessions"].state(at.session_state["thread"])


def _last_reply(at: AppTest) -> str:
    return [m.markdown[0].value for m in at.chat_message if m.markdown][-1]


def test_chat_a_spec_shows_picture_table_checks_downloads(app):
    assert any("rule-based planner (offline)" in c.value for c in app.caption)
    app.chat_input[0].set_value(SPEC).run()
    assert not app.exception
    assert "DRC and LVS clean" in _last_reply(app)
    assert len(app.get("image")) == 1 and len(app.dataframe) == 1
    assert [s.value for s in app.success] == ["DRC: clean", "LVS: clean"]
    assert {b.proto.label for b in app.get("download_button")} == {"GDS", "OASIS", "SPICE", "Verilog", "intent JSON",
                                                                  "review HTML"}


def test_edit_the_table_and_see_the_checks_update(app):
    app.chat_input[0].set_value(SPEC).run()
    app.session_state["pad_table"] = {"edited_rows": {0: {"name": "VINPA"}}, "added_rows": [], "deleted_rows": []}
    next(b for b in app.button if b.label == "Apply table edits").click().run()
    assert not app.exception
    assert next(p for p in _state(app)["intent"]["pads"] if p["position"] == "left_0")["name"] == "VINPA"
    assert [s.value for s in app.success] == ["DRC: clean", "LVS: clean"]
    # a broken edit (a pad in a domain that does not exist) stops with readable findings
    app.session_state["pad_table"] = {"edited_rows": {0: {"domain": "nowhere"}}, "added_rows": [],
                                      "deleted_rows": []}
    next(b for b in app.button if b.label == "Apply table edits").click().run()
    assert not app.exception
    assert "domain.unknown" in _last_reply(app)


def test_chat_edit_and_bad_input(app):
    app.chat_input[0].set_value(SPEC).run()
    app.chat_input[0].set_value("swap D0 and D1").run()
    assert "DRC and LVS clean" in _last_reply(app)
    app.chat_input[0].set_value("please dance").run()
    assert not app.exception and "I can do these edits without an LLM" in _last_reply(app)
    app.chat_input[0].set_value("Signal names: A B C").run()
    assert not app.exception and "plan." in _last_reply(app)


def test_thread_survives_a_restart(tmp_path, monkeypatch, app):
    app.chat_input[0].set_value(SPEC).run()
    thread = app.session_state["thread"]
    again = AppTest.from_file(APP, default_timeout=180)
    again.query_params["thread"] = thread
    again.run()
    assert not again.exception and "DRC and LVS clean" in _last_reply(again)
    assert any(b.label.endswith(thread) for b in again.sidebar.button)


@pytest.mark.parametrize("thread", ["../../victim", "/tmp", "a/b"])
def test_a_thread_id_in_the_url_is_never_a_path(tmp_path, monkeypatch, thread):
    monkeypatch.setenv("IORING_HOME", str(tmp_path / "home"))
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["thread"] = thread
    at.run()
    assert not at.exception and at.session_state["thread"] != thread
    assert any("Not a thread id" in e.value for e in at.error)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="Debian chromium and chromium-driver are not installed")
def test_real_browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    port = _free_port()
    env = {**os.environ, "IORING_HOME": str(tmp_path / "home")}
    server = subprocess.Popen([sys.executable, "-m", "ioring", "ui", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chrome'}", "--window-size=1400,1800"):
        options.add_argument(flag)
    driver = None
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
        driver.get(f"http://127.0.0.1:{port}/")
        wait = WebDriverWait(driver, 120)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
        box.send_keys(" ".join(line.strip() for line in SPEC.splitlines()))  # sections merged onto one line
        box.send_keys(Keys.ENTER)
        image = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "[data-testid='stImage'] img")))
        wait.until(lambda d: image.get_property("naturalWidth") > 500)
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), "LVS: clean"))
        shot = Path(os.environ.get("IORING_SCREENSHOT", tmp_path / "ui.png"))
        shot.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 20_000
        assert "DRC: clean" in driver.find_element(By.TAG_NAME, "body").text
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
