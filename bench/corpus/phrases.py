"""Sentences every style is built from: size, order, supplies, ranges, directions, inner pads.

Each function takes a ``form`` (one phrasing variant). Forms listed in ``HOLDOUT_FORMS`` are used
only by the hold-out part of the corpus, so it measures phrasings the tuned part never shows.
"""

from __future__ import annotations

import random

from bench.corpus.view import View
from bench.golden import DIGITAL

WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
         10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen",
         17: "seventeen", 18: "eighteen", 19: "nineteen", 20: "twenty"}
DIR_WORD = {"in": "input", "out": "output", "inout": "bidirectional"}
DIR_PLURAL = {"in": "inputs", "out": "outputs", "inout": "bidirectional"}

FORMS = {
    "size": ("per_side", "NxN", "total_per_side", "slash", "words", "n_x_n", "total_words"),
    "size_rect": ("bench", "lr_tb", "WxH", "each"),
    "order": ("bench", "words", "corner"),
    "analog": ("range", "range_colon", "pins", "members", "ellipsis", "pins_through"),
    "digital": ("uses", "labeled", "pairs", "rest"),
    "dirs": ("each", "group", "heading", "from_chip"),
    "inner": ("insert", "stagger", "extra", "inner_ring"),
}
HOLDOUT_FORMS = {"size": ("words", "total_words"), "size_rect": ("each",), "order": ("corner",),
                 "analog": ("ellipsis", "pins_through"), "digital": ("rest",), "dirs": ("from_chip",),
                 "inner": ("inner_ring",)}


def choose(kind: str, rng: random.Random, holdout: bool, allowed: tuple[str, ...] | None = None) -> str:
    """A form of ``kind``: the hold-out part prefers its own forms, the tuned part never uses them."""
    forms = [f for f in FORMS[kind] if allowed is None or f in allowed]
    own = [f for f in forms if f in HOLDOUT_FORMS.get(kind, ())]
    tuned = [f for f in forms if f not in own] or forms
    if holdout and own and rng.random() < 0.6:
        return rng.choice(own)
    return rng.choice(tuned)


def size_text(per_side: tuple[int, int, int, int], form: str) -> str:
    """The ring size in one of the forms (square forms for square rings, else rectangle forms)."""
    left, _, _, top = per_side
    if len(set(per_side)) == 1:
        n = left
        return {"per_side": f"{n} pads per side.", "NxN": f"A {n}x{n} ring.",
                "total_per_side": f"{4 * n} pads, {n} per side.", "slash": f"{n}/side.",
                "words": f"{WORDS[n].capitalize()} pads per side.", "n_x_n": f"{n} x {n} pads.",
                "total_words": f"{4 * n} pads total, {n} per side."}.get(form, f"{n} pads per side.")
    return {"bench": f"{left} pads on left and right sides, {top} pads on top and bottom sides.",
            "lr_tb": f"{left} pads on left/right and {top} on top/bottom.",
            "WxH": f"A {top}x{left} ring ({top} pads on top and bottom, {left} on left and right).",
            "each": f"Top/bottom: {top} pads each, left/right: {left} pads each."
            }.get(form, f"{left} pads on left/right and {top} on top/bottom.")


def sizes_text(view: View, form: str, rect_form: str) -> str:
    """Every size the request states (a second one only in a size-conflict case)."""
    out = [size_text(view.size_claims[0], rect_form if len(set(view.size_claims[0])) > 1 else form)]
    for claim in view.size_claims[1:]:
        alt = "per_side" if form != "per_side" else "total_per_side"
        out.append("That is: " + size_text(claim, alt if len(set(claim)) == 1 else "lr_tb"))
    return " ".join(out)


SIDE_ORDER = {("counterclockwise", "left"): ("left", "bottom", "right", "top"),
              ("clockwise", "left"): ("left", "top", "right", "bottom"),
              ("counterclockwise", "top"): ("top", "left", "bottom", "right"),
              ("clockwise", "top"): ("top", "right", "bottom", "left")}
ALONG = {("counterclockwise", "left"): "top to bottom", ("counterclockwise", "bottom"): "left to right",
         ("counterclockwise", "right"): "bottom to top", ("counterclockwise", "top"): "right to left",
         ("clockwise", "left"): "bottom to top", ("clockwise", "top"): "left to right",
         ("clockwise", "right"): "top to bottom", ("clockwise", "bottom"): "right to left"}


