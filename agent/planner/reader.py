"""Reading free text: where things are (line:col), the pad list in any form, size, order and start.

The pad list may be a labelled list ("Signal names:", "Pads:", "Pins:", "Pad order", with the
list running on until prose starts), numbered or one-per-line lists, "Pin 3: NAME" lines,
per-side lists, a markdown table or a pasted CSV/TSV block. Sizes and orders are collected as
statements with their locations so that contradictions can name both places.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from dataclasses import dataclass, field

from adaptor.findings import Finding
from adaptor.graph import side_sequence
from adaptor.intent import Direction, Order
from agent.planner.spec import Assumption, PadRequest, Statement

NAME = r"[A-Za-z][A-Za-z0-9_]*"
_NAME_TOKEN = re.compile(rf"{NAME}")
SEP = r"\s*(?:and|&|/|,)\s*"
SENTENCE_END = re.compile(r"(?<!^\d)(?<!^\d\d)(?<![ \t]\d)(?<![ \t]\d\d)\.(?=\s|$)|;|\n", re.M)
WORD_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER = r"(?<![\w.])(\d+|" + "|".join(WORD_NUMBERS) + r")(?![\w.]\w)"
SIDE_WORD = r"(left|right|top|bottom|north|south|east|west)"
_COMPASS = {"north": "top", "south": "bottom", "east": "right", "west": "left"}
_LIST_LABEL = re.compile(
    r"(?<![\w-])(?:signal\s+names?|signals?(?:\s+list)?|pad\s+names?|pad\s+(?:order|list)|pins?\s+(?:names?|order|list)"
    r"|pin-?out|pads?|pins?|i/?os|ring\s+order|placement(?:\s+order)?|(?<=\n)list|^list)"
    r"(?:,?[ \t-]+(?:are|is|in|placement|ring|order|listed|below|follow|as|follows|from|the|top|left|right|bottom|"
    r"corner|side|edge|starting|beginning|at|on|counter-?clockwise|anti-?clockwise|clockwise|going|running)){0,8}"
    r"(?:\s*\([^)\n]{0,80}\))?(?:\s*[:=]|[ \t]+[-–—](?=[ \t]))", re.I)
_ITEM = re.compile(
    rf"^[ \t]*(?:[-*•+][ \t]*)?(?:(?:pin|pad)?[ \t]*#?[ \t]*(?P<num>\d+)[ \t]*[.):=\-–—]?[ \t]+)?(?P<name>{NAME})"
    r"(?P<rest>[ \t]*(?:[:(,\-–—][^\n]*)?)$", re.I | re.M)
_DIRECTION_WORDS = {"in": ("input", "inputs", "in", "receiver", "digital input"),
                    "out": ("output", "outputs", "out", "driver", "digital output"),
                    "inout": ("inout", "inouts", "bidirectional", "bidir", "in/out", "i/o", "bidi")}


def number(text: str) -> int:
    """An integer written in digits or words (``6``, ``six``)."""
    return int(text) if text.isdigit() else WORD_NUMBERS[text.lower()]


def side_of(word: str) -> str:
    """``left``/``right``/``top``/``bottom`` for a side or compass word."""
    return _COMPASS.get(word.lower(), word.lower())


def sentence_end(text: str, start: int) -> int:
    """Where the statement that runs on at ``start`` ends (a full stop, ``;`` or the end of the line)."""
    m = SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def is_pad_name(token: str) -> bool:
    """A token that reads as a pad name, not as an English word: upper case (digits, _), mixed case, or
    lower case with a digit or underscore (``vin1``, ``clk_in``)."""
    if not re.fullmatch(NAME, token):
        return False
    if re.fullmatch(r"[A-Z][A-Z0-9_]*", token) or re.search(r"[0-9_]", token):
        return True
    return any(c.isupper() for c in token[1:]) or (any(c.isdigit() for c in token) and token[0].isupper())


BUS = r"(?:\[\d+(?::\d+)?\]|<\d+(?::\d+)?>)"  # a bus bit or range after a name: X[3], X[7:0], X<3:0>


def bus_bits(token: str) -> list[str] | None:
    """The pad names of a bus token, most significant first as written: ``X[7:0]`` → X7 … X0,
    ``X[3]`` / ``X<3>`` → X3; None for a token that is not a bus."""
    m = re.fullmatch(rf"({NAME})[\[<](\d+)(?::(\d+))?[\]>]", token)
    if m is None:
        return None
    first, last = int(m.group(2)), int(m.group(3) if m.group(3) is not None else m.group(2))
    step = 1 if last >= first else -1
    return [f"{m.group(1)}{k}" for k in range(first, last + step, step)]


@dataclass
class Text:
    """The request text with offsets kept: decorations blanked, ``loc(offset)`` → ``line:col``.

    ``origins`` (one ``line:col`` per line) is set when the text was written from another
    document (YAML/TOML rewritten as prose): locations then point into that document.
    """

    raw: str
    clean: str = ""
    starts: list[int] = field(default_factory=list)
    origins: list[str] | None = None

    def __post_init__(self) -> None:
        text = self.raw.replace("\r", " ")
        text = re.sub(r"={3,}|-{3,}(?=\s*\n)|\*\*|`|#{1,6}(?= )|\b(?:SIGNAL|VOLTAGE\s+DOMAIN|DESIGN)\s+CONFIGURATION\b",
                      lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
        self.clean = text
        self.starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def loc(self, offset: int) -> str:
        """``line:col`` (1-based) of a character offset."""
        line = bisect.bisect_right(self.starts, offset)
        if self.origins is not None and line <= len(self.origins):
            return self.origins[line - 1]
        return f"{line}:{offset - self.starts[line - 1] + 1}"


@dataclass
class PadList:
    """The pads a text lists: outer pads in the order written, inner pads, and per-side lists."""

    pads: list[PadRequest]
    at: str
    form: str
    sides: dict[str, tuple[list[PadRequest], str | None]] = field(default_factory=dict)
    span: tuple[int, int] = (0, 0)


# --- annotations on one list item: "X (input)", "X - output, 8 mA", "X: analog" ---------------------

def annotate(pad: PadRequest, rest: str, at: str) -> None:
    """Set direction, drive and class from the words after a name in a list or table row."""
    low = rest.lower()
    for direction, words in _DIRECTION_WORDS.items():
        if any(re.search(rf"(?<![\w/]){re.escape(w)}(?![\w/])", low) for w in words):
            pad.direction = Direction(direction)
            pad.why["direction"] = f"{at} ({rest.strip(' :(),-')[:40]})"
            break
    drive = re.search(r"(\d+)\s*ma\b", low)
    if drive:
        pad.drive_ma = int(drive.group(1))
        pad.why["drive_ma"] = f"{at} ({drive.group(0)})"
    cls = re.search(r"\b(analog|analogue|digital)\b", low)
    if cls:
        pad.kind = "digital" if cls.group(1) == "digital" else "analog"
        pad.why["kind"] = f"{at} ({cls.group(0)})"


# --- the pad list --------------------------------------------------------------------------------

_HEADER_KEYS = {
    "name": r"(pad|pin|signal|net)?\s*(name|signal|net)s?|pads?|pins?|signals?",
    "index": r"#|no\.?|nr\.?|index|idx|pin\s*#?|pad\s*#?|position|pos\.?|order|slot|seq",
    "side": r"side|edge",
    "kind": r"class|type|kind|category",
    "direction": r"dir(ection)?|i/?o|in/?out",
    "domain": r"domain|supply|supplies|power|rail|rails|voltage\s+domain",
    "drive": r"drive([_\s]*\(?ma\)?)?|ma|current",
    "between": r"between|inner(\s+between)?|neighbou?rs|placement|location|note|notes|comment|remarks?",
}


_HEADER_WORDS = (("between", r"between|inner"), ("direction", r"\bdir"), ("drive", r"\bma\b|drive"),
                 ("domain", r"domain|suppl|rail|power"), ("kind", r"class|type|kind"), ("side", r"side|edge"),
                 ("index", r"#|\bno\b|number|position|order"), ("name", r"name|signal|net|pad|pin"))


def _column(header: str, loose: bool = False) -> str | None:
    """What a table column holds, from its header (exact words; ``loose``: else a word inside it)."""
    h = header.strip().lower().replace("_", " ")
    for key, pattern in _HEADER_KEYS.items():
        if re.fullmatch(pattern, h):
            return key
    return next((key for key, word in _HEADER_WORDS if re.search(word, h)), None) if loose else None


def _rows_to_pads(header: list[str], rows: list[tuple[list[str], str]], loose: bool = False) -> list[PadRequest] | None:
    """Table rows (cells, location) with a name column → pads; inner pads carry ``between``."""
    cols = [_column(h, loose) for h in header]
    if cols.count("name") > 1:
        cols = ["index" if c == "name" and not re.search(r"name|signal|net", h, re.I) else c for c, h in zip(cols, header)]
    if "name" not in cols:
        return None
    pads: list[tuple[int, int, PadRequest]] = []
    for k, (cells, at) in enumerate(rows):
        cell = {c: cells[i].strip() for i, c in enumerate(cols) if c and i < len(cells)}
        name = cell.get("name", "").strip(" .,;`*")
        if not re.fullmatch(NAME, name):
            continue
        pad = PadRequest(name=name, why={"name": f"{at} (table row)"})
        if cell.get("side"):
            pad.why["side"] = side_of(cell["side"].split()[0]) if cell["side"].split() else ""
        drive = cell.get("drive", "")
        rest = " ".join((cell.get("kind", ""), cell.get("direction", ""), f"{drive} mA" if drive.isdigit() else drive))
        if not re.search(r"\d+\s*ma\b", rest, re.I):  # a drive written in any other column ("Notes: 30 mA")
            rest += " " + " ".join(re.findall(r"\d+\s*mA\b", " ".join(cells[:len(cols)]), re.I)[:1])
        annotate(pad, rest, at)
        if cell.get("domain"):
            pad.why["domain_text"] = cell["domain"]
        where = cell.get("between", "")
        inner = re.search(rf"between\s+({NAME})\s*(?:and|&|/|,)\s*({NAME})", where, re.I) or (
            re.fullmatch(rf"\s*({NAME})\s*[/,&]\s*({NAME})\s*", where) if where else None)
        if inner or "inner" in cell.get("kind", "").lower():
            if inner:
                pad.between = (inner.group(1), inner.group(2))
            pad.why["inner"] = f"{at} (table row)"
        index = re.search(r"\d+", cell.get("index", ""))
        pads.append((int(index.group(0)) if index else k, k, pad))
    if not pads:
        return None
    if all(re.search(r"\d+", r[0][cols.index("index")] if "index" in cols and cols.index("index") < len(r[0]) else "")
           for r in rows) and "index" in cols:
        pads.sort(key=lambda t: (t[0], t[1]))
    return [p for _, _, p in pads]


def _markdown_table(text: Text) -> PadList | None:
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"^[ \t]*\|.*\|[ \t]*$", text.clean, re.M)]
    if len(lines) < 3:
        return None
    blocks: list[list[tuple[int, str]]] = [[lines[0]]]
    for start, line in lines[1:]:
        prev_start, prev = blocks[-1][-1]
        if start != prev_start + len(prev) + 1:
            blocks.append([])
        blocks[-1].append((start, line))
    for block in blocks:
        cells = [[c.strip() for c in line.strip().strip("|").split("|")] for _, line in block]
        body = [(c, text.loc(s)) for c, (s, _) in zip(cells[1:], block[1:]) if not all(re.fullmatch(r":?-{2,}:?", x) for x in c if x)]
        pads = _rows_to_pads(cells[0], body, loose=True)
        if pads:
            return PadList(pads, text.loc(block[0][0]), "markdown table", span=(block[0][0], block[-1][0] + len(block[-1][1])))
    return None


def _csv_block(text: Text) -> PadList | None:
    lines = text.clean.split("\n")
    offsets = text.starts
    for i, line in enumerate(lines):
        for delimiter in ("\t", ",", ";"):
            header = [h.strip() for h in line.split(delimiter)]
            if len(header) < 2 or "name" not in [_column(h) for h in header] or not all(
                    re.fullmatch(r"[\w #./()-]{1,30}", h) for h in header):
                continue
            rows, j = [], i + 1
            while j < len(lines) and delimiter in lines[j]:
                rows.append((next(csv.reader(io.StringIO(lines[j]), delimiter=delimiter)), text.loc(offsets[j])))
                j += 1
            pads = _rows_to_pads(header, rows) if len(rows) >= 2 else None
            if pads:
                return PadList(pads, text.loc(offsets[i]), "CSV/TSV block", span=(offsets[i], offsets[j - 1]))
    return None


_DIRECTION_IN_SIDE = re.compile(rf"\(?\s*(?:from\s+)?{SIDE_WORD}\s*(?:to|→|->|-)\s*{SIDE_WORD}\s*\)?", re.I)
_SIDE_LIST = re.compile(
    rf"(?:^|(?<=[|;:]))[ \t]*(?:[-*•|][ \t]*)?(?:(?:first|then|next|and|finally)[ \t]+)?(?:(?:pads?|pins?)[ \t]+(?:on|along|at)[ \t]+)?"
    rf"(?:the[ \t]+)?{SIDE_WORD}(?:[ \t]+(?:side|edge))?[ \t]*(?P<dir>\([^)\n]*\))?[ \t]*"
    rf"(?:\((?P<dir2>[^)\n]*)\))?[ \t]*(?:[:=\-–—|]|(?=(?-i:[A-Z][A-Z0-9_]*)[ \t]*[,\s]))[ \t]*(?P<rest>[^\n|;]*)", re.I | re.M)

_SIDE_AFTER = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]*)?(?P<rest>[^\n():]+?)[ \t]*[(\[\-–—:][ \t]*(?:the[ \t]+)?(?P<side>{SIDE_WORD[1:-1]})"
    rf"(?:[ \t]+(?:side|edge))?[ \t]*(?P<dir>[,;][^)\]\n]*)?[)\]]?[ \t.]*$", re.I | re.M)


def _tokens(segment: str, base: int, text: Text) -> tuple[list[PadRequest], int]:
    """Names at the start of ``segment`` until prose starts: (pads, offset where the list ended)."""
    pads: list[PadRequest] = []
    pos = 0
    segment = segment.split("\n", 1)[0]
    for m in re.finditer(r"[^\s,;]+;?(?:[ \t]*\([^)\n]{0,40}\))?", segment):
        raw = m.group(0)
        if re.fullmatch(r"(?:\d+[.):]?|[-*•–—]|and|&|\.\.\.|…)", raw, re.I):
            pos = m.end()
            continue
        if raw == "|":  # "A B | C D": go on only when the next field holds nothing but names
            field = segment[m.end():].split("|", 1)[0].split()
            if field and all(is_pad_name(f.strip(",")) for f in field):
                pos = m.end()
                continue
            break
        annotation = re.search(r"\(([^)]*)\)$", raw)
        token = raw[:annotation.start()].strip() if annotation else raw
        stripped = token.strip("\"'").rstrip(".,;:)!?").lstrip("(")
        if not is_pad_name(stripped) and not re.fullmatch(r"[A-Z][A-Z0-9_\-\[\]<>:]*[A-Z0-9\]>]", stripped):
            break
        bits = bus_bits(stripped)
        for name in bits or [stripped]:  # a bus is one pad per bit
            where = text.loc(base + m.start())
            pad = PadRequest(name=name, why={"name": f"{where} (bit of the bus {stripped})" if bits else where})
            if annotation:
                annotate(pad, annotation.group(1), text.loc(base + m.start()))
            pads.append(pad)
        pos = m.end()
        if token.endswith((".", ";")) or segment[m.end():m.end() + 1] == ";":  # "… LAST." ends the list
            break
    return pads, base + pos


def _per_side(text: Text) -> PadList | None:
    sides: dict[str, tuple[list[PadRequest], str | None]] = {}
    first, last = None, 0
    found = [(m, m.group(1), m.group("rest"), m.start("rest")) for m in _SIDE_LIST.finditer(text.clean)]
    if len({side_of(side) for _, side, *_ in found}) < 4:  # "A B C (left)": the side named after its list
        found = [(m, m.group("side"), m.group("rest"), m.start("rest")) for m in _SIDE_AFTER.finditer(text.clean)]
    for m, word, rest, rest_start in found:
        side = side_of(word)
        pads, end = _tokens(rest, rest_start, text)
        if not pads or re.match(r"\s*\d+\s*(pads?|pins?)?\b", rest, re.I) or side in sides:
            continue
        direction = None
        for d in (m.groupdict().get("dir"), m.groupdict().get("dir2"), rest[end - rest_start:]):
            found = _DIRECTION_IN_SIDE.search(d or "")
            if found:
                direction = f"{side_of(found.group(1))}>{side_of(found.group(2))}"
                break
        sides[side] = (pads, direction)
        first = m.start() if first is None else first
        last = m.end()
    if len(sides) < 4:
        return None
    return PadList([], text.loc(first or 0), "per-side lists", sides=sides, span=(first or 0, last))


def _full_lines(text: Text, pos: int) -> tuple[list[PadRequest], int]:
    """Lines from ``pos`` that hold nothing but names (several per line): (pads, end offset)."""
    pads: list[PadRequest] = []
    end = pos
    while pos < len(text.clean):
        line_end = text.clean.find("\n", pos)
        line_end = len(text.clean) if line_end < 0 else line_end
        line = text.clean[pos:line_end]
        if not line.strip() or re.fullmatch(r"\s*(?:```\w*|~~~|\{noformat\}|\{code(?::\w+)?\})\s*", line):
            if pads:
                break
            pos = line_end + 1
            continue
        more, stop = _tokens(line, pos, text)
        if not more or (len(more) < 2 and not pads) or text.clean[stop:line_end].strip(" .;,"):
            break
        pads, end, pos = pads + more, stop, line_end + 1
    return pads, end


_HEADING_LABEL = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*|h\d\.[ \t]*)?(?:the[ \t]+)?(?:signal[ \t]+names?|signals|pads?(?:[ \t]+(?:names?|order|list))?"
    r"|pins?(?:[ \t]+(?:names?|order|list))?|pin-?out)[ \t]*(?:\([^)\n]*\))?[ \t]*:?[ \t]*$", re.I | re.M)


def _labelled(text: Text) -> PadList | None:
    labels = sorted([*_LIST_LABEL.finditer(text.clean), *_HEADING_LABEL.finditer(text.clean)], key=lambda m: m.start())
    for m in labels:
        after = text.clean[m.end():]
        line_end = after.find("\n")
        same_line = after if line_end < 0 else after[:line_end]
        form = f"labelled list ({' '.join(m.group(0).split()).strip(' :=-*')})"
        if re.match(r"\s*\d+\s*(?:pads?|pins?|per|total|each|x\b)", same_line, re.I):
            continue
        if same_line.strip() and re.search(r"[A-Za-z]", same_line):
            pads, end = _tokens(after, m.end(), text)
            if pads and not text.clean[end:m.end() + max(line_end, 0)].strip(" .;,"):
                more, new_end = _full_lines(text, m.end() + line_end + 1) if line_end >= 0 else ([], end)
                pads, end = (pads + more, new_end) if more else (pads, end)
            if len(pads) >= 2:
                return PadList(pads, text.loc(m.start()), form, span=(m.start(), end))
            continue
        next_line = m.end() + (line_end + 1 if line_end >= 0 else len(after))
        pads, end = _full_lines(text, next_line)
        if len(pads) >= 2:
            return PadList(pads, text.loc(m.start()), form, span=(m.start(), end))
        block = _item_block(text, next_line)
        if block:
            block.at, block.form = text.loc(m.start()), form
            block.span = (m.start(), block.span[1])
            return block
    return None


def _item_block(text: Text, start: int, minimum: int = 1) -> PadList | None:
    """Consecutive list lines from ``start`` (one name each, maybe numbered, maybe annotated)."""
    pads: list[tuple[int, int, PadRequest]] = []
    pos = start
    while pos < len(text.clean):
        line_end = text.clean.find("\n", pos)
        line_end = len(text.clean) if line_end < 0 else line_end
        line = text.clean[pos:line_end]
        m = _ITEM.match(line)
        if not line.strip():
            if pads:
                break
            pos = line_end + 1
            continue
        if not m or not is_pad_name(m.group("name")) or (m.group("rest") and len(m.group("rest")) > 60):
            break
        pad = PadRequest(name=m.group("name"), why={"name": text.loc(pos + m.start("name"))})
        if m.group("rest"):
            annotate(pad, m.group("rest"), text.loc(pos + m.start("rest")))
        pads.append((int(m.group("num")) if m.group("num") else len(pads), len(pads), pad))
        pos = line_end + 1
    if len(pads) < minimum:
        return None
    if all(p[0] != p[1] for p in pads[:1]) or any(p[0] != p[1] for p in pads):
        pads.sort(key=lambda t: (t[0], t[1]))
    return PadList([p for _, _, p in pads], text.loc(start), "one name per line", span=(start, pos))


def _loose_block(text: Text) -> PadList | None:
    """The longest run of list lines anywhere (numbered lists, "Pin 3: NAME", one name per line)."""
    best: PadList | None = None
    for m in re.finditer(r"^", text.clean, re.M):
        if best and m.start() < best.span[1]:
            continue
        block = _item_block(text, m.start(), minimum=4)
        if block and (best is None or len(block.pads) > len(best.pads)):
            best = block
    return best


def _inline_run(text: Text, minimum: int = 6) -> PadList | None:
    """No list form: the longest run of at least ``minimum`` names inside a sentence ('… the pads A, B, C …')."""
    best: PadList | None = None
    for m in re.finditer(rf"(?<![\w/]){NAME}", text.clean):
        if best and m.start() < best.span[1] or not is_pad_name(m.group(0)):
            continue
        pads, end = _tokens(text.clean[m.start():], m.start(), text)
        if len(pads) >= minimum and (best is None or len(pads) > len(best.pads)):
            best = PadList(pads, text.loc(m.start()), "names in a sentence", span=(m.start(), end))
    return best


def find_pad_list(text: Text) -> PadList | None:
    """The pad list in whichever form the text uses (tables first, then lists, then a run of names), or None."""
    for reader in (_markdown_table, _csv_block, _per_side, _labelled, _loose_block, _inline_run):
        found = reader(text)
        if found:
            return _sides_from_column(found)
    return None


def _sides_from_column(found: PadList) -> PadList:
    """A table with a side column: its rows are per-side lists (in row order), when all four sides appear."""
    outer = [p for p in found.pads if "inner" not in p.why]
    if found.sides or not outer or any(p.why.get("side") not in ("left", "bottom", "right", "top") for p in outer):
        return found
    sides = {side: ([p for p in outer if p.why["side"] == side], None) for side in dict.fromkeys(p.why["side"] for p in outer)}
    if len(sides) < 4:
        return found
    return PadList(found.pads, found.at, f"{found.form} with a side column", sides=sides, span=found.span)


_TRAVEL = {Order.counterclockwise: {"left": "top>bottom", "bottom": "left>right", "right": "bottom>top", "top": "right>left"},
           Order.clockwise: {"left": "bottom>top", "top": "left>right", "right": "top>bottom", "bottom": "right>left"}}


def order_of_sides(found: PadList) -> Order | None:
    """The placement order the per-side directions imply (left bottom→top is clockwise …), or None."""
    votes = {o: sum(1 for side, (_, d) in found.sides.items() if d == travel[side]) for o, travel in _TRAVEL.items()}
    best = max(votes, key=lambda o: votes[o])
    return best if votes[best] > 0 and votes[best] != min(votes.values()) else None


def side_lists_in_order(found: PadList, order: Order, assumptions: list[Assumption]) -> tuple[list[PadRequest], list[int]]:
    """Per-side lists → (the pads as written, their indices in placement order); a side written the
    other way round is reversed."""
    travel = _TRAVEL[order]
    written: list[PadRequest] = []
    first: dict[str, int] = {}
    for side, (pads, _) in found.sides.items():
        first[side] = len(written)
        written += pads
    out: list[int] = []
    for side in side_sequence(order):
        pads, direction = found.sides[side.value]
        indices = list(range(first[side.value], first[side.value] + len(pads)))
        if direction is None:
            assumptions.append(Assumption(rule="plan.assume.side_direction", at=found.at,
                                          what=f"the {side.value} side's list runs in placement order "
                                               f"({travel[side.value].replace('>', ' to ')})"))
            direction = travel[side.value]
        out += indices if direction == travel[side.value] else list(reversed(indices))
    return written, out


# --- size -------------------------------------------------------------------------------------------

@dataclass
class SizeFact:
    """Pads on some sides (or a total), stated at ``at``."""

    counts: dict[str, int]
    at: str
    text: str
    total: int | None = None


_SIDES_GROUP = rf"{SIDE_WORD}(?:\s*(?:sides?|edges?))?(?:\s*(?:and|&|/|,|or)\s*{SIDE_WORD}(?:\s*(?:sides?|edges?))?)?"


def find_sizes(text: Text) -> list[SizeFact]:
    """Every size statement: ``6x6``, ``4 per side``, ``5 pads on left/right``, ``top/bottom: 7 each``, totals."""
    t = text.clean
    facts: list[SizeFact] = []
    every = ("left", "bottom", "right", "top")
    for m in re.finditer(r"(?<![\w.])(\d{1,2})\s*(?:x|×|-?by-?)\s*(\d{1,2})(?![\w.])(?!\s*(?:mm|um|µm|ma|mil))", t, re.I):
        facts.append(SizeFact({"left": int(m.group(2)), "right": int(m.group(2)), "top": int(m.group(1)),
                               "bottom": int(m.group(1))}, text.loc(m.start()), m.group(0)))
    per_side = (rf"{NUMBER}\s*(?:(?:outer\s+)?(?:pads?|pins?|I/?Os?|cells?|signals?)\s*)?"
                rf"(?:per|on\s+each|each|on\s+every|for\s+each|on\s+all(?:\s+four)?|a|/|(?:on\s+)?each\s+of\s+the(?:\s+four)?)"
                rf"\s*sides?\b")
    for m in re.finditer(per_side, t, re.I):
        facts.append(SizeFact(dict.fromkeys(every, number(m.group(1))), text.loc(m.start()), m.group(0)))
    for m in re.finditer(rf"(?:each|every)\s+side\s*(?:has|gets|carries|holds|with|:|=)\s*{NUMBER}\b", t, re.I):
        facts.append(SizeFact(dict.fromkeys(every, number(m.group(1))), text.loc(m.start()), m.group(0)))
    for m in re.finditer(rf"{NUMBER}\s*(?:(?:outer\s+)?(?:pads?|pins?|I/?Os?|cells?)\s*)?(?:each\s+)?(?:on|at|along|for)\s+"
                         rf"(?:the\s+|both\s+)?{_SIDES_GROUP}|(?<![\w/]){NUMBER}[ \t]+(?:pads?[ \t]+)?{SIDE_WORD}[ \t]*(?:/|and|&)[ \t]*"
                         rf"{SIDE_WORD}()", t, re.I):
        if m.group(1) is None:
            facts.append(SizeFact({side_of(m.group(5)): number(m.group(4)), side_of(m.group(6)): number(m.group(4))},
                                  text.loc(m.start()), m.group(0)))
            continue
        sides = [side_of(s) for s in (m.group(2), m.group(3)) if s]
        facts.append(SizeFact({s: number(m.group(1)) for s in sides}, text.loc(m.start()), m.group(0)))
    item = rf"{NUMBER}[ \t]+(?:pads?[ \t]+)?(?:on[ \t]+)?(?:the[ \t]+)?{SIDE_WORD}\b"
    side_first = rf"(?<![\w-]){SIDE_WORD}[ \t]*[:=]?[ \t]*{NUMBER}(?![\w.]|\s*mA)"
    for pattern, count, side in ((item, 1, 2), (side_first, 2, 1)):  # "4 left, 4 right, …", "left 2, bottom 3, …"
        for m in re.finditer(rf"{pattern}(?:[ \t]*(?:,|;|and|&)[ \t]*{pattern}){{1,3}}", t, re.I):
            counts = {side_of(i.group(side)): number(i.group(count)) for i in re.finditer(pattern, m.group(0), re.I)}
            facts.append(SizeFact(counts, text.loc(m.start()), m.group(0)))
    for m in re.finditer(rf"(?:pads?|pins?|I/?Os?)[ \t]*(?:per|/|on[ \t]+each|each)[ \t]*side[ \t]*[:=][ \t]*{NUMBER}\b", t, re.I):
        facts.append(SizeFact(dict.fromkeys(every, number(m.group(1))), text.loc(m.start()), m.group(0)))
    for m in re.finditer(rf"(?<![\w])(?:the\s+)?{_SIDES_GROUP}\s*(?:\([^)\n]*\))?\s*(?:[:=]|have|has|get|gets|with|carry)"
                         rf"\s*{NUMBER}\b(?!\s*(?:\.|\)|mA))(?:\s*(?:pads?|pins?|I/?Os?))?", t, re.I):
        sides = [side_of(s) for s in (m.group(1), m.group(2)) if s]
        facts.append(SizeFact({s: number(m.group(3)) for s in sides}, text.loc(m.start()), m.group(0)))
    for m in re.finditer(rf"(?:{NUMBER}\s*(?:pads?|pins?|I/?Os?|signals?)\s*(?:in\s+)?(?:total|in\s+all|overall)"
                         rf"|total\s+(?:of\s+)?{NUMBER}\s*(?:pads?|pins?|I/?Os?)|{NUMBER}[\s-]*(?:pad|pin|I/?O)\s+ring)",
                         t, re.I):
        value = next(g for g in m.groups() if g)
        facts.append(SizeFact({}, text.loc(m.start()), m.group(0), total=number(value)))
    return facts


def merge_sizes(facts: list[SizeFact]) -> tuple[dict[str, int], list[Finding]]:
    """Pads per side from all statements; two statements giving one side two counts conflict."""
    counts: dict[str, tuple[int, SizeFact]] = {}
    problems: list[Finding] = []
    for fact in facts:
        for side, n in fact.counts.items():
            if side in counts and counts[side][0] != n:
                other = counts[side][1]
                problems.append(Finding(rule="plan.size_conflict", where=f"{other.at} and {fact.at}",
                                        message=f"'{other.text}' ({other.at}) and '{fact.text}' ({fact.at}) give the "
                                                f"{side} side {counts[side][0]} and {n} pads",
                                        hint="state the ring size once"))
            counts.setdefault(side, (n, fact))
    result = {s: n for s, (n, _) in counts.items()}
    for fact in facts:
        if fact.total is not None and len(result) == 4 and sum(result.values()) != fact.total:
            first = next(iter(counts.values()))[1]
            problems.append(Finding(rule="plan.size_conflict", where=f"{first.at} and {fact.at}",
                                    message=f"'{fact.text}' ({fact.at}) but the sides add up to {sum(result.values())} "
                                            f"('{first.text}', {first.at})", hint="state the ring size once"))
    return result, problems


# --- order and start --------------------------------------------------------------------------------

def find_order(text: Text) -> tuple[Order | None, str | None, list[Finding], list[Statement]]:
    """(order, start side, conflicts, statements) from words: clockwise, starting on the top edge …"""
    t = text.clean
    statements: list[Statement] = []
    found: list[tuple[Order, str, str]] = []
    for m in re.finditer(r"counter[\s-]?clockwise|anti[\s-]?clockwise|\bccw\b|(?<![\w-])clockwise|\bcw\b", t, re.I):
        order = Order.clockwise if m.group(0).lower() in ("clockwise", "cw") else Order.counterclockwise
        found.append((order, text.loc(m.start()), m.group(0)))
    start = None
    corner = None
    m = re.search(rf"(?:start(?:s|ing)?|begin(?:s|ning)?|first\s+pad\s+(?:is\s+|sits\s+)?|from)\s+(?:at|on|from|with|in|along)?\s*"
                  rf"(?:the\s+)?{SIDE_WORD}(?:[\s-]*(left|right))?\s*(corner|edge|side)?", t, re.I)
    if m and (m.group(3) or m.group(2) or re.match(r"start|begin|first", m.group(0), re.I)):
        if m.group(2) and m.group(3) and m.group(3).lower() != "corner":
            corner = None
        if m.group(2) or (m.group(3) or "").lower() == "corner":
            corner = (side_of(m.group(1)), (m.group(2) or "").lower())
        else:
            start = side_of(m.group(1))
        statements.append(Statement(kind="start", at=text.loc(m.start()), text=m.group(0).strip()))
    through = re.search(rf"through\s+(?:the\s+)?{SIDE_WORD}\s+(?:side|edge)?\s*,\s*(?:the\s+)?{SIDE_WORD}", t, re.I) or \
        re.search(rf"order\s*:\s*{SIDE_WORD}\s*(?:side)?\s*(?:,|→|->|then)\s*{SIDE_WORD}", t, re.I)
    if through and start is None and corner is None:
        a, b = side_of(through.group(1)), side_of(through.group(2))
        start = a
        cw_next = {"left": "top", "top": "right", "right": "bottom", "bottom": "left"}
        found.append((Order.clockwise if cw_next[a] == b else Order.counterclockwise, text.loc(through.start()),
                      through.group(0)))
        statements.append(Statement(kind="start", at=text.loc(through.start()), text=through.group(0)))
    problems: list[Finding] = []
    orders = {o for o, _, _ in found}
    if len(orders) > 1:
        a = next(f for f in found if f[0] is Order.clockwise)
        b = next(f for f in found if f[0] is Order.counterclockwise)
        problems.append(Finding(rule="plan.order_conflict", where=f"{a[1]} and {b[1]}",
                                message=f"'{a[2]}' ({a[1]}) and '{b[2]}' ({b[1]}) contradict each other",
                                hint="state the placement order once"))
    order = found[0][0] if found else None
    for o, at, words in found[:1]:
        statements.append(Statement(kind="order", at=at, text=words))
    if corner is not None:
        leave = {Order.counterclockwise: {("top", "left"): "left", ("bottom", "left"): "bottom",
                                          ("bottom", "right"): "right", ("top", "right"): "top"},
                 Order.clockwise: {("top", "left"): "top", ("top", "right"): "right",
                                   ("bottom", "right"): "bottom", ("bottom", "left"): "left"}}
        key = corner if corner[0] in ("top", "bottom") else (corner[1], corner[0])
        start = leave[order or Order.counterclockwise].get(key)  # type: ignore[arg-type]
    return order, start, problems, statements


def rotate_to_start(n: int, counts: dict[str, int], order: Order, start: str) -> list[int]:
    """For a list of ``n`` pads written from the first pad of side ``start``: the written indices in
    placement order (which starts on the left side)."""
    sides = [s.value for s in side_sequence(order)]
    k = sum(counts[s] for s in sides[:sides.index(start)])
    return [(j - k) % n for j in range(n)]

