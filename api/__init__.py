"""The HTTP service of policykg (FastAPI)."""
