## Site-wide
site-name = Raamwerk
skip-link = Skip to content
copy-button = Copy
copy-done = Copied.
nav-label = Main menu
nav-themes = Themes
lang-switch-label = Language
lang-switch = Nederlands
lang-switch-title = This page in Dutch
footer-edition = Edition { $version }
footer-privacy = No tracking and no requests to other sites; only your choice of language is kept in a cookie.
statements-count = { $n ->
    [one] 1 statement
   *[other] { $n } statements
}

## Home
home-title = Career guidance: what do you do, what do you know, and who does what?
home-intro = The framework describes what professionals in education do and know to guide young people in their choices of education and work. It distinguishes three roles and four areas, with tasks and expertise for each role.
home-app = On this site you can read the framework by role and by area, and see how a theme returns in the different roles, each time at a different depth. Everything can also be read in Dutch.
home-start-scan = Do the self-scan
home-start-sign-in = Sign in with your school
home-ambition-heading = The bar is set high on purpose
home-ambition = Nobody does everything described here, and nobody has to. The framework shows what good career guidance can ask for, so that a team can decide where it stands now and where it wants to go.
home-conversation-heading = An aid for the conversation
home-conversation = The framework is not a checklist and not an appraisal tool. Use it to talk with colleagues about what you already do, what you want to develop, and who in the school takes up what.
home-roles-heading = Three roles
home-roles-intro = One person can hold several roles at once. The division is an example, not a blueprint: a school may assign tasks differently.
home-themes-heading = Themes across the roles
home-themes-intro = The same topic asks something different of a mentor than of a careers adviser or a policymaker. The theme pages put the roles side by side.
home-themes-link = See all themes
home-edition-heading = About this edition

## Role pages
role-areas-nav = Areas
role-all-areas = All areas
role-other-roles = Other roles
role-ambition-note = The bar is set high on purpose: this is not a checklist but a starting point for the conversation about what you already do and what you want to develop.
role-quick-scan = Do the self-scan as { $role }, without an account
kind-task-heading = Tasks (role description)
kind-expertise-heading = Expertise
statement-theme = Theme
depth-label = Depth
depth-1 = foundation
depth-2 = in depth
depth-3 = steering

## Themes
themes-title = Themes
themes-intro = A theme is a topic that returns in several roles. The depth differs: the mentor knows it and uses it in their own work (foundation), the specialist goes into it and shares it (in depth), the coordinator steers it and makes it visible in the school (steering).
theme-roles = Returns in
theme-not-in-role = This theme does not appear in this role.
themes-back = All themes

## Errors
not-found-title = Page not found
not-found-text = This page does not exist. Check the address, or start from the home page.
error-title = Something went wrong
error-text = Something went wrong on our side. Nothing was changed; please try again in a moment.
error-home = Go to the home page

## Signing in
nav-sign-in = Sign in
form-error-heading = Something is not right
sign-in-title = Sign in
sign-in-intro = Sign in with your account's e-mail address and password.
email-label = E-mail address
password-label = Password
sign-in-button = Sign in
sign-in-failed = This e-mail address and this password do not belong together. Check them, or ask your school administrator for a new link to set a password.
password-set-notice = Your password has been set. You can sign in now.
set-password-title = Set your password
set-password-intro = Welcome, { $name }. Choose a password for your account.
new-password-label = New password
repeat-password-label = Repeat the password
password-hint = At least 12 characters. A sentence of a few ordinary words that do not belong together is strong and easy to remember.
set-password-button = Set password
link-gone-title = This link no longer works
link-gone-text = The link has been used already or has expired. Ask your school administrator for a new one.
account-title = Your account
account-email = E-mail address
account-schools = Your schools
account-no-schools = You do not belong to any school yet.
account-school = School
account-permission = Permission
account-roles = Roles in the framework
account-no-roles = not chosen yet
sign-out-button = Sign out
account-download = Download all your data (JSON)
sign-out-everywhere-button = Sign out everywhere
sign-out-everywhere-hint = Ends your sessions on all your devices, for example if you did not sign out on a school computer.

