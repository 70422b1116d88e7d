"""プロジェクト紹介ページ as one self-contained HTML file for a municipality's web site.

Images are inlined as ``data:`` URIs and the page's Content-Security-Policy
forbids every other source, so opening it makes no request at all. All user
text goes through :func:`html.escape`; line breaks become ``<br>``.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from html import escape

from coordinator_app.documents.data.project_page import PagePhoto, ProjectPageData, photo_warning
from coordinator_app.documents.design.images import PhotoProblem, photo_jpeg

PHOTO_PIXELS = 1200

STYLE = """
body { font-family: "Hiragino Sans", "Yu Gothic", "Meiryo", "IPAexGothic", sans-serif;
  color: #1f2937; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.8; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
.organisation { color: #4b5563; margin-top: 0; }
.lead { color: #1d5a9e; font-size: 1.15em; }
dl.facts { display: grid; grid-template-columns: 8em 1fr; gap: 0.2em 1em; }
dl.facts dt { color: #4b5563; }
dl.facts dd { margin: 0; }
h2 { border-bottom: 2px solid #1d5a9e; padding-bottom: 0.2em; margin-top: 2em; }
.updated { color: #6b7280; font-size: 0.9em; }
article.entry { margin: 1.2em 0; }
article.entry h3 { color: #1d5a9e; font-size: 1.05em; margin: 0; }
.photos { display: flex; flex-wrap: wrap; gap: 0.6em; }
.photos img { max-width: 20em; max-height: 15em; height: auto; }
footer { margin-top: 3em; color: #6b7280; font-size: 0.85em; }
"""

CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


@dataclass(frozen=True)
class RenderedHtml:
    html: bytes
    warnings: list[str]


def _text(text: str) -> str:
    """Escaped, line breaks kept."""
    return "<br>\n".join(escape(line) for line in text.split("\n"))


def _paragraphs(text: str, css_class: str = "") -> str:
    attr = f' class="{css_class}"' if css_class else ""
    blocks = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
    return "\n".join(f"<p{attr}>{_text(b)}</p>" for b in blocks)


class ProjectPageHtmlRenderer:
    """Renders :class:`ProjectPageData` as UTF-8 HTML bytes; never touches the database."""

    def render(self, data: ProjectPageData) -> RenderedHtml:
        warnings = list(data.problems)
        parts = [
            "<!DOCTYPE html>",
            '<html lang="ja">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(data.title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{escape(data.title)}</h1>",
        ]
        if data.organisation_line:
            parts.append(f'<p class="organisation">{escape(data.organisation_line)}</p>')
        parts.append("</header>")
        parts.append('<section class="overview">')
        if data.goal:
            parts.append(_paragraphs(data.goal, "lead"))
        facts = [("プログラム", data.program), ("状況", data.status), ("期間", data.period)]
        parts.append('<dl class="facts">')
        for key, value in facts:
            if value:
                parts.append(f"<dt>{escape(key)}</dt><dd>{_text(value)}</dd>")
        parts.append("</dl>")
        if data.narrative:
            parts.append(_paragraphs(data.narrative))
        parts.append("</section>")
        parts.append('<section class="progress">')
        parts.append("<h2>進捗状況</h2>")
        if data.updated:
            parts.append(f'<p class="updated">最終更新 {escape(data.updated)}</p>')
        if not data.entries:
            parts.append("<p>(掲載する進捗はありません)</p>")
        for entry in data.entries:
            parts.append('<article class="entry">')
            parts.append(f"<h3>{escape(entry.date_text)}</h3>")
            parts.append(f"<p>{_text(entry.text)}</p>")
            images = [img for p in entry.photos if (img := self._image(p, warnings))]
            if images:
                parts.append('<div class="photos">' + "".join(images) + "</div>")
            parts.append("</article>")
        parts.append("</section>")
        parts.append('<section class="outcome">')
        parts.append("<h2>成果</h2>")
        parts.append(_paragraphs(data.outcome) if data.outcome.strip() else "<p>(記載なし)</p>")
        parts.append("</section>")
        if data.issuer:
            parts.append(f"<footer>{escape(data.issuer)}</footer>")
        parts.extend(["</body>", "</html>", ""])
        return RenderedHtml(html="\n".join(parts).encode("utf-8"), warnings=warnings)

    @staticmethod
    def _image(photo: PagePhoto, warnings: list[str]) -> str:
        if photo.content is None:
            warnings.append(photo_warning(photo))
            return ""
        try:
            jpeg, width, height = photo_jpeg(photo.content, PHOTO_PIXELS)
        except PhotoProblem:
            warnings.append(photo_warning(photo))
            return ""
        uri = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii")
        return (
            f'<img src="{uri}" width="{width}" height="{height}" '
            f'alt="{escape(photo.filename, quote=True)}">'
        )
