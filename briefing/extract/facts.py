"""stub"""
from typing import Any
def find_facts(*a: Any) -> list[Any]:
    return []
