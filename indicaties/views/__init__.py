"""Pages of the indication domain: client register, the HO process, bulk lists and
reports. Every page reads through ``visible_to`` and writes through services."""
