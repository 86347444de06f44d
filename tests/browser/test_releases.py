"""The data releases in a real browser: found from /data/, cited, downloaded.

The live site publishes release 1.0.0 of the real archive (tests/browser/conftest.py).
"""

import hashlib

import pytest

from tests.browser.test_pages import PHONE, open_page

pytestmark = pytest.mark.browser


def test_a_reader_finds_the_current_release_cites_and_downloads_it(
    live_archive, page, screenshot
):
    open_page(page, f"{live_archive}/data/")
    page.get_by_role("link", name="Data release 1.0.0").click()
    page.wait_for_url(f"{live_archive}/data/releases/1.0.0/")
    assert page.locator("h1").inner_text() == "Data release 1.0.0"
    citation = page.get_by_label("Select the text to copy it.").input_value()
    assert "(version 1.0.0)" in citation
    assert f"{live_archive}/data/releases/1.0.0/" in citation
    screenshot(page, "data-release")

    row = page.locator("tr", has_text="mtcr-archive-1.0.0.zip")
    shown = row.locator("code").inner_text()
    download = page.request.get(
        f"{live_archive}/data/releases/1.0.0/mtcr-archive-1.0.0.zip"
    )
    assert download.status == 200
    assert download.headers["content-type"] == "application/zip"
    assert download.headers["content-disposition"].startswith("attachment")
    assert hashlib.sha256(download.body()).hexdigest() == shown


@pytest.mark.parametrize("path", ["/data/releases/", "/data/releases/1.0.0/"])
def test_the_release_pages_fit_a_phone_screen(live_archive, page, path):
    """The 64 characters of a checksum wrap rather than widen the page."""
    page.set_viewport_size(PHONE)
    open_page(page, live_archive + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{path} is {overflow}px wider than a phone"
