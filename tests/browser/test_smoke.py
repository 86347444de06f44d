"""The browser infrastructure works: the archive under gunicorn, seen in Chromium."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_the_home_page_opens_with_the_archive_title(live_archive, page, screenshot):
    response = page.goto(f"{live_archive}/")
    assert response.status == 200
    assert "MTCR Plenary Archive" in page.title()
    # Static files are served (WhiteNoise, manifest storage, DEBUG off).
    stylesheet = page.locator('link[rel="stylesheet"]').first.get_attribute("href")
    assert page.request.get(f"{live_archive}{stylesheet}").status == 200
    assert screenshot(page, "home-desktop").stat().st_size > 0
    page.set_viewport_size({"width": 390, "height": 844})
    assert screenshot(page, "home-phone").stat().st_size > 0


def test_the_staff_login_page_opens(live_archive, page):
    response = page.goto(f"{live_archive}/admin/login/")
    assert response.status == 200
    assert page.title() == "Log in | MTCR Archive staff"
    assert page.locator("input[name=username]").is_visible()


def test_an_anonymous_visitor_to_the_admin_is_sent_to_the_login_page(
    live_archive, page
):
    page.goto(f"{live_archive}/admin/plenaries/plenary/")
    assert page.url.startswith(f"{live_archive}/admin/login/")


def test_staff_sign_in_and_reach_the_plenaries_in_the_admin(
    live_archive, staff_credentials, page, screenshot
):
    page.goto(f"{live_archive}/admin/login/")
    page.fill("input[name=username]", staff_credentials["username"])
    page.fill("input[name=password]", staff_credentials["password"])
    page.click("input[type=submit]")
    expect(page).to_have_url(f"{live_archive}/admin/")
    expect(page.locator("h1")).to_have_text("The record")
    page.locator("#content-main a[href='/admin/plenaries/plenary/']").first.click()
    expect(page).to_have_url(f"{live_archive}/admin/plenaries/plenary/")
    rows = page.locator("#result_list tbody tr")
    expect(rows.first).to_be_visible()
    screenshot(page, "admin-plenaries")
    # A plenary whose sources disagree shows each source's claim.
    page.get_by_role("link", name="disagree", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?sources=disagree$"))
    rows.first.locator("th a").click()
    expect(page).to_have_url(re.compile(r"/admin/plenaries/plenary/\d+/change/"))
    expect(page.get_by_text("What the sources say")).to_be_visible()
    expect(page.locator(".source-claims .disagree").first).to_be_visible()
    screenshot(page, "admin-plenary-change")
