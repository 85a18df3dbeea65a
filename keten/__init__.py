"""The iWmo chain: the messages the portal exchanges with providers and the VNG hub.

Reads the domain apps; no domain app imports it (docs/architecture.md).
"""
