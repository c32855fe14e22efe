## Site-wide
site-name = Raamwerk
skip-link = Naar de inhoud
copy-button = Kopiëren
copy-done = Gekopieerd.
nav-label = Hoofdmenu
nav-themes = Thema's
lang-switch-label = Taal
lang-switch = English
lang-switch-title = Deze pagina in het Engels
footer-edition = Editie { $version }
footer-privacy = Geen tracking en geen verzoeken aan andere sites; alleen je taalkeuze wordt in een cookie onthouden.
statements-count = { $n ->
    [one] 1 uitspraak
   *[other] { $n } uitspraken
}

## Home
home-title = Loopbaanbegeleiding: wat doe je, wat weet je, en wie doet wat?
home-intro = Het raamwerk beschrijft wat professionals in het onderwijs doen en weten om jongeren te begeleiden bij hun keuzes voor opleiding en werk. Het onderscheidt drie rollen en vier aandachtsgebieden, met per rol taken en deskundigheid.
home-app = Op deze site lees je het raamwerk per rol en per aandachtsgebied, en zie je hoe een thema in de verschillende rollen terugkomt, telkens met een andere diepgang. Alles is ook in het Engels te lezen.
home-start-scan = Doe de zelfscan
home-start-sign-in = Inloggen met je school
home-ambition-heading = De lat ligt bewust hoog
home-ambition = Niemand doet alles wat hier staat, en dat hoeft ook niet. Het raamwerk laat zien wat goede loopbaanbegeleiding kan vragen, zodat een team kan bepalen waar het nu staat en waar het naartoe wil.
home-conversation-heading = Een hulpmiddel voor het gesprek
home-conversation = Het raamwerk is geen afvinklijst en geen beoordelingsinstrument. Gebruik het om met collega's te bespreken wat je al doet, wat je wilt ontwikkelen en wie in de school wat oppakt.
home-roles-heading = Drie rollen
home-roles-intro = Eén persoon kan meerdere rollen tegelijk hebben. De verdeling is een voorbeeld, geen blauwdruk: een school kan taken anders beleggen.
home-themes-heading = Thema's over de rollen heen
home-themes-intro = Hetzelfde onderwerp vraagt van een mentor iets anders dan van een decaan of een beleidsmaker. Op de themapagina's staan de rollen naast elkaar.
home-themes-link = Bekijk alle thema's
home-edition-heading = Over deze editie

## Role pages
role-areas-nav = Aandachtsgebieden
role-all-areas = Alle aandachtsgebieden
role-other-roles = Andere rollen
role-ambition-note = De lat ligt bewust hoog: dit is geen afvinklijst, maar een vertrekpunt voor het gesprek over wat je al doet en wat je wilt ontwikkelen.
role-quick-scan = Doe de zelfscan als { $role }, zonder account
kind-task-heading = Taken (rolbeschrijving)
kind-expertise-heading = Deskundigheid
statement-theme = Thema
depth-label = Diepgang
depth-1 = basis
depth-2 = verdieping
depth-3 = sturing

## Themes
themes-title = Thema's
themes-intro = Een thema is een onderwerp dat in meerdere rollen terugkomt. De diepgang verschilt: de begeleider kent en gebruikt het in het eigen werk (basis), de specialist verdiept zich erin en deelt het (verdieping), de coördinator stuurt erop en maakt het zichtbaar in de school (sturing).
theme-roles = Komt terug bij
theme-not-in-role = Dit thema komt in deze rol niet voor.
themes-back = Alle thema's

## Errors
not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet. Controleer het adres, of begin op de startpagina.
error-title = Er ging iets mis
error-text = Er ging iets mis aan onze kant. Er is niets veranderd; probeer het over een ogenblik opnieuw.
error-home = Naar de startpagina

## Signing in
nav-sign-in = Inloggen
form-error-heading = Er is iets niet in orde
sign-in-title = Inloggen
sign-in-intro = Log in met het e-mailadres en het wachtwoord van je account.
email-label = E-mailadres
password-label = Wachtwoord
sign-in-button = Inloggen
sign-in-failed = Dit e-mailadres en dit wachtwoord horen niet bij elkaar. Controleer ze, of vraag je schoolbeheerder om een nieuwe link om een wachtwoord in te stellen.
password-set-notice = Je wachtwoord is ingesteld. Je kunt nu inloggen.
set-password-title = Wachtwoord instellen
set-password-intro = Welkom, { $name }. Kies een wachtwoord voor je account.
new-password-label = Nieuw wachtwoord
repeat-password-label = Herhaal het wachtwoord
password-hint = Ten minste 12 tekens. Een zin van een paar gewone woorden die niet bij elkaar horen is sterk en goed te onthouden.
set-password-button = Wachtwoord instellen
link-gone-title = Deze link werkt niet meer
link-gone-text = De link is al gebruikt of verlopen. Vraag je schoolbeheerder om een nieuwe.
account-title = Je account
account-email = E-mailadres
account-schools = Je scholen
account-no-schools = Je hoort nog bij geen enkele school.
account-school = School
account-permission = Bevoegdheid
account-roles = Rollen in het raamwerk
account-no-roles = nog niet gekozen
sign-out-button = Uitloggen
account-download = Download al je gegevens (JSON)
sign-out-everywhere-button = Overal uitloggen
sign-out-everywhere-hint = Beëindigt je sessies op al je apparaten, bijvoorbeeld als je een computer van school niet hebt afgemeld.

