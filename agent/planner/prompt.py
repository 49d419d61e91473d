"""Read a request in prose (AMS-IO-Bench prompts in either formatting, emails, tickets, markdown,
bullet or numbered lists, per-side lists, pasted tables) into a ``Spec``.

Reading finds typed statements with their ``line:col`` (``reader.py`` for the pad list, size
and order; this module for domains, ranges, inner pads and statements about pads); naming
conventions decide what the statements leave open. A contradiction is a ``PlanError`` naming
both places, a missing fact a ``PlanQuestion``, a guess an ``Assumption``.
"""

from __future__ import annotations

import itertools
import re

from adaptor.amsio import identifier
from adaptor.findings import Finding
from adaptor.intent import NET_NAME_PATTERN, AnalogDomain, DigitalDomain, Direction, Order, PadsPerSide, RingKind
from agent.planner.errors import PlanError, PlanQuestion
from agent.planner.names import analog_or_digital, polarity
from agent.planner.reader import (
    BUS,
    NAME,
    SENTENCE_END,
    SEP,
    PadList,
    Text,
    bus_bits,
    find_order,
    find_pad_list,
    find_sizes,
    is_pad_name,
    merge_sizes,
    order_of_sides,
    rotate_to_start,
    sentence_end,
    side_lists_in_order,
)
from agent.planner.spec import Assumption, PadRequest, Question, Spec, Statement
from agent.planner.supplies import SupplyReading

_NAME_RE = re.compile(NET_NAME_PATTERN)
_PAIR_TEXT = rf"(?<![/\w])\(?\s*({NAME}){SEP}({NAME})(?![\w]|\s*/)\s*\)?"
_HINT_RE = re.compile(r"these\s+voltage\s+domains?\s+use[^\n.]*|(?<![\w-])(?:use|using)\s+(?:the\s+)?\w+\s+cells?\b[^\n.]*", re.I)
_ITEM = rf"{NAME}(?:{BUS}|-(?:{NAME}|\d+)\b)?"  # a name, a bus, or a run 'A-B' / 'A0-3'
_SUBJECT = rf"({_ITEM}(?:\s*(?:,|/|\band\b|&|,\s*and\b|\.\.\.?|…)\s*{_ITEM})*)"


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


