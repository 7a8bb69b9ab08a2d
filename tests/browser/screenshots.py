"""Screenshots of the example site for a person to look at: home, explainer, actor page and timeline, wide and narrow,
light and dark.

    python tests/browser/screenshots.py OUTPUT_FOLDER

Builds the example site with `mkdocs build --strict` into a temporary folder
(as the tests do, fonts off: there may be no network), serves it on 127.0.0.1
and saves PNGs named `<what>-<width>-<palette>.png` into OUTPUT_FOLDER.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/, for conftest and this package

from playwright.sync_api import Page, sync_playwright

from browser.harness import launch_chromium, offline_context, serve, wait_for_palette
from conftest import mkdocs_build, site_config, warnings_in

SEED = "explainers/us-venezuela-relations/"
ACTOR = "actors/nicolas-maduro/"  # a person with a description, links and many events
WIDTHS = {1280: 900, 390: 844}  # a laptop, a phone
PALETTES = {"light": "default", "dark": "slate"}  # reader's system preference → Material's colour scheme


def build_example_site(folder: Path) -> Path:
    """The example site, built into `folder` with --strict; where the site is."""
    result = mkdocs_build(site_config(folder))
    if result.returncode != 0 or warnings_in(result.stderr):
        sys.exit(f"mkdocs build --strict failed:\n{result.stderr}")
    return folder / "site"


def shoot_section(page: Page, heading_id: str, path: Path) -> None:
    """A screenshot from the heading `heading_id` to the end of what follows it, up to the next h2."""
    box = page.evaluate(
        """id => {
            const heading = document.getElementById(id);
            let bottom = heading.getBoundingClientRect().bottom;
            for (let node = heading.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling)
                bottom = Math.max(bottom, node.getBoundingClientRect().bottom);
            // The content box plus its gutter, where the timeline's dots sit on a phone.
            const top = heading.getBoundingClientRect().top, content = heading.parentElement.getBoundingClientRect();
            const left = Math.max(0, content.left - 16), right = Math.min(innerWidth, content.right + 16);
            return {x: left, y: top + scrollY - 8, width: right - left, height: bottom - top + 16};
        }""",
        heading_id,
    )
    page.screenshot(path=path, full_page=True, clip=box)


def take_screenshots(base_url: str, output: Path) -> list[Path]:
    """Every screenshot, for each width and palette; the files written."""
    written = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for width, height in WIDTHS.items():
            for palette, scheme in PALETTES.items():
                context = offline_context(
                    browser, base_url=base_url, viewport={"width": width, "height": height}, color_scheme=palette
                )
                page = context.new_page()
                for name, path in (("home", ""), ("explainer", SEED), ("actor", ACTOR), ("timeline", "timeline/")):
                    page.goto(path)
                    wait_for_palette(page, scheme)
                    written.append(output / f"{name}-{width}-{palette}.png")
                    page.screenshot(path=written[-1], full_page=True)
                    if name == "explainer":
                        written.append(output / f"explainer-background-{width}-{palette}.png")
                        shoot_section(page, "background", written[-1])
                context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder for the PNG files (created if missing)")
    output = parser.parse_args().output
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="explainers-shots-") as folder:
        site = build_example_site(Path(folder))
        with serve(site) as base_url:
            for path in take_screenshots(base_url, output):
                print(path)


if __name__ == "__main__":
    main()