## Privacy
footer-privacy-link = Privacy
privacy-title = Privacy
privacy-intro = Raamwerk bewaart alleen wat nodig is om je te laten werken met het raamwerk, en niets over leerlingen of studenten.
privacy-what-heading = Wat we bewaren
privacy-what-account = Je account: je naam, je e-mailadres en een versleutelde afleiding (hash) van je wachtwoord; je wachtwoord zelf bewaren we nooit.
privacy-what-membership = Per school waar je bij hoort: je bevoegdheid (lid, coördinator of schoolbeheerder) en de rollen in het raamwerk die je hebt.
privacy-what-scans = Je zelfscans: per ronde je keuzes, notities, aandachtsvelden en reflecties. Alleen jij ziet ze; een coördinator ziet alleen of je scan klaar is. Ze worden gewist als je account wordt verwijderd of als je uit een school wordt verwijderd.
privacy-what-sessions = Zolang je bent ingelogd: een sessie met een tijdstip van begin en van je laatste verzoek, onder een afleiding van de code in je cookie.
privacy-what-links = Eenmalige links om een wachtwoord in te stellen: een afleiding van de code, voor wie hij is en wanneer hij verloopt of is gebruikt.
privacy-what-cookies = Twee cookies: je taalkeuze en, als je bent ingelogd, je sessie. Geen andere cookies.
privacy-what-invitations = Uitnodigingen: het e-mailadres dat is uitgenodigd, door wie, met welke bevoegdheid en rollen, en tot wanneer de link werkt. Een uitnodiging aan jouw adres wordt gewist als je account wordt verwijderd.
privacy-what-audit = Het logboek van je school: wie wanneer iemand uitnodigde, een bevoegdheid of rollen wijzigde, deactiveerde of verwijderde, een ronde opende of sloot, het eigen raamwerk of de schaal wijzigde, of een afspraak of uren in wie doet wat veranderde. Alleen de schoolbeheerders van die school zien het.
privacy-what-mail = E-mail: als je school een e-mailserver heeft ingesteld, stuurt Raamwerk uitnodigingen en links voor een nieuw wachtwoord naar je e-mailadres, en niets anders.
privacy-not-heading = Wat we niet doen
privacy-not = Geen tracking, geen advertenties, geen verzoeken aan andere sites en geen gegevens over leerlingen of studenten. Je gegevens gaan niet naar derden.
privacy-why-heading = Waarom
privacy-why = Om je te laten inloggen, je alleen te laten zien wat bij jouw school hoort, en je school te laten afspreken wie wat doet.
privacy-how-long-heading = Hoe lang
privacy-how-long = Een sessie eindigt na 12 uur zonder verzoek, na 14 dagen, bij uitloggen, en als je een nieuw wachtwoord instelt. Een link om een wachtwoord in te stellen werkt 24 uur en één keer (een link van wie de server beheert: 14 dagen); een link die iemand anders voor je maakte, vervalt zodra je inlogt, een wachtwoord instelt of bij een andere school komt. Een uitnodiging werkt 14 dagen en één keer. Regels in het logboek blijven drie jaar bewaard; wordt je account verwijderd, dan blijven ze staan zonder je naam. Je account en je plaats in een school blijven bestaan tot ze worden verwijderd.
privacy-rights-heading = Je rechten
privacy-rights = Op je accountpagina download je alles wat Raamwerk over je bewaart, ook de regels in logboeken die je noemen, in een leesbaar JSON-bestand. Voor vragen, inzage of verwijdering kun je terecht bij de beheerder van je school.
privacy-what-allocation = Wie doet wat: per schooljaar de afspraken over wie welke taak doet (ook als jij die persoon bent), de uren per taak, je beschikbare uren voor LOB, en of je de taakantwoorden van je scan laat meetellen in de suggesties. De coördinatoren en schoolbeheerders van je school zien dit.
privacy-students-heading = Niets over leerlingen
privacy-students = Schrijf in je notities en reflecties niets over leerlingen of studenten: geen namen, geen initialen en geen beschrijving waaraan iemand te herkennen is. Raamwerk gaat over jouw werk als professional; gegevens over leerlingen horen in het leerlingvolgsysteem van je school, met de afspraken die daarvoor gelden.
privacy-how-long-work = Je scans, je afspraken in wie doet wat en je beschikbare uren blijven bewaard zolang je bij de school hoort; ze worden gewist als je account wordt verwijderd, en je scans ook als je uit een school wordt verwijderd. Het eigen raamwerk, de rondes en de uren per taak zijn van de school en blijven bestaan tot de school ze verwijdert of de school zelf wordt verwijderd.
privacy-roles-heading = Wie is verantwoordelijk
privacy-roles = Je school is verwerkingsverantwoordelijke voor de gegevens van haar medewerkers in Raamwerk: zij bepaalt waarvoor Raamwerk wordt gebruikt. Wie deze installatie van Raamwerk draait (de school zelf, haar bestuur of een dienstverlener), is verwerker en verwerkt de gegevens alleen in opdracht van de school. Voor vragen, inzage, correctie of verwijdering kun je terecht bij de schoolbeheerders van je school en bij de functionaris gegevensbescherming (FG) van je school of bestuur.
privacy-agreement = Draait iemand anders dan de school Raamwerk, dan sluiten school en verwerker een verwerkersovereenkomst (AVG, artikel 28) voordat er gegevens in komen; het Model Verwerkersovereenkomst van het Privacyconvenant Onderwijs is daar een gangbare basis voor.
sign-in-locked = Er is te vaak geprobeerd om met dit adres of vanaf deze plek in te loggen. Probeer het over { $minutes } minuten opnieuw.

## First run
setup-title = Raamwerk inrichten
setup-intro = Maak de eerste school aan en je eigen account als schoolbeheerder. Daarna nodig je collega's uit.
setup-school-heading = De school
setup-school-name = Naam van de school
setup-sectors = Sector
setup-students = Aantal leerlingen of studenten
setup-region = Provincie
setup-region-choose = Kies een provincie
setup-brin = BRIN-code (niet verplicht)
setup-brin-hint = Twee cijfers en twee letters, zoals 12AB.
setup-you-heading = Jij, als schoolbeheerder
setup-your-name = Je naam
setup-your-roles = Je rollen in het raamwerk (later aan te passen)
setup-button = School en account aanmaken
setup-email-taken = Dit e-mailadres heeft al een account. Gebruik een ander adres.
setup-done-notice = Je school is ingericht. Log in met je e-mailadres en wachtwoord.

## Deleting an account
delete-account-heading = Account verwijderen
delete-account-text = Je naam, je e-mailadres, je wachtwoord, je plaats in je scholen en je sessies worden gewist, en ook al je scans met hun antwoorden en notities, wat je met collega’s deelde, je afspraken in wie doet wat en je beschikbare uren. Dit kan niet ongedaan worden gemaakt. Wil je iets bewaren, download dan eerst je gegevens of het overzicht van je scan.
delete-account-password = Je wachtwoord, ter bevestiging
delete-account-button = Account definitief verwijderen
delete-account-wrong-password = Dit is niet je wachtwoord. Er is niets verwijderd.
account-deleted-notice = Je account en al je gegevens zijn verwijderd.
account-roles-in = Je rollen in het raamwerk bij { $school }
account-roles-save = Rollen opslaan
account-roles-saved = Je rollen zijn opgeslagen.
account-name-heading = Je naam
account-name-label = Naam
account-name-button = Naam opslaan
account-name-saved = Je naam is gewijzigd.
account-password-heading = Nieuw wachtwoord
account-password-new = Nieuw wachtwoord
account-password-hint = Minstens 12 tekens; een zin van een paar woorden werkt goed. Je andere sessies eindigen, deze blijft.
account-password-repeat = Herhaal het nieuwe wachtwoord
account-password-button = Wachtwoord wijzigen
account-password-saved = Je wachtwoord is gewijzigd. Op je andere apparaten ben je uitgelogd.
account-email-heading = Je e-mailadres
account-email-label = Nieuw e-mailadres
account-email-hint-mail = We sturen een link naar het nieuwe adres; je adres verandert pas als je die link opent. Tot dan log je in met je huidige adres.
account-email-hint-direct = Je logt daarna in met het nieuwe adres.
account-email-button = E-mailadres wijzigen
account-email-same = Dit is al je e-mailadres. Er is niets gewijzigd.
account-email-taken = Dit e-mailadres hoort al bij een ander account. Er is niets gewijzigd.
account-email-saved = Je e-mailadres is gewijzigd. Log voortaan in met je nieuwe adres.
account-email-sent = We hebben een link gestuurd naar { $email }. Je adres verandert pas als je die link opent (hij werkt { $hours } uur). Kijk ook in je map met ongewenste e-mail.
account-email-not-sent = De e-mail met de link kon niet worden verstuurd. Er is niets gewijzigd; probeer het later opnieuw.
email-mail-subject = Bevestig je nieuwe e-mailadres voor Raamwerk
email-mail-body = Hallo { $name },

    Je wilt voortaan met dit adres inloggen bij Raamwerk. Open deze link om dat te bevestigen (hij werkt { $hours } uur en één keer):
    { $link }

    Vroeg je hier niet om? Dan kun je dit bericht negeren; er verandert niets.
