"""Every table that leaves Laurel — staff downloads filtered as on screen, the finance and
summit lists, the public laureates list — as CSV or XLSX, through this one module.

Cells come from what nominators and organisations typed: a text a spreadsheet would read as a
formula ("CSV injection": = + - @ | %, a tab or a carriage return, also after leading spaces)
gets a leading apostrophe. No other module writes CSV or builds a workbook
(tests/core/test_tables.py checks the code for it).
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO, StringIO

from django.http import HttpResponse
from django.utils import timezone

FORMATS = ("csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# "|" starts a DDE call in older Excel, "%" a formula in some locales; tab and CR hide what follows.
FORMULA_STARTS = ("=", "+", "-", "@", "|", "%", "\t", "\r")

# One sheet of a workbook: its title, its header row and its rows.
Sheet = tuple[str, Sequence[str], Iterable[Sequence]]


def _is_formula(text: str) -> bool:
    # Spreadsheets skip leading spaces (and other white space) before reading "=…".
    return text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS)


def cell(value):
    """A value made safe for a spreadsheet (and plain for CSV)."""
    if isinstance(value, str) and _is_formula(value):
        return "'" + value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, list | tuple | set):
        return cell(", ".join(str(item) for item in value))
    if value is None or isinstance(value, str | int | float | Decimal | date | bool):
        return value
    return cell(str(value))


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The table as CSV text (no byte-order mark), every cell made safe."""
    text = StringIO()
    writer = csv.writer(text)
    writer.writerow([cell(str(title)) for title in header])
    for row in rows:
        writer.writerow(["" if (value := cell(v)) is None else value for v in row])
    return text.getvalue()


def workbook_response(name: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """`name`.xlsx with one sheet per (title, header, rows), every cell made safe; the header
    row is bold, stays in view when scrolling (a frozen pane) and carries the filters."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(str(title)[:31])
        sheet.append([cell(str(text)) for text in header])
        for row in rows:
            sheet.append([cell(value) for value in row])
        for heading in sheet[1]:
            heading.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        if header:
            sheet.auto_filter.ref = sheet.dimensions
    buffer = BytesIO()
    book.save(buffer)
    return _download(HttpResponse(buffer.getvalue(), content_type=XLSX), f"{name}.xlsx")


def table_response(
    name: str, header: Sequence[str], rows: Iterable[Sequence], fmt: str
) -> HttpResponse:
    """`name`.csv or `name`.xlsx, with the header row first."""
    if fmt == "xlsx":
        return workbook_response(name, [(name, header, rows)])
    # A byte-order mark: Excel then reads the file as UTF-8 (å, ä, ö, ł …).
    body = "\ufeff" + csv_text(header, rows)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    return _download(response, f"{name}.csv")


def _download(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response
