"""The research tools in a real browser: compare, trends, the regime on a date, cite
(issue 5)."""

import re

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def open_page(page, url):
    """Go to a page, failing on anything but 200 and on errors in the console."""
    errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url)
    assert response.status == 200, f"{url} answered {response.status}"
    assert not errors, f"{url}: {errors}"
    return response


def test_compare_two_statements_chosen_in_the_form(live_archive, page):
    """Choosing 2011 and 2016 shows India's welcome as added, word changes marked."""
    open_page(page, f"{live_archive}/plenaries/compare/")
    page.get_by_label("Earlier (or first) statement").select_option("2011-buenos-aires")
    page.get_by_label("Later (or second) statement").select_option("2016-busan")
    page.get_by_role("button", name="Compare").click()
    page.wait_for_url(re.compile(r"a=2011-buenos-aires&b=2016-busan"))
    india = page.locator("tr.row-added", has_text="welcomed India as a new member")
    assert india.count() == 1
    assert india.locator("th").inner_text().startswith("Added")
    members = page.locator("tr.row-reworded", has_text="has 35 members")
    assert members.locator("del", has_text="34").count() == 1
    assert members.locator("ins", has_text="35").count() == 1


def test_a_paragraph_number_in_the_comparison_leads_to_the_plenary(live_archive, page):
    open_page(page, f"{live_archive}/plenaries/compare/?b=2016-busan")
    row = page.locator("tr.row-added", has_text="welcomed India")
    row.get_by_role("link", name="¶ 2").click()
    page.wait_for_url(f"{live_archive}/plenaries/2016-busan/#p-2")


def test_follow_a_phrase_through_the_years(live_archive, page):
    """'intangible' first appears at Seoul in 2004; the strip links to its year."""
    open_page(page, f"{live_archive}/trends/")
    assert page.locator("table.first-uses").first.is_visible()
    page.get_by_label("Word or phrase").fill("intangible")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"/trends/\?q=intangible"))
    assert "First: 19th plenary, Seoul 2004" in page.locator(".lede").inner_text()
    strip = page.locator("svg.year-strip")
    assert strip.is_visible()
    strip.locator('a[href="#year-2004"]').click()
    page.wait_for_url(re.compile(r"#year-2004$"))
    first = page.locator("#year-2004")
    assert "Seoul 2004" in first.locator("h2").inner_text()
    assert first.locator("mark").first.inner_text().lower() == "intangible"


def test_a_notable_term_leads_to_its_trend(live_archive, page):
    open_page(page, f"{live_archive}/trends/")
    page.get_by_role("link", name="additive manufacturing", exact=True).click()
    page.wait_for_url(re.compile(r"q=additive(\+|%20)manufacturing"))
    assert "30th plenary, Busan 2016" in page.locator(".lede").inner_text()


def test_the_regime_on_a_date_picked_in_the_form(live_archive, page):
    """15 April 2011: 34 partners; compared with 21 October 2016, India joined."""
    open_page(page, f"{live_archive}/on/")
    page.get_by_label("Date", exact=True).fill("2011-04-15")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"{live_archive}/on/2011-04-15/")
    assert page.locator("#partners-heading").inner_text() == "34 partners certainly"
    page.get_by_label("Compare with (optional)").fill("2016-10-21")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"{live_archive}/on/2011-04-15/?compare=2016-10-21")
    changes = page.locator("section.changes")
    assert "India" in changes.inner_text()
    page.get_by_role("link", name="The regime on 21 October 2016").click()
    page.wait_for_url(f"{live_archive}/on/2016-10-21/")
    assert page.locator("#partners-heading").inner_text() == "35 partners certainly"
    assert page.locator("ul.certain-partners", has_text="India").count() == 1


def test_an_impossible_date_is_the_sites_404(live_archive, page):
    response = page.goto(f"{live_archive}/on/2011-02-30/")
    assert response.status == 404


def test_cite_a_paragraph_and_download_its_bibtex(live_archive, page):
    open_page(page, f"{live_archive}/cite/plenaries/2016-busan/p-2/")
    chicago = page.get_by_label("Select the text to copy it.").input_value()
    assert chicago.startswith(
        "“30th plenary, Busan 2016: public statement, paragraph 2.”"
    )
    assert f"{live_archive}/plenaries/2016-busan/#p-2" in chicago
    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX (.bib)").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert "@online{mtcr-2016-busan-p2," in text


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots_of_the_research_tools(live_archive, page, screenshot, width):
    page.set_viewport_size(DESKTOP if width == "desktop" else PHONE)
    for name, path in [
        ("compare", "/plenaries/compare/?a=2011-buenos-aires&b=2016-busan"),
        ("trends", "/trends/?q=intangible"),
        ("trends-terms", "/trends/"),
        ("on-date", "/on/2011-04-15/?compare=2016-10-21"),
        ("cite-paragraph", "/cite/plenaries/2016-busan/p-2/"),
        ("api-docs", "/api/"),
    ]:
        open_page(page, live_archive + path)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth"
            " - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {width}"
        assert screenshot(page, f"research-{name}-{width}").stat().st_size > 10_000
