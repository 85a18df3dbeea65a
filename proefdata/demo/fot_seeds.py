# ruff: noqa: E501, RUF001
"""Transcription of the five FOT minutes in ``shared/domain/seeds`` as structured data.

Each ``Vergadering`` holds one seed completely: every agenda item and sub-item with its minutes
(verbatim; only whitespace clean-up: hard-wrapped lines joined into paragraphs, paragraph breaks
as ``"\\n\\n"``, enumerations as lines, Word bullet glyphs written as ``"- "``) and every item of
the "Samenvatting afspraken en vervolgacties" list as an ``Actiepunt``.

Readings that the seeds do not state literally are marked ``# interpretation: ...``. Four of the
five seeds carry no meeting date; their dates are approximations (first day of the month the text
points to) and are listed in ``DATUM_BENADERD`` so a loader can show them as such.
"""

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class Deelnemer:
    organisatie: str  # organisation name as in the seed (e.g. "SDD", a provider's name)
    naam: str = ""  # person's name if the seed gives it, else ""
    rol: str = ""  # "voorzitter", "notulist", "contractmanager", ... if stated, else ""


@dataclass(frozen=True)
class Agendapunt:
    nummer: str  # "1", "2", "4a", "4c-i" ... as numbered in the seed
    titel: str
    notulen: str = ""  # full text of the minutes for this item (verbatim, cleaned whitespace)
    soort: str = "thema"  # opening, mededelingen, verslag, thema, samenvatting, rondvraag, sluiting
    subpunten: tuple["Agendapunt", ...] = ()


@dataclass(frozen=True)
class Update:
    datum: date
    tekst: str  # e.g. the "24/7: inmiddels is bekend dat..." update in 002 item 5c (verbatim)


@dataclass(frozen=True)
class Actiepunt:
    nummer: str  # its number/letter in the summary list
    tekst: str  # verbatim
    eigenaar_organisatie: str = ""  # who must act; "Aanbieders" for all providers
    eigenaar_persoon: str = ""
    termijn: date | None = None  # a concrete due date if stated
    volgende_vergadering: bool = False  # due "next FOT"/"volgende FOT"/"wordt geagendeerd"
    status: str = "open"  # "open" or "afgerond"
    agendapunt: str = ""  # nummer of the agenda item it comes from, if clear
    updates: tuple[Update, ...] = ()


@dataclass(frozen=True)
class Vergadering:
    bron: str  # seed file name, e.g. "000_545699fab22adc82.txt"
    tafel: str  # "HO" or "Begeleiding" (or what the seed says)
    datum: date
    begintijd: time | None
    eindtijd: time | None
    locatie: str  # place or ""; online meetings: "online (Teams)" etc.
    online: bool
    voorzitter: str  # name or organisation as given
    notulist: str
    opname_toestemming: bool | None  # recording consent if mentioned (000 item 1), else None
    deelnemers: tuple[Deelnemer, ...]
    afwezig: tuple[Deelnemer, ...] = ()
    agenda: tuple[Agendapunt, ...] = ()
    acties: tuple[Actiepunt, ...] = ()
    mededelingen_leden: str = ""  # joining/leaving members announced (003 item 2a), verbatim


SOORTEN = ("opening", "mededelingen", "verslag", "thema", "samenvatting", "rondvraag", "sluiting")
STATUSSEN = ("open", "afgerond")

# Meetings whose seed gives no date: the date above is an approximation, explained here.
DATUM_BENADERD: dict[str, str] = {
    "003_6fb9f9ede2c3f014.txt": (
        "Seed gives no date. 2021: the minutes name the months of 2021 with five weeks, the "
        "fall of the cabinet (January 2021) and changes 'vanaf 1 januari 2022'; the question "
        "whether the next FOT can be physical again fits the easing of covid measures in "
        "summer 2021. 1 July 2021 follows the portal's demo data ('FOT juli 2021'); the day is "
        "not known."
    ),
    "004_406800f3ebbe0e7f.txt": (
        "Seed gives no date. Held after the meeting of 24 July (item 1) and before 28 August "
        "(item 6); the rekentool is filled in for 2019 'omdat we nog geen cijfers hebben voor "
        "2020', so the year is 2020. Month August 2020; the day is not known."
    ),
    "001_0f82a04f27b42e67.txt": (
        "Seed gives no date. After the AB of 28-11-2024 (item 4a) and the webinar of Thursday "
        "14 November (item 5 iv); the research starts 'begin volgend jaar' and FOT meetings "
        "for 2025 are still to be planned, so December 2024; the day is not known."
    ),
    "000_545699fab22adc82.txt": (
        "Seed gives no date. 2025 (meetings 2025, first months of this year, wachtlijst 2024); "
        "the cao vvt agreement was reached 'begin deze maand' (March 2025) and the next FOT is "
        "in July, so March 2025; the day is not known."
    ),
}

