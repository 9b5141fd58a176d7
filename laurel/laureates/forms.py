from django import forms

from laurel.laureates.models import Laureate


class MediaConsentForm(forms.ModelForm):
    class Meta:
        model = Laureate
        fields = ["publish_name", "publish_logo", "publish_staff_names", "at_risk"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("at_risk"):
            cleaned["publish_staff_names"] = False  # the security opt-out wins
        return cleaned
