"""Parse AMS-IO-Bench style prompts (reference page §1) into a Spec.

Robust to the variants seen in the wild: sections merged onto one line, a missing section,
extra prose, other capitalisation, lower-case names in range statements, ground named first.
What it cannot resolve becomes a ``plan.*`` finding instead of a guess.
"""

from __future__ import annotations

import re

from adaptor.findings import Finding
from adaptor.intent import NET_NAME_PATTERN, AnalogDomain, DigitalDomain, Order, PadsPerSide, RingKind
from adaptor.amsio import identifier
from agent.planner.errors import PlanError
from agent.planner.names import looks_like_ground, split_digital
from agent.planner.spec import PadRequest, Spec

_HEADERS = ("SIGNAL CONFIGURATION", "VOLTAGE DOMAIN CONFIGURATION", "DESIGN CONFIGURATION",
            "Design requirements:", "Signal names:", "Voltage domain requirements:", "Configuration:")
_WORD = r"[A-Za-z_][A-Za-z0-9_]*"
_NAME_RE = re.compile(NET_NAME_PATTERN)
_INNER_RES = (
    re.compile(rf"inner\s+(?:ring\s+)?pad\s+({_WORD})\s+between\s+({_WORD})\s+and\s+({_WORD})", re.I),
    re.compile(rf"insert\s+(?:an?\s+)?({_WORD})\s+as\s+(?:an?\s+)?inner\s+(?:ring\s+)?pad\s+between\s+"
               rf"({_WORD})\s+and\s+({_WORD})", re.I),
)
_RANGE_RE = re.compile(
    rf"from\s+({_WORD})\s+to\s+({_WORD})\s*,?\s*uses?\s+(?:the\s+)?(?:voltage\s+domain\s+)?\(?\s*"
    rf"({_WORD})\s*(?:and|/|,)\s*({_WORD})\s*\)?(?:\s+as\s+(?:the\s+|its\s+)?voltage\s+domain)?", re.I)
_TUPLE_RE = re.compile(rf"({_WORD})\s*/\s*({_WORD})\s*/\s*({_WORD})\s*/\s*({_WORD})")
_DIGITAL_USES_RE = re.compile(rf"digital\s+domain\s+uses\s+(.+?)\s+as\s+(?:the\s+|its\s+)?voltage\s+domain", re.I)
_ANALOG_USES_RE = re.compile(
    rf"analog\s+domain\s+uses\s+\(?\s*({_WORD})\s*(?:and|/|,)\s*({_WORD})\s*\)?\s+as\s+(?:the\s+|its\s+)?voltage\s+domain",
    re.I)
_PAIR_RE = re.compile(rf"\(\s*({_WORD})\s*/\s*({_WORD})\s*\)|\b({_WORD})\s*/\s*({_WORD})\b")
_HINT_RE = re.compile(r"these\s+voltage\s+domains?\s+use|\bcells?\b(?!\s*name)", re.I)
_CONFIG_LINE = re.compile(r"\s*-?\s*(task|technology|library|cell\s+name|view)\s*:", re.I)


def normalise(text: str) -> str:
    """Put every section header, key and bullet on a line of its own; drop ``====`` rules."""
    text = text.replace("\r\n", "\n").replace("\t", " ")
    text = re.sub(r"={3,}", "\n", text)
    for key in _HEADERS:
        text = re.sub(rf"[ ]*({re.escape(key)})", r"\n\1", text, flags=re.I)
    text = re.sub(r"(^|[ ]+)-[ ]+(?=[A-Za-z(])", r"\n- ", text)
    return text


def _size(text: str, case_id: str, problems: list[Finding], notes: list[str]) -> PadsPerSide | None:
    counts: dict[str, int] = {}
    every = re.search(r"(\d+)\s*(?:pads?|I/?Os?)\s*(?:per|on\s+each|each|on\s+every)\s+side", text, re.I)
    if every:
        counts = dict.fromkeys(("left", "bottom", "right", "top"), int(every.group(1)))
    side = r"(left|right|top|bottom)"
    for m in re.finditer(rf"(\d+)\s*pads?\s*(?:on|at|along)\s+(?:the\s+)?{side}(?:\s*(?:and|&|/)\s*{side})?"
                         rf"(?:\s+sides?)?", text, re.I):
        for s in (m.group(2), m.group(3)):
            if s:
                counts[s.lower()] = int(m.group(1))
    if len(counts) == 4:
        return PadsPerSide(**counts)
    dims = re.search(r"_(\d+)x(\d+)_", case_id)
    if dims and not counts:
        notes.append(f"ring size taken from the case id {case_id}: {dims.group(1)} pads on top/bottom, "
                     f"{dims.group(2)} on left/right")
        w, h = int(dims.group(1)), int(dims.group(2))
        return PadsPerSide(left=h, right=h, top=w, bottom=w)
    missing = sorted({"left", "bottom", "right", "top"} - set(counts))
    problems.append(Finding(rule="plan.size_missing", where="Design requirements",
                            message=f"the spec does not say how many pads go on the {', '.join(missing)} side(s)",
                            hint="write e.g. '4 pads per side' or '5 pads on left and right sides, "
                                 "3 pads on top and bottom sides'"))
    return None


