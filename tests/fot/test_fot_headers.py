"""The FOT pages, the public page and the PDF of the minutes carry the strict CSP and the
Permissions-Policy, and their HTML has no inline code (docs/adr/0014)."""

from __future__ import annotations

from tests.test_security_headers import assert_policies, inline_code


def test_meeting_page_and_its_pdf_have_the_policies(login, contractmanager, medewerker_a, eerste):
    cm = login(contractmanager)
    pagina = cm.get(f"/fot/vergaderingen/{eerste.uuid}/")
    assert pagina.status_code == 200
    assert_policies(pagina)
    assert inline_code(pagina.content.decode()) == []

    pdf = cm.get(f"/fot/vergaderingen/{eerste.uuid}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert_policies(pdf)

    lid = login(medewerker_a).get(f"/fot/vergaderingen/{eerste.uuid}/")
    assert lid.status_code == 200
    assert_policies(lid)
    assert inline_code(lid.content.decode()) == []


def test_public_page_has_the_policies(client, db):
    response = client.get("/openbaar/fot/")
    assert response.status_code == 200
    assert_policies(response)
    assert inline_code(response.content.decode()) == []
