"""The Streamlit app: AppTest (chat, table edit, checks, bad input) and a real headless Chromium run."""

from __future__ import annotations

import json
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


PROSE = ("Design an I/O ring with 3 pads per side, single ring, counterclockwise.\n"
         "Signal names: VINP VINN VREF SCK SDI SDO CSN RSTN IRQ AVDD AVSS VCM\n"
         "Voltage domain: AVDD/AVSS for all pads")
NO_SIZE = PROSE.replace(" with 3 pads per side", "")  # a missing fact: the planner asks


def _click(at: AppTest, label: str) -> None:
    next(b for b in at.button if b.label.startswith(label)).click().run()
    assert not at.exception


def _build(at: AppTest, spec: str = SPEC) -> None:
    at.chat_input[0].set_value(spec).run()
    _click(at, "Build")


def test_confirm_before_build(app):
    """A prose request with digital pins on an analog domain: shown and flagged, nothing built until Build."""
    app.chat_input[0].set_value(PROSE).run()
    assert not app.exception
    (flagged,) = [w.value for w in app.warning]
    assert flagged.count("digital-looking name in an analog domain") == 6
    assert all(f"- {name} (" in flagged for name in ("SCK", "SDI", "SDO", "CSN", "RSTN", "IRQ"))
    assert not app.success and not app.get("download_button") and not (_state(app).get("checks") or {})
    assert not any("clean" in m.markdown[0].value for m in app.chat_message if m.markdown)
    assert not (app.session_state["sessions"].run_dir(app.session_state["thread"]) / "ring.gds").exists()
    _click(app, "Edit")  # an edit of the interpretation is shown again, still not built
    app.session_state[app.session_state["table_key"]] = {"edited_rows": {3: {"name": "SCLK"}}, "added_rows": [],
                                                         "deleted_rows": []}
    app.run()
    _click(app, "Apply and re-check")
    assert "SCLK" in [r["name"] for r in _state(app)["intent"]["pads"]] and app.get("download_button") == []
    assert any("- SCLK (bottom_0" in w.value for w in app.warning)
    _click(app, "Build")
    assert "DRC and LVS clean against the confirmed intent" in _last_reply(app)


def test_chat_a_spec_shows_picture_table_checks_downloads(app):
    assert any("rule-based planner (offline)" in c.value for c in app.caption)
    _build(app)
    assert "DRC and LVS clean against the confirmed intent" in _last_reply(app)
    assert len(app.dataframe) == 1  # the pad table
    assert any('alt="The I/O ring mixed_4x4: pads coloured by domain' in h.proto.body for h in app.get("html"))
    assert [s.value for s in app.success] == ["DRC: clean", "LVS: clean"]
    assert {b.proto.label for b in app.get("download_button")} == {"GDS", "OASIS", "SPICE", "Verilog", "intent JSON",
                                                                  "review HTML"}


def _table(at: AppTest, edit: dict) -> None:
    at.session_state[at.session_state["table_key"]] = {"edited_rows": edit, "added_rows": [], "deleted_rows": []}
    at.run()
    _click(at, "Apply table edits")


def test_edit_the_table_undo_and_rejections(app):
    _build(app)
    assert next(b for b in app.button if b.label == "Apply table edits").disabled  # nothing changed yet
    _table(app, {0: {"name": "VINPA"}})
    assert any(b.label == "Undo: table: renamed VINP → VINPA" for b in app.button)  # says what it undoes
    assert next(p for p in _state(app)["intent"]["pads"] if p["position"] == "left_0")["name"] == "VINPA"
    assert _last_reply(app).startswith("renamed VINP → VINPA") and [s.value for s in app.success] == \
        ["DRC: clean", "LVS: clean"]
    # a broken edit: the reply names it, the grid is reset, the problem sits on its row, the old checks stay
    _table(app, {0: {"domain": "digital", "role": "analog_io"}})
    assert "Stopped" in _last_reply(app)
    assert any("Previous ring" in w.value for w in app.warning)
    assert [s.value for s in app.success] == ["DRC: clean", "LVS: clean"]
    grid = app.session_state[app.session_state["table_key"]] if app.session_state["table_key"] in \
        app.session_state else {}
    assert not grid.get("edited_rows")
    # deleting a row renumbers (no hole at left_1)
    app.session_state[app.session_state["table_key"]] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [1]}
    app.run()
    _click(app, "Apply table edits")
    assert "removed VINN from left_1" in _last_reply(app) and _state(app)["intent"]["ring"]["pads"]["left"] == 3
    _click(app, "Undo")
    assert _state(app)["intent"]["ring"]["pads"]["left"] == 4 and "added VINN at left_1" in _last_reply(app)
    _click(app, "Redo")
    assert _state(app)["intent"]["ring"]["pads"]["left"] == 3