email-notice-subject = Je e-mailadres voor Raamwerk wordt gewijzigd
email-notice-body = Hallo { $name },

    Iemand die met jouw wachtwoord is ingelogd, vroeg om het e-mailadres van je account bij Raamwerk te wijzigen in { $email }. Het adres verandert pas als de link die naar dat adres is gestuurd, wordt geopend.

    Was jij dit niet? Log dan in en wijzig je wachtwoord: daarmee vervalt de link.
confirm-email-title = Nieuw e-mailadres bevestigen
confirm-email-intro = { $name }, bevestig dat je voortaan inlogt met { $email }.
confirm-email-button = Bevestigen
confirm-email-taken = Dit e-mailadres hoort inmiddels bij een ander account. Je adres is niet gewijzigd; kies op je accountpagina een ander adres.
confirm-email-gone = De link is al gebruikt of verlopen, of je vroeg daarna om een ander adres of wijzigde je wachtwoord. Vraag op je accountpagina opnieuw om een wijziging.
account-change-current = Je huidige wachtwoord, ter bevestiging
account-change-wrong-password = Dit is niet je huidige wachtwoord. Er is niets gewijzigd.
delete-account-last-admin = Je bent de enige actieve schoolbeheerder van { $schools }. Maak eerst iemand anders schoolbeheerder; er is niets verwijderd.
nav-schools = Mijn scholen
nav-account = Account
too-large-title = Te groot om te verwerken
too-large-text = Wat je verstuurde is groter dan een formulier hier kan zijn (256 kB; een bestand inlezen mag tot 20 MB). Er is niets opgeslagen. Ga terug in je browser: wat je invulde staat daar meestal nog, zodat je het korter kunt maken.
forbidden-title = Geen toegang
forbidden-text = Je bevoegdheid in deze school geeft geen toegang tot deze pagina. Vraag een coördinator of schoolbeheerder als je denkt dat dit niet klopt.
schools-title = Mijn scholen
schools-intro = Kies de school waarin je wilt werken. Wat je in de ene school doet, is in de andere niet te zien.
schools-none = Je hoort nog bij geen enkele school. Vraag een coördinator of schoolbeheerder van je school om je uit te nodigen.
schools-inactive-heading = Gedeactiveerd
schools-inactive-text = In deze scholen is je lidmaatschap gedeactiveerd. Je gegevens zijn bewaard; een coördinator of schoolbeheerder kan je weer actief maken.
school-nav-label = Deze school
school-switch = Andere school kiezen
school-start = Start
school-you-work-here = Je werkt nu in deze school. Alles wat je hier ziet en doet, hoort bij deze school.
school-change-roles = Rollen wijzigen
school-manage-members = Leden beheren en uitnodigen
start-todo-heading = Nu te doen
start-you-heading = Jij in deze school
start-round-open = De ronde { $round } loopt. Jouw scan: { $state }.
start-round-soon = De ronde { $round } begint op { $starts }.
start-round-go = Naar de ronde
start-shared-scan = { $name } heeft een scan met je gedeeld.
start-shared-scan-go = Lezen
start-no-round = Er loopt nu geen ronde. Je coördinator opent de volgende.
start-no-round-coordinator = Er loopt nu geen ronde. Open er een als je team de scan gaat doen.
start-rounds-go = Naar de rondes
start-tasks = { $n ->
    [0] Je hebt dit schooljaar nog geen afspraken in wie doet wat.
    [one] Je hebt dit schooljaar 1 afspraak in wie doet wat.
   *[other] Je hebt dit schooljaar { $n } afspraken in wie doet wat.
}
start-tasks-go = Naar wie doet wat
setup-done-signed-in = Je school is ingericht en je bent ingelogd. Nodig nu je team uit via ‘Leden beheren en uitnodigen’.
members-title = Leden
members-count = { $n ->
    [one] 1 lid
   *[other] { $n } leden
}
member-name = Naam
member-status = Status
member-active = actief
member-inactive = gedeactiveerd
member-back = Terug naar de leden
member-saved = De wijziging is opgeslagen.
member-removed = Het lid is verwijderd uit de school.
member-roles-heading = Rollen in het raamwerk
member-permission-label = Bevoegdheid
member-permission-save = Bevoegdheid opslaan
member-password-heading = Nieuw wachtwoord
member-password-text = Maak een eenmalige link waarmee deze persoon een nieuw wachtwoord instelt. De link werkt { $hours } uur, en alleen zolang deze persoon bij geen andere school hoort en jij schoolbeheerder bent; met het nieuwe wachtwoord eindigen alle sessies van deze persoon.
member-password-button = Link voor een nieuw wachtwoord maken
member-deactivate-heading = Deactiveren
member-deactivate-text = Na deactiveren kan deze persoon niet meer in deze school werken. Alles blijft bewaard en je kunt de persoon later weer actief maken. Het account en andere scholen van de persoon blijven zoals ze zijn.
member-deactivate-button = Deactiveren
member-reactivate-heading = Weer actief maken
member-reactivate-text = Deze persoon kan dan weer in deze school werken, met dezelfde bevoegdheid en rollen als eerst.
member-reactivate-button = Weer actief maken
member-remove-heading = Uit de school verwijderen
member-remove-text = Verwijderen beëindigt het lidmaatschap: de bevoegdheid en de rollen van deze persoon in deze school worden gewist, en hun privé werk in deze school ook. Afspraken van het team blijven staan, maar noemen deze persoon niet meer bij naam. Het account en andere scholen van de persoon blijven bestaan. Dit kan niet ongedaan worden gemaakt; om iemand alleen tijdelijk buiten te sluiten, kies je deactiveren.
member-remove-confirm = Ik begrijp dat { $name } uit deze school wordt verwijderd.
member-remove-confirm-missing = Vink eerst aan dat je begrijpt wat verwijderen doet. Er is niets veranderd.
member-remove-button = Verwijderen
invite-heading = Iemand uitnodigen
invite-many-heading = Meer mensen tegelijk uitnodigen
invite-many-intro = Plak een lijst met e-mailadressen, één persoon per regel, of kies een CSV-bestand (bijvoorbeeld uit je personeelsadministratie). Iedereen krijgt dezelfde bevoegdheid en rollen; die pas je later per persoon aan. Wie nog geen account heeft, kiest bij het aannemen zelf een naam.
invite-many-list = Adressen, één per regel
invite-many-list-hint = Bijvoorbeeld: fatima@school.nl, of Fatima El Amrani;fatima@school.nl, of Fatima El Amrani <fatima@school.nl>. Een kopregel wordt overgeslagen.
invite-many-file = Of een CSV-bestand
invite-many-button = Iedereen op de lijst uitnodigen
invite-many-done = { $n ->
    [one] 1 persoon uitgenodigd.
   *[other] { $n } mensen uitgenodigd.
}
invite-many-mailed = de link is per e-mail verstuurd
invite-many-link = Link voor { $email }
invite-many-not-invited = { $n ->
    [one] 1 regel is niet uitgenodigd
   *[other] { $n } regels zijn niet uitgenodigd
}
invite-many-line = Regel { $line } ({ $text }): { $why }
invite-many-empty = De lijst is leeg: plak adressen of kies een bestand.
invite-many-not-text = Het bestand is geen tekst (UTF-8). Sla het in je spreadsheet op als ‘CSV UTF-8’ en probeer het opnieuw.
invite-intro = De uitnodiging is een link die 14 dagen en één keer werkt. Wie hem opent, kiest een naam en wachtwoord (of bevestigt met het wachtwoord van een bestaand account) en hoort dan bij deze school.
invite-roles = Rollen in het raamwerk (de persoon kan ze later zelf wijzigen)
invite-button = Uitnodigen
invite-done = { $email } is uitgenodigd.
invite-mailed = De uitnodiging is per e-mail verstuurd. De link staat alleen in die e-mail: zo neemt alleen wie dat adres leest de uitnodiging aan.
invite-mail-failed = Het versturen van de e-mail is mislukt. Geef de link zelf door.
invite-not-mailed = Er is geen e-mailserver ingesteld: geef deze link zelf door, bijvoorbeeld via de e-mail van je school.
invite-link-label = Uitnodigingslink
invite-mail-subject = Uitnodiging voor { $school } in Raamwerk
invite-mail-body = Hallo,

    { $inviter } nodigt je uit om met { $school } te werken in Raamwerk, het raamwerk loopbaanbegeleiding voor scholen.

    Open deze link om de uitnodiging aan te nemen (hij werkt 14 dagen en één keer):
    { $link }

    Verwachtte je deze uitnodiging niet? Dan kun je dit bericht negeren.
