<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Database upgraded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database was upgraded from schema %1 to %2. A copy of the old version was kept at:
%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BizDesk business management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQLite file or postgresql:// URL.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in as LOGIN (password from $BIZDESK_PASSWORD).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>entry %1 does not follow the entry before it (an entry was deleted, inserted or reordered)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entry %1 was edited after it was written</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>%1: "%2" is not a valid id.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1: "%2" must be a whole number from %3 to %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1: "%2" is not a date; write yyyy-MM-dd, e.g. 2026-12-01.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1: "%2" is not a date and time; write e.g. 2026-12-01T18:30.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This command needs a user: add --as LOGIN (password from $BIZDESK_PASSWORD or stdin).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Password for %1: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New password: </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Usage: bizdeskctl [--db LOCATION] [--as LOGIN] [--json] COMMAND [ARGS]</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LOCATION is a SQLite file or postgresql://user[:password]@host[:port]/dbname (default: $BIZDESK_DB, else %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--as LOGIN acts as that user; the password comes from $BIZDESK_PASSWORD or stdin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exit status: 0 done, 1 internal, 2 invalid, 3 denied, 4 conflict, 5 not found.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Commands ("bizdeskctl COMMAND --help" for details):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>bizdeskctl: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown option %1; see "bizdeskctl --help".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command "%1"; see "bizdeskctl --help".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an option of "%2"; usage: bizdeskctl %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 needs a value (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong number of arguments; usage: bizdeskctl %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--%1 is required; usage: bizdeskctl %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This record already exists (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database is busy with another change; nothing was written. Please try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A part of this change failed; nothing was saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no database at %1. Create one with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create %1: %2 (is the folder read-only?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a BizDesk database (not an SQLite file); it was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a BizDesk database (%2); it was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 holds data that is not a BizDesk database; it was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was written by a newer BizDesk (schema %2; this program knows up to %3). Update BizDesk; the database was left untouched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not set up yet. Create it with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 uses an older schema (%2 &lt; %3). Run "bizdeskctl migrate" or open it in BizDesk to upgrade it (a backup is made first).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 already exists; choose a new file name (nothing was overwritten).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The backup file %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The backup %1 is damaged; nothing was restored.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not empty; restore only into a new file or an empty database.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>The database location is empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a valid PostgreSQL location; expected postgresql://user[:password]@host[:port]/dbname.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DatabaseMaintenance</name>
    <message>
        <source>%1 is already initialised; nothing was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>%1 (§%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not possible</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to BizDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This database is new. Create the first account: it will hold the Business Director and System Administrator roles, and can add everyone else.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 张建华</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. zhangjh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password: *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FoundationCommands</name>
    <message>
        <source>login of the first account (director and admin)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>display name of the first account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a new database and its first account (password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Upgrade the schema to this program's version (an existing SQLite file is backed up first).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Check integrity, foreign keys and the audit chain; exit 0 only when all are clean.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The database check found problems: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Write a consistent copy of the database (always a BizDesk SQLite file) to OUT.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore the backup file IN into the --db location, which must be new or empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>number of customers (default 200)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>random seed (default 1); the same seed gives the same data</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create a new database filled with a realistic demo organisation (password of every demo account: $BIZDESK_NEW_PASSWORD, else "demo-password").</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IdentityCommands</name>
    <message>
        <source>display name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>director, manager, specialist, finance, legal, executive, admin</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>department name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the superior's login</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e-mail address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a person (new password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List people.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Disable a person's account (history is kept).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock an account locked by wrong passwords.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set a person's superior (reporting line, §2.1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the acting user.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the department head</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a department.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set a department's head.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List departments.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>first day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>last day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Let LOGIN approve on your behalf between two dates.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Revoke one of your delegations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show every policy setting with its clause and current value.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change a policy setting (director).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Walk the audit hash chain; exit 4 naming the first broken entry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The audit chain is broken: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entity kind, e.g. user, expense</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entity id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>most entries (default 100)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>List audit entries, newest first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>IdentityService</name>
    <message>
        <source>This database already has accounts; log in instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account %1 is disabled; ask an administrator.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The account %1 is locked after too many wrong passwords until %2; an administrator can unlock it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dept: there is no department "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>superior: there is no user "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>login: "%1" is already taken.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dept: the department no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>superior: that person no longer exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>login: you cannot disable your own account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>current password: the current password is wrong.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name: the department name is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name: the department "%1" already exists.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>head: there is no user "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>from: a valid start date (yyyy-MM-dd) is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to: the end date must be a valid date on or after the start.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delegate: there is no active user "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>delegate: you cannot delegate to yourself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>You have no delegation with id %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to BizDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1: "%2" is not an amount; write yuan with at most two decimals, e.g. 1234.50.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the amount must be greater than zero.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PolicyCatalog</name>
    <message>
        <source>Wrong passwords in a row that lock an account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How long a locked account stays locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entertainment estimates above this amount need executive approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>yuan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Actual cost may exceed the estimate by this much before the superior must re-approve</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Days after the event within which the claim must be filed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Monthly entertainment budget of each department</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Years receipts are kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>years</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contracts above this amount need executive approval</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Years archived contracts are kept before destruction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact interval for key customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact interval for general customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contact interval for potential customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customers not followed up for this long return to the shared pool</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weight of the self-assessment in the appraisal score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weight of the peer assessment in the appraisal score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Weight of the superior's assessment in the appraisal score</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>key: "%1" is not a policy setting; "policy show" lists them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not an amount in yuan with at most two decimals (§%3).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: must be between %2 and %3 yuan (§%4).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a whole number (§%3).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: must be between %2 and %3 (§%4).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log &amp;level:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new language applies the next time BizDesk starts.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportingLine</name>
    <message>
        <source>superior: this would make a reporting line loop back to the employee (§2.1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Business Director</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Business Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Business Specialist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Legal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Executive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System Administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>role: "%1" is not a role; use one of %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SeparationOfDuties</name>
    <message>
        <source>Nobody may approve or review their own request.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The same person may not take two consecutive approval steps of one request.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Please log in first (--as LOGIN).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>There is no user "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was changed by someone else meanwhile; reload and try again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no department "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The department was changed by someone else meanwhile; reload and try again.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UserRules</name>
    <message>
        <source>login: the login is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>login: "%1" is not a valid login; use 2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name: the name is required.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>name: the name is longer than 64 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>password: the password must have at least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>password: the password cannot be only spaces.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a valid e-mail address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not a valid phone number.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::FirstRunDialog</name>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::LoginDialog</name>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::MainWindow</name>
    <message>
        <source>BizDesk — Business Management</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Policy and rules…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About BizDesk</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BizDesk databases (*.sqlite)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 already exists; choose a new name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only a system administrator can make backups.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back up to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.bak);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The backup was restored into %1. Open it now?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About BizDesk</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;BizDesk %1&lt;/h3&gt;&lt;p&gt;Business management for software companies: customers, negotiations, contracts, entertainment expenses and the business team, following the company's business management regulation.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>My Tasks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Everything waiting for you across modules: approvals, follow-ups and reminders.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The customer archive, development pipeline, contact log, churn warning, import and export.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negotiations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Negotiation preparation, stages, offers and the summary report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contracts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Contract drafting, legal and finance review, approval, signing, execution, changes and archive.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entertainment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Entertainment applications, the approval chain, claims and finance review.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>People and the organisation chart, recruitment, training and appraisals.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Performance, expense, contract, customer and pipeline reports with print preview, PDF and Excel.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::PlannedModulePage</name>
    <message>
        <source>Regulation: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::PolicyHelpDialog</name>
    <message>
        <source>Policy and rules</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>BizDesk enforces these rules of the business management regulation. The director changes the values in Settings → Policy; every change is versioned and audited.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clause</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>