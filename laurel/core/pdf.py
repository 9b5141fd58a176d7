"""Rendering a template to PDF with WeasyPrint and the print stylesheet."""

from django.conf import settings
from django.template.loader import render_to_string

STYLESHEET = settings.BASE_DIR / "static" / "css" / "report.css"


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML  # a heavy import, needed only here

    html = render_to_string(template, context)
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