## Privacy
footer-privacy-link = Privacy
privacy-title = Privacy
privacy-intro = Raamwerk keeps only what it needs to let you work with the framework, and nothing about students.
privacy-what-heading = What we keep
privacy-what-account = Your account: your name, your e-mail address and an encrypted derivative (hash) of your password; we never keep the password itself.
privacy-what-membership = For each school you belong to: your permission (member, coordinator or school administrator) and the roles in the framework you hold.
privacy-what-scans = Your self-scans: per round your choices, notes, focus notes and reflections. Only you see them; a coordinator only sees whether your scan is finished. They are erased when your account is deleted or you are removed from a school.
privacy-what-sessions = While you are signed in: a session with the time it began and the time of your last request, under a derivative of the code in your cookie.
privacy-what-links = One-time links to set a password: a derivative of the code, whom it is for and when it expires or was used.
privacy-what-cookies = Two cookies: your choice of language and, when you are signed in, your session. No other cookies.
privacy-what-invitations = Invitations: the e-mail address invited, by whom, with which permission and roles, and until when the link works. An invitation to your address is erased when your account is deleted.
privacy-what-audit = Your school's audit log: who invited someone, changed a permission or roles, deactivated or removed someone, opened or closed a round, changed the own framework or the scale, or changed an agreement or hours in who does what, and when. Only that school's administrators see it.
privacy-what-mail = E-mail: when your school has set up a mail server, Raamwerk sends invitations and links to set a new password to your e-mail address, and nothing else.
privacy-not-heading = What we do not do
privacy-not = No tracking, no advertising, no requests to other sites and no data about students. Your data does not go to third parties.
privacy-why-heading = Why
privacy-why = To let you sign in, to show you only what belongs to your school, and to let your school agree on who does what.
privacy-how-long-heading = How long
privacy-how-long = A session ends after 12 hours without a request, after 14 days, when you sign out, and when you set a new password. A link to set a password works for 24 hours and once (a link from whoever runs the server: 14 days); a link someone else made for you ends as soon as you sign in, set a password or join another school. An invitation works for 14 days and once. Audit log entries are kept for three years; if your account is deleted, they stay without your name. Your account and your place in a school remain until they are removed.
privacy-rights-heading = Your rights
privacy-rights = On your account page you can download everything Raamwerk keeps about you, including the audit log entries that name you, in a readable JSON file. For questions, access or removal, turn to your school's administrator.
privacy-what-allocation = Who does what: per school year the agreements on who does which task (also when you are that person), the hours per task, your available hours for career guidance, and whether you let your scan's task answers count in the suggestions. The coordinators and administrators of your school see this.
privacy-students-heading = Nothing about students
privacy-students = Do not write anything about students in your notes and reflections: no names, no initials and no description by which someone can be recognised. Raamwerk is about your work as a professional; data about students belongs in your school's student information system, under the rules that apply there.
privacy-how-long-work = Your scans, your agreements in who does what and your available hours are kept as long as you belong to the school; they are erased when your account is deleted, and your scans also when you are removed from a school. The own framework, the rounds and the hours per task belong to the school and exist until the school deletes them or the school itself is deleted.
privacy-roles-heading = Who is responsible
privacy-roles = Your school is the controller of its staff's data in Raamwerk: it decides what Raamwerk is used for. Whoever runs this installation of Raamwerk (the school itself, its board or a service provider) is the processor and processes the data only on the school's instructions. For questions, access, correction or deletion, turn to your school's administrators and to the data protection officer (DPO) of your school or board.
privacy-agreement = When someone other than the school runs Raamwerk, the school and the processor sign a data processing agreement (GDPR, article 28) before any data goes in; the model agreement of the Dutch education privacy covenant (Privacyconvenant Onderwijs) is a common basis for it.
sign-in-locked = There have been too many attempts to sign in with this address or from this place. Try again in { $minutes } minutes.

## First run
setup-title = Set up Raamwerk
setup-intro = Create the first school and your own account as its school administrator. Then invite your colleagues.
setup-school-heading = The school
setup-school-name = Name of the school
setup-sectors = Sector
setup-students = Number of students
setup-region = Province
setup-region-choose = Choose a province
setup-brin = BRIN code (optional)
setup-brin-hint = Two digits and two letters, such as 12AB.
setup-you-heading = You, as school administrator
setup-your-name = Your name
setup-your-roles = Your roles in the framework (you can change them later)
setup-button = Create school and account
setup-email-taken = This e-mail address already has an account. Use another address.
setup-done-notice = Your school has been set up. Sign in with your e-mail address and password.

## Deleting an account
delete-account-heading = Delete your account
delete-account-text = Your name, your e-mail address, your password, your place in your schools and your sessions are erased, and so are all your scans with their answers and notes, what you shared with colleagues, your agreements in who does what and your available hours. This cannot be undone. If you want to keep something, download your data or your scan's overview first.
delete-account-password = Your password, to confirm
delete-account-button = Delete account permanently
delete-account-wrong-password = This is not your password. Nothing has been deleted.
account-deleted-notice = Your account and all your data have been deleted.
account-roles-in = Your roles in the framework at { $school }
account-roles-save = Save roles
account-roles-saved = Your roles have been saved.
account-name-heading = Your name
account-name-label = Name
account-name-button = Save name
account-name-saved = Your name has been changed.
account-password-heading = New password
account-password-new = New password
account-password-hint = At least 12 characters; a sentence of a few words works well. Your other sessions end, this one stays.
account-password-repeat = Repeat the new password
account-password-button = Change password
account-password-saved = Your password has been changed. You have been signed out on your other devices.
account-email-heading = Your e-mail address
account-email-label = New e-mail address
account-email-hint-mail = We send a link to the new address; your address changes only when you open that link. Until then you sign in with your current address.
account-email-hint-direct = From then on you sign in with the new address.
account-email-button = Change e-mail address
account-email-same = This is your e-mail address already. Nothing was changed.
account-email-taken = This e-mail address belongs to another account. Nothing was changed.
account-email-saved = Your e-mail address has been changed. From now on, sign in with your new address.
account-email-sent = We have sent a link to { $email }. Your address changes only when you open that link (it works for { $hours } hours). Also look in your junk mail folder.
account-email-not-sent = The e-mail with the link could not be sent. Nothing was changed; please try again later.
email-mail-subject = Confirm your new e-mail address for Raamwerk
email-mail-body = Hello { $name },

    You want to sign in to Raamwerk with this address from now on. Open this link to confirm it (it works for { $hours } hours and once):
    { $link }

    Did not ask for this? Then you can ignore this message; nothing changes.
email-notice-subject = Your e-mail address for Raamwerk is being changed
email-notice-body = Hello { $name },

    Someone signed in with your password asked to change your Raamwerk account's e-mail address to { $email }. The address changes only when the link sent to that address is opened.

    Was this not you? Then sign in and change your password: that ends the link.
