"""Forms of the project pages: create a project, add a member, assign, mark done, curate."""

from __future__ import annotations

from django import forms

from claims.models import ProjectRole


class ProjectForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    guidelines = forms.CharField(
        label="Guidelines",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Markdown. Leave empty to follow the default annotation guidelines.",
    )


class MemberForm(forms.Form):
    user = forms.CharField(label="Username", max_length=150)
    role = forms.ChoiceField(label="Role", choices=ProjectRole.choices)


class AutoAssignForm(forms.Form):
    overlap = forms.FloatField(
        label="Overlap",
        min_value=0,
        max_value=1,
        initial=0.0,
        widget=forms.NumberInput(attrs={"step": "0.05"}),
        help_text="The share of documents given to two analysts, for agreement (0 to 1).",
    )


class IdListField(forms.Field):
    """Ids posted as repeated fields (ticked checkboxes); the services check they belong."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        try:
            return [int(item) for item in value or []]
        except (TypeError, ValueError):
            raise forms.ValidationError("Not a list of document ids.") from None


class AssignForm(forms.Form):
    """By hand: the documents ticked in the list, to the analysts chosen."""

    documents = IdListField(label="Documents", error_messages={"required": "Tick at least one document."})
    analysts = forms.MultipleChoiceField(
        label="Analysts", choices=(), error_messages={"required": "Choose at least one analyst."}
    )
    replace = forms.BooleanField(label="Take them from their other analysts", required=False)

    def __init__(self, *args, analysts: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analysts"].choices = [(name, name) for name in analysts]


class CurationForm(forms.Form):
    action = forms.ChoiceField(choices=[("take", "take"), ("remove", "remove"), ("edit", "edit")])
    claim = forms.IntegerField(min_value=1)
