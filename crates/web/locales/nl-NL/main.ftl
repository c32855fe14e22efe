## Site-wide
site-name = Raamwerk
skip-link = Naar de inhoud
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
privacy-what-audit = Het logboek van je school: wie wanneer iemand uitnodigde, een bevoegdheid of rollen wijzigde, deactiveerde of verwijderde. Alleen de schoolbeheerders van die school zien het.
privacy-what-mail = E-mail: als je school een e-mailserver heeft ingesteld, stuurt Raamwerk uitnodigingen en links voor een nieuw wachtwoord naar je e-mailadres, en niets anders.
privacy-not-heading = Wat we niet doen
privacy-not = Geen tracking, geen advertenties, geen verzoeken aan andere sites en geen gegevens over leerlingen of studenten. Je gegevens gaan niet naar derden.
privacy-why-heading = Waarom
privacy-why = Om je te laten inloggen, je alleen te laten zien wat bij jouw school hoort, en je school te laten afspreken wie wat doet.
privacy-how-long-heading = Hoe lang
privacy-how-long = Een sessie eindigt na 12 uur zonder verzoek, na 14 dagen, bij uitloggen, en als je een nieuw wachtwoord instelt. Een link om een wachtwoord in te stellen werkt 14 dagen en één keer. Een uitnodiging werkt 14 dagen en één keer. Regels in het logboek blijven drie jaar bewaard; wordt je account verwijderd, dan blijven ze staan zonder je naam. Je account en je plaats in een school blijven bestaan tot ze worden verwijderd.
privacy-rights-heading = Je rechten
privacy-rights = Op je accountpagina download je alles wat Raamwerk over je bewaart, ook de regels in logboeken die je noemen, in een leesbaar JSON-bestand. Voor vragen, inzage of verwijdering kun je terecht bij de beheerder van je school.
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
delete-account-text = Je naam, je e-mailadres, je wachtwoord, je plaats in je scholen en je sessies worden gewist. Dit kan niet ongedaan worden gemaakt.
delete-account-password = Je wachtwoord, ter bevestiging
delete-account-button = Account definitief verwijderen
delete-account-wrong-password = Dit is niet je wachtwoord. Er is niets verwijderd.
account-deleted-notice = Je account en al je gegevens zijn verwijderd.
account-roles-in = Je rollen in het raamwerk bij { $school }
account-roles-save = Rollen opslaan
account-roles-saved = Je rollen zijn opgeslagen.
delete-account-last-admin = Je bent de enige actieve schoolbeheerder van { $schools }. Maak eerst iemand anders schoolbeheerder; er is niets verwijderd.
nav-schools = Mijn scholen
nav-account = Account
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
member-password-text = Maak een eenmalige link waarmee deze persoon een nieuw wachtwoord instelt. De link werkt 14 dagen; met het nieuwe wachtwoord eindigen alle sessies van deze persoon.
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
invite-intro = De uitnodiging is een link die 14 dagen en één keer werkt. Wie hem opent, kiest een naam en wachtwoord (of bevestigt met het wachtwoord van een bestaand account) en hoort dan bij deze school.
invite-roles = Rollen in het raamwerk (de persoon kan ze later zelf wijzigen)
invite-button = Uitnodigen
invite-done = { $email } is uitgenodigd.
invite-mailed = De uitnodiging is per e-mail verstuurd. Je kunt de link ook zelf doorgeven.
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

    Met deze link stel je een nieuw wachtwoord in voor Raamwerk (hij werkt 14 dagen en één keer):
    { $link }

    Vroeg je hier niet om? Dan kun je dit bericht negeren; je wachtwoord blijft hetzelfde.
forgot-title = Wachtwoord vergeten
forgot-link = Wachtwoord vergeten?
forgot-intro = Vul het e-mailadres van je account in. Hoort er een account bij, dan sturen we een link om een nieuw wachtwoord in te stellen.
forgot-button = Link versturen
forgot-sent = Als { $email } bij een account hoort, is er nu een link naar onderweg. Kijk ook in je map met ongewenste e-mail.
forgot-no-mail = Deze installatie verstuurt geen e-mail. Vraag de schoolbeheerder van je school om een link voor een nieuw wachtwoord.
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
audit-detail = Nieuwe waarde
audit-former-member = (verwijderd account)

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
scan-no-roles = Je hebt in deze school nog geen rol in het raamwerk. Kies eerst je rollen; daarna zie je hier de uitspraken die bij jouw rollen horen.
scan-intro = Kies een aandachtsgebied. Je kunt in elke volgorde werken en later verdergaan.
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
overview-made-on = Gemaakt op { $date }
overview-choice = Keuze
overview-note = Notitie
overview-download-pdf = Download als PDF
overview-download-docx = Download als Word-document (bewerkbaar)
quick-title = Snelle zelfscan
quick-intro = Kijk zonder account naar de uitspraken van het raamwerk voor je rollen: zeg bij elke uitspraak waar je staat, schrijf erbij wat je wilt, en bekijk of download je overzicht.
quick-nothing-kept = Raamwerk bewaart hier niets: je antwoorden staan alleen in deze pagina. Download je overzicht als je het wilt houden.
quick-roles = Voor welke rollen wil je de scan doen?
quick-start = Beginnen
quick-change-roles = Rollen wijzigen
quick-change-roles-hint = Let op: wat je hieronder invulde, gaat dan verloren.
quick-sections = Onderdelen van de scan
quick-see-overview = Bekijk je overzicht
quick-back = Terug naar je antwoorden
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
