"""The build as a whole: the command line, determinism, atomic replacement, errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from extract.model import SiteConfig
from extract.package import OutputError, check_output
from extract.pipeline import StrictError, build

from .conftest import DEFAULT_CORPUS, run_build, tree


def copy_corpus(target: Path, reverse: bool) -> Path:
    """The default corpus, its files created in forward or reverse order."""
    files = sorted(p for p in DEFAULT_CORPUS.rglob("*") if p.is_file())
    for path in reversed(files) if reverse else files:
        destination = target / path.relative_to(DEFAULT_CORPUS)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    return target


def test_same_corpus_gives_byte_identical_sites(tmp_path: Path) -> None:
    first = copy_corpus(tmp_path / "one" / "corpus", reverse=False)
    second = copy_corpus(tmp_path / "two" / "elsewhere" / "corpus-copy", reverse=True)
    a = run_build("--corpus", str(first), "--out", str(tmp_path / "out-a"), "-q", env={"PYTHONHASHSEED": "1"})
    b = run_build("--corpus", str(second), "--out", str(tmp_path / "deeper" / "out-b"), "-q",
                  env={"PYTHONHASHSEED": "4242"}, cwd=tmp_path)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    site_a, site_b = tree(tmp_path / "out-a"), tree(tmp_path / "deeper" / "out-b")
    assert sorted(site_a) == sorted(site_b)
    for path in site_a:
        assert site_a[path] == site_b[path], f"{path} differs between builds"


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(out), "-q").returncode == 0
    before = tree(out)

    broken = copy_corpus(tmp_path / "broken", reverse=False)
    (broken / "binary.txt").write_bytes(b"\x00\x01\x02garbage")
    result = run_build("--corpus", str(broken), "--out", str(out), "--strict")
    assert result.returncode == 1
    assert "binary.txt: contains NUL bytes" in result.stderr
    assert tree(out) == before

    bad_templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_CORPUS.parent / "templates", bad_templates)
    (bad_templates / "about.html").write_text("{% extends 'base.html' %}{% block content %}{{ no_such_variable }}{% endblock %}")
    with pytest.raises(Exception, match="no_such_variable"):
        build(DEFAULT_CORPUS, out, SiteConfig(), templates=bad_templates)
    assert tree(out) == before
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")]
    assert leftovers == [], "no half-written folder is left beside the site"


def test_without_strict_a_bad_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", reverse=False)
    (corpus / "japan" / "scan.txt").write_bytes(b"\x00PK\x03\x04")
    result = run_build("--corpus", str(corpus), "--out", str(tmp_path / "site"))
    assert result.returncode == 0
    assert "lode: warning: japan/scan.txt: contains NUL bytes: not a text file; skipped" in result.stderr
    assert "built 12 articles and" in result.stderr
    # Built without a base URL, so oEmbed is left out, and the build says so once.
    assert result.stderr.count("lode: note: no --base-url") == 1 and "no oembed/ files" in result.stderr


def test_strict_build_raises_listing_every_problem(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes(b"\x00")
    (corpus / "b.md").write_text("---\ntitle: [\n---\n")
    with pytest.raises(StrictError) as error:
        build(corpus, tmp_path / "site", SiteConfig(), strict=True)
    assert [p.path for p in error.value.problems] == ["a.txt", "b.md"]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda tmp: tmp / "missing", "corpus folder not found"),
        (lambda tmp: (tmp / "empty").mkdir() or tmp / "empty", "no articles found"),
    ],
)
def test_missing_or_empty_corpus_fails_with_one_clear_line(tmp_path: Path, setup, message: str) -> None:
    result = run_build("--corpus", str(setup(tmp_path)), "--out", str(tmp_path / "site"))
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith("lode: error:") and message in errors[0]
    assert not (tmp_path / "site").exists()


def test_output_folder_that_is_not_a_lode_site_is_never_replaced(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.tex").write_text("years of work")
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(precious))
    assert result.returncode == 2 and "not a previous Lode site" in result.stderr
    assert (precious / "thesis.tex").read_text() == "years of work"
    with pytest.raises(OutputError, match="replace the corpus"):
        check_output(DEFAULT_CORPUS, DEFAULT_CORPUS)


def test_settings_come_from_lode_toml_and_flags_override_them(tmp_path: Path) -> None:
    corpus = copy_corpus(tmp_path / "corpus", reverse=False)
    out = tmp_path / "site"
    assert run_build("--corpus", str(corpus), "--out", str(out), "-q").returncode == 0
    assert "<title>Lode: Pakistan&#39;s minerals</title>" in (out / "index.html").read_text(encoding="utf-8")
    result = run_build("--corpus", str(corpus), "--out", str(out), "-q", "--title", "Minerals Desk", "--language", "en-GB")
    assert result.returncode == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Minerals Desk</title>" in index and '<html lang="en-GB">' in index
    (corpus / "lode.toml").write_text('titel = "typo"\n')
    result = run_build("--corpus", str(corpus), "--out", str(out))
    assert result.returncode == 2 and "unknown setting(s) titel" in result.stderr


def test_help_explains_every_option() -> None:
    result = run_build("--help")
    assert result.returncode == 0
    for option in ["--corpus", "--out", "--title", "--description", "--language", "--base-url", "--per-page",
                   "--strict", "--serve", "--port", "--quiet", "--cache", "--no-cache", "--jobs"]:
        assert option in result.stdout


def test_progress_is_plain_log_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    result = run_build("--corpus", str(DEFAULT_CORPUS), "--out", str(tmp_path / "site"), env={"CI": "true"})
    assert result.returncode == 0
    assert "lode: clean… 12 items" in result.stderr and "lode: entities: 12/12 done" in result.stderr
    assert re.search(r"lode: render: (\d+)/\1 done", result.stderr)
    assert "\r" not in result.stderr
