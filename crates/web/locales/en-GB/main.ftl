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
privacy-what-sessions = While you are signed in: a session with the time it began and the time of your last request, under a derivative of the code in your cookie.
privacy-what-links = One-time links to set a password: a derivative of the code, whom it is for and when it expires or was used.
privacy-what-cookies = Two cookies: your choice of language and, when you are signed in, your session. No other cookies.
privacy-not-heading = What we do not do
privacy-not = No tracking, no advertising, no requests to other sites and no data about students. Your data does not go to third parties.
privacy-why-heading = Why
privacy-why = To let you sign in, to show you only what belongs to your school, and to let your school agree on who does what.
privacy-how-long-heading = How long
privacy-how-long = A session ends after 12 hours without a request, after 14 days, when you sign out, and when you set a new password. A link to set a password works for 14 days and once. Your account and your place in a school remain until they are removed.
privacy-rights-heading = Your rights
privacy-rights = On your account page you can download everything Raamwerk keeps about you, in a readable JSON file. For questions, access or removal, turn to your school's administrator.
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