confirm-email-title = Confirm your new e-mail address
confirm-email-intro = { $name }, confirm that from now on you sign in with { $email }.
confirm-email-button = Confirm
confirm-email-taken = This e-mail address now belongs to another account. Your address has not been changed; choose another one on your account page.
confirm-email-gone = The link has been used or has expired, or since then you asked for another address or changed your password. Ask for a change again on your account page.
account-change-current = Your current password, to confirm
account-change-wrong-password = This is not your current password. Nothing was changed.
delete-account-last-admin = You are the only active administrator of { $schools }. Make someone else an administrator first; nothing has been deleted.
nav-schools = My schools
nav-account = Account
too-large-title = Too large to process
too-large-text = What you sent is larger than a form here can be (256 kB; importing a file may be up to 20 MB). Nothing was stored. Go back in your browser: what you filled in is usually still there, so you can make it shorter.
forbidden-title = No access
forbidden-text = Your permission in this school does not give access to this page. Ask a coordinator or administrator if you think this is wrong.
schools-title = My schools
schools-intro = Choose the school you want to work in. What you do in one school does not show in another.
schools-none = You do not belong to any school yet. Ask a coordinator or administrator of your school to invite you.
schools-inactive-heading = Deactivated
schools-inactive-text = In these schools your membership has been deactivated. Your data has been kept; a coordinator or administrator can reactivate you.
school-nav-label = This school
school-switch = Choose another school
school-start = Start
school-you-work-here = You are working in this school now. Everything you see and do here belongs to this school.
school-change-roles = Change roles
school-manage-members = Manage and invite members
start-todo-heading = To do now
start-you-heading = You in this school
start-round-open = The round { $round } is open. Your scan: { $state }.
start-round-soon = The round { $round } starts on { $starts }.
start-round-go = Go to the round
start-shared-scan = { $name } shared a scan with you.
start-shared-scan-go = Read it
start-no-round = No round is open now. Your coordinator opens the next one.
start-no-round-coordinator = No round is open now. Open one when your team is to do the scan.
start-rounds-go = Go to the rounds
start-tasks = { $n ->
    [0] You have no agreements in who does what this school year yet.
    [one] You have 1 agreement in who does what this school year.
   *[other] You have { $n } agreements in who does what this school year.
}
start-tasks-go = Go to who does what
setup-done-signed-in = Your school is set up and you are signed in. Now invite your team through ‘Manage and invite members’.
members-title = Members
members-count = { $n ->
    [one] 1 member
   *[other] { $n } members
}
member-name = Name
member-status = Status
member-active = active
member-inactive = deactivated
member-back = Back to the members
member-saved = The change has been saved.
member-removed = The member has been removed from the school.
member-roles-heading = Roles in the framework
member-permission-label = Permission
member-permission-save = Save permission
member-password-heading = New password
member-password-text = Make a one-time link with which this person sets a new password. The link works for { $hours } hours, and only while this person belongs to no other school and you are an administrator; the new password ends all of this person's sessions.
member-password-button = Make a link for a new password
member-deactivate-heading = Deactivate
member-deactivate-text = Once deactivated, this person can no longer work in this school. Everything is kept and you can reactivate them later. Their account and other schools stay as they are.
member-deactivate-button = Deactivate
member-reactivate-heading = Reactivate
member-reactivate-text = This person can then work in this school again, with the same permission and roles as before.
member-reactivate-button = Reactivate
member-remove-heading = Remove from the school
member-remove-text = Removing ends the membership: this person's permission and roles in this school are erased, and so is their private work in this school. Team agreements stay, but no longer name this person. Their account and other schools remain. This cannot be undone; to shut someone out only for a while, choose deactivate.
member-remove-confirm = I understand that { $name } will be removed from this school.
member-remove-confirm-missing = First tick that you understand what removing does. Nothing has changed.
member-remove-button = Remove
invite-heading = Invite someone
invite-many-heading = Invite several people at once
invite-many-intro = Paste a list of e-mail addresses, one person per line, or choose a CSV file (from your staff records, for example). Everyone gets the same permission and roles; you adjust those per person later. Whoever has no account yet chooses a name when accepting.
invite-many-list = Addresses, one per line
invite-many-list-hint = For example: fatima@school.nl, or Fatima El Amrani;fatima@school.nl, or Fatima El Amrani <fatima@school.nl>. A header line is skipped.
invite-many-file = Or a CSV file
invite-many-button = Invite everyone on the list
invite-many-done = { $n ->
    [one] 1 person invited.
   *[other] { $n } people invited.
}
invite-many-mailed = the link was sent by e-mail
invite-many-link = Link for { $email }
invite-many-not-invited = { $n ->
    [one] 1 line was not invited
   *[other] { $n } lines were not invited
}
invite-many-line = Line { $line } ({ $text }): { $why }
invite-many-empty = The list is empty: paste addresses or choose a file.
invite-many-not-text = The file is not text (UTF-8). Save it from your spreadsheet as ‘CSV UTF-8’ and try again.
invite-intro = The invitation is a link that works for 14 days and once. Whoever opens it chooses a name and password (or confirms with the password of an existing account) and then belongs to this school.
invite-roles = Roles in the framework (the person can change them later)
invite-button = Invite
invite-done = { $email } has been invited.
invite-mailed = The invitation has been sent by e-mail. The link is in that e-mail only: so only whoever reads that address accepts the invitation.
invite-mail-failed = Sending the e-mail failed. Pass the link on yourself.
invite-not-mailed = No mail server is configured: pass this link on yourself, for example through your school's e-mail.
invite-link-label = Invitation link
invite-mail-subject = Invitation to { $school } in Raamwerk
invite-mail-body = Hello,

    { $inviter } invites you to work with { $school } in Raamwerk, the career guidance framework for schools.

    Open this link to accept the invitation (it works for 14 days and once):
    { $link }

    Not expecting this invitation? Then you can ignore this message.
