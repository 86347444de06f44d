"""The data releases' pages: the list, each release with how to cite it, its files.

Files are sent as downloads with their own content types (never as a page), and
only the files a release lists: see api.releases.
"""

import json

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_safe

from core.addresses import absolute_url
from core.dates import DatePrecision
from research.references import bibtex_escape, chicago_date

from . import datapackage, releases


def release_title(release):
    return f"{datapackage.TITLE}, data release {release.version}"


def citation_text(release, url):
    """The release to cite, by its version (Chicago style, for a dataset)."""
    released = chicago_date(release.created.date(), DatePrecision.DAY)
    return (
        f"{datapackage.AUTHOR}. “{release_title(release)}” "
        f"(version {release.version}). Dataset, released {released}. {url}."
    )


def bibtex(release, url):
    """A biblatex @dataset entry."""
    day = release.created.date()
    fields = [
        ("author", "{" + bibtex_escape(datapackage.AUTHOR) + "}"),
        ("title", "{" + bibtex_escape(release_title(release)) + "}"),
        ("version", bibtex_escape(release.version)),
        ("date", day.isoformat()),
        ("year", str(day.year)),
        ("url", url),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@dataset{{mtcr-archive-{release.version},\n{body}\n}}\n"


def csl_json(release, url):
    day = release.created.date()
    item = {
        "id": f"mtcr-archive-{release.version}",
        "type": "dataset",
        "title": release_title(release),
        "author": [{"literal": datapackage.AUTHOR}],
        "version": release.version,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
        "URL": url,
    }
    return json.dumps([item], ensure_ascii=False, indent=2)


@require_safe
def release_list(request):
    return render(request, "api/releases.html", {"releases": releases.all_releases()})


def found(version):
    release = releases.find(version)
    if release is None:
        raise Http404("No such release.")
    return release


@require_safe
def release_detail(request, version):
    release = found(version)
    url = absolute_url(release.get_absolute_url())
    return render(
        request,
        "api/release.html",
        {
            "release": release,
            "url": url,
            "citation": citation_text(release, url),
            "bibtex": bibtex(release, url),
            "csl_json": csl_json(release, url),
        },
    )


@require_safe
def release_file(request, version, name):
    release = found(version)
    listed = release.file(name)
    if listed is None:
        raise Http404("No such file in this release.")
    # A release never changes: its checksum names the file's one version.
    etag = f'"{listed.sha256}"'
    response = get_conditional_response(request, etag=etag) or FileResponse(
        (release.folder / listed.name).open("rb"),
        as_attachment=True,
        filename=listed.basename,
        content_type=listed.content_type,
    )
    response["ETag"] = etag
    return response
