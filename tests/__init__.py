"""The test package. Imported before any conftest or test module, so this is where the run keeps
its compiled code.

Where PYTHONDONTWRITEBYTECODE is set (as on these machines), every test process compiled
Laurel's modules again and pytest rewrote the asserts of every test module again: 13 of the
18 seconds it took to collect the inner loop, paid by each xdist worker on each run. The
compiled files go to var/pycache instead (git ignores var/), so the source tree stays as clean
as the setting wants it, and a second run collects in 5 seconds. Only this process and its
imports are concerned: the processes the system tests start keep their own environment.
"""

import sys
from pathlib import Path

if sys.dont_write_bytecode and sys.pycache_prefix is None:
    sys.pycache_prefix = str(Path(__file__).resolve().parent.parent / "var" / "pycache")
    sys.dont_write_bytecode = False
