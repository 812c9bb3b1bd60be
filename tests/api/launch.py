"""Start the app with settings the command line does not offer (a validator, small limits).

python tests/api/launch.py PORT JSON   where JSON holds Settings fields; "validator" is
"module:function".
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
from pathlib import Path

import uvicorn

from api.app import create_app
from api.config import Settings


def settings(fields: dict) -> Settings:
    values = dict(fields)
    if "validator" in values:
        module, _, name = values["validator"].partition(":")
        values["validator"] = getattr(importlib.import_module(module), name)
    if "data" in values:
        values["data"] = tuple(Path(p) for p in values["data"])
    if "service_allow_list" in values:
        values["service_allow_list"] = frozenset(values["service_allow_list"])
    return Settings(**values)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s")
    port, fields = int(sys.argv[1]), json.loads(sys.argv[2])
    uvicorn.run(create_app(settings(fields)), host="127.0.0.1", port=port, access_log=False)
