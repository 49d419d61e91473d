"""Reading supplies: analog pairs, digital tuples (four names, two qualified pairs, or role
labels like 'core supply X'), and, when the text names none, domains from the supply pads' names.

A mixin of the prose reader (``prompt._Reader``): it uses the reader's text, pads, statements,
problems, questions and assumptions.
"""

from __future__ import annotations

import re

from adaptor.findings import Finding
from adaptor.intent import AnalogDomain, DigitalDomain
from adaptor.naming import convention_set
from agent.planner.names import core_first, polarity, residue, split_digital
from agent.planner.reader import NAME, SEP, is_pad_name, sentence_end
from agent.planner.spec import Assumption, Question, Statement


class SupplyReading:
    """The supply statements of a request (mixed into the prose reader)."""

    @staticmethod
    def _qualifier(t: str, start: int, end: int, previous: int) -> tuple[str, int]:
        """What a supply group at ``t[start:end]`` is for (core, io, digital, analog or ''), and where its
        clause ends. A specific word (core, I/O) before the group in its clause wins, then one right after
        it ("X/Y core", "X/Y is the core", "X/Y (I/O)"), then a generic one (digital, analog); the words
        after a group belong to its clause, not to the next group's."""
        line_start = t.rfind("\n", 0, start) + 1
        window = re.split(r"[;.]\s", t[max(previous, line_start):start].lower())[-1]
        words = re.findall(r"\b(core|i/o|io|pad\s+(?:ring|suppl(?:y|ies)|power|rails?)|periphery|post[\s-]?driver|digital"
                           r"|analog|analogue)\b", window)
        after = t[end:sentence_end(t, end)].split(",")[0].lower()
        later = re.match(r"\s*\)?\s*(?:for|on|as|=|:|is|are)?\s*(?:the\s+)?(core|i/o|io|pads?|periphery|digital|analog)\b", after)
        canon = {"i/o": "io", "periphery": "io", "analogue": "analog", "pad": "io", "pads": "io"}
        before = [canon.get(w, "io" if w.startswith(("post", "pad")) else w) for w in words]
        behind = canon.get(later.group(1), later.group(1)) if later else ""
        specific = [w for w in before if w in ("core", "io")]
        qualifier = (specific[-1] if specific else behind if behind in ("core", "io")
                     else before[-1] if before else behind)
        return qualifier, end + later.end() if later else end

    def supplies(self) -> None:
        """Analog pairs, digital tuples, digital supplies as two pairs; else from the pad names."""
        t = self.prose
        groups = []
        digital_uses = re.finditer(rf"digital\s+(?:domain|supplies|supply|rails?)(?:\s+(?:supplies|supply|rails?|nets?))?\s*(?:uses?|:|=|is|are)\s*\(?\s*"
                                   rf"({NAME}(?:{SEP}{NAME}){{2,}})", t, re.I)
        for m in digital_uses:
            groups.append((m.start(1), m.end(1), [n for n in re.split(r"[\s,/&]+|\band\b", m.group(1)) if n], "digital"))
        for m in re.finditer(rf"(?<![\w/])({NAME}(?:\s*/\s*{NAME})+)(?![\w/])", t):
            if any(s <= m.start() < e for s, e, *_ in groups):
                continue
            groups.append((m.start(), m.end(), [n.strip() for n in m.group(1).split("/")], None))
        for m in re.finditer(rf"(?:uses?|using|on|powered\s+by|supplied\s+by|supply|supplies|rails?|pair|domain)\s*:?\s*\(?({NAME})\s*(?:and|&|,)\s*({NAME})\)?", t, re.I):
            if any(s <= m.start(1) < e for s, e, *_ in groups):
                continue
            groups.append((m.start(1), m.end(2), [m.group(1), m.group(2)], None))
        for m in re.finditer(rf"(?<![\w/])({NAME})\s*(?:and|&|,)\s*({NAME})\s+(?:power|powers|supply|supplies|feed|feeds)\b",
                             t, re.I):  # "X and Y power the analog pads"
            if not any(s <= m.start(1) < e for s, e, *_ in groups):
                groups.append((m.start(1), m.end(2), [m.group(1), m.group(2)], None))
        groups.sort()
        pairs: list[tuple[str, str, str, str]] = []  # vdd, vss, qualifier, at
        tuples: list[tuple[list[str], str]] = list(self.table_tuples[:1])
        previous, prior = 0, ""
        for start, end, names, qualifier in groups:
            names = [self.resolve(n) for n in names]
            if len(names) not in (2, 4) and qualifier != "digital":
                continue
            given, clause_end = qualifier, end
            if qualifier is None:
                qualifier, clause_end = self._qualifier(t, start, end, previous)
                if not qualifier and prior and re.fullmatch(r"\s*(?:\+|,|&|and|plus)?\s*", t[previous:start], re.I):
                    qualifier = prior  # "digital: A/B + C/D": the second pair shares the first one's qualifier
            pol = polarity(names)
            stated = (len(names) == 2 and qualifier in ("core", "io", "digital", "analog")  # "core X/Y": a supply pair
                      and "/" in t[start:end] and all(is_pad_name(n) for n in names))
            if "unknown" in pol.values() and given != "digital" and not (stated and self.pair(*names, stated=True)):
                continue
            previous, prior = clause_end, qualifier
            if len(names) == 4 and all(pol[n] != "unknown" for n in names):
                tuples.append((names, self.say("digital_tuple", start, t[start:end])))
            elif len(names) >= 3 and qualifier == "digital":
                tuples.append((names, self.say("digital_tuple", start, t[start:end])))
            elif len(names) == 2 and self.pair(*names, stated=stated):
                vdd, vss = self.pair(*names, stated=stated)  # type: ignore[misc]
                pairs.append((vdd, vss, qualifier, self.say("supply_pair", start, t[start:end])))
        roles = {}
        analog_roles: dict[str, tuple[str, int]] = {}
        for m in re.finditer(rf"(?<![\w/])(core|i/?o|pad|post|analog)[\s-]*(supply|power|vdd|ground|gnd|vss)\b[ \t]*(?:net|pad|pin)?[ \t]*(?:[:=]|is)?[ \t]*({NAME})(?![\w/])(?!\s*/)", t, re.I):
            key = ("core" if m.group(1).lower() == "core" else "analog" if m.group(1).lower() == "analog" else "io") + (
                "_vss" if m.group(2).lower() in ("ground", "gnd", "vss") else "_vdd")
            if key.startswith("analog") and self.indices(m.group(3)):
                analog_roles.setdefault(key, (self.resolve(m.group(3)), m.start()))
                continue
            if self.resolve(m.group(3)) and is_pad_name(m.group(3)):
                roles.setdefault(key, (self.resolve(m.group(3)), m.start()))
        if 0 < len(roles) < 4:
            self.problems.append(Finding(
                rule="plan.digital_tuple", where=self.at(min(v[1] for v in roles.values())),
                message=f"the digital supplies name only {', '.join(f'{k}={v[0]}' for k, v in roles.items())}",
                hint="name core supply, core ground, I/O supply and I/O ground"))
        if len(roles) == 4:
            start = min(v[1] for v in roles.values())
            at = self.say("digital_tuple", start, " ".join(f"{k}={v[0]}" for k, v in roles.items()))
            self.domains.append(DigitalDomain(kind="digital", name="digital", core_vdd=roles["core_vdd"][0],
                                              core_vss=roles["core_vss"][0], io_vdd=roles["io_vdd"][0],
                                              io_vss=roles["io_vss"][0]))
            self.taken.add("digital")
            tuples = []
            pairs = [p for p in pairs if not {p[0], p[1]} <= {v[0] for v in roles.values()}]
        if len(analog_roles) == 2:  # "analog supply: X, analog ground: Y"
            start = min(v[1] for v in analog_roles.values())
            pairs.append((analog_roles["analog_vdd"][0], analog_roles["analog_vss"][0], "analog",
                          self.say("supply_pair", start, " ".join(f"{k}={v[0]}" for k, v in analog_roles.items()))))
        digital = self._digital(tuples, pairs)
        if digital:
            self.taken.add(digital.name)
            self.domains.append(digital)
        for vdd, vss, qualifier, at in pairs:
            if digital and {vdd, vss} <= {digital.core_vdd, digital.core_vss, digital.io_vdd, digital.io_vss}:
                continue
            domain = self.analog_domain(vdd, vss)
            self.default_analog = self.default_analog or domain
        if not self.domains and self.pads:
            self._domains_from_names()

    def _digital(self, tuples: list[tuple[list[str], str]], pairs: list[tuple[str, str, str, str]]) -> DigitalDomain | None:
        found: tuple[str, str, str, str] | None = None
        at = ""
        for names, where in tuples:
            if len(names) != 4:
                self.problems.append(Finding(rule="plan.digital_tuple", where=where,
                                             message=f"a digital domain needs four supply names, found {len(names)}: "
                                                     f"{', '.join(names)}",
                                             hint="name core vdd, core vss, I/O vdd and I/O vss"))
                continue
            split, guesses, why = split_digital(names)
            if split is None:
                self.problems.append(Finding(rule="plan.digital_tuple", where=where,
                                             message=f"cannot tell the two supplies from the two grounds in "
                                                     f"{'/'.join(names)} ({why})",
                                             hint="name two supplies and two grounds (markers: "
                                                  "knowledge_base/conventions.yaml)"))
                continue
            self.assumptions += [Assumption(rule="plan.assume.core_io", what=g, at=where) for g in guesses]
            if found is not None and set(split) != set(found):
                self.problems.append(Finding(rule="plan.digital_tuple", where=f"{at} and {where}",
                                             message="the spec names two different digital supply sets",
                                             hint="a ring has one set of four digital supply names"))
            found, at = split, where
        core = [p for p in pairs if p[2] == "core"]
        io = [p for p in pairs if p[2] == "io"]
        if found is None:
            digital_pairs = [p for p in pairs if p[2] == "digital"]
            if len(core) == 1 and len(io) == 1:
                found = (core[0][0], core[0][1], io[0][0], io[0][1])
                at = core[0][3]
                self.statements.append(Statement(kind="digital_tuple", at=at,
                                                 text=f"core {core[0][0]}/{core[0][1]} and I/O {io[0][0]}/{io[0][1]} "
                                                      f"({core[0][3]}, {io[0][3]}) form one digital domain"))
            elif len(digital_pairs) + len(core) + len(io) == 2:
                both = digital_pairs + core + io
                split = core_first(both[0][0], both[1][0])
                if split is None:
                    split = (both[0][0], both[1][0])
                    self.assumptions.append(Assumption(rule="plan.assume.core_io", at=both[0][3],
                                                       what=f"took {both[0][0]}, listed first, as the core supply"))
                first = next(p for p in both if p[0] == split[0])
                second = next(p for p in both if p[0] == split[1])
                found, at = (first[0], first[1], second[0], second[1]), both[0][3]
        if found is None and (core or io):
            self.problems.append(Finding(
                rule="plan.digital_tuple", where=(core or io)[0][3],
                message=f"{len(core)} core and {len(io)} I/O supply pair(s): a digital domain needs one of each",
                hint="write e.g. 'core <vdd>/<vss>, I/O <vdd>/<vss>'"))
        if found is None:
            return None
        return DigitalDomain(kind="digital", name="digital", core_vdd=found[0], core_vss=found[1], io_vdd=found[2],
                             io_vss=found[3])

    def _domains_from_names(self) -> None:
        """No supply statement: pair the supply pads of the list by stem; analog-marked pairs are analog."""
        names = list(dict.fromkeys(p.name for p in self.pads))
        pol = polarity(names)
        supplies = [n for n in names if pol[n] == "supply"]
        grounds = [n for n in names if pol[n] == "ground"]
        pairs = []
        for s in supplies:
            match = [g for g in grounds if residue(g) == residue(s)]
            if len(match) == 1:
                pairs.append((s, match[0]))
        marks = convention_set("analog_supply_markers")
        analog = [(s, g) for s, g in pairs if any(residue(s).startswith(m) or residue(s).endswith(m) for m in marks)]
        digital = [p for p in pairs if p not in analog]
        if len(digital) == 3 and not analog:  # no marker says which pair is analog: the one most beside pads stated analog
            beside = {p: sum(self.pads[k].kind == "analog" for i, pad in enumerate(self.pads) if pad.name in p
                             for k in (i - 1, i + 1) if 0 <= k < len(self.pads)) for p in digital}
            best = max(beside.values())
            if best and list(beside.values()).count(best) == 1:
                analog = [p for p in digital if beside[p] == best]
                digital = [p for p in digital if beside[p] != best]
        where = self.statements[0].at if self.statements else "spec"
        if len(digital) == 2:
            split = core_first(digital[0][0], digital[1][0]) or (digital[0][0], digital[1][0])
            core = next(p for p in digital if p[0] == split[0])
            io = next(p for p in digital if p[0] == split[1])
            self.domains.append(DigitalDomain(kind="digital", name="digital", core_vdd=core[0], core_vss=core[1],
                                              io_vdd=io[0], io_vss=io[1]))
            self.taken.add("digital")
        elif len(digital) == 1 and not analog:
            analog = digital
        for s, g in analog:
            self.default_analog = self.default_analog or self.analog_domain(s, g)
        if self.domains:
            described = "; ".join(
                f"analog {d.vdd}/{d.vss}" if isinstance(d, AnalogDomain)
                else f"digital core {d.core_vdd}/{d.core_vss}, I/O {d.io_vdd}/{d.io_vss}" for d in self.domains)
            self.assumptions.append(Assumption(rule="plan.assume.domains", at=where,
                                               what=f"no supply statement: domains from the supply pads' names ({described})"))
        else:
            self.questions.append(Question(
                rule="plan.question.domains", question="Which supplies power the pads (analog pair, digital core and I/O)?",
                answer_hint="write e.g. 'analog pads use <vdd>/<vss>; digital uses core <vdd>/<vss> and I/O <vdd>/<vss>' "
                            "with the supply pad names"))
