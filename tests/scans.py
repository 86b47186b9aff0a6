"""Scanned plans made by the tests: a plan's text drawn on white pages with DejaVu Sans, as a scanner would
give it, saved as PNG, multi-page TIFF or an image-only PDF (no text layer).

Each line of the text is one line of the page (long lines are wrapped at the page's width); a blank line
leaves a paragraph's gap. A line ``LEFT || RIGHT`` is a two-column header line (each half centred in its
column), a line starting with ``^`` is centred. Pages are A4 at ``dpi`` (200 by default: Tesseract reads
12 pt text at that resolution well, and a page is half the pixels of 300 dpi, so tests stay fast).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
A4 = (8.27, 11.69)  # inches


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def render(text: str, dpi: int = 200, size_pt: float = 12) -> list[Image.Image]:
    """The pages of ``text`` as greyscale images (``L``) with their resolution set in ``info['dpi']``."""
    width, height = round(A4[0] * dpi), round(A4[1] * dpi)
    font = ImageFont.truetype(FONT, round(size_pt * dpi / 72))
    bold = ImageFont.truetype(BOLD, round(size_pt * dpi / 72))
    margin = dpi  # one inch
    step = round(size_pt * 1.5 * dpi / 72)
    pages: list[Image.Image] = []
    page: Image.Image | None = None
    draw: ImageDraw.ImageDraw | None = None
    y = 0

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", (width, height), 255)
        page.info["dpi"] = (dpi, dpi)
        pages.append(page)
        draw = ImageDraw.Draw(page)
        y = margin

    new_page()
    for raw in text.splitlines():
        assert draw is not None
        if not raw.strip():
            y += step // 2
            continue
        if "||" in raw:
            left, right = (part.strip() for part in raw.split("||"))
            placed = [(left, margin, width // 2 - margin // 4), (right, width // 2 - margin // 4, width - margin)]
        elif raw.startswith("^"):
            placed = [(raw[1:].strip(), margin, width - margin)]
        else:
            placed = []
        if placed:
            if y + step > height - margin:
                new_page()
                assert draw is not None
            for part, x0, x1 in placed:
                face = bold if part.isupper() else font
                draw.text(((x0 + x1 - draw.textlength(part, font=face)) / 2, y), part, fill=0, font=face)
            y += step
            continue
        for line in _wrap(draw, raw, font, width - 2 * margin):
            if y + step > height - margin:
                new_page()
                assert draw is not None
            draw.text((margin, y), line, fill=0, font=font)
            y += step
    return pages


def save(pages: list[Image.Image], path: Path) -> Path:
    """Write ``pages`` as ``path`` says: ``.png`` (the first page), ``.tif`` (every page), ``.pdf`` (an
    image-only PDF, one image per page)."""
    dpi = pages[0].info.get("dpi", (200, 200))
    if path.suffix == ".png":
        pages[0].save(path, dpi=dpi)
    elif path.suffix in (".tif", ".tiff"):
        pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_deflate", dpi=dpi)
    elif path.suffix == ".pdf":
        pages[0].save(path, save_all=True, append_images=pages[1:], resolution=float(dpi[0]))
    else:
        pages[0].save(path, dpi=dpi)
    return path


def stamped(page: Image.Image) -> Image.Image:
    """``page`` in colour with a red round stamp (three rings and the body's name) and two strokes of a blue
    pen across its middle, laid on as ink is: the print stays dark under them."""
    from PIL import ImageChops

    colour = page.convert("RGB")
    width, height = colour.size
    ink = Image.new("RGB", colour.size, (255, 255, 255))
    draw = ImageDraw.Draw(ink)
    for ring in range(3):
        inset = ring * round(width * 0.018)
        draw.ellipse((width * 0.3 + inset, height * 0.35 + inset, width * 0.7 - inset, height * 0.6 - inset),
                     outline=(210, 35, 40), width=round(width * 0.005))
    draw.text((width * 0.38, height * 0.46), "ỦY BAN NHÂN DÂN", fill=(210, 35, 40),
              font=ImageFont.truetype(BOLD, round(width * 0.024)))
    draw.line((width * 0.15, height * 0.42, width * 0.85, height * 0.52), fill=(25, 40, 150), width=6)
    draw.line((width * 0.2, height * 0.55, width * 0.8, height * 0.45), fill=(25, 40, 150), width=6)
    out = ImageChops.multiply(colour, ink)
    out.info["dpi"] = page.info.get("dpi", (200, 200))
    return out
