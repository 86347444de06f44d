"""Write every public page and export of the real archive to a folder, to compare.

    python benchmarks/snapshot.py OUT_DIR          # crawl and write
    python benchmarks/snapshot.py --diff A B       # list the pages that differ

It builds a database of its own (SQLite in a temporary folder), loads the archive
from fixtures/, then follows every link from the home page, the sitemap and the
API index, and asks each list for its CSV and JSON forms, through Django's test
client (no server). Each answer is written with markup whitespace folded and the
per-request values (CSRF tokens, CSP nonces) blanked, so that two snapshots of the
same archive made by two versions of the code compare equal unless a page changed.
"""

import argparse
import hashlib
import io
import json
import os
import re
import sys
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
START = ["/", "/sitemap.xml", "/api/", "/data/", "/plenaries/feed/"]
EXPORTS = ("csv", "json")
LIMIT = 4000


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def links_in(url, content_type, body):
    if "html" in content_type:
        parser = Links()
        parser.feed(body)
        candidates = parser.found
    elif "xml" in content_type:
        candidates = re.findall(r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", body)
        candidates = [a or b for a, b in candidates]
    elif "json" in content_type:
        candidates = re.findall(r'"(https?://testserver[^"]*|/[^"\s]*)"', body)
    else:
        candidates = []
    for link in candidates:
        parts = urlsplit(urljoin("http://testserver" + url, link))
        if parts.netloc not in ("testserver", "") or parts.path.startswith(
            ("/admin", "/static")
        ):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def normalize(body):
    body = re.sub(r'nonce="[^"]*"', 'nonce=""', body)
    body = re.sub(r"'nonce-[^']*'", "'nonce-'", body)
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "csrf", body)
    body = re.sub(r">\s+<", "><", body)
    return re.sub(r"\s+", " ", body).strip()


def zip_members(body):
    """A zip's members and their checksums (the archive's own dates vary)."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "\n".join(
            f"{name} {hashlib.sha256(archive.read(name)).hexdigest()}"
            for name in sorted(archive.namelist())
        )


def file_name(url):
    digest = hashlib.sha1(url.encode()).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9]+", "_", url).strip("_")[:80] or "home"
    return f"{slug}.{digest}.txt"


def crawl(out):
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_archive", verbosity=0)
    client = Client()
    seen, queue, index = set(), list(START), {}
    while queue and len(seen) < LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        content_type = response.get("Content-Type", "")
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        name = file_name(url)
        index[url] = {"status": response.status_code, "file": name}
        content = zip_members(body) if "zip" in content_type else normalize(text)
        (out / name).write_text(f"{response.status_code} {content_type}\n{content}")
        if response.status_code != 200:
            continue
        for link in links_in(url, content_type, text):
            if link not in seen:
                queue.append(link)
        if "html" in content_type and "format=" not in url:
            joiner = "&" if "?" in url else "?"
            queue.extend(f"{url}{joiner}format={kind}" for kind in EXPORTS)
    (out / "index.json").write_text(json.dumps(index, indent=1, sort_keys=True))
    print(f"{len(index)} pages written to {out}")


def diff(a, b):
    index_a = json.loads((a / "index.json").read_text())
    index_b = json.loads((b / "index.json").read_text())
    only_a = sorted(set(index_a) - set(index_b))
    only_b = sorted(set(index_b) - set(index_a))
    changed = [
        url
        for url in sorted(set(index_a) & set(index_b))
        if (a / index_a[url]["file"]).read_text()
        != (b / index_b[url]["file"]).read_text()
    ]
    for label, urls in (
        ("only in A", only_a),
        ("only in B", only_b),
        ("differ", changed),
    ):
        for url in urls:
            print(f"{label}: {url}")
    common = len(set(index_a) & set(index_b))
    print(
        f"{common} pages in both, {len(changed)} differ; "
        f"{len(only_a)} only in A, {len(only_b)} only in B"
    )
    return 1 if changed or only_a or only_b else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("A", "B"))
    args = parser.parse_args()
    if args.diff:
        sys.exit(diff(*args.diff))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/snapshot.sqlite3"
        os.environ.setdefault("DJANGO_DEBUG", "1")
        os.environ.setdefault("DJANGO_SECRET_KEY", "snapshot-" + "x" * 50)
        os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
        os.environ.pop("REDIS_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mtcr_site.settings")
        sys.path.insert(0, str(ROOT))
        os.chdir(ROOT)
        import django

        django.setup()
        crawl(args.out)


if __name__ == "__main__":
    main()
