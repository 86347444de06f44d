"""The text of an uploaded file: plain text, HTML cleaned to text, or a PDF's text.

Nothing here stores anything: a refused upload raises Refused with the message the
editor sees, and the caller keeps nothing of it. An upload is never kept as a file
nor served: only the text read from it is.
"""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

from ingest.catalogue import CONTROL

MAX_BYTES = 2 * 1024 * 1024
MAX_PAGES = 200
TYPES = (".txt", ".html", ".htm", ".pdf")


class Refused(ValueError):
    """An upload (or a pasted text) the archive does not take, and why."""


def text_of_upload(upload):
    """The text of an uploaded file (a Django UploadedFile); Refused if not taken."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in TYPES:
        raise Refused(
            f"“{upload.name}” is not a file the archive takes: upload a .txt, "
            ".html, .htm or .pdf file."
        )
    if upload.size > MAX_BYTES:
        raise Refused(
            f"“{upload.name}” is {upload.size / 1024 / 1024:.1f} MB: the limit is "
            f"{MAX_BYTES // 1024 // 1024} MB."
        )
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise Refused(f"“{upload.name}” is larger than the limit.")
    is_pdf = data.lstrip()[:5] == b"%PDF-"
    if suffix == ".pdf":
        if not is_pdf:
            raise Refused(f"“{upload.name}” is named .pdf but is not a PDF.")
        return clean_text(pdf_text(data))
    if is_pdf or b"\x00" in data[:8192]:
        raise Refused(f"“{upload.name}” is not text: a PDF must be named .pdf.")
    text = decoded(data, upload.name)
    if suffix in (".html", ".htm"):
        return clean_text(html_text(text))
    return clean_text(text)


def decoded(data, name):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused(
            f"“{name}” is not UTF-8 text: save it as UTF-8 and upload it again."
        ) from None


def clean_text(text):
    """Line breaks made plain, characters the archive cannot store dropped, no
    trailing spaces; Refused if nothing is left."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if not text:
        raise Refused("No text could be read from it.")
    return text + "\n"


def pdf_text(data):
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise Refused("The PDF is encrypted: upload one that can be read.")
        if len(reader.pages) > MAX_PAGES:
            raise Refused(f"The PDF has more than {MAX_PAGES} pages.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as error:
        if isinstance(error, Refused):
            raise
        raise Refused("The PDF could not be read (is it damaged?).") from None
    return "\n\n".join(pages)


class _TextParser(HTMLParser):
    """HTML to text: paragraphs as blocks, headings marked "##", never what a
    script, style or other non-text element holds."""

    SKIPPED = {"script", "style", "head", "template", "noscript", "iframe", "svg"}
    BLOCKS = {
        "p", "div", "section", "article", "main", "header", "footer", "ul", "ol",
        "li", "table", "tr", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "br", "hr", "pre", "dd", "dt",
    }  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.skipping = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.flush()
            if tag in ("h1", "h2", "h3"):
                self.current.append("## ")
            elif tag == "li":
                self.current.append("- ")

    def handle_endtag(self, tag):
        if tag in self.SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def flush(self):
        block = " ".join("".join(self.current).split())
        if block and block not in ("##", "-"):
            self.blocks.append(block)
        self.current = []


def html_text(html):
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser.flush()
    return "\n\n".join(parser.blocks)
