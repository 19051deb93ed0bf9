"""Joins the two migrations that both follow 0013_sources_records (claim flags, statement
audit) so that the graph has one leaf; no operation."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("claims", "0014_claim_flags"), ("claims", "0016b_statement_audit")]

    operations = []
