"""HTML to an Article: main text with trafilatura, title and date from the metadata."""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml_html_clean import Cleaner

from resgestae.errors import Errors, InputError
from resgestae.readers.dates import iso_date

# Dates from the page's markup and metadata only: htmldate's "extensive search"
# guesses from the body ("a 2011 uprising" -> 2011-01-01), which would then
# override --date for a page that states no date at all.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
_CLEANER = Cleaner(scripts=True, javascript=True, style=True, comments=True, forms=True)


def _fallback_text(html: str) -> str:
    """Visible text of the page, for short pages trafilatura judges too small."""
    try:
        tree = lxml.html.document_fromstring(html)
        body = _CLEANER.clean_html(tree).body
    except (ValueError, lxml.etree.LxmlError):
        return ""
    if body is None:
        return ""
    blocks = (" ".join(el.text_content().split()) for el in body.iter("p", "h1", "h2", "li"))
    return "\n".join(b for b in blocks if b)


# Consent and cookie banners, by the ids and classes sites give them.
BANNER = re.compile(r"cookie|consent|gdpr|privacy-?(banner|notice|modal)|cmp-|onetrust",
                    re.IGNORECASE)
STORY_PARAGRAPHS = 2  # an <aside> with this many paragraphs of prose holds a story
PROSE = 80  # characters that make a paragraph prose, not a caption


def prepare_html(html: str) -> str:
    """The page without consent banners, and with a story kept in an <aside> (which
    extractors skip as a sidebar) marked as an <article>. The page as is on bad markup."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return html
    changed = False
    for el in list(tree.iter()):
        if not isinstance(el.tag, str):
            continue
        marks = " ".join((el.get("id") or "", el.get("class") or "", el.get("role") or ""))
        if BANNER.search(marks) and el.getparent() is not None and el.tag not in ("html", "body"):
            el.getparent().remove(el)
            changed = True
    for aside in list(tree.iter("aside")):
        prose = [p for p in aside.iter("p") if len(p.text_content().strip()) >= PROSE]
        if len(prose) >= STORY_PARAGRAPHS:
            aside.tag = "article"
            changed = True
    return lxml.html.tostring(tree, encoding="unicode") if changed else html


def parse_html(html: str, item: str) -> dict[str, str | None]:
    """Text, title, date and url of an HTML page; InputError when it yields no text."""
    html = prepare_html(html)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          date_extraction_params=DATE_PARAMS)
    except Exception:  # trafilatura on broken markup: fall back to the visible text
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        text = _fallback_text(html)
    if not text.strip():
        raise InputError(item, Errors.E012)
    return {
        "text": text,
        "title": getattr(doc, "title", None),
        "date": iso_date(getattr(doc, "date", None)),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }

