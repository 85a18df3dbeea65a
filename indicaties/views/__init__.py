"""Pages of the indication domain that every process shares: the client register, letters
and mailing runs, bulk lists and reports (the pages of the HO process are in
``indicaties.ho.views``). Every page reads through ``visible_to`` and writes through
services."""
