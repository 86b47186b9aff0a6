"""OpenDocument Text (.odt) files built by the tests, by hand: no LibreOffice needed.

A package as LibreOffice writes it: ``mimetype`` first and stored (not compressed), ``META-INF/manifest.xml``,
``content.xml`` (the body, its automatic styles and font faces) and ``styles.xml`` (common styles, the outline
style). The body is given as ODF markup with the usual prefixes (``text:``, ``table:``, ``draw:`` …).
"""

from __future__ import annotations

import io
import zipfile

MIMETYPE = "application/vnd.oasis.opendocument.text"
NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3"'
)
#: The common styles LibreOffice writes for a new document, cut to what the reader looks at.
COMMON_STYLES = (
    '<style:default-style style:family="paragraph"><style:text-properties style:font-name="Times New Roman"/>'
    "</style:default-style>"
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" '
    'style:parent-style-name="Standard" style:class="text"/>'
    '<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" '
    'style:next-style-name="Text_20_body" style:class="text"/>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"/>'
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
    'style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"/>'
)
FONT_FACES = ('<style:font-face style:name="Times New Roman" svg:font-family="&apos;Times New Roman&apos;" '
              'style:font-family-generic="roman"/>')


def manifest(encrypted: bool = False, entry: str = "content.xml") -> str:
    encryption = ('<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">'
                  '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="AA"/>'
                  "</manifest:encryption-data>") if encrypted else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{MIMETYPE}"/>'
            f'<manifest:file-entry manifest:full-path="{entry}" manifest:media-type="text/xml">{encryption}'
            "</manifest:file-entry>"
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>")


def content_xml(body: str, automatic: str = "", fonts: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<office:document-content {NAMESPACES}>"
            f"<office:font-face-decls>{FONT_FACES}{fonts}</office:font-face-decls>"
            f"<office:automatic-styles>{automatic}</office:automatic-styles>"
            "<office:body><office:text>"
            '<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/>'
            "</text:sequence-decls>"
            f"{body}</office:text></office:body></office:document-content>")


def styles_xml(common: str = "", outline: str = "") -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f"<office:document-styles {NAMESPACES}>"
            f"<office:font-face-decls>{FONT_FACES}</office:font-face-decls>"
            f"<office:styles>{COMMON_STYLES}{common}{outline}</office:styles>"
            # Header and footer styles, which may reuse the names of the body's automatic styles.
            '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
            'style:parent-style-name="Heading_20_1"/></office:automatic-styles>'
            "<office:master-styles/></office:document-styles>")


def build_odt(body: str, automatic: str = "", common: str = "", outline: str = "", fonts: str = "",
              *, mimetype: str = MIMETYPE, encrypted: bool = False, parts: dict[str, bytes] | None = None) -> bytes:
    """The bytes of an .odt whose ``office:text`` holds ``body``.

    ``automatic``: automatic styles of content.xml (``P1``, ``T1``, ``L1``); ``common``: common styles added
    to styles.xml; ``outline``: a ``text:outline-style`` for styles.xml; ``fonts``: more font faces;
    ``parts``: parts to add or replace (``{"styles.xml": b"…"}``)."""
    out = io.BytesIO()
    files = {
        "META-INF/manifest.xml": manifest(encrypted).encode(),
        "content.xml": content_xml(body, automatic, fonts).encode(),
        "styles.xml": styles_xml(common, outline).encode(),
    }
    files.update(parts or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), mimetype.encode(),
                             compress_type=zipfile.ZIP_STORED)
        for name, data in files.items():
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def paragraphs(texts: list[str], style: str = "Standard") -> str:
    """``text:p`` elements of ``style`` holding ``texts`` (escaped)."""
    from html import escape

    return "".join(f'<text:p text:style-name="{style}">{escape(text, quote=False)}</text:p>' for text in texts)
