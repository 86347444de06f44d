"""Search in a real browser: from the header's box to the passage (issue 4)."""

import re
from urllib.parse import unquote

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def result_links(page):
    return page.locator("ol.search-results > li h2 a")


def search_from_the_header(page, base_url, words):
    page.goto(f"{base_url}/")
    box = page.locator("header").get_by_label("Search the archive")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))


def test_intangible_technology_finds_the_oslo_and_rome_plenaries(live_archive, page):
    search_from_the_header(page, live_archive, "intangible technology")
    hrefs = result_links(page).evaluate_all("links => links.map(a => a.pathname)")
    assert "/plenaries/2014-oslo/" in hrefs
    assert "/plenaries/2013-rome/" in hrefs
    marks = {text.lower() for text in page.locator("mark").all_inner_texts()}
    assert {"intangible", "technology"} <= marks


def test_a_result_leads_to_its_plenary(live_archive, page):
    search_from_the_header(page, live_archive, "intangible technology")
    result_links(page).filter(has_text="Oslo").first.click()
    page.wait_for_url(re.compile(r"/plenaries/2014-oslo/$"))
    assert "Oslo" in page.locator("h1").inner_text()


def test_the_passage_link_lands_on_a_page_holding_the_passage(live_archive, page):
    search_from_the_header(page, live_archive, "intangible technology")
    link = page.locator("li.search-result", has_text="Rome").locator(
        "a", has_text="Read the passage in context"
    )
    href = link.first.get_attribute("href")
    start = unquote(href.split(":~:text=")[1]).split(",")[0]
    link.first.click()
    page.wait_for_url(re.compile(r"/plenaries/2013-rome/"))
    page_text = " ".join(page.locator("main").inner_text().split())
    assert start in page_text


def test_the_kind_chosen_in_the_form_narrows_the_results(live_archive, page):
    page.goto(f"{live_archive}/search/?q=intangible+technology")
    everything = result_links(page).count()
    page.get_by_label("Look in").select_option(label="Source document")
    page.locator("main").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"kind=source"))
    hrefs = result_links(page).evaluate_all("links => links.map(a => a.pathname)")
    assert hrefs and len(hrefs) < everything
    assert all(href.startswith("/sources/") for href in hrefs)


def test_search_works_without_javascript(live_archive, page):
    context = page.context.browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        search_from_the_header(plain, live_archive, "Busan")
        assert result_links(plain).count() >= 1
    finally:
        context.close()


def test_no_match_says_so(live_archive, page):
    page.goto(f"{live_archive}/search/?q=zeppelin")
    assert "Nothing in the archive matches" in page.locator("main").inner_text()


def test_markup_typed_into_search_is_shown_as_text(live_archive, page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog), dialog.dismiss()))
    page.goto(f"{live_archive}/search/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert not dialogs
    assert "<script>alert(1)</script>" in page.locator("main").inner_text()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshot_of_the_search_results(live_archive, page, screenshot, width):
    page.set_viewport_size(DESKTOP if width == "desktop" else PHONE)
    page.goto(f"{live_archive}/search/?q=intangible+technology")
    assert result_links(page).count() >= 2
    assert screenshot(page, f"search-{width}").stat().st_size > 10_000


def test_a_statement_passage_link_lands_on_its_numbered_paragraph(live_archive, page):
    page.goto(f"{live_archive}/search/?q=intangible+technology&kind=plenary")
    link = page.locator("li.search-result", has_text="Busan").locator(
        "a", has_text="Read the passage in context"
    )
    href = link.first.get_attribute("href")
    anchor = re.search(r"#(p-\d+):~:text=", href)[1]
    link.first.click()
    page.wait_for_url(re.compile(r"/plenaries/2016-busan/"))
    paragraph = page.locator(f"[id='{anchor}']")
    assert "intangible technology" in paragraph.inner_text()
    assert paragraph.is_visible()
