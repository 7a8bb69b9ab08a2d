"""Two builds of the same sources make byte-identical sites.

MkDocs' own timestamps (the sitemap's ``lastmod`` and the gzip header of
``sitemap.xml.gz``) follow ``SOURCE_DATE_EPOCH``, which these builds fix as
a reproducible build would; nothing else may differ. The second test writes
the same sources in the opposite order, so that no output depends on the
order a file system lists files in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, mkdocs_build, site_config, warnings_in
from test_hostile import FORMATTED_HTML, FORMATTED_MD, HOSTILE_HTML, HOSTILE_MD, HOSTILE_TXT


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def build(tmp: Path, sources: Path, *, strict: bool = True) -> dict[str, bytes]:
    tmp.mkdir()
    config = site_config(tmp, sources=sources)
    result = mkdocs_build(config, strict=strict)
    assert result.returncode == 0 and (not strict or not warnings_in(result.stderr)), result.stderr
    site = tmp / "site"
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def differing(first: dict[str, bytes], second: dict[str, bytes]) -> list[str]:
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


def test_the_example_site_builds_byte_for_byte_the_same(tmp_path):
    first = build(tmp_path / "one", ROOT / "sources")
    second = build(tmp_path / "two", ROOT / "sources")
    assert len(first) > 20
    assert differing(first, second) == []


def _write(sources: Path, files: dict[str, str], order: list[str]) -> None:
    if sources.exists():
        shutil.rmtree(sources)
    for name in order:
        path = sources / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[name], encoding="utf-8")


def test_sources_written_in_another_order_build_the_same_site(tmp_path):
    files = {f"glossary/{p.name}": p.read_text(encoding="utf-8") for p in (ROOT / "sources" / "glossary").iterdir()}
    files |= {f"timeline/{p.name}": p.read_text(encoding="utf-8") for p in (ROOT / "sources" / "timeline").iterdir()}
    seed = (ROOT / "sources" / "articles" / "us-venezuela-relations.txt").read_text(encoding="utf-8")
    articles = {
        "zz-last.txt": seed,
        "aa-first.md": FORMATTED_MD,
        "mm-page.html": FORMATTED_HTML,
        "hostile-a.txt": HOSTILE_TXT,
        "hostile-b.md": HOSTILE_MD,
        "hostile-c.html": HOSTILE_HTML,
        "Upper-Case.txt": seed.replace("Maduro", "Maduro’s government", 3),
        "ümlaut.txt": "Ümlaut story\nNicolás Maduro and Juan Guaidó met in 2019.\n",
    }
    files |= {f"articles/{name}": text for name, text in articles.items()}
    sources = tmp_path / "sources"
    _write(sources, files, sorted(files))
    first = build(tmp_path / "one", sources, strict=False)
    _write(sources, files, sorted(files, reverse=True))
    second = build(tmp_path / "two", sources, strict=False)
    assert any(name.startswith("explainers/hostile-b") for name in first)
    assert differing(first, second) == []
