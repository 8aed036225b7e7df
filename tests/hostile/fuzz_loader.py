"""Coverage-guided fuzzing of the loader with atheris (`make fuzz`): any bytes, as any kind of corpus file, either
load or are refused with a reason (NotArticle). Any other exception is a crash atheris reports with its input.

    .venv/bin/python tests/hostile/fuzz_loader.py -max_total_time=120
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

with atheris.instrument_imports():
    from extract import load

SUFFIXES = sorted(load.ARTICLE_SUFFIXES)
FOLDER = Path(tempfile.mkdtemp(prefix="lode-fuzz-"))


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    content = provider.ConsumeBytes(provider.remaining_bytes())
    for old in FOLDER.iterdir():
        old.unlink()
    (FOLDER / f"article{suffix}").write_bytes(content)
    try:
        result = load.load_corpus(FOLDER)
    except load.CorpusError:
        return  # nothing in the folder that is an article, said in one line
    for problem in result.problems:
        assert problem.message.endswith("skipped"), problem
    for document in result.documents:
        document.text.encode("utf-8")  # a page must be able to hold it: no lone surrogates
        assert "\r" not in document.text


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
