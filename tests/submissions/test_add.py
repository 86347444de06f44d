"""Adding a document in admin: who may, what is stored, what is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from submissions.models import Submission
from tests.submissions.conftest import (
    ADD_URL,
    NEW_STATEMENT,
    add_document,
    catalogue_data,
    review_url,
)

pytestmark = pytest.mark.django_db


def test_an_editor_adds_a_pasted_statement_and_is_taken_to_its_review(editor_client):
    response = add_document(editor_client)
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == review_url(submission)
    assert submission.text == NEW_STATEMENT
    assert submission.status == Submission.Status.DRAFT
    assert submission.file_name == (
        "public-statement-of-the-mtcr-plenary-wellington-17-october-2031.txt"
    )
    assert submission.added_by.username == "editor"
    assert submission.history.count() == 1


def test_an_uploaded_html_file_is_stored_as_clean_text(editor_client):
    html = f"<html><body><script>alert(1)</script><p>{NEW_STATEMENT}</p></body></html>"
    upload = SimpleUploadedFile("s.html", html.encode(), content_type="text/html")
    response = editor_client.post(
        ADD_URL, {**catalogue_data(text=""), "upload": upload}
    )
    assert response.status_code == 302
    text = Submission.objects.get().text
    assert "alert" not in text and "<" not in text
    assert "43rd Plenary Meeting in Wellington" in text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("run.sh", b"#!/bin/sh\nrm -rf /", "upload a .txt, .html, .htm or .pdf file"),
        ("fake.pdf", b"<script>alert(1)</script>", "is named .pdf but is not a PDF"),
    ],
)
def test_a_refused_upload_stores_nothing_and_says_why(
    editor_client, name, data, message
):
    upload = SimpleUploadedFile(name, data)
    response = editor_client.post(
        ADD_URL, {**catalogue_data(text=""), "upload": upload}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_bad_catalogue_data_stores_nothing(editor_client):
    response = add_document(
        editor_client, published="17 Oct 2031", plenary="Wellington"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in content
    assert "such as 2022-montreux" in content
    assert not Submission.objects.exists()


def test_neither_text_nor_file_is_refused(editor_client):
    response = add_document(editor_client, text="")
    assert "Paste the text or upload a file." in response.content.decode()
    assert not Submission.objects.exists()


def test_staff_outside_editors_see_nothing_of_the_path(other_staff_client, editor):
    submission = Submission.objects.create(
        title="t", kind="statement", file_name="t.txt", text="x"
    )
    assert other_staff_client.get(ADD_URL).status_code == 403
    assert other_staff_client.get(review_url(submission)).status_code == 403
    index = other_staff_client.get("/admin/").content.decode()
    assert "submission" not in index.lower()
    assert add_document(other_staff_client).status_code == 403
    assert Submission.objects.count() == 1


def test_anyone_signed_out_is_sent_to_sign_in(client):
    submission = Submission.objects.create(
        title="t", kind="statement", file_name="t.txt", text="x"
    )
    for url in (ADD_URL, review_url(submission)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_every_step_needs_the_csrf_token(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert add_document(client).status_code == 403
    assert not Submission.objects.exists()
    submission = Submission.objects.create(
        title="t", kind="statement", file_name="t.txt", text=NEW_STATEMENT
    )
    response = client.post(review_url(submission), {"_publish": "1"})
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DRAFT and not submission.decisions
