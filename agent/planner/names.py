"""Name heuristics the planner uses: analog versus digital, supply versus ground, core versus I/O.

Every marker and name class comes from the conventions file (``knowledge_base/conventions.yaml``
via ``adaptor.naming.conventions``); this module holds only the logic. Each function is a
documented guess; the planner records in the intent's notes every place where it relied on one.
"""

from __future__ import annotations

import re

from adaptor.naming import conventions, convention_set


def _clean(name: str) -> str:
    return name.upper().replace("_", "")


def _marker(name: str, key: str) -> str | None:
    upper = _clean(name)
    return next((m for m in sorted(convention_set(key), key=lambda m: (-len(m), m)) if m in upper), None)


def looks_like_ground(name: str) -> bool:
    """True for names with a ground marker (see ``ground_markers``)."""
    return _marker(name, "ground_markers") is not None


def looks_like_supply(name: str) -> bool:
    """True for names with a supply or ground marker."""
    return looks_like_ground(name) or _marker(name, "supply_markers") is not None


def residue(name: str) -> str:
    """What remains of a supply name without its marker (or its V/G prefix), underscores dropped."""
    upper = _clean(name)
    marker = _marker(name, "ground_markers") or _marker(name, "supply_markers")
    if marker is None:
        prefixes = conventions()["prefix_pairs"]
        return upper[1:] if upper[:1] in (prefixes["supply"], prefixes["ground"]) else upper
    return upper.replace(marker, "", 1)


def prefix_polarity(names: list[str]) -> dict[str, str]:
    """Marker-less names that pair as V<stem> supply / G<stem> ground (V<x>/G<x>): name → supply or ground."""
    prefixes = conventions()["prefix_pairs"]
    bare = {_clean(n): n for n in names if not looks_like_supply(n)}
    out: dict[str, str] = {}
    for upper, name in bare.items():
        if upper.startswith(prefixes["supply"]) and prefixes["ground"] + upper[1:] in bare:
            out[name] = "supply"
            out[bare[prefixes["ground"] + upper[1:]]] = "ground"
    return out


def voltage(text: str) -> float | None:
    """The voltage a name fragment states (12 → 1.2, 3V3 → 3.3), or None."""
    tokens = {str(k).upper(): float(v) for k, v in conventions()["voltage_tokens"].items()}
    found = [v for t, v in sorted(tokens.items(), key=lambda kv: -len(kv[0])) if t in text.upper()]
    return found[0] if found else None


def io_score(fragment: str) -> int:
    """How much a name fragment sounds like the I/O (high-voltage) supply: >0 I/O, <0 core, 0 unknown."""
    upper = _clean(fragment)
    volts = voltage(upper)
    if volts is not None:
        return 2 if volts >= 2.5 else -2
    core, io = convention_set("core_markers"), convention_set("io_markers")
    if upper in io:
        return 2
    if upper in core:
        return -2
    score = sum(1 for m in io if len(m) > 1 and m in upper) - sum(1 for m in core if len(m) > 1 and m in upper)
    if score == 0 and upper:
        score = (upper[-1] in io) - (upper[-1] in core)
    return score


def core_first(a: str, b: str) -> tuple[str, str] | None:
    """(core, io) of two supply (or ground) names by their residues, or None when undecidable."""
    ra, rb = residue(a), residue(b)
    k = 0
    while k < min(len(ra), len(rb)) and ra[k] == rb[k]:
        k += 1
    da, db = ra[k:], rb[k:]
    va, vb = voltage(ra), voltage(rb)
    if va is not None and vb is not None and va != vb:
        return (a, b) if va < vb else (b, a)
    sa, sb = io_score(da), io_score(db)
    if sa == sb:
        sa, sb = io_score(ra), io_score(rb)
    if sa == sb:
        return None
    return (a, b) if sa < sb else (b, a)


def _matches(name: str, key_prefix: str, key_exact: str | None = None) -> bool:
    upper = name.upper()
    if any(upper.startswith(p) for p in convention_set(key_prefix)):
        return True
    return key_exact is not None and upper in convention_set(key_exact)


def analog_or_digital(name: str) -> str | None:
    """'analog', 'digital' or None when the name says nothing."""
    upper = name.upper()
    if _matches(upper, "digital_prefixes") or any(re.fullmatch(p, upper, re.I)
                                                   for p in conventions()["digital_patterns"]):
        return "digital"
    if _matches(upper, "analog_prefixes", "analog_exact") or any(w in upper for w in convention_set("analog_anywhere")) \
            or any(re.fullmatch(p, upper, re.I) for p in conventions()["analog_patterns"]):
        return "analog"
    return None


def differential_pairs(names: list[str]) -> set[str]:
    """Names that have a P/N partner in ``names`` (X_P with X_N): analog signals."""
    upper = {n.upper() for n in names}
    partner = {"P": "N", "N": "P"}
    return {n for n in names if len(n) > 1 and n[-1].upper() in partner
            and n[:-1].upper() + partner[n[-1].upper()] in upper}


def polarity(names: list[str]) -> dict[str, str]:
    """Each name → 'supply', 'ground' or 'unknown': markers first, then V<stem>/G<stem> pairs."""
    pairs = prefix_polarity(names)
    return {n: "ground" if looks_like_ground(n) else "supply" if looks_like_supply(n) else pairs.get(n, "unknown")
            for n in names}


def split_digital(names: list[str]) -> tuple[tuple[str, str, str, str] | None, list[str], str]:
    """(core vdd, core vss, io vdd, io vss) from four names in any order, the guesses made, and why not.

    Supplies pair with grounds by a shared stem (what remains without the marker); core
    versus I/O follows the markers and voltages of the conventions file. Returns (None, [], reason)
    when the names are not two supplies and two grounds.
    """
    pol = polarity(names)
    supplies = [n for n in names if pol[n] == "supply"]
    grounds = [n for n in names if pol[n] == "ground"]
    if len(supplies) != 2 or len(grounds) != 2:
        return None, [], f"{len(supplies)} supply and {len(grounds)} ground name(s)"
    guesses: list[str] = []
    stems = {g: residue(g) for g in grounds}
    partner = {s: [g for g in grounds if stems[g] == residue(s)] for s in supplies}
    paired = all(len(v) == 1 for v in partner.values()) and partner[supplies[0]] != partner[supplies[1]]
    order = core_first(*supplies) or (core_first(*grounds) if paired else None)
    if order is None:
        order = (supplies[0], supplies[1])
        guesses.append(f"cannot tell core from I/O supply between {supplies[0]} and {supplies[1]} by name; "
                       f"took {supplies[0]}, listed first, as core")
    elif order[0] not in supplies:  # decided by the grounds: map back through the pairing
        order = tuple(next(s for s in supplies if partner[s] == [g]) for g in order)  # type: ignore[assignment]
    core_vdd, io_vdd = order
    if paired:
        core_vss, io_vss = partner[core_vdd][0], partner[io_vdd][0]
    else:
        split = core_first(*grounds)
        if split is None:
            split = (grounds[0], grounds[1])
            guesses.append(f"cannot tell core from I/O ground between {grounds[0]} and {grounds[1]} by name; "
                           f"took {grounds[0]}, listed first, as core")
        core_vss, io_vss = split
    return (core_vdd, core_vss, io_vdd, io_vss), guesses, ""