invitations-heading = Openstaande uitnodigingen
invitations-intro = Een uitnodiging intrekken maakt de link onbruikbaar. Opnieuw uitnodigen maakt een nieuwe link en trekt de vorige in.
invitations-none = Er staan geen uitnodigingen open.
invitation-until = Geldig tot
invitation-expired = verlopen
invitation-outlived = vervallen (wie uitnodigde, mag dat niet meer)
invitation-actions = Acties
invitation-revoke = Intrekken
invitation-revoke-for = Uitnodiging voor { $email } intrekken
invitation-title = Uitnodiging
invitation-intro = Je bent uitgenodigd om als { $permission } met { $school } te werken in Raamwerk, met het adres { $email }.
invitation-existing = Er is al een account met dit adres. Bevestig met het wachtwoord ervan; daarna hoor je ook bij deze school.
invitation-accept = Uitnodiging aannemen
invitation-wrong-password = Dit is niet het wachtwoord van dit account. Er is niets veranderd.
invitation-used = Deze uitnodiging is al aangenomen. Log in om verder te gaan.
invitation-revoked = Deze uitnodiging is ingetrokken. Vraag degene die je uitnodigde om een nieuwe.
invitation-expired-text = Deze uitnodiging is verlopen. Vraag degene die je uitnodigde om een nieuwe.
invitation-already-member = Je hoort al bij deze school. Log in om verder te gaan.
password-link-label = Link voor een nieuw wachtwoord
password-link-mailed = De link is per e-mail naar deze persoon verstuurd.
password-link-not-mailed = Er is geen e-mailserver ingesteld: geef deze link zelf aan deze persoon door.
password-mail-subject = Een nieuw wachtwoord voor Raamwerk
password-mail-body = Hallo,

    Met deze link stel je een nieuw wachtwoord in voor Raamwerk (hij werkt { $hours } uur en één keer):
    { $link }

    Vroeg je hier niet om? Dan kun je dit bericht negeren; je wachtwoord blijft hetzelfde.
forgot-title = Wachtwoord vergeten
forgot-link = Wachtwoord vergeten?
forgot-intro = Vul het e-mailadres van je account in. Hoort er een account bij, dan sturen we een link om een nieuw wachtwoord in te stellen.
forgot-button = Link versturen
forgot-sent = Als { $email } bij een account hoort, is er nu een link naar onderweg. Kijk ook in je map met ongewenste e-mail.
forgot-no-mail = Deze installatie verstuurt geen e-mail. Vraag een schoolbeheerder van je school (wie Raamwerk voor je school heeft ingericht of het ledenbeheer doet) om een link voor een nieuw wachtwoord. Die maakt hem op de pagina Leden, bij jouw naam, met ‘Link voor een nieuw wachtwoord maken’, en geeft hem aan jou door. Zo kom je zonder e-mail weer binnen.
audit-title = Logboek
settings-title = Schoolgegevens
settings-intro = De gegevens van je school. Het adres van de school in Raamwerk blijft { $address }, ook als de naam verandert.
settings-save = Gegevens opslaan
settings-saved = De gegevens van de school zijn opgeslagen.
audit-intro = Wie wat deed in het beheer van deze school, en wanneer. Alleen schoolbeheerders zien dit. Regels ouder dan drie jaar worden verwijderd; van wie zijn account verwijderde, staat de naam er niet meer in.
audit-empty = Er staat nog niets in het logboek.
audit-when = Wanneer
audit-who = Wie
audit-what = Wat
audit-whom = Over
audit-detail = Toelichting
audit-former-member = (verwijderd account)
audit-version = versie { $version }
audit-filter-what = Onderdeel
audit-filter-all = alles
audit-filter-who = Naam (wie of over wie)
audit-filter-button = Tonen
audit-csv = Download deze regels als CSV
audit-none-match = Geen regels bij deze keuze.
audit-party-person = persoon
audit-times = Tijden in Nederlandse tijd (CET in de winter, CEST in de zomer).

