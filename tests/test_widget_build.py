"""The widget's build stage: Pyodide vendored under pyodide-<hash>/, the wheel, the lock file, the
file:// variant, python.html and the article panel."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from extract import widget
from extract.render import environment
from tests.conftest import ROOT

PYODIDE = ROOT / "node_modules" / "pyodide"


@pytest.fixture(scope="module")
def runtime() -> widget.Runtime:
    return widget.runtime()


def runtime_folder(site: Path) -> Path:
    folders = sorted(site.glob("pyodide-*"))
    assert len(folders) == 1, folders
    return folders[0]


def decode_embedded(folder: Path, name: str) -> bytes:
    """What the worker does with embed/<name>.<i>.js: join the chunks, base64-decode, gunzip."""
    chunks = []
    count = None
    for index in range(1000):
        script = folder / "embed" / f"{name}.{index}.js"
        if not script.is_file():
            break
        call = re.fullmatch(r'lodeEmbed\(("[^"]+"),(\d+),(\d+),"([A-Za-z0-9+/=]*)"\);\n', script.read_text(encoding="ascii"))
        assert call, script
        assert json.loads(call[1]) == name and int(call[2]) == index
        count = int(call[3])
        chunks.append(call[4])
    assert count == len(chunks) > 0
    return gzip.decompress(base64.b64decode("".join(chunks)))


def test_pyodide_is_copied_unchanged_under_a_folder_named_by_its_content(default_site: Path) -> None:
    folder = runtime_folder(default_site)
    assert re.fullmatch(r"pyodide-[0-9a-f]{10}", folder.name)
    for name in widget.RUNTIME_FILES:
        assert (folder / name).read_bytes() == (PYODIDE / name).read_bytes(), name
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    assert folder.name == "pyodide-" + digest.hexdigest()[:10]


def test_the_runtime_is_built_the_same_every_time(runtime: widget.Runtime) -> None:
    widget._runtime.cache_clear()
    again = widget.runtime()
    assert again is not runtime and again.files == runtime.files and again.folder == runtime.folder


def test_the_wheel_holds_the_package_with_fixed_timestamps_and_a_correct_record(tmp_path: Path) -> None:
    name, data = widget.build_wheel(ROOT / "lode_corpus")
    assert (name, data) == widget.build_wheel(ROOT / "lode_corpus")
    assert re.fullmatch(r"lode_corpus-\d+\.\d+\.\d+-py3-none-any\.whl", name)
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    sources = [f"lode_corpus/{p.relative_to(ROOT / 'lode_corpus').as_posix()}" for p in widget.package_sources(ROOT / "lode_corpus")]
    assert names[: len(sources)] == sources and "lode_corpus/_widget.py" in sources
    assert all(info.date_time == widget.FIXED_TIME for info in archive.infolist())
    dist = name.split("-py3")[0] + ".dist-info"
    record = archive.read(f"{dist}/RECORD").decode().splitlines()
    for line in record[:-1]:
        path, digest, size = line.rsplit(",", 2)
        content = archive.read(path)
        assert int(size) == len(content)
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
    assert record[-1] == f"{dist}/RECORD,,"
    assert "Name: lode-corpus" in archive.read(f"{dist}/METADATA").decode()
    # The wheel really is the package: unpacked, it imports and answers.
    archive.extractall(tmp_path)
    fixture = ROOT / "tests" / "fixtures" / "widget" / "corpus.json"
    result = subprocess.run(
        [sys.executable, "-c", f"import lode_corpus as c; print(c.__file__); print(len(c.load(r'{fixture}').articles))"],
        cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [str(tmp_path / "lode_corpus" / "__init__.py"), "3"]


def test_the_site_lock_file_lists_only_the_wheel_with_pyodides_own_abi(runtime: widget.Runtime) -> None:
    lock = json.loads(runtime.files[runtime.folder + "pyodide-lock.json"])
    npm_lock = json.loads((PYODIDE / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"] == npm_lock["info"]
    assert list(lock["packages"]) == ["lode-corpus"]
    package = lock["packages"]["lode-corpus"]
    wheel = runtime.files[runtime.folder + runtime.wheel]
    assert package["file_name"] == runtime.wheel  # relative: next to the lock file
    assert package["sha256"] == hashlib.sha256(wheel).hexdigest()
    assert package["imports"] == ["lode_corpus"] and package["install_dir"] == "site"


def test_every_embedded_file_decodes_to_what_the_worker_needs(default_site: Path) -> None:
    folder = runtime_folder(default_site)
    assert decode_embedded(folder, "pyodide.asm.wasm") == (PYODIDE / "pyodide.asm.wasm").read_bytes()
    assert decode_embedded(folder, "python_stdlib.zip") == (PYODIDE / "python_stdlib.zip").read_bytes()
    assert decode_embedded(folder, "pyodide.js") == (PYODIDE / "pyodide.js").read_bytes()
    assert decode_embedded(folder, "pyodide-lock.json") == (folder / "pyodide-lock.json").read_bytes()
    wheel = next(folder.glob("*.whl"))
    assert decode_embedded(folder, wheel.name) == wheel.read_bytes()
    classic = decode_embedded(folder, "pyodide.asm.js").decode()
    assert widget.ASM_GLOBAL in classic and "import.meta" not in classic and "export default" not in classic
    assert all(len(p.read_bytes()) <= widget.CHUNK + 200 for p in (folder / "embed").iterdir())


def test_data_corpus_js_carries_the_same_corpus_json(default_site: Path) -> None:
    script = (default_site / "data" / "corpus.js").read_text(encoding="ascii")
    call = re.fullmatch(r'lodeEmbed\("corpus\.json",0,1,"([A-Za-z0-9+/=]*)"\);\n', script)
    assert call
    assert gzip.decompress(base64.b64decode(call[1])) == (default_site / "data" / "corpus.json").read_bytes()


def test_the_file_rewrite_checks_the_text_it_rewrites() -> None:
    source = (PYODIDE / "pyodide.asm.mjs").read_text(encoding="utf-8")
    rewritten = widget.classic_runtime(source)
    assert rewritten.rstrip().endswith(widget.ASM_GLOBAL)
    assert rewritten.count(widget.ASM_URL_GLOBAL) == 3
    with pytest.raises(widget.WidgetError, match="expected it to end with"):
        widget.classic_runtime(source.replace(widget.ASM_EXPORT, "export { _createPyodideModule as default };"))
    with pytest.raises(widget.WidgetError, match="import.meta.url"):
        widget.classic_runtime(source.replace("import.meta.url", "self.location.href", 1))
    with pytest.raises(widget.WidgetError, match="module syntax"):
        widget.classic_runtime('import x from "./y.js";' + source)
    with pytest.raises(widget.WidgetError, match="classic script"):
        widget.classic_loader("export const loadPyodide = 1;")


def test_another_pyodide_version_stops_the_build_with_advice(tmp_path: Path) -> None:
    fake = tmp_path / "pyodide"
    fake.mkdir()
    for path in PYODIDE.iterdir():
        (fake / path.name).symlink_to(path)
    (fake / "package.json").unlink()
    (fake / "package.json").write_text(json.dumps({"name": "pyodide", "version": "999.0.0"}), encoding="utf-8")
    with pytest.raises(widget.WidgetError, match="node_modules/pyodide is 999.0.0.*make site"):
        widget.runtime(fake)
    shutil.rmtree(fake)
    with pytest.raises(widget.WidgetError, match="is missing"):
        widget.runtime(fake)


def attribute(page: str, name: str) -> str:
    found = re.search(rf'{name}="([^"]*)"', page)
    assert found, name
    return html.unescape(found[1])


def test_python_html_points_at_files_that_exist_with_relative_urls(default_site: Path) -> None:
    page = (default_site / "python.html").read_text(encoding="utf-8")
    folder = runtime_folder(default_site)
    assert attribute(page, "data-runtime").rstrip("/") == folder.name
    for name in ("data-worker", "data-corpus-json", "data-corpus-js"):
        target = attribute(page, name)
        assert not re.match(r"^[a-z]+:|^/", target) and (default_site / target).is_file(), target
    for name, chunks, size, embedded in json.loads(attribute(page, "data-embeds")):
        assert all((folder / "embed" / f"{name}.{i}.js").is_file() for i in range(chunks))
        assert size > 0 and embedded > 0
    sizes = json.loads(attribute(page, "data-sizes"))
    assert all((folder / name).stat().st_size == size for name, size in sizes.items())
    assert attribute(page, "data-wheel") in sizes and attribute(page, "data-package") == "lode-corpus"
    assert "cdn" not in page.casefold() and "https://" not in page.split("<main", 1)[1]
    menu = page.split('class="py-examples"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="([^"]+)">', menu)
    assert [html.unescape(v) for v in options] == [code for _, code in widget.EXAMPLES]


def test_every_page_links_to_the_python_page(default_site: Path) -> None:
    for path in ("index.html", "about.html", "python.html"):
        assert 'href="python.html"' in (default_site / path).read_text(encoding="utf-8")
    assert 'href="../python.html"' in next((default_site / "articles").glob("*.html")).read_text(encoding="utf-8")


def test_article_pages_and_their_embeds_carry_the_panel_with_their_id(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    for article in corpus["articles"]:
        page = (default_site / article["path"]).read_text(encoding="utf-8")
        assert f'data-py-kind="article" data-py-subject="{article["id"]}" data-py-frame="../embed/python.html"' in page
        assert 'class="py-panel-open" href="../python.html"' in page and 'class="py-panel-run"' in page
        # In an embed the panel frames the same embeddable widget page, and its link opens the full page.
        embedded = (default_site / "embed" / article["path"]).read_text(encoding="utf-8")
        assert f'data-py-subject="{article["id"]}" data-py-frame="../../embed/python.html"' in embedded
        assert 'class="py-panel-open" href="../../python.html"' in embedded and 'class="py-panel-run"' in embedded


def test_the_python_page_has_an_embeddable_twin(default_site: Path) -> None:
    full = (default_site / "python.html").read_text(encoding="utf-8")
    twin = (default_site / "embed" / "python.html").read_text(encoding="utf-8")
    assert 'class="embed-code"' in full and 'data-embed-path="embed/python.html"' in full
    assert "data-lode-widget" in twin and 'class="masthead"' not in twin and 'class="py-intro"' not in twin
    assert 'data-share-page="../python.html"' in twin and 'data-share-page="python.html"' in full
    assert attribute(twin, "data-runtime") == "../" + attribute(full, "data-runtime")


def test_entity_pages_carry_the_panel_with_their_name(default_site: Path) -> None:
    corpus = json.loads((default_site / "data" / "corpus.json").read_text(encoding="utf-8"))
    assert corpus["entities"], "the default corpus has entities"
    for entity in corpus["entities"]:
        page = (default_site / entity["path"]).read_text(encoding="utf-8")
        panel = page.split('class="py-panel"', 1)[1]
        assert attribute(panel, "data-py-kind") == "entity"
        assert attribute(panel, "data-py-subject") == entity["name"]
        embedded = (default_site / "embed" / entity["path"]).read_text(encoding="utf-8")
        assert 'data-py-frame="../../embed/python.html"' in embedded and 'class="py-panel-run"' in embedded


def test_the_panel_escapes_its_subject() -> None:
    env = environment(ROOT / "templates")
    hostile = '"></section><script>alert(1)</script>\' x="'
    out = env.get_template("_widget_panel.html").render(
        py_kind="entity", py_subject=hostile, url=lambda target: target, assets={"python": "p.css", "widget-panel": "w.js"})
    assert "<script>alert" not in out and "</section><script>" not in out
    assert html.unescape(attribute(out, "data-py-subject")) == hostile


def test_the_offline_copy_carries_the_widget(default_site: Path) -> None:
    archive = zipfile.ZipFile(default_site / "lode-offline.zip")
    names = set(archive.namelist())
    folder = runtime_folder(default_site).name
    for path in (f"{folder}/pyodide.asm.wasm", f"{folder}/embed/pyodide.asm.wasm.0.js", "data/corpus.js", "python.html"):
        assert any(name.endswith("/" + path) for name in names), path
    inner = next(name for name in names if name.endswith("/data/corpus.js"))
    corpus = next(name for name in names if name.endswith("/data/corpus.json"))
    script = archive.read(inner).decode("ascii")
    encoded = script.split('",0,1,"', 1)[1].rsplit('"', 1)[0]
    assert gzip.decompress(base64.b64decode(encoded)) == archive.read(corpus)


def test_the_examples_run_on_the_built_corpus_under_cpython(default_site: Path) -> None:
    from lode_corpus import _widget, load

    session = _widget.Session(load(default_site / "data" / "corpus.json"))
    for label, code in widget.EXAMPLES:
        result = session.run(code)
        assert result["ok"], (label, result["error"])
