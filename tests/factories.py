"""factory_boy factories for the claims models."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims import services
from claims.models import Source, SourceKind

PASSWORD = "test-password-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ():
            # get_or_create: a transactional test before this one flushed the migration's groups.
            self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"source-{n}")
    name = factory.Sequence(lambda n: f"Source {n}")
    kind = SourceKind.NEWS_OUTLET
    aliases = factory.LazyAttribute(lambda o: [o.name])


class DocumentFactory(factory.Factory):
    """Documents go through the import service so that their sentences exist too."""

    class Meta:
        model = dict

    title = factory.Sequence(lambda n: f"Article {n}")
    text = factory.Sequence(
        lambda n: f"Le ministère a annoncé l’ouverture n° {n}, selon l’agence Mehr.\n"
        "« Tout va bien », a déclaré le porte-parole. Les combats continuent.\n"
    )
    created_by = None

    @classmethod
    def _create(cls, model_class, **kwargs):
        return services.document_create(**kwargs)

    _build = _create