invitations-heading = Open invitations
invitations-intro = Revoking an invitation makes its link unusable. Inviting again makes a new link and revokes the previous one.
invitations-none = There are no open invitations.
invitation-until = Valid until
invitation-expired = expired
invitation-outlived = void (whoever invited may no longer do so)
invitation-actions = Actions
invitation-revoke = Revoke
invitation-revoke-for = Revoke the invitation for { $email }
invitation-title = Invitation
invitation-intro = You have been invited to work with { $school } in Raamwerk as { $permission }, with the address { $email }.
invitation-existing = There already is an account with this address. Confirm with its password; you will then also belong to this school.
invitation-accept = Accept the invitation
invitation-wrong-password = This is not the password of this account. Nothing has changed.
invitation-used = This invitation has been accepted already. Sign in to continue.
invitation-revoked = This invitation has been revoked. Ask the person who invited you for a new one.
invitation-expired-text = This invitation has expired. Ask the person who invited you for a new one.
invitation-already-member = You already belong to this school. Sign in to continue.
password-link-label = Link for a new password
password-link-mailed = The link has been sent to this person by e-mail.
password-link-not-mailed = No mail server is configured: pass this link on to this person yourself.
password-mail-subject = A new password for Raamwerk
password-mail-body = Hello,

    With this link you set a new password for Raamwerk (it works for { $hours } hours and once):
    { $link }

    Did not ask for this? Then you can ignore this message; your password stays the same.
forgot-title = Forgot password
forgot-link = Forgot your password?
forgot-intro = Enter your account's e-mail address. If it belongs to an account, we send a link to set a new password.
forgot-button = Send link
forgot-sent = If { $email } belongs to an account, a link is on its way to it now. Also look in your junk mail folder.
forgot-no-mail = This installation sends no e-mail. Ask an administrator of your school (whoever set Raamwerk up for your school or manages its members) for a new-password link. They make it on the Members page, at your name, with ‘Make a link for a new password’, and pass it on to you. That way you get back in without e-mail.
audit-title = Audit log
settings-title = School details
settings-intro = Your school's details. The school's address in Raamwerk stays { $address }, also when the name changes.
settings-save = Save details
settings-saved = The school's details have been saved.
audit-intro = Who did what in managing this school, and when. Only administrators see this. Entries older than three years are deleted; the names of people who deleted their account no longer appear.
audit-empty = There is nothing in the audit log yet.
audit-when = When
audit-who = Who
audit-what = What
audit-whom = About
audit-detail = Details
audit-former-member = (deleted account)
audit-version = version { $version }
audit-filter-what = Part
audit-filter-all = everything
audit-filter-who = Name (who, or about whom)
audit-filter-button = Show
audit-csv = Download these lines as CSV
audit-none-match = No lines for this choice.
audit-party-person = person
audit-times = Times in Dutch time (CET in winter, CEST in summer).

