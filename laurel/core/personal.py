"""What is personal in a model, said once, next to its fields.

A model that holds personal data declares it as `PERSONAL = Personal({kind: (field, …)},
kept=(…))`: each personal field under the kind of personal data it is, and every other field
under `kept`, so that each field of the model is a decision someone took. Erasure (a refusing
organisation, a data-subject request), the retention policy and exports read these kinds; none
lists fields of its own. tests/core/test_personal.py fails when a field is added to such a model
and to neither.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    NOMINATOR = "nominator"  # who nominated, and how to reach them
    CONTACT = "contact"  # who a person is and how to reach them (an organisation's contact…)
    TRAVEL = "travel"  # where from and when a person travels
    ORGANISATION = "organisation"  # what identifies an organisation beyond its name and country
    WRITTEN = "written"  # free text that may name or describe people
    TRACES = "traces"  # what is kept beside the written text: its languages, links, findings
    NEEDS = "needs"  # special category (health): a delegate's needs and the consent to keep them
    BANK = "bank"  # bank details and the proof of them


@dataclass(frozen=True)
class Personal:
    kinds: Mapping[Kind, tuple[str, ...]]
    # Every other field, named so that a new field must be put on one side or the other.
    kept: tuple[str, ...] = ()

    def fields(self, *kinds: Kind) -> list[str]:
        """The fields of these kinds (of every kind when none is named), in declared order."""
        return [name for kind in kinds or self.kinds for name in self.kinds.get(kind, ())]

    def blank(self, model: Any, *kinds: Kind) -> dict[str, Any]:
        """Each field of these kinds with the value that holds nothing: None where the column
        may be null, otherwise the field's default ("", {}, [], False)."""
        values = {}
        for name in self.fields(*kinds):
            field = model._meta.get_field(name)
            values[name] = None if field.null else field.get_default()
        return values

    def clear(self, instance: Any, *kinds: Kind) -> list[str]:
        """Blank these kinds on the instance (not saved); the names, for update_fields."""
        values = self.blank(type(instance), *kinds)
        for name, value in values.items():
            setattr(instance, name, value)
        return list(values)

    def declared(self) -> set[str]:
        return {*self.fields(), *self.kept}
