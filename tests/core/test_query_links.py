"""Pagination and download links keep the list's filters (Django's {% querystring %})."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def links(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def test_page_links_keep_the_filters_and_change_the_page():
    request = RequestFactory().get("/", {"q": "ljus", "state": "eligible", "page": "2"})
    page = Paginator(range(30), 10).page(2)

    html = render_to_string("includes/pagination.html", {"page": page}, request=request)

    assert links(html) == [
        "?q=ljus&amp;state=eligible&amp;page=1",
        "?q=ljus&amp;state=eligible&amp;page=3",
    ]


def test_download_links_keep_the_filters_and_leave_out_the_page():
    request = RequestFactory().get("/", {"q": "ljus", "page": "3"})

    html = render_to_string("includes/downloads.html", {}, request=request)

    assert links(html) == ["?q=ljus&amp;format=csv", "?q=ljus&amp;format=xlsx"]
