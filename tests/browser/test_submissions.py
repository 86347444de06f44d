"""The editors' path in a real browser: a document added, reviewed, published.

The statements are ones we wrote in the style of real ones (tests/submissions/
texts/). Publishing changes the session's archive: these tests add a plenary the
archive does not have (2031) and a second witness of Busan 2016.
"""

import secrets

import pytest
from playwright.sync_api import expect

from tests.submissions.conftest import BUSAN_COPY, NEW_STATEMENT

pytestmark = pytest.mark.browser

EDITOR = {"username": "browser-editor", "password": secrets.token_urlsafe(16)}


def sign_in(page, base, credentials):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", credentials["username"])
    page.fill("input[name=password]", credentials["password"])
    page.click("input[type=submit]")


@pytest.fixture(scope="module")
def editor_credentials(live_archive, staff_credentials, browser):
    """An account in the group "editors", made in admin by the superuser."""
    page = browser.new_context().new_page()
    sign_in(page, live_archive, staff_credentials)
    page.goto(f"{live_archive}/admin/auth/user/add/")
    page.fill("input[name=username]", EDITOR["username"])
    page.fill("input[name=password1]", EDITOR["password"])
    page.fill("input[name=password2]", EDITOR["password"])
    page.click("input[name=_continue]")
    page.check("#id_is_staff")
    page.select_option("#id_groups_from", label="editors")
    page.click("#id_groups_add")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    page.context.close()
    return dict(EDITOR)


def add_document(page, base, title, published, text):
    page.goto(f"{base}/admin/submissions/submission/add/")
    page.fill("input[name=title]", title)
    page.select_option("select[name=kind]", "statement")
    page.fill("input[name=publisher]", "MTCR")
    page.fill("input[name=published]", published)
    page.fill("textarea[name=text]", text)
    page.click("input[name=_save]")
    expect(page.locator("h2", has_text="What the parser read")).to_be_visible()


def fact_row(page, path):
    return page.locator(f'tr.fact-row[data-path="{path}"]')


def test_an_editor_adds_reviews_and_publishes_a_new_plenary(
    live_archive, editor_credentials, page, screenshot
):
    sign_in(page, live_archive, editor_credentials)
    add_document(
        page,
        live_archive,
        "Public statement of the MTCR plenary, Wellington, 17 October 2031",
        "2031-10-17",
        NEW_STATEMENT,
    )
    expect(fact_row(page, "plenary.dates")).to_have_attribute("data-status", "new")
    expect(page.locator("mark#passage-1")).to_contain_text("held its 43rd Plenary")
    # Reject one fact, correct another.
    fact_row(page, "plenary.resolutions[1]").locator("select").select_option("reject")
    opened_by = fact_row(page, "plenary.opened_by").locator("input[type=text]")
    opened_by.fill("Ms. Aroha Tane, Minister of Foreign Affairs of New Zealand")
    screenshot(page, "submission-review")
    page.click("input[name=_publish]")
    expect(page.locator(".messagelist .success")).to_contain_text("Published")
    expect(page.locator(".submission-status")).to_have_text("Published")

    page.goto(f"{live_archive}/?year_from=2031")
    link = page.get_by_role("link", name="Wellington").first
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("main")).to_contain_text("43rd Plenary Meeting in Wellington")
    expect(page.locator("main")).to_contain_text(
        "Ms. Aroha Tane, Minister of Foreign Affairs of New Zealand"
    )
    concerns = page.locator('section[aria-labelledby="concerns-heading"]')
    expect(concerns).to_contain_text("1540")
    expect(concerns).not_to_contain_text("2397")  # the fact rejected
    expect(page.locator("main")).to_contain_text("Public statement of the MTCR plenary")
    screenshot(page, "submission-plenary")

    page.go_back()
    page.go_back()
    page.get_by_role("link", name="its history").click()
    expect(page.locator("#content")).to_contain_text("published public-statement-of")


def test_a_second_witness_with_another_date_shows_the_disagreement(
    live_archive, editor_credentials, page, screenshot
):
    sign_in(page, live_archive, editor_credentials)
    add_document(
        page,
        live_archive,
        "Host government press release on the Busan plenary, October 2016",
        "2016-10",
        BUSAN_COPY,
    )
    expect(page.locator(".witness")).to_contain_text("Another witness of")
    dates = fact_row(page, "plenary.dates")
    expect(dates).to_have_attribute("data-status", "different")
    expect(dates).to_contain_text("2016-10-17/2016-10-21")
    page.click("input[name=_publish]")
    expect(page.locator(".messagelist .success")).to_contain_text("Published")

    page.goto(f"{live_archive}/plenaries/2016-busan/")
    disagreements = page.locator("section.disagreements")
    expect(disagreements).to_contain_text("Host government press release")
    screenshot(page, "submission-disagreement")
