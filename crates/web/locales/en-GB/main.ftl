## Site-wide
site-name = Raamwerk
skip-link = Skip to content
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
privacy-what-audit = Your school's audit log: who invited someone, changed a permission or roles, deactivated or removed someone, and when. Only that school's administrators see it.
privacy-what-mail = E-mail: when your school has set up a mail server, Raamwerk sends invitations and links to set a new password to your e-mail address, and nothing else.
privacy-not-heading = What we do not do
privacy-not = No tracking, no advertising, no requests to other sites and no data about students. Your data does not go to third parties.
privacy-why-heading = Why
privacy-why = To let you sign in, to show you only what belongs to your school, and to let your school agree on who does what.
privacy-how-long-heading = How long
privacy-how-long = A session ends after 12 hours without a request, after 14 days, when you sign out, and when you set a new password. A link to set a password works for 14 days and once. An invitation works for 14 days and once. Audit log entries are kept for three years; if your account is deleted, they stay without your name. Your account and your place in a school remain until they are removed.
privacy-rights-heading = Your rights
privacy-rights = On your account page you can download everything Raamwerk keeps about you, including the audit log entries that name you, in a readable JSON file. For questions, access or removal, turn to your school's administrator.
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
delete-account-text = Your name, your e-mail address, your password, your place in your schools and your sessions are erased. This cannot be undone.
delete-account-password = Your password, to confirm
delete-account-button = Delete account permanently
delete-account-wrong-password = This is not your password. Nothing has been deleted.
account-deleted-notice = Your account and all your data have been deleted.
account-roles-in = Your roles in the framework at { $school }
account-roles-save = Save roles
account-roles-saved = Your roles have been saved.
delete-account-last-admin = You are the only active administrator of { $schools }. Make someone else an administrator first; nothing has been deleted.
nav-schools = My schools
nav-account = Account
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
member-password-text = Make a one-time link with which this person sets a new password. The link works for 14 days; the new password ends all of this person's sessions.
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
invite-intro = The invitation is a link that works for 14 days and once. Whoever opens it chooses a name and password (or confirms with the password of an existing account) and then belongs to this school.
invite-roles = Roles in the framework (the person can change them later)
invite-button = Invite
invite-done = { $email } has been invited.
invite-mailed = The invitation has been sent by e-mail. You can also pass the link on yourself.
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

    With this link you set a new password for Raamwerk (it works for 14 days and once):
    { $link }

    Did not ask for this? Then you can ignore this message; your password stays the same.
forgot-title = Forgot password
forgot-link = Forgot your password?
forgot-intro = Enter your account's e-mail address. If it belongs to an account, we send a link to set a new password.
forgot-button = Send link
forgot-sent = If { $email } belongs to an account, a link is on its way to it now. Also look in your junk mail folder.
forgot-no-mail = This installation does not send e-mail. Ask your school's administrator for a link to set a new password.
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
audit-detail = New value
audit-former-member = (deleted account)

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
scan-no-roles = You hold no framework role in this school yet. Choose your roles first; then you see the statements of your roles here.
scan-intro = Choose an area. You can work in any order and continue later.
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
overview-made-on = Made on { $date }
overview-choice = Choice
overview-note = Note
overview-download-pdf = Download as PDF
overview-download-docx = Download as Word document (editable)
quick-title = Quick self-scan
quick-intro = Look at the framework's statements for your roles without an account: say where you stand on each, note what you want, and view or download your overview.
quick-nothing-kept = Raamwerk keeps nothing here: your answers live in this page only. Download your overview if you want to keep it.
quick-roles = For which roles do you want to do the scan?
quick-start = Start
quick-change-roles = Change roles
quick-change-roles-hint = Note: what you filled in below is then lost.
quick-sections = Parts of the scan
quick-see-overview = See your overview
quick-back = Back to your answers
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
