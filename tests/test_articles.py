"""Article readers: .txt, .md and .html into titled blocks with stable anchors."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainers.articles import read_article, read_articles, slugify
from explainers.sanitise import clean_saved_page


def read(tmp_path: Path, name: str, text: str | bytes, sidecar: str | None = None):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    if sidecar is not None:
        path.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    problems: list = []
    return read_article(path, problems), problems


def shape(article):
    return [(b.kind, b.anchor, b.text) for b in article.blocks]


@pytest.mark.parametrize(
    ("name", "text", "title", "blocks"),
    [
        (
            "plain.txt",
            "Title here\nA Section\nFirst paragraph.\nSecond “paragraph”.\n",
            "Title here",
            [
                ("heading", "h-a-section", "A Section"),
                ("paragraph", "p-1", "First paragraph."),
                ("paragraph", "p-2", "Second “paragraph”."),
            ],
        ),
        (
            "blank-lines.txt",
            "\n\nTitle\n\nSaturday, September 12, 2015\n\nOne.\n\nTwo.\n",
            "Title",
            [
                ("heading", "h-saturday-september-12-2015", "Saturday, September 12, 2015"),
                ("paragraph", "p-1", "One."),
                ("paragraph", "p-2", "Two."),
            ],
        ),
        (
            "wrapped.txt",
            "Title\n\nA paragraph that was\nwrapped by an editor.\n\nAnother one.\n",
            "Title",
            [("paragraph", "p-1", "A paragraph that was wrapped by an editor."), ("paragraph", "p-2", "Another one.")],
        ),
        (
            "front.md",
            "---\ntitle: From front matter\npublisher: Wire\n---\n# From front matter\n\n## Part *one*\n\n"
            "Text with **bold**, a [link](https://x.org) and\na second line.\n\n- an item\n",
            "From front matter",
            [
                ("heading", "h-part-one", "Part one"),
                ("paragraph", "p-1", "Text with bold, a link and a second line."),
                ("paragraph", "p-2", "an item"),
            ],
        ),
        (
            "page.html",
            "<html><head><title>Site | Story</title><script>alert(1)</script></head><body>"
            "<nav><p>Menu entry that is long enough to matter here</p></nav>"
            "<article><h1>The story</h1><p onclick='x()'>First <b>para</b>graph.</p>"
            "<iframe src='https://evil'></iframe><style>p{}</style><h2>Next</h2><p>Line<br>break</p><p>Second.</p></article>"
            "<footer><p>Copyright</p></footer></body></html>",
            "The story",
            [
                ("paragraph", "p-1", "First paragraph."),
                ("heading", "h-next", "Next"),
                ("paragraph", "p-2", "Line break"),
                ("paragraph", "p-3", "Second."),
            ],
        ),
        (
            "largest.html",
            "<body><div><p>Short.</p></div><div id=main><p>The longest block of text is here.</p>"
            "<p>And it goes on.</p></div></body>",
            "The longest block of text is here.",
            [("paragraph", "p-1", "The longest block of text is here."), ("paragraph", "p-2", "And it goes on.")],
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and v.endswith((".txt", ".md", ".html")) else None,
)
def test_readers(tmp_path, name, text, title, blocks):
    article, problems = read(tmp_path, name, text)
    assert problems == []
    assert article.title == title
    assert shape(article) == blocks


def test_html_drops_everything_executable(tmp_path):
    html = (
        "<html><body><main><h1>T</h1><p>Safe <a href='javascript:alert(1)' onmouseover='steal()'>text</a>."
        "<script>document.cookie</script><noscript>no</noscript></p><p>More<object data=x></object>.</p></main>"
        "</body></html>"
    )
    article, _ = read(tmp_path, "x.html", html)
    text = " ".join(b.text for b in article.blocks)
    assert text == "Safe text. More."
    assert all(b.marks == () for b in article.blocks)  # the javascript: link is no link
    cleaned = clean_saved_page(html)
    for bad in ("script", "onmouseover", "javascript:", "<object", "noscript", "document.cookie"):
        assert bad not in cleaned


def test_sidecar_gives_metadata_and_overrides_the_title(tmp_path):
    article, problems = read(
        tmp_path,
        "story.txt",
        "Headline\nText.\n",
        sidecar="title: Better headline\npublisher: Wire\ndate: 2024-03-14\ntopics: [oil]\nslug: the-story\n",
    )
    assert problems == []
    assert (article.title, article.meta.publisher, article.meta.date, article.meta.topics) == (
        "Better headline",
        "Wire",
        "2024-03-14",
        ("oil",),
    )
    assert article.slug == "the-story"


@pytest.mark.parametrize(
    ("name", "content", "sidecar", "expected"),
    [
        (
            "a.txt",
            "Title\nText.\n",
            "publisher: Wire\nauthr: Me\n",
            "a.yml:2: unknown field `authr` in an article sidecar (did you mean `author`?)",
        ),
        ("b.txt", "Title\nText.\n", "publisher: [Wire\n", "b.yml:1: this is not valid YAML"),
        ("c.md", "---\ntitle: T\ndate: [\n---\nText.\n", None, "c.md:3: this is not valid YAML"),
        (
            "d.md",
            "---\ntitle: T\nsumary: x\n---\nText.\n",
            None,
            "d.md:3: unknown field `sumary` in front matter (did you mean `summary`?)",
        ),
        ("e.txt", b"Title\nCaf\xe9 text.\n", None, "e.txt:2: the file is not UTF-8"),
        ("f.txt", "Only a title\n", None, "f.txt:1: the article has no paragraphs"),
        ("g.doc", "Title\nText.\n", None, "g.doc:1: unknown article type `.doc` (use .txt, .md or .html)"),
    ],
)
def test_problems_name_the_file_and_line(tmp_path, name, content, sidecar, expected):
    _, problems = read(tmp_path, name, content, sidecar)
    messages = [str(p).replace(str(tmp_path) + "/", "") for p in problems]
    assert any(m.startswith(expected) for m in messages), messages


def test_anchors_are_stable_when_headings_change(tmp_path):
    before, _ = read(tmp_path, "a.txt", "Title\nOne.\nTwo.\n")
    after, _ = read(tmp_path, "a.txt", "Title\nA new section\nOne.\nTwo.\n")
    assert [b.anchor for b in before.paragraphs] == [b.anchor for b in after.paragraphs] == ["p-1", "p-2"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("US-Venezuela Relations", "us-venezuela-relations"),
        ("Guaidó’s team", "guaidos-team"),
        ("  Ünïcode  ", "unicode"),
        ("2019: a year", "2019-a-year"),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


def test_duplicate_slugs_are_reported_and_the_second_skipped(tmp_path):
    (tmp_path / "story.txt").write_text("A\nText.\n")
    (tmp_path / "story.md").write_text("# B\n\nText.\n")
    problems: list = []
    articles = read_articles(tmp_path, problems)
    assert [a.title for a in articles] == ["B"]
    assert "another article already has the slug `story`" in str(problems[0])


def test_html_text_outside_paragraphs_is_kept(tmp_path):
    html = (
        "<html><body><article><h1>T</h1>Intro text <b>bold</b> here.<p>Para.</p>Tail words<br>after a break"
        "<div>Inner <i>div</i> text<ul><li>An item</li></ul></div><!-- a comment --></article></body></html>"
    )
    article, problems = read(tmp_path, "loose.html", html)
    assert problems == []
    assert [b.text for b in article.blocks] == [
        "Intro text bold here.",
        "Para.",
        "Tail words after a break",
        "Inner div text",
        "An item",
    ]


def test_stray_files_among_the_articles_are_reported(tmp_path):
    (tmp_path / "story.txt").write_text("A\nText.\n")
    (tmp_path / "story.yml").write_text("publisher: Wire\n")
    (tmp_path / "storry.yml").write_text("publisher: Wire\n")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    problems: list = []
    assert [a.slug for a in read_articles(tmp_path, problems)] == ["story"]
    assert [str(p).replace(str(tmp_path) + "/", "") for p in problems] == [
        "notes.docx:1: `notes.docx` is not an article and is left out (save articles as .txt, .md or .html)",
        "storry.yml:1: this sidecar belongs to no article (name it after its article: <stem>.yml)",
    ]
    assert {p.severity for p in problems} == {"warning"}
