"""A reader reports an error from a plenary's page, with no script at all, and
staff find the report in the admin."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PLENARY = "/plenaries/2016-busan/"
TEXT = "The statement gives the closing day as 21 October (browser test)."


def test_a_report_filed_from_a_plenary_page_reaches_the_staff(
    live_archive, staff_credentials, browser, screenshot
):
    reader = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=False
    )
    page = reader.new_page()
    page.goto(f"{live_archive}{PLENARY}")
    page.get_by_role("link", name="Report an error").click()
    expect(page).to_have_url(f"{live_archive}/report/?page={PLENARY}")
    expect(page.locator("h1")).to_have_text("Report an error")
    expect(page.locator("input[name=website]")).to_be_hidden()
    page.fill("textarea[name=text]", TEXT)
    page.fill("input[name=evidence_url]", "https://example.org/statement.pdf")
    page.fill("input[name=email]", "reader@example.org")
    screenshot(page, "report-form")
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("h1")).to_have_text("Thank you")
    reader.close()

    staff = browser.new_context(viewport={"width": 1280, "height": 800})
    page = staff.new_page()
    page.goto(f"{live_archive}/admin/login/?next=/admin/reports/errorreport/")
    page.fill("input[name=username]", staff_credentials["username"])
    page.fill("input[name=password]", staff_credentials["password"])
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{live_archive}/admin/reports/errorreport/")
    row = page.locator("#result_list tbody tr").filter(has_text=TEXT[:60])
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Busan 2016")
    expect(row).to_contain_text("Open")
    screenshot(page, "admin-reports")
    staff.close()