def test_add_a_domain_then_use_it_in_the_table(app):
    """The grid's domain dropdown offers only known domains: 'Add a domain' adds one (checked), Apply uses it."""
    _build(app)

    def add(kind: str, name: str, **nets: str) -> None:
        app.radio(key="new_domain_kind").set_value(kind).run()
        app.text_input(key="new_domain_name").set_value(name)
        for net, value in nets.items():
            app.text_input(key=f"new_domain_{net}").set_value(value)
        app.button(key="add_domain").click().run()
        assert not app.exception

    add("analog", "AVDD", vdd="AVDD3", vss="AVSS3")  # taken
    assert any("domain.new: there is already a domain called AVDD" in e.value for e in app.error)
    add("analog", "AVDD2", vdd="AVDD2", vss="2AVSS")  # not a net name
    assert any("domain.new: not a valid analog domain (check vss)" in e.value for e in app.error)
    add("analog", "AVDD2", vdd="AVDD2", vss="AVDD2")
    assert any("uses a net twice" in e.value for e in app.error)
    add("analog", "AVDD2", vdd="AVDD2", vss="AVSS2")
    assert not app.error and any("AVDD2 (analog: AVDD2, AVSS2)" in c.value for c in app.caption)
    (grid,) = [d for d in app.dataframe if d.proto.editing_mode]
    domain_column = json.loads(grid.proto.columns)["domain"]
    assert domain_column["type_config"]["options"] == ["digital", "AVDD", "AVDD2"]
    # VREF and IBIAS (bottom_0, bottom_1) become the providers of the new domain
    _table(app, {4: {"name": "AVDD2", "role": "analog_vdd_provider", "domain": "AVDD2"},
                 5: {"name": "AVSS2", "role": "analog_vss_provider", "domain": "AVDD2"}})
    intent = _state(app)["intent"]
    assert {"kind": "analog", "name": "AVDD2", "vdd": "AVDD2", "vss": "AVSS2"} in intent["domains"]
    assert "added domain AVDD2" in _last_reply(app) and "DRC and LVS clean" in _last_reply(app)
    assert not any("AVDD2 (analog" in c.value for c in app.caption)  # in the design now, no longer pending


def test_chat_edit_and_bad_input(app):
    _build(app)
    app.chat_input[0].set_value("make D0 a 16 mA output").run()
    assert _last_reply(app).startswith("D0 drive_ma – → 16") and "clean against the confirmed intent" in \
        _last_reply(app)
    app.chat_input[0].set_value("move VINP to the top side").run()
    # one more pad on the top side: the die grows by the 90 µm pad pitch
    assert "moved VINP left_0 → top_4" in _last_reply(app) and "die 1022×1022 → 1112×1022 µm" in _last_reply(app)
    turns = len(_state(app)["history"])
    app.chat_input[0].set_value("   \n ").run()  # whitespace only: ignored
    assert len(_state(app)["history"]) == turns
    app.chat_input[0].set_value("please dance ```\n# not a heading").run()
    assert not app.exception and "I can do these edits without an LLM" in _last_reply(app)
    assert any("please dance ```" in c.value for c in app.code)  # user text shown verbatim, not as Markdown
    app.chat_input[0].set_value("Signal names: A B C").run()
    assert not app.exception and "plan." in _last_reply(app)


def test_threads_switch_rename_delete(app):
    _build(app)
    first = app.session_state["thread"]
    _click(app, "New thread")
    second = app.session_state["thread"]
    assert second != first and app.query_params["thread"] == second and not _state(app)
    assert not [m for m in app.chat_message]  # the new thread shows an empty chat at once
    _click(app, "mixed_4x4 · ")
    assert app.session_state["thread"] == first and "clean" in _last_reply(app)
    app.sidebar.text_input(key="rename").set_value("ADC front end").run()
    assert any(b.label.startswith("▶ ADC front end · ") for b in app.sidebar.button)
    _click(app, "Delete this thread")
    assert app.session_state["thread"] != first and first not in [t["thread"] for t in
                                                                   app.session_state["sessions"].titles()]