# The self-scan
rounds-title = Zelfscan
rounds-intro = In een ronde kijkt ieder lid voor de rollen die hij of zij heeft naar wat hij of zij doet en kent. Je scan is van jou: niemand anders ziet wat erin staat, tenzij je hem deelt.
rounds-none = Er is nog geen ronde. Een coördinator opent er een.
round-name = Naam
round-name-hint = Bijvoorbeeld ‘najaar 2026’.
round-period-heading = Periode
round-period = van { $starts } tot en met { $ends }
round-period-open = vanaf { $starts }
round-state = Stand
round-open = open
round-closed = gesloten
round-mine = Jouw scan
round-mine-none = nog niet begonnen
round-mine-started = bezig
round-mine-carried = overgenomen, nog niet bevestigd
round-mine-finished = klaar
round-open-heading = Een ronde openen
round-open-intro = De ronde gebruikt het raamwerk van je school zoals het nu is. Er is steeds één ronde tegelijk open.
round-open-one-at-a-time = Er is al een ronde open. Sluit die eerst; daarna open je hier een nieuwe.
round-starts = Begindatum
round-ends = Einddatum
round-ends-hint = Mag leeg blijven.
round-open-button = Ronde openen
round-back = Alle rondes
round-your-scan = Jouw scan
round-closed-text = Deze ronde is gesloten. Je antwoorden blijven leesbaar, maar je kunt ze niet meer wijzigen.
round-team-heading = Wie is klaar
round-team-intro = Je ziet alleen wie zijn of haar scan klaar heeft, niet wat erin staat.
round-finished-count = { $finished } van { $total } klaar
round-close-text = Na sluiten kan niemand zijn of haar scan in deze ronde nog wijzigen; alles blijft leesbaar.
round-close-button = Ronde sluiten
round-close-confirm = Ja, sluit deze ronde voor iedereen. Nog niet klaar: { $unfinished } van { $total } scans.
round-close-unconfirmed = De ronde is niet gesloten: vink eerst aan dat je hem voor iedereen wilt sluiten.
round-reopen-text = Per ongeluk gesloten? Een coördinator kan de ronde weer openen, zolang er geen andere ronde loopt. Dat komt in het logboek.
round-reopen-button = Ronde weer openen
round-status = Stand van de scan
scan-no-roles = Je hebt in deze school nog geen rol in het raamwerk. Kies eerst je rollen; daarna zie je hier de uitspraken die bij jouw rollen horen.
scan-intro = Kies een aandachtsgebied. Je kunt in elke volgorde werken en later verdergaan.
scan-intro-closed = Kies een gebied om je antwoorden terug te lezen.
scan-carried-text = Je antwoorden uit de vorige ronde zijn overgenomen, nog niet bevestigd. Loop ze na en pas aan waar nodig; met ‘Mijn scan is klaar’ bevestig je ze.
round-not-started-text = Deze ronde begint op { $starts }. Tot dan kun je de uitspraken lezen; antwoorden kan vanaf die dag.
scan-intro-not-started = Kies een gebied om de uitspraken alvast te lezen.
scan-finish-empty-confirm = Ja, ik heb nog geen enkele uitspraak beantwoord en meld mijn scan toch als klaar.
scan-finish-empty-unconfirmed = Je scan is niet als klaar gemeld: je hebt nog niets beantwoord. Vink aan dat je hem toch klaar wilt melden, of beantwoord eerst de uitspraken.
scan-progress = { $answered } van { $total } uitspraken beantwoord
scan-finish-button = Mijn scan is klaar
scan-unfinish-button = Toch nog niet klaar
scan-finished-text = Je hebt je scan klaar gemeld. Je kunt hem blijven aanpassen zolang de ronde open is.
scan-tasks = Wat je doet
scan-tasks-intro = De taken van deze rol in dit aandachtsgebied. Geef bij elke taak aan hoe het er nu voor staat.
scan-expertise = Wat je weet en kunt
scan-expertise-intro = De deskundigheid die bij deze taken hoort.
scan-focus-tasks = Aandachtsveld bij je taken: wat wil je oppakken of anders doen?
scan-focus-expertise = Aandachtsveld bij je deskundigheid: wat wil je ontwikkelen?
scan-reflection = Reflectie
scan-reflection-intro = Vragen om bij stil te staan. Je antwoorden zijn alleen voor jou, tenzij je je scan deelt.
scan-area-intro = Er zijn geen goede of foute antwoorden: het gaat om een eerlijk beeld, als begin van een gesprek.
scan-note = Notitie (niet verplicht)
scan-discuss = Wil ik bespreken
scan-theme = Thema:
scan-theme-also = komt ook terug bij { $roles }
scan-save = Opslaan
scan-save-hint = Met JavaScript wordt elke wijziging meteen opgeslagen.
scan-note-counter = { $used } van { $max } tekens
scan-saved = Je antwoorden zijn opgeslagen.
scan-not-saved-heading = Er is niets opgeslagen
scan-pager-label = Vorige en volgende
scan-back-to-round = Terug naar het overzicht van de ronde
scan-state-saving = Bezig met opslaan…
scan-state-saved = Opgeslagen
scan-state-retrying = Niet opgeslagen, we proberen het opnieuw
scan-state-failed = Niet opgeslagen
scan-save-signed-out = Je bent uitgelogd. Log opnieuw in; wat niet is opgeslagen, staat nog op deze pagina.
scan-save-not-found = Deze ronde is niet gevonden.
overview-title = Overzicht: { $round }
overview-private = Dit overzicht is alleen voor jou.
overview-not-started = Je hebt in deze ronde nog niets ingevuld.
overview-legend = Betekenis van de kleuren
overview-numbers = Aantallen uitspraken voor { $area }
overview-kind = Soort uitspraak
overview-no-answer = nog niet beantwoord
overview-nothing-yet = nog niets beantwoord
overview-expertise-words = Bij deskundigheid heten de stappen:
overview-your-notes = Je notities
overview-strengths = Wat je al doet en beheerst
overview-wishes = Wat je wilt oppakken of ontwikkelen
overview-discuss = Wat je wilt bespreken
overview-none-yet = Nog niets.
overview-changes = Wat er veranderde
overview-changes-since = Anders dan in { $round }
overview-no-changes = Geen van je antwoorden is anders dan in { $round }.
overview-first-round = Dit is je eerste ronde; in een volgende ronde zie je hier wat er veranderde.
overview-statement = Uitspraak
round-overview-link = Je overzicht van deze ronde
share-heading = Delen
share-intro = Je scan is van jou. Je kunt hem, alleen om te lezen, delen met collega's van deze school of met het hele team, en dat weer intrekken.
share-team-on = Je scan is gedeeld met het hele team.
share-team-start = Delen met het hele team
share-team-stop = Niet meer delen met het team
share-with-person = Gedeeld met { $name }
share-stop = Intrekken
share-stop-for = Intrekken (niet meer delen met { $name })
share-colleague = Delen met een collega
share-button = Delen
share-choose = Kies met wie je wilt delen.
share-nothing = Er is nog niets om te delen: vul eerst iets in.
share-not-a-colleague = Deze persoon is geen actieve collega in deze school.
shared-with-me-heading = Met jou gedeeld
shared-with-me-link = De scan van { $name }
overview-shared-title = De scan van { $name }: { $round }
overview-shared-note = { $name } heeft deze scan met je gedeeld om te lezen.
overview-notes-of = De notities van { $name }
overview-strengths-of = Wat { $name } al doet en beheerst
overview-wishes-of = Wat { $name } wil oppakken of ontwikkelen
overview-discuss-of = Wat { $name } wil bespreken
overview-not-started-of = { $name } heeft in deze ronde nog niets ingevuld.
overview-document-title = Overzicht van { $name }: { $round }
overview-shared-document-note = { $name } heeft deze scan gedeeld met { $reader }, om samen te bespreken. Geef hem niet door zonder te vragen.
overview-named-hint = De documenten dragen je naam, je school, de ronde en de datum. Zonder je naam:
overview-anonymous-query = naam=nee
overview-anonymous-pdf = PDF zonder naam
overview-anonymous-docx = Word-document zonder naam
overview-made-on = Gemaakt op { $date }
overview-choice = Keuze
overview-note = Notitie
overview-download-pdf = Download als PDF
overview-download-docx = Download als Word-document (bewerkbaar)
quick-title = Snelle zelfscan
quick-intro = Kijk zonder account naar de uitspraken van het raamwerk voor je rollen: zeg bij elke uitspraak waar je staat, schrijf erbij wat je wilt, en bekijk of download je overzicht.
quick-nothing-kept = Raamwerk bewaart hier niets: je antwoorden staan alleen in deze pagina, en in dit tabblad van je browser tot je het sluit (zo blijven ze staan als je van taal wisselt). Download je overzicht als je het wilt houden.
quick-roles = Voor welke rollen wil je de scan doen?
quick-start = Beginnen
quick-no-role = Kies ten minste één rol om de scan voor te doen.
quick-change-roles = Rollen wijzigen
quick-change-roles-hint = Let op: wat je hieronder invulde, gaat dan verloren.
quick-sections = Onderdelen van de scan
quick-see-overview = Bekijk je overzicht
quick-back = Terug naar je antwoorden
quick-documents-busy-title = Even wachten
quick-documents-busy-text = Vanaf dit adres zijn in korte tijd erg veel documenten gemaakt. Probeer het over { $minutes } minuten opnieuw; ga terug in je browser, daar staan je antwoorden nog.
quick-overview-title = Je overzicht
quick-choose-roles = Kies ten minste één rol.
nav-quick-scan = Snelle zelfscan
settings-scale-heading = Woorden van de schaal
settings-scale-intro = Je kunt de vier stappen van de schaal in de zelfscan andere woorden geven, voor taken en voor deskundigheid, in beide talen. Laat een veld leeg om ons woord (grijs) te houden. De stappen zelf blijven dezelfde, zodat antwoorden te vergelijken blijven.
settings-scale-step = Stap
settings-scale-tasks = Taken
settings-scale-expertise = Deskundigheid
settings-scale-field = { $kind }, stap ‘{ $step }’, taal { $lang }
settings-scale-save = Woorden opslaan

