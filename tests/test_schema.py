"""Every event record validates against the project's copy of the schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from resgestae.model import Article


def test_sample_records_validate(coder, sample_text):
    schema = json.loads(
        resources.files("resgestae").joinpath("schema/event.schema.json").read_text()
    )
    coded = next(iter(coder.code([Article(id="seed", text=sample_text, date="2020-12-26")])))
    assert coded.error is None
    for event in coded.events:
        jsonschema.validate(event.to_record(), schema)