# The self-scan
rounds-title = Self-scan
rounds-intro = In a round, every member looks at what they do and know for the roles they hold. Your scan is yours: no one else sees what is in it unless you share it.
rounds-none = There is no round yet. A coordinator opens one.
round-name = Name
round-name-hint = For example ‘autumn 2026’.
round-period-heading = Period
round-period = from { $starts } to { $ends }
round-period-open = from { $starts }
round-state = State
round-open = open
round-closed = closed
round-mine = Your scan
round-mine-none = not started
round-mine-started = in progress
round-mine-carried = carried over, not confirmed yet
round-mine-finished = finished
round-open-heading = Open a round
round-open-intro = The round uses your school's framework as it is now. One round is open at a time.
round-open-one-at-a-time = A round is open already. Close it first; then open a new one here.
round-starts = Start date
round-ends = End date
round-ends-hint = May be left empty.
round-open-button = Open round
round-back = All rounds
round-your-scan = Your scan
round-closed-text = This round is closed. Your answers stay readable, but you can no longer change them.
round-team-heading = Who has finished
round-team-intro = You only see who has finished their scan, not what is in it.
round-finished-count = { $finished } of { $total } finished
round-close-text = Once closed, no one can change their scan in this round; everything stays readable.
round-close-button = Close round
round-close-confirm = Yes, close this round for everyone. Not finished yet: { $unfinished } of { $total } scans.
round-close-unconfirmed = The round was not closed: first tick that you want to close it for everyone.
round-reopen-text = Closed by mistake? A coordinator can open the round again, as long as no other round is open. This goes into the audit log.
round-reopen-button = Open round again
round-status = State of the scan
scan-no-roles = You hold no framework role in this school yet. Choose your roles first; then you see the statements of your roles here.
scan-intro = Choose an area. You can work in any order and continue later.
scan-intro-closed = Choose an area to read your answers back.
scan-carried-text = Your answers from the previous round were carried over and are not confirmed yet. Go through them and change what no longer fits; ‘My scan is finished’ confirms them.
round-not-started-text = This round starts on { $starts }. Until then you can read the statements; answering is possible from that day.
scan-intro-not-started = Choose an area to read its statements in advance.
scan-finish-empty-confirm = Yes, I have not answered a single statement and still mark my scan as finished.
scan-finish-empty-unconfirmed = Your scan was not marked as finished: you have not answered anything yet. Tick that you want to mark it finished anyway, or answer the statements first.
scan-progress = { $answered } of { $total } statements answered
scan-finish-button = My scan is finished
scan-unfinish-button = Not finished after all
scan-finished-text = You have marked your scan as finished. You can keep changing it while the round is open.
scan-tasks = What you do
scan-tasks-intro = The tasks of this role in this area. For each task, say where you stand now.
scan-expertise = What you know and can do
scan-expertise-intro = The expertise these tasks ask for.
scan-focus-tasks = Focus for your tasks: what do you want to take up or do differently?
scan-focus-expertise = Focus for your expertise: what do you want to develop?
scan-reflection = Reflection
scan-reflection-intro = Questions to think about. Your answers are for you alone, unless you share your scan.
scan-area-intro = There are no right or wrong answers: what counts is an honest picture, as the start of a conversation.
scan-note = Note (optional)
scan-discuss = I want to discuss this
scan-theme = Theme:
scan-theme-also = also returns in { $roles }
scan-save = Save
scan-save-hint = With JavaScript, every change is saved at once.
scan-note-counter = { $used } of { $max } characters
scan-saved = Your answers have been saved.
scan-not-saved-heading = Nothing was saved
scan-pager-label = Previous and next
scan-back-to-round = Back to the round's overview
scan-state-saving = Saving…
scan-state-saved = Saved
scan-state-retrying = Not saved, trying again
scan-state-failed = Not saved
scan-save-signed-out = You have been signed out. Sign in again; what was not saved is still on this page.
scan-save-not-found = This round was not found.
overview-title = Overview: { $round }
overview-private = This overview is for you alone.
overview-not-started = You have not filled in anything in this round yet.
overview-legend = What the colours mean
overview-numbers = Numbers of statements for { $area }
overview-kind = Kind of statement
overview-no-answer = not answered yet
overview-nothing-yet = nothing answered yet
overview-expertise-words = For expertise the steps are called:
overview-your-notes = Your notes
overview-strengths = What you already do and master
overview-wishes = What you want to take up or develop
overview-discuss = What you want to discuss
overview-none-yet = Nothing yet.
overview-changes = What changed
overview-changes-since = Different from { $round }
overview-no-changes = None of your answers differs from { $round }.
overview-first-round = This is your first round; in a next round you see here what changed.
overview-statement = Statement
round-overview-link = Your overview of this round
share-heading = Sharing
share-intro = Your scan is yours. You can share it, read-only, with colleagues of this school or with the whole team, and withdraw that again.
share-team-on = Your scan is shared with the whole team.
share-team-start = Share with the whole team
share-team-stop = Stop sharing with the team
share-with-person = Shared with { $name }
share-stop = Withdraw
share-stop-for = Withdraw (stop sharing with { $name })
share-colleague = Share with a colleague
share-button = Share
share-choose = Choose with whom to share.
share-nothing = There is nothing to share yet: fill in something first.
share-not-a-colleague = This person is not an active colleague in this school.
shared-with-me-heading = Shared with you
shared-with-me-link = { $name }'s scan
overview-shared-title = { $name }'s scan: { $round }
overview-shared-note = { $name } has shared this scan with you to read.
overview-notes-of = { $name }'s notes
overview-strengths-of = What { $name } already does and masters
overview-wishes-of = What { $name } wants to take up or develop
overview-discuss-of = What { $name } wants to discuss
overview-not-started-of = { $name } has not filled in anything in this round yet.
overview-document-title = Overview of { $name }: { $round }
overview-shared-document-note = { $name } shared this scan with { $reader }, to discuss it together. Do not pass it on without asking.
overview-named-hint = The documents carry your name, your school, the round and the date. Without your name:
overview-anonymous-query = name=no
overview-anonymous-pdf = PDF without name
overview-anonymous-docx = Word document without name
overview-made-on = Made on { $date }
overview-choice = Choice
overview-note = Note
overview-download-pdf = Download as PDF
overview-download-docx = Download as Word document (editable)
quick-title = Quick self-scan
quick-intro = Look at the framework's statements for your roles without an account: say where you stand on each, note what you want, and view or download your overview.
quick-nothing-kept = Raamwerk keeps nothing here: your answers live in this page only, and in this browser tab until you close it (so they stay when you switch language). Download your overview if you want to keep it.
quick-roles = For which roles do you want to do the scan?
quick-start = Start
quick-no-role = Choose at least one role to do the scan for.
quick-change-roles = Change roles
quick-change-roles-hint = Note: what you filled in below is then lost.
quick-sections = Parts of the scan
quick-see-overview = See your overview
quick-back = Back to your answers
quick-documents-busy-title = Please wait
quick-documents-busy-text = Very many documents were made from this address in a short time. Try again in { $minutes } minutes; go back in your browser, where your answers still are.
quick-overview-title = Your overview
quick-choose-roles = Choose at least one role.
nav-quick-scan = Quick self-scan
settings-scale-heading = Words of the scale
settings-scale-intro = You can give the four steps of the self-scan's scale other words, for tasks and for expertise, in both languages. Leave a field empty to keep our word (in grey). The steps themselves stay the same, so answers remain comparable.
settings-scale-step = Step
settings-scale-tasks = Tasks
settings-scale-expertise = Expertise
settings-scale-field = { $kind }, step ‘{ $step }’, language { $lang }
settings-scale-save = Save words