## Eigen raamwerk
statement-dutch-only = alleen in het Nederlands
fw-title = Ons raamwerk
fw-intro = Hier maakt de school het raamwerk tot het hare: uitspraken toevoegen (regionaal, beroepsspecifiek, schoolspecifiek), herformuleren, verbergen, verplaatsen naar een andere rol of een ander aandachtsgebied, en de diepgang bepalen. Elke gepubliceerde versie blijft bewaard; scans op een eerdere versie blijven leesbaar.
fw-current = De versie waarmee de school werkt
fw-national-in-use = De school werkt met de landelijke editie. Begin een concept om er een eigen versie van te maken.
fw-version = versie
fw-date = Datum
fw-by = Door
fw-summary = Wat is er veranderd
fw-summary-hint = Een korte samenvatting voor collega's, bijvoorbeeld: 'Twee regionale taken toegevoegd; de taak over stages naar de decaan verplaatst.'
fw-download = Downloaden
fw-format-json = JSON (eigen formaat)
fw-format-case = CASE 1.1
fw-format-moodle = Moodle-CSV
fw-moodle-note = De Moodle-CSV is om in Moodle in te lezen, niet om in Excel te openen: tekst die met =, +, - of @ begint, staat er zoals hij is, want Moodle zou een teken ervoor laten staan. Bewerk het raamwerk met het sjabloon (XLSX of CSV).
fw-format-xlsx = Excel (XLSX)
fw-format-csv = CSV voor Excel
fw-national-news-heading = Er is een nieuwe landelijke editie
fw-national-news = Landelijke editie { $version } is verschenen. Bekijk wat er veranderd is en neem over wat de school wil.
fw-national-news-link = Bekijk de landelijke wijzigingen
fw-draft-heading = Concept
fw-draft-exists = Er ligt een concept voor de volgende versie:
fw-draft-open = Naar het concept
fw-draft-none = Er is geen concept. Een concept begint als kopie van de versie waarmee de school nu werkt; collega's zien pas iets als het gepubliceerd is.
fw-draft-none-member = Er is geen concept. Coördinatoren en schoolbeheerders kunnen het raamwerk van de school aanpassen.
fw-draft-start = Concept beginnen
fw-history = Gepubliceerde versies
fw-history-none = De school heeft nog geen eigen versie gepubliceerd.
fw-open = Openbaar
fw-open-yes = ja
fw-open-no = nee
fw-open-start = Openbaar maken
fw-open-stop = Niet meer openbaar
fw-open-hint = Een openbare versie kan iedereen ophalen via de CASE-koppeling, bijvoorbeeld om in een ander systeem in te lezen. Alleen de uitspraken worden openbaar, nooit scans of namen.
fw-compare-heading = Versies vergelijken
fw-compare-from = Van
fw-compare-to = Naar
fw-compare-button = Vergelijken
fw-compare-previous = vergelijk met de vorige
fw-compare-intro = Wat er veranderd is van { $from } naar { $to }.
fw-own-version = eigen versie { $version }
fw-national-version = landelijke editie { $version }
fw-no-changes = geen wijzigingen
fw-aspect-added = toegevoegd
fw-aspect-removed = verwijderd of verborgen
fw-aspect-reworded = anders geformuleerd
fw-aspect-moved = verplaatst
fw-aspect-kind = andere soort
fw-aspect-depth = andere diepgang
fw-aspect-theme = ander thema
fw-aspect-tags = andere labels
fw-aspect-reordered = andere volgorde
fw-moved-from = was:
fw-before = Was
fw-after = Wordt
fw-back = Terug naar ons raamwerk
fw-back-draft = Terug naar het concept
fw-kind = Soort
fw-kind-task = taak
fw-kind-expertise = deskundigheid
fw-role = Rol
fw-area = Aandachtsgebied
fw-draft-title = Concept van ons raamwerk
fw-draft-intro = Dit concept begon als kopie van versie { $version }.
fw-draft-based-on = Het is gebaseerd op landelijke editie { $version }.
fw-draft-changes = Wijzigingen in dit concept
fw-draft-statements = Uitspraken
fw-filter-all-roles = Alle rollen
fw-filter-all-areas = Alle aandachtsgebieden
fw-filter-button = Tonen
fw-filter-listed = { $listed } van de { $total } uitspraken getoond.
fw-filter-reset = Alle uitspraken tonen
fw-more = Meer
fw-publish-heading = Publiceren
fw-publish-intro = Publiceren maakt van dit concept versie { $version } van het raamwerk van de school. Die versie verandert daarna nooit meer; een nieuwe ronde gebruikt de nieuwste versie.
fw-publish-problems = Zo kan het concept nog niet gepubliceerd worden
fw-publish-button = Publiceren
fw-discard-button = Concept weggooien
fw-discard-heading = Concept weggooien
fw-discard-text = Alles wat in dit concept is veranderd sinds de versie waarop het is gebaseerd, gaat verloren. Gepubliceerde versies blijven zoals ze zijn. Dit komt in het logboek.
fw-discard-confirm = Ja, gooi dit concept voorgoed weg.
fw-discard-unconfirmed = Het concept is niet weggegooid: vink eerst aan dat het voorgoed weg mag.
fw-edition-title = Raamwerk LOB van { $school }
fw-hidden = verborgen
fw-own = eigen
fw-edit = Wijzigen
fw-up = Omhoog
fw-down = Omlaag
fw-hide = Verbergen
fw-show = Weer tonen
fw-hide-intro = Een verborgen uitspraak staat niet in de volgende versie. Je kunt hem later weer tonen.
fw-show-intro = Deze uitspraak is verborgen. Toon hem weer om hem in de volgende versie op te nemen.
fw-add-heading = Een eigen uitspraak toevoegen
fw-add-button = Toevoegen
fw-text-nl = Tekst (Nederlands)
fw-text-en = Tekst (Engels, mag leeg)
fw-text-en-hint = Zonder Engelse tekst toont de Engelse versie de Nederlandse, met de vermelding 'alleen in het Nederlands'.
fw-depth-none = geen
fw-tags = Labels
fw-tag-regional = regionaal
fw-tag-occupational = beroepsspecifiek
fw-tag-school = schoolspecifiek
fw-tags-own = Eigen labels
fw-tags-own-hint = Gescheiden door komma's, elk hoogstens 40 tekens.
fw-statement-title = Uitspraak { $code }
fw-not-changed = Niet gewijzigd
fw-last-change = Laatst gewijzigd door { $name }.
fw-original = Zo staat hij in de versie waar het concept mee begon
fw-own-statement = Dit is een eigen uitspraak van de school.
fw-reword = Formulering
fw-reword-button = Formulering opslaan
fw-move = Verplaatsen
fw-move-button = Verplaatsen
fw-depth-button = Diepgang opslaan
fw-tags-button = Labels opslaan
fw-refused-not-allowed = Alleen coördinatoren en schoolbeheerders passen het raamwerk van de school aan.
fw-refused-no-draft = Er is (niet meer) een concept: misschien heeft iemand het intussen gepubliceerd of weggegooid.
fw-refused-draft-exists = Er is al een concept.
fw-refused-changed = { $name } heeft deze uitspraak intussen gewijzigd. Hieronder staat hij zoals hij nu is; breng je wijziging zo nodig opnieuw aan.
fw-refused-draft-changed = Het concept is gewijzigd sinds je het bekeek. Bekijk de wijzigingen en publiceer opnieuw.
fw-refused-version-taken = Iemand heeft intussen een versie gepubliceerd. Bekijk de geschiedenis en begin zo nodig een nieuw concept.
fw-error-no-dutch = Vul de Nederlandse tekst in.
fw-error-too-long = Een tekst mag hoogstens 1000 tekens lang zijn.
fw-error-no-statement = Deze uitspraak staat niet in het concept.
fw-error-nowhere = De uitspraak staat al bovenaan of onderaan.
fw-error-place = Kies een rol, een aandachtsgebied en een soort.
fw-error-depth = Kies een diepgang uit de lijst.
fw-error-tag = '{ $tag }' is geen geldig label: hoogstens 40 tekens, zonder komma.
fw-error-summary = Schrijf in een paar woorden wat er veranderd is (hoogstens 2000 tekens).
fw-error-op = Deze wijziging kennen we niet.
fw-national-title = Nieuwe landelijke editie
fw-national-up-to-date = Het raamwerk van de school is bij met landelijke editie { $version }.
fw-national-intro = Wat er landelijk veranderd is van editie { $from } (waar het raamwerk van de school op gebaseerd is) naar editie { $to }.
fw-national-how = Neem wijzigingen een voor een over, of allemaal tegelijk. Ze komen in het concept; de eigen uitspraken en andere wijzigingen van de school blijven staan. Met 'Klaar' blijft de rest zoals de school het heeft.
fw-take-all = Alles overnemen
fw-take-done = Klaar: de rest niet overnemen
fw-take-one = Overnemen
fw-taken = Overgenomen (of al zo in het concept)
fw-published-notice = Versie { $version } is gepubliceerd: dit is nu het raamwerk van de school. Nieuwe rondes gebruiken deze versie.
fw-discarded-notice = Het concept is weggegooid; het raamwerk van de school is niet veranderd.
settings-scale-saved = De woorden van de schaal zijn opgeslagen. Ze gelden meteen in alle scans van de school.
fw-wording-own = Jullie tekst
fw-wording-national-before = Landelijk, was
fw-wording-national-after = Landelijk, nu
fw-wording-kept = Jullie eigen formulering blijft staan.
fw-take-keep-own = Overnemen, eigen tekst houden
fw-take-national-wording = Landelijke tekst overnemen
fw-depth-change = Diepgang: was { $before }, nu { $after }.
fw-import-heading = Een bestand inlezen
fw-import-intro = Lees een raamwerk in als de volgende versie van de school: ons eigen JSON-formaat, een CASE-pakket (1.0 of 1.1, ook uit andere systemen) of het spreadsheetsjabloon. Er wordt niets opgeslagen tenzij het hele bestand klopt.
fw-import-format-label = Formaat
fw-import-file = Bestand
fw-import-hint = Hoogstens 20 MB.
fw-import-button = Inlezen
fw-import-stored = Opgeslagen als versie { $version } van het raamwerk van de school.
fw-import-view = Bekijk deze versie
fw-import-report = Wat niet is overgenomen
fw-import-preview-heading = Wat dit bestand verandert, als versie { $version }
fw-import-preview-intro = Er is nog niets bewaard. Vergeleken met
fw-import-against-version = versie { $version } die de school nu gebruikt
fw-import-against-national = de landelijke editie die de school nu gebruikt
fw-import-summary = Samenvatting voor de geschiedenis
fw-import-summary-hint = In je eigen woorden: wat er verandert en waarom. Dit staat bij de versie in de geschiedenis (niet de beschrijving uit het bestand).
fw-import-confirm = Bewaren als versie { $version }
fw-import-cancel = Niet bewaren
fw-import-summary-needed = Schrijf een samenvatting voor de geschiedenis (hooguit { $max } tekens); er is niets bewaard.
fw-import-preview-lost = Het voorbeeld kon niet meer worden gelezen; er is niets bewaard. Lees het bestand opnieuw in.
fw-history-imported = ingelezen uit een bestand
fw-import-failed = Het bestand kon niet gelezen worden door een fout in Raamwerk; er is niets opgeslagen. Probeer het later opnieuw.
fw-import-refused = Het bestand is niet ingelezen; er is niets opgeslagen
fw-import-format = Kies een formaat dat ingelezen kan worden.
fw-import-no-file = Kies een bestand.

