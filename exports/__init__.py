"""Exports of a built ring into the open flows: DEF/LEF, OpenROAD, LibreLane, bonding list, pin list."""

FORMAT_NAMES = ("def", "lef", "openroad", "librelane", "bonding", "pins")