## Own framework
statement-dutch-only = Dutch only
fw-title = Our framework
fw-intro = Here the school makes the framework its own: add statements (regional, occupation-specific, school-specific), reword them, hide them, move them to another role or area, and set their depth. Every published version is kept; scans on an earlier version stay readable.
fw-current = The version the school works with
fw-national-in-use = The school works with the national edition. Start a draft to make a version of its own.
fw-version = version
fw-date = Date
fw-by = By
fw-summary = What changed
fw-summary-hint = A short summary for colleagues, for example: 'Added two regional tasks; moved the task on work placements to the careers adviser.'
fw-download = Download
fw-format-json = JSON (our own format)
fw-format-case = CASE 1.1
fw-format-moodle = Moodle CSV
fw-moodle-note = The Moodle CSV is for loading into Moodle, not for opening in Excel: text starting with =, +, - or @ is written as it is, because Moodle would keep a mark put in front of it. Edit the framework with the template (XLSX or CSV).
fw-format-xlsx = Excel (XLSX)
fw-format-csv = CSV for Excel
fw-national-news-heading = There is a new national edition
fw-national-news = National edition { $version } has been published. See what changed and take over what the school wants.
fw-national-news-link = See the national changes
fw-draft-heading = Draft
fw-draft-exists = There is a draft of the next version:
fw-draft-open = Go to the draft
fw-draft-none = There is no draft. A draft starts as a copy of the version the school works with now; colleagues see nothing until it is published.
fw-draft-none-member = There is no draft. Coordinators and administrators can change the school's framework.
fw-draft-start = Start a draft
fw-history = Published versions
fw-history-none = The school has not published a version of its own yet.
fw-open = Open
fw-open-yes = yes
fw-open-no = no
fw-open-start = Publish openly
fw-open-stop = Stop publishing openly
fw-open-hint = Anyone can fetch an open version through the CASE interface, for instance to load it into another system. Only the statements become open, never scans or names.
fw-compare-heading = Compare versions
fw-compare-from = From
fw-compare-to = To
fw-compare-button = Compare
fw-compare-previous = compare with the previous one
fw-compare-intro = What changed from { $from } to { $to }.
fw-own-version = own version { $version }
fw-national-version = national edition { $version }
fw-no-changes = no changes
fw-aspect-added = added
fw-aspect-removed = removed or hidden
fw-aspect-reworded = reworded
fw-aspect-moved = moved
fw-aspect-kind = other kind
fw-aspect-depth = other depth
fw-aspect-theme = other theme
fw-aspect-tags = other tags
fw-aspect-reordered = other order
fw-moved-from = was:
fw-before = Was
fw-after = Becomes
fw-back = Back to our framework
fw-back-draft = Back to the draft
fw-kind = Kind
fw-kind-task = task
fw-kind-expertise = expertise
fw-role = Role
fw-area = Area
fw-draft-title = Draft of our framework
fw-draft-intro = This draft started as a copy of version { $version }.
fw-draft-based-on = It is based on national edition { $version }.
fw-draft-changes = Changes in this draft
fw-draft-statements = Statements
fw-filter-all-roles = All roles
fw-filter-all-areas = All areas
fw-filter-button = Show
fw-filter-listed = { $listed } of the { $total } statements shown.
fw-filter-reset = Show all statements
fw-more = More
fw-publish-heading = Publish
fw-publish-intro = Publishing makes this draft version { $version } of the school's framework. That version never changes afterwards; a new round uses the newest version.
fw-publish-problems = The draft cannot be published like this yet
fw-publish-button = Publish
fw-discard-button = Discard the draft
fw-discard-heading = Discard the draft
fw-discard-text = Everything changed in this draft since the version it is based on is lost. Published versions stay as they are. This goes into the audit log.
fw-discard-confirm = Yes, discard this draft for good.
fw-discard-unconfirmed = The draft was not discarded: first tick that it may go for good.
fw-edition-title = Career guidance framework of { $school }
fw-hidden = hidden
fw-own = own
fw-edit = Change
fw-up = Up
fw-down = Down
fw-hide = Hide
fw-show = Show again
fw-hide-intro = A hidden statement is left out of the next version. You can show it again later.
fw-show-intro = This statement is hidden. Show it again to include it in the next version.
fw-add-heading = Add a statement of the school's own
fw-add-button = Add
fw-text-nl = Text (Dutch)
fw-text-en = Text (English, may be left empty)
fw-text-en-hint = Without an English text the English version shows the Dutch one, marked 'Dutch only'.
fw-depth-none = none
fw-tags = Tags
fw-tag-regional = regional
fw-tag-occupational = occupation-specific
fw-tag-school = school-specific
fw-tags-own = Tags of your own
fw-tags-own-hint = Separated by commas, each at most 40 characters.
fw-statement-title = Statement { $code }
fw-not-changed = Not changed
fw-last-change = Last changed by { $name }.
fw-original = How it reads in the version the draft started from
fw-own-statement = This is a statement of the school's own.
fw-reword = Wording
fw-reword-button = Save the wording
fw-move = Move
fw-move-button = Move
fw-depth-button = Save the depth
fw-tags-button = Save the tags
fw-refused-not-allowed = Only coordinators and administrators change the school's framework.
fw-refused-no-draft = There is no draft (any more): perhaps someone published or discarded it in the meantime.
fw-refused-draft-exists = There is a draft already.
fw-refused-changed = { $name } changed this statement in the meantime. Below it is as it is now; make your change again if it is still needed.
fw-refused-draft-changed = The draft changed since you looked at it. Review the changes and publish again.
fw-refused-version-taken = Someone published a version in the meantime. Look at the history and start a new draft if needed.
fw-error-no-dutch = Fill in the Dutch text.
fw-error-too-long = A text may be at most 1000 characters long.
fw-error-no-statement = This statement is not in the draft.
fw-error-nowhere = The statement is at the top or the bottom already.
fw-error-place = Choose a role, an area and a kind.
fw-error-depth = Choose a depth from the list.
fw-error-tag = '{ $tag }' is not a valid tag: at most 40 characters, no comma.
fw-error-summary = Say in a few words what changed (at most 2000 characters).
fw-error-op = We do not know this change.
fw-national-title = New national edition
fw-national-up-to-date = The school's framework is up to date with national edition { $version }.
fw-national-intro = What changed nationally from edition { $from } (which the school's framework is based on) to edition { $to }.
fw-national-how = Take changes over one by one, or all at once. They go into the draft; the school's own statements and other changes stay. With 'Done' the rest stays as the school has it.
fw-take-all = Take over everything
fw-take-done = Done: do not take over the rest
fw-take-one = Take over
fw-taken = Taken over (or already so in the draft)
fw-published-notice = Version { $version } is published: this is now the school's framework. New rounds use this version.
fw-discarded-notice = The draft was discarded; the school's framework did not change.
settings-scale-saved = The scale's words have been saved. They apply at once in every scan of the school.
fw-wording-own = Your wording
fw-wording-national-before = National, was
fw-wording-national-after = National, now
fw-wording-kept = Your own wording stays.
fw-take-keep-own = Take over, keep our wording
fw-take-national-wording = Take the national wording
fw-depth-change = Depth: was { $before }, now { $after }.
fw-import-heading = Import a file
fw-import-intro = Import a framework as the school's next version: our own JSON format, a CASE package (1.0 or 1.1, also from other systems) or the spreadsheet template. Nothing is stored unless the whole file is right.
fw-import-format-label = Format
fw-import-file = File
fw-import-hint = At most 20 MB.
fw-import-button = Import
fw-import-stored = Stored as version { $version } of the school's framework.
fw-import-view = See this version
fw-import-report = What was left out
fw-import-preview-heading = What this file changes, as version { $version }
fw-import-preview-intro = Nothing has been stored yet. Compared with
fw-import-against-version = version { $version }, which the school uses now
fw-import-against-national = the national edition the school uses now
fw-import-summary = Summary for the history
fw-import-summary-hint = In your own words: what changes and why. It stands with the version in the history (not the file's own description).
fw-import-confirm = Store as version { $version }
fw-import-cancel = Do not store
fw-import-summary-needed = Write a summary for the history (at most { $max } characters); nothing was stored.
fw-import-preview-lost = The preview could no longer be read; nothing was stored. Read the file in again.
fw-history-imported = read from a file
fw-import-failed = The file could not be read because of an error in Raamwerk; nothing was stored. Try again later.
fw-import-refused = The file was not imported; nothing was stored
fw-import-format = Choose a format that can be imported.
fw-import-no-file = Choose a file.

## Who does what
tasks-title = Who does what
tasks-year = school year
tasks-intro = The team's agreements on who is responsible for each task, who carries it out and who is involved. Everyone in the school can read them; coordinators make them, together with the team. What people said in their scan is shown only when they chose so.
tasks-previous-year = previous school year
tasks-next-year = next school year
tasks-views = Views
tasks-view-area = by area
tasks-view-role = by role
tasks-view-category = by kind of task
tasks-view-person = by person
tasks-view-mine = my tasks
tasks-attention = To talk about
tasks-attention-count = { $n ->
    [one] 1 point to talk about; open to read
   *[other] { $n } points to talk about; open to read
}
tasks-sheet-group = Group
hours-sheet-part = Part
hours-sheet-calculation = Calculation
hours-sheet-amount = Hours
hours-sheet-people = Hours per person
tasks-attention-none = Nothing in particular: every task has someone responsible and someone carrying it out.
tasks-att-no-responsible = No one is responsible for { $code } yet.
tasks-att-no-carrier = No one carries out { $code } yet.
tasks-att-several = { $n } parties are responsible for { $code }; is that as meant?
tasks-att-many = { $name } is responsible for { $n } tasks; does that fit?
tasks-att-hours = The tasks { $name } carries out take { $tasks } hours; { $allocated } hours are set aside.
tasks-att-says = { $name } says they do or want to take up { $code }, but has no part in it in the agreements.
tasks-att-says-not = { $name } has a part in { $code }, but says it is not their task.
tasks-none = There are no tasks here.
tasks-task = Task
tasks-responsible = Responsible
tasks-carries-out = Carries out
tasks-involved = Involved
tasks-said = According to the scans
tasks-said-yes = I do this
tasks-said-partly = I partly do this
tasks-said-develop = I want to take this up
tasks-hours-unit = hours a year
tasks-agree = Make agreements
tasks-former-member = someone who left the school
tasks-person-hours = { $name } — tasks { $tasks } hours, available { $allocated } hours
task-title = Task { $code }
task-back = Back to who does what
task-agreements = Agreements
task-agreements-none = There are no agreements for this task yet.
task-remove = Remove
task-said = What people said in their scan
task-agree-carries-out = Agree: carries out
task-added-notice = The agreement has been made.
task-removed-notice = The agreement has been removed.
task-saved-notice = The task has been saved.
task-agreed-already = carries the task out, as agreed
task-add = Add an agreement
task-party = Who
task-people = People
task-roles = Roles
task-outside = Partners
task-party-new = a new partner (name below)
task-party-new-name = Name of the new partner
task-party-new-hint = Only when you chose 'a new partner' above, for example 'Youth work North'.
task-part = Part in the task
task-add-button = Add
task-category-heading = Kind of task and hours
task-category = Kind of task
task-hours = Hours a year (may be empty)
task-hours-hint = For example 12 or 12.5. Those carrying it out share these hours equally.
task-save = Save
task-error-party = Choose who, and which part in the task.
task-error-hours = An amount of hours is 0 to 100,000, with one decimal at most.
task-error-category = Choose a kind of task from the list.
hours-title = LOB hours
hours-intro = How many hours a year the school gives to career guidance, by the formula the school chooses, with the calculation step by step; and beside it the hours each person has, the hours of the tasks each carries out, and the difference. An aid for the conversation with the school's leadership, not an arithmetical truth.
hours-calculation = The calculation
hours-total = Total hours a year
hours-allocated-total = Given to people
hours-over-formula = People have been given { $allocated } hours: { $more } hours more than the formula gives ({ $formula } hours).
hours-people = Per person
hours-person = Name
hours-task-hours = Hours of tasks
hours-allocated = Hours available
hours-allocated-for = Hours available to { $name }
hours-difference = Difference
hours-over = more tasks than hours
hours-formula = Formula
hours-vvsl = VvSL: 220 hours + 90 hours per careers adviser + 1.5 hours per student
hours-nvs = NVS (1996): 240 hours + 50 to 70 minutes per student
hours-own = Own formula: base + hours per careers adviser + hours per student
hours-nvs-minutes = Minutes per student (NVS, 50 to 70)
hours-own-base = Base in hours (own formula)
hours-own-decaan = Hours per careers adviser (own formula)
hours-own-student = Hours per student (own formula)
hours-decanen = Number of careers advisers (empty: from the school's data)
hours-students = Number of students (empty: from the school's data)
hours-one-responsible = One responsible party per task
hours-many = From how many responsibilities on a person's tasks are worth talking about
feed-heading = Who does what
feed-off = Your task answers of this round do not count in 'Who does what'. If you want them to, the team sees for each task whether you say you do it, partly do it or want to take it up; your notes and the rest of your scan stay yours.
feed-on = Your task answers of this round count in 'Who does what': the team sees for each task whether you say you do it, partly do it or want to take it up. Your notes and the rest of your scan stay yours.
feed-start = Let my task answers count
feed-stop = Stop letting them count
tasks-sheet = Tasks
tasks-code = Code
tasks-said-more = { $n ->
    [one] and 1 more colleague
   *[other] and { $n } more colleagues
}
tasks-att-says-many = { $n } colleagues say they do or want to take up { $code }, but have no part in it in the agreements.
tasks-att-says-not-many = { $n } colleagues have a part in { $code }, but say it is not their task.
hours-decanen-hint = { $n ->
    [one] According to the school: 1 member with the specialist role.
   *[other] According to the school: { $n } members with the specialist role.
}
hours-students-hint = { $n ->
    [one] According to the school: 1 student.
   *[other] According to the school: { $n } students.
}
hours-people-hint = Fill in everyone's available career guidance hours in this school year (empty: no hours) and save them all at once.
hours-people-save = Save hours
hours-people-invalid = { $n ->
    [one] One field is not a number of hours (between 0 and 100,000, with at most one decimal, such as 12.5). Nothing was saved; the field is marked.
   *[other] { $n } fields are not a number of hours (between 0 and 100,000, with at most one decimal, such as 12.5). Nothing was saved; the fields are marked.
}
hours-settings-saved = The calculation has been saved.
hours-people-saved = The hours have been saved.
hours-rules-moved = Whether a task has one responsible party, and when someone's tasks are worth talking about, is set under Who does what.
tasks-bulk-intro = Tick tasks to make the same agreement for all of them at once.
tasks-bulk-to-form = To the agreement for the chosen tasks
tasks-bulk-group = All tasks in this group
tasks-bulk-choose = Choose
tasks-bulk-choose-task = Choose { $code }
tasks-bulk-heading = One agreement for the chosen tasks
tasks-bulk-button = Agree for the chosen tasks
tasks-bulk-none = First choose one or more tasks.
tasks-bulk-done = { $n ->
    [one] 1 new agreement made.
   *[other] { $n } new agreements made.
}
tasks-bulk-already = { $n ->
    [one] 1 task had this agreement already.
   *[other] { $n } tasks had this agreement already.
}
tasks-bulk-refused = { $n ->
    [one] This agreement is not possible for 1 task, so nothing was agreed.
   *[other] This agreement is not possible for { $n } tasks, so nothing was agreed.
}
tasks-rules-heading = Agreements on the allocation
tasks-rules-button = Save agreements
tasks-rules-saved = The agreements on the allocation have been saved.
tasks-rules-many-error = Fill in a whole number from 1 to 1000 for the number of responsibilities.
tasks-rules-one = The school chose one responsible party per task.
tasks-rules-several = A task may have more than one responsible party.
tasks-rules-many = From { $n } responsibilities on, someone's tasks are worth talking about.
