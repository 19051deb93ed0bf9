"""Page forms: they parse and check the shape of what a page sends; the rules live in services."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from claims.importing import SUPPORTED_SUFFIXES
from claims.input_checks import InputError, parse_int
from claims.models import ClaimTag, Source, SourceKind
from claims.services import Link

MAX_CHAIN_LINKS = 20
MAX_UPLOAD_FILES = 50


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ``ValidationError`` in ``form``: on the field it names, else on top."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


# --- the document list -------------------------------------------------------------------------


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    publisher = forms.ModelChoiceField(
        label="Publisher", queryset=Source.objects.none(), required=False, empty_label="All publishers"
    )
    to_review = forms.BooleanField(label="Has claims to review", required=False)

    def __init__(self, *args: Any, publishers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if publishers is not None:
            self.fields["publisher"].queryset = publishers


# --- adding articles ---------------------------------------------------------------------------


class PasteArticleForm(forms.Form):
    title = forms.CharField(label="Title", max_length=500, required=False)
    publisher = forms.CharField(
        label="Publisher",
        max_length=200,
        required=False,
        help_text="A source of the registry, by name or alias.",
        widget=forms.TextInput(attrs={"list": "publisher-names", "autocomplete": "off"}),
    )
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    published_at = forms.DateField(label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label="Text", strip=False, widget=forms.Textarea(attrs={"rows": 14}))

    def as_import_file(self) -> tuple[str, bytes]:
        """The article as a one-object JSON file, so that it goes through the same import as files."""
        data = self.cleaned_data
        article = {
            "title": data["title"],
            "text": data["text"],
            "publisher": data["publisher"].strip(),
            "url": data["url"],
            "published_at": data["published_at"].isoformat() if data["published_at"] else None,
        }
        return "pasted article.json", json.dumps(article, ensure_ascii=False).encode("utf-8")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files; each is checked by the import itself (an empty one gets its own message)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if not files:
            raise ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_UPLOAD_FILES:
            raise ValidationError(f"At most {MAX_UPLOAD_FILES} files at once.")
        return files


class UploadArticlesForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        widget=MultipleFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
        help_text="One or more .txt, .json or .jsonl files.",
    )


# --- claims ------------------------------------------------------------------------------------


class ChainWidget(forms.Widget):
    """The chain editor posts one ``link_source`` / ``link_mention_start`` / ``link_mention_end`` per link, in order."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> list[tuple[str, str, str]] | None:
        if not hasattr(data, "getlist"):
            return []
        lists = [data.getlist("link_source"), data.getlist("link_mention_start"), data.getlist("link_mention_end")]
        if len({len(values) for values in lists}) > 1:
            return None  # malformed: refused by ChainField.clean()
        return list(zip(*lists, strict=True))


def _offset(value: str, what: str) -> int | None:
    if not (value or "").strip():
        return None
    try:
        return parse_int(value, field=f"The {what} offset", min_value=0)
    except InputError as exc:
        raise ValidationError(str(exc)) from None


class ChainField(forms.Field):
    """The attribution chain as ``Link`` values, in the order the editor shows them."""

    widget = ChainWidget

    def clean(self, value: list[tuple[str, str, str]] | None) -> list[Link]:
        if value is None:
            raise ValidationError("Every link of the chain needs a source, a mention start and a mention end field.")
        if len(value) > MAX_CHAIN_LINKS:
            raise ValidationError(f"A chain has at most {MAX_CHAIN_LINKS} links.")
        ids = []
        for source_id, _, _ in value:
            try:
                ids.append(parse_int(source_id, field="source", min_value=1))
            except InputError:
                raise ValidationError(f"Unknown source {str(source_id)[:40]!r}.") from None
        sources = Source.objects.in_bulk(ids)
        missing = [str(i) for i in ids if i not in sources]
        if missing:
            raise ValidationError(f"Unknown source {', '.join(missing)}: it is not in the registry.")
        return [
            Link(
                source=sources[source_id],
                position=position,
                mention_start=_offset(start, "mention start"),
                mention_end=_offset(end, "mention end"),
            )
            for position, (source_id, (_, start, end)) in enumerate(zip(ids, value, strict=True))
        ]


class ClaimForm(forms.Form):
    """A new claim (``start``/``end``) or an edit of one (``version``); the tag and the chain."""

    start = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    tag = forms.ChoiceField(label="Tag", choices=ClaimTag.choices, widget=forms.RadioSelect)
    attributions = ChainField(required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("tag") == ClaimTag.UNSOURCED:
            data["attributions"] = []  # the editor hides the chain of an unsourced claim
        return data


class SourceForm(forms.Form):
    """"New source", inline in the claim form; its fields carry a prefix so they never clash."""

    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind", choices=SourceKind.choices)
    aliases = forms.CharField(
        label="Aliases",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One per line, as the text writes them.",
    )

    def clean_aliases(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]
