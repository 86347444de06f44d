"""The data releases' pages: /data/releases/, each release with its citation and
files, and the current release on /data/."""

import datetime
import hashlib
import json

import bibtexparser
import pytest

from api.publish import publish

pytestmark = pytest.mark.django_db

OLDER, NEWER = "1.0.0", "2026.12.06"


@pytest.fixture
def published(small_archive, releases_dir):
    """Two releases: 1.0.0 on 1 June 2026, 2026.12.06 on 6 December 2026."""
    publish(OLDER, now=datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC))
    publish(NEWER, now=datetime.datetime(2026, 12, 6, 9, tzinfo=datetime.UTC))
    return releases_dir


def test_the_list_shows_every_release_newest_first_with_its_files(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = client.get("/data/releases/")
    assert response.status_code == 200
    text = response.text
    assert text.index(f"Release {NEWER}") < text.index(f"Release {OLDER}")
    assert "Released 6 December 2026" in text and "Released 1 June 2026" in text
    for version in (OLDER, NEWER):
        folder = published / version
        assert f'href="/data/releases/{version}/"' in text
        zip_url = f"/data/releases/{version}/mtcr-archive-{version}.zip"
        assert f'href="{zip_url}"' in text
        for line in (folder / "SHA256SUMS").read_text().splitlines():
            digest, name = line.split("  ")
            assert f'href="/data/releases/{version}/{name}"' in text
            assert f"<code>{digest}</code>" in text
        assert f'href="/data/releases/{version}/SHA256SUMS"' in text


def test_the_list_says_when_there_is_no_release(client, db, releases_dir):
    response = client.get("/data/releases/")
    assert response.status_code == 200
    assert "No release has been published yet" in response.text


def test_a_release_page_gives_a_citation_naming_its_version(
    client, published, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        response = client.get(f"/data/releases/{NEWER}/")
    assert response.status_code == 200
    url = f"http://testserver/data/releases/{NEWER}/"
    citation = response.context["citation"]
    assert citation == (
        "The MTCR Plenary Archive team. “MTCR Plenary Archive, data release "
        f"{NEWER}” (version {NEWER}). Dataset, released December 6, 2026. {url}."
    )
    assert citation in response.text
    library = bibtexparser.parse_string(response.context["bibtex"])
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {name: field.value for name, field in entry.fields_dict.items()}
    assert entry.entry_type == "dataset" and entry.key == f"mtcr-archive-{NEWER}"
    assert fields["version"] == NEWER and fields["url"] == url
    assert fields["date"] == "2026-12-06"
    (item,) = json.loads(response.context["csl_json"])
    assert item["type"] == "dataset" and item["version"] == NEWER
    assert item["issued"] == {"date-parts": [[2026, 12, 6]]}
    assert f'<link rel="canonical" href="{url}">' in response.text


def test_every_file_is_served_as_a_download_with_its_own_type(client, published):
    types = {
        "datapackage.json": "application/json",
        "archive.json": "application/json",
        "data/plenaries.csv": "text/csv; charset=utf-8",
        f"mtcr-archive-{NEWER}.zip": "application/zip",
        "SHA256SUMS": "text/plain; charset=utf-8",
    }
    folder = published / NEWER
    for name, content_type in types.items():
        response = client.get(f"/data/releases/{NEWER}/{name}")
        assert response.status_code == 200, name
        assert response["Content-Type"] == content_type
        basename = name.rsplit("/", 1)[-1]
        assert response["Content-Disposition"] == f'attachment; filename="{basename}"'
        body = b"".join(response.streaming_content)
        assert body == (folder / name).read_bytes()
        assert response["ETag"] == f'"{hashlib.sha256(body).hexdigest()}"'


def test_a_file_asked_again_by_its_etag_is_not_sent_again(client, published):
    url = f"/data/releases/{NEWER}/datapackage.json"
    etag = client.get(url)["ETag"]
    assert client.get(url, headers={"if-none-match": etag}).status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/data/releases/../settings.py",
        "/data/releases/%2e%2e/settings.py",
        "/data/releases/%2e%2e/%2e%2e/mtcr_site/settings.py",
        f"/data/releases/{NEWER}/../../mtcr_site/settings.py",
        f"/data/releases/{NEWER}/%2e%2e/%2e%2e/mtcr_site/settings.py",
        f"/data/releases/{NEWER}/data/../datapackage.json",
        f"/data/releases/{NEWER}//etc/passwd",
        f"/data/releases/{NEWER}/data/",
        f"/data/releases/{NEWER}/unlisted.txt",
        "/data/releases/3.0.0/",
        "/data/releases/3.0.0/datapackage.json",
        "/data/releases/not-a-version/",
    ],
)
def test_only_listed_releases_and_files_are_served(client, published, url):
    """A path that leaves the release, or names a file or version the releases
    folder does not list, is a 404."""
    (published / NEWER / "unlisted.txt").write_text("not part of the release")
    (published / "3.0.0").mkdir()  # a folder that is no release
    response = client.get(url)
    assert response.status_code == 404
    assert b"SECRET_KEY" not in response.content


def test_a_half_written_release_is_not_shown(client, published):
    partial = published / ".4.0.0-abc.partial"
    (partial / "data").mkdir(parents=True)
    (partial / "datapackage.json").write_text("{}")
    assert ".4.0.0" not in client.get("/data/releases/").text
    assert client.get("/data/releases/.4.0.0-abc.partial/").status_code == 404


def test_the_data_page_names_the_current_release(client, published):
    response = client.get("/data/")
    assert response.status_code == 200
    text = response.text
    assert f'<a href="/data/releases/{NEWER}/">Data release {NEWER}</a>' in text
    assert f'href="/data/releases/{NEWER}/mtcr-archive-{NEWER}.zip"' in text
    assert 'href="/data/releases/"' in text
    assert 'href="/data/archive.zip"' in text  # what it showed before stays


def test_the_data_page_without_a_release_says_so(client, small_archive, releases_dir):
    text = client.get("/data/").text
    assert "No data release has been published yet" in text
    assert 'href="/data/archive.zip"' in text


def test_a_new_release_reaches_the_cached_pages(client, small_archive, releases_dir):
    """The release command drops the cached pages, so /data/ names it at once."""
    assert "No data release" in client.get("/data/").text
    assert client.get("/data/")["X-Cache"] == "hit"
    publish(NEWER)
    assert f"Data release {NEWER}" in client.get("/data/").text
