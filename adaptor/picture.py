"""A picture of a placed ring for people: die outline, cells coloured by role and domain, names.

Drawn from the placement with Pillow (not a mask render), so pad names stay legible.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from adaptor.intent import Side
from adaptor.placement import Placement, Placed

ANALOG_COLOURS = [(46, 160, 67), (214, 120, 0), (148, 72, 180), (0, 150, 170), (200, 60, 120), (120, 140, 20)]
DIGITAL_COLOUR = (52, 101, 190)
KIND_COLOURS = {"corner": (90, 90, 90), "filler": (200, 200, 200), "breaker": (220, 30, 30)}
TARGET_PX, MIN_PAD_PX, MAX_PX = 1400, 22, 8000


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=max(8, size))


def _shade(colour: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(c * factor))) for c in colour)  # type: ignore[return-value]


def domain_colours(placement: Placement) -> dict[str, tuple[int, int, int]]:
    """A colour per domain: digital blue, analog domains from a palette in ring order."""
    colours: dict[str, tuple[int, int, int]] = {}
    analog = 0
    for placed in placement.of_kind("pad"):
        if placed.domain in colours or placed.domain is None:
            continue
        if (placed.role or "").startswith("analog"):
            colours[placed.domain] = ANALOG_COLOURS[analog % len(ANALOG_COLOURS)]
            analog += 1
        else:
            colours[placed.domain] = DIGITAL_COLOUR
    return colours


def render(placement: Placement, path: Path) -> None:
    """Write the picture as PNG to ``path``."""
    w, h = placement.die
    scale = max(TARGET_PX / max(w, h), MIN_PAD_PX / 80.0)
    scale = min(scale, MAX_PX / max(w, h))
    margin, legend_h = 30, 90
    img = Image.new("RGB", (int(w * scale) + 2 * margin, int(h * scale) + 2 * margin + legend_h), "white")
    draw = ImageDraw.Draw(img)

    def xy(x: float, y: float) -> tuple[float, float]:
        return margin + x * scale, margin + legend_h + (h - y) * scale

    def rect(box: tuple[float, ...], fill: tuple[int, int, int] | None, outline=(40, 40, 40)) -> None:
        (ax, ay), (bx, by) = xy(box[0], box[3]), xy(box[2], box[1])
        draw.rectangle((ax, ay, bx, by), fill=fill, outline=outline, width=1)

    colours = domain_colours(placement)
    rect((0, 0, w, h), (250, 250, 245), outline=(0, 0, 0))
    rect(placement.ring_box, (235, 235, 228), outline=(120, 120, 120))
    for placed in placement.cells:
        if placed.kind == "pad":
            base = colours.get(placed.domain or "", DIGITAL_COLOUR)
            supply = placed.role not in ("analog_io", "digital_io")
            rect(placed.box, _shade(base, 0.7 if supply else 1.0))
        elif placed.kind == "bondpad":
            rect(placed.box, _shade(colours.get(placed.domain or "", DIGITAL_COLOUR), 1.45))
        else:
            rect(placed.box, KIND_COLOURS[placed.kind], outline=KIND_COLOURS[placed.kind])
    size = int(min(16, max(9, 80 * scale * 0.28)))
    font = _font(size)
    for placed in placement.of_kind("bondpad"):
        _name(img, placed, xy, font)
    _legend(draw, placement, colours, margin)
    img.save(path)


def _name(img: Image.Image, placed: Placed, xy, font: ImageFont.ImageFont) -> None:
    """The pad name in its bond pad, rotated along the cell on top and bottom sides."""
    text = placed.pad or ""
    x0, y0, x1, y1 = placed.box
    cx, cy = xy((x0 + x1) / 2, (y0 + y1) / 2)
    bbox = font.getbbox(text)
    tw, th = bbox[2] - bbox[0] + 4, bbox[3] - bbox[1] + 6
    label = Image.new("RGBA", (tw, th), (255, 255, 255, 0))
    ImageDraw.Draw(label).text((2 - bbox[0], 2 - bbox[1]), text, fill=(0, 0, 0), font=font)
    if placed.side in (Side.top, Side.bottom):
        label = label.rotate(90, expand=True)
    img.paste(label, (int(cx - label.width / 2), int(cy - label.height / 2)), label)


def _legend(draw: ImageDraw.ImageDraw, placement: Placement, colours, margin: int) -> None:
    font = _font(14)
    n_pads = len(placement.of_kind("pad"))
    w, h = placement.die
    draw.text((margin, 8), f"{placement.design} ({placement.technology}): {n_pads} pads, die {w:g} x {h:g} um",
              fill=(0, 0, 0), font=_font(18))
    x = margin
    entries = [(f"domain {d}", c) for d, c in colours.items()]
    entries += [("supply pad: darker", (90, 90, 90)), ("breaker", KIND_COLOURS["breaker"]),
                ("filler", KIND_COLOURS["filler"]), ("corner", KIND_COLOURS["corner"])]
    y = 40
    for text, colour in entries:
        width = int(draw.textlength(text, font=font)) + 34
        if x + width > draw.im.size[0] - margin:
            x, y = margin, y + 22
        draw.rectangle((x, y, x + 16, y + 16), fill=colour, outline=(0, 0, 0))
        draw.text((x + 22, y), text, fill=(0, 0, 0), font=font)
        x += width
