"""The web page's catalogue of example questions (kg/questions/, in Chinese and English)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from api.context import service
from kg.questions import load_questions

router = APIRouter(tags=["Web page"])


@router.get("/api/examples")
def examples(request: Request) -> dict:
    """The vocabulary's prefixes and the example questions, each a complete query."""
    return {
        "prefixes": service(request).settings.prefixes,
        "examples": [
            {"id": q.id, "zh": q.zh, "en": q.en, "query": q.query} for q in load_questions()
        ],
    }
