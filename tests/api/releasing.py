"""What the data-release tests share: reading a release back from disk (their
releases folder is the `releases_dir` fixture of tests/api/conftest.py)."""

import csv
import hashlib
import io
import json


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def descriptor(folder):
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def csv_rows(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def tree(folder):
    """Every file under `folder`: its relative path -> (bytes, mtime)."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
