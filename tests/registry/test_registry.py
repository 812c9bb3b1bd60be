"""The organization registry: complete for the sources, consistent, and strict about names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from registry_files import write_registry

from kg.errors import SourceError
from kg.registry.organizations import Organization, Registry, load_registry
from kg.sources.records import Mention, SourceDocument
from kg.sources.text import to_simplified

Resolve = Callable[[SourceDocument, Mention], Organization]


def test_every_name_the_corpus_writes_resolves_on_its_documents_day(
    corpus: list[SourceDocument], resolve: Resolve
) -> None:
    for document in corpus:
        for task in document.tasks:
            for mention in task.leads + task.cooperators:
                resolve(document, mention)


def test_each_name_written_is_a_label_of_the_body_it_resolves_to(
    corpus: list[SourceDocument], resolve: Resolve
) -> None:
    for document in corpus:
        for mention in (m for task in document.tasks for m in task.leads + task.cooperators):
            labels = resolve(document, mention).labels
            assert mention.meant in labels or to_simplified(mention.written) in labels


def test_every_district_belongs_to_the_collective(registry: Registry) -> None:
    districts = [org for org in registry.organizations if org.kind == "DistrictGovernment"]
    assert len(districts) == 11
    assert {org.member_of for org in districts} == {"guangzhou-districts"}


def test_english_names_and_chinese_names_carry_a_source(registry: Registry) -> None:
    assert all(org.en_source for org in registry.organizations if org.pref_en)


def test_a_name_given_to_two_organizations_is_refused(tmp_path: Path) -> None:
    path = write_registry(
        tmp_path,
        "a,municipal-department,甲局,市甲局,,,,,,,",
        "b,municipal-department,乙局,市甲局,,,,,,,",
    )
    with pytest.raises(SourceError, match="already belongs to 'a'") as caught:
        load_registry(path)
    assert (caught.value.line, caught.value.cell) == (3, "alt_zh")


def test_unknown_kind_and_dangling_parent_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="kind must be one of") as caught:
        load_registry(write_registry(tmp_path, "a,bureau,甲局,,,,,,,,"))
    assert caught.value.line == 2
    with pytest.raises(SourceError, match="no organization with id 'x'"):
        load_registry(write_registry(tmp_path, "a,municipal-department,甲局,,,x,,,,,"))


def test_a_repeated_id_names_the_line_that_repeats_it(tmp_path: Path) -> None:
    path = write_registry(
        tmp_path,
        "a,municipal-department,甲局,,,,,,,,",
        "a,municipal-department,乙局,,,,,,,,",
    )
    with pytest.raises(SourceError, match="id 'a' is already used on line 2") as caught:
        load_registry(path)
    assert (caught.value.line, caught.value.cell) == (3, "id")


def test_ids_must_fit_in_an_iri(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="lower-case letters, digits and hyphens"):
        load_registry(write_registry(tmp_path, "A b,municipal-department,甲局,,,,,,,,"))


def test_a_header_alone_is_an_empty_registry(tmp_path: Path) -> None:
    assert load_registry(write_registry(tmp_path)).organizations == ()