def test_thread_survives_a_restart(tmp_path, monkeypatch, app):
    _build(app)
    thread = app.session_state["thread"]
    again = AppTest.from_file(APP, default_timeout=180)
    again.query_params["thread"] = thread
    again.run()
    assert not again.exception and "DRC and LVS clean" in _last_reply(again)
    assert any(b.label.startswith("▶ mixed_4x4") for b in again.sidebar.button)


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


def _record_latency(path: Path, latency: dict[str, float]) -> None:
    """Append one run's per-step latencies (s) to the JSON file ``path``, with the machine's load."""
    runs = json.loads(path.read_text())["runs"] if path.is_file() else []
    runs.append({"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "load_avg_1_5_15": list(os.getloadavg()),
                 "cpus": os.cpu_count(), "latency_s": {k: round(v, 3) for k, v in latency.items()}})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"what": "seconds per step of tests/test_ui.py::test_real_browser (headless Debian "
                                        "chromium, rule-based planner, sg13g2); first_paint: page load to a live "
                                        "chat input; the rest: user action to its result on the page; layout_s "
                                        "and checks_s: the agent's node timings from build.json",
                                "runs": runs}, indent=2) + "\n")


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("chromium") and shutil.which("chromedriver")),
                    reason="Debian chromium and chromium-driver are not installed")
