"""The change log in a real browser: an edit in admin, with its reason, is public."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_region_added_in_admin_appears_in_the_change_log(
    live_archive, staff_credentials, page, browser, screenshot
):
    page.goto(f"{live_archive}/admin/login/")
    page.fill("input[name=username]", staff_credentials["username"])
    page.fill("input[name=password]", staff_credentials["password"])
    page.click("input[type=submit]")
    page.goto(f"{live_archive}/admin/members/region/add/")
    page.fill("input[name=name]", "Change log test region")
    page.fill("input[name=slug]", "change-log-test-region")
    page.click("input[name=_save]")
    # The reason is required: the form comes back asking for it.
    expect(page.locator(".errorlist").first).to_be_visible()
    page.fill("input[name=change_reason]", "Added for the change log's browser test")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()

    reader = browser.new_context().new_page()  # anonymous, no session
    errors = []
    reader.on("console", lambda m: m.type == "error" and errors.append(m.text))
    response = reader.goto(f"{live_archive}/changes/?record=members.region")
    assert response.status == 200
    entry = reader.locator("li.change").first
    expect(entry).to_contain_text("Change log test region")
    expect(entry).to_contain_text("Added for the change log's browser test")
    assert staff_credentials["username"] not in reader.content()
    assert not errors, errors
    screenshot(reader, "changes")
    # The filter form works without JavaScript.
    reader.select_option("select[name=kind]", "created")
    reader.click("form.filters button[type=submit]")
    expect(reader).to_have_url(
        f"{live_archive}/changes/?kind=created&record=members.region"
    )
    reader.context.close()
