"""The laureates' forms, by part of the programme; each importable from here."""

from laurel.laureates.forms.cohort import (
    DigestForm,
    DocumentForm,
    EventForm,
    InitiativeForm,
    InitiativeMilestoneForm,
    InitiativeStatusForm,
    PostForm,
    ReplyForm,
)
from laurel.laureates.forms.prize import (
    BankDetailsForm,
    ExportForm,
    MediaConsentForm,
    PaidForm,
    PayingAccountForm,
    SignatoryForm,
)
from laurel.laureates.forms.summit import (
    LANGUAGE_NAMES,
    SUMMIT_TEXTS,
    DelegateForm,
    InformationForm,
    PassportForm,
    SummitForm,
)
from laurel.laureates.forms.support import (
    AssessmentForm,
    MilestoneForm,
    ObjectiveForm,
    SessionForm,
    StatusForm,
)

__all__ = [
    "LANGUAGE_NAMES",
    "SUMMIT_TEXTS",
    "AssessmentForm",
    "BankDetailsForm",
    "DelegateForm",
    "DigestForm",
    "DocumentForm",
    "EventForm",
    "ExportForm",
    "InformationForm",
    "InitiativeForm",
    "InitiativeMilestoneForm",
    "InitiativeStatusForm",
    "MediaConsentForm",
    "MilestoneForm",
    "ObjectiveForm",
    "PaidForm",
    "PassportForm",
    "PayingAccountForm",
    "PostForm",
    "ReplyForm",
    "SessionForm",
    "SignatoryForm",
    "StatusForm",
    "SummitForm",
]
