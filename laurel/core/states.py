"""The apps' choice enums by class name, for templates.

A template compares a state with the enum, not with its value typed again:
`{% if decision.state == DecisionState.DRAFT %}`. The enums are found the way Django finds admin
modules: each installed Laurel app's `enums` module is read, so `core` names no app (the apps
sit above it). A name two apps both use (today `Role`) is left out rather than guessed.
"""

import importlib
from functools import cache

from django.apps import apps
from django.db import models


@cache
def state_enums() -> dict[str, type[models.Choices]]:
    found: dict[str, type[models.Choices]] = {}
    clashes: set[str] = set()
    for config in apps.get_app_configs():
        if not config.name.startswith("laurel."):
            continue
        module_name = f"{config.name}.enums"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        for name, value in vars(module).items():
            is_enum = isinstance(value, type) and issubclass(value, models.Choices)
            if not is_enum or value.__module__ != module_name:
                continue
            if name in found:
                clashes.add(name)
            found[name] = value
    return {name: enum for name, enum in found.items() if name not in clashes}