def _signals(text: str, problems: list[Finding]) -> list[str]:
    match = re.search(r"signal\s+names?\s*:(.*?)(?=\n\s*-|\n\s*\n|\n\s*[A-Z][A-Za-z ]+:|$)", text, re.I | re.S)
    if not match or not match.group(1).split():
        problems.append(Finding(rule="plan.signals_missing", where="SIGNAL CONFIGURATION",
                                message="the spec has no 'Signal names:' list",
                                hint="list the pads in placement order after 'Signal names:'"))
        return []
    names = [t for t in re.split(r"[\s,;]+", match.group(1)) if t]
    bad = [n for n in names if not _NAME_RE.match(n)]
    if bad:
        problems.append(Finding(rule="plan.bad_name", where="Signal names",
                                message=f"not usable as pad/net names: {', '.join(bad[:8])}",
                                hint="use letters, digits and underscores, starting with a letter"))
    return names


class _Names:
    """Case-insensitive lookup of names written in the spec against the signal list."""

    def __init__(self, signals: list[str]) -> None:
        self.signals = signals
        self.canon: dict[str, str] = {}
        for s in signals:
            self.canon.setdefault(s.upper(), s)

    def resolve(self, name: str) -> str:
        """The signal's own spelling when the name is in the list (any case), else ``name``."""
        return self.canon.get(name.upper(), name)

    def indices(self, name: str) -> list[int]:
        return [i for i, s in enumerate(self.signals) if s.upper() == name.upper()]


def _pair(a: str, b: str, notes: list[str]) -> tuple[str, str]:
    """(vdd, vss) from two names given in either order."""
    if looks_like_ground(a) and not looks_like_ground(b):
        return b, a
    if not looks_like_ground(a) and looks_like_ground(b):
        return a, b
    notes.append(f"cannot tell supply from ground in {a}/{b} by name; took {a} as supply")
    return a, b


def digital_tuple(names: list[str], notes: list[str]) -> tuple[str, str, str, str]:
    """(core vdd, core vss, io vdd, io vss) from four names in any order, inferred from the names."""
    split, guesses, why = split_digital(names)
    if split is None:
        raise PlanError("spec", [Finding(
            rule="plan.digital_tuple", where="VOLTAGE DOMAIN CONFIGURATION",
            message=f"cannot tell the two supplies from the two grounds in {'/'.join(names)} ({why})",
            hint="name two supplies and two grounds (see the markers in knowledge_base/conventions.yaml)")])
    notes.extend(guesses)
    return split