def test_real_browser(tmp_path):
    """The designer's path in Chromium: confirm, build, chat edit + undo, ring view, an example edited in the
    pad grid + undo, threads, upload, a planner question answered in chat, stop.

    Screenshots go to $IORING_SCREENSHOTS (``IORING_SCREENSHOTS=docs`` refreshes the README's), else
    to the test's temporary folder; per-step latencies are printed, and appended to the JSON file
    $IORING_UI_LATENCY when it is set (``bench/results/ui_latency.json``).
    """
    shots = Path(os.environ.get("IORING_SCREENSHOTS") or tmp_path)
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from ui.table import COLUMNS

    port = _free_port()
    env = {**os.environ, "IORING_HOME": str(tmp_path / "home")}
    server = subprocess.Popen([sys.executable, "-m", "ioring", "ui", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'chrome'}", "--window-size=1400,2000"):
        options.add_argument(flag)
    driver = None
    latency: dict[str, float] = {}

    def body() -> str:
        return driver.find_element(By.TAG_NAME, "body").text

    def until_text(text: str) -> float:
        start = time.perf_counter()
        wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), text))
        return time.perf_counter() - start

    def button(text: str):
        return wait.until(ec.element_to_be_clickable((By.XPATH, f"//button[starts-with(normalize-space(), '{text}')]")))

    def press(text: str) -> None:
        """Click a button even when a tooltip lies over it."""
        driver.execute_script("arguments[0].click()", button(text))

    def send(text: str) -> None:
        """Type a (multi-line) message into the chat input and send it."""
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
        lines = text.splitlines()
        for k, line in enumerate(lines):
            box.send_keys(line)
            if k < len(lines) - 1:
                box.send_keys(Keys.SHIFT + Keys.ENTER)
        box.send_keys(Keys.ENTER)

    def shot(name: str) -> None:
        shots.mkdir(parents=True, exist_ok=True)
        time.sleep(1.0)  # let the last delta paint
        driver.save_screenshot(str(shots / name))
        assert (shots / name).stat().st_size > 20_000

    def empty_thread() -> None:
        press("New thread")
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']"))

    def ring_pad(position: str):
        """The ring view's element for the pad at ``position`` (inside the component's shadow root)."""
        return wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid='stBidiComponentIsolated']")
                          .shadow_root.find_element(By.CSS_SELECTOR, f"[data-pad='{position}']"))

    def pad_info(position: str) -> str:
        """The ring view's hover text of the pad at ``position`` (read again if the view re-mounts meanwhile)."""
        return wait.until(lambda d: ring_pad(position).get_attribute("data-info"))

    def open_in_grid(row: int, column: str) -> list[str]:
        """Open the dropdown of a cell of the pad grid (glide-data-grid draws on a canvas) by its keyboard
        protocol: a click on the first cell, arrow keys to the cell (checked on the grid's accessibility
        table), Enter opens the overlay editor; returns its options (DOM elements)."""
        def selected(col: int, k: int):
            return lambda d: d.find_elements(By.CSS_SELECTOR, f".st-key-pad-editor td#glide-cell-{col}-{k}"
                                                              "[aria-selected='true']")

        for attempt in range(5):  # the grid may still be mounting or moving after a rerun: try again
            try:
                grid = driver.find_element(By.CSS_SELECTOR, ".st-key-pad-editor [data-testid='data-grid-canvas']")
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", grid)
                time.sleep(0.5)
                width, height = grid.size["width"], grid.size["height"]
                # the first cell: past the row-marker column (~33 px), below the 35 px header (rows are 35 px)
                ActionChains(driver).move_to_element_with_offset(grid, -width // 2 + 70, -height // 2 + 52).click() \
                    .perform()
                WebDriverWait(driver, 5).until(selected(1, 0))
                keys = [Keys.ARROW_DOWN] * row + [Keys.ARROW_RIGHT] * COLUMNS.index(column)
                ActionChains(driver).send_keys(*keys).perform()
                WebDriverWait(driver, 5).until(selected(COLUMNS.index(column) + 1, row))
                break
            except (TimeoutException, StaleElementReferenceException):
                print(f"grid: cell ({row}, {column}) not selected on attempt {attempt + 1}")
                driver.save_screenshot(str(tmp_path / f"grid_attempt{attempt + 1}.png"))
                ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        else:
            raise AssertionError(f"could not select the grid cell ({row}, {column})")
        ActionChains(driver).send_keys(Keys.ENTER).perform()
        wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[role='listbox'] [role='option']")))
        return wait.until(lambda d: [o.text for o in d.find_elements(By.CSS_SELECTOR,  # (options re-render)
                                                                      "[role='listbox'] [role='option']")])

    def pick_in_grid(row: int, column: str, option: str) -> None:
        """Choose ``option`` in a dropdown cell of the pad grid; wait for the edit to reach the app (Apply
        becomes enabled)."""
        assert option in open_in_grid(row, column)
        wait.until(lambda d: d.find_element(By.XPATH, f"//*[@role='listbox']/*[@role='option' and "
                                                      f"normalize-space()='{option}']").click() or True)
        wait.until(lambda d: d.find_element(By.XPATH, "//button[normalize-space()='Apply table edits']")
                   .get_attribute("disabled") is None)

    def fill(key: str, text: str) -> None:
        """Type into the Streamlit text input with widget key ``key`` and commit it (Enter)."""
        field = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, f".st-key-{key} input")))
        field.send_keys(text, Keys.ENTER)
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, f".st-key-{key} input").get_attribute("value") == text)

    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
        # a Streamlit rerun re-mounts elements: a stale one is looked up again, not an error
        wait = WebDriverWait(driver, 120, ignored_exceptions=[StaleElementReferenceException])
        start = time.perf_counter()
        driver.get(f"http://127.0.0.1:{port}/")
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "textarea[data-testid='stChatInputTextArea']")))
        latency["first_paint_s"] = time.perf_counter() - start
        assert "Deploy" not in body()  # client.toolbarMode minimal
        # 1. confirm before build: the misread prose request is shown and flagged, nothing is built
        send(PROSE)
        latency["interpretation_s"] = until_text("digital-looking name in an analog domain")
        build = button("Build")
        assert "clean" not in body() and "Downloads" not in body()
        shot("ui_confirm.png")
        build.click()
        latency["build_and_checks_s"] = until_text("clean against the confirmed intent")
        until_text("LVS: clean")
        thread = driver.current_url.split("thread=")[1].split("&")[0]
        timings = json.loads((tmp_path / "home" / "runs" / thread / "build.json").read_text())["agent"]["node_timings_s"]
        latency["layout_s"], latency["checks_s"] = timings["layout"], timings["verify"]
        # 2. an edit in the chat, with the diff in the reply, then undo it
        send("rename VINP to VINPX")
        latency["chat_edit_s"] = until_text("renamed VINP → VINPX")
        button("Undo").click()
        latency["undo_chat_edit_s"] = until_text("renamed VINPX → VINP")
        button("Redo")
        shot("ui_edit_undo.png")
        # 3. the ring view: hover shows the pad, a click selects it
        ActionChains(driver).move_to_element(ring_pad("bottom_1")).perform()
        host = "[data-testid='stBidiComponentIsolated']"
        wait.until(lambda d: "SDI at bottom_1" in d.find_element(By.CSS_SELECTOR, host).shadow_root
                   .find_element(By.CSS_SELECTOR, ".tip").text)
        driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.CSS_SELECTOR, host))
        shot("ui_ring.png")
        ring_pad("bottom_1").click()
        until_text("Selected on the ring: bottom_1")
        assert driver.find_element(By.CSS_SELECTOR, "img[alt^='The I/O ring']")  # the PNG has alt text
        # 4. an example, built, then edited in the pad grid (D0 at right_1, row 9: direction out → in) and undone
        empty_thread()
        press("mixed_4x4.txt")
        until_text("mixed_4x4: 16 pads")
        press("Build")
        until_text("LVS: clean")
        before = pad_info("right_1")
        assert before.startswith("D0 at right_1") and "IOPadOut" in before
        pick_in_grid(9, "direction", "in")
        press("Apply table edits")
        latency["table_edit_s"] = until_text("D0 direction out → in")
        after = wait.until(lambda d: (info := pad_info("right_1")) != before and info)
        assert "IOPadIn" in after  # the new ring: D0 is an input cell now
        assert "LVS: clean" in body() and "Previous ring" not in body()
        button("Undo: table: D0 direction out → in").click()
        latency["undo_table_edit_s"] = until_text("D0 direction in → out")
        wait.until(lambda d: pad_info("right_1") == before)  # the old ring is back
        button("Redo: table: D0 direction out → in")
        # the picture: both replies (the edit's diff, the undo's) on top, the ring with D0's cell under the mouse
        edit_reply = next(m for m in driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")
                          if "D0 direction out → in" in m.text)
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -100)", edit_reply)
        ActionChains(driver).move_to_element(ring_pad("right_1")).perform()
        shot("ui_table_undo.png")
        # the domain dropdown offers a domain added under the grid (not applied: no pad uses it yet)
        assert open_in_grid(4, "domain") == ["digital", "AVDD"]
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        driver.execute_script("arguments[0].click()", driver.find_element(By.XPATH, "//summary[contains(., 'Add a "
                                                                                    "domain')]"))
        fill("new_domain_name", "AVDD2")
        fill("new_domain_vdd", "AVDD2")
        fill("new_domain_vss", "AVSS2")
        press("Add domain")
        until_text("AVDD2 (analog: AVDD2, AVSS2)")
        assert open_in_grid(4, "domain") == ["digital", "AVDD", "AVDD2"]
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        # 5. threads: New thread shows an empty chat at once; the old ones come back on a click
        empty_thread()
        assert thread not in driver.current_url
        press("ring · ")
        until_text("renamed VINPX → VINP")
        assert thread in driver.current_url and "D0 direction" not in body()
        press("mixed_4x4 · ")
        until_text("D0 direction in → out")
        assert thread not in driver.current_url and "renamed VINPX" not in body()
        driver.execute_script("document.querySelector('h1').scrollIntoView()")  # the page scrolls in a div
        shot("ui_threads.png")
        # 6. upload a YAML pad table in a new thread: it is read as YAML and shown for confirmation
        empty_thread()
        upload = driver.find_element(By.CSS_SELECTOR, "[data-testid='stFileUploader'] input[type='file']")
        upload.send_keys(str(ROOT / "examples" / "specs" / "nonsquare_5x3.yaml"))
        until_text("nonsquare_5x3: 16 pads")
        button("Build")
        shot("ui_upload.png")
        # 7. a planner question, asked in the chat and answered there; the answer leads to the interpretation
        empty_thread()
        send(NO_SIZE)
        latency["question_s"] = until_text("How many pads go on each side")
        assert "Build" not in [b.text for b in driver.find_elements(By.TAG_NAME, "button")]
        assert any(b.text.startswith("▶ Design an I/O ring") and b.text.endswith("question")
                   for b in driver.find_elements(By.TAG_NAME, "button"))  # titled like the others
        shot("ui_question.png")
        send("3 pads per side")
        until_text("digital-looking name in an analog domain")
        button("Build")
        print("latencies", json.dumps({k: round(v, 2) for k, v in latency.items()}))
        if os.environ.get("IORING_UI_LATENCY"):
            _record_latency(Path(os.environ["IORING_UI_LATENCY"]), latency)
    except Exception:
        if driver is not None:
            driver.save_screenshot(str(tmp_path / "failure.png"))
            print("failure screenshot:", tmp_path / "failure.png")
        raise
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)
    # `ioring ui` execs Streamlit, so stopping it stops the server: nothing listens on the port any more
    with socket.socket() as s, pytest.raises(OSError):
        s.connect(("127.0.0.1", port))
    with pytest.raises(ProcessLookupError):
        os.kill(server.pid, 0)


