"""The interactive ring view: an SVG drawn from ``placement.json`` in a Streamlit v2 component.

Cells coloured like the report picture (``adaptor.picture``), pad names, side labels, pin 1
and an arrow in placement order, DRC/LVS markers (findings with coordinates as red rings,
findings that name a pad as a red outline). In the browser: wheel to zoom, drag to pan,
double-click to reset, hover for the pad, click to select it (the app gets the pad's
position back). The PNG picture stays for reports and downloads.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import streamlit as st

from adaptor.graph import side_sequence
from adaptor.intent import Order, Position
from adaptor.picture import DIGITAL_COLOUR, KIND_COLOURS, _shade, domain_colours
from adaptor.placement import Placement

JS = """
export default function(component) {
  const { data, parentElement, setStateValue } = component;
  let root = parentElement.querySelector('.ringview');
  if (!root) {
    root = document.createElement('div');
    root.className = 'ringview';
    parentElement.appendChild(root);
  }
  root.innerHTML = data.svg + '<div class="tip"></div><div class="help">wheel: zoom · drag: pan · ' +
                   'double-click: reset · click a pad: select it</div>';
  const svg = root.querySelector('svg');
  const tip = root.querySelector('.tip');
  const home = svg.getAttribute('viewBox').split(' ').map(Number);
  let box = home.slice(), drag = null, moved = false;
  const show = () => svg.setAttribute('viewBox', box.join(' '));
  svg.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = svg.getBoundingClientRect(), f = e.deltaY > 0 ? 1.2 : 1 / 1.2;
    const px = box[0] + (e.clientX - r.left) / r.width * box[2], py = box[1] + (e.clientY - r.top) / r.height * box[3];
    box = [px - (px - box[0]) * f, py - (py - box[1]) * f, box[2] * f, box[3] * f];
    show();
  }, { passive: false });
  svg.addEventListener('mousedown', (e) => { drag = [e.clientX, e.clientY, box[0], box[1]]; moved = false; });
  window.addEventListener('mouseup', () => { drag = null; });
  svg.addEventListener('mousemove', (e) => {
    if (drag) {
      const r = svg.getBoundingClientRect();
      if (Math.abs(e.clientX - drag[0]) + Math.abs(e.clientY - drag[1]) > 3) moved = true;
      box[0] = drag[2] - (e.clientX - drag[0]) / r.width * box[2];
      box[1] = drag[3] - (e.clientY - drag[1]) / r.height * box[3];
      show();
    }
    const pad = e.target.closest('[data-pad]');
    tip.style.display = pad ? 'block' : 'none';
    if (pad) {
      tip.textContent = pad.getAttribute('data-info');
      const r = root.getBoundingClientRect();
      tip.style.left = (e.clientX - r.left + 14) + 'px';
      tip.style.top = (e.clientY - r.top + 14) + 'px';
    }
  });
  svg.addEventListener('dblclick', () => { box = home.slice(); show(); });
  svg.querySelectorAll('[data-pad]').forEach((pad) => {
    pad.addEventListener('click', () => {
      if (moved) return;
      svg.querySelectorAll('.selected').forEach((p) => p.classList.remove('selected'));
      pad.classList.add('selected');
      setStateValue('selected', pad.getAttribute('data-pad'));
    });
  });
}
"""

CSS = """
.ringview { position: relative; font-family: sans-serif; }
.ringview svg { width: 100%; height: 640px; background: #fff; border: 1px solid #ddd; cursor: grab; user-select: none; }
.ringview [data-pad] { cursor: pointer; }
.ringview [data-pad]:hover rect, .ringview .selected rect { stroke: #ff9800; stroke-width: 6; }
.ringview .tip { position: absolute; display: none; background: #222; color: #fff; padding: 4px 8px;
                 border-radius: 4px; font-size: 13px; pointer-events: none; white-space: pre; }
.ringview .help { color: #666; font-size: 12px; margin-top: 4px; }
"""

_component = st.components.v2.component("ioring_ring_view", js=JS, css=CSS)


def _rgb(colour: tuple[int, int, int]) -> str:
    return "rgb({},{},{})".format(*colour)


def svg(placement: Placement, findings: list[dict[str, Any]], order: str = "counterclockwise",
        selected: str | None = None) -> str:
    """The ring as SVG (µm units, y up turned into SVG's y down); ``selected`` is a pad position."""
    w, h = placement.die
    m = max(w, h) * 0.08
    y = lambda v: h - v  # noqa: E731 (SVG's y runs down)
    colours = domain_colours(placement)
    marked = {f.get("where") for f in findings}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{-m:g} {-m:g} {w + 2 * m:g} {h + 2 * m:g}" role="img">',
           f"<title>{html.escape(placement.design)}: I/O ring, {len(placement.of_kind('pad'))} pads, "
           f"die {w:g} × {h:g} µm</title>",
           f'<rect x="0" y="0" width="{w:g}" height="{h:g}" fill="#fafaf5" stroke="#000"/>']
    x0, y0, x1, y1 = placement.ring_box
    out.append(f'<rect x="{x0:g}" y="{y(y1):g}" width="{x1 - x0:g}" height="{y1 - y0:g}" fill="#ebebe4" stroke="#888"/>')
    bond = {c.position: c for c in placement.of_kind("bondpad")}
    font = max(w, h) / 60
    for c in placement.cells:
        bx0, by0, bx1, by1 = c.box
        rect = f'x="{bx0:g}" y="{y(by1):g}" width="{bx1 - bx0:g}" height="{by1 - by0:g}"'
        if c.kind != "pad":
            if c.kind != "bondpad":
                colour = KIND_COLOURS.get(c.kind, (200, 200, 200))
                out.append(f'<rect {rect} fill="{_rgb(colour)}" stroke="{_rgb(colour)}"/>')
            continue
        base = colours.get(c.domain or "", DIGITAL_COLOUR)
        supply = c.role not in ("analog_io", "digital_io")
        bad = c.position in marked or c.pad in marked
        info = f"{c.pad} at {c.position}\nrole {c.role}, domain {c.domain}\ncell {c.cell}"
        cls = ' class="selected"' if c.position == selected else ""
        out.append(f'<g data-pad="{html.escape(c.position or "")}" data-info="{html.escape(info)}"{cls}>'
                   f'<rect {rect} fill="{_rgb(_shade(base, 0.7 if supply else 1.0))}" '
                   f'stroke="{"#d00" if bad else "#333"}" stroke-width="{6 if bad else 1}"/>')
        if c.position in bond:
            p0, q0, p1, q1 = bond[c.position].box
            out.append(f'<rect x="{p0:g}" y="{y(q1):g}" width="{p1 - p0:g}" height="{q1 - q0:g}" '
                       f'fill="{_rgb(_shade(base, 1.45))}" stroke="#555"/>')
        cx, cy = (bx0 + bx1) / 2, y((by0 + by1) / 2)
        turn = f' transform="rotate(-90 {cx:g} {cy:g})"' if c.side and c.side.value in ("top", "bottom") else ""
        out.append(f'<text x="{cx:g}" y="{cy:g}" font-size="{font:g}" text-anchor="middle" dominant-baseline="middle"'
                   f'{turn} pointer-events="none">{html.escape(c.pad or "")}</text></g>')
    out += _sides(w, h, m) + _pin_one(placement, Order(order), y, font) + _markers(findings, y, font)
    out.append("</svg>")
    return "".join(out)


def _sides(w: float, h: float, m: float) -> list[str]:
    size = m * 0.35
    spots = {"left": (-m / 2, h / 2, -90), "right": (w + m / 2, h / 2, 90), "bottom": (w / 2, h + m / 2, 0),
             "top": (w / 2, -m / 2, 0)}
    return [f'<text x="{x:g}" y="{yy:g}" font-size="{size:g}" fill="#555" text-anchor="middle" '
            f'dominant-baseline="middle" transform="rotate({r} {x:g} {yy:g})">{side}</text>'
            for side, (x, yy, r) in spots.items()]


def _pin_one(placement: Placement, order: Order, y, font: float) -> list[str]:
    """A '1' on the first pad in placement order and an arrow towards the second."""
    sides = [s.value for s in side_sequence(order)]
    pads = sorted((c for c in placement.of_kind("pad") if c.position and not Position.parse(c.position).is_inner),
                  key=lambda c: (sides.index(c.side.value), Position.parse(c.position).index))  # type: ignore[union-attr]
    if len(pads) < 2:
        return []
    (a, b) = pads[0], pads[1]
    ax, ay = (a.box[0] + a.box[2]) / 2, y((a.box[1] + a.box[3]) / 2)
    bx, by = (b.box[0] + b.box[2]) / 2, y((b.box[1] + b.box[3]) / 2)
    cx, cy = placement.die[0] / 2, placement.die[1] / 2
    inward = 0.35  # draw the arrow between the pads and the core
    ax2, ay2 = ax + (cx - ax) * inward, ay + (cy - ay) * inward
    bx2, by2 = bx + (cx - bx) * inward, by + (cy - by) * inward
    return ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" '
            'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c60"/></marker></defs>',
            f'<circle cx="{ax2:g}" cy="{ay2:g}" r="{font:g}" fill="#c60"/>',
            f'<text x="{ax2:g}" y="{ay2:g}" font-size="{font * 1.3:g}" fill="#fff" text-anchor="middle" '
            f'dominant-baseline="central">1</text>',
            f'<line x1="{ax2:g}" y1="{ay2 + font * 1.2:g}" x2="{bx2:g}" y2="{by2:g}" stroke="#c60" '
            f'stroke-width="{font / 3:g}" marker-end="url(#arrow)"><title>placement order ({order.value})</title></line>']


def _markers(findings: list[dict[str, Any]], y, font: float) -> list[str]:
    out = []
    for f in findings:
        if f.get("x_um") is None or f.get("y_um") is None:
            continue
        text = html.escape(f"{f['rule']}: {f['message']}")
        out.append(f'<circle cx="{f["x_um"]:g}" cy="{y(f["y_um"]):g}" r="{font * 1.5:g}" fill="none" stroke="#d00" '
                   f'stroke-width="{font / 3:g}"><title>{text}</title></circle>')
    return out


def ring_view(folder: Path, findings: list[dict[str, Any]], order: str, key: str) -> str | None:
    """Mount the view of the ring built in ``folder``; returns the selected pad's position (or None)."""
    placement = Placement.model_validate_json((folder / "placement.json").read_text())
    result = _component(data={"svg": svg(placement, findings, order)}, key=key, default={"selected": None},
                        on_selected_change=lambda: None)
    return getattr(result, "selected", None)
