"""What kentplan/settings.py makes of an environment, read in this process.

The settings module reads only environment variables, so running it afresh with the
variables a deployment would set gives the values Django would start with: a
thousandth of the second a new Python process setting Django up takes. Tests that need
Django itself to start (`check --deploy`, the Redis cache) still start a process."""

import os
import runpy
from pathlib import Path
from unittest import mock

SETTINGS = Path(__file__).resolve().parent.parent / "kentplan" / "settings.py"
# A shell's own variables, kept; nothing of the test run's (its settings module, its
# database, the browser tests' flags).
INHERITED = ("PATH", "HOME", "LANG")


def settings_with(**env: str) -> dict:
    """The settings module's names and values with only these variables set (and the
    shell's own): raises ImproperlyConfigured as starting Django would."""
    shell = {k: v for k, v in os.environ.items() if k in INHERITED}
    with mock.patch.dict(os.environ, {**shell, **env}, clear=True):
        return runpy.run_path(str(SETTINGS))