class _Reader(SupplyReading):
    """One request being read: the text, the pads, the statements and what went wrong."""

    def __init__(self, raw: str, source: str, origins: list[str] | None = None) -> None:
        self.source = source
        head = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*:\s*\|", raw)
        self.case_id = head.group(1) if head else ""
        self.text = Text(raw if not head else " " * head.end() + raw[head.end():], origins=origins)
        self.prose = self.text.clean
        self.problems: list[Finding] = []
        self.questions: list[Question] = []
        self.assumptions: list[Assumption] = []
        self.statements: list[Statement] = []
        self.notes: list[str] = []
        self.pads: list[PadRequest] = []
        self.inner: list[PadRequest] = []
        self.domains: list[AnalogDomain | DigitalDomain] = []
        self.taken: set[str] = set()
        self.assign: dict[int, tuple[str, str]] = {}
        self.default_analog: str | None = None
        self.table_tuples: list[tuple[list[str], str]] = []
        self.placement: list[int] = []
        self.range_order: list[int] = []  # list indices in the order ranges run (placement for per-side lists)
        self.arcs: list[tuple[list[int], list[int], str, str, str, str]] = []  # ranges of per-side lists

    # --- helpers -------------------------------------------------------------------------------

    def at(self, offset: int) -> str:
        return self.text.loc(offset)

    def say(self, kind: str, offset: int, text: str) -> str:
        at = self.at(offset)
        self.statements.append(Statement(kind=kind, at=at, text=" ".join(text.split())[:160]))  # type: ignore[arg-type]
        return at

    def indices(self, name: str) -> list[int]:
        return [i for i, p in enumerate(self.pads) if p.name.upper() == name.upper()]

    def resolve(self, name: str) -> str:
        found = self.indices(name)
        return self.pads[found[0]].name if found else name

    def names_in(self, subject: str) -> list[str]:
        """The names of a subject; 'A..B' (or 'A…B', 'A-B') between two listed pads is every pad from A to B,
        'A0-3' is A0 … A3, a bus 'X[7:0]' every bit."""
        names: list[str] = []
        for bus in re.finditer(rf"{NAME}{BUS}", subject):
            names += bus_bits(bus.group(0)) or []
        subject = re.sub(rf"{NAME}{BUS}", " ", subject)
        for m in re.finditer(rf"({NAME})(?:\s*(?:\.\.\.?|…|-)\s*({NAME}|\d+))?", subject):
            if m.group(2) and m.group(2).isdigit():  # "A0-3": A0, A1, A2, A3
                stem, low = re.fullmatch(r"(.*?)(\d*)", m.group(1)).groups()  # type: ignore[union-attr]
                if low:
                    step = 1 if int(m.group(2)) >= int(low) else -1
                    names += [f"{stem}{k}" for k in range(int(low), int(m.group(2)) + step, step)]
                    continue
            first, last = self.indices(m.group(1)), self.indices(m.group(2)) if m.group(2) else []
            if first and last:
                a, b = first[0], last[0]
                names += [self.pads[i].name for i in (range(a, b + 1) if a <= b else range(a, b - 1, -1))]
            else:
                names += [n for n in m.group(1, 2) if n]
        return [n for n in names if n.lower() not in ("and",)]

    def pair(self, a: str, b: str, stated: bool = False) -> tuple[str, str] | None:
        """(vdd, vss) when one of two names is a supply and the other a ground, else None. ``stated``: the
        text calls the two a supply pair, so one name of known polarity decides the other's."""
        a, b = self.resolve(a), self.resolve(b)
        pol = polarity([a, b])
        if stated and "unknown" in pol.values() and len(set(pol.values())) == 2:
            known = pol[a] if pol[a] != "unknown" else pol[b]
            pol = {a: known, b: "ground" if known == "supply" else "supply"} if pol[b] == "unknown" else \
                {b: known, a: "ground" if known == "supply" else "supply"}
        if pol[a] == "ground" and pol[b] == "supply":
            return b, a
        if pol[a] == "supply" and pol[b] == "ground":
            return a, b
        return None

    def analog_domain(self, vdd: str, vss: str) -> str:
        existing = next((d for d in self.domains if isinstance(d, AnalogDomain) and (d.vdd, d.vss) == (vdd, vss)), None)
        if existing:
            return existing.name
        name, n = vdd, 2
        while name in self.taken:
            name, n = f"{vdd}_{n}", n + 1
        self.taken.add(name)
        self.domains.append(AnalogDomain(kind="analog", name=name, vdd=vdd, vss=vss))
        return name

    # --- the parts -------------------------------------------------------------------------------

    def read_pads(self) -> tuple[PadList | None, dict[str, int]]:
        found = find_pad_list(self.text)
        facts = find_sizes(Text(_blank(self.text.raw, *found.span), origins=self.text.origins) if found else self.text)
        counts, conflicts = merge_sizes(facts)
        self.problems += conflicts
        for fact in facts:
            self.statements.append(Statement(kind="size", at=fact.at, text=fact.text))
        if found is None:
            self.questions.append(Question(
                rule="plan.question.pads", question="Which pads does the ring have, in which order?",
                answer_hint="add a line 'Pads: A B C …' listing the outer pads in placement order"))
            return None, counts
        self.say("pad_list", 0, f"{found.form} at {found.at}")
        self.table_domains(found)
        self.statements[-1].at = found.at
        self.prose = _blank(self.prose, *found.span)
        return found, counts

    def table_domains(self, found: PadList) -> None:
        """A domain column: 'digital'/'analog', a supply pair, or four digital supplies."""
        for pad in found.pads:
            text = pad.why.pop("domain_text", "")
            names = [n for n in re.findall(NAME, text) if is_pad_name(n)]
            at = pad.why.get("name", found.at).split(" ")[0]
            if len(names) == 2 and polarity(names)[names[0]] != "unknown":
                vdd_vss = self.pair(*names)
                if vdd_vss:
                    pad.domain = self.analog_domain(*vdd_vss)
                    self.default_analog = self.default_analog or pad.domain
                    pad.why["domain"] = f"{at} (domain column)"
            elif len(names) == 4:
                self.table_tuples.append((names, at))
                pad.kind = "digital"
                pad.why["kind"] = f"{at} (domain column)"
            elif re.search(r"\b(digital|analog|analogue)\b", text, re.I):
                pad.kind = "digital" if "digital" in text.lower() else "analog"
                pad.why["kind"] = f"{at} (domain column)"

    def order_and_size(self, found: PadList, counts: dict[str, int]) -> tuple[Order, PadsPerSide | None]:
        order, start, conflicts, statements = find_order(self.text)
        self.problems += conflicts
        self.statements += statements
        if found.sides:
            order = order or order_of_sides(found) or Order.counterclockwise
            for side, (pads, _) in found.sides.items():
                if side in counts and counts[side] != len(pads):
                    self.problems.append(Finding(
                        rule="plan.signal_count", where=found.at,
                        message=f"the {side} side lists {len(pads)} names but the size says {counts[side]}",
                        hint="make the per-side lists and the stated size agree"))
                counts[side] = len(pads)
            self.pads, self.placement = side_lists_in_order(found, order, self.assumptions)
        else:
            self.pads = list(found.pads)
            if order is None:  # asked together with any other missing fact
                self.questions.append(Question(
                    rule="plan.question.order", at=found.at,
                    question="In which order are the pads listed (counterclockwise or clockwise), starting where?",
                    answer_hint="write e.g. 'counterclockwise, starting at the top-left corner down the left side'"))
        listed_inner = [p for p in self.pads if "inner" in p.why]
        self.pads = [p for p in self.pads if "inner" not in p.why]
        if listed_inner:
            self.placement = []
        for pad in listed_inner:
            if pad.between:
                self.inner.append(pad)
            else:
                self.problems.append(Finding(rule="plan.inner_unreadable", where=pad.why["inner"],
                                             message=f"{pad.name} is marked inner but its neighbours are not given",
                                             hint="give the two outer pads it sits between"))
        if found.sides and self.placement:  # per-side lists: "X … Y" runs around the ring, not down the page
            self.range_order = self.placement
        if len(counts) < 4:
            dims = re.search(r"_(\d+)x(\d+)_", self.case_id)
            if dims and not counts:
                w, h = int(dims.group(1)), int(dims.group(2))
                counts = {"left": h, "right": h, "top": w, "bottom": w}
                self.notes.append(f"ring size taken from the case id {self.case_id}: {w} pads on top/bottom, "
                                  f"{h} on left/right")
            elif counts:
                missing = sorted({"left", "bottom", "right", "top"} - set(counts))
                self.questions.append(Question(
                    rule="plan.question.size", question=f"How many pads go on the {', '.join(missing)} side(s)?",
                    answer_hint="write e.g. '4 pads per side' or '5 pads on left and right, 3 on top and bottom'"))
                return order or Order.counterclockwise, None
            else:
                n = len([p for p in self.pads if "inner" not in p.why])
                guess = f" ({n} pads listed: {n // 4} per side?)" if n % 4 == 0 else f" ({n} pads listed)"
                self.questions.append(Question(
                    rule="plan.question.size", question=f"How many pads go on each side of the ring?{guess}",
                    answer_hint="write e.g. '4 pads per side', 'a 6x4 ring' (top/bottom x left/right) or "
                                "'5 pads on left and right, 3 on top and bottom'"))
                return order or Order.counterclockwise, None
        if order is None:
            return Order.counterclockwise, None
        if start and start != "left" and not found.sides:
            self.placement = rotate_to_start(len(self.pads), counts, order, start)
            self.notes.append(f"the list starts on the {start} side: positions counted from there")
        return order, PadsPerSide(**counts)

    def hints(self) -> None:
        for m in _HINT_RE.finditer(self.prose):
            self.notes.append(f"technology hint ignored: {' '.join(m.group(0).split())}")
            self.prose = _blank(self.prose, m.start(), m.end())
        for key in ("technology", "library"):
            m = re.search(rf"{key}\s*:\s*([^\n]+?)(?=\s+-\s|\n|$)", self.prose, re.I)
            if m:
                value = m.group(1).strip().rstrip(".")
                self.notes.append(f"technology hint in the spec: {value} (the intent is technology-neutral; the "
                                  "target technology is chosen separately)" if key == "technology"
                                  else f"library named in the spec: {value.split()[0]}")
                self.prose = _blank(self.prose, m.start(), m.end())

    def inner_pads(self) -> None:
        """'insert an inner pad X between A and B', 'stagger X between …', 'Between A and B, add X',
        'Inner pads: X (between A and B), Y (between …)'; one that names no pad is an error."""
        t = self.prose
        previous = 0
        keyword = re.compile(r"inner|stagger|extra|additional|insert|second\s+row|double", re.I)
        for m in re.finditer(rf"between\s+(?:pads?\s+)?({NAME})\s*(?:and|&|/|,)\s*(?:pads?\s+)?({NAME})", t, re.I):
            line_start = t.rfind("\n", 0, m.start()) + 1
            clause_start = max(previous, line_start,
                               *(k.end() for k in re.finditer(r"[.;]\s|\||,\s*(?=(?:and\s+)?(?:insert|add|place|put|stagger))",
                                                               t[:m.start()])))
            clause = t[clause_start:m.start()]
            previous = m.end()
            after = t[m.end():sentence_end(t, m.end())]
            names = [n for n in re.finditer(NAME, clause) if is_pad_name(n.group(0))]
            if not keyword.search(clause):
                if keyword.search(t[line_start:clause_start]) and names:  # a list of inner pads on one line
                    pass
                elif keyword.search(after):  # "Between A and B, add an inner pad X."
                    names = [n for n in re.finditer(NAME, after) if is_pad_name(n.group(0))][:1]
                    clause, previous = "", m.end() + len(after)
                else:
                    continue
            at = self.say("inner_pad", clause_start + (len(clause) - len(clause.lstrip())), clause + m.group(0))
            if not names:
                self.problems.append(Finding(rule="plan.inner_unreadable", where=at,
                                             message=f"an inner pad is asked for ('{' '.join((clause + m.group(0)).split())}') "
                                                     "but no pad name is given",
                                             hint="write 'insert an inner pad NAME between A and B'"))
                continue
            req = PadRequest(name=names[-1].group(0), between=(self.resolve(m.group(1)), self.resolve(m.group(2))),
                             why={"inner": at, "name": at})
            self.inner.append(req)
            self.prose = _blank(self.prose, clause_start, max(m.end(), previous))

    def ranges(self) -> None:
        t = self.prose
        span = r"[ \t]*(?:to|through|thru|until|\.\.\.?|…|–|—|-)[ \t]*"
        by_name = rf"(?:from\s+)?(?:pads?\s+|pins?\s+)?({NAME}){span}({NAME})"
        by_number = rf"(?:pads?|pins?)\s*#?(\d+){span}#?(\d+)"
        hits: list[tuple[int, int]] = []
        numbered = list(re.finditer(by_number, t, re.I))
        named = [m for m in re.finditer(by_name, t, re.I)
                 if not any(m.start() < n.end() and n.start() < m.end() for n in numbered)]
        for m in sorted(numbered + named, key=lambda m: m.start()):
            numeric = m in numbered
            if any(m.start() < e and s < m.end() for s, e in hits):
                continue
            if numeric:
                a, b = int(m.group(1)) - 1, int(m.group(2)) - 1
                if not (0 <= a < len(self.pads) and 0 <= b < len(self.pads)):
                    self.problems.append(Finding(rule="plan.range_unknown_name", where=self.at(m.start()),
                                                 message=f"'{m.group(0)}': the list has {len(self.pads)} pads",
                                                 hint="number pads from 1 in list order"))
                    continue
                start, end = self.pads[a].name, self.pads[b].name
                first, last = [a], [b]
            else:
                start, end = m.group(1), m.group(2)
                if start.lower() in ("from", "pads", "pins") or not (self.indices(start) and self.indices(end)
                                                                     or m.group(0).lower().startswith("from")):
                    continue
                first, last = self.indices(start), self.indices(end)
            tail_end = sentence_end(t, m.end())
            tail = t[m.end():tail_end]
            pm = next((c for c in re.finditer(_PAIR_TEXT, tail) if self.pair(c.group(1), c.group(2), stated=True)), None)
            if pm is None:  # "<vdd>/<vss> on X..Y": the pair before the range, in the same clause
                clause_start = max([0] + [e for s, e in hits] + [k.end() for k in SENTENCE_END.finditer(t, 0, m.start())])
                before = [c for c in re.finditer(_PAIR_TEXT, t[clause_start:m.start()]) if self.pair(c.group(1), c.group(2), stated=True)]
                if not before:
                    continue
                pm, tail = before[-1], ""
                hits.append((clause_start + pm.start(), clause_start + pm.end()))
            if not first or not last:
                for label, idx in ((start, first), (end, last)):
                    if not idx:
                        self.problems.append(Finding(rule="plan.range_unknown_name", where=self.at(m.start()),
                                                     message=f"{label} is not in the pad list",
                                                     hint="name pads that appear in the pad list"))
                hits.append((m.start(), m.end() + (pm.end() if tail else 0)))
                continue
            vdd, vss = self.pair(pm.group(1), pm.group(2), stated=True)  # type: ignore[misc]
            at = self.say("range", m.start(), m.group(0) + (tail[:pm.end()] if tail else f" uses {pm.group(0)}"))
            domain = self.analog_domain(vdd, vss)
            self._claim(first, last, start, end, domain, at)
            more = re.match(rf"\s*(?:,|and\b|&)\s*{_SUBJECT}", tail[:pm.start()]) if tail else None
            if more:  # "X-Y, Z and W are analog on <pair>": the names after the range join it
                self._assign([i for n in self.names_in(more.group(1)) for i in self.indices(n)[:1]], domain, at)
            hits.append((m.start(), m.end() + (pm.end() if tail else 0)))
        self.claim_arcs()
        for s, e in hits:
            self.prose = _blank(self.prose, s, e)

    def _claim(self, first: list[int], last: list[int], start: str, end: str, domain: str, at: str) -> None:
        """Give the pads from ``start`` to ``end`` (list indices ``first``/``last``) the domain. With a
        ``range_order`` (per-side lists) the range is an arc of the ring, chosen with the others in
        ``claim_arcs``; in list order a pad already in another domain's range is an overlap."""
        if self.range_order:
            self.arcs.append((first, last, start, end, domain, at))
            return
        a = first[0]
        after = [i for i in last if i >= a]
        if not after:
            a, after = last[0], [first[0]]
            self.notes.append(f"range from {start} to {end} runs backwards in the list; read it as {end} to {start}")
        b = after[0]
        for i in after[1:]:
            if all(self.assign.get(k, (domain, at))[0] == domain for k in range(a, i + 1)):
                b = i
        if len(after) > 1:
            self.notes.append(f"{end} occurs more than once: the range from {start} runs to position {b} of the list")
        self._assign(list(range(a, b + 1)), domain, at)

    def _assign(self, span: list[int], domain: str, at: str) -> None:
        for i in span:
            if i in self.assign and self.assign[i][0] != domain:
                self.problems.append(Finding(rule="plan.range_overlap", where=f"{self.assign[i][1]} and {at}",
                                             message=f"pad {self.pads[i].name} is in the ranges of two domains "
                                                     f"({self.assign[i][0]} at {self.assign[i][1]} and {domain} at {at})",
                                             hint="make the ranges disjoint"))
                continue
            self.assign[i] = (domain, at)

    def claim_arcs(self) -> None:
        """Per-side lists: each range runs either way around the ring (a side may be written against
        the placement order). Of all choices, the one whose ranges overlap least, then the shortest."""
        if not self.arcs:
            return
        ways = [self._ways(first, last) for first, last, *_ in self.arcs]
        picks = itertools.product((0, 1), repeat=len(ways)) if len(ways) <= 12 else [
            tuple(int(len(b) < len(f)) for f, b in ways)]

        def cost(pick: tuple[int, ...]) -> tuple[int, int]:
            owners: dict[int, set[str]] = {}
            for (f, b), way, arc in zip(ways, pick, self.arcs):
                for i in (b if way else f):
                    owners.setdefault(i, set()).add(arc[4])
            return sum(len(o) > 1 for o in owners.values()), sum(len(w[p]) for w, p in zip(ways, pick))

        best = min(picks, key=cost)
        for (f, b), way, (_, _, start, end, domain, at) in zip(ways, best, self.arcs):
            if way:
                self.notes.append(f"range from {start} to {end} runs against the placement order; "
                                  f"read it as {end} to {start}")
            self._assign(b if way else f, domain, at)

    def _ways(self, first: list[int], last: list[int]) -> tuple[list[int], list[int]]:
        """(forward, backward): the list indices from ``first`` to ``last`` along the placement order and
        against it, for the nearest pair of occurrences."""
        order = self.range_order
        n = len(order)
        where = {w: k for k, w in enumerate(order)}
        a, b = min(((where[f], where[g]) for f in first for g in last),
                   key=lambda ab: min((ab[1] - ab[0]) % n, (ab[0] - ab[1]) % n))
        return ([order[(a + k) % n] for k in range((b - a) % n + 1)],
                [order[(b + k) % n] for k in range((a - b) % n + 1)])

    def unknown(self, subject: str, known: set[str], offset: int, strict: bool) -> None:
        """A statement about pads that are not in the pad list is refused (``plan.unknown_name``).

        ``strict``: an upper-case name alone is enough (direction and drive statements); else only
        names beside known ones count (class statements, where 'ADC is analog' is prose).
        """
        names = self.names_in(subject)
        missing = [n for n in names if n.upper() not in known and re.fullmatch(r"[A-Z][A-Z0-9_]+", n)]
        if missing and (strict or len(missing) < len(names)):
            self.problems.append(Finding(rule="plan.unknown_name", where=self.at(offset),
                                         message=f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} named "
                                                 f"in '{' '.join(subject.split())}' but not in the pad list",
                                         hint="add the pad to the list or correct the name"))

    def pad_statements(self) -> None:
        """'X, Y and Z are outputs', 'make X a 16 mA output', 'X/Y are analog on <vdd>/<vss>'."""
        t = self.prose
        known = {p.name.upper() for p in self.pads} | {p.name.upper() for p in self.inner}
        targets = lambda names: [p for p in self.pads + self.inner if p.name.upper() in {n.upper() for n in names}]  # noqa: E731
        direction = r"(inputs?|outputs?|inouts?|bidirectional|bi-directional|bidir|in|out)\b"
        drive_after = r"(?:[ \t]*(?:\([^)\n]*?|,[ \t]*|with[ \t]+)(\d+)\s*mA\b[^)\n;.]*?\)?)?"  # "output (push-pull, 4 mA)", "…s, 8 mA"
        patterns = [
            rf"(?<![\w/])(?:digital\s+)?{direction}s?\s*(?:pads?|pins?|signals?)?\s*(?:[:=]|are\s|is\s)\s*(){_SUBJECT}",
            rf"{_SUBJECT}(?:\s*(?:(?:is|are|as|should\s+be)\s|[=:])|[ \t]+(?=(?:\d+\s*mA\s+)?(?:inputs?|outputs?|inouts?|bidirectional)\b))"
            rf"\s*(?:all\s+|both\s+)?(?:an?\s+)?(?:digital\s+)?(?:(\d+)\s*mA\s+)?{direction}{drive_after}",
            rf"(?<=,)[ \t]*{_SUBJECT}[ \t]+an?[ \t]+(?:digital[ \t]+)?(?:(\d+)\s*mA\s+)?{direction}{drive_after}",  # ", Y a … output"
            rf"make\s+{_SUBJECT}\s+(?:an?\s+)?(?:(\d+)\s*mA\s+)?{direction}",
            rf"{_SUBJECT}\s*\(\s*(?:(\d+)\s*mA\s*,?\s*)?{direction}",
        ]
        for pattern in patterns:
            for m in re.finditer(pattern, t, re.I):
                label_first = m.re.pattern.startswith("(?<!")
                if label_first and re.search(r"\banalog(?:ue)?\s*$", t[:m.start()], re.I):
                    continue  # "analog inputs: X, Y" is a class statement (below), not a digital direction
                subject, word, drive = (m.group(3), m.group(1), None) if label_first else (
                    m.group(1), m.group(3), m.group(2) or (m.group(4) if m.re.groups >= 4 else None))
                names = [n for n in self.names_in(subject) if n.upper() in known]
                if not re.search(r"[=:]|\b(?:is|are|as|be)\b", m.group(0)[:m.start(3) - m.start()] if not label_first else ":"):
                    names = [n for n in names if analog_or_digital(n) != "analog"]  # "<signal> input": maybe an analog one
                self.unknown(subject, known, m.start(), strict=True)
                if not names or (not label_first and word.lower() in ("in", "out") and ":" not in m.group(0)
                                 and "=" not in m.group(0)):
                    continue
                at = self.say("direction", m.start(), m.group(0))
                word = word.lower()
                value = "inout" if word.startswith(("inout", "bi")) else "out" if word.startswith("out") else "in"
                for pad in targets(names):
                    pad.direction = Direction(value)
                    pad.kind = pad.kind or "digital"
                    pad.why.setdefault("kind", f"{at}, a direction statement")
                    pad.why["direction"] = f"{at} ({' '.join(m.group(0).split())[:40]})"
                    if drive:
                        pad.drive_ma = int(drive)
                        pad.why["drive_ma"] = at
                self.prose = _blank(self.prose, m.start(), m.end())
        for m in re.finditer(rf"(?:{_SUBJECT}(?:\s*(?:(?:at|with|drives?)\s|:)|[ \t])\s*(\d+)\s*mA)|(?:(\d+)\s*mA\s+(?:drive\s+)?(?:on|for)\s+{_SUBJECT})",
                             self.prose, re.I):
            names = [n for n in self.names_in(m.group(1) or m.group(4)) if n.upper() in known]
            self.unknown(m.group(1) or m.group(4), known, m.start(), strict=True)
            if names:
                at = self.say("drive", m.start(), m.group(0))
                for pad in targets(names):
                    pad.drive_ma = int(m.group(2) or m.group(3))
                    pad.why["drive_ma"] = at
        t = self.prose
        class_first = rf"(?<![\w/])(analog|analogue|digital)\s+(?:pads?|pins?|signals?|nets?|inputs?|outputs?)\s*(?:[:=]|are\s|is\s)?\s*{_SUBJECT}"
        names_first = rf"{_SUBJECT}\s*(?:(?:is|are|as)\s|:|(?=[ \t]))\s*(?:all\s+|both\s+)?(?:an?\s+)?(?:[a-z]+\s+)?(analog|analogue|digital)\b"
        matches = [(m, m.group(2), m.group(1)) for m in re.finditer(class_first, t, re.I)]
        matches += [(m, m.group(1), m.group(2)) for m in re.finditer(names_first, t, re.I)
                    if not any(m.start() < c.end() and c.start() < m.end() for c, *_ in matches)]
        for m, subject, word in sorted(matches, key=lambda c: c[0].start()):
            names = [n for n in self.names_in(subject) if n.upper() in known]
            self.unknown(subject, known, m.start(), strict=False)
            if not names:
                continue
            end = sentence_end(t, m.end())
            tail = t[m.end():end]
            at = self.say("class", m.start(), t[m.start():end])
            kind = "digital" if word.lower() == "digital" else "analog"
            domain = None
            pm = next((c for c in re.finditer(_PAIR_TEXT, tail) if self.pair(c.group(1), c.group(2), stated=True)), None)
            if pm and kind == "analog":
                domain = self.analog_domain(*self.pair(pm.group(1), pm.group(2), stated=True))  # type: ignore[misc]
            for pad in targets(names):
                pad.kind = kind
                pad.why["kind"] = at
                if domain:
                    pad.domain = domain
                    pad.why["domain"] = at
            self.prose = _blank(self.prose, m.start(), m.end() + (pm.end() if pm else 0))

    def pair_members(self) -> None:
        """'<vdd>/<vss> supplies X, Y and Z', 'analog domain: <vdd> / <vss> for X, Y', 'Analog (<vdd>/<vss>): X, Y',
        'X/Y live on <vdd>/<vss>': the pads named with an analog domain's pair join it, unless a range or class
        statement placed them."""
        analog = {(d.vdd, d.vss): d.name for d in self.domains if isinstance(d, AnalogDomain)}
        known = {p.name.upper() for p in self.pads} | {p.name.upper() for p in self.inner}
        verb = r"(?:supplies|supply|powers|power|feeds|serves|covers|cover|includes|include|for|->|→)"
        pair_first = (rf"{_PAIR_TEXT}\s*{verb}\s*(?:the\s+)?(?:analog(?:ue)?\s+)?(?:pads?|pins?|signals?)?\s*[:(]?\s*"
                      rf"{_SUBJECT}")
        labelled = (rf"(?<![\w/])analog(?:ue)?\s*(?:domain|pads?|pins?|signals?)?\s*\(\s*({NAME}){SEP}({NAME})\s*\)"
                    rf"\s*[:=\-–]?\s*{_SUBJECT}")  # "Analog (<vdd>/<vss>): X, Y"
        names_first = (rf"{_SUBJECT}\s+(?:(?:live|lives|sit|sits|run|runs|are|is)\s+)?(?:on|off|from)\s+(?:the\s+)?"
                       rf"(?:supplies\s+|supply\s+|rails?\s+)?{_PAIR_TEXT}")  # "X/Y live on <vdd>/<vss>"
        found = [(m, m.group(1), m.group(2), m.group(3))
                 for pattern in (pair_first, labelled) for m in re.finditer(pattern, self.text.clean, re.I)]
        found += [(m, m.group(2), m.group(3), m.group(1)) for m in re.finditer(names_first, self.text.clean, re.I)]
        for m, vdd, vss, subject in found:
            pair = self.pair(vdd, vss)
            names = {n.upper() for n in self.names_in(subject)} & known - {vdd.upper(), vss.upper()}
            if pair not in analog or not names:
                continue
            at = self.say("class", m.start(), m.group(0))
            for i, pad in enumerate(self.pads + self.inner):
                if pad.name.upper() in names and pad.domain is None and (i >= len(self.pads) or i not in self.assign):
                    pad.kind, pad.domain = "analog", analog[pair]  # type: ignore[index]
                    pad.why["kind"] = pad.why["domain"] = at

    def rest_direction(self) -> None:
        """'the rest are digital inputs', 'all other pads are outputs': every pad no statement gave a
        direction, class or analog domain, and not named like a supply, gets that direction."""
        m = re.search(r"\b(?:the\s+)?(?:rest|others|all\s+others?|other|remaining)(?:\s+(?:of\s+(?:the\s+)?)?(?:digital\s+)?"
                      r"(?:pads?|pins?|signals?|i/?os|ones)?)?\s*(?:are|:|=|as)?\s*(?:all\s+)?(?:digital\s+)?"
                      r"(inputs?|outputs?|inouts?|bidirectional|in|out)\b", self.prose, re.I)
        if m is None or (m.group(1).lower() in ("in", "out") and not re.search(r"[:=]|\bare\b|\bdigital\b", m.group(0), re.I)):
            return  # a bare 'the other in …' is English, not a direction
        word = m.group(1).lower()
        value = Direction.inout if word.startswith(("inout", "bi")) else Direction.output if word.startswith("out") \
            else Direction.input
        at = self.say("direction", m.start(), m.group(0))
        unknown = [p for p in self.pads if p.direction is None and p.kind != "analog" and p.domain is None
                   and polarity([p.name])[p.name] == "unknown"]
        for pad in unknown:
            if self.pads.index(pad) not in self.assign:
                pad.direction, pad.kind = value, "digital"
                pad.why["direction"] = pad.why["kind"] = f"{at} (the rest)"

    def settle(self) -> list[PadRequest]:
        """Refuse what cannot be planned (PlanError) or ask what is missing (PlanQuestion); else the outer pads
        in placement order with the domains their ranges gave, and the assumptions added to the notes."""
        if self.problems:
            raise PlanError(self.source, self.problems)
        if self.questions:
            raise PlanQuestion(self.source, self.questions)
        outer = []
        for i, pad in enumerate(self.pads):
            pad = pad.model_copy(deep=True)
            if i in self.assign:
                pad.domain, pad.why["domain"] = self.assign[i][0], f"range at {self.assign[i][1]}"
            outer.append(pad)
        self.notes += [f"assumed: {a.what} ({a.at})" for a in self.assumptions]
        return [outer[i] for i in (self.placement or range(len(outer)))]

    def design(self) -> str:
        cell = re.search(r"(?:cell\s+name|design(?:\s+name)?|top\s+cell|chip)\s*[:=]\s*([A-Za-z0-9_.\-]+)", self.text.clean, re.I)
        if cell:
            self.say("design", cell.start(), cell.group(0))
        return identifier(cell.group(1).rstrip(".") if cell else self.case_id or "ring")