## Wie doet wat
tasks-title = Wie doet wat
tasks-year = schooljaar
tasks-intro = De afspraken van het team over wie voor elke taak verantwoordelijk is, wie hem uitvoert en wie erbij betrokken is. Iedereen in de school kan ze lezen; coördinatoren maken ze, samen met het team. Wat mensen in hun scan zeiden, staat er alleen bij als zij daarvoor kozen.
tasks-previous-year = vorig schooljaar
tasks-next-year = volgend schooljaar
tasks-views = Weergaven
tasks-view-area = per aandachtsgebied
tasks-view-role = per rol
tasks-view-category = per soort taak
tasks-view-person = per persoon
tasks-view-mine = mijn taken
tasks-attention = Om over te praten
tasks-attention-count = { $n ->
    [one] 1 punt om over te praten; open om te lezen
   *[other] { $n } punten om over te praten; open om te lezen
}
tasks-sheet-group = Groep
hours-sheet-part = Onderdeel
hours-sheet-calculation = Berekening
hours-sheet-amount = Uren
hours-sheet-people = Uren per persoon
tasks-attention-none = Niets bijzonders: elke taak heeft iemand die verantwoordelijk is en iemand die hem uitvoert.
tasks-att-no-responsible = Voor { $code } is nog niemand verantwoordelijk.
tasks-att-no-carrier = { $code } voert nog niemand uit.
tasks-att-several = Voor { $code } zijn { $n } partijen verantwoordelijk; is dat zo bedoeld?
tasks-att-many = { $name } is voor { $n } taken verantwoordelijk; past dat?
tasks-att-hours = De taken die { $name } uitvoert, vragen { $tasks } uur; er staan { $allocated } uur voor.
tasks-att-says = { $name } zegt { $code } te doen of te willen oppakken, maar heeft er in de afspraken geen rol in.
tasks-att-says-not = { $name } heeft een rol in { $code }, maar zegt dat het niet zijn of haar taak is.
tasks-none = Hier staan geen taken.
tasks-task = Taak
tasks-responsible = Verantwoordelijk
tasks-carries-out = Voert uit
tasks-involved = Betrokken
tasks-said = Volgens de scans
tasks-said-yes = doe ik
tasks-said-partly = doe ik deels
tasks-said-develop = wil ik oppakken
tasks-hours-unit = uur per jaar
tasks-agree = Afspraken maken
tasks-former-member = iemand die de school verliet
tasks-person-hours = { $name } — taken { $tasks } uur, beschikbaar { $allocated } uur
task-title = Taak { $code }
task-back = Terug naar wie doet wat
task-agreements = Afspraken
task-agreements-none = Voor deze taak zijn nog geen afspraken.
task-remove = Weghalen
task-said = Wat mensen in hun scan zeiden
task-agree-carries-out = Afspreken: voert uit
task-added-notice = De afspraak is gemaakt.
task-removed-notice = De afspraak is verwijderd.
task-saved-notice = De taak is opgeslagen.
task-agreed-already = voert de taak uit, zo is het afgesproken
task-add = Een afspraak toevoegen
task-party = Wie
task-people = Mensen
task-roles = Rollen
task-outside = Partners
task-party-new = een nieuwe partner (naam hieronder)
task-party-new-name = Naam van de nieuwe partner
task-party-new-hint = Alleen als je hierboven 'een nieuwe partner' koos, bijvoorbeeld 'Jongerenwerk Noord'.
task-part = Rol in de taak
task-add-button = Toevoegen
task-category-heading = Soort taak en uren
task-category = Soort taak
task-hours = Uren per jaar (mag leeg)
task-hours-hint = Bijvoorbeeld 12 of 12,5. Uitvoerenden delen deze uren gelijk.
task-save = Opslaan
task-error-party = Kies wie, en welke rol in de taak.
task-error-hours = Een aantal uren ligt tussen 0 en 100.000, met hoogstens één decimaal.
task-error-category = Kies een soort taak uit de lijst.
hours-title = LOB-uren
hours-intro = Hoeveel uur de school per jaar aan loopbaanoriëntatie en -begeleiding geeft, volgens de formule die de school kiest, met de berekening stap voor stap; en daarnaast de uren die ieder heeft, de uren van de taken die ieder uitvoert en het verschil. Een hulpmiddel voor het gesprek met de schoolleiding, geen rekenkundige waarheid.
hours-calculation = De berekening
hours-total = Totaal aantal uren per jaar
hours-allocated-total = Toegekend aan personen
hours-over-formula = Aan personen is { $allocated } uur toegekend: { $more } uur meer dan de formule geeft ({ $formula } uur).
hours-people = Per persoon
hours-person = Naam
hours-task-hours = Uren van taken
hours-allocated = Beschikbare uren
hours-allocated-for = Beschikbare uren van { $name }
hours-difference = Verschil
hours-over = meer taken dan uren
hours-formula = Formule
hours-vvsl = VvSL: 220 uur + 90 uur per decaan + 1,5 uur per leerling
hours-nvs = NVS (1996): 240 uur + 50 tot 70 minuten per leerling
hours-own = Eigen formule: basis + uren per decaan + uren per leerling
hours-nvs-minutes = Minuten per leerling (NVS, 50 tot en met 70)
hours-own-base = Basis in uren (eigen formule)
hours-own-decaan = Uren per decaan (eigen formule)
hours-own-student = Uren per leerling (eigen formule)
hours-decanen = Aantal decanen (leeg: uit de gegevens van de school)
hours-students = Aantal leerlingen (leeg: uit de gegevens van de school)
hours-one-responsible = Eén verantwoordelijke per taak
hours-many = Vanaf hoeveel verantwoordelijkheden het de moeite waard is om over iemands taken te praten
feed-heading = Wie doet wat
feed-off = Je taakantwoorden van deze ronde tellen niet mee in 'Wie doet wat'. Als je dat wilt, ziet het team bij elke taak of je zegt dat je hem doet, deels doet of wilt oppakken; je notities en de rest van je scan blijven van jou.
feed-on = Je taakantwoorden van deze ronde tellen mee in 'Wie doet wat': het team ziet bij elke taak of je zegt dat je hem doet, deels doet of wilt oppakken. Je notities en de rest van je scan blijven van jou.
feed-start = Laat mijn taakantwoorden meetellen
feed-stop = Niet meer laten meetellen
tasks-sheet = Taken
tasks-code = Code
tasks-said-more = { $n ->
    [one] en nog 1 collega
   *[other] en nog { $n } collega's
}
tasks-att-says-many = { $n } collega's zeggen { $code } te doen of te willen oppakken, maar hebben er in de afspraken geen rol in.
tasks-att-says-not-many = { $n } collega's hebben een rol in { $code }, maar zeggen dat het niet hun taak is.
hours-decanen-hint = { $n ->
    [one] Volgens de school: 1 lid met de rol specialist.
   *[other] Volgens de school: { $n } leden met de rol specialist.
}
hours-students-hint = { $n ->
    [one] Volgens de school: 1 leerling.
   *[other] Volgens de school: { $n } leerlingen.
}
hours-people-hint = Vul voor ieder de beschikbare LOB-uren in dit schooljaar in (leeg: geen uren) en sla ze in één keer op.
hours-people-save = Uren opslaan
hours-people-invalid = { $n ->
    [one] Eén veld is geen aantal uren (tussen 0 en 100.000, met hoogstens één decimaal, zoals 12,5). Er is niets opgeslagen; het veld is gemarkeerd.
   *[other] { $n } velden zijn geen aantal uren (tussen 0 en 100.000, met hoogstens één decimaal, zoals 12,5). Er is niets opgeslagen; de velden zijn gemarkeerd.
}
hours-settings-saved = De berekening is opgeslagen.
hours-people-saved = De uren zijn opgeslagen.
hours-rules-moved = Of een taak één verantwoordelijke heeft en wanneer iemands taken besproken worden, stel je in bij Wie doet wat.
tasks-bulk-intro = Kies taken met de vakjes om voor al die taken in één keer dezelfde afspraak te maken.
tasks-bulk-to-form = Naar de afspraak voor de gekozen taken
tasks-bulk-group = Alle taken in deze groep
tasks-bulk-choose = Kiezen
tasks-bulk-choose-task = Kies { $code }
tasks-bulk-heading = Eén afspraak voor de gekozen taken
tasks-bulk-button = Afspreken voor de gekozen taken
tasks-bulk-none = Kies eerst een of meer taken.
tasks-bulk-done = { $n ->
    [one] 1 nieuwe afspraak gemaakt.
   *[other] { $n } nieuwe afspraken gemaakt.
}
tasks-bulk-already = { $n ->
    [one] 1 taak had deze afspraak al.
   *[other] { $n } taken hadden deze afspraak al.
}
tasks-bulk-refused = { $n ->
    [one] Voor 1 taak kan deze afspraak niet, dus is er niets afgesproken.
   *[other] Voor { $n } taken kan deze afspraak niet, dus is er niets afgesproken.
}
tasks-rules-heading = Afspraken over de verdeling
tasks-rules-button = Afspraken opslaan
tasks-rules-saved = De afspraken over de verdeling zijn opgeslagen.
tasks-rules-many-error = Vul bij het aantal verantwoordelijkheden een heel getal van 1 tot en met 1000 in.
tasks-rules-one = De school kiest voor één verantwoordelijke per taak.
tasks-rules-several = Een taak mag meer dan één verantwoordelijke hebben.
tasks-rules-many = Vanaf { $n } verantwoordelijkheden is het de moeite waard om over iemands taken te praten.
