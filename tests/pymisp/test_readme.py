"""The README's five-minute PyMISP walk-through runs as written."""

import re
import uuid
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_walkthrough_runs(server):
    text = README.read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S).group(1)
    block = block.replace("http://127.0.0.1:8080", server.url)
    block = block.replace("<admin key printed on first start>", server.admin_key)
    # The walk-through names an organisation and a user; make them unique per run.
    suffix = uuid.uuid4().hex[:8]
    block = block.replace('"Interior Ministry"', f'"Interior Ministry {suffix}"')
    block = block.replace("analyst@moi.example", f"analyst-{suffix}@moi.example")
    scope: dict = {}
    exec(compile(block, "README.md", "exec"), scope)
    event = scope["event"]
    assert event.info.startswith("شبكة تمويل")
    assert [a.value for a in event.attributes if a.type == "iban"] == ["DE89370400440532013000"]
