"""Forms of the source registry pages: they parse; the rules live in ``claims.services`` and
``claims.sources``."""

from __future__ import annotations

from typing import Any

from django import forms

from claims.models import Source, SourceKind, SourceRating, SourceStatus

NETWORK_COLOURS = (("kind", "Kind"), ("rating", "Rating"))


class RegistryFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    kind = forms.ChoiceField(label="Kind", required=False, choices=[("", "All kinds"), *SourceKind.choices])
    country = forms.ChoiceField(label="Country", required=False, choices=[("", "All countries")])
    affiliation = forms.CharField(label="Affiliation", required=False, max_length=200)
    rating = forms.ChoiceField(
        label="Rating", required=False, choices=[("", "All ratings"), *SourceRating.choices, ("none", "Not rated")]
    )
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "All"), *SourceStatus.choices])

    def __init__(self, *args: Any, countries: list[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "All countries"), *((c, c) for c in countries)]


class SourceForm(forms.Form):
    """Create or edit a source. Aliases one per line, as the text writes them."""

    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind", choices=SourceKind.choices)
    aliases = forms.CharField(
        label="Aliases",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One per line, as the text writes them (« l’agence Mehr »).",
    )
    country = forms.RegexField(
        label="Country", regex=r"^[A-Za-z]{2}$", required=False, max_length=2, help_text="Two letters (ISO 3166), e.g. IR."
    )
    language = forms.CharField(label="Language", required=False, max_length=10, help_text="e.g. fr, en, fa, ar.")
    url = forms.URLField(label="URL", required=False, max_length=500, assume_scheme="https")
    affiliation = forms.CharField(label="Affiliation", required=False, max_length=200, help_text="e.g. state media, Iran.")
    description = forms.CharField(label="Description", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    @classmethod
    def for_source(cls, source: Source) -> "SourceForm":
        return cls(
            initial={
                "name": source.name,
                "kind": source.kind,
                "aliases": "\n".join(source.aliases),
                "country": source.country,
                "language": source.language,
                "url": source.url,
                "affiliation": source.affiliation,
                "description": source.description,
            }
        )

    def clean_aliases(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class MergeForm(forms.Form):
    source = forms.ModelChoiceField(label="Merge this source", queryset=Source.objects.none(), empty_label="Choose the duplicate")
    into = forms.ModelChoiceField(label="into", queryset=Source.objects.none(), empty_label="Choose the source that stays")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sources = Source.objects.only("pk", "name", "slug").order_by("name", "pk")
        self.fields["source"].queryset = sources
        self.fields["into"].queryset = sources
        self.fields["source"].label_from_instance = self.fields["into"].label_from_instance = lambda s: f"{s.name} ({s.slug})"


class NoteForm(forms.Form):
    text = forms.CharField(label="Note", max_length=10_000, widget=forms.Textarea(attrs={"rows": 3}))
    rating = forms.ChoiceField(label="Rating", choices=SourceRating.choices)


class NetworkFilterForm(forms.Form):
    project = forms.ModelChoiceField(label="Project", queryset=Source.objects.none(), required=False, empty_label="All projects")
    publisher = forms.ModelChoiceField(label="Publisher", queryset=Source.objects.none(), required=False, empty_label="All publishers", to_field_name="slug")
    since = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    min_weight = forms.IntegerField(label="Minimum weight", required=False, min_value=1, max_value=100_000, initial=1)
    colour = forms.ChoiceField(label="Colour by", choices=NETWORK_COLOURS, required=False)
    publishers = forms.BooleanField(label="Publishers too", required=False)

    def __init__(self, *args: Any, publishers: Any = None, projects: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if publishers is not None:
            self.fields["publisher"].queryset = publishers
        if projects is not None:
            self.fields["project"].queryset = projects

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            self.add_error("until", "The end date comes before the start date.")
        return data
