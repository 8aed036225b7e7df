#!/usr/bin/env python3
"""Lode: turn a folder of news articles into a static site you can read, search and question.

    .venv/bin/python build.py --corpus corpus --out site
    .venv/bin/python build.py --serve          # preview at http://127.0.0.1:8000, rebuilt on change
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from extract.config import ConfigError, load_config
from extract.link import CurationError
from extract.load import CorpusError
from extract.package import OutputError, check_output
from extract.pipeline import DEFAULT_CACHE, TEMPLATES, StrictError, build
from extract.progress import progress_for
from extract.report import report_csv
from extract.widget import WidgetError

HERE = Path(__file__).resolve().parent


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build.py",
        description="Build a static Lode site from a folder of news articles "
                    "(.txt web scrapes, .md with front matter, saved .html pages, crawler .json/.jsonl).",
        epilog="Site settings come from lode.toml in the corpus folder; the flags above override them.",
    )
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus", metavar="DIR",
                        help="folder of articles (.txt, .md, .html, .json, .jsonl), searched in sub-folders too (default: ./corpus)")
    parser.add_argument("--out", type=Path, default=HERE / "site", metavar="DIR",
                        help="output folder, replaced whole when the build succeeds (default: ./site)")
    parser.add_argument("--title", help="site title (lode.toml: title)")
    parser.add_argument("--description", help="one-line site description (lode.toml: description)")
    parser.add_argument("--language", metavar="CODE", help="language of the site's pages, e.g. en (lode.toml: language)")
    parser.add_argument("--base-url", metavar="URL",
                        help="absolute URL the site is published at, for canonical links, feeds, the sitemap, embed "
                             "snippets and oEmbed (lode.toml: base_url; default: links stay relative and "
                             "there is no oEmbed)")
    parser.add_argument("--per-page", type=int, metavar="N", help="articles per page on the home page and archives (default 20)")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, metavar="DIR",
                        help="where entity extraction results are kept between builds (default: ./.lode-cache)")
    parser.add_argument("--no-cache", action="store_true", help="extract every article afresh and keep nothing")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="processes for entity extraction on a cold cache (default 1; 2 pays off above ~200 articles)")
    parser.add_argument("--no-cards", action="store_true",
                        help="draw no preview images (cards/…png, the og:image of shared links): for very large corpora")
    parser.add_argument("--strict", action="store_true",
                        help="stop, leaving the output folder untouched, if any corpus file cannot be read")
    parser.add_argument("--serve", action="store_true",
                        help="build, then serve the site and rebuild when a corpus file or template changes")
    parser.add_argument("--host", default="127.0.0.1", help="address for --serve (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    parser.add_argument("--report", type=Path, metavar="FILE.csv",
                        help="also write a CSV with one row per article: where its title came from, date, source, "
                             "authors, and the lines removed and why")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only problems and errors")
    return parser.parse_args(argv)


def overrides(args: argparse.Namespace) -> dict[str, object]:
    return {
        "title": args.title,
        "description": args.description,
        "language": args.language,
        "base_url": args.base_url,
        "per_page": args.per_page,
    }


def run_build(args: argparse.Namespace) -> int:
    """One build; returns the exit code. Every problem is reported once, here."""
    try:
        config = load_config(args.corpus, overrides(args))
        check_output(args.out, args.corpus, [HERE / "extract", TEMPLATES, HERE / "tests"])
        report = build(
            args.corpus, args.out, config, strict=args.strict,
            progress=progress_for(sys.stderr, args.quiet, dict(os.environ)),
            cache=None if args.no_cache else args.cache, processes=max(1, args.jobs), cards=not args.no_cards,
        )
    except StrictError as error:
        for problem in error.problems:
            print(f"lode: error: {problem}", file=sys.stderr)
        print(f"lode: error: {error}", file=sys.stderr)
        return 1
    except (CorpusError, ConfigError, OutputError, CurationError, WidgetError) as error:
        print(f"lode: error: {error}", file=sys.stderr)
        return 2
    for problem in report.problems:
        print(f"lode: warning: {problem}", file=sys.stderr)
    if args.report:
        try:
            args.report.write_bytes(report_csv(report.articles))
        except OSError as error:
            print(f"lode: error: {args.report}: cannot write the report ({error.strerror or error})", file=sys.stderr)
            return 2
    if not args.quiet:
        for note in report.notes:
            print(f"lode: note: {note}", file=sys.stderr)
        # Every corpus file ends up counted: built (as an article of its own), skipped, or warned about.
        skipped = sum(1 for problem in report.problems if problem.skipped)
        print(f"lode: built {len(report.articles)} articles and {len(report.entities)} entities into {args.out} "
              f"({report.files} files); {skipped} corpus file(s) skipped, {len(report.problems)} warning(s)", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.serve:
        from extract.serve import serve

        return serve(args, run_build, watched=[args.corpus, TEMPLATES])  # Ctrl-C there stops the preview
    try:
        return run_build(args)
    except KeyboardInterrupt:
        # The swap is one atomic step: the output is the previous site, or the new one if it was already in place.
        print(f"\nlode: interrupted; {args.out} holds a whole site (the previous one unless the new one was already in place)",
              file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
