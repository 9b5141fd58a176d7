"""Tables staff download — the rows they see on screen, filtered the same way — as CSV or XLSX.

Cells come from what nominators and organisations typed: a text starting with = + - @ would be
run as a formula by a spreadsheet ("CSV injection"), so such a cell gets a leading apostrophe.
"""

import csv
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from io import BytesIO, StringIO

from django.http import HttpResponse
from django.utils import timezone

FORMATS = ("csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """A value made safe for a spreadsheet (and plain for CSV)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, list | tuple | set):
        return cell(", ".join(str(item) for item in value))
    if value is None or isinstance(value, str | int | float | date | bool):
        return value
    return str(value)


def table_response(
    name: str, header: Sequence[str], rows: Iterable[Sequence], fmt: str
) -> HttpResponse:
    """`name`.csv or `name`.xlsx, with the header row first."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = name[:31]
        sheet.append([str(title) for title in header])
        for row in rows:
            sheet.append([cell(value) for value in row])
        buffer = BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        text = StringIO()
        writer = csv.writer(text)
        writer.writerow([str(title) for title in header])
        for row in rows:
            writer.writerow(["" if (value := cell(v)) is None else value for v in row])
        # A byte-order mark: Excel then reads the file as UTF-8 (å, ä, ö, ł …).
        response = HttpResponse("\ufeff" + text.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
