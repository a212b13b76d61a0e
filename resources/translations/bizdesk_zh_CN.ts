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
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>&amp;Current password: *</source>
        <translation>当前密码(&amp;C)：*</translation>
    </message>
    <message>
        <source>&amp;New password: *</source>
        <translation>新密码(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat new password: *</source>
        <translation>确认新密码(&amp;R)：*</translation>
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
    <name>DelegationDialog</name>
    <message>
        <source>Delegation of approvals</source>
        <translation>审批授权</translation>
    </message>
    <message>
        <source>While you are away, the person you name approves for you within the dates. Their decisions are recorded "on behalf of" you in the history and the audit trail.</source>
        <translation>您外出期间，由您指定的人在所选日期内代您审批。其审批在历史记录和审计日志中记为“代您审批”。</translation>
    </message>
    <message>
        <source>Approves</source>
        <translation>代批人</translation>
    </message>
    <message>
        <source>For</source>
        <translation>委托人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>撤销授权(&amp;R)</translation>
    </message>
    <message>
        <source>New delegation</source>
        <translation>新建授权</translation>
    </message>
    <message>
        <source>&amp;Delegate: *</source>
        <translation>代批人(&amp;D)：*</translation>
    </message>
    <message>
        <source>&amp;From: *</source>
        <translation>开始日期(&amp;F)：*</translation>
    </message>
    <message>
        <source>&amp;To: *</source>
        <translation>结束日期(&amp;T)：*</translation>
    </message>
    <message>
        <source>&amp;Delegate</source>
        <translation>授权(&amp;D)</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>&amp;Department name: *</source>
        <translation>部门名称(&amp;D)：*</translation>
    </message>
    <message>
        <source>e.g. 商务三部</source>
        <translation>例如：商务三部</translation>
    </message>
    <message>
        <source>&amp;Head:</source>
        <translation>部门负责人(&amp;H)：</translation>
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
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 张建华</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation>登录名(&amp;L)：*</translation>
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
        <translation>角色：至少需要选择一个角色。</translation>
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
    <name>PolicySettingsDialog</name>
    <message>
        <source>Policy settings</source>
        <translation>制度参数</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Change the selected setting</source>
        <translation>修改所选参数</translation>
    </message>
    <message>
        <source>Setting:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>新值(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation>恢复默认值(&amp;D)</translation>
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
        <translation>角色：至少需要选择一个角色。</translation>
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
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FILE: "%1" must end in .csv or .xlsx.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>could not replace the file</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation>登录名(&amp;L)：*</translation>
    </message>
    <message>
        <source>e.g. wangxm</source>
        <translation>例如：wangxm</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 王小明</source>
        <translation>例如：王小明</translation>
    </message>
    <message>
        <source>Roles: *</source>
        <translation>角色：*</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>部门(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Superior:</source>
        <translation>直接上级(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Password: *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>* required. The password must have at least 8 characters (§7).</source>
        <translation>* 为必填项。密码至少 8 个字符（§7）。</translation>
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
    <name>bizdesk::ui::AuditHistoryView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>On behalf of</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change (before → after)</source>
        <translation>变更（修改前 → 修改后）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>No recorded changes yet.</source>
        <translation>暂无变更记录。</translation>
    </message>
    <message>
        <source>The change history is visible to the director, executives and administrators (§7).</source>
        <translation>变更历史仅对商务总监、公司高层和系统管理员可见（§7）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ChangePasswordDialog</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::DelegationDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::DepartmentDialog</name>
    <message>
        <source>Department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
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
        <source>Reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Performance, expense, contract, customer and pipeline reports with print preview, PDF and Excel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delegation of approvals…</source>
        <translation>审批授权(&amp;D)…</translation>
    </message>
    <message>
        <source>P&amp;olicy settings…</source>
        <translation>制度参数(&amp;O)…</translation>
    </message>
    <message>
        <source>This item cannot be opened here yet.</source>
        <translation>此事项暂时无法在此打开。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MyTasksPage</name>
    <message>
        <source>Nothing is waiting for you. Approvals, follow-ups and reminders from every module appear here as they come in.</source>
        <translation>目前没有待办事项。各模块的审批、跟进和提醒到来时会显示在这里。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
    <message>
        <source>%1 task(s) waiting for you, %2 overdue</source>
        <translation>您有 %1 项待办，其中 %2 项已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting for you</source>
        <translation>
            <numerusform>您有 %n 项待办</numerusform></translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PeoplePage</name>
    <message>
        <source>&amp;New person…</source>
        <translation>新增人员(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>New de&amp;partment…</source>
        <translation>新建部门(&amp;P)…</translation>
    </message>
    <message>
        <source>Department &amp;head…</source>
        <translation>部门负责人(&amp;H)…</translation>
    </message>
    <message>
        <source>Search name, login, department…</source>
        <translation>搜索姓名、登录名、部门…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>直接上级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Organisation chart</source>
        <translation>组织架构图</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>变更历史</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Select a person to see their details and change history.</source>
        <translation>选择一个人员以查看详细信息和变更历史。</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Disable the account of %1 (%2)? They can no longer log in; their records stay.</source>
        <translation>停用 %1（%2）的账户？停用后无法登录，其记录仍会保留。</translation>
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
    <name>bizdesk::ui::PolicySettingsDialog</name>
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
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Only the Business Director changes policy settings (§1.3).</source>
        <translation>只有商务总监可以修改制度参数（§1.3）。</translation>
    </message>
    <message>
        <source>Policy version %1. Every change raises the version; approvals record the version that applied.</source>
        <translation>当前制度版本：%1。每次修改都会升级版本；审批时记录所适用的版本。</translation>
    </message>
    <message>
        <source>Changed from the default</source>
        <translation>已修改（非默认值）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>§%1 %2 (%3); default %4</source>
        <translation>§%1 %2（%3）；默认值 %4</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>bizdesk::ui::UserEditDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>* required. The person changes their own password (File → Change password).</source>
        <translation>* 为必填项。密码由本人自行修改（文件 → 修改密码）。</translation>
    </message>
    <message>
        <source>* required. The password must have at least %1 characters; the person can change it after the first login.</source>
        <translation>* 为必填项。密码至少 %1 个字符；本人首次登录后可自行修改。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要选择一个角色。</translation>
    </message>
    <message>
        <source>repeat password: the two passwords differ.</source>
        <translation>确认密码：两次输入的密码不一致。</translation>
    </message>
</context>
</TS>