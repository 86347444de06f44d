"""Time the editors' review of a 40 KB statement: `python benchmarks/submission.py`.

In a temporary SQLite database of its own (migrated, the real archive loaded), it
adds a statement of about 40 KB written for the benchmark (a meeting the archive
does not have, then paragraph after paragraph of concerns, resolutions and
partners, in the style of a plenary statement), and prints the median and the
slowest of N runs of: parsing it (ingest.build.parse_document, as build_fixtures
does), building the review (review.review: the facts, the archive's values, the
highlighted text), and the whole review page as an editor gets it (the admin view,
rendered, through Django's test client). The goal: the page under 1 s.
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

FOLDER = tempfile.mkdtemp(prefix="mtcr-bench-submission-")
if __name__ == "__main__":  # run as a script: the project's Django, its own database
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    os.environ["DATABASE_URL"] = f"sqlite:///{FOLDER}/bench.sqlite3"
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr_site.settings")
    import django

    django.setup()

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from ingest.build import parse_document
from submissions.models import Submission
from submissions.review import review

OPENING = (
    "## PUBLIC STATEMENT FROM THE PLENARY MEETING OF THE MISSILE TECHNOLOGY "
    "CONTROL REGIME (MTCR), Wellington, 17 October 2031\n\n"
    "The Missile Technology Control Regime (MTCR) held its 43rd Plenary Meeting in "
    "Wellington from 13 to 17 October 2031. The Minister of Foreign Affairs of New "
    "Zealand, Ms. Aroha Tane, opened the meeting. The Plenary was chaired by Mr. "
    "Rawiri Holt, Ambassador for Disarmament of New Zealand.\n\n"
)
REGIONS = ["Northeast Asia", "the Middle East", "South Asia"]
RESOLUTIONS = [1540, 1718, 1874, 1929, 2231, 2270, 2321, 2375, 2397]
PARAGRAPHS = [
    "Partners voiced concern at missile programmes in {region}, which they "
    "discussed in session {n} of the week, and agreed to keep the subject under "
    "review in their technical meetings.",
    "Partners restated their support for UN Security Council Resolution "
    "{resolution} and discussed, in working session {n}, how national controls can "
    "help states to carry it out.",
    "In working session {n}, Partners exchanged views on intangible transfers of "
    "technology and on brokering, and asked the experts to report on them before "
    "the next Plenary Meeting.",
]


def statement(size=40_000):
    """About `size` bytes of a statement written for the benchmark."""
    parts, n = [OPENING], 0
    while sum(len(part) for part in parts) < size:
        template = PARAGRAPHS[n % len(PARAGRAPHS)]
        parts.append(
            template.format(
                n=n + 1,
                region=REGIONS[n % len(REGIONS)],
                resolution=RESOLUTIONS[n % len(RESOLUTIONS)],
            )
            + "\n\n"
        )
        n += 1
    return "".join(parts)


def timed(function, runs):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    call_command("migrate", verbosity=0)
    call_command("load_archive", verbosity=0, stdout=io.StringIO())
    text = statement()
    submission = Submission(
        title="Benchmark statement, Wellington, 17 October 2031",
        kind="statement",
        published="2031-10-17",
        file_name="benchmark-statement.txt",
    )
    submission.set_text(text)
    submission.save()
    user = get_user_model().objects.create_superuser("bench", password="bench-pw")
    client = Client()
    client.force_login(user)
    url = reverse("admin:submissions_submission_review", args=[submission.pk])
    entry = submission.entry()
    figures = [
        (
            "parse (parse_document)",
            timed(
                lambda: parse_document(
                    "statement", text, title=entry.title, published=entry.published
                ),
                runs,
            ),
        ),
        ("review (facts, archive, highlight)", timed(lambda: review(submission), runs)),
        ("review page (admin view, rendered)", timed(lambda: client.get(url), runs)),
    ]
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    facts = len(review(submission).rows)
    print(f"statement: {len(text.encode()):,} bytes, {facts} facts read; {runs} runs")
    for name, (median, slowest) in figures:
        median, slowest = median * 1000, slowest * 1000
        print(f"{name:<38} median {median:7.1f} ms   slowest {slowest:7.1f} ms")
    page = figures[-1][1][0]
    print(f"goal: review page under 1 s: {'met' if page < 1 else 'MISSED'}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(FOLDER, ignore_errors=True)
