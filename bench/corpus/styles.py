"""Style renderers: one request (a ``View``) written the way designers write requests.

``STYLES`` maps a style id to its renderer ``(view, phrasing, rng) -> text``. A ``Phrasing``
holds the chosen sentence forms (bench.corpus.phrases) and style-specific variants; its
``label()`` is the case's ``variant`` in meta.json. Every style states every fact a careful
reader needs: size, order and start, the pads in order, analog pairs and their pads, the
digital supplies, inner pads, and the directions the naming conventions do not give.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.corpus import phrases as ph
from bench.corpus.view import View
from bench.golden import DIGITAL

RULE = "=" * 70
SIGNERS = ("Maria", "Kenji", "Ayo", "Lena", "Priya", "Tomás", "Jun", "Sven")


@dataclass
class Phrasing:
    """The forms one rendering uses."""

    size: str = "per_side"
    size_rect: str = "bench"
    order: str = "bench"
    analog: str = "range"
    digital: str = "uses"
    dirs: str = "group"
    every_dir: bool = False
    inner: str = "insert"
    extra: dict[str, str] = field(default_factory=dict)  # style-specific variants

    def label(self) -> str:
        """A short variant id for meta.json."""
        base = [f"size={self.size}", f"rect={self.size_rect}", f"order={self.order}", f"analog={self.analog}",
                f"digital={self.digital}", f"dirs={self.dirs}", f"every_dir={'yes' if self.every_dir else 'no'}",
                f"inner={self.inner}"]
        return ",".join(base + [f"{k}={v}" for k, v in sorted(self.extra.items())])


def choose_phrasing(style: str, rng: random.Random, holdout: bool) -> Phrasing:
    """Random forms for ``style``; the hold-out part prefers the forms kept for it."""
    spec = STYLE_FORMS.get(style, {})
    p = Phrasing(**{k: ph.choose(k, rng, holdout, spec.get(k)) for k in ph.FORMS})
    p.every_dir = rng.random() < 0.3
    for key, tuned in STYLE_VARIANTS.get(style, {}).items():
        own = HOLDOUT_VARIANTS.get(style, {}).get(key, ())
        p.extra[key] = rng.choice(own) if holdout and own and rng.random() < 0.6 else rng.choice(tuned)
    return p


# forms a style supports (others: every form)
STYLE_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "bench": {"analog": ("range", "members", "ellipsis"), "order": ("bench", "corner"), "digital": ("uses", "rest")},
    "paragraph": {"analog": ("range", "members", "ellipsis"), "order": ("bench", "corner")},
    "terse": {"dirs": ("group", "heading")},
    "numbered": {"dirs": ("each", "group", "heading", "from_chip")},
    "per_side": {"analog": ("range", "range_colon", "members", "ellipsis")},
}
# style-specific variants of the tuned part (key -> options), then those only the hold-out part uses
STYLE_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "email": {"list": ("comma", "spaces"), "greeting": ("hi", "hello"),
              "intro": ("The pads, in order:", "Pad order:")},
    "ticket": {"markup": ("jira",), "list": ("noformat", "inline")},
    "markdown": {"list": ("code", "inline"), "headings": ("h2",)},
    "bullets": {"marker": ("-", "*"), "list": ("one_bullet", "sub_bullets"), "label": ("Pads", "Pad order")},
    "numbered": {"numbering": ("dot", "paren"), "annotate": ("paren", "none")},
    "per_side": {"sides": ("travel",), "annotate": ("paren", "none"), "size_line": ("implied", "stated")},
    "md_table": {"columns": ("pin_name_domain_dir", "name_class_supplies")},
    "csv": {"delimiter": ("comma", "tab")},
    "yaml": {"pads": ("flow", "records"), "size_map": ("per_side", "sides")},
    "toml": {"pads": ("array", "tables")},
    "terse": {"sep": ("semicolons", "lines")},
    "pinlines": {"label": ("Pin", "PIN"), "annotate": ("paren", "none")},
    "paragraph": {"lead": ("Additionally, please",)},
    "bench": {"header": ("task",)},
}
HOLDOUT_VARIANTS: dict[str, dict[str, tuple[str, ...]]] = {
    "email": {"list": ("lines",), "greeting": ("team",), "intro": ("Pins (in ring order):",)},
    "ticket": {"list": ("bullets",)},
    "markdown": {"headings": ("h3_bold",)},
    "bullets": {"list": ("per_line",), "label": ("Pins",)},
    "numbered": {"numbering": ("hash",)},
    "per_side": {"sides": ("geometric",)},
    "md_table": {"columns": ("side_pos",)},
    "csv": {"delimiter": ("semicolon",)},
    "yaml": {"pads": ("by_domain",)},
    "toml": {"pads": ("inline_tables",)},
    "terse": {"sep": ("pipes",)},
    "pinlines": {"label": ("Pad",)},
    "paragraph": {"lead": ("Also",)},
}


def _ring_word(view: View) -> str:
    return "Double ring layout." if view.double else "Single ring layout."


def _common(view: View, p: Phrasing, rng: random.Random,
            fallback: str = "pins") -> dict[str, list[str] | str]:
    """The shared sentences of a prose style (``fallback``: how to state a range whose ends repeat)."""
    return {"size": ph.sizes_text(view, p.size, p.size_rect), "order": ph.order_text(view, p.order),
            "analog": ph.analog_statements(view, p.analog, rng, fallback),
            "digital": ph.digital_statement(view, p.digital, rng),
            "dirs": ph.direction_statements(view, p.dirs, p.every_dir),
            "inner": ph.inner_statements(view, p.inner, rng)}


def bench(view: View, p: Phrasing, rng: random.Random) -> str:
    """The AMS-IO-Bench template (four sections separated by rules)."""
    c = _common(view, p, rng)
    domains = [*c["analog"], *([c["digital"]] if c["digital"] else [])]
    lines = [f"{view.id}: |", "Task: Generate IO ring schematic and layout design for the tool.", "",
             "  Design requirements:", f"  {c['size']} {_ring_word(view)} {c['order']}", "", f"  {RULE}",
             "  SIGNAL CONFIGURATION", f"  {RULE}", f"  Signal names: {' '.join(view.listing)}",
             *[f"  - {x}" for x in c["inner"]], *[f"  - {x}" for x in c["dirs"]], "", f"  {RULE}",
             "  VOLTAGE DOMAIN CONFIGURATION", f"  {RULE}", "  Voltage domain requirements:",
             *[f"  - {d.rstrip('.')}" for d in domains], "", f"  {RULE}", "  DESIGN CONFIGURATION", f"  {RULE}",
             "  Configuration:", f"  - Technology: {rng.choice(['28nm', '40nm', '65nm', '130nm'])} process node",
             "  - Library: TEST_LIB", f"  - Cell name: {view.id}", "  - View: schematic and layout"]
    return "\n".join(lines) + "\n"


def paragraph(view: View, p: Phrasing, rng: random.Random) -> str:
    """The second AMS-IO-Bench formatting: everything after the signal list on one line."""
    c = _common(view, p, rng)
    tail = []
    if c["inner"]:
        lead = "Additionally, please" if p.extra.get("lead") != "Also" else "Also"
        tail.append(f"{lead} {', '.join(c['inner'])}.")
    tail.append("Voltage domains: " + " ".join([*([c["digital"]] if c["digital"] else []), *c["analog"]]))
    tail += c["dirs"]
    return (f"{view.id}: |\nTask: Generate IO ring schematic and layout design for the tool.\n"
            f"Design requirements: {c['size']} {_ring_word(view)} {c['order']}\n"
            f"Signal names: {' '.join(view.listing)}. {' '.join(tail)}\n")


def email(view: View, p: Phrasing, rng: random.Random) -> str:
    """An e-mail to the layout team."""
    c = _common(view, p, rng)
    greet = {"hi": "Hi all,", "hello": "Hello,", "team": "Dear layout team,"}[p.extra["greeting"]]
    ring = "a double ring (with inner pads)" if view.double else "a single ring"
    pads = {"comma": ", ".join(view.listing), "spaces": " ".join(view.listing),
            "lines": "\n".join(view.listing)}[p.extra["list"]]
    body = [greet, "", f"for the {view.id} test chip we need the pad ring, {ring}. {c['size']} {c['order']}", "",
            p.extra["intro"], pads, ""]
    if c["inner"]:
        body += ["Inner pads: " + "; ".join(c["inner"]) + ".", ""]
    body += [" ".join([*c["analog"], c["digital"]]).strip(), ""]
    if c["dirs"]:
        body += [" ".join(c["dirs"]), ""]
    body += ["Thanks,", rng.choice(SIGNERS)]
    return f"Subject: pad ring for {view.id}\n\n" + "\n".join(body) + "\n"


def ticket(view: View, p: Phrasing, rng: random.Random) -> str:
    """A Jira-like ticket (wiki markup)."""
    c = _common(view, p, rng)
    listing = {"noformat": ["{noformat}", " ".join(view.listing), "{noformat}"],
               "inline": [", ".join(view.listing)], "bullets": [f"* {n}" for n in view.listing]}[p.extra["list"]]
    lines = [f"*Summary:* IO ring for {view.id}",
             f"*Type:* Task | *Priority:* {rng.choice(['Major', 'Minor', 'Critical'])} | *Component:* padring",
             "", "h3. Description", f"{c['size']} {_ring_word(view)} {c['order']}", "", "h3. Pad order", *listing,
             "", "h3. Supplies", *[f"* {s}" for s in c["analog"]], *([f"* {c['digital']}"] if c["digital"] else [])]
    criteria = [*[x[0].upper() + x[1:] + "." for x in c["inner"]], *c["dirs"]]
    if criteria:
        lines += ["", "h3. Acceptance criteria", *[f"# {x}" for x in criteria]]
    return "\n".join(lines) + "\n"


def markdown(view: View, p: Phrasing, rng: random.Random) -> str:
    """A markdown document with headings."""
    c = _common(view, p, rng)

    def h(title: str) -> str:
        return f"## {title}" if p.extra["headings"] == "h2" else f"### **{title}**"

    lines = [f"# {view.id} I/O ring", "", h("Ring"), "", f"- Size: {c['size']}", f"- {c['order']}",
             f"- Type: {_ring_word(view)}", "", h("Pads"), ""]
    lines += ["```", " ".join(view.listing), "```"] if p.extra["list"] == "code" else [", ".join(view.listing)]
    lines += ["", h("Voltage domains"), "", *[f"- {s}" for s in c["analog"]],
              *([f"- {c['digital']}"] if c["digital"] else [])]
    if c["inner"]:
        lines += ["", h("Inner ring"), "", *[f"- {x}" for x in c["inner"]]]
    if c["dirs"]:
        lines += ["", h("Directions"), "", *[f"- {x}" for x in c["dirs"]]]
    return "\n".join(lines) + "\n"


def bullets(view: View, p: Phrasing, rng: random.Random) -> str:
    """A bullet list."""
    c = _common(view, p, rng)
    m = p.extra["marker"]
    label = p.extra["label"]
    if p.extra["list"] == "one_bullet":
        pads = [f"{m} {label}: {', '.join(view.listing)}"]
    elif p.extra["list"] == "sub_bullets":
        pads = [f"{m} {label} (in order):", *[f"  {m} {n}" for n in view.listing]]
    else:
        pads = [f"{m} {label}:", *view.listing]
    lines = [f"Pad ring spec ({view.id})", f"{m} {c['size']}", f"{m} {c['order']}", f"{m} {_ring_word(view)}", *pads,
             *[f"{m} {x}" for x in c["inner"]], *[f"{m} {s}" for s in c["analog"]],
             *([f"{m} {c['digital']}"] if c["digital"] else []), *[f"{m} {x}" for x in c["dirs"]]]
    return "\n".join(lines) + "\n"


def _annotated(view: View, p: Phrasing, name: str) -> str:
    """``DIN (input)`` when the style annotates directions in the list."""
    d = view.stated_directions(p.every_dir).get(name)
    return f"{name} ({ph.DIR_WORD[d]})" if d and p.extra.get("annotate") == "paren" else name


def _dirs_unless_annotated(view: View, p: Phrasing, c: dict) -> list[str]:
    if p.extra.get("annotate") != "paren":
        return c["dirs"]
    listed = set(view.listing)
    rest = View(**{**view.__dict__, "directions": {n: d for n, d in view.directions.items() if n not in listed}})
    return ph.direction_statements(rest, p.dirs, p.every_dir)


def numbered(view: View, p: Phrasing, rng: random.Random) -> str:
    """A numbered pad list, then the statements."""
    c = _common(view, p, rng)
    fmt = {"dot": "{k}. {n}", "paren": "{k}) {n}", "hash": "#{k} {n}"}[p.extra["numbering"]]
    lines = [f"Pad list for {view.id}. {c['size']} {_ring_word(view)} {c['order']}", "",
             *[fmt.format(k=k + 1, n=_annotated(view, p, n)) for k, n in enumerate(view.listing)], ""]
    lines += [x[0].upper() + x[1:] + "." for x in c["inner"]]
    lines += [*c["analog"], *([c["digital"]] if c["digital"] else []), *_dirs_unless_annotated(view, p, c)]
    return "\n".join(lines) + "\n"


def per_side(view: View, p: Phrasing, rng: random.Random) -> str:
    """Per-side lists ("Left side (top to bottom): …"), in travel order or (hold-out) reading order.

    Pads are not numbered here, so analog runs are stated by name, never by pin number."""
    c = _common(view, p, rng, fallback="members")
    counts = dict(zip(("left", "bottom", "right", "top"), view.per_side))
    sides = ph.SIDE_ORDER[(view.order, view.start)]
    lines = [f"{view.id} pad ring ({'double' if view.double else 'single'} ring)."]
    if p.extra["size_line"] == "stated":
        lines.append(c["size"])
    reading = {"left": "top to bottom", "right": "top to bottom", "top": "left to right", "bottom": "left to right"}
    geometric = p.extra["sides"] == "geometric"
    if geometric:
        lines.append(f"Placement order: {view.order}; each side below is listed in reading order.")
    k = 0
    for side in sides:
        names = view.listing[k:k + counts[side]]
        k += counts[side]
        along = ph.ALONG[(view.order, side)]
        if geometric and along != reading[side]:
            names, along = names[::-1], reading[side]
        lines.append(f"{side.capitalize()} side ({along}): {', '.join(_annotated(view, p, n) for n in names)}")
    if c["inner"]:
        lines.append("Inner pads: " + "; ".join(c["inner"]) + ".")
    lines += [*c["analog"], *([c["digital"]] if c["digital"] else []), *_dirs_unless_annotated(view, p, c)]
    return "\n".join(lines) + "\n"


def _rows(view: View) -> list[dict[str, str]]:
    """One row per pad in listing order, an inner pad after its first-listed neighbour (pin '-')."""
    after: dict[str, list[tuple[str, str, str]]] = {}
    for name, a, b, key in view.inner:
        known = [x for x in (a, b) if x in view.listing]
        first = min(known, key=view.listing.index) if len(known) == 2 else ""
        after.setdefault(first, []).append((name, f"{a}/{b}", key))
    rows = []
    for k, (name, key) in enumerate(zip(view.listing, view.keys)):
        rows.append({"pin": str(k + 1), "name": name, "domain": view.domain_label(key),
                     "dir": view.directions.get(name, "") if key == DIGITAL else "", "inner": ""})
        rows += [_inner_row(view, *x) for x in after.pop(name, [])]
    rows += [_inner_row(view, *x) for extra in after.values() for x in extra]
    return rows


def _inner_row(view: View, name: str, between: str, key: str) -> dict[str, str]:
    return {"pin": "-", "name": name, "domain": view.domain_label(key),
            "dir": view.directions.get(name, "") if key == DIGITAL else "", "inner": between}


def _header_lines(view: View, c: dict) -> list[str]:
    return [f"{c['size']} {_ring_word(view)} {c['order']}"]


def _digital_line(view: View, c: dict) -> list[str]:
    return [c["digital"]] if c["digital"] else []


def md_table(view: View, p: Phrasing, rng: random.Random) -> str:
    """A markdown table of pads; inner pads as rows noted 'inner, between A and B'."""
    c = _common(view, p, rng)
    cols = p.extra["columns"]
    lines = [f"Pad table for {view.id}.", *_header_lines(view, c), ""]
    counts = dict(zip(("left", "bottom", "right", "top"), view.per_side))
    side_of = [s for s in ph.SIDE_ORDER[(view.order, view.start)] for _ in range(counts[s])]
    if cols == "side_pos":
        lines += ["| # | Side | Pad | Domain | Dir | Notes |", "|---|---|---|---|---|---|"]
    else:
        lines += ["| # | Pad | Domain | Direction | Notes |", "|---|---|---|---|---|"]
    for r in _rows(view):
        note = f"inner ring, between {r['inner'].replace('/', ' and ')}" if r["inner"] else ""
        dom = r["domain"] if cols != "name_class_supplies" or r["domain"] == "digital" else f"analog {r['domain']}"
        drive = view.drives.get(r["name"])
        note = "; ".join(x for x in (note, f"{drive} mA" if drive and r["dir"] else "") if x)
        if cols == "side_pos":
            side = side_of[int(r["pin"]) - 1] if r["pin"] != "-" else ""
            lines.append(f"| {r['pin']} | {side} | {r['name']} | {dom} | {r['dir']} | {note} |")
        else:
            lines.append(f"| {r['pin']} | {r['name']} | {dom} | {r['dir']} | {note} |")
    lines += ["", *_digital_line(view, c)]
    return "\n".join(lines) + "\n"


def csv_paste(view: View, p: Phrasing, rng: random.Random) -> str:
    """A pasted CSV/TSV sheet: '#' comment lines with the ring facts, then the rows."""
    c = _common(view, p, rng)
    sep = {"comma": ",", "tab": "\t", "semicolon": ";"}[p.extra["delimiter"]]
    lines = [f"# {view.id}: {x}" for x in _header_lines(view, c)] + [f"# {x}" for x in _digital_line(view, c)]
    lines.append(sep.join(("pin", "name", "domain", "direction", "drive_ma", "inner_between")))
    for r in _rows(view):
        drive = str(view.drives.get(r["name"], "")) if r["dir"] else ""
        lines.append(sep.join((r["pin"], r["name"], r["domain"], r["dir"], drive, r["inner"])))
    return "\n".join(lines) + "\n"


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(json.dumps(x) for x in items) + "]"


def _size_map(view: View, style: str) -> list[str]:
    left, bottom, right, top = view.per_side
    if style == "per_side" and len(set(view.per_side)) == 1:
        return [f"  pads_per_side: {left}"]
    return ["  pads:", f"    left: {left}", f"    bottom: {bottom}", f"    right: {right}", f"    top: {top}"]


def _start_words(view: View) -> str:
    return {("counterclockwise", "left"): "top-left corner, down the left side",
            ("clockwise", "left"): "bottom-left corner, up the left side",
            ("counterclockwise", "top"): "top-right corner, along the top side",
            ("clockwise", "top"): "top-left corner, along the top side"}[(view.order, view.start)]


def yaml_doc(view: View, p: Phrasing, rng: random.Random) -> str:
    """A YAML document."""
    lines = [f"design: {view.id}", "ring:", *_size_map(view, p.extra["size_map"]), f"  order: {view.order}",
             f"  start: {_start_words(view)}", f"  type: {'double' if view.double else 'single'}"]
    if view.analog:
        lines.append("analog_domains:")
        for key, (vdd, vss) in view.analog.items():
            lines += [f"  - vdd: {json.dumps(vdd)}", f"    vss: {json.dumps(vss)}"]
            if p.extra["pads"] == "by_domain":
                members = [n for n, k in zip(view.listing, view.keys) if k == key]
                lines.append(f"    pads: {_yaml_list(list(dict.fromkeys(members)))}")
    if view.digital:
        d = list(view.digital)
        lines += ["digital_domain:", f"  core: {_yaml_list(d[:2])}", f"  io: {_yaml_list(d[2:])}"] if len(d) == 4 \
            else ["digital_domain:", f"  supplies: {_yaml_list(d)}"]
    if p.extra["pads"] == "records":
        lines.append("pads:")
        for name, key in zip(view.listing, view.keys):
            entry = f"  - {{name: {json.dumps(name)}, domain: {json.dumps(view.domain_label(key))}"
            if key == DIGITAL and name in view.directions:
                entry += f", dir: {view.directions[name]}"
            lines.append(entry + "}")
    else:
        lines.append(f"pads: {_yaml_list(view.listing)}")
        if p.extra["pads"] == "flow" and view.analog:
            lines.append("analog_ranges:")
            for i, j, key in view.analog_runs():
                lines.append(f"  - {{from: {i + 1}, to: {j + 1}, supplies: {json.dumps(view.domain_label(key))}}}")
    if view.inner:
        lines.append("inner_pads:")
        lines += [f"  - {{name: {json.dumps(n)}, between: {_yaml_list([a, b])}}}" for n, a, b, _ in view.inner]
    dirs = view.directions if p.extra["pads"] != "records" else {
        n: d for n, d in view.directions.items() if n not in view.listing}
    if dirs:
        lines.append("directions:")
        lines += [f"  {json.dumps(n)}: {d}" for n, d in dirs.items()]
    if view.drives:
        lines.append("drive_ma:")
        lines += [f"  {json.dumps(n)}: {ma}" for n, ma in view.drives.items()]
    return "\n".join(lines) + "\n"


def toml_doc(view: View, p: Phrasing, rng: random.Random) -> str:
    """A TOML document."""
    q = json.dumps
    left, bottom, right, top = view.per_side
    style = p.extra["pads"]
    root = [f"design = {q(view.id)}"]
    if style == "inline_tables":
        root += ["pads = ["] + [f"  {{ name = {q(n)} }}," for n in view.listing] + ["]"]
    lines = ["", "[ring]"]
    lines += [f"pads_per_side = {left}"] if len(set(view.per_side)) == 1 else \
        [f"left = {left}", f"bottom = {bottom}", f"right = {right}", f"top = {top}"]
    lines += [f"order = {q(view.order)}", f"start = {q(_start_words(view))}",
              f"type = {q('double' if view.double else 'single')}"]
    if view.digital:
        d = list(view.digital)
        lines += ["", "[digital]"] + ([f"core = {q(d[:2])}", f"io = {q(d[2:])}"] if len(d) == 4
                                      else [f"supplies = {q(d)}"])
    for i, j, key in view.analog_runs():
        vdd, vss = view.analog[key]
        lines += ["", "[[analog]]", f"vdd = {q(vdd)}", f"vss = {q(vss)}", f"first_pin = {i + 1}", f"last_pin = {j + 1}"]
    if style == "array":
        lines += ["", "[pads]", f"order = {q(view.listing)}"]
    elif style == "tables":
        for name in view.listing:
            lines += ["", "[[pad]]", f"name = {q(name)}"] + (
                [f"dir = {q(view.directions[name])}"] if name in view.directions else [])
    for name, a, b, _ in view.inner:
        lines += ["", "[[inner]]", f"name = {q(name)}", f"between = {q([a, b])}"]
    dirs = view.directions if style != "tables" else {n: d for n, d in view.directions.items()
                                                      if n not in view.listing}
    if dirs:
        lines += ["", "[directions]"] + [f"{n} = {q(d)}" for n, d in dirs.items()]
    if view.drives:
        lines += ["", "[drive_ma]"] + [f"{n} = {ma}" for n, ma in view.drives.items()]
    return "\n".join(root + lines) + "\n"


def terse(view: View, p: Phrasing, rng: random.Random) -> str:
    """Terse one-liners."""
    left, _, _, top = view.per_side
    size = f"{left}/side" if len(set(view.per_side)) == 1 else f"{left} left/right, {top} top/bottom"
    order = {"counterclockwise": "ccw", "clockwise": "cw"}[view.order]
    start = "" if view.start == "left" else (" from top-right" if view.order == "counterclockwise"
                                            else " from top-left")
    parts = [f"{view.id}: {size}, {order}{start}{', double ring' if view.double else ''}",
             f"pads: {' '.join(view.listing)}"]
    for i, j, key in view.analog_runs():
        a, b = view.listing[i], view.listing[j]
        parts.append(f"{view.domain_label(key)} on {a}..{b}" if view.unique(a) and view.unique(b)
                     else f"{view.domain_label(key)} on pins {i + 1}-{j + 1}")
    if view.digital:
        parts.append(f"digital {'/'.join(view.digital)}")
    stated = view.stated_directions(p.every_dir)
    for d, word in (("out", "out"), ("in", "in"), ("inout", "bidir")):
        names = [n for n, x in stated.items() if x == d]
        if names:
            parts.append(f"{word}: {','.join(names)}")
    parts += [f"inner {n} between {a},{b}" for n, a, b, _ in view.inner]
    parts += [f"{n} {ma}mA" for n, ma in view.drives.items()]
    sep = {"semicolons": "; ", "lines": "\n", "pipes": " | "}[p.extra["sep"]]
    return sep.join(parts) + "\n"


def pinlines(view: View, p: Phrasing, rng: random.Random) -> str:
    """'Pin 3: VREF' lines."""
    c = _common(view, p, rng)
    label = p.extra["label"]
    lines = [f"{view.id}. {c['size']} {_ring_word(view)} {c['order']}",
             *[f"{label} {k + 1}: {_annotated(view, p, n)}" for k, n in enumerate(view.listing)]]
    lines += [x[0].upper() + x[1:] + "." for x in c["inner"]]
    lines += [*c["analog"], *_digital_line(view, c), *_dirs_unless_annotated(view, p, c)]
    return "\n".join(lines) + "\n"


STYLES: dict[str, Callable[[View, Phrasing, random.Random], str]] = {
    "bench": bench, "paragraph": paragraph, "email": email, "ticket": ticket, "markdown": markdown,
    "bullets": bullets, "numbered": numbered, "per_side": per_side, "md_table": md_table, "csv": csv_paste,
    "yaml": yaml_doc, "toml": toml_doc, "terse": terse, "pinlines": pinlines,
}
# styles whose free statements can carry a prose defect (an unknown name, an extra range, a second size)
PROSE_STYLES = ("bench", "paragraph", "email", "ticket", "markdown", "bullets", "numbered", "pinlines")


def render(view: View, style: str, phrasing: Phrasing, seed: int = 0) -> str:
    """``view`` written in ``style`` with ``phrasing`` (deterministic for a seed)."""
    return STYLES[style](view, phrasing, random.Random(seed))