Reader = _Reader  # the public name, for other readers of the same statements (llm_reader.py)


def parse_prompt(text: str, source: str = "spec", origins: list[str] | None = None) -> Spec:
    """Read one request in prose; raises PlanError (contradictions) or PlanQuestion (missing facts).

    ``origins`` maps each line of ``text`` to a ``line:col`` of the document it was written from.
    """
    r = _Reader(text, source, origins)
    found, counts = r.read_pads()
    order, pads = (r.order_and_size(found, counts) if found else (Order.counterclockwise, None))
    bad = [p.name for p in r.pads if not _NAME_RE.match(p.name)]
    if bad:
        r.problems.append(Finding(rule="plan.bad_name", where=found.at if found else "spec",
                                  message=f"not usable as pad/net names: {', '.join(bad[:8])}",
                                  hint="use letters, digits and underscores, starting with a letter"))
    if not r.pads:
        raise PlanError(source, r.problems) if r.problems else PlanQuestion(source, r.questions)
    r.hints()
    r.inner_pads()
    r.ranges()
    r.pad_statements()
    r.supplies()
    r.pair_members()
    r.rest_direction()
    outer = r.settle()
    assert pads is not None
    ring = re.search(r"(double|single)[\s-]*ring|two\s+rows|staggered", r.text.clean, re.I)
    kind = None if ring is None else RingKind.single if (ring.group(1) or "").lower() == "single" else RingKind.double
    if ring:
        r.say("ring_kind", ring.start(), ring.group(0))
    return Spec(design=r.design(), pads_per_side=pads, order=order, kind=kind, outer=outer, inner=r.inner,
                domains=r.domains, default_analog=r.default_analog, notes=r.notes, statements=r.statements,
                assumptions=r.assumptions)