def test_llm_failure_is_a_plain_message(tmp_path, monkeypatch):
    monkeypatch.setenv("IORING_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("IORING_LLM_BASE_URL", f"http://127.0.0.1:{_free_port()}/v1")  # nothing listens there
    monkeypatch.setenv("IORING_LLM_MAX_RETRIES", "0")
    monkeypatch.setenv("IORING_LLM_TIMEOUT", "5")
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    at.chat_input[0].set_value(SPEC).run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert error.startswith("The language model did not answer") and "choose the 'rules' planner" in error


def test_ring_svg_has_every_pad_pin_one_and_markers(tmp_path):
    """The ring view's SVG, read back with an XML parser: every placed pad, pin 1, the order arrow, markers."""
    import xml.etree.ElementTree as ET

    from adaptor.build import build
    from adaptor.intent import IntentGraph
    from adaptor.placement import Placement
    from ui.ringview import svg

    intent = IntentGraph.model_validate_json((ROOT / "examples" / "mixed_4x4.json").read_text())
    build(intent, tmp_path)
    placement = Placement.model_validate_json((tmp_path / "placement.json").read_text())
    findings = [{"rule": "drc.demo", "message": "a marker", "where": "(100, 100) µm", "x_um": 100.0, "y_um": 100.0},
                {"rule": "lvs.demo", "message": "on a pad", "where": "left_1"}]
    root = ET.fromstring(svg(placement, findings, "counterclockwise"))
    ns = {"s": "http://www.w3.org/2000/svg"}
    pads = {g.get("data-pad"): g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-pad")}
    assert set(pads) == {p.position for p in intent.pads}
    assert "VINP at left_0" in pads["left_0"].get("data-info")
    assert pads["left_1"].find("s:rect", ns).get("stroke") == "#d00"  # the pad a finding names
    circles = [c for c in root.iter("{http://www.w3.org/2000/svg}circle") if c.find("s:title", ns) is not None]
    assert [c.find("s:title", ns).text for c in circles] == ["drc.demo: a marker"]
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")].count("1") == 1
    assert root.find(".//s:line/s:title", ns).text == "placement order (counterclockwise)"
    assert {"left", "bottom", "right", "top"} <= {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}



def test_a_planner_question_is_asked_and_answered_in_chat(app):
    """A request without its size: the planner asks in the chat; the answer resumes the turn, whose
    interpretation then waits for Build (nothing built before)."""
    app.chat_input[0].set_value(NO_SIZE).run()
    assert not app.exception
    assert "How many pads go on each side" in _last_reply(app) and not app.get("download_button")
    assert app.session_state["sessions"].questions(app.session_state["thread"])
    # the waiting thread is titled like the others: the first words of the request, time, status
    (title,) = [b.label for b in app.sidebar.button if b.label.startswith("▶ ")]
    assert title.startswith("▶ Design an I/O ring, single ring · ") and title.endswith(" · question")
    app.chat_input[0].set_value("3 pads per side").run()
    assert not app.exception and not app.session_state["sessions"].questions(app.session_state["thread"])
    assert _state(app)["intent"]["ring"]["pads"]["left"] == 3
    assert any(b.label == "Build" for b in app.button) and not app.get("download_button")
    _click(app, "Build")
    assert "DRC and LVS clean against the confirmed intent" in _last_reply(app)