def order_text(view: View, form: str) -> str:
    """The placement order and the side the list starts on."""
    cw = view.order == "clockwise"
    sides = SIDE_ORDER[(view.order, view.start)]
    if form == "bench":
        return f"Order: {view.order} through {', '.join(f'{s} side' for s in sides)}."
    if form == "corner":
        corner = {("counterclockwise", "left"): "top-left", ("clockwise", "left"): "bottom-left",
                  ("counterclockwise", "top"): "top-right", ("clockwise", "top"): "top-left"}[(view.order, view.start)]
        return f"The list starts at the {corner} corner going {view.order} ({sides[0]} side first)."
    first = sides[0]
    return (f"Pads are listed {'clockwise' if cw else 'counterclockwise'}, starting on the {first} side "
            f"({ALONG[(view.order, first)]}).")


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def analog_statements(view: View, form: str, rng: random.Random, fallback: str = "pins") -> list[str]:
    """One sentence per analog run (plus any extra range of an overlap case); a run whose end names
    are not unique is stated in the ``fallback`` form (pin numbers, or member names)."""
    out = []
    runs = [(view.listing[i], view.listing[j], i, j, key) for i, j, key in view.analog_runs()]
    runs += [(a, b, view.listing.index(a), view.listing.index(b), key) for a, b, key in view.extra_ranges]
    for first, last, i, j, key in runs:
        vdd, vss = view.analog[key]
        pair = (vss, vdd) if rng.random() < 0.3 else (vdd, vss)
        by_name = form in ("range", "range_colon", "ellipsis")
        if by_name and not (view.unique(first) and view.unique(last)) and not view.range_rename:
            form = fallback
        first, last = view.range_rename.get(first, first), view.range_rename.get(last, last)
        if form == "range":
            out.append(f"From {first} to {last} uses {pair[0]} and {pair[1]} as voltage domain.")
        elif form == "range_colon":
            out.append(f"{first} to {last}: analog, supplies {pair[0]}/{pair[1]}.")
        elif form == "ellipsis":
            out.append(f"{first} … {last}: {pair[0]}/{pair[1]} (analog).")
        elif form == "pins":
            out.append(f"Pins {i + 1}-{j + 1} are analog on {pair[0]}/{pair[1]}.")
        elif form == "pins_through":
            out.append(f"Pads {i + 1} through {j + 1} use {pair[0]} and {pair[1]} (analog).")
        else:
            members = list(dict.fromkeys(view.listing[i:j + 1]))
            out.append(f"{'/'.join(members)} are analog on {pair[0]}/{pair[1]}.")
    return out


def digital_statement(view: View, form: str, rng: random.Random) -> str:
    """The digital supplies (the four names in shuffled order for the 'uses' form)."""
    if not view.digital:
        return ""
    names = list(view.digital)
    if len(names) != 4:
        form = "uses"
    if form == "uses":
        rng.shuffle(names)
        return f"Digital domain uses {', '.join(names)} as voltage domain."
    cv, cg, iv, ig = names
    if form == "labeled":
        return f"Digital supplies: core {cv}/{cg}, I/O {iv}/{ig}."
    if form == "pairs":
        return f"Digital pads: core supply {cv}, core ground {cg}, I/O supply {iv}, I/O ground {ig}."
    lead = "All other pads are digital" if view.analog else "All pads are digital"
    return f"{lead}, on {cv}/{cg} (core) and {iv}/{ig} (I/O)."


def direction_statements(view: View, form: str, every: bool) -> list[str]:
    """Directions of the digital signals the request must state, and the drives."""
    stated = view.stated_directions(every)
    out = []
    if form == "each":
        out = [f"{n} is {'an ' if d != 'inout' else ''}{DIR_WORD[d]}." for n, d in stated.items()]
    else:
        groups = {d: [n for n, x in stated.items() if x == d] for d in ("in", "out", "inout")}
        if form == "heading":
            out = [f"{DIR_PLURAL[d].capitalize()}: {', '.join(g)}." for d, g in groups.items() if g]
        else:
            tail = {"in": " to the chip", "out": " from the chip", "inout": ""} if form == "from_chip" else {}
            parts = [f"{_join(g)} {'are' if len(g) > 1 else 'is an' if d != 'inout' else 'is'} "
                     f"{DIR_PLURAL[d] if len(g) > 1 else DIR_WORD[d]}{tail.get(d, '')}" for d, g in groups.items() if g]
            out = ["; ".join(parts) + "."] if parts else []
    out += [f"{n} drives {ma} mA." for n, ma in view.drives.items()]
    return out


def inner_statements(view: View, form: str, rng: random.Random) -> list[str]:
    """One phrase per inner pad (neighbours sometimes named in reverse)."""
    out = []
    for name, a, b, key in view.inner:
        if rng.random() < 0.3:
            a, b = b, a
        supply = key != DIGITAL and name in view.analog[key] or key == DIGITAL and name in (view.digital or ())
        if form == "stagger":
            out.append(f"stagger {name} between {a} and {b}")
        elif form == "extra":
            out.append(f"an extra {name} pad between {a} and {b}" if supply
                       else f"add {name} as an inner pad between {a} and {b}")
        elif form == "inner_ring":
            out.append(f"{name} goes on the inner ring, between {a} and {b}")
        else:
            out.append(f"insert an inner ring pad {name} between {a} and {b}")
    return out
