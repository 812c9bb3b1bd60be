"""Start the app with settings the command line does not offer (small limits, a queue of 0).

python tests/api/launch.py PORT JSON   where JSON holds Settings fields.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import uvicorn

from api.app import create_app
from api.config import Settings


def settings(fields: dict) -> Settings:
    values = dict(fields)
    if "data" in values:
        values["data"] = tuple(Path(p) for p in values["data"])
    if "store" in values:
        values["store"] = Path(values["store"])
    if "service_allow_list" in values:
        values["service_allow_list"] = frozenset(values["service_allow_list"])
    return Settings(**values)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(name)s %(message)s")
    port, fields = int(sys.argv[1]), json.loads(sys.argv[2])
    uvicorn.run(create_app(settings(fields)), host="127.0.0.1", port=port, access_log=False)
