"""/trends/ on the real archive, pinned: what a researcher reads for a phrase (uses
per year, first and latest use, every passage) and the notable terms' first uses.

The pages' content below the form is compared with golden/trends.json, written
from the pages as they were when each phrase was scanned in Python, text by text.
However the counting is done, the real archive must read the same. To rewrite the
golden file after a deliberate change of the page:
    MTCR_WRITE_GOLDEN=1 pytest tests/research/test_trends_pinned.py
"""

import json
import os
import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_archive")]

GOLDEN = Path(__file__).parent / "golden" / "trends.json"
PHRASES = [
    "missile",
    "intangible",
    "catch-all",
    "weapons of mass destruction",
    "partners",
    "Partner",
    "30th plenary",
    "Code of Conduct",
    "Iran",
    "ballistic missile",
    "export control",
    "UNSCR 1540",
    "1540",
    "(ITT)",
    "-all",
    "regime’s",
    "Hague",
]
PAGES = ["/trends/"] + [f"/trends/?q={phrase}" for phrase in PHRASES]


def below_the_form(page):
    """The page's content after the phrase form, its layout whitespace removed."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    content = main.split("</form>", 1)[1]
    return re.sub(r">\s+<", "><", " ".join(content.split()))


@pytest.fixture(scope="module")
def golden():
    if os.environ.get("MTCR_WRITE_GOLDEN"):
        return None
    return json.loads(GOLDEN.read_text())


@pytest.fixture(scope="module")
def written():
    pages = {}
    yield pages
    if os.environ.get("MTCR_WRITE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        text = json.dumps(pages, indent=1, ensure_ascii=False)
        GOLDEN.write_text(text + "\n")


@pytest.mark.parametrize("url", PAGES)
def test_the_real_archive_reads_as_pinned(client, golden, written, url):
    phrase = url.partition("?q=")[2]
    response = client.get("/trends/", {"q": phrase} if phrase else {})
    assert response.status_code == 200
    content = below_the_form(response.text)
    if golden is None:
        written[url] = content
    else:
        assert content == golden[url]


def test_the_pins_cover_what_they_claim(golden):
    """The golden pages hold the uses the tests above stand on: counts per year,
    first and latest use, and one passage per use at least."""
    if golden is None:
        pytest.skip("writing the golden file")
    missile = golden["/trends/?q=missile"]
    assert "Used 75 times in the texts of 21 of 31 plenaries." in missile
    assert 'First: <a href="/plenaries/1993-canberra/">' in missile
    assert 'Latest: <a href="/plenaries/2022-montreux/">' in missile
    assert "<title>2011: 17 uses</title>" in missile
    assert missile.count("<mark>") == 75
    assert golden["/trends/?q=partners"].count("<mark>") == 67
    assert "No plenary text uses" in golden["/trends/?q=Hague"]
    terms = golden["/trends/"]
    assert "additive manufacturing" in terms and "UNSCR 1540" in terms