VERGADERINGEN: tuple[Vergadering, ...] = (
    Vergadering(
        bron="004_406800f3ebbe0e7f.txt",
        tafel="HO",  # interpretation: consultation on the HO procurement of regio Lekstroom, not an SDD FOT
        datum=date(2020, 8, 1),  # interpretation: approximate, see DATUM_BENADERD
        begintijd=None,
        eindtijd=None,
        locatie="",
        online=False,  # interpretation: not stated; 'bedankt iedereen voor zijn komst' suggests in person
        voorzitter="Dave Smit",  # interpretation: projectleider Dave Smit opens and leads the meeting
        notulist="",
        opname_toestemming=None,
        # interpretation: the nine providers under 'Aanwezige aanbieders' plus the projectleider
        deelnemers=(
            Deelnemer(organisatie="T Zorg"),
            Deelnemer(organisatie="Zorgorganisatie Zorg-Vuldig"),
            Deelnemer(organisatie="Buurtdiensten"),
            Deelnemer(organisatie="Axioncontinu"),
            Deelnemer(organisatie="Zorgspectrum"),
            Deelnemer(organisatie="Axxicom thuishulp/ Incluzio"),
            Deelnemer(organisatie="Vierstroom hulpthuis"),
            Deelnemer(organisatie="Warande"),
            Deelnemer(organisatie="Privazorg"),
            Deelnemer(
                organisatie="Regio Lekstroom",  # interpretation: organisation from the address inkoop@regiolekstroom.nl; the seed says 'de regio'
                naam="Dave Smit",
                rol="projectleider",
            ),
        ),
        agenda=(
            Agendapunt(
                nummer="1",
                titel="Opening",
                notulen=(
                    "Welkom aan alle aanwezigen door de projectleider Dave Smit. Dave komt "
                    "kort terug op de zaken die 24 juli besproken zijn. Hij bedankt degenen "
                    "die de rekentools hebben ingevuld en toegestuurd en geeft aan dat deze "
                    "verder in het overleg terug komt. Verder geeft Dave aan dat er een "
                    "positief gesprek is geweest met de regionale adviesraden en dat zij het "
                    "eens zijn met de richting die is opgeslagen en dat ze achter de "
                    "inkoopprocedure en de maatwerkvoorziening huishoudelijke ondersteuning "
                    "staan.\n\n"
                    "Vooraf aan het overleg zijn de er verschilende stukken doorgestuurd "
                    "hopelijk hebben de aanwezigen deze door kunnen lezen."
                ),
                soort="opening",
            ),
            Agendapunt(
                nummer="2",
                titel="Maatwerkvoorziening Huishoudelijke Ondersteuning",
                # interpretation: the list lines start with a space in the seed (bullets lost); written as '- '
                notulen=(
                    "De regio geeft een korte uitleg wat maatwerkvoorziening inhoudt. Er wordt "
                    "uitgegaan van het normenkader hhm waarbij wordt gekeken wat iemand zelf "
                    "kan of wat door het netwerk kan worden gedaan en wat er aangevuld moet "
                    "worden qua hulp. Het Sociaal Team voert dit keukentafel gesprek wat "
                    "resulteert in een maatwerkvoorziening huishoudelijke ondersteuning.\n\n"
                    "Vragen/ opmerkingen van aanbieders:\n"
                    "- De term “aanvaardbaar” die genoemd wordt is niet smart. Wat is een "
                    "aanvaardbaar niveau en hoe zorg je dat iedereen hier hetzelfde over "
                    "denkt. Wordt dit beschreven in het ondersteuningsplan?\n"
                    "- Grootte van het huis telt niet mee in extra uren, maar hoe zit het met "
                    "de hoeveelheid spullen die de mensen in huis hebben?\n"
                    "- Moeten huisdieren toch niet meegenomen worden?\n\n"
                    "De regio geeft aan dat het Sociaal Team bepaald wat nodig is. Alleen de "
                    "leefruimtes worden schoongemaakt. Het Sociaal Team heeft hier een "
                    "belangrijke rol in en moet dit goed naar de aanbieder communiceren. Aan "
                    "de aanbieders wordt gevraagd hoe dit advies van het Sociaal Team, terecht "
                    "komt bij de aanbieder.\n\n"
                    "De aanbieders geven aan dat goede communicatie essentieel is, over het "
                    "algemeen is het fijn als er meer informatie naar de aanbieders gaat. "
                    "Sommige Sociaal Teams geven een Plan van Aanpak mee. De aanbieders geven "
                    "aan dat het belangrijk is dat de communicatie op één lijn ligt (naar elke "
                    "aanbieder hetzelfde) en dat de start hiervan bij het Sociaal Team ligt.\n\n"
                    "De regio geeft aan dat ervoor moet worden gewaakt dat een cliënt niet "
                    "twee keer hetzelfde gesprek voert. Er moet goed bekeken worden hoe we de "
                    "informatie vanuit het Sociaal Team bij de zorgaanbieder krijgen. Dit is "
                    "een aandachtspunt voor de regio\n\n"
                    "Er moet goed gekeken worden naar het hhm rapport of alle "
                    "resultaatgebieden van toepassing zijn voor deze regio. Onder andere het "
                    "resultaatgebied “Kindzorg” en “Maaltijden” is niet voor iedere "
                    "zorgaanbieder een voorziening die ze willen of kunnen inzetten. "
                    "Kerngetallen over deze resultaatgebieden geven meer inzicht waarop kan "
                    "worden ingeschreven. Een voorstel is om dit op te nemen als losse "
                    "percelen in de inkoopprocedure."
                ),
            ),
            Agendapunt(
                nummer="3",
                titel="Programma van Eisen",
                # interpretation: the list lines start with a space in the seed (bullets lost); written as '- '
                notulen=(
                    "Het PvE is ingedeeld in onderwerpen die kort besproken worden door de "
                    "regio.\n\n"
                    "- Vaak is er al inzet nodig terwijl de beschikking er nog niet is. Er "
                    "wordt verwacht dat deze dan toch uitgevoerd wordt.\n"
                    "- De aanbieders hebben een signaalfunctie. Zij kunnen bij het Sociaal "
                    "Team aangeven of er minder of meer hulp nodig is, maar de cliënt is zelf "
                    "verantwoordelijk voor de herindicatie.\n"
                    "- De VOG is wettelijk bepaald, de GGD heeft expliciet gevraagd om dit op "
                    "te nemen in het PvE.\n"
                    "- De medewerker dient zich de eerste keer te identificeren, dit kan met "
                    "een bedrijfspas of met een legitimatiebewijs.\n"
                    "- Huiselijk geweld moet gemeld worden bij GGD. De aanbieders geven aan "
                    "dat dit wel een probleem kan zijn, omdat ze dan waarschijnlijk bij de "
                    "cliënt niet meer binnen komen. Dit zijn ethische vraagstukken. De regio "
                    "geeft advies om expertise te vragen bij een arts of Sociaal Team. De "
                    "regio geeft aan te kijken naar de formulering van de tekst over het maken "
                    "van een melding.\n"
                    "- Iedere aanbieder moet een eigen meldcode aanmaken en de medewerkers "
                    "moeten hiervan op de hoogte zijn. De aanbieder moet telefonisch "
                    "bereikbaar zijn: geen 0900 nummers en op werkdagen bereikbaar. Geen "
                    "webformulieren.\n"
                    "- Onder het kopje verantwoording (2.1 i) wordt aangegeven dat er een "
                    "controleverklaring nodig is bij een jaarlijkse omzet boven de €50.000, "
                    "dit geldt voor de gehele regio.\n\n"
                    "Verdere opmerkingen aanbieders:\n"
                    "- 1.8 wet aanpak schijnconstructie: Toevoegen cao VTT\n"
                    "- 1.6 c: de formulering zou anders mogen. De regio geeft dat het geen "
                    "nieuwe regel is, maar het is belangrijk om te kijken wat haalbaar is en "
                    "wat niet\n"
                    "- Er wordt wel verwacht dat de medewerker Nederlands kan praten\n"
                    "- AVG: Er wordt aangegeven dat een bewerkersovereenkomst niet van "
                    "toepassing is, maar dat het mogelijk kan volstaan met een artikel uit de "
                    "AVG. De betreffende aanbieder levert hierover aanvullende informatie\n"
                    "- Verzoek van de aanbieders om in paragraaf 2.2 op te nemen hoe er naar "
                    "de tarief ontwikkelingen gedurende het contract wordt gekeken. Bij "
                    "voorkeur niet alleen naar de indiceringsgrondslag kijken maar ook naar de "
                    "doorstroming en algehele ontwikkelingen.\n\n"
                    "De regio legt uit dat we jaarlijks een overlegtafel willen organiseren om "
                    "de tarieven te bespreken. De zorgen van de aanbieder worden meegenomen."
                ),
            ),
            Agendapunt(
                nummer="4",
                titel="Inzet zorg, passende financiering",
                notulen=(
                    "De regio dat er gekozen wordt voor het Normenkader van hhm, waarin wordt "
                    "gesproken in het voorbeeld over 108 uren per jaar wat op en afgeschaald "
                    "kan worden. De regio maakt hiervoor een checklist en een rekentool. Met "
                    "die rekentool kun je terugrekenen als het bijvoorbeeld minder dan een "
                    "jaar is. De regio vraagt of aanbieders al via het normenkader werken en "
                    "op welke wijze ze de toewijzingen ontvangen. (technisch: eenheid en "
                    "frequentie).\n\n"
                    "Aanbieder geeft aan dat er ook indicaties zijn die geen einddatum "
                    "hebben.\n\n"
                    "Technisch is het niet mogelijk om meer te declareren dan wat er in het "
                    "toewijzingsbericht iWmo staat. De regio geeft aan dat volume- 108, "
                    "eenheid – uur, frequentie- jaar. Dit geeft de meeste ruimte om "
                    "fluctuerend in te zetten. Aanbieder geeft aan dat het soms ook anders "
                    "kan, waarbij 108 uur het plafond is en dat er soms ook geaccepteerd wordt "
                    "dat er per week extra wordt gedeclareerd. Het wordt gecheckt of dit "
                    "mogelijk is."
                ),
            ),
            Agendapunt(
                nummer="5",
                titel="Rekentools",
                notulen=(
                    "De regio bespreekt de rekentools die ingevuld en doorgestuurd zijn. Hier "
                    "valt op dat er bij diverse onderdelen een grote brandbreedte is. Ook in "
                    "het uiteindelijke tarief is een groot verschil te zien. Daarom willen we "
                    "graag kijken op welke manier, vanuit welke referentie, de tool is "
                    "ingevuld en dit inhoudelijk verfijnen. Hierdoor krijgt de regio meer "
                    "achtergrond informatie. Het is de bedoeling dat de tool voor 2019 wordt "
                    "ingevuld, omdat we nog geen cijfers hebben voor 2020 behalve van de "
                    "eindejaarsuitkering.\n\n"
                    "- Eindejaarsuitkering: er is een discrepantie in de ingeleverde rekentool "
                    "met betrekking tot de indexering die is op genomen voor deze uitkering. "
                    "In de bijeenkomst van 14 juli was afgesproken uit te gaan van de situatie "
                    "nu. Niet vooruitlopende op de nieuwe cao afspraken.\n"
                    "- WHK: deze wordt 2 maal genoemd in de tool Aanbieders geven aan dat het "
                    "afhankelijk is hoe je verzekerd bent. De aanbieder heeft zelf de keuze "
                    "voor privaat of publiekelijk. Hier kun je geen afspraken over maken\n"
                    "- WGA: geldt hetzelfde als WHK\n"
                    "- Verlof: deze pakt hoger uit als er (meer) oudere werknemers zijn. In "
                    "CAO is minimaal 16.5% opgenomen. Het kan ook door ziekteverzuim komen. "
                    "Dit wordt gezien als improductieve dagen en wordt automatisch bij verlof "
                    "ingevuld.\n"
                    "- Scholing: 2% opgelegd door CAO. Aanbieders geven aan dat 2% best weinig "
                    "is gezien de ontwikkelingen die er spelen (toename agressie, mensen "
                    "helpen om langer thuis te blijven wonen, omgaan met toenemende mate extra "
                    "PGB). Sommige aanbieders hebben een grotere overhead en minder "
                    "scholingskosten omdat ze eigen coaches in huis hebben.\n"
                    "- Ziekteverzuim: hier is een groot verschil. CBS geeft aan dat het "
                    "ziekteverzuim rond 5,7% ligt.\n"
                    "- Reiskosten: woon werk is in CAO opgenomen. Het bepalen van de kosten "
                    "van cliënt naar cliënt is lastiger te bepalen omdat in sommige gebieden "
                    "de locaties verder uit elkaar liggen. Vaak wordt de reiskosten van cliënt "
                    "naar cliënt opgenomen in het uurtarief.\n"
                    "- Niet planbaar wel te verlonen tijd: Hieronder vallen teamoverleg, "
                    "functioneringsgesprekken, scholingstijd. Probleem wanneer er vastgelegd "
                    "wordt dat de medewerker 72 uren van te voren de dienst moet doorgeven, "
                    "deze dan afgezegd wordt door de cliënt moet betreffende medewerker die "
                    "niet ingezet kan worden wel betaald worden. Er wordt gepleit voor een "
                    "eenduidigheid of dit verhaald kan worden op de cliënt als deze niet "
                    "tijdig afzegt. De regio neemt dit op in het PvE.\n"
                    "- Overhead: Beerenschot stelt dat dit percentage in 2024 op 5% moet "
                    "liggen. Aanbieders geven aan dat dit te ambitieus is. Iedereen wil "
                    "innoveren en doordat de gemeentes gaan samenwerken en er een eenduidige "
                    "declaratie komt, zal de overhead ook minder worden, maar er moet ook naar "
                    "het belang van de medewerker gekeken worden (scholing, veiligheid, begrip "
                    "en toepasbaarheid van wetten, zorgcoördinator). Dat wat de gemeente "
                    "vraagt, moet ook goed aangeleverd worden, wil je het goed doen, kost dit "
                    "ook geldt.\n"
                    "- Risico en resultaat: Zit niet in AMvB. De regio denkt dat hier de "
                    "administratieve verplichtingen en bedrijfskosten in zitten. Aanbieders "
                    "geven aan dat deze verbonden zijn met de overhead. Komende jaren zullen "
                    "de risico’s alleen maar grote worden.\n\n"
                    "De regio geeft aan door het bespreken van deze onderdelen, een goede "
                    "indruk heeft gekregen van de manier waarop het is ingevuld en geeft "
                    "expliciet aan dat de gemiddelden die genoemd zijn niet de cijfers zijn "
                    "die we gaan inzetten.\n\n"
                    "Er wordt door de aanbieders gevraagd om voor de volgende keer ook de "
                    "brandbreedte m.b.t. de tarieven te delen."
                ),
            ),
            Agendapunt(
                nummer="6",
                titel="Vervolg",
                notulen=(
                    "Gezien de tijd vraagt Dave aan de aanbieders om de vragen die op in de "
                    "presentatie staan door te lezen en indien mogelijk hier via de mail op te "
                    "reageren. Ook als er nog opmerkingen en vragen zijn, kan dat via de mail. "
                    "Er kan gemaild worden naar: inkoop@regiolekstroom.nl\n\n"
                    "Dave geeft aan dat er een implementatiemanager is gestart, die het "
                    "implementatietraject van de inkoop gaat begeleiden. Hoe het "
                    "implementatietraject eruit gaat zien kan misschien op 28 augustus "
                    "besproken worden.\n\n"
                    "Verder bedankt Dave iedereen voor zijn komst en inbreng bij dit overleg "
                    "en spreekt de hoop uit dat iedereen op 28 augustus ook aanwezig is."
                ),
                soort="sluiting",  # interpretation: 'Vervolg' is the last item: follow-up by mail, next date, thanks
            ),
        ),
        acties=(),  # interpretation: the seed has no summary list of afspraken en vervolgacties
    ),
    Vergadering(
        bron="003_6fb9f9ede2c3f014.txt",
        tafel="Begeleiding",  # interpretation: the seed speaks of 'FOT Begeleiding' (IB and DB)
        datum=date(2021, 7, 1),  # interpretation: approximate, see DATUM_BENADERD
        begintijd=None,
        eindtijd=None,
        locatie="online",  # interpretation: digital meeting; the platform is not named
        online=True,  # interpretation: held digitally: rondvraag asks whether the next FOT can 'weer fysiek' take place
        voorzitter="Ilse",  # interpretation: 'Ilse opent de vergadering'
        notulist="",
        opname_toestemming=None,
        # interpretation: SDD and the providers named as speaking (Parnassia, Gemiva)
        deelnemers=(
            Deelnemer(
                organisatie="SDD",  # interpretation: chair of the SDD table; the seed gives only her first name
                naam="Ilse",
                rol="voorzitter",
            ),
            Deelnemer(organisatie="Parnassia"),
            Deelnemer(organisatie="Gemiva"),
        ),
        agenda=(
            Agendapunt(
                nummer="1",
                titel="Opening",
                notulen="Ilse opent de vergadering en heet iedereen welkom.",
                soort="opening",
            ),
            Agendapunt(
                nummer="2",
                titel="Mededelingen",
                notulen=(
                    "Er is een agendapunt toegevoegd, te weten 5. Signaal: ontstaan van "
                    "wachtlijsten"
                ),
                soort="mededelingen",
                subpunten=(
                    Agendapunt(
                        nummer="2a",
                        titel="Toe- en uittredingen",
                        notulen=(
                            "Uittreding:\n"
                            "- Stichting de Merwelanden is uitgetreden voor IB\n"
                            "- Depse Zorg en Hulpverlening voor DB"
                        ),
                        soort="mededelingen",
                    ),
                ),
            ),
            Agendapunt(
                nummer="3",
                titel="Vaststellen notulen vorige FOT (zie bijlage 1)",
                notulen=(
                    "Het verslag wordt goedgekeurd en zonder wijzigingen vastgesteld.\n\n"
                    "N.a.v. het verslag:\n"
                    "- Stand van zaken wat betreft 4c. Berichtenverkeer:\n"
                    "  - Het verloop van het berichtenverkeer gaat beter. SDD ziet dat een "
                    "aantal aanbieders problemen heeft met declareren en een beperkt aantal "
                    "aanbieders heeft een nieuw systeem waardoor er problemen zijn.\n"
                    "  - Er is verbetering zichtbaar in het opvoeren van 305 en 307 berichten.\n"
                    "  - Het declareren per maand gaat nog niet bij alle aanbieders goed. Voor "
                    'outputfinanciering geldt dat een "gebroken" week (overlapt twee maanden) '
                    "gedeclareerd moet worden met de maand waarin de zondag aan het eind van "
                    "die week valt. Een aantal maanden in 2021 telt daarom 5 weken (januari, "
                    "mei, augustus en oktober).\n\n"
                    "- Stand van zaken wat betreft GR Sociaal:\n"
                    "  De nieuwe verordening is naar alle gemeenteraden gestuurd en zij zijn "
                    "nu aan zet. De verwachting is dat er voor de aanbieders en contracten "
                    "geen consequenties zijn voor 2022. We moeten afwachten hoe de toekomst er "
                    "uit gaat zien. Hoewel de individuele gemeenten meer ruimte krijgen om "
                    "zelf invulling te geven, probeert de SDD zo veel mogelijk gelijk te "
                    "houden. In de voortgangsoverleggen heeft CM gewezen op de veranderende "
                    "situatie. Ambities verschillen per gemeente als het gaat om de "
                    "voorliggende voorzieningen. Voor aanbieders is het van belang om te "
                    "oriënteren op de sociale kaart en goed contact te hebben met de wijkteams."
                ),
                soort="verslag",
            ),
            Agendapunt(
                nummer="4",
                titel="Uitzonderingscriteria toetreding contracten IB en DB",
                notulen=(
                    "Er is een stop op toetreding tot de contracten IB en DB SDD. Er kunnen "
                    "uitzonderingssituaties zijn, waarbij contracteren wel in overweging te "
                    "nemen is. De SDD wil duidelijk zijn wanneer er sprake is van een "
                    "uitzondering:\n\n"
                    "1. wanneer het doorlopen van de ondersteuningslijn in het geding komt "
                    "(bijv. bij overgang 18-/+ of afschaling van BW&O naar IB/DB SDD).\n"
                    "2. wanneer er een hiaat is in het aanbod. Niet bij een enkel geval.\n"
                    "3. n.a.v. ontwikkelingen bij de lokale gemeenten. SDD wil wildgroei aan "
                    "allerlei contracten voorkomen. Het kan zijn dat het in een specifiek "
                    "geval beter is om aanbieder te contracteren voor IB/DB door de SDD.\n\n"
                    "Aanbieders kunnen ook werken met hoofd- en onderaannemerschap, al ziet de "
                    "SDD dat gecontracteerde aanbieders hier weinig gebruik van willen maken. "
                    "Zodoende melden niet gecontracteerde aanbieders zich bij de SDD voor "
                    "contractering."
                ),
            ),
            Agendapunt(
                nummer="5",
                titel="Signaal: ontstaan van wachtlijsten",
                notulen=(
                    "De SDD krijgt steeds vaker signalen vanuit de Wmo-afdeling en vanuit "
                    "aanbieders dat er problemen ontstaan met het aannemen van cliënten "
                    "vanwege personele problemen (verloop, schaarste gekwalificeerd personeel, "
                    "ziekteverzuim) bij aanbieders. Het lijkt nijpend te worden bij IB. Dit "
                    "wordt herkend door de aanbieders. Enkele reacties:\n\n"
                    "- HBO opgeleide begeleiders en verpleegkundigen zijn moeilijk te vinden.\n"
                    "- Andere aanbieders bieden een boven de marktconforme beloning, waardoor "
                    "personeel gaat hoppen.\n"
                    "- Er zijn veel ZZP-ers en als deze ZZP-ers zich via Zorgnet laten "
                    "inzetten, dan wordt de medewerker 2x zo duur.\n"
                    "- Soms komen er weken lang geen nieuwe aanmeldingen IB vanuit de SDD en "
                    "dan ineens veel tegelijk. Dit maakt het lastig om het personeelsbestand "
                    "daar op in te richten. Met dit 'probleem' kampt de Wmo-afdeling ook. SDD "
                    "heeft geen invloed op het aantal meldingen en het moment waarop "
                    "aanmeldingen binnen komen. Aanbieders denken dat het ook te maken heeft "
                    "met vakanties en de inzet van de consulenten.\n"
                    "- De overgang naar de Wlz van cliënten biedt ook geen oplossing voor de "
                    "krapte van het personeel; cliënten blijven bij aanbieder in zorg, alleen "
                    "is er sprake van andere financiering."
                ),
            ),
            Agendapunt(
                nummer="6",
                titel="Doorontwikkeling IB- stavaza",
                notulen=(
                    "Gesprekken lokale gemeenten\n"
                    "Er zijn gesprekken gevoerd met de lokale gemeenten over IB en de "
                    "bestaande lokale initiatieven. Uitkomsten van deze gesprekken:\n\n"
                    "1. Lokale verbindingen\n"
                    "De gemeenten willen graag een actieve koppeling met het lokale voorveld "
                    "zien. De SDD wil graag de ontwikkelingen (positief en negatief) volgen, "
                    "zodat zij daar waar nodig op kan schakelen. Er wordt afgesproken 'lokale "
                    "verbindingen' periodiek te agenderen aan de FOT. Mochten er acute "
                    "problemen ontstaan bij de ingang bij de Sociale Wijkteams, dan kunnen "
                    "deze gemeld worden bij Contractmanagement.\n\n"
                    "2. IB0\n"
                    "IB0 krijgt een structurele plek in de deelovereenkomst IB, middels een "
                    "aanvulling op het uitgewerkte voorstel. Inhoudelijk wordt er niets "
                    "gewijzigd. IB0 wordt structureel opgenomen, omdat de voorliggende "
                    "voorzieningen van de lokale gemeenten te verschillend zijn. In de "
                    "volgende FOT wordt de aanvulling op het uitgewerkte voorstel IB gedeeld, "
                    "besproken en vastgesteld.\n\n"
                    "IB0 wordt gefinancierd uit het budget Begeleiding. Op dit moment betaalt "
                    "iedere gemeente naar rato van het aantal inwoners. Vanaf 1 januari 2022 "
                    "zal er afgerekend worden op het werkelijke gebruik van de voorziening per "
                    "gemeente. Dit maakt mogelijk de prikkel voor het (door)ontwikkelen van "
                    "lokale (goedkopere) voorzieningen groter.\n\n"
                    "Blended Care\n"
                    "De SDD is, na de uitgevoerde pilot met ASVZ, erg benieuwd of Blended care "
                    "ook werkt bij andere doelgroepen. Zodoende wil de SDD gaan onderzoeken "
                    "hoe Blended care verder uitgerold kan worden binnen IB. "
                    "Contractmanagement neemt hiervoor met een aantal partijen contact op om "
                    "te bespreken of zij hieraan mee willen werken. Blended care kan binnen de "
                    "huidige deelovereenkomst ingezet worden. Bij de volgende FOT zal worden "
                    "aangegeven welke partijen willen deelnemen en wat het verdere proces gaat "
                    "zijn.\n\n"
                    "Parnassia geeft aan dat Blended care bij hen enorm in ontwikkeling is en "
                    "biedt aan mee te doen. Ook Gemiva geeft aan bereid te zijn om mee te "
                    "doen.\n\n"
                    "Ter informatie wordt gedeeld dat het 'Innovatiebudget voor "
                    "zorgtechnologie' wellicht aangevraagd en gebruikt kan worden om dit vorm "
                    "te geven bij aanbieders.\n\n"
                    "Op korte termijn zullen er in de deelovereenkomst IB, naast aanvulling "
                    "IB0 en evt. verduidelijking Blended Care, geen inhoudelijke veranderingen "
                    "doorgevoerd worden. Dit heeft te maken met de onzekerheid over het "
                    "wel/niet doorgaan van de wetswijziging m.b.t. resultaatgericht indiceren "
                    "in de Wmo (wat o.a. bij IB het geval is)."
                ),
            ),
            Agendapunt(
                nummer="7",
                titel="Wetswijziging stavaza en back up scenario's",
                notulen=(
                    "Volgens de Centrale Raad van Beroep biedt resultaatgericht indiceren de "
                    "cliënt te weinig rechtszekerheid. De SDD heeft samen met onder andere VWS "
                    "een wetswijziging voorbereid. Dit leek goed te gaan, alleen is het "
                    "kabinet gevallen. Het is onduidelijk of het op korte termijn weer wordt "
                    "opgepakt. Waarschijnlijk is hier niet snel duidelijkheid over. Er is "
                    "inmiddels een lobby gestart om de wetswijziging alsnog op de kaart te "
                    "krijgen.\n\n"
                    "Naast de lobby gaat de SDD de komende tijd intern uitwerken wat de "
                    "alternatieve scenario's zijn en de bijbehorende consequenties voor "
                    "klanten, aanbieders en SDD. De aanbieders geven aan dat resultaatgericht "
                    "financieren juist goed werkt in de Drechtsteden, omdat het wederzijdse "
                    "vertrouwen goed zit. Daarnaast doet resultaatgericht financieren meer "
                    "recht aan de cliënt. Dat het jammer zou zijn als deze vorm moet stoppen, "
                    "wordt door meerdere aanbieders onderstreept.\n\n"
                    "De SDD is betrokken bij de politieke lobby in Den Haag ten behoeve van de "
                    "wetswijziging. Er wordt gevraagd welke aanbieders zich eventueel bij de "
                    "SDD zouden willen voegen, om het cliëntperspectief te duiden. Intern zal "
                    "de SDD nadenken over de aanpak, maar ondertussen kunnen aanbieders zich "
                    "al melden bij de SDD (contractmanagement@drechtsteden.nl) als zij bij "
                    "willen dragen aan de lobby."
                ),
            ),
            Agendapunt(
                nummer="8",
                titel="Samenvatting afspraken, vervolgacties en planning",
                soort="samenvatting",
            ),
            Agendapunt(
                nummer="9",
                titel="Rondvraag",
                notulen=(
                    "Er wordt gevraagd of de volgende FOT mogelijk weer fysiek plaats kan "
                    "vinden. Er zal per keer, op basis van de agendapunten en de geldende "
                    "maatregelen, besloten worden of de FOT Begeleiding digitaal of fysiek "
                    "plaatsvindt. Deelnemers zullen hierover tijdig worden geïnformeerd."
                ),
                soort="rondvraag",
            ),
            Agendapunt(nummer="10", titel="Afsluiting", soort="sluiting"),
        ),
        acties=(
            Actiepunt(
                nummer="1",  # interpretation: the seed lists the actions as unnumbered bullets; numbered here in order
                tekst=(
                    "Het is van belang dat begeleiders (meer) verbindingen leggen met "
                    "voorliggende voorzieningen zoals het sociaal wijkteam en dat hier al mee "
                    "wordt gestart wanneer de ondersteuning (IB) begint. Als er vanuit "
                    "aanbieders knelpunten worden ervaren in het maken van deze verbindingen, "
                    "dan wordt verzocht om dit bij CM SDD te melden "
                    "(contractmanagement@drechtsteden.nl)."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="6",
            ),
            Actiepunt(
                nummer="2",
                tekst=(
                    'Het onderwerp "Lokale verbindingen" zal periodiek aan de FOT geagendeerd '
                    "worden."
                ),
                eigenaar_organisatie="SDD",  # interpretation: the SDD sets the FOT agenda
                volgende_vergadering=True,  # interpretation: 'zal periodiek aan de FOT geagendeerd worden'
                agendapunt="6",
            ),
            Actiepunt(
                nummer="3",
                tekst=(
                    "De SDD is betrokken bij de politieke lobby in Den Haag t.b.v. de "
                    "wetswijziging i.h.k.v. resultaatgericht indiceren in de Wmo. Tijdens de "
                    "FOT is gevraagd welke aanbieders zich eventueel bij de SDD zouden willen "
                    "voegen, om het cliëntperspectief te duiden. Intern zal de SDD nadenken "
                    "over de aanpak, maar ondertussen kunnen aanbieders zich al melden bij de "
                    "SDD (contractmanagement@drechtsteden.nl) als zij bij willen dragen aan de "
                    "lobby."
                ),
                eigenaar_organisatie="SDD",  # interpretation: SDD thinks about the approach; providers may sign up meanwhile
                agendapunt="7",
            ),
        ),
        mededelingen_leden=(
            "Uittreding:\n"
            "- Stichting de Merwelanden is uitgetreden voor IB\n"
            "- Depse Zorg en Hulpverlening voor DB"
        ),
    ),
    Vergadering(
        bron="001_0f82a04f27b42e67.txt",
        tafel="Begeleiding",  # interpretation: bandbreedtemodel IB; the seed speaks of the 'FOT Begeleiding'
        datum=date(2024, 12, 1),  # interpretation: approximate, see DATUM_BENADERD
        begintijd=None,
        eindtijd=None,
        locatie="",
        online=False,  # interpretation: not stated in the seed
        voorzitter="",
        notulist="",
        opname_toestemming=None,
        deelnemers=(
            Deelnemer(organisatie="SDD"),
            Deelnemer(
                organisatie="SDD",  # interpretation: projectleider of the SDD procurement; joins the FOTs 'vanaf nu' (item 2b)
                naam="Daniël Delwel",
                rol="projectleider nieuwe inkoop IB",
            ),
        ),
        agenda=(
            Agendapunt(nummer="1", titel="Opening", soort="opening"),
            Agendapunt(
                nummer="2",
                titel="Mededelingen",
                soort="mededelingen",
                subpunten=(
                    Agendapunt(
                        nummer="2a",
                        titel="Nieuwsbericht SDD",
                        notulen=(
                            "Zoals aanbieders waarschijnlijk in het nieuws hebben gelezen, is "
                            "er een anonieme brief naar de griffies van de zeven Drechtsteden "
                            "gemeenten gestuurd. De griffie is verplicht om zo’n brief "
                            "openbaar te maken, vandaar dat het ook in het nieuws is geweest. "
                            "De brief bevat beschuldigingen richting de SDD. Het is belangrijk "
                            "om te benadrukken dat deze beschuldigingen niet bewezen zijn.\n\n"
                            "De directeur van de SDD is uit zichzelf met verlof gegaan vanwege "
                            "de aantijgingen jegens hem. Guido von Grumbkow, een lid van het "
                            "managementteam, zal als vervangend directeur optreden. Er zal een "
                            "onafhankelijk onderzoek worden gestart. Het onderzoek zal begin "
                            "volgend jaar van start gaan en eind volgende week zal het "
                            "onderzoeksbureau bekend worden gemaakt. Het wordt een bureau die "
                            "de afgelopen tijd geen interim klussen gedaan heeft voor de SDD "
                            "om onafhankelijkheid te waarborgen. Het onderzoek zal zich vooral "
                            "richten op het werkklimaat, de veiligheid en andere relevante "
                            "aspecten binnen de SDD.\n\n"
                            "De SDD heeft momenteel 80 consulenten in dienst, waarvan er "
                            "afgelopen jaar slechts twee zijn vertrokken. Het geschetste "
                            "patroon van vertrek werd in de afgelopen jaren wel herkend, maar "
                            "is inmiddels gestopt. De Wmo-afdeling is vrijwel weer op sterkte, "
                            "hoewel er vorig jaar sprake was van krapte en "
                            "projectachterstanden. Bij zes van de zeven gemeenten zijn de "
                            "doorlooptijden weer op orde, met uitzondering van Dordrecht. Er "
                            "wordt gehoopt dat Dordrecht in het eerste kwartaal van 2025 ook "
                            "weer op schema zal liggen."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="2b",
                        titel="Nieuwe deelnemer FOT",
                        notulen=(
                            "Daniël Delwel zal de rol van projectleider vervullen bij de "
                            "nieuwe inkoop IB. Vanaf nu zal Daniël ook aansluiten bij de FOT’s."
                        ),
                        soort="mededelingen",
                    ),
                ),
            ),
            Agendapunt(
                nummer="3",
                titel="Vaststellen notulen vorige FOT (zie bijlage 1)",
                soort="verslag",
                subpunten=(
                    Agendapunt(
                        nummer="3a",
                        titel="Vastgesteld zonder wijzigingen.",
                        notulen=(
                            "De SLA bijeenkomst zal naar verwachting plaatsvinden begin 2025. "
                            "Door de drukte rond de inkoop van huishoudelijke ondersteuning en "
                            "de implementatie van de nieuwe contracten, is de SLA bijeenkomst "
                            "uitgesteld. Er is één bezwaar ontvangen. De SDD zal hier gepast "
                            "op reageren."
                        ),
                        soort="verslag",
                    ),
                ),
            ),
            Agendapunt(
                nummer="4",
                titel="Bandbreedtemodel voor IB",
                subpunten=(
                    Agendapunt(
                        nummer="4a",
                        titel="Terugkoppeling AB dd 28-11-2024",
                        notulen=(
                            "Er is eerder aan een aanbieder gevraagd om eventueel aan te "
                            "sluiten bij het Algemeen Bestuur van de SDD om ervaringen te "
                            "delen m.b.t. populatiegebonden bekostiging. Bestuurders wilden "
                            "het onderwerp echter ambtelijk bespreken. Het onderwerp is "
                            "besproken, waarna groen licht is gegeven voor de verdere "
                            "uitwerking van een bandbreedtemodel voor IB. Daarnaast wordt er "
                            "door de SDD een verkenning uitgevoerd met de lokale gemeenten om "
                            "te kijken of een deel van de Wmo naar de voorkant kan (zoals bij "
                            "Jeugdzorg aan de orde is). De inrichting hiervan ligt "
                            "ingewikkeld, waardoor het wellicht niet haalbaar is om dit voor "
                            "januari 2026 te realiseren."
                        ),
                    ),
                    Agendapunt(nummer="4b", titel="Contouren document (zie bijlage 2)"),
                    Agendapunt(
                        nummer="4c",
                        titel="Brainstorm bb-model voor IB",
                        notulen=(
                            "Het gedeelde document met de contouren van het bandbreedtemodel "
                            "IB bevat een kleine opzet. Dit is bewust omdat de SDD komend jaar "
                            "samen met de aanbieders de details wil invullen. Er is echter wel "
                            "een aantal uitgangspunten vastgesteld.\n\n"
                            "I.v.m. de rechtszekerheid moeten cliënten een specifieke "
                            "tijdsindicatie krijgen. Aan de andere kant wil de SDD ook een "
                            "bepaalde mate van flexibiliteit behouden, zodat aanbieders per "
                            "week kunnen variëren in hun inzet. De SDD wil wegblijven van het "
                            "p*q model en richt zich op weekarrangementen met een vast tarief "
                            "per week, waarbij de tijd per maand kan variëren. De "
                            "randvoorwaarden hiervoor zijn doorgenomen. I.v.m. rechtszekerheid "
                            "voor de cliënt is bij IB de urgentie hoger om het systeem aan te "
                            "passen dan bij dagbesteding. Dagbesteding kent reeds "
                            "prestatiefinanciering.\n\n"
                            "De SDD wenst de administratieve lasten bij aanbieders bij het "
                            "nieuwe systeem indien mogelijk te verminderen door makkelijk te "
                            "kunnen op- en afschalen. Om tot arrangementstarieven te komen, "
                            "dienen de p en de q van een bandbreedte bepaald te worden. Dit is "
                            "een essentieel onderdeel van het ontwikkeltraject komend jaar. "
                            "Voor het bandbreedtemodel HO heeft de SDD dit ook gedaan. De SDD "
                            "heeft aanbieders een rekentool (Berenschot) laten invullen voor "
                            "kostprijselementen. De elementen, zoals bijv. de periodiekmix, "
                            "verschillen per aanbieder. Voor IB bestaat er ook een rekentool, "
                            "maar de SDD weet nog niet of ze die gaat gebruiken. In de "
                            "rekentool zitten verschillende tabbladen per cao. De SDD blijft "
                            "hierover in gesprek met aanbieders.\n\n"
                            "De SDD is zich ervan bewust dat IB complexer is, dan HO. Daarom "
                            "wordt de aanpak van HO niet één op één overgenomen, maar wordt "
                            "weer bij het begin begonnen. Het proces bestaat uit twee stappen "
                            "(zie contouren).\n\n"
                            "Eens per twee weken IB leveren zou in dit model moeten kunnen, "
                            "mits de rechtszekerheid wordt bewaakt.\n\n"
                            "De SDD weet nog niet hoeveel bandbreedtes er zullen komen voor "
                            "IB: dit wordt t.z.t. samen met de aanbieders bepaald. Bij HO "
                            "bepaalt de SDD de bandbreedte voor wat betreft de indicatie. In "
                            "eerste instantie is er een kortdurende indicatie met een minimaal "
                            "aantal minuten per maand waar de cliënt recht op heeft, oftewel "
                            "de ondergrens van de bandbreedte. De aanbieder geeft een "
                            "langdurige indicatie af met het exacte aantal minuten op basis "
                            "van de intake. Om claimgedrag te voorkomen, wordt alleen het "
                            "minimale aantal minuten van de bandbreedte aangegeven, niet het "
                            "maximale. De SDD wil onderzoeken of dit ook voor IB kan.\n\n"
                            "Er wordt aangegeven dat een cliënt soms bepaalde dingen niet in "
                            "het ondersteuningsplan wil opnemen, maar de aanbieder ziet wel "
                            "dat het nodig is. Dit kan een aandachtspunt zijn in het nieuwe "
                            "bandbreedtemodel.\n\n"
                            "De ervaringen van het nieuwe systeem HO worden meegenomen in de "
                            "ontwikkelingen van IB. De basis voor het inrichten van de "
                            "bandbreedtes moet in overeenstemming zijn met een geobjectiveerd "
                            "normenkader. Bureau HHM en bureau Factum hebben onlangs een model "
                            "ontwikkeld. Met HHM is een eerste gesprek hierover geweest. Het "
                            "model is minder goed objectief te maken dan het normenkader voor "
                            "HO.\n\n"
                            "Drie jaar geleden zijn HHM en Factum begonnen met het ontwikkelen "
                            "van versie 1.0 van het normenkader voor begeleiding, gebaseerd op "
                            "experts. Verschillende zorgaanbieders aanwezig bij de FOT, hebben "
                            "data geleverd voor versie 1.0, maar geven aan niet zo enthousiast "
                            "te zijn over het model. Er blijven dezelfde discussies bestaan "
                            "over of iets een probleem is of niet en hoe zwaar de problematiek "
                            "is. Andere oplossingen zijn handiger dan nu vastzetten van de "
                            "bandbreedte. Soms heb je pas na een paar maanden een idee wat de "
                            "echte hulpvraag is of welke zorg nodig is.\n\n"
                            "Versie 2.0 van het normenkader is geobjectiveerd. Dit is "
                            "vervolgens gevalideerd d.m.v. triangulatie. Gemeente Breda heeft "
                            "hier ook aan meegewerkt. Ze werken met Y-cliënten, waarbij op "
                            "basis daarvan meer of minder factoren worden bepaald. Bij HO is "
                            "dit makkelijker dan bij IB, omdat het bij IB moeilijker is om het "
                            "netwerk in te zetten. Het is echter wel mogelijk, bijvoorbeeld "
                            "door leefgebieden af te laten vallen op basis van 11 "
                            "leefgebieden. Er wordt ook gekeken naar factoren die in de cliënt "
                            "zelf liggen. Er is een grid van 8 factoren/bandbreedtes, waarbij "
                            "wordt gekeken of het behoudgericht of ontwikkelgericht is. Dit is "
                            "nog niet uitgekristalliseerd. De duur van de indicatie doet "
                            "mogelijk ook iets met het aantal minuten per week, vooral bij "
                            "ontwikkelgericht. De SDD moet bezien of dit een goed model is "
                            "voor de SDD. Dit zal de SDD de komende periode samen met onder "
                            "andere zorgaanbieders verkennen.\n\n"
                            "Er is een vraag vanuit een aanbieder over andere "
                            "onderzoeksbureaus, maar er zijn vooralsnog geen andere bureaus "
                            "die een normenkader voor begeleiding hebben ontwikkeld of hier "
                            "mee bezig zijn. Bureau HHM en bureau Factum worden vanaf het "
                            "begin betrokken bij de inkoop IB van de SDD.\n\n"
                            "Wmo consulenten SDD geven terug dat in het huidige systeem van IB "
                            "de verhouding tussen toezicht en stimuleren (IB1) en helpen, "
                            "overnemen en regie (IB3) niet altijd klopt. Er zijn tarieven "
                            "verbonden aan taken en niet aan de problematiek/ intensiteit. "
                            "Aanbieders zijn het eens dat er meer tijd en energie in toezicht "
                            "kan zitten dan in overnemen. Maar aan de andere kant kan "
                            "overnemen ook intensief zijn (bijv. wekelijks reageren op "
                            "woningen, meekijken naar brieven en bezwaar schrijven).\n\n"
                            "De SDD zal bij het nieuw te ontwikkelen model indien mogelijk "
                            "rekening houden met producten van aanbieders (die in de huidige "
                            "constructie niet passen, zoals kortdurend heel intensief). De "
                            "aanpak met pieken in het traject past minder goed bij de huidige "
                            "financiering, maar in het nieuwe model kan dit mogelijk wel. "
                            "Wellicht middels een bandbreedte met een aantal minuten en zelf "
                            "de periode verdelen? Het lastige is dat de tijd altijd gekoppeld "
                            "moet zijn aan een normenkader.\n\n"
                            "Er wordt gesproken over de inzet van het voorveld. Dit hoeft niet "
                            "per se goedkoper te zijn. De lokale gemeenten hebben wat te "
                            "zeggen over het voorveld. De SDD wil hen uitnodigen om in gesprek "
                            "te gaan met de gecontracteerde IB-aanbieders. De regionale "
                            "adviesraad wordt standaard uitgenodigd voor de FOT's, maar zijn "
                            "vaak niet aanwezig. De SDD zal de regionale adviesraad gerichter "
                            "vragen om aan te sluiten bij de FOT Begeleiding.\n\n"
                            "Wat betreft onderaanneming heeft de SDD geen opvatting over of "
                            "het wel of niet mag. Het is wel een aandachtspunt bij eventuele "
                            "(onder)mandatering t.b.v. het kunnen indiceren."
                        ),
                        subpunten=(
                            Agendapunt(
                                nummer="4c-i",
                                titel=(
                                    "Op welke manier zouden we dit model kunnen toepassen "
                                    "binnen de Drechtsteden?"
                                ),
                            ),
                            Agendapunt(
                                nummer="4c-ii",
                                titel=(
                                    "Hebben jullie ervaring met soortgelijke modellen in "
                                    "andere gemeenten?"
                                ),
                            ),
                            Agendapunt(
                                nummer="4c-iii",
                                titel=("Welke kansen en (on)mogelijkheden zien we hierin?"),
                            ),
                            Agendapunt(
                                nummer="4c-iv",
                                titel=(
                                    "Hoe houden we met elkaar dit systeem administratief licht "
                                    "en flexibel? En voldoen we tegelijk aan het "
                                    "rechtszekerheidsbeginsel?"
                                ),
                            ),
                        ),
                    ),
                    Agendapunt(
                        nummer="4d",
                        titel="Proces",
                        subpunten=(
                            Agendapunt(
                                nummer="4d-i",
                                titel=(
                                    "Consequenties ingangsdatum contract op andere datum dan 1-1"
                                ),
                                notulen=(
                                    "- Als het nieuwe contract ingaat per 1-1-2026, moet er in "
                                    "juli 2025 worden gepubliceerd. Dit is niet haalbaar, "
                                    "aangezien de SDD het bandbreedtemodel samen met "
                                    "aanbieders wenst te ontwikkelen. Hier is tijd voor nodig "
                                    "en bovendien wil de SDD leren van het bandbreedtemodel HO "
                                    "dat per 1-1-2025 is gestart. Ook moet er voldoende tijd "
                                    "over zijn voor de implementatie. Het huidige contract "
                                    "begeleiding heeft een verlengingsmogelijkheid. De vraag "
                                    "wordt gesteld aan aanbieders of het een nadelig effect "
                                    "heeft als het nieuwe contract op een andere datum dan 1 "
                                    "januari ingaat. De eerste reactie luidt dat het geen "
                                    "effect heeft, maar aanbieders geven aan deze vraag voor "
                                    "te leggen aan de interne afdeling die hierover gaat. "
                                    "Aanbieders krijgen de mogelijkheid om bezwaren hierop via "
                                    "de mail te communiceren."
                                ),
                            ),
                            Agendapunt(
                                nummer="4d-ii",
                                titel=(
                                    "De nieuwe inkoop zal waarschijnlijk via een open house "
                                    "procedure verlopen (geen aanbesteding)."
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            Agendapunt(
                nummer="5",
                titel="Samenvatting afspraken, vervolgacties en planning",
                soort="samenvatting",
            ),
            Agendapunt(
                nummer="6",
                titel="Rondvraag",
                notulen=(
                    "Er wordt een breed signaal afgegeven door aanbieders dat de tarieven van "
                    "Bureau HHM niet toereikend zouden zijn.\n\n"
                    "Bij huishoudelijke ondersteuning heeft de SDD de rekentool van Berenschot "
                    "gebruikt om tot een reële kostprijs te komen. Onder de kostprijs werken "
                    "is echt niet mogelijk. De oproep wordt gedaan door de SDD aan aanbieders "
                    "om tijdig te reageren als er input wordt gevraagd over tarieven "
                    "(kostprijselementen) zodat e.e.a. goed uitgewerkt kan worden. De SDD "
                    "heeft er belang bij dat aanbieders het hoofd boven water kunnen houden. "
                    "De SDD doet zijn best om dit te waarborgen en is bovendien verplicht om "
                    "een reële kostprijs te betalen (conform AmvB)."
                ),
                soort="rondvraag",
            ),
            Agendapunt(nummer="7", titel="Afsluiting", soort="sluiting"),
        ),
        acties=(
            Actiepunt(
                nummer="iii",  # interpretation: the seed continues the roman numbering of item 4d (i, ii) in this list
                tekst=(
                    "Eventuele bezwaren tegen/ consequenties van ingangsdatum nieuw contract "
                    "op andere datum dan 1/1 graag aanleveren bij contractmanagement "
                    "(contractmanagement@drechtsteden.nl)."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="4d-i",
            ),
            Actiepunt(
                nummer="iv",
                tekst=(
                    "Link naar het webinar normenkader begeleiding wordt gedeeld.\n\n"
                    "Op de website van het ketenbureau staan alle webinars van de week van de "
                    "stadaarden. Bij donderdag 14 november is het webinar “Indiceren voor "
                    "Wmo-begeleiding: hoe helpt het Normenkader Begeleiding?” terug te zien. "
                    "De handout van de presentatie en de Q&A is via de mail met aanbieders "
                    "gedeeld."
                ),
                eigenaar_organisatie="SDD",
                status="afgerond",  # interpretation: the minutes give where the webinar is and say the handout 'is gedeeld'
                agendapunt="4c",  # interpretation: webinar on the normenkader begeleiding discussed under 4c
            ),
            Actiepunt(
                nummer="v",
                tekst=(
                    "Als er ervaring is met vergelijkbare modellen met het bandbreedtemodel, "
                    "hoort de SDD dit graag (via contractmanagement@drechtsteden.nl), zodat "
                    "evt. ervaringen bij andere gemeenten opgehaald kunnen worden."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="4c-ii",
            ),
            Actiepunt(
                nummer="vi",
                tekst=(
                    "FOT-bijeenkomsten 2025: deze zullen in 2025 vaker gepland worden dan in "
                    "2024. De planning hiervan volgt z.s.m. per email. Oproep aan aanbieders: "
                    "probeer een vaste vertegenwoordiger aan te laten sluiten bij de "
                    "bijeenkomsten, gezien de ontwikkeling van het bandbreedtemodel IB waar we "
                    "met elkaar aan gaan bouwen."
                ),
                eigenaar_organisatie="SDD",  # interpretation: SDD sends the 2025 planning; it also asks providers for a fixed representative
            ),
        ),
        mededelingen_leden=(
            "Daniël Delwel zal de rol van projectleider vervullen bij de nieuwe inkoop IB. "
            "Vanaf nu zal Daniël ook aansluiten bij de FOT’s."
        ),
    ),
    Vergadering(
        bron="000_545699fab22adc82.txt",
        tafel="HO",
        datum=date(2025, 3, 1),  # interpretation: approximate, see DATUM_BENADERD
        begintijd=None,
        eindtijd=None,
        locatie="",  # interpretation: not stated for this meeting; 3a gives the place of the next meetings
        online=False,  # interpretation: not stated; 3a limits attendance per organisation, so in person
        voorzitter="",
        notulist="",
        opname_toestemming=True,
        # interpretation: SDD and the providers named as speaking (4b, rondvraag)
        deelnemers=(
            Deelnemer(organisatie="SDD"),
            Deelnemer(organisatie="Lelie"),
            Deelnemer(organisatie="Aafje"),
            Deelnemer(organisatie="Vlijtig Liesje"),
            Deelnemer(organisatie="Poetszorg"),
        ),
        agenda=(
            Agendapunt(
                nummer="1",
                titel="Opening",
                notulen=(
                    "Er is toestemming voor het maken van een geluidsopname (t.b.v. maken van "
                    "het verslag)."
                ),
                soort="opening",
            ),
            Agendapunt(nummer="2", titel="Kennismaking nieuwe HO-partners"),
            Agendapunt(
                nummer="3",
                titel="Mededelingen",
                soort="mededelingen",
                subpunten=(
                    Agendapunt(
                        nummer="3a",
                        titel="Bijeenkomsten overlegtafel HO 2025 en deelnemers",
                        notulen=(
                            "- Bijeenkomsten 2025 zijn ingepland en data zijn gedeeld per "
                            "mail. Volgende bijeenkomsten zijn ingepland op de Noordendijk 248 "
                            "Dordrecht bij Bedrijfsvoering Drechtsteden, in de "
                            "conferentieruimte.\n"
                            "- Voor de bijeenkomst van vandaag zijn bij uitzondering 2 "
                            "deelnemers toegestaan, maar in het vervolg gelieve 1 "
                            "vertegenwoordiger per organisatie afvaardigen."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3b",
                        titel="Documenten overlegtafels HO op website SDD",
                        notulen=(
                            "- Documenten overlegtafels HO zijn terug te vinden op de website "
                            "SDD\n"
                            "- Voor het verslag van de laatste FOT in 2024 wordt verwezen naar "
                            "de website."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3c",
                        titel=("Aandachtspunt: adres op ondermandaat – geen privé adres!"),
                        notulen=(
                            "- Er wordt nogmaals benadrukt dat er geen privé adres moet worden "
                            "ingevuld op de ondermandaten maar altijd het hoofdadres van de "
                            "organisatie."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3d",
                        titel=(
                            "Aanwezigheid cliënt tijdens ondersteuning – suggestie: opnemen in OP"
                        ),
                        notulen=(
                            "- Er zijn vragen gesteld over de noodzaak van de aanwezigheid van "
                            "de client tijdens de ondersteuning. Hier is geen beleid op "
                            "gemaakt door de SDD, maar het is wat de SDD betreft prima om hier "
                            "iets over op te nemen in de beschikking (OP). Hier kan de client "
                            "dan altijd op worden aangesproken."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3e",
                        titel=("Interne communicatie zorgaanbieder n.a.v. gemaakt afspraken FOT"),
                        notulen=(
                            "- Met name de eerste maanden van dit jaar is gebleken dat de "
                            "veranderingen rondom de nieuwe werkwijze HO niet bij alle "
                            "aanbieders op de juiste plek in de organisatie terecht is "
                            "gekomen. De veranderingen zijn groot, dus het is ook "
                            "begrijpelijk. Er wordt aandacht gevraagd voor de noodzaak om "
                            "informatie goed in de organisatie te delen met afdelingen/ teams "
                            "waarvoor dit relevant is."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3f",
                        titel="Ontwikkeling SLA HO in 2025",
                        notulen=(
                            "- Kwaliteitsafspraken worden dit jaar nader gedefinieerd en "
                            "ontwikkeld. Deze zullen in de kern lijken op de SLA in het vorige "
                            "contract. Een voorbeeld zal alvast gedeeld worden zodat ook nieuw "
                            "gecontracteerde aanbieders hiervan kennis kunnen nemen.\n"
                            "- Het onderwerp SLA wordt geagendeerd voor de volgende FOT in "
                            "juli."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3g",
                        titel=("Parkeerkosten en reiskosten: niet bij klanten in rekening brengen"),
                        notulen=(
                            "- Voor zover daar misverstanden over bestaan: parkeerkosten en "
                            "reiskosten kunnen niet in rekening worden gebracht bij de klant. "
                            "De reiskosten zijn verdisconteerd in het tarief."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3h",
                        titel="Cliëntenstop",
                        notulen=(
                            "- De SDD merkt dat een clientenstop soms zonder overleg met de "
                            "SDD wordt ingevoerd. Het is begrijpelijk dat dit in de huidige "
                            "arbeidsmarkt soms nodig is, maar het moet altijd een tijdelijk "
                            "karakter hebben. Een clientenstop wordt altijd in samenspraak met "
                            "de SDD bepaald waarbij ook besproken zal worden welke maatregelen "
                            "getroffen worden om de clientenstop tot een minimum te beperken."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3i",
                        titel="Wijzigingen cao vvt per juli 2025 en per juli 2026",
                        notulen=(
                            "- Begin deze maand is een akkoord bereikt over de cao vvt. Deze "
                            "is nog niet door de achterban geaccordeerd. Er komen naar "
                            "verwachting twee loonsverhogingen: in juli 2025 en in juli 2026. "
                            "Contractueel is bepaald dat deze zo spoedig mogelijk worden "
                            "verwerkt in de HO tarieven. Hopelijk is tijdig een nieuwe "
                            "rekentool van Berenschot beschikbaar, zodat de tarieven voor 1 "
                            "juli as. kunnen worden berekend. Aanbieders zullen hierover per "
                            "e-mail worden geïnformeerd."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="3j",
                        titel="Communicatie – overzicht contactpersonen SDD",
                        notulen=(
                            "- Na afronding van het inkoopproces kwamen nog steeds veel vragen "
                            "richting Inkoop. Er is een overzicht gemaakt van welke "
                            "contactpersoon/afdeling per onderwerp kan worden benaderd. Dit "
                            "overzicht wordt met het delen van de afspraken meegestuurd."
                        ),
                        soort="mededelingen",
                    ),
                ),
            ),
            Agendapunt(
                nummer="4",
                titel="Ervaringen uitwisselen nieuwe bandbreedtesysteem HO",
                subpunten=(
                    Agendapunt(
                        nummer="4a",
                        titel="Stroomschema indicatieproces HO (zie bijlage I)",
                        notulen=(
                            "- Stroomschema is doorgenomen en toegelicht.\n"
                            "- Er zaten aanvankelijk wat hickups in het proces. Dit zat 'm "
                            "vooral in het moment van uploaden van het ondersteuningsplan door "
                            "de aanbieder, waarbij er geen signaal binnenkwam bij de SDD. Dit "
                            "is inmiddels opgelost. Het enige waar nog tegenaan wordt gelopen "
                            "is dat het OP regelmatig niet volledig is. Niet volledig = geen "
                            "beschikking. Dit betekent een grote uitzoekklus. Het gaat dan "
                            "bijvoorbeeld om verkeerde data in het ondersteuningsplan.\n"
                            "- Omdat het ondersteuningsplan ook de beschikking is (dus een "
                            "formeel document) is correcte vermelding van de data op "
                            "OP/beschikking van groot belang.\n"
                            "- Er is een procesbeschrijving van het indicatie proces opgesteld "
                            "“Route HO-proces in bandbreedte”. Hierin staat wat er precies "
                            "verwacht wordt, welke data van belang zijn, wat moet worden "
                            "gecommuniceerd in de beschikking. Dit proces wordt op korte "
                            "termijn gedeeld met contactpersonen FOT HO, maar separaat ook met "
                            "medewerkers van de uitvoering.\n"
                            "- Door aanbieders wordt aangegeven dat regelmatig data in het "
                            "onderzoeksverslag ontbreken. Het format onderzoeksverslag is al "
                            'aangepast hierop. Het betreft nu een "harde" vraag die ingevuld '
                            "moet worden door de consulent.\n"
                            "- Er wordt door de SDD een oproep gedaan om het vooral te laten "
                            "weten waar men nog tegenaan loopt, zodat het proces verder "
                            "verbeterd kan worden.\n"
                            "- Als er noodzakelijke stukken ontbreken, kan het niet door de "
                            "SDD worden geëxporteerd. Als de kortdurende indicatie dan is "
                            "verlopen, dan zorgt dit voor problemen. Bij het uploaden van de "
                            "beschikking <6 weken wordt de lange beschikking aansluitend op "
                            "afsluiting korte beschikking afgegeven of zoveel eerder als "
                            "mogelijk is.\n"
                            "- Advies is om bij problemen in het berichtenverkeer contact op "
                            "te nemen met de Verdergroep.\n"
                            "- Verzenddatum beschikking mag in de toekomst liggen, maar zo "
                            "kort mogelijk op datum van de daadwerkelijke verzending. Vanaf "
                            "deze datum gaat namelijk de bezwaartermijn lopen voor de klant.\n"
                            "- Er is een aantal klanten gesproken die dachten dat er al "
                            "geleverd werd binnen de kortdurende indicatie. Men vraagt zich af "
                            "of dit duidelijk in de brief staat? SDD gaat de tekst nogmaals "
                            "kritisch doornemen t.b.v. het managen van verwachtingen bij "
                            "klanten."
                        ),
                    ),
                    Agendapunt(
                        nummer="4b",
                        titel="Normenkader i.r.t. bandbreedtes",
                        notulen=(
                            "Ervaringen gebruik normenkader\n"
                            "- Aanbieder geeft aan dat wanneer het normenkader strikt wordt "
                            "aangehouden, het vaak niet overeen komt met de bandbreedte die de "
                            "consulent heeft vastgesteld. De consulenten doen de berekening "
                            "anders dan aanbieders. Er wordt afgesproken om in kleiner comité "
                            "hierover door te praten op basis van signalen op klantniveau die "
                            "per email kunnen worden doorgegeven bij CM SDD: "
                            "contractmanagement@drechtsteden.nl. Vooralsnog wordt dit gemeld "
                            "door Lelie, Aafje en Vlijtig Liesje. Zij zullen zich melden bij "
                            "CM.\n\n"
                            "Bijgestelde normtijden wasverzorging normenkader\n"
                            "- Het inkoopmodel is gebaseerd op het HHM-normenkader met "
                            "uitzondering op het onderdeel wasvoorziening. Dit was toen nog "
                            "niet vastgesteld door de Centrale Raad. Afgelopen januari heeft "
                            "de Centrale Raad met enkele kleine aanpassingen het normenkader "
                            "op dit onderdeel goedgekeurd. Voor nu voert de SDD geen "
                            "wijzigingen door op dit onderdeel in het model. Komende tijd zal "
                            "de SDD bezien of en zo ja hoe dit aangepast moet gaan worden. "
                            "Waarschijnlijk kan hier bij de volgende FOT HO in juli iets over "
                            "worden gedeeld."
                        ),
                    ),
                    Agendapunt(
                        nummer="4c",
                        titel="Beschikkingen",
                        subpunten=(
                            Agendapunt(
                                nummer="4c-i",
                                titel=(
                                    "Intrekken oude beschikking bij nieuwe beschikking - "
                                    "aanpassing format OP/ indicatie"
                                ),
                                notulen=(
                                    "- Wanneer bij een herindicatie de bandbreedte wijzigt, is "
                                    "het nodig dat de klant op de hoogte wordt gesteld van de "
                                    "nieuwe beschikking. Bij het afgeven van een nieuwe "
                                    "beschikking is het voor de rechtszekerheid noodzakelijk "
                                    "dat het oude besluit wordt ingetrokken. Dit kan door het "
                                    "opnemen van een zin: “Met dit (nieuwe) besluit komt een "
                                    "eventueel voorgaand besluit te vervallen.” Het format OP "
                                    "zal door de SDD worden aangepast en worden gedeeld.\n"
                                    "- Op dit moment zijn nog ongeveer 200 toewijzingen – door "
                                    "verschillende oorzaken – niet omgezet. Er wordt door de "
                                    "SDD hard aan gewerkt om dit zo snel mogelijk in orde te "
                                    "maken. Het verzoek is om bij twijfel (nogmaals) een lijst "
                                    "aan te leveren bij Contractmanagement "
                                    "(contractmanagement@drechtsteden.nl). Vermeld daarop wat "
                                    "bij de nieuwe toewijzing het aantal minuten per week is "
                                    "en of er sprake is van was/strijk."
                                ),
                            ),
                            Agendapunt(
                                nummer="4c-ii",
                                titel=("Brief SDD bij beschikkingen bij aflopende herindicaties"),
                                notulen=(
                                    "- Wanneer een indicatie afloopt wordt de klant daar 6 "
                                    "weken van tevoren op geattendeerd d.m.v. een brief met "
                                    "hierin het verzoek contact op te nemen met de SDD. Als er "
                                    "qua inhoud niets wijzigt zal de SDD de beschikking "
                                    "verlengen en opsturen naar de klant. Er hoeft in dat "
                                    "geval geen nieuw ondersteuningsplan te worden opgesteld. "
                                    "Als dit voor de einddatum van de aflopende indicatie "
                                    "gedaan kan worden hoeft er geen nieuw besluit te worden "
                                    "geëxporteerd maar wordt de einddatum van de aflopende "
                                    "toewijzing aangepast."
                                ),
                            ),
                        ),
                    ),
                    Agendapunt(
                        nummer="4d",
                        titel="Ondertekening OP door cliënt niet noodzakelijk",
                        notulen=(
                            "- Het ondersteuningsplan/indicatie Is een besluit i.h.k.v. "
                            "bestuursrecht. Hier hoeft de klant geen akkoord op te geven. "
                            "Ondertekening van het ondersteuningsplan is daarom niet nodig. Is "
                            "de klant niet akkoord, dan kan de klant bezwaar aantekenen. "
                            "E.e.a. zal nogmaals ook onder de aandacht van de consulenten "
                            "worden gebracht."
                        ),
                    ),
                    Agendapunt(
                        nummer="4e",
                        titel="Klanten op wachtlijst 2024",
                        notulen=(
                            "- Klanten op de wachtlijst 2024 kunnen niet administratief worden "
                            "omgezet. Bij betreffende klanten wil de SDD eerst de bandbreedte "
                            "bepalen. Een oproep aan de aanbieders is om in die gevallen niet "
                            "op huisbezoek te gaan voordat de bandbreedte door de SDD is "
                            "afgegeven. Neem in betreffend geval contact op met de Wmo. "
                            "Ditzelfde geldt wanneer er al een indicatie is afgegeven in 2024 "
                            "op basis van het vorige systeem, maar waarvoor nog geen "
                            "aanmelding zorg is gedaan (de ondersteuning is nog niet gestart). "
                            "Oproep om - als deze klanten aan de beurt zijn - contact op te "
                            "nemen met de Wmo afdeling en pas op huisbezoek te gaan als de "
                            "kortdurende beschikking binnen is met de toegekende bandbreedte."
                        ),
                    ),
                    Agendapunt(
                        nummer="4f",
                        titel="Wekelijks digitaal vragenuurtje",
                        notulen=(
                            "- Er wordt veel gebruik gemaakt van het wekelijkse vragenuurtje. "
                            "Aanbieders verzoeken om deze Teams meetings op te nemen, zodat ze "
                            "eventueel later teruggekeken kunnen worden door medewerkers die "
                            "niet aanwezig kunnen zijn."
                        ),
                    ),
                ),
            ),
            Agendapunt(
                nummer="5",
                titel="Ontwikkelingen was- en strijkservice regio",
                notulen=(
                    "Op dit moment zijn er 2 was- en strijkservices in de regio: van Werkvisie "
                    "De Hoop en van Drechtwerk Actief. Deze hebben allebei nog capaciteit "
                    "over. Er wordt nog gekeken naar een redelijk aantal minuten die in "
                    "mindering kan worden gebracht op de indicatie. Binnenkort wordt gestart "
                    "met HO-cliënten uit Alblasserdam, Dordrecht en Zwijndrecht (Sliedrecht en "
                    "Hardinxveld-Giessendam nog niet) die nu nog was- en strijk hebben in de "
                    "thuissituatie. Deze cliënten zullen worden overgeheveld naar de was- en "
                    "strijkservice. Het heeft de voorkeur om met die cliënten te beginnen die "
                    "binnen dezelfde bandbreedte zullen blijven wanneer de was/strijk uit de "
                    "indicatie gehaald wordt. In de loop van het jaar wordt het dan verder "
                    "uitgerold. Er wordt nog gekeken naar het openen van een was- en "
                    "strijkservice in Sliedrecht en Hardinxveld. Dat heeft nog wat tijd nodig."
                ),
            ),
            Agendapunt(
                nummer="6",
                titel="Samenvatting afspraken en vervolgacties",
                soort="samenvatting",
            ),
            Agendapunt(
                nummer="7",
                titel="Rondvraag",
                notulen=(
                    "- Oproep vanuit een aanbieder aan andere aanbieders om de rekentool in te "
                    "vullen als hier uitvraag voor wordt gedaan door de SDD.\n"
                    "- Poetszorg geeft aan veel ruimte te hebben voor nieuwe klanten (kan "
                    "eventueel klanten overnemen van de wachtlijst van andere aanbieders).\n"
                    "- Powerful Ageing: er zijn de afgelopen maanden 3 moties ingediend bij "
                    "verschillende gemeenteraden. Het Algemeen Bestuur van de GR Sociaal heeft "
                    "n.a.v. de moties besloten om het verplichte karakter van het Powerful "
                    "Ageing programma te stoppen en te starten met een nieuwe pilot "
                    "Herstelgerichte ondersteuning. Het grote verschil is dat in de vernieuwde "
                    "pilot twee opties worden aangeboden waaruit de inwoner kan kiezen. De "
                    "pilot herstelgerichte ondersteuning wordt op vrijwillige basis "
                    "aangeboden, waarbij de deelnemers zelf kunnen kiezen welke onderdelen van "
                    "het programma ze willen volgen. Huishoudelijke ondersteuning en "
                    "herstelgerichte ondersteuning kunnen hierdoor in instantie naast elkaar "
                    "lopen. Na 14 weken moet de deelnemer een keuze maken."
                ),
                soort="rondvraag",
            ),
            Agendapunt(nummer="8", titel="Afsluiting", soort="sluiting"),
        ),
        acties=(
            Actiepunt(
                nummer="1",
                tekst=(
                    "Kwaliteitsafspraken t.b.v. SLA worden dit jaar nader gedefinieerd en "
                    "ontwikkeld. Een voorbeeld zal reeds door CM SDD gedeeld worden, zodat "
                    "nieuw gecontracteerde aanbieders hiervan kennis kunnen nemen."
                ),
                eigenaar_organisatie="SDD",
                volgende_vergadering=True,  # interpretation: 3f: 'SLA wordt geagendeerd voor de volgende FOT in juli'
                agendapunt="3f",
            ),
            Actiepunt(
                nummer="2",
                tekst=(
                    "Een evt. clientenstop altijd in samenspraak met CM SDD "
                    "(contractmanagement@drechtsteden.nl)."
                ),
                eigenaar_organisatie="Aanbieders",  # interpretation: providers must agree a client stop with CM SDD beforehand
                agendapunt="3h",
            ),
            Actiepunt(
                nummer="3",
                tekst=(
                    "Aanbieders zullen, wanneer cao wijzigingen formeel zijn vastgesteld, per "
                    "e-mail worden geïnformeerd door CM SDD over aanpassing van de tarieven."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="3i",
            ),
            Actiepunt(
                nummer="4",
                tekst="Overzicht contactpersonen SDD wordt per email gedeeld.",
                eigenaar_organisatie="SDD",
                agendapunt="3j",
            ),
            Actiepunt(
                nummer="5",
                tekst=(
                    "Procesbeschrijving indicatie proces opgesteld “Route HO-proces in "
                    "bandbreedte” wordt door de SDD gedeeld via email met de contactpersonen "
                    "van de FOT HO en separaat met medewerkers van de uitvoering."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4a",
            ),
            Actiepunt(
                nummer="6",
                tekst=(
                    "Het communicatiebericht naar klanten m.b.t. de kortdurende indicatie zal "
                    "door de SDD onder de loep worden genomen t.b.v. het managen van "
                    "verwachtingen (tijdens kortdurende indicatie wordt nog geen HO geleverd)."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4a",
            ),
            Actiepunt(
                nummer="7",
                tekst=(
                    "Meld je bij CM SDD wanneer er problemen worden ervaren m.b.t. de "
                    "afgegeven bandbreedte en de berekende minuten volgens het normenkader. "
                    "Geef hierbij informatie op klantniveau door."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="4b",
            ),
            Actiepunt(
                nummer="8",
                tekst=(
                    "In het format ondersteuningsplan/beschikking zal een zin toegevoegd "
                    "worden m.b.t. het evt. intrekken van een voorgaand besluit. Het "
                    "aangepaste format OP/beschikking zal worden gedeeld met aanbieders."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4c-i",
            ),
            Actiepunt(
                nummer="9",
                tekst=(
                    "Klanten op de wachtlijst die geïndiceerd zijn volgens het oude systeem en "
                    "die nog geen bandbreedte toegekend hebben gekregen, dienen door "
                    "aanbieders bij de Wmo in een overzicht aangeleverd te worden (in bulk "
                    "indien mogelijk). Aanbieders worden gevraagd om niet op huisbezoek te "
                    "gaan als er nog geen bandbreedte is bepaald door de Wmo."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="4e",
            ),
            Actiepunt(
                nummer="10",
                tekst=(
                    "Het wekelijkse vragenuurtje zal in het vervolg worden opgenomen via "
                    "Teams, zodat dit teruggekeken kan worden."
                ),
                eigenaar_organisatie="SDD",  # interpretation: the SDD hosts the weekly question hour
                agendapunt="4f",
            ),
            Actiepunt(
                nummer="11",
                tekst=(
                    "De was- en strijkservice zal op korte termijn worden uitgerold voor "
                    "HO-klanten uit Alblasserdam, Zwijndrecht en Dordrecht die nu was/strijk "
                    "in de indicatie hebben, maar waarbij het eruit halen geen effect heeft op "
                    "de bandbreedte. In de loop van 2025 wordt het verder uitgerold."
                ),
                eigenaar_organisatie="SDD",  # interpretation: not stated; the SDD moves clients to the laundry service (item 5)
                agendapunt="5",
            ),
        ),
    ),
    Vergadering(
        bron="002_8d42bb7ecdece775.txt",
        tafel="Begeleiding",
        datum=date(2025, 7, 17),
        begintijd=time(14, 0),  # interpretation: '14.00 - 16.00 uur (inloop vanaf 13.45 uur)'
        eindtijd=time(16, 0),
        locatie=("Conferentieruimte Bedrijfsvoering Drechtsteden, Noordendijk 248 Dordrecht"),
        online=False,
        voorzitter="Ilse Greive",
        notulist="",
        opname_toestemming=None,
        deelnemers=(
            Deelnemer(
                organisatie="SDD",  # interpretation: organisation not stated; she chairs the SDD table
                naam="Ilse Greive",
                rol="voorzitter",
            ),
        ),
        agenda=(
            Agendapunt(nummer="1", titel="Opening", soort="opening"),
            Agendapunt(
                nummer="2",
                titel="Mededelingen",
                soort="mededelingen",
                subpunten=(
                    Agendapunt(
                        nummer="2a",
                        titel="Wisselingen/wijzigingen deelnemers FOT Begeleiding",
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="2b",
                        titel="Planning",
                        soort="mededelingen",
                        subpunten=(
                            Agendapunt(
                                nummer="2b-i",
                                titel=(
                                    "Start inkoopprocedure IB (publicatie docs) wordt uitgesteld"
                                ),
                                notulen=(
                                    "De start van de inkoopprocedure IB wordt uitgesteld. "
                                    "Eerder dit jaar is er een conceptplanning gedeeld met de "
                                    "aanbieders, waarin publicatie in oktober was voorzien. Om "
                                    "echter voldoende tijd te hebben voor een zorgvuldige "
                                    "uitwerking en afstemming met aanbieders, is besloten deze "
                                    "planning door te schuiven. Publicatie zal op z’n vroegst "
                                    "in januari 2026 plaatsvinden. Dit geeft ruimte om het "
                                    "proces zorgvuldig te doorlopen en voldoende "
                                    "klankbordmomenten met aanbieders in te bouwen. Het "
                                    "streven is om de nieuwe contracten in Q4 2026 i.p.v. "
                                    "1-7-2026 te laten ingaan, zodat er een zorgvuldige "
                                    "implementatie/overgang kan plaatsvinden. Dit jaar zal "
                                    "meer duidelijkheid worden gegeven over de nieuwe planning."
                                ),
                                soort="mededelingen",
                            ),
                            Agendapunt(
                                nummer="2b-ii",
                                titel="Geplande FOT’s okt/dec blijven staan",
                                notulen=(
                                    "De reeds geplande FOT’s in oktober en december blijven "
                                    "vooralsnog staan, tenzij tegen die tijd blijkt dat ze "
                                    "niet nodig zijn."
                                ),
                                soort="mededelingen",
                            ),
                        ),
                    ),
                    Agendapunt(
                        nummer="2c",
                        titel=(
                            "Heroverwegen voorkeur bekostigingsmethodiek – deadline reacties 18/7"
                        ),
                        notulen=(
                            "Tijdens de vorige FOT is gesproken over de voorkeur voor de "
                            "bekostigingsmethodiek. Naar aanleiding van dat overleg is er per "
                            "e-mail een nadere toelichting gestuurd, met het verzoek om de "
                            "eerder uitgesproken voorkeur te heroverwegen. Dit verzoek is "
                            "vanuit contractmanagement verzonden, met als deadline voor "
                            "reacties 18 juli. Voor degenen die nog niet hebben gereageerd, "
                            "wordt verzocht dit uiterlijk 18 juli alsnog te doen."
                        ),
                        soort="mededelingen",
                    ),
                    Agendapunt(
                        nummer="2d",
                        titel="Wachttijden",
                        notulen=(
                            "Zoals wellicht bekend zijn er momenteel achterstanden bij het "
                            "verwerken van nieuwe meldingen en herindicaties voor begeleiding, "
                            "met name voor inwoners van de gemeente Dordrecht. Voor andere "
                            "gemeenten binnen de regio speelt dit probleem momenteel niet. Na "
                            "de zomer wordt extra inzet georganiseerd om deze achterstanden "
                            "weg te werken, met als doel om dit voor het einde van het jaar "
                            "gerealiseerd te hebben. Er wordt gewerkt aan een project waarbij "
                            "circa 250 dossiers worden opgepakt.\n\n"
                            "Ter herinnering: het is toegestaan om bij cliënten te blijven "
                            "doorleveren, ook als de herindicatie nog niet is afgerond. Mocht "
                            "er sprake zijn van een specifieke casus waarbij vragen of "
                            "knelpunten spelen, dan wordt verzocht dit via e-mail aan te "
                            "kaarten via wmovragen@drechtsteden.nl."
                        ),
                        soort="mededelingen",
                    ),
                ),
            ),
            Agendapunt(
                nummer="3",
                titel="Vaststellen notulen vorige FOT (zie bijlage 1)",
                notulen="Vastgesteld zonder wijzigingen.",
                soort="verslag",
            ),
            Agendapunt(
                nummer="4",
                titel="Ontwikkeling nieuwe IB-producten",
                subpunten=(
                    Agendapunt(
                        nummer="4a",
                        titel="Bespreken concept beleidsuitgangspunten (zie bijlage 2)",
                        notulen=(
                            "Tijdens het overleg is het document concept beleidsuitgangspunten "
                            "voor de nieuwe producten IB besproken. Tijdens de vorige FOT is "
                            "gesproken over kostprijzen en vandaag lag de nadruk op de "
                            "inhoudelijke kant van de producten. De volgende stap is het "
                            "koppelen van nieuwe tarieven aan deze producten.\n\n"
                            "De beleidskaders waarbinnen gewerkt wordt, zijn helder: de Wmo "
                            "2015 vormt het wettelijke fundament, met als hoofddoelen het "
                            "bevorderen van zelfredzaamheid en participatie. Deze doelen zijn "
                            "breed geformuleerd en vragen om nadere invulling door gemeenten. "
                            "Die invulling gebeurt via gemeentelijke beleidsplannen, die "
                            "worden vastgesteld door de betreffende gemeenteraad als hoogste "
                            "democratisch orgaan. Binnen het beleidsplan staan drie "
                            "uitgangspunten centraal (zie bijlage 2):\n"
                            "- normaliseren;\n"
                            "- zelfredzaamheid en participatie;\n"
                            "- Wmo naar de voorkant.\n"
                            "Deze uitgangspunten zullen de basis worden voor de inkoop van Wmo "
                            "IB.\n\n"
                            "In het nieuwe contract zal de focus blijven liggen op het behalen "
                            "van resultaten en effecten, ook al is de financiering niet direct "
                            "gekoppeld aan resultaatsturing. Vanuit de rechtspraak geldt de "
                            "eis dat de normering van producten objectief onderbouwd moet "
                            "zijn. Hiervoor wordt gebruikgemaakt van het normenkader van "
                            "Bureau HHM, dat inmiddels is ontvangen. Vanwege eigendomsrechten "
                            "kan dit document op dit moment (nog) niet gedeeld worden met "
                            "aanbieders. Er is een vraag uitgezet bij HHM om te verhelderen "
                            "of, en zo ja in welke vorm, het normenkader gedeeld mag worden "
                            "met aanbieders. In afwachting daarvan wordt bekeken of de "
                            "producten ook zonder dit document voldoende logisch en navolgbaar "
                            "zijn voor aanbieders.\n\n"
                            "Het proces om tot een passende productindeling te komen is "
                            "zorgvuldig opgebouwd. Er wordt gewerkt met acht blokken, verdeeld "
                            "in ontwikkel- en behoudgerichte profielen. De indeling is "
                            "gebaseerd op factoren, zoals het aantal leefgebieden waarop "
                            "problematiek speelt, de complexiteit van de situatie, motivatie "
                            "van de cliënt, planbaarheid van de ondersteuning en de rol van "
                            "het netwerk. De complexiteit wordt in eerste instantie bepaald "
                            "tijdens het keukentafelgesprek. Dit is echter een momentopname; "
                            "als de inschatting niet klopt, kan dit worden teruggekoppeld en "
                            "bijgesteld. Deze werkwijze wordt nu al gehanteerd en dit zal bij "
                            "het nieuwe contract worden behouden. Het zal dan wel meer "
                            "geobjectiveerd zijn, doordat duidelijker is vanuit welke kaders "
                            "de beoordeling plaatsvindt. Ook wordt gekeken naar de "
                            "planbaarheid van de ondersteuning en speelt de frequentie van de "
                            "benodigde ondersteuning een rol. Extra factoren zoals motivatie, "
                            "risico, zelfinzicht en belastbaarheid worden meegewogen. Als er "
                            "bij de melding al een advies van een zorgaanbieder beschikbaar "
                            "is, wordt dit ook meegenomen in de beoordeling. Al deze elementen "
                            "leiden tot een bruto ondersteuningsvraag, die vervolgens wordt "
                            "afgezet tegen wat het netwerk van de klant kan opvangen. De "
                            "consulent onderbouwt dit in het onderzoeksverslag. Na het "
                            "“plussen en minnen” wordt bepaald of het profiel ontwikkel- of "
                            "behoudgericht is.\n\n"
                            "De SDD vraagt zich af in hoeverre het wenselijk is om te starten "
                            "met een behoudgericht profiel. Wordt hiermee wellicht een signaal "
                            "afgegeven naar cliënten dat er geen voortgang meer mogelijk is? "
                            "Aanbieders geven aan dat het in bepaalde gevallen juist wel "
                            "wenselijk is om direct te starten met een behoudgericht profiel, "
                            "bijvoorbeeld bij cliënten met een langdurige hulpgeschiedenis. "
                            "Een behoudgericht profiel kan pijnlijk zijn, maar het kan ook "
                            "juist duidelijkheid en rust bieden. Er wordt benadrukt dat het "
                            "belangrijk is om ruimte te houden voor maatwerk.\n\n"
                            "Ook is het idee besproken om lichte indicaties wellicht voor de "
                            "gehele looptijd voor te financieren. Dit zou aanbieders de ruimte "
                            "en flexibiliteit geven om ondersteuning in te zetten wanneer "
                            "nodig.\n\n"
                            "Het idee is om zware indicaties in principe voor 6 maanden af te "
                            "geven, met mogelijkheid tot verlenging. Aanbieders gaven aan dat "
                            "dit soms te kort is, zeker bij complexe GGZ-problematiek of lange "
                            "wachtlijsten (bij beschermd wonen of GGZ behandeling). Er werd "
                            "geopperd dat een jaar realistischer zou zijn.\n\n"
                            "Er is behoefte aan flexibiliteit, bijvoorbeeld bij cliënten met "
                            "suïcidaliteit of bij langdurige wachttijd tot behandeling, "
                            "waarbij intensieve ondersteuning over langere tijd nodig is. Dit "
                            "roept vragen op over de verhouding tussen directe en indirecte "
                            "tijd, ook bij toeleiding naar de Wlz. Aanbieders pleitten voor "
                            "een apart product of tariefcomponent voor deze overgangsfase, "
                            "waarin veel indirecte tijd nodig is bij het aanvragen van een Wlz "
                            "indicatie. De SDD neemt dit mee in de overwegingen.\n\n"
                            "Aanbieders beamen dat overnemen in veel gevallen juist minder "
                            "tijd kost dan aanleren. Het is opmerkelijk dat dit in het "
                            "normenkader niet naar voren komt. Vanuit onze eigen observatie "
                            "kan dit wel worden meegenomen in de nieuwe contractering.\n\n"
                            "Het valt op dat in het normenkader in het behoudgerichte profiel "
                            "het onderdeel “motivatie” niet is meegenomen. De SDD zal hierover "
                            "navraag doen bij HHM – de makers van het normenkader.\n\n"
                            "Verder werd opgemerkt dat in het document met "
                            "beleidsuitgangspunten het voorliggend veld weinig expliciet wordt "
                            "genoemd. Aanbieders hebben de oproep gedaan om dit sterker te "
                            "formuleren. Hier zal de SDD nog een check op doen en eventueel "
                            "aanpassen. Ook is gevraagd om verduidelijking van de definities "
                            "“meestal” en “vaak planbaar”.\n\n"
                            "Tot slot is door de SDD aangegeven dat reistijd zal worden "
                            "verdisconteerd in het tarief via de rekentool. Diagnostiek valt "
                            "in principe niet onder de Wmo valt, maar onder de "
                            "zorgverzekering. De wens is om te komen tot een systeem van "
                            "passend beschikken, met duidelijke doelen, regelmatige evaluaties "
                            "en scherpere monitoring van effecten."
                        ),
                    ),
                    Agendapunt(
                        nummer="4b",
                        titel="Bespreken proces en toegang (zie bijlage 3)",
                        notulen=(
                            "Tijdens de FOT is het conceptdocument over het proces van toegang "
                            "en doorstroom binnen de Individuele Begeleiding gezamenlijk "
                            "doorgenomen. Een belangrijk aandachtspunt is de rechtmatige "
                            "omzetting van bestaande cliënten naar het nieuwe systeem. Dit "
                            "betreft circa 2.000 cliënten, wat vraagt om een zorgvuldige "
                            "implementatie-/overgangsperiode.\n\n"
                            "Er zijn meerdere vragen en aandachtspunten besproken met "
                            "zorgaanbieders. Zo werd gevraagd hoe flexibiliteit behouden kan "
                            "blijven als de consulent het aantal minuten ondersteuning "
                            "bepaalt, en hoe dit zich verhoudt tot de afrekensystematiek "
                            "(arrangement of p*q).\n\n"
                            "De indicatie betreft alleen directe tijd, gebaseerd op het "
                            "normenkader, berekend door de consulent. Het vermelden van een "
                            "aantal minuten/tijdseenheid ondersteuning op de beschikking is "
                            "van belang in verband met de rechtszekerheid voor cliënt. "
                            "Aanbieders geven aan dat het benoemen van minuten per week te "
                            "weinig ruimte laat voor flexibiliteit. Een maandelijkse "
                            "tijdseenheid werd als mogelijk alternatief genoemd. Een kwartaal "
                            "leek bij aanbieders de voorkeur te hebben, gezien dit de meeste "
                            "flexibiliteit biedt qua inzet van de ondersteuning. Echter brengt "
                            "dit wellicht wel hogere administratieve lasten mee voor "
                            "aanbieders, omdat nauwkeurig moet worden bijgehouden en "
                            "gemonitord door de aanbieder hoeveel ondersteuning wordt "
                            "geleverd.\n\n"
                            "De SDD is benieuwd of in de eerste fase van ondersteuning "
                            "intensievere inzet nodig is dan later in het traject, en hoe dit "
                            "flexibel kan worden ingericht. Aanbieders beamen dat de eerste "
                            "fase van ondersteuning inderdaad vaak meer inzet vraagt. Door in "
                            "het begin al te investeren in de relatie en het opbouwen van "
                            "vertrouwen, kan uiteindelijk naar verwachting sneller worden "
                            "afgeschaald.\n\n"
                            "In het kader van passend beschikken wil de SDD ernaartoe dat de "
                            "einddatum van de beschikking ook daadwerkelijk het einde van de "
                            "ondersteuning markeert. Alleen bij een nieuwe melding kan dan een "
                            "vervolg worden ingezet. Dit vraagt om aanpassing van de "
                            "verordeningen en afstemming met de gemeenteraden in de regio. "
                            "Verschillen tussen gemeenten kunnen ontstaan, afhankelijk van hoe "
                            "de verordening wordt aangepast, bijvoorbeeld over wie het "
                            "initiatief neemt voor een herindicatie: de aanbieder of de "
                            "gemeente. Er werd gesuggereerd om aanbieders tijdig te herinneren "
                            "aan het aflopen van een beschikking, bijvoorbeeld via een signaal "
                            "uit het systeem. Robotisering van dit proces heeft de voorkeur en "
                            "wordt momenteel onderzocht door de SDD.\n\n"
                            "Verder is gesproken over evaluaties. Er is gepleit voor "
                            "flexibiliteit in de vorm van het ondersteuningsplan en de "
                            "evaluatie: geen vast format, maar wel duidelijke inhoudelijke "
                            "eisen. Dit zorgt voor minder administratieve lasten bij de "
                            "aanbieders. Evaluaties zullen tijdig moeten worden aangeleverd, "
                            "bij voorkeur enkele weken voor het geplande evaluatiemoment. De "
                            "evaluatie moet gebaseerd zijn op leefgebieden en doelen, en kan – "
                            "afhankelijk van de situatie – ook telefonisch plaatsvinden. Wel "
                            "moet er altijd iets schriftelijk beschikbaar zijn. Mocht er "
                            "voorkeur zijn vanuit aanbieder of cliënt om de evaluatie fysiek "
                            "te doen, kan dit altijd worden aangegeven bij de consulent. "
                            "Aanbieders benadrukken dat de evaluatie niet alleen moet worden "
                            "aangeleverd, maar ook daadwerkelijk moet worden opgepakt door de "
                            "consulent. Dit zal expliciet worden opgenomen in het werkproces "
                            "van de Wmo. De standaardfrequentie voor evaluaties is één à twee "
                            "keer per jaar, maar dit kan in bepaalde situaties maatwerk zijn. "
                            "Aanbieders hebben de wens uitgesproken om voor de "
                            "evaluatiemomenten zoveel mogelijk een standaard termijn te "
                            "hanteren."
                        ),
                    ),
                ),
            ),
            Agendapunt(
                nummer="5",
                titel="Samenvatting afspraken, vervolgacties en planning",
                soort="samenvatting",
            ),
            Agendapunt(nummer="6", titel="Rondvraag", soort="rondvraag"),
            Agendapunt(nummer="7", titel="Afsluiting", soort="sluiting"),
        ),
        acties=(
            Actiepunt(
                nummer="a",
                tekst=(
                    "Wmo-wachttijden: voor problemen in specifieke casussen rondom de "
                    "wachttijden wordt aanbieders verzocht deze te melden via "
                    "wmovragen@drechtsteden.nl, zodat gericht actie kan worden ondernomen."
                ),
                eigenaar_organisatie="Aanbieders",
                agendapunt="2d",
            ),
            Actiepunt(
                nummer="b",
                tekst=(
                    "Product toeleiding Wlz: n.a.v. opmerkingen van aanbieders wordt "
                    "onderzocht of het mogelijk is om een apart product of tariefcomponent op "
                    "te nemen voor toeleiding naar de Wlz. Dit wordt meegenomen in de verdere "
                    "uitwerking van de nieuwe producten."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4a",
            ),
            Actiepunt(
                nummer="c-i",
                # interpretation: heading 'c. Normenkader:' of the sub-list put in front of each item
                tekst=(
                    "Normenkader: Behoudgerichte profielen: in het HHM normenkader is "
                    "motivatie niet expliciet meegenomen in de weging van behoudgerichte "
                    "profielen. De SDD doet navraag bij HHM hierover."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4a",
            ),
            Actiepunt(
                nummer="c-ii",
                # interpretation: heading 'c. Normenkader:' of the sub-list put in front of each item
                tekst=(
                    "Normenkader: Begrippen in normenkader: er is behoefte aan verduidelijking "
                    "van de termen “planbaar” en “meestal planbaar”. De SDD checkt of het "
                    "normenkader hierover nadere toelichting biedt."
                ),
                eigenaar_organisatie="SDD",
                status="open",  # interpretation: the terms are not defined; HHM is still to be asked
                agendapunt="4a",
                updates=(
                    Update(
                        datum=date(2025, 7, 24),  # interpretation: '24/7' = 24 July 2025
                        tekst=(
                            "24/7: het normenkader definieert de begrippen “planbaar” en "
                            "“meestal planbaar” niet nader. Hierover zal ook bij HHM navraag "
                            "gedaan worden."
                        ),
                    ),
                ),
            ),
            Actiepunt(
                nummer="c-iii",
                # interpretation: heading 'c. Normenkader:' of the sub-list put in front of each item
                tekst=(
                    "Normenkader: Delen van het normenkader: de SDD checkt bij HHM of het "
                    "normenkader gedeeld mag worden met aanbieders."
                ),
                eigenaar_organisatie="SDD",
                status="afgerond",  # interpretation: update of 24/7: the public version may be shared and is sent along
                agendapunt="4a",
                updates=(
                    Update(
                        datum=date(2025, 7, 24),  # interpretation: '24/7' = 24 July 2025
                        tekst=(
                            "24/7: inmiddels is bekend dat er een publieksversie van het "
                            "normenkader gedeeld mag worden met aanbieders. Deze versie wordt "
                            "meegezonden met het verslag."
                        ),
                    ),
                ),
            ),
            Actiepunt(
                nummer="d",
                tekst=(
                    "Format voor evaluatie: de SDD onderzoekt de mogelijkheid om eigen formats "
                    "van aanbieders toe te staan. Er zal een overzicht gemaakt worden met "
                    "verplichte onderdelen. Bij de volgende FOT wordt dit met aanbieders "
                    "gedeeld."
                ),
                eigenaar_organisatie="SDD",
                volgende_vergadering=True,  # interpretation: 'Bij de volgende FOT wordt dit met aanbieders gedeeld'
                agendapunt="4b",
            ),
            Actiepunt(
                nummer="e",
                tekst=(
                    "Signaal herindicatie/evaluatie vanuit de SDD naar aanbieders: de SDD "
                    "onderzoekt de mogelijkheid om aanbieders tijdig te attenderen op het "
                    "aflopen van beschikkingen en evaluatiemomenten."
                ),
                eigenaar_organisatie="SDD",
                agendapunt="4b",
            ),
            Actiepunt(
                nummer="f-i",
                # interpretation: heading 'f. Volgende FOT:' of the sub-list put in front of each item
                tekst=(
                    "Volgende FOT: “bijlage 1: Beleidsuitgangspunten” en “bijlage 2: Proces en "
                    "toegang” worden op basis van bespreking aan de FOT aangepast en de nieuwe "
                    "versies zullen voorafgaand aan de volgende FOT worden gedeeld."
                ),
                eigenaar_organisatie="SDD",
                volgende_vergadering=True,
                agendapunt="4",  # interpretation: covers both documents, discussed under 4a and 4b
            ),
            Actiepunt(
                nummer="f-ii",
                # interpretation: heading 'f. Volgende FOT:' of the sub-list put in front of each item
                tekst=(
                    "Volgende FOT: Als vervolg op de inhoudelijke bespreking van de producten "
                    "zal het onderwerp uurtarief/kostprijs worden geagendeerd."
                ),
                eigenaar_organisatie="SDD",
                volgende_vergadering=True,
                agendapunt="4",  # interpretation: follow-up of the discussion of the products (4a, 4b)
            ),
        ),
    ),
)


def _alle_punten(punten: tuple[Agendapunt, ...]):
    for punt in punten:
        yield punt
        yield from _alle_punten(punt.subpunten)


def controleer() -> list[str]:
    """Return the problems found in ``VERGADERINGEN`` (an empty list when all is well)."""
    problemen: list[str] = []
    vorige: date | None = None
    for v in VERGADERINGEN:
        naam = v.bron or "?"
        if not isinstance(v.datum, date):
            problemen.append(f"{naam}: geen datum")
        elif vorige is not None and v.datum < vorige:
            problemen.append(f"{naam}: VERGADERINGEN staat niet op datumvolgorde")
        if isinstance(v.datum, date):
            vorige = v.datum
        if not v.agenda:
            problemen.append(f"{naam}: geen agendapunten")
        punten = list(_alle_punten(v.agenda))
        nummers = [p.nummer for p in punten]
        for nummer in sorted({n for n in nummers if nummers.count(n) > 1}):
            problemen.append(f"{naam}: agendanummer {nummer!r} komt meer dan eens voor")
        for punt in punten:
            if punt.soort not in SOORTEN:
                problemen.append(
                    f"{naam}: agendapunt {punt.nummer}: onbekende soort {punt.soort!r}"
                )
        actienummers = [a.nummer for a in v.acties]
        for nummer in sorted({n for n in actienummers if actienummers.count(n) > 1}):
            problemen.append(f"{naam}: actienummer {nummer!r} komt meer dan eens voor")
        for actie in v.acties:
            if actie.agendapunt and actie.agendapunt not in nummers:
                problemen.append(
                    f"{naam}: actie {actie.nummer}: agendapunt {actie.agendapunt!r} bestaat niet"
                )
            if actie.status not in STATUSSEN:
                problemen.append(f"{naam}: actie {actie.nummer}: onbekende status {actie.status!r}")
            for update in actie.updates:
                if isinstance(v.datum, date) and update.datum <= v.datum:
                    problemen.append(
                        f"{naam}: actie {actie.nummer}: update van {update.datum} "
                        f"ligt niet na de vergadering ({v.datum})"
                    )
    return problemen
