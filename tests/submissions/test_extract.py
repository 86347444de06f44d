"""Uploads: what is taken, what is refused, and the text read from each kind."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from submissions.extract import MAX_BYTES, Refused, html_text, text_of_upload


def minimal_pdf(lines):
    """A one-page PDF showing `lines` in Helvetica, written by hand."""
    content = "BT /F1 11 Tf 14 TL 72 720 Td " + " ".join(
        f"({line}) Tj T*" for line in lines
    )
    content += " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
    out += f"startxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def upload(name, data):
    return SimpleUploadedFile(name, data)


def test_a_text_file_is_taken_as_it_is():
    text = text_of_upload(upload("s.txt", b"First line.\r\n\r\nSecond.\r\n"))
    assert text == "First line.\n\nSecond.\n"


def test_html_is_cleaned_to_text_and_never_keeps_a_script():
    html = (
        b"<html><head><title>t</title><script>alert(1)</script></head><body>"
        b"<h1>Public statement</h1><p>The plenary <b>met</b> in Wellington.</p>"
        b"<style>p{}</style><p>Second &amp; last.</p><script>steal()</script>"
        b"<img src=x onerror=alert(2)></body></html>"
    )
    text = text_of_upload(upload("s.html", html))
    assert text == (
        "## Public statement\n\nThe plenary met in Wellington.\n\nSecond & last.\n"
    )
    assert "alert" not in text and "steal" not in text and "<" not in text


def test_a_pdfs_text_is_extracted():
    data = minimal_pdf(["The MTCR held its 43rd Plenary Meeting", "in Wellington."])
    text = text_of_upload(upload("s.pdf", data))
    assert "43rd Plenary Meeting" in text and "Wellington." in text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("s.exe", b"MZ...", "upload a .txt, .html, .htm or .pdf file"),
        ("s.docx", b"PK\x03\x04", "upload a .txt, .html, .htm or .pdf file"),
        ("s.pdf", b"<html>not a pdf</html>", "is not a PDF"),
        ("s.txt", b"%PDF-1.4 hidden", "a PDF must be named .pdf"),
        ("s.txt", b"caf\xe9 latin-1", "not UTF-8"),
        ("s.txt", b"   \n\n  ", "No text could be read"),
        ("s.pdf", b"%PDF-1.4\ngarbage", "could not be read"),
    ],
)
def test_a_refused_upload_says_why(name, data, message):
    with pytest.raises(Refused, match=message):
        text_of_upload(upload(name, data))


def test_an_upload_over_the_limit_is_refused():
    with pytest.raises(Refused, match="the limit is 2 MB"):
        text_of_upload(upload("big.txt", b"a" * (MAX_BYTES + 1)))


def test_html_lists_keep_their_items_apart():
    assert html_text("<ul><li>Chile</li><li>Peru</li></ul>") == "- Chile\n\n- Peru"
