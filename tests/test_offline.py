"""The offline copy: one deterministic zip of the whole site, rendered without --base-url."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from extract.offline import Download, offline_zip

from .conftest import DEFAULT_CORPUS, run_build


def test_the_zip_is_the_site_without_itself_or_its_preview_cards_under_one_folder(default_site: Path) -> None:
    archive = zipfile.ZipFile(default_site / "lode-offline.zip")
    names = archive.namelist()
    assert names == sorted(names)
    assert all(name.startswith("lode-site/") for name in names)
    assert "lode-site/lode-offline.zip" not in names
    site_files = {p.relative_to(default_site).as_posix() for p in default_site.rglob("*") if p.is_file()}
    # Preview cards are for links shared from the site online; the offline copy neither has nor names them.
    cards = {name for name in site_files if name.startswith("cards/")}
    assert len(cards) > 12
    assert {n.removeprefix("lode-site/") for n in names} == site_files - {"lode-offline.zip"} - cards
    assert all("og:image" not in archive.read(n).decode("utf-8") for n in names if n.endswith(".html"))
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_pages_link_the_zip_with_its_rounded_size_and_the_offline_pages_say_what_they_are(default_site: Path) -> None:
    size = (default_site / "lode-offline.zip").stat().st_size
    label = Download("lode-offline.zip", size).size_label
    for page in ["index.html", "about.html"]:
        html = (default_site / page).read_text(encoding="utf-8")
        assert 'href="lode-offline.zip" download' in html and f"a {label} zip" in html
    archive = zipfile.ZipFile(default_site / "lode-offline.zip")
    offline_home = archive.read("lode-site/index.html").decode("utf-8")
    assert "lode-offline.zip" not in offline_home and "This is the offline copy" in offline_home


def test_zip_pages_use_relative_links_only_even_with_a_base_url(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "--base-url", "https://lode.example.org/", "-q")
    assert result.returncode == 0, result.stderr
    assert "https://lode.example.org/" in (out / "index.html").read_text(encoding="utf-8")
    archive = zipfile.ZipFile(out / "lode-offline.zip")
    for name in archive.namelist():
        if name.endswith((".html", ".json", ".xml")):
            text = archive.read(name).decode("utf-8")
            assert "lode.example.org" not in text, name
            if name.endswith(".html"):
                for url in re.findall(r'(?:href|src)="([^"]+)"', text):
                    assert not url.endswith("/"), f"{name}: directory URL {url}"
                    assert not url.startswith("/"), f"{name}: root-absolute URL {url}"


def test_the_same_files_give_the_same_zip_bytes() -> None:
    files = {"b.html": b"<p>b</p>", "a/x.json": b"{}", "static/y.png": b"\x89PNG"}
    first = offline_zip(files)
    assert first == offline_zip(dict(reversed(list(files.items()))))
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == ["lode-site/a/x.json", "lode-site/b.html", "lode-site/static/y.png"]


def test_size_labels_round_sensibly() -> None:
    assert Download("x", 435_982).size_label == "426 KB"
    assert Download("x", 3_500_000).size_label == "3.3 MB"
    assert Download("x", 24_600_000).size_label == "23 MB"
