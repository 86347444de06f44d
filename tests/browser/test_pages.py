"""The public pages in a real browser, as a researcher uses them (issue 4)."""

import re

import pytest

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
PAGES = [
    "/",
    "/plenaries/",
    "/plenaries/2016-busan/",
    "/plenaries/2014-oslo/",
    "/members/",
    "/members/india/",
    "/adherents/",
    "/chairs/",
    "/annex/",
    "/sources/",
    "/sources/busan-2016-statement/",
    "/search/?q=intangible+technology",
]


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


@pytest.mark.parametrize("path", PAGES)
def test_each_page_loads_with_one_heading_and_its_landmarks(live_archive, page, path):
    open_page(page, live_archive + path)
    assert page.locator("h1").count() == 1
    assert page.locator("h1").inner_text().strip()
    assert page.locator("main").count() == 1
    assert page.locator("header nav").count() >= 1
    assert "MTCR Plenary Archive" in page.title()


@pytest.mark.parametrize("path", ["/plenaries/feed/", "/sitemap.xml"])
def test_the_feed_and_the_sitemap_answer(live_archive, page, path):
    response = page.request.get(live_archive + path)
    assert response.status == 200
    assert "xml" in response.headers["content-type"]


@pytest.mark.parametrize("path", PAGES[:4] + ["/members/"])
def test_pages_fit_a_phone_screen(live_archive, page, path):
    page.set_viewport_size(PHONE)
    open_page(page, live_archive + path)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1, f"{path} is {overflow}px wider than a phone"


def plenary_years(page):
    return [
        int(re.search(r"\b(19|20)\d\d\b", text)[0])
        for text in page.locator("ol.plenaries > li h2").all_inner_texts()
    ]


def test_a_year_filter_set_in_the_form_narrows_the_plenary_list(live_archive, page):
    open_page(page, f"{live_archive}/plenaries/")
    everything = page.locator("ol.plenaries > li").count()
    page.get_by_label("From year", exact=True).fill("2010")
    page.get_by_label("To year", exact=True).fill("2016")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"year_from=2010"))
    years = plenary_years(page)
    assert years, "no plenary between 2010 and 2016"
    assert len(years) < everything
    assert all(2010 <= year <= 2016 for year in years)
    # The form still shows the filter it applied: the state is in the URL.
    assert page.get_by_label("From year", exact=True).input_value() == "2010"
    assert "year_to=2016" in page.url


def test_a_plenary_in_the_list_leads_to_its_page(live_archive, page):
    open_page(page, f"{live_archive}/plenaries/?year_from=2016&year_to=2016")
    link = page.locator("ol.plenaries > li h2 a").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/plenaries/2016-[\w-]+/$"))
    assert page.locator("h1").inner_text().strip()
    assert "Busan" in name and "Busan" in page.locator("h1").inner_text()


RAW_MARKUP = ("<sup>", "</sup>", "<u>", "</u>", "<br", "&lt;", "&amp;", "&nbsp;")


def test_the_busan_statement_shows_no_raw_html(live_archive, page):
    open_page(page, f"{live_archive}/plenaries/2016-busan/")
    text = page.locator(".statement").inner_text()
    assert "Missile Technology Control Regime" in text
    for raw in RAW_MARKUP:
        assert raw not in text, f"{raw!r} shown in the Busan statement"
    assert "30th" in text


def test_nothing_on_the_busan_page_shows_raw_html(live_archive, page):
    """Passages quoted from the source (which has <sup>th</sup>) included."""
    open_page(page, f"{live_archive}/plenaries/2016-busan/")
    text = page.locator("main").inner_text()
    for raw in RAW_MARKUP:
        assert raw not in text, f"{raw!r} shown on the Busan page"


def test_a_date_on_the_members_page_shows_the_partners_on_that_day(live_archive, page):
    open_page(page, f"{live_archive}/members/")
    field = page.get_by_label(re.compile("Partners on"))
    field.fill("1990-01-01")
    field.press("Enter")
    page.wait_for_url(re.compile(r"on=1990-01-01"))
    text = page.locator("main").inner_text()
    certain = text.split("Certainly partners")[1].split("Possibly partners")[0]
    possible = text.split("Possibly partners")[1].split("Not yet partners")[0]
    not_yet = text.split("Not yet partners")[1].split("Adherents")[0]
    # Spain by 1989 (the parliamentary answer); Australia in 1990, which may be
    # before or after the day; India from 2016.
    assert "Canada" in certain and "Spain" in certain and "India" not in certain
    assert "Australia" in possible and "Australia" not in certain
    assert "India" in not_yet


def test_the_skip_link_is_the_first_stop_of_the_keyboard(live_archive, page):
    open_page(page, f"{live_archive}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == (
        "Skip to content"
    )
    page.keyboard.press("Enter")
    # Following a fragment link is asynchronous: wait for it, don't sample.
    page.wait_for_url(re.compile(r"#main$"))


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_screenshots_of_the_main_pages(live_archive, page, screenshot, width):
    page.set_viewport_size(DESKTOP if width == "desktop" else PHONE)
    for name, path in [
        ("home", "/"),
        ("plenary-busan", "/plenaries/2016-busan/"),
        ("members", "/members/"),
    ]:
        open_page(page, live_archive + path)
        assert screenshot(page, f"{name}-{width}").stat().st_size > 10_000
