"""No file under tests/ imports a test module: what several modules share lives in a conftest.py
(fixtures), in a helpers module beside them, in tests/scenarios.py or in tests/factories.py.
A test module imported by another runs its fixtures and constants twice over under two names,
and ties the two modules' setups together so that neither can change alone."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# None left: the permission matrix's table and the world it acts on moved to tests/permissions.py
# and tests/world.py. Nothing may be added here.
KNOWN: dict[str, list[str]] = {}


def is_test_module(dotted: str) -> bool:
    return dotted.split(".")[0] == "tests" and dotted.rsplit(".", 1)[-1].startswith("test_")


def imported_test_modules(source: str) -> list[str]:
    """The test modules `source` imports, at its top or inside a function."""
    named = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            named += [alias.name for alias in node.names if is_test_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if is_test_module(node.module):
                named.append(node.module)
            else:
                named += [
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if is_test_module(f"{node.module}.{alias.name}")
                ]
    return named


def test_the_check_sees_each_way_of_importing_a_test_module():
    source = (
        "from tests.laureates.test_prize import details\n"
        "from tests.selection import test_pages as pages\n"
        "import tests.review.test_progress\n"
        "def f():\n"
        "    from tests.candidates.test_consent import asked\n"
        "from tests.laureates.prize_helpers import details\n"
        "from tests.scenarios import ready\n"
    )
    assert imported_test_modules(source) == [
        "tests.laureates.test_prize",
        "tests.selection.test_pages",
        "tests.review.test_progress",
        "tests.candidates.test_consent",
    ]


def test_no_file_under_tests_imports_a_test_module():
    offenders = {
        path.relative_to(TESTS.parent).as_posix(): imported
        for path in sorted(TESTS.rglob("*.py"))
        if (imported := imported_test_modules(path.read_text(encoding="utf-8")))
    }
    assert offenders == KNOWN, (
        "move what these import into a conftest.py, a helpers module or tests/scenarios.py: "
        f"{offenders}"
    )