def _domain_name(base: str, taken: set[str]) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def parse_prompt(text: str, source: str = "spec") -> Spec:
    """Parse one AMS-IO-Bench style prompt; raises PlanError with every problem found."""
    problems: list[Finding] = []
    notes: list[str] = []
    head = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*:\s*\|", text)
    case_id = head.group(1) if head else ""
    body = normalise(text[head.end():] if head else text)
    signals = _signals(body, problems)
    pads = _size(body, case_id, problems, notes)
    names = _Names(signals)
    order = Order.clockwise if re.search(r"(?<!counter)(?<!counter-)(?<!anti)(?<!anti-)\bclockwise", body, re.I) \
        and not re.search(r"counter[\s-]?clockwise|anti[\s-]?clockwise", body, re.I) else Order.counterclockwise
    kind = RingKind.double if re.search(r"double[\s-]*ring", body, re.I) else (
        RingKind.single if re.search(r"single[\s-]*ring", body, re.I) else None)

    cell = re.search(r"cell\s+name\s*:\s*(\S+)", body, re.I)
    design = identifier(cell.group(1) if cell else case_id or "ring")
    technology_hint = re.search(r"technology\s*:\s*([^\n]+)", body, re.I)
    if technology_hint:
        notes.append(f"technology hint in the spec: {technology_hint.group(1).strip()} "
                     "(the intent is technology-neutral; the target technology is chosen separately)")
    library = re.search(r"library\s*:\s*(\S+)", body, re.I)
    if library:
        notes.append(f"library named in the spec: {library.group(1)}")

    inner: list[PadRequest] = []
    for pattern in _INNER_RES:
        for m in pattern.finditer(body):
            inner.append(PadRequest(name=m.group(1), between=(names.resolve(m.group(2)), names.resolve(m.group(3)))))

    domains: list[AnalogDomain | DigitalDomain] = []
    taken: set[str] = set()
    assign: dict[int, str] = {}
    lines = [ln for ln in body.split("\n")
             if not re.match(r"\s*signal\s+names?\s*:", ln, re.I) and not _CONFIG_LINE.match(ln)]
    rest = []
    for line in lines:
        if _HINT_RE.search(line) and not _RANGE_RE.search(line):
            if line.strip("- ").strip():
                notes.append(f"technology hint ignored: {line.strip('- ').strip()}")
            continue
        for m in _RANGE_RE.finditer(line):
            start, end = m.group(1), m.group(2)
            vdd, vss = _pair(names.resolve(m.group(3)), names.resolve(m.group(4)), notes)
            domain = next((d.name for d in domains if isinstance(d, AnalogDomain) and (d.vdd, d.vss) == (vdd, vss)),
                          None)
            if domain is None:
                domain = _domain_name(vdd, taken)
                domains.append(AnalogDomain(kind="analog", name=domain, vdd=vdd, vss=vss))
            _claim_range(names, start, end, domain, assign, problems, notes)
        rest.append(_RANGE_RE.sub(" ", line))
    remaining = "\n".join(rest)

    tuples = [list(m.groups()) for m in _TUPLE_RE.finditer(remaining)]
    tuples += [[t for t in re.split(r"[\s,/]+|\band\b", m.group(1)) if t] for m in _DIGITAL_USES_RE.finditer(remaining)]
    remaining = _DIGITAL_USES_RE.sub(" ", _TUPLE_RE.sub(" ", remaining))
    digital = None
    for group in tuples:
        group = [names.resolve(n) for n in group]
        if len(group) != 4:
            problems.append(Finding(rule="plan.digital_tuple", where="VOLTAGE DOMAIN CONFIGURATION",
                                    message=f"a digital domain needs four supply names, found {len(group)}: "
                                            f"{', '.join(group)}",
                                    hint="name core vdd, core vss, I/O vdd and I/O vss"))
            continue
        resolved = digital_tuple(group, notes)
        if digital is not None and resolved != digital:
            problems.append(Finding(rule="plan.digital_tuple", where="VOLTAGE DOMAIN CONFIGURATION",
                                    message="the spec names two different digital supply sets",
                                    hint="a ring has one set of four digital supply names"))
        digital = resolved
    if digital:
        domains.append(DigitalDomain(kind="digital", name=_domain_name("digital", taken), core_vdd=digital[0],
                                     core_vss=digital[1], io_vdd=digital[2], io_vss=digital[3]))

    pairs = [m.groups() for m in _ANALOG_USES_RE.finditer(remaining)]
    remaining = _ANALOG_USES_RE.sub(" ", remaining)
    for m in _PAIR_RE.finditer(remaining):
        a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if names.indices(a) or names.indices(b):
            pairs.append((a, b))
    default_analog = None
    for a, b in pairs:
        vdd, vss = _pair(names.resolve(a), names.resolve(b), notes)
        existing = next((d for d in domains if isinstance(d, AnalogDomain) and (d.vdd, d.vss) == (vdd, vss)), None)
        domain = existing.name if existing else _domain_name(vdd, taken)
        if existing is None:
            domains.append(AnalogDomain(kind="analog", name=domain, vdd=vdd, vss=vss))
        default_analog = default_analog or domain

    if problems:
        raise PlanError(source, problems)
    outer = [PadRequest(name=s, domain=assign.get(i)) for i, s in enumerate(signals)]
    return Spec(design=design, pads_per_side=pads, order=order, kind=kind, outer=outer, inner=inner,
                domains=domains, default_analog=default_analog, notes=notes)


def _claim_range(names: _Names, start: str, end: str, domain: str, assign: dict[int, str],
                 problems: list[Finding], notes: list[str]) -> None:
    """Assign the pads from ``start`` to ``end`` (inclusive, list order) to ``domain``."""
    first, last = names.indices(start), names.indices(end)
    for label, found in ((start, first), (end, last)):
        if not found:
            problems.append(Finding(rule="plan.range_unknown_name", where=f"From {start} to {end}",
                                    message=f"{label} is not in the signal list",
                                    hint="name pads that appear under 'Signal names:'"))
    if not first or not last:
        return
    a = first[0]
    after = [i for i in last if i >= a]
    if not after:
        a, after = last[0], [first[0]]
        notes.append(f"range from {start} to {end} runs backwards in the list; read it as {end} to {start}")
    # a repeated end name (two ground pads of one name) ends the range at its last occurrence before anything
    # another range has claimed, so the range keeps the whole block of its domain
    b = after[0]
    for i in after[1:]:
        if all(assign.get(k, domain) == domain for k in range(a, i + 1)):
            b = i
    if len(after) > 1:
        notes.append(f"{end} occurs more than once: the range from {start} runs to position {b} of the list")
    for i in range(a, b + 1):
        if i in assign and assign[i] != domain:
            problems.append(Finding(rule="plan.range_overlap", where=f"From {start} to {end}",
                                    message=f"pad {names.signals[i]} is in the ranges of two domains "
                                            f"({assign[i]} and {domain})",
                                    hint="make the ranges disjoint"))
            continue
        assign[i] = domain
