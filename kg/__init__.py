"""policykg: a knowledge graph of Chinese government policy task-division tables."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
