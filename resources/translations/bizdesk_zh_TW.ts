<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>Application</name>
    <message>
        <source>Database upgraded</source>
        <translation>資料庫已升級</translation>
    </message>
    <message>
        <source>The database was upgraded from schema %1 to %2. A copy of the old version was kept at:
%3</source>
        <translation>資料庫已從資料結構 %1 升級到 %2。舊版本的副本儲存在：
%3</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>無法開啟資料庫</translation>
    </message>
    <message>
        <source>BizDesk business management</source>
        <translation>BizDesk 商務管理</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL.</source>
        <translation>SQLite 檔案或 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>Log in as LOGIN (password from $BIZDESK_PASSWORD).</source>
        <translation>以該登入名登入（密碼取自 $BIZDESK_PASSWORD）。</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>開啟其他資料庫…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建資料庫…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>BizDesk 資料庫 (*.sqlite *.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建資料庫</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite)</source>
        <translation>BizDesk 資料庫 (*.sqlite)</translation>
    </message>
    <message>
        <source>Enter the database password…</source>
        <translation>輸入資料庫密碼…</translation>
    </message>
    <message>
        <source>Print "first-paint-ms N" once the main window's first tab has been drawn, then quit (start-up measurements).</source>
        <translation>主視窗的第一個分頁繪製完成後輸出「first-paint-ms N」並結束（用於量測啟動耗時）。</translation>
    </message>
</context>
<context>
    <name>ApprovalDesk</name>
    <message>
        <source>%1 has no open approval step.</source>
        <translation>%1 沒有待處理的審批步驟。</translation>
    </message>
    <message>
        <source>%1 is at version %2, not %3: it changed since you saw it; reload it and try again.</source>
        <translation>%1 當前為第 %2 版而不是第 %3 版：在您檢視之後已被修改；請重新載入後再試。</translation>
    </message>
</context>
<context>
    <name>AuditHead</name>
    <message>
        <source>%1: "%2" is not an audit head; write ID:HASH, the entry number, a colon and the 64 hex digits that "bizdeskctl audit head" prints.</source>
        <translation>%1：“%2”不是審計鏈頭；請寫成 ID:HASH，即條目編號、冒號和“bizdeskctl audit head”輸出的 64 位十六進位制數字。</translation>
    </message>
</context>
<context>
    <name>AuditHeadGuard</name>
    <message>
        <source>The audit trail of %1 no longer holds entry %2 with the hash this computer saw last (%3): the database was rolled back — an older copy was put in its place or its newest entries were removed. Its last entry now is %4.</source>
        <translation>%1 的審計記錄中已沒有本機上次看到的條目 %2（雜湊 %3）：資料庫被回滾了——有人用較舊的副本替換了它，或刪除了最新的條目。現在的最後一條是 %4。</translation>
    </message>
    <message>
        <source>Entry %1 records a restore from the backup %2 (audit head %3) at %4 UTC by %5.</source>
        <translation>條目 %1 記錄了一次恢復：由 %5 於 UTC %4 從備份 %2（審計鏈頭 %3）恢復。</translation>
    </message>
    <message>
        <source>If this is known and wanted, accept it with "bizdeskctl audit accept-head".</source>
        <translation>如果這是已知且有意的操作，請用“bizdeskctl audit accept-head”接受它。</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>entry %1 does not follow the entry before it (an entry was deleted, inserted or reordered)</source>
        <translation>第 %1 條記錄與前一條不銜接（有記錄被刪除、插入或調換順序）</translation>
    </message>
    <message>
        <source>entry %1 was edited after it was written</source>
        <translation>第 %1 條記錄在寫入後被修改過</translation>
    </message>
    <message>
        <source>entry %1 no longer has the hash %2 recorded earlier (it now has %3): it or an entry before it was rewritten</source>
        <translation>條目 %1 已不再是先前記錄的雜湊 %2（現在是 %3）：該條目或它之前的條目被改寫過</translation>
    </message>
    <message>
        <source>entry %1 recorded earlier (hash %2) is no longer in the chain, which ends at entry %3: entries were deleted</source>
        <translation>先前記錄的條目 %1（雜湊 %2）已不在審計鏈中，鏈現在止於條目 %3：有條目被刪除</translation>
    </message>
</context>
<context>
    <name>BusinessCalendar</name>
    <message>
        <source>%1: "%2" is not a year (2026), quarter (2026-Q4) or month (2026-11).</source>
        <translation>%1：“%2”不是年份（2026）、季度（2026-Q4）或月份（2026-11）。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a time zone; write an IANA name such as Asia/Shanghai.</source>
        <translation>%1：“%2”不是時區；請填寫 IANA 時區名，例如 Asia/Shanghai。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密碼</translation>
    </message>
    <message>
        <source>&amp;Current password: *</source>
        <translation>當前密碼(&amp;C)：*</translation>
    </message>
    <message>
        <source>&amp;New password: *</source>
        <translation>新密碼(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat new password: *</source>
        <translation>確認新密碼(&amp;R)：*</translation>
    </message>
</context>
<context>
    <name>ClauseTemplateService</name>
    <message>
        <source>name: the clause "%1" already has a template named "%2".</source>
        <translation>name：條款“%1”已有名為“%2”的模板。</translation>
    </message>
    <message>
        <source>There is no clause template #%1.</source>
        <translation>不存在條款模板 #%1。</translation>
    </message>
    <message>
        <source>template: "%1" is a template of the clause "%2", not of "%3" (§5.1.3).</source>
        <translation>template：“%1”是條款“%2”的模板，不是“%3”的（§5.1.3）。</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>%1: "%2" is not a valid id.</source>
        <translation>%1：“%2”不是有效的編號。</translation>
    </message>
    <message>
        <source>--%1: "%2" must be a whole number from %3 to %4.</source>
        <translation>--%1：“%2”必須是 %3 到 %4 之間的整數。</translation>
    </message>
    <message>
        <source>--%1: "%2" is not a date; write yyyy-MM-dd, e.g. 2026-12-01.</source>
        <translation>--%1：“%2”不是日期；請按 yyyy-MM-dd 填寫，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>--%1: "%2" is not a date and time; write e.g. 2026-12-01T18:30.</source>
        <translation>--%1：“%2”不是日期時間；請按此格式填寫：2026-12-01T18:30。</translation>
    </message>
    <message>
        <source>This command needs a user: add --as LOGIN (password from $BIZDESK_PASSWORD or stdin).</source>
        <translation>此命令需要使用者身份：請加上 --as 登入名（密碼取自 $BIZDESK_PASSWORD 或標準輸入）。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密碼：</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密碼：</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Usage: bizdeskctl [--db LOCATION] [--as LOGIN] [--json] COMMAND [ARGS]</source>
        <translation>用法：bizdeskctl [--db 位置] [--as 登入名] [--json] 命令 [引數]</translation>
    </message>
    <message>
        <source>LOCATION is a SQLite file or postgresql://user[:password]@host[:port]/dbname (default: $BIZDESK_DB, else %1).</source>
        <translation>位置為 SQLite 檔案或 postgresql://使用者[:密碼]@主機[:埠]/資料庫名（預設：$BIZDESK_DB，否則為 %1）。</translation>
    </message>
    <message>
        <source>--as LOGIN acts as that user; the password comes from $BIZDESK_PASSWORD or stdin.</source>
        <translation>--as 登入名：以該使用者身份操作；密碼取自 $BIZDESK_PASSWORD 或標準輸入。</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 internal, 2 invalid, 3 denied, 4 conflict, 5 not found.</source>
        <translation>退出狀態：0 完成，1 內部錯誤，2 輸入無效，3 無許可權，4 衝突，5 未找到。</translation>
    </message>
    <message>
        <source>Commands ("bizdeskctl COMMAND --help" for details):</source>
        <translation>命令（詳見“bizdeskctl 命令 --help”）：</translation>
    </message>
    <message>
        <source>bizdeskctl: %1</source>
        <translation>bizdeskctl：%1</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一個值。</translation>
    </message>
    <message>
        <source>Unknown option %1; see "bizdeskctl --help".</source>
        <translation>未知選項 %1；請檢視“bizdeskctl --help”。</translation>
    </message>
    <message>
        <source>Unknown command "%1"; see "bizdeskctl --help".</source>
        <translation>未知命令“%1”；請檢視“bizdeskctl --help”。</translation>
    </message>
    <message>
        <source>%1 is not an option of "%2"; usage: bizdeskctl %3</source>
        <translation>%1 不是“%2”的選項；用法：bizdeskctl %3</translation>
    </message>
    <message>
        <source>%1 needs a value (%2).</source>
        <translation>%1 需要一個值（%2）。</translation>
    </message>
    <message>
        <source>Wrong number of arguments; usage: bizdeskctl %1</source>
        <translation>引數個數不對；用法：bizdeskctl %1</translation>
    </message>
    <message>
        <source>--%1 is required; usage: bizdeskctl %2</source>
        <translation>必須提供 --%1；用法：bizdeskctl %2</translation>
    </message>
    <message>
        <source>an option name</source>
        <translation>選項名</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>第 %1 個引數</translation>
    </message>
    <message>
        <source>%1: the value is not valid UTF-8 text; check the terminal's or script's encoding.</source>
        <translation>%1：該值不是有效的 UTF-8 文字；請檢查終端或指令碼的編碼。</translation>
    </message>
    <message>
        <source>bizdeskctl: warning: %1</source>
        <translation>bizdeskctl：警告：%1</translation>
    </message>
</context>
<context>
    <name>CompanyCommands</name>
    <message>
        <source>the company name that heads every printed document</source>
        <translation>印在每份列印檔案抬頭的公司名稱</translation>
    </message>
    <message>
        <source>address (kept when not given)</source>
        <translation>地址（未給出時保持不變）</translation>
    </message>
    <message>
        <source>phone (kept when not given)</source>
        <translation>電話（未給出時保持不變）</translation>
    </message>
    <message>
        <source>IANA time zone of business dates, e.g. Asia/Shanghai (kept when not given)</source>
        <translation>業務日期所用的 IANA 時區，例如 Asia/Shanghai（未給出時保持不變）</translation>
    </message>
    <message>
        <source>the version you saw; refused when it changed since</source>
        <translation>您看到的版本；若此後已被修改則拒絕</translation>
    </message>
    <message>
        <source>Set the company profile (admin).</source>
        <translation>設定公司資訊（系統管理員）。</translation>
    </message>
    <message>
        <source>Show the company profile and the time zone of business dates.</source>
        <translation>顯示公司資訊及業務日期所用的時區。</translation>
    </message>
</context>
<context>
    <name>CompanyProfile</name>
    <message>
        <source>%1: at most %2 characters.</source>
        <translation>%1：最多 %2 個字元。</translation>
    </message>
    <message>
        <source>%1: control characters are not allowed.</source>
        <translation>%1：不允許使用控制字元。</translation>
    </message>
    <message>
        <source>name: the company name must not be empty.</source>
        <translation>name：公司名稱不能為空。</translation>
    </message>
</context>
<context>
    <name>CompanyProfileDialog</name>
    <message>
        <source>Company profile</source>
        <translation>公司資訊</translation>
    </message>
    <message>
        <source>The company name, address and phone head every printed form and report; business dates (months, due dates, today) are counted in the company's time zone.</source>
        <translation>公司名稱、地址和電話印在每份打印表單和報表的抬頭；業務日期（月份、到期日、今天）按公司所在時區計算。</translation>
    </message>
    <message>
        <source>Company &amp;name: *</source>
        <translation>公司名稱(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 华信软件有限公司</source>
        <translation>例如：華信軟體有限公司</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>時區(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>CompanyService</name>
    <message>
        <source>The company profile was changed by someone else (version %1 is now %2); reload it and try again.</source>
        <translation>公司資訊已被他人修改（版本 %1 現為 %2）；請重新開啟後再試。</translation>
    </message>
</context>
<context>
    <name>ContactLogDialog</name>
    <message>
        <source>Record contact</source>
        <translation>記錄溝通</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>方式(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>時間(&amp;W)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Note: *</source>
        <translation>內容(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Follow up:</source>
        <translation>跟進(&amp;F)：</translation>
    </message>
    <message>
        <source>Next follow-up on</source>
        <translation>下次跟進日期</translation>
    </message>
    <message>
        <source>Follow-up &amp;date:</source>
        <translation>跟進日期(&amp;D)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
</context>
<context>
    <name>Contract</name>
    <message>
        <source>currency: "%1" is not a three-letter currency code such as CNY, USD or EUR.</source>
        <translation>currency：“%1”不是三位貨幣程式碼，例如 CNY、USD 或 EUR。</translation>
    </message>
    <message>
        <source>customer: a contract needs the customer it is made with.</source>
        <translation>customer：合同必須指定簽約客戶。</translation>
    </message>
    <message>
        <source>end: the end date %1 is before the start date %2.</source>
        <translation>end：結束日期 %1 早於開始日期 %2。</translation>
    </message>
    <message>
        <source>rate: "%1" is not a positive rate with at most six decimals, e.g. 7.1234.</source>
        <translation>rate：“%1”不是正的匯率（最多六位小數，例如 7.1234）。</translation>
    </message>
    <message>
        <source>amount: too large.</source>
        <translation>amount：金額過大。</translation>
    </message>
    <message>
        <source>clauses: a contract is submitted only with all seven required clauses (§5.1.2); still empty: %1.</source>
        <translation>clauses：合同須具備全部七項必備條款方可提交（§5.1.2）；尚未填寫：%1。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>clause: "%1" is not one of %2 (§5.1.2).</source>
        <translation>clause：“%1”不是 %2 之一（§5.1.2）。</translation>
    </message>
    <message>
        <source>This contract is %1 (%2); "%3" is not possible now.</source>
        <translation>該合同當前為%1（%2），現在不能“%3”。</translation>
    </message>
    <message>
        <source>comment: returning a contract to its drafter needs a comment saying what to change (§5.2.2).</source>
        <translation>comment：退回合同須填寫意見，說明需要修改的內容（§5.2.2）。</translation>
    </message>
    <message>
        <source>amount: the receivable plan would be %1, more than the contract amount %2; %3 is still unplanned (§5.4).</source>
        <translation>amount：回款計劃合計將為 %1，超過合同金額 %2；尚未計劃的金額為 %3（§5.4）。</translation>
    </message>
    <message>
        <source>amount: %1 received so far plus this payment would exceed the contract amount %2 (§5.4).</source>
        <translation>amount：已回款 %1 加上本筆回款將超過合同金額 %2（§5.4）。</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>0–30 days overdue</source>
        <translation>逾期 0–30 天</translation>
    </message>
    <message>
        <source>31–90 days overdue</source>
        <translation>逾期 31–90 天</translation>
    </message>
    <message>
        <source>More than 90 days overdue</source>
        <translation>逾期超過 90 天</translation>
    </message>
    <message>
        <source>%1: a date (YYYY-MM-DD) is required (§%2).</source>
        <translation>%1：須填寫日期（YYYY-MM-DD）（§%2）。</translation>
    </message>
    <message>
        <source>kind: "%1" is not one of %2 (§5.4.1).</source>
        <translation>kind：“%1”不是 %2 之一（§5.4.1）。</translation>
    </message>
    <message>
        <source>our_signatory: the authorised person who signed for us is required (§5.3.1).</source>
        <translation>our_signatory：須填寫我方授權簽字人（§5.3.1）。</translation>
    </message>
    <message>
        <source>their_signatory: the customer's signatory is required (§5.3.1).</source>
        <translation>their_signatory：須填寫客戶方簽字人（§5.3.1）。</translation>
    </message>
    <message>
        <source>content: a change agreement states what changes (§5.5.2).</source>
        <translation>content：變更協議須寫明變更內容（§5.5.2）。</translation>
    </message>
    <message>
        <source>reason: a change agreement states why (§5.5.2).</source>
        <translation>reason：變更協議須寫明變更原因（§5.5.2）。</translation>
    </message>
    <message>
        <source>reason: a termination states its reason (§5.5.3).</source>
        <translation>reason：終止合同須寫明原因（§5.5.3）。</translation>
    </message>
    <message>
        <source>score: customer satisfaction is a whole number from 1 to 5 (§5.4.3).</source>
        <translation>score：客戶滿意度為 1 到 5 的整數（§5.4.3）。</translation>
    </message>
</context>
<context>
    <name>ContractAction</name>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交稽核</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Return to drafter</source>
        <translation>退回起草人</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Record signing</source>
        <translation>登記簽署</translation>
    </message>
    <message>
        <source>Acknowledge receipt of copy</source>
        <translation>確認收到副本</translation>
    </message>
    <message>
        <source>Add milestone</source>
        <translation>添加里程碑</translation>
    </message>
    <message>
        <source>Milestone done</source>
        <translation>里程碑完成</translation>
    </message>
    <message>
        <source>Add receivable installment</source>
        <translation>添加回款計劃</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登記回款</translation>
    </message>
    <message>
        <source>Record execution issue</source>
        <translation>登記履行問題</translation>
    </message>
    <message>
        <source>Record customer satisfaction</source>
        <translation>登記客戶滿意度</translation>
    </message>
    <message>
        <source>Change agreement</source>
        <translation>變更協議</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>終止</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>歸檔</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>銷燬</translation>
    </message>
</context>
<context>
    <name>ContractAttachment</name>
    <message>
        <source>Contract document</source>
        <translation>合同正文</translation>
    </message>
    <message>
        <source>Annex</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Signed scan</source>
        <translation>簽署版掃描件</translation>
    </message>
    <message>
        <source>Change agreement scan</source>
        <translation>變更協議掃描件</translation>
    </message>
    <message>
        <source>Termination agreement</source>
        <translation>終止協議</translation>
    </message>
    <message>
        <source>kind: "%1" is not one of %2.</source>
        <translation>kind：“%1”不是 %2 之一。</translation>
    </message>
</context>
<context>
    <name>ContractAttachments</name>
    <message>
        <source>%1 is %2: a file of the kind "%3" cannot be attached now.</source>
        <translation>%1 當前為%2：現在不能新增“%3”類附件。</translation>
    </message>
    <message>
        <source>%1 may not attach files to %2.</source>
        <translation>%1 無權向%2新增附件。</translation>
    </message>
    <message>
        <source>There is no contract attachment #%1.</source>
        <translation>不存在合同附件 #%1。</translation>
    </message>
    <message>
        <source>%1 was destroyed after its retention period (§5.6.3); only its name, size and SHA-256 are kept.</source>
        <translation>%1 已在保管期滿後銷燬（§5.6.3）；僅保留檔名、大小和 SHA-256。</translation>
    </message>
</context>
<context>
    <name>ContractAudit</name>
    <message>
        <source>Contract drafted</source>
        <translation>合同已起草</translation>
    </message>
    <message>
        <source>Contract draft changed</source>
        <translation>合同草稿已修改</translation>
    </message>
    <message>
        <source>Clause written</source>
        <translation>已填寫條款</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>已提交稽核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned to the drafter</source>
        <translation>已退回起草人</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已簽署</translation>
    </message>
    <message>
        <source>Copy acknowledged</source>
        <translation>已確認收到副本</translation>
    </message>
    <message>
        <source>Milestone added</source>
        <translation>已添加里程碑</translation>
    </message>
    <message>
        <source>Milestone done</source>
        <translation>里程碑完成</translation>
    </message>
    <message>
        <source>Receivable installment added</source>
        <translation>已添加回款計劃</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>已登記回款</translation>
    </message>
    <message>
        <source>Execution issue recorded</source>
        <translation>已登記履行問題</translation>
    </message>
    <message>
        <source>Customer satisfaction recorded</source>
        <translation>已登記客戶滿意度</translation>
    </message>
    <message>
        <source>Change agreement recorded</source>
        <translation>已登記變更協議</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已終止</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已歸檔</translation>
    </message>
    <message>
        <source>Destroyed after retention</source>
        <translation>儲存期滿後已銷燬</translation>
    </message>
    <message>
        <source>Exchange rate set</source>
        <translation>已設定匯率</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣種</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修訂版次</translation>
    </message>
    <message>
        <source>Contract version</source>
        <translation>合同版本</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>已新增附件</translation>
    </message>
    <message>
        <source>Clause template added</source>
        <translation>已新增條款模板</translation>
    </message>
    <message>
        <source>Clause template removed</source>
        <translation>已刪除條款模板</translation>
    </message>
</context>
<context>
    <name>ContractClause</name>
    <message>
        <source>Rights and obligations</source>
        <translation>雙方權利義務</translation>
    </message>
    <message>
        <source>Product or service specification</source>
        <translation>產品或服務規格</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>Delivery time</source>
        <translation>交付時間</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>驗收標準</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Liability for breach</source>
        <translation>違約責任</translation>
    </message>
</context>
<context>
    <name>ContractCommands</name>
    <message>
        <source>the version you saw (contract show); if the contract changed since: exit 4, nothing written</source>
        <translation>您檢視到的版本（contract show）；如合同其後已被修改：退出碼 4，不寫入任何內容</translation>
    </message>
    <message>
        <source>ISO currency code (default CNY; others need a rate kept by finance)</source>
        <translation>ISO 貨幣程式碼（預設 CNY；其他幣種需財務維護匯率）</translation>
    </message>
    <message>
        <source>the salesperson credited in performance figures (default: you)</source>
        <translation>業績歸屬的業務員（預設：您本人）</translation>
    </message>
    <message>
        <source>start date, yyyy-MM-dd</source>
        <translation>開始日期，yyyy-MM-dd</translation>
    </message>
    <message>
        <source>end date, yyyy-MM-dd, not before the start</source>
        <translation>結束日期，yyyy-MM-dd，不早於開始日期</translation>
    </message>
    <message>
        <source>Draft a contract (§5.1); it is numbered HT-YYYY-NNNN.</source>
        <translation>起草合同（§5.1），編號為 HT-YYYY-NNNN。</translation>
    </message>
    <message>
        <source>Write one of the seven required clauses (§5.1.2): obligations|specification|price|delivery|acceptance|payment|breach.</source>
        <translation>填寫七項必備條款之一（§5.1.2）：obligations|specification|price|delivery|acceptance|payment|breach。</translation>
    </message>
    <message>
        <source>Submit a draft for legal, finance and leadership review (§5.2).</source>
        <translation>提交草稿進行法務、財務和領導稽核（§5.2）。</translation>
    </message>
    <message>
        <source>your comment</source>
        <translation>您的意見</translation>
    </message>
    <message>
        <source>the clause the comment is about</source>
        <translation>意見所針對的條款</translation>
    </message>
    <message>
        <source>Approve the current review or approval step.</source>
        <translation>同意當前稽核或審批步驟。</translation>
    </message>
    <message>
        <source>what the drafter must change (§5.2.2)</source>
        <translation>起草人需要修改的內容（§5.2.2）</translation>
    </message>
    <message>
        <source>Return the contract to its drafter with a comment.</source>
        <translation>填寫意見後將合同退回起草人。</translation>
    </message>
    <message>
        <source>Withdraw a draft.</source>
        <translation>撤回草稿。</translation>
    </message>
    <message>
        <source>A contract with its clauses, route, milestones, receivables, payments, versions and history.</source>
        <translation>顯示合同及其條款、審批路線、里程碑、回款計劃、回款記錄、版本和歷史。</translation>
    </message>
    <message>
        <source>only contracts in this state</source>
        <translation>只列出此狀態的合同</translation>
    </message>
    <message>
        <source>only this customer's contracts</source>
        <translation>只列出此客戶的合同</translation>
    </message>
    <message>
        <source>at most N rows (default 200)</source>
        <translation>最多 N 行（預設 200）</translation>
    </message>
    <message>
        <source>Contracts you may see, newest first.</source>
        <translation>列出您可以檢視的合同，最新的在前。</translation>
    </message>
    <message>
        <source>--state: "%1" is not one of %2.</source>
        <translation>--state：“%1”不是 %2 之一。</translation>
    </message>
    <message>
        <source>Set how many CNY one unit of a currency is worth (finance).</source>
        <translation>設定一個單位外幣摺合多少人民幣（財務）。</translation>
    </message>
    <message>
        <source>signing date</source>
        <translation>簽署日期</translation>
    </message>
    <message>
        <source>our authorised signatory (§5.3.1)</source>
        <translation>我方授權簽字人（§5.3.1）</translation>
    </message>
    <message>
        <source>the customer's signatory</source>
        <translation>客戶方簽字人</translation>
    </message>
    <message>
        <source>the seal was not applied</source>
        <translation>未加蓋印章</translation>
    </message>
    <message>
        <source>the department that delivers (default: the owner's)</source>
        <translation>負責交付的部門（預設：負責人所在部門）</translation>
    </message>
    <message>
        <source>Record the signing: the contract becomes effective and copies go to legal, finance and delivery (§5.3).</source>
        <translation>登記簽署：合同生效，副本分送法務、財務和交付部門（§5.3）。</translation>
    </message>
    <message>
        <source>Acknowledge receipt of your copy (§5.3.3).</source>
        <translation>確認收到合同副本（§5.3.3）。</translation>
    </message>
    <message>
        <source>what the milestone is (§5.4.1)</source>
        <translation>里程碑型別（§5.4.1）</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>amount tied to it</source>
        <translation>對應金額</translation>
    </message>
    <message>
        <source>Add a milestone.</source>
        <translation>添加里程碑。</translation>
    </message>
    <message>
        <source>when it was done (default today)</source>
        <translation>完成日期（預設今天）</translation>
    </message>
    <message>
        <source>Mark a milestone done.</source>
        <translation>將里程碑標記為完成。</translation>
    </message>
    <message>
        <source>when the installment is due</source>
        <translation>本期到期日</translation>
    </message>
    <message>
        <source>installment amount; the plan may not exceed the contract amount</source>
        <translation>本期金額；回款計劃合計不得超過合同金額</translation>
    </message>
    <message>
        <source>Add an installment to the receivable plan (回款计划, §5.4).</source>
        <translation>在回款計劃中新增一期（§5.4）。</translation>
    </message>
    <message>
        <source>when the money arrived</source>
        <translation>到賬日期</translation>
    </message>
    <message>
        <source>amount received</source>
        <translation>回款金額</translation>
    </message>
    <message>
        <source>the installment it pays</source>
        <translation>所對應的回款計劃期次</translation>
    </message>
    <message>
        <source>bank transfer, cheque, …</source>
        <translation>銀行轉賬、支票……</translation>
    </message>
    <message>
        <source>Record a payment received (回款记录, finance only).</source>
        <translation>登記回款記錄（僅限財務）。</translation>
    </message>
    <message>
        <source>what kind of issue (§5.4.2)</source>
        <translation>問題型別（§5.4.2）</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>情況說明</translation>
    </message>
    <message>
        <source>Record an issue during execution.</source>
        <translation>登記合同履行中的問題。</translation>
    </message>
    <message>
        <source>the customer's satisfaction</source>
        <translation>客戶滿意度</translation>
    </message>
    <message>
        <source>what they said</source>
        <translation>客戶意見</translation>
    </message>
    <message>
        <source>Record customer satisfaction after acceptance (§5.4.3).</source>
        <translation>驗收後登記客戶滿意度（§5.4.3）。</translation>
    </message>
    <message>
        <source>what the change agreement says (§5.5.2)</source>
        <translation>變更協議的內容（§5.5.2）</translation>
    </message>
    <message>
        <source>why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>when it takes effect</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>the new contract amount</source>
        <translation>新的合同金額</translation>
    </message>
    <message>
        <source>a clause the agreement rewrites</source>
        <translation>變更協議改寫的條款</translation>
    </message>
    <message>
        <source>the clause's new text</source>
        <translation>條款的新內容</translation>
    </message>
    <message>
        <source>Record a change agreement: a new version of the contract (§5.5).</source>
        <translation>登記變更協議：生成合同的新版本（§5.5）。</translation>
    </message>
    <message>
        <source>why the contract ends early (§5.5.3)</source>
        <translation>提前終止的原因（§5.5.3）</translation>
    </message>
    <message>
        <source>when notice was given</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>the contract clause or law relied on</source>
        <translation>所依據的合同條款或法律</translation>
    </message>
    <message>
        <source>property returned, compensation (§5.5.4)</source>
        <translation>財產返還、賠償金額（§5.5.4）</translation>
    </message>
    <message>
        <source>Terminate an effective contract.</source>
        <translation>終止已生效的合同。</translation>
    </message>
    <message>
        <source>needed when a director completes it before everything is done and settled</source>
        <translation>商務總監在未全部完成和結清前完成合同時須填寫</translation>
    </message>
    <message>
        <source>Complete a contract whose milestones are done and receivables settled.</source>
        <translation>完成里程碑均已完成且已全部回款的合同。</translation>
    </message>
    <message>
        <source>archive number (§5.6.2)</source>
        <translation>檔案編號（§5.6.2）</translation>
    </message>
    <message>
        <source>where the originals are kept</source>
        <translation>原件存放位置</translation>
    </message>
    <message>
        <source>archiving date (default today)</source>
        <translation>歸檔日期（預設今天）</translation>
    </message>
    <message>
        <source>Archive a completed or terminated contract; starts the retention period (§5.6).</source>
        <translation>將已完成或已終止的合同歸檔，並開始計算儲存期限（§5.6）。</translation>
    </message>
    <message>
        <source>Destroy an archived contract after its retention period (director): metadata and history stay (§5.6.3).</source>
        <translation>儲存期滿後銷燬已歸檔的合同（商務總監）：保留元資料和歷史（§5.6.3）。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的儲存位置</translation>
    </message>
    <message>
        <source>The printable contract approval sheet (合同审批单) with the review steps so far.</source>
        <translation>可列印的合同審批單，含截至目前的各稽核環節。</translation>
    </message>
    <message>
        <source>out: the approval sheet is written as a .pdf file.</source>
        <translation>out：審批單隻能輸出為 .pdf 檔案。</translation>
    </message>
    <message>
        <source>TEXT: give either the clause's text or --template TID, not both or neither.</source>
        <translation>TEXT：請給出條款文字或 --template TID，二者只能選其一。</translation>
    </message>
    <message>
        <source>write the text of legal's clause template TID instead of TEXT (§5.1.3)</source>
        <translation>以法務的條款模板 TID 的文字代替 TEXT 寫入（§5.1.3）</translation>
    </message>
    <message>
        <source>only contracts this salesperson owns</source>
        <translation>僅列出該業務員負責的合同</translation>
    </message>
    <message>
        <source>only effective contracts ending within contract.renewal_notice_days</source>
        <translation>僅列出在 contract.renewal_notice_days 天內到期的生效合同</translation>
    </message>
    <message>
        <source>only effective contracts with overdue receivables</source>
        <translation>僅列出回款逾期的生效合同</translation>
    </message>
    <message>
        <source>the signed scan, attached in the same step</source>
        <translation>簽署版掃描件，在同一步中作為附件儲存</translation>
    </message>
    <message>
        <source>the signed change agreement, attached in the same step</source>
        <translation>已簽署的變更協議，在同一步中作為附件儲存</translation>
    </message>
    <message>
        <source>the clause it is for: obligations|specification|price|delivery|acceptance|payment|breach</source>
        <translation>所屬條款：obligations|specification|price|delivery|acceptance|payment|breach</translation>
    </message>
    <message>
        <source>what the template is called, unique per clause</source>
        <translation>模板名稱，同一條款內唯一</translation>
    </message>
    <message>
        <source>the standard wording</source>
        <translation>標準條款文字</translation>
    </message>
    <message>
        <source>Add a clause template (legal, §5.1.3).</source>
        <translation>新增條款模板（法務，§5.1.3）。</translation>
    </message>
    <message>
        <source>only this clause's templates</source>
        <translation>僅列出該條款的模板</translation>
    </message>
    <message>
        <source>Clause templates, by clause and name.</source>
        <translation>條款模板，按條款和名稱排列。</translation>
    </message>
    <message>
        <source>Remove a clause template (legal); clauses written from it stay.</source>
        <translation>刪除條款模板（法務）；已據此寫入的條款保持不變。</translation>
    </message>
    <message>
        <source>what the file is (default document)</source>
        <translation>檔案型別（預設 document）</translation>
    </message>
    <message>
        <source>Attach a file to a contract, stored with its SHA-256 (at most contract.attachment_max_mb).</source>
        <translation>為合同新增附件檔案，連同其 SHA-256 一併儲存（不超過 contract.attachment_max_mb）。</translation>
    </message>
    <message>
        <source>where to write the file</source>
        <translation>檔案寫入位置</translation>
    </message>
    <message>
        <source>Write an attachment to a file after checking it against its SHA-256.</source>
        <translation>校驗 SHA-256 後將附件寫入檔案。</translation>
    </message>
    <message>
        <source>the customer the contract is made with (with --negotiation: its customer)</source>
        <translation>合同的簽約客戶（使用 --negotiation 時：談判的客戶）</translation>
    </message>
    <message>
        <source>what the contract is about (with --negotiation: its title)</source>
        <translation>合同內容（使用 --negotiation 時：談判標題）</translation>
    </message>
    <message>
        <source>contract amount, at most two decimals (with --negotiation: the agreed amount)</source>
        <translation>合同金額，最多兩位小數（使用 --negotiation 時：成交金額）</translation>
    </message>
    <message>
        <source>the consensus negotiation it comes from (§4.2.6): customer, title, amount and agreed terms are taken from it</source>
        <translation>來源的已達成共識談判（§4.2.6）：客戶、標題、金額和已談定條款取自該談判</translation>
    </message>
    <message>
        <source>only archived contracts past their retention period (§5.6.3), to destroy</source>
        <translation>只列出已超過保管期限、待銷燬的歸檔合同（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>ContractCopy</name>
    <message>
        <source>Legal</source>
        <translation>法務</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>財務</translation>
    </message>
    <message>
        <source>Delivery department</source>
        <translation>交付部門</translation>
    </message>
</context>
<context>
    <name>ContractDetail</name>
    <message>
        <source>approved</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Review route</source>
        <translation>稽核路線</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Drafter</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修訂版次</translation>
    </message>
    <message>
        <source>Contract version</source>
        <translation>合同版本</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已簽署</translation>
    </message>
    <message>
        <source>Clauses (§5.1.2)</source>
        <translation>合同條款（§5.1.2）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（未填寫）</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>稽核意見</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>not yet acknowledged</source>
        <translation>尚未確認</translation>
    </message>
    <message>
        <source>Copies (§5.3.3)</source>
        <translation>合同副本（§5.3.3）</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Milestones</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>回款計劃</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未回款</translation>
    </message>
    <message>
        <source>Received %1 · outstanding %2 · overdue %3</source>
        <translation>已回款 %1 · 未回款 %2 · 逾期 %3</translation>
    </message>
    <message>
        <source>Change agreements (§5.5)</source>
        <translation>變更協議（§5.5）</translation>
    </message>
    <message>
        <source>Termination</source>
        <translation>終止</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>歸檔</translation>
    </message>
    <message>
        <source>kept until %1</source>
        <translation>儲存至 %1</translation>
    </message>
    <message>
        <source>Changed since the returned revision:</source>
        <translation>自退回的版本以來已修改：</translation>
    </message>
    <message numerus="yes">
        <source>%n clause(s) changed since the revision reviewers returned; each shows what it said then.</source>
        <translation>
            <numerusform>自稽核人退回的版本以來有 %n 條條款被修改；每條下方顯示當時的文字。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractLedger</name>
    <message>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金額（人民幣）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已回款</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未回款</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Contract ledger %1</source>
        <translation>合同臺賬 %1</translation>
    </message>
    <message>
        <source>Contracts signed from %1 to %2 · amounts in CNY · received and overdue as of %3 · §5.4, §5.6</source>
        <translation>%1 至 %2 簽訂的合同 · 金額以人民幣計 · 回款與逾期截至 %3 · §5.4、§5.6</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n 份合同</numerusform>
        </translation>
    </message>
    <message>
        <source>No contract was signed in this period.</source>
        <translation>本期間沒有簽訂合同。</translation>
    </message>
    <message>
        <source>Amounts in other currencies are converted at the rate finance kept on the drafting day (the amount in CNY the contract carries). Overdue: installments of the receivable plan past their due date and not yet received.</source>
        <translation>外幣金額按起草當日財務維護的匯率折算（即合同記載的人民幣金額）。逾期：回款計劃中已過到期日且尚未回款的部分。</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>簽訂日期</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>結束日期</translation>
    </message>
</context>
<context>
    <name>ContractPrinting</name>
    <message>
        <source>CNY equivalent %1 at finance's rate</source>
        <translation>按財務匯率摺合人民幣 %1</translation>
    </message>
    <message>
        <source>In words: %1</source>
        <translation>大寫：%1</translation>
    </message>
    <message>
        <source>on behalf of %1</source>
        <translation>代 %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待審批</translation>
    </message>
    <message>
        <source>Contract Approval Sheet</source>
        <translation>合同審批單</translation>
    </message>
    <message>
        <source>No. %1 · State: %2 · Revision %3 · §5.2, §5.3.1</source>
        <translation>編號 %1 · 狀態：%2 · 第 %3 版 · §5.2、§5.3.1</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同編號</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Drafter</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>幣種</translation>
    </message>
    <message>
        <source>Amount in CNY</source>
        <translation>摺合人民幣</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>Review and approval</source>
        <translation>稽核與審批</translation>
    </message>
    <message>
        <source>The contract is signed only after every step above has approved it (§5.3.1); reviewers' comments per clause are kept with the contract (§5.2).</source>
        <translation>上述各環節全部審批通過後方可簽訂合同（§5.3.1）；稽核人員對各條款的意見隨合同儲存（§5.2）。</translation>
    </message>
</context>
<context>
    <name>ContractRepository</name>
    <message>
        <source>There is no contract #%1.</source>
        <translation>沒有合同 #%1。</translation>
    </message>
    <message>
        <source>Contract %1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>合同 %1 已被他人修改；請重新載入後再試。</translation>
    </message>
</context>
<context>
    <name>ContractService</name>
    <message>
        <source>Contract %1</source>
        <translation>合同 %1</translation>
    </message>
    <message>
        <source>currency: finance has not set a rate for %1 yet; contracts are reported in CNY.</source>
        <translation>currency：財務尚未設定 %1 的匯率；合同按人民幣統計。</translation>
    </message>
    <message>
        <source>%1 may not "%2" %3.</source>
        <translation>%1 不能對%3執行“%2”。</translation>
    </message>
    <message>
        <source>our_signatory: there is no active person with the login "%1".</source>
        <translation>our_signatory：沒有登入名為“%1”的在職人員。</translation>
    </message>
    <message>
        <source>our_signatory: %1 is not an authorised signatory (a director or executive, §5.3.1).</source>
        <translation>our_signatory：%1 不是授權簽字人（須為商務總監或公司高層，§5.3.1）。</translation>
    </message>
    <message>
        <source>due: a due date (YYYY-MM-DD) is required.</source>
        <translation>due：須填寫到期日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>There is no milestone #%1.</source>
        <translation>沒有里程碑 #%1。</translation>
    </message>
    <message>
        <source>Milestone #%1 was already done on %2.</source>
        <translation>里程碑 #%1 已於 %2 完成。</translation>
    </message>
    <message>
        <source>date: the date the payment arrived is required.</source>
        <translation>date：須填寫回款到賬日期。</translation>
    </message>
    <message>
        <source>receivable: contract %1 has no installment #%2.</source>
        <translation>receivable：合同 %1 沒有第 #%2 期回款計劃。</translation>
    </message>
    <message>
        <source>amount: installment #%1 has only %2 outstanding (§5.4).</source>
        <translation>amount：第 #%1 期僅剩 %2 未回款（§5.4）。</translation>
    </message>
    <message>
        <source>kind: "%1" is not one of %2 (§5.4.2).</source>
        <translation>kind：“%1”不是 %2 之一（§5.4.2）。</translation>
    </message>
    <message>
        <source>Satisfaction is collected after acceptance (§5.4.3); no acceptance milestone is done yet.</source>
        <translation>客戶滿意度須在驗收後收集（§5.4.3）；尚無已完成的驗收里程碑。</translation>
    </message>
    <message>
        <source>content: the change agreement changes neither a clause nor the amount (§5.5.1).</source>
        <translation>content：該變更協議既未變更條款也未變更金額（§5.5.1）。</translation>
    </message>
    <message>
        <source>%1 still has %2 open milestone(s) and %3 outstanding; it is completed when everything is done and settled, or by a director with a reason.</source>
        <translation>%1 還有 %2 個未完成的里程碑和 %3 未回款；須全部完成並結清後才能完成，或由商務總監說明原因後完成。</translation>
    </message>
    <message>
        <source>reason: completing a contract that is not yet done and settled needs a reason.</source>
        <translation>reason：完成尚未全部完成和結清的合同須說明原因。</translation>
    </message>
    <message>
        <source>%1 is kept until %2 (§5.6.3); it cannot be destroyed before.</source>
        <translation>%1 須儲存至 %2（§5.6.3），在此之前不能銷燬。</translation>
    </message>
    <message>
        <source>owner: there is no person with the login "%1".</source>
        <translation>owner：沒有登入名為“%1”的人員。</translation>
    </message>
    <message>
        <source>owner: there is no active person #%1.</source>
        <translation>owner：沒有在職人員 #%1。</translation>
    </message>
    <message>
        <source>Only finance keeps exchange rates.</source>
        <translation>只有財務可以維護匯率。</translation>
    </message>
</context>
<context>
    <name>ContractState</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Legal review</source>
        <translation>法務稽核</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>財務稽核</translation>
    </message>
    <message>
        <source>Leadership approval</source>
        <translation>領導審批</translation>
    </message>
    <message>
        <source>Executive approval</source>
        <translation>總經理審批</translation>
    </message>
    <message>
        <source>Approved, to be signed</source>
        <translation>已批准，待簽署</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已終止</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已歸檔</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已銷燬</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
</context>
<context>
    <name>ContractTasks</name>
    <message>
        <source>Review contract %1 (%2)</source>
        <translation>稽核合同 %1（%2）</translation>
    </message>
    <message>
        <source>Acknowledge your copy of contract %1</source>
        <translation>確認收到合同 %1 的副本</translation>
    </message>
    <message>
        <source>Milestone of contract %1 is overdue</source>
        <translation>合同 %1 的里程碑已逾期</translation>
    </message>
    <message>
        <source>Contract %1 ends on %2: renew or close it</source>
        <translation>合同 %1 將於 %2 到期：請續簽或結束</translation>
    </message>
    <message>
        <source>Retention of contract %1 has ended (§5.6.3)</source>
        <translation>合同 %1 的儲存期限已滿（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>CustomerAudit</name>
    <message>
        <source>Customer added</source>
        <translation>已新建客戶</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>客戶資料已修改</translation>
    </message>
    <message>
        <source>Owner assigned</source>
        <translation>已分配負責人</translation>
    </message>
    <message>
        <source>Claimed from the shared pool</source>
        <translation>從公共客戶池領取</translation>
    </message>
    <message>
        <source>Released to the shared pool</source>
        <translation>已釋放到公共客戶池</translation>
    </message>
    <message>
        <source>Returned to the pool (not followed up)</source>
        <translation>未跟進，已退回公共客戶池</translation>
    </message>
    <message>
        <source>Pipeline stage changed</source>
        <translation>開發階段已變更</translation>
    </message>
    <message>
        <source>Contact recorded</source>
        <translation>已記錄溝通</translation>
    </message>
    <message>
        <source>Contact person added</source>
        <translation>已新增聯絡人</translation>
    </message>
    <message>
        <source>Complaint handled</source>
        <translation>投訴已處理</translation>
    </message>
    <message>
        <source>Win-back plan made</source>
        <translation>已制定挽回計劃</translation>
    </message>
    <message>
        <source>Win-back result recorded</source>
        <translation>已記錄挽回結果</translation>
    </message>
    <message>
        <source>Customers exported</source>
        <translation>已匯出客戶</translation>
    </message>
    <message>
        <source>Customers imported</source>
        <translation>已匯入客戶</translation>
    </message>
    <message>
        <source>Customer event planned</source>
        <translation>已策劃客戶活動</translation>
    </message>
    <message>
        <source>Customer invited to an event</source>
        <translation>已邀請客戶參加活動</translation>
    </message>
    <message>
        <source>Market research recorded</source>
        <translation>已記錄市場調研</translation>
    </message>
    <message>
        <source>Customer segment added</source>
        <translation>已新增客戶細分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客戶類別</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>溝通方式</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>規模</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>By</source>
        <translation>記錄人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Reason lost</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟進</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投訴</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <source>Hours to resolve</source>
        <translation>處理用時（小時）</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>挽回措施</translation>
    </message>
    <message>
        <source>Churn score</source>
        <translation>流失風險分</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行數</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Days without follow-up</source>
        <translation>未跟進天數</translation>
    </message>
</context>
<context>
    <name>CustomerCommands</name>
    <message>
        <source>(pool)</source>
        <translation>（公海）</translation>
    </message>
    <message>
        <source>No customers.</source>
        <translation>沒有客戶。</translation>
    </message>
    <message>
        <source>--status: use in_progress or resolved, not "%1".</source>
        <translation>--status：請使用 in_progress 或 resolved，而不是“%1”。</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客戶名稱</translation>
    </message>
    <message>
        <source>classification (§3.2.2)</source>
        <translation>客戶類別（§3.2.2）</translation>
    </message>
    <message>
        <source>source channel (§3.1.3)</source>
        <translation>來源渠道（§3.1.3）</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>owner (default: you; "pool" for the shared pool)</source>
        <translation>負責人（預設為本人；“pool”表示放入公海）</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>first contact person</source>
        <translation>首位聯絡人</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>add even when name, phone or e-mail match a customer</source>
        <translation>即使名稱、電話或郵箱與已有客戶相同也新增</translation>
    </message>
    <message>
        <source>Add a customer to the archive (§3.2.1).</source>
        <translation>將客戶加入客戶檔案（§3.2.1）。</translation>
    </message>
    <message>
        <source>headcount band</source>
        <translation>人數規模</translation>
    </message>
    <message>
        <source>website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>target segment (§3.1.2); "-" for none</source>
        <translation>目標客戶群（§3.1.2）；“-”表示不屬於任何客戶群</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Change a customer's archive fields (§3.2.1); options not given stay as they are.</source>
        <translation>修改客戶檔案欄位（§3.2.1）；未給出的選項保持不變。</translation>
    </message>
    <message>
        <source>Show a customer with contacts, contact log and stage history.</source>
        <translation>顯示客戶及其聯絡人、溝通記錄和階段歷史。</translation>
    </message>
    <message>
        <source>key, general or potential</source>
        <translation>key（重點）、general（一般）或 potential（潛在）</translation>
    </message>
    <message>
        <source>pipeline stage</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>only the shared pool</source>
        <translation>僅公海客戶</translation>
    </message>
    <message>
        <source>substring search</source>
        <translation>子串搜尋</translation>
    </message>
    <message>
        <source>at most N rows (default 50)</source>
        <translation>最多 N 行（預設 50）</translation>
    </message>
    <message>
        <source>List the customers you may see, sorted by name.</source>
        <translation>按名稱列出您可檢視的客戶。</translation>
    </message>
    <message>
        <source>Substring search over names, contacts, phones, e-mail, address, industry and notes (Chinese included).</source>
        <translation>在名稱、聯絡人、電話、郵箱、地址、行業和備註中進行子串搜尋（支援中文）。</translation>
    </message>
    <message>
        <source>why the customer was lost (required for lost)</source>
        <translation>客戶流失原因（標記為流失時必填）</translation>
    </message>
    <message>
        <source>Move a customer one pipeline step (§3.1.4): lead, contacted, needs_analysis, demo_negotiation, won, lost.</source>
        <translation>將客戶推進一個開發階段（§3.1.4）：lead、contacted、needs_analysis、demo_negotiation、won、lost。</translation>
    </message>
    <message>
        <source>kind of contact</source>
        <translation>溝通方式</translation>
    </message>
    <message>
        <source>what was discussed (required)</source>
        <translation>溝通內容（必填）</translation>
    </message>
    <message>
        <source>when (default: now)</source>
        <translation>時間（預設為現在）</translation>
    </message>
    <message>
        <source>next follow-up date (appears in My Tasks)</source>
        <translation>下次跟進日期（顯示在“我的任務”中）</translation>
    </message>
    <message>
        <source>Record a contact with a customer (§3.2.3).</source>
        <translation>記錄一次客戶溝通（§3.2.3）。</translation>
    </message>
    <message>
        <source>new status</source>
        <translation>新狀態</translation>
    </message>
    <message>
        <source>how it was resolved (required for resolved)</source>
        <translation>處理結果（解決時必填）</translation>
    </message>
    <message>
        <source>Move a complaint on: open → in_progress → resolved (§3.2.3).</source>
        <translation>推進投訴處理：open（待處理）→ in_progress（處理中）→ resolved（已解決）（§3.2.3）。</translation>
    </message>
    <message>
        <source>contact person's name</source>
        <translation>聯絡人姓名</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>職務</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微訊號</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Add a contact person to a customer.</source>
        <translation>為客戶新增聯絡人。</translation>
    </message>
    <message>
        <source>CSV encoding (default: detected)</source>
        <translation>CSV 編碼（預設自動識別）</translation>
    </message>
    <message>
        <source>report what would happen, write nothing</source>
        <translation>僅報告將會發生的情況，不寫入任何資料</translation>
    </message>
    <message>
        <source>Export the customers you may see to .csv (UTF-8 with BOM) or .xlsx.</source>
        <translation>將您可檢視的客戶匯出為 .csv（帶 BOM 的 UTF-8）或 .xlsx。</translation>
    </message>
    <message>
        <source>at most N customers (default 50)</source>
        <translation>最多 N 個客戶（預設 50）</translation>
    </message>
    <message>
        <source>At-risk customers ranked by churn score, each with its reasons (§3.2.4).</source>
        <translation>按流失風險分數排列的高風險客戶及其原因（§3.2.4）。</translation>
    </message>
    <message>
        <source>No customer is at risk.</source>
        <translation>沒有存在流失風險的客戶。</translation>
    </message>
    <message>
        <source>why the customer is at risk</source>
        <translation>客戶存在流失風險的原因</translation>
    </message>
    <message>
        <source>win-back measures (discount, service improvement, more contact)</source>
        <translation>挽回措施（折扣、改進服務、加強聯絡）</translation>
    </message>
    <message>
        <source>Record the cause and win-back measures for an at-risk customer (§3.2.4).</source>
        <translation>為有流失風險的客戶記錄原因和挽回措施（§3.2.4）。</translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation>挽回結果</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>情況說明</translation>
    </message>
    <message>
        <source>Record the result of a win-back (§3.2.4).</source>
        <translation>記錄挽回結果（§3.2.4）。</translation>
    </message>
    <message>
        <source>--result: use won_back or lost, not "%1".</source>
        <translation>--result：請使用 won_back 或 lost，而不是“%1”。</translation>
    </message>
    <message>
        <source>only this customer</source>
        <translation>僅此客戶</translation>
    </message>
    <message>
        <source>List win-back records and the success rate (§3.2.4).</source>
        <translation>列出挽回記錄及挽回成功率（§3.2.4）。</translation>
    </message>
    <message>
        <source>Take a customer from the shared pool.</source>
        <translation>從公海領取客戶。</translation>
    </message>
    <message>
        <source>Give a customer to another owner (managers).</source>
        <translation>將客戶分配給其他負責人（經理）。</translation>
    </message>
    <message>
        <source>Put a customer back into the shared pool.</source>
        <translation>將客戶退回公海。</translation>
    </message>
    <message>
        <source>List the shared pool.</source>
        <translation>列出公海客戶。</translation>
    </message>
    <message>
        <source>Return customers not followed for customer.pool_return_days to the shared pool.</source>
        <translation>將超過 customer.pool_return_days 天未跟進的客戶退回公海。</translation>
    </message>
    <message>
        <source>what the group has in common</source>
        <translation>該客戶群的共同特徵</translation>
    </message>
    <message>
        <source>how we approach it</source>
        <translation>針對該客戶群的策略</translation>
    </message>
    <message>
        <source>Define a target segment (§3.1.2).</source>
        <translation>定義目標客戶群（§3.1.2）。</translation>
    </message>
    <message>
        <source>List target segments.</source>
        <translation>列出目標客戶群。</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>date of the study</source>
        <translation>調研日期</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>調研結論</translation>
    </message>
    <message>
        <source>competitors</source>
        <translation>競爭對手</translation>
    </message>
    <message>
        <source>Record a market research study (§3.1.1).</source>
        <translation>記錄一次市場調研（§3.1.1）。</translation>
    </message>
    <message>
        <source>List market research records.</source>
        <translation>列出市場調研記錄。</translation>
    </message>
    <message>
        <source>appreciation event or training session</source>
        <translation>客戶答謝活動或培訓</translation>
    </message>
    <message>
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>date of the event</source>
        <translation>活動日期</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>Plan a customer event (§3.2.3).</source>
        <translation>安排客戶活動（§3.2.3）。</translation>
    </message>
    <message>
        <source>Invite a customer to an event.</source>
        <translation>邀請客戶參加活動。</translation>
    </message>
    <message>
        <source>List customer events with the invited customers.</source>
        <translation>列出客戶活動及受邀客戶。</translation>
    </message>
    <message>
        <source>the version you last saw; refused with exit 4 when the record changed since</source>
        <translation>您上次看到的版本；若記錄其後已被修改，則拒絕執行（退出碼 4）</translation>
    </message>
    <message>
        <source>Who you may make a customer's owner with add --owner or assign (§3.2.1).</source>
        <translation>列出您可透過 add --owner 或 assign 指定為客戶負責人的人員（§3.2.1）。</translation>
    </message>
    <message>
        <source>update customers matched by customer code (else exact name) instead of refusing them as duplicates</source>
        <translation>按客戶編碼（否則按完全相同的名稱）匹配並更新已有客戶，而不是作為重複拒絕</translation>
    </message>
    <message>
        <source>Import customers from CSV (GB18030 or UTF-8) or .xlsx; one transaction. Reports imported, updated, rejected lines and ignored_columns (the columns not imported); a value that cannot be mapped rejects its line.</source>
        <translation>從 CSV（GB18030 或 UTF-8）或 .xlsx 匯入客戶，整個匯入為一個事務。報告匯入數、更新數、被拒絕的行以及 ignored_columns（未匯入的列）；無法對應的值會使該行被拒絕。</translation>
    </message>
</context>
<context>
    <name>CustomerDetailHtml</name>
    <message>
        <source>shared pool</source>
        <translation>公海</translation>
    </message>
    <message numerus="yes">
        <source>Contact overdue: the contact plan for this class is every %n day(s) (§3.2.2).</source>
        <translation>
            <numerusform>聯絡已逾期：該類別客戶的聯絡週期為每 %n 天（§3.2.2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 個未解決投訴</numerusform>
        </translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客戶編碼</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>規模</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客戶群</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡時間</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未聯絡</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>No contact persons yet.</source>
        <translation>還沒有聯絡人。</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>溝通記錄</translation>
    </message>
    <message>
        <source>No contact recorded yet.</source>
        <translation>還沒有溝通記錄。</translation>
    </message>
    <message>
        <source>Next follow-up: %1</source>
        <translation>下次跟進：%1</translation>
    </message>
    <message>
        <source>Customer events</source>
        <translation>客戶活動</translation>
    </message>
    <message>
        <source>Training session</source>
        <translation>培訓</translation>
    </message>
    <message>
        <source>Appreciation event</source>
        <translation>答謝活動</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>階段歷史</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客戶</translation>
    </message>
    <message>
        <source>Customer &amp;name: *</source>
        <translation>客戶名稱(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>簡稱(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>客戶類別(&amp;C)：</translation>
    </message>
    <message>
        <source>Source c&amp;hannel:</source>
        <translation>來源渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行業(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>電話(&amp;P)：</translation>
    </message>
    <message>
        <source>010-62345678</source>
        <translation>010-62345678</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>name@company.cn</source>
        <translation>name@company.cn</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>聯絡人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>負責人(&amp;O)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>備註(&amp;O)：</translation>
    </message>
    <message>
        <source>Target se&amp;gment:</source>
        <translation>目標客戶群(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <source>Customer name</source>
        <translation>客戶名稱</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>郵箱</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客戶類別</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>規模</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>標籤</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>FILE: %1</source>
        <translation>檔案：%1</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>encoding: use auto, utf-8 or gb18030, not "%1".</source>
        <translation>編碼：請使用 auto、utf-8 或 gb18030，而不是“%1”。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>檔案為空。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>無法讀取 %1。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>檔案 %1 不存在。</translation>
    </message>
    <message>
        <source>FILE: no column holds the customer name (客户名称 / 客戶名稱 / Name).</source>
        <translation>檔案：沒有任何一列是客戶名稱（客戶名稱 / 客戶名稱 / Name）。</translation>
    </message>
    <message>
        <source>duplicate: the name "%1" appears earlier in the file</source>
        <translation>重複：名稱“%1”在檔案前面已出現</translation>
    </message>
    <message>
        <source>duplicate: the phone %1 appears earlier in the file</source>
        <translation>重複：電話 %1 在檔案前面已出現</translation>
    </message>
    <message>
        <source>duplicate: the e-mail %1 appears earlier in the file</source>
        <translation>重複：郵箱 %1 在檔案前面已出現</translation>
    </message>
    <message>
        <source>duplicate: same %1 as customer #%2 "%3"</source>
        <translation>重複：與客戶 #%2“%3”的 %1 相同</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>匯入已取消，未寫入任何資料。</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客戶編碼</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>區</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡時間</translation>
    </message>
    <message>
        <source>last_contact: "%1" is not a date (for example 2024-03-18 14:30 or 2024/3/18).</source>
        <translation>last_contact：“%1”不是日期（例如 2024-03-18 14:30 或 2024/3/18）。</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>duplicate: the customer code %1 appears earlier in the file</source>
        <translation>重複：客戶編碼 %1 在檔案前面已出現</translation>
    </message>
    <message>
        <source>duplicate: same %1 as customer #%2 "%3" (import with update to refresh it)</source>
        <translation>重複：%1與客戶 #%2“%3”相同（勾選“更新”再匯入即可重新整理該客戶）</translation>
    </message>
</context>
<context>
    <name>CustomerImportDialog</name>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>檔案：</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>選擇檔案(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>編碼(&amp;E)：</translation>
    </message>
    <message>
        <source>Check the column mapping in the first row of the preview; rows with errors or duplicates are reported and skipped.</source>
        <translation>請在預覽第一行核對列對應關係；有錯誤或重複的行會被列出並跳過。</translation>
    </message>
    <message>
        <source>&amp;Check (dry run)</source>
        <translation>檢查(&amp;C)（試執行）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>匯入(&amp;I)</translation>
    </message>
    <message>
        <source>Some values name no known class, channel or stage. Choose what each stands for; the choice applies to every row with that value. Rows left unmapped are rejected.</source>
        <translation>有些值不是已知的客戶類別、來源渠道或階段。請為每個值選擇對應項，所選對應適用於含該值的所有行；未對應的行將被拒絕。</translation>
    </message>
    <message>
        <source>&amp;Update customers already in the archive (matched by customer code, else by exact name) instead of rejecting them as duplicates</source>
        <translation>更新檔案中已有的客戶（按客戶編碼匹配，否則按完全相同的名稱），而不是作為重複拒絕(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Key customer</source>
        <translation>重點客戶</translation>
    </message>
    <message>
        <source>General customer</source>
        <translation>一般客戶</translation>
    </message>
    <message>
        <source>Potential customer</source>
        <translation>潛在客戶</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>網路渠道</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>電話營銷</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展會/研討會</translation>
    </message>
    <message>
        <source>Partner referral</source>
        <translation>合作伙伴推薦</translation>
    </message>
    <message>
        <source>Customer referral</source>
        <translation>客戶推薦</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>線索收集</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>初步接觸</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析與方案</translation>
    </message>
    <message>
        <source>Demo &amp; negotiation</source>
        <translation>產品演示與談判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜訪</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反饋</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投訴</translation>
    </message>
    <message>
        <source>%1: unknown %2 "%3" (accepted: %4).</source>
        <translation>%1：未知的%2“%3”（可用值：%4）。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>客戶類別</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>contact kind</source>
        <translation>溝通方式</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待處理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>處理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解決</translation>
    </message>
    <message>
        <source>name: the customer name is required (§3.2.1).</source>
        <translation>name：客戶名稱為必填項（§3.2.1）。</translation>
    </message>
    <message>
        <source>reason: a lost customer needs a reason (§3.1.4).</source>
        <translation>reason：標記客戶流失必須填寫原因（§3.1.4）。</translation>
    </message>
    <message>
        <source>The customer is already in stage "%1" (§3.1.4).</source>
        <translation>客戶已處於“%1”階段（§3.1.4）。</translation>
    </message>
    <message>
        <source>Only an open customer can be marked lost; this one is "%1" (§3.1.4).</source>
        <translation>只有開發中的客戶可以標記為流失；該客戶處於“%1”（§3.1.4）。</translation>
    </message>
    <message>
        <source>A lost customer can only reopen as a lead (§3.1.4).</source>
        <translation>流失客戶只能重新作為線索開始（§3.1.4）。</translation>
    </message>
    <message>
        <source>The customer is already won; the pipeline is finished (§3.1.4).</source>
        <translation>客戶已成交，開發流程已結束（§3.1.4）。</translation>
    </message>
    <message>
        <source>The pipeline moves one step at a time: from "%1" the next stage is "%2", not "%3" (§3.1.4).</source>
        <translation>開發流程須逐步推進：“%1”的下一階段是“%2”，而不是“%3”（§3.1.4）。</translation>
    </message>
    <message>
        <source>no contact for %1 days, interval %2</source>
        <translation>已 %1 天未聯絡，聯絡週期 %2 天</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 個未解決投訴</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>近 90 天內 %n 次投訴</numerusform>
        </translation>
    </message>
    <message>
        <source>contract value down %1% on the previous 12 months</source>
        <translation>合同金額較前 12 個月下降 %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s) ending soon without renewal</source>
        <translation>
            <numerusform>%n 份合同即將到期且未續約</numerusform>
        </translation>
    </message>
    <message>
        <source>stalled in stage "%1" for %2 days</source>
        <translation>在“%1”階段停滯 %2 天</translation>
    </message>
    <message>
        <source>Follow up %1</source>
        <translation>跟進 %1</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>聯絡 %1</translation>
    </message>
    <message>
        <source>Customer #%1 belongs to someone outside your responsibility.</source>
        <translation>客戶 #%1 不在您的負責範圍內。</translation>
    </message>
    <message>
        <source>Customer #%1 is not yours; ask its owner or your manager.</source>
        <translation>客戶 #%1 不屬於您；請聯絡其負責人或您的經理。</translation>
    </message>
    <message>
        <source>Customer #%1 is in the shared pool; claim it first.</source>
        <translation>客戶 #%1 在公海中，請先領取。</translation>
    </message>
    <message>
        <source>owner: %1 is disabled.</source>
        <translation>owner：%1 已停用。</translation>
    </message>
    <message>
        <source>Only managers may give a customer to someone else or to the pool.</source>
        <translation>只有經理可以將客戶分配給他人或放入公海。</translation>
    </message>
    <message>
        <source>%1: possible duplicate of customer #%2 "%3" (same %1).</source>
        <translation>%1：可能與客戶 #%2“%3”重複（%1 相同）。</translation>
    </message>
    <message>
        <source>note: every contact record needs a note (§3.2.3).</source>
        <translation>note：每條溝通記錄都必須填寫內容（§3.2.3）。</translation>
    </message>
    <message>
        <source>at: a contact cannot be recorded in the future.</source>
        <translation>at：不能記錄未來時間的溝通。</translation>
    </message>
    <message>
        <source>next: the follow-up date is before the contact.</source>
        <translation>next：跟進日期早於溝通日期。</translation>
    </message>
    <message>
        <source>There is no complaint #%1.</source>
        <translation>投訴 #%1 不存在。</translation>
    </message>
    <message>
        <source>status: a complaint moves on to in_progress or resolved.</source>
        <translation>status：投訴只能推進到 in_progress（處理中）或 resolved（已解決）。</translation>
    </message>
    <message>
        <source>resolution: say how the complaint was resolved (§3.2.3).</source>
        <translation>resolution：請說明投訴的處理結果（§3.2.3）。</translation>
    </message>
    <message>
        <source>contact_name: the contact person's name is required.</source>
        <translation>contact_name：聯絡人姓名為必填項。</translation>
    </message>
    <message>
        <source>Customer #%1 is not in the shared pool; it already has an owner.</source>
        <translation>客戶 #%1 不在公海中，已有負責人。</translation>
    </message>
    <message>
        <source>A manager assigns customers within the own department only.</source>
        <translation>經理只能在本部門內分配客戶。</translation>
    </message>
    <message>
        <source>Customer #%1 is already in the shared pool.</source>
        <translation>客戶 #%1 已在公海中。</translation>
    </message>
    <message>
        <source>cause: say why the customer is at risk (§3.2.4).</source>
        <translation>cause：請說明客戶存在流失風險的原因（§3.2.4）。</translation>
    </message>
    <message>
        <source>measures: say what will win the customer back, e.g. discount, better service, more contact (§3.2.4).</source>
        <translation>measures：請說明挽回措施，例如折扣、改進服務、加強聯絡（§3.2.4）。</translation>
    </message>
    <message>
        <source>Win-back record #%1 already has its result.</source>
        <translation>挽回記錄 #%1 已有結果。</translation>
    </message>
    <message>
        <source>name: a target segment needs a name (§3.1.2).</source>
        <translation>name：目標客戶群必須有名稱（§3.1.2）。</translation>
    </message>
    <message>
        <source>There is no target segment "%1".</source>
        <translation>目標客戶群“%1”不存在。</translation>
    </message>
    <message>
        <source>topic: a market research record needs a topic (§3.1.1).</source>
        <translation>topic：市場調研記錄必須有主題（§3.1.1）。</translation>
    </message>
    <message>
        <source>date: give the date of the research.</source>
        <translation>date：請填寫調研日期。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客戶名稱</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>簡稱</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客戶類別</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>來源渠道</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>郵箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>Customer #%1 was changed by someone else; reload and try again.</source>
        <translation>客戶 #%1 已被他人修改，請重新整理後重試。</translation>
    </message>
    <message>
        <source>There is no customer #%1.</source>
        <translation>客戶 #%1 不存在。</translation>
    </message>
    <message>
        <source>Complaint #%1 was changed by someone else; reload and try again.</source>
        <translation>投訴 #%1 已被他人修改，請重新整理後重試。</translation>
    </message>
    <message>
        <source>There is no win-back record #%1.</source>
        <translation>挽回記錄 #%1 不存在。</translation>
    </message>
    <message>
        <source>Win-back record #%1 was changed by someone else; reload and try again.</source>
        <translation>挽回記錄 #%1 已被他人修改，請重新整理後重試。</translation>
    </message>
    <message>
        <source>kind: a customer event is an appreciation event or a training session (appreciation, training), not "%1".</source>
        <translation>kind：客戶活動是答謝活動或培訓（appreciation、training），而不是“%1”。</translation>
    </message>
    <message>
        <source>title: a customer event needs a title.</source>
        <translation>title：客戶活動必須有標題。</translation>
    </message>
    <message>
        <source>date: give the date of the event.</source>
        <translation>date：請填寫活動日期。</translation>
    </message>
    <message>
        <source>There is no customer event #%1.</source>
        <translation>客戶活動 #%1 不存在。</translation>
    </message>
    <message>
        <source>Customer #%1 is already invited to event #%2.</source>
        <translation>客戶 #%1 已受邀參加活動 #%2。</translation>
    </message>
    <message>
        <source>%1 · no contact for %2 days, interval %3</source>
        <translation>%1 · 已 %2 天未聯絡，聯絡週期 %3 天</translation>
    </message>
    <message>
        <source>name: there is already a target segment "%1" (§3.1.2).</source>
        <translation>名稱：目標客戶群“%1”已存在（§3.1.2）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客戶 #%1</translation>
    </message>
    <message>
        <source>owner: %1 does not work with customers; owners are specialists, managers or directors.</source>
        <translation>owner：%1 不負責客戶工作；負責人須為商務專員、商務經理或商務總監。</translation>
    </message>
    <message>
        <source>Complaint #%1</source>
        <translation>投訴 #%1</translation>
    </message>
    <message>
        <source>Win-back record #%1</source>
        <translation>挽回記錄 #%1</translation>
    </message>
    <message>
        <source>customer: there is no customer #%1.</source>
        <translation>customer：不存在客戶 #%1。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>owner: there is no user with the login or name "%1".</source>
        <translation>owner：沒有登入名或姓名為“%1”的使用者。</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客戶編碼</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <source>%1 is already resolved (§3.2.3).</source>
        <translation>%1 已解決（§3.2.3）。</translation>
    </message>
    <message>
        <source>%1 is already in progress (§3.2.3).</source>
        <translation>%1 已在處理中（§3.2.3）。</translation>
    </message>
    <message numerus="yes">
        <source>payment overdue for %n day(s)</source>
        <translation>
            <numerusform>回款逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Entertainment request</source>
        <translation>商務應酬申請</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>談判</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This record already exists (%1).</source>
        <translation>該記錄已存在（%1）。</translation>
    </message>
    <message>
        <source>The database is busy with another change; nothing was written. Please try again.</source>
        <translation>資料庫正忙於其他更改；未寫入任何內容。請重試。</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>資料庫報告錯誤：%1</translation>
    </message>
    <message>
        <source>A part of this change failed; nothing was saved.</source>
        <translation>此次更改的一部分失敗；未儲存任何內容。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是資料夾，不是資料庫檔案。</translation>
    </message>
    <message>
        <source>There is no database at %1. Create one with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation>%1 處沒有資料庫。請用“bizdeskctl init”建立，或啟動 BizDesk 進行設定。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>無法建立資料夾 %1。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2 (is the folder read-only?)</source>
        <translation>無法建立 %1：%2（資料夾是否只讀？）</translation>
    </message>
    <message>
        <source>%1 is not a BizDesk database (not an SQLite file); it was left untouched.</source>
        <translation>%1 不是 BizDesk 資料庫（不是 SQLite 檔案）；未做任何改動。</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>無法讀取 %1（許可權不足）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>無法連線 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a BizDesk database (%2); it was left untouched.</source>
        <translation>%1 不是 BizDesk 資料庫（%2）；未做任何改動。</translation>
    </message>
    <message>
        <source>%1 holds data that is not a BizDesk database; it was left untouched.</source>
        <translation>%1 中的資料不是 BizDesk 資料庫；未做任何改動。</translation>
    </message>
    <message>
        <source>%1 was written by a newer BizDesk (schema %2; this program knows up to %3). Update BizDesk; the database was left untouched.</source>
        <translation>%1 由更新版本的 BizDesk 寫入（資料結構 %2；本程式最高支援 %3）。請升級 BizDesk；資料庫未做任何改動。</translation>
    </message>
    <message>
        <source>%1 is not set up yet. Create it with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation>%1 尚未初始化。請用“bizdeskctl init”建立，或啟動 BizDesk 進行設定。</translation>
    </message>
    <message>
        <source>%1 uses an older schema (%2 &lt; %3). Run "bizdeskctl migrate" or open it in BizDesk to upgrade it (a backup is made first).</source>
        <translation>%1 使用舊版資料結構（%2 &lt; %3）。請執行“bizdeskctl migrate”或在 BizDesk 中開啟以升級（升級前會先備份）。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full; nothing was saved. Free some space on it and try again.</source>
        <translation>存放 %1 的磁碟已滿，未儲存任何內容。請清出一些空間後重試。</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 already exists; choose a new file name (nothing was overwritten).</source>
        <translation>%1 已存在；請另選檔名（未覆蓋任何內容）。</translation>
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation>無法寫入資料夾 %1。</translation>
    </message>
    <message>
        <source>The backup file %1 does not exist.</source>
        <translation>備份檔案 %1 不存在。</translation>
    </message>
    <message>
        <source>The backup %1 is damaged; nothing was restored.</source>
        <translation>備份 %1 已損壞；未恢復任何內容。</translation>
    </message>
    <message>
        <source>%1 is not empty; restore only into a new file or an empty database.</source>
        <translation>%1 不是空的；只能恢復到新檔案或空資料庫。</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>The database location is empty.</source>
        <translation>資料庫位置為空。</translation>
    </message>
    <message>
        <source>"%1" is not a valid PostgreSQL location; expected postgresql://user[:password]@host[:port]/dbname.</source>
        <translation>“%1”不是有效的 PostgreSQL 地址；應為 postgresql://使用者[:密碼]@主機[:埠]/資料庫名。</translation>
    </message>
</context>
<context>
    <name>DatabaseMaintenance</name>
    <message>
        <source>%1 is already initialised; nothing was changed.</source>
        <translation>%1 已經初始化；未做任何改動。</translation>
    </message>
    <message>
        <source>%1: the backup file %2 does not exist.</source>
        <translation>%1：備份檔案 %2 不存在。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>資料庫密碼</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember it in the desktop keyring (never in a file)</source>
        <translation>記在桌面金鑰環中(&amp;R)（絕不寫入檔案）</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <source>Delegation of approvals</source>
        <translation>審批授權</translation>
    </message>
    <message>
        <source>While you are away, the person you name approves for you within the dates. Their decisions are recorded "on behalf of" you in the history and the audit trail.</source>
        <translation>您外出期間，由您指定的人在所選日期內代您審批。其審批在歷史記錄和審計日誌中記為“代您審批”。</translation>
    </message>
    <message>
        <source>Approves</source>
        <translation>代批人</translation>
    </message>
    <message>
        <source>For</source>
        <translation>委託人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>撤銷授權(&amp;R)</translation>
    </message>
    <message>
        <source>New delegation</source>
        <translation>新建授權</translation>
    </message>
    <message>
        <source>&amp;Delegate: *</source>
        <translation>代批人(&amp;D)：*</translation>
    </message>
    <message>
        <source>&amp;From: *</source>
        <translation>開始日期(&amp;F)：*</translation>
    </message>
    <message>
        <source>&amp;To: *</source>
        <translation>結束日期(&amp;T)：*</translation>
    </message>
    <message>
        <source>&amp;Delegate</source>
        <translation>授權(&amp;D)</translation>
    </message>
</context>
<context>
    <name>DemoData</name>
    <message>
        <source>Unknown demo language %1; use one of: %2.</source>
        <translation>未知的演示資料語言 %1；可選：%2。</translation>
    </message>
</context>
<context>
    <name>DepartmentDialog</name>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>&amp;Department name: *</source>
        <translation>部門名稱(&amp;D)：*</translation>
    </message>
    <message>
        <source>e.g. 商务三部</source>
        <translation>例如：商務三部</translation>
    </message>
    <message>
        <source>&amp;Head:</source>
        <translation>部門負責人(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>DocumentRenderer</name>
    <message>
        <source>Printed %1</source>
        <translation>列印時間 %1</translation>
    </message>
    <message>
        <source>page %1 / %2</source>
        <translation>第 %1 頁 / 共 %2 頁</translation>
    </message>
    <message>
        <source>out: cannot write %1 (%2).</source>
        <translation>out：無法寫入 %1（%2）。</translation>
    </message>
    <message>
        <source>Tel. %1</source>
        <translation>電話：%1</translation>
    </message>
</context>
<context>
    <name>EntertainmentAudit</name>
    <message>
        <source>Entertainment application filled in</source>
        <translation>填寫應酬申請</translation>
    </message>
    <message>
        <source>Entertainment draft changed</source>
        <translation>修改應酬草稿</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>提交審批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Claim filed</source>
        <translation>申請報銷</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>已報銷</translation>
    </message>
    <message>
        <source>Claim returned for correction</source>
        <translation>報銷退回修改</translation>
    </message>
    <message>
        <source>Claim refused</source>
        <translation>報銷被拒</translation>
    </message>
    <message>
        <source>Receipt attached</source>
        <translation>新增票據</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>預計費用</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>實際費用</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>應酬事由</translation>
    </message>
    <message>
        <source>Company staff</source>
        <translation>公司人員</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>來賓</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意見</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>規模</translation>
    </message>
</context>
<context>
    <name>EntertainmentCommands</name>
    <message>
        <source>comment recorded with the decision</source>
        <translation>隨審批決定記錄的意見</translation>
    </message>
    <message>
        <source>kind of event (§6.2)</source>
        <translation>應酬類別（§6.2）</translation>
    </message>
    <message>
        <source>why the entertainment is needed</source>
        <translation>應酬事由</translation>
    </message>
    <message>
        <source>local date and time, e.g. 2026-12-01T18:30</source>
        <translation>本地日期和時間，例如 2026-12-01T18:30</translation>
    </message>
    <message>
        <source>where it takes place</source>
        <translation>應酬地點</translation>
    </message>
    <message>
        <source>number of people, at least 1</source>
        <translation>人數，至少 1 人</translation>
    </message>
    <message>
        <source>estimated cost in yuan</source>
        <translation>預計費用（元）</translation>
    </message>
    <message>
        <source>the customer entertained</source>
        <translation>接待的客戶</translation>
    </message>
    <message>
        <source>why the monthly budget may be exceeded (§6.1)</source>
        <translation>超出月度預算的說明（§6.1）</translation>
    </message>
    <message>
        <source>Fill in a 商務應酬申請表 as a draft (§6.3.1).</source>
        <translation>填寫商務應酬申請表並儲存為草稿（§6.3.1）。</translation>
    </message>
    <message>
        <source>--customer: "%1" is not a customer id.</source>
        <translation>--customer：“%1”不是客戶編號。</translation>
    </message>
    <message>
        <source>Submit a draft for approval (§6.3.2).</source>
        <translation>提交草稿進入審批（§6.3.2）。</translation>
    </message>
    <message>
        <source>Approve the current step; in pending_finance_review: reimburse the claim (finance).</source>
        <translation>審批通過當前環節；處於 pending_finance_review 時：財務核准報銷。</translation>
    </message>
    <message>
        <source>Return to the applicant (application → draft; claim → approved, to be filed again).</source>
        <translation>退回申請人（申請 → 草稿；報銷 → 已批准，重新報銷）。</translation>
    </message>
    <message>
        <source>Reject (application → rejected; claim → claim_refused).</source>
        <translation>駁回（申請 → 已駁回；報銷 → 報銷被拒）。</translation>
    </message>
    <message>
        <source>Withdraw your request before it is approved.</source>
        <translation>在批准前撤回自己的申請。</translation>
    </message>
    <message>
        <source>Cancel your approved event.</source>
        <translation>取消已批准的應酬。</translation>
    </message>
    <message>
        <source>actual cost in yuan</source>
        <translation>實際費用（元）</translation>
    </message>
    <message>
        <source>number of receipts</source>
        <translation>票據張數</translation>
    </message>
    <message>
        <source>needed when the actual cost exceeds the estimate (§6.4.3)</source>
        <translation>實際費用超出預計時必須填寫（§6.4.3）</translation>
    </message>
    <message>
        <source>File the claim after the event (§6.4).</source>
        <translation>應酬結束後申請報銷（§6.4）。</translation>
    </message>
    <message>
        <source>Attach a scanned receipt (PDF, JPEG or PNG) to the claim (§6.4.1).</source>
        <translation>為報銷附上票據掃描件（PDF、JPEG 或 PNG）（§6.4.1）。</translation>
    </message>
    <message>
        <source>FILE: cannot read %1 (%2).</source>
        <translation>FILE：無法讀取 %1（%2）。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的儲存位置</translation>
    </message>
    <message>
        <source>The printable 商務應酬申請表 with the approvals so far.</source>
        <translation>可列印的商務應酬申請表（含目前的審批簽字）。</translation>
    </message>
    <message>
        <source>out: the form is written as a .pdf file.</source>
        <translation>out：申請表只能儲存為 .pdf 檔案。</translation>
    </message>
    <message>
        <source>A request with its flags, route and history.</source>
        <translation>顯示申請及其標記、審批路線和歷史。</translation>
    </message>
    <message>
        <source>only requests in this state</source>
        <translation>只顯示該狀態的申請</translation>
    </message>
    <message>
        <source>only what you (or whoever delegated to you) can decide now</source>
        <translation>只顯示您（或委託您的人）現在可以審批的申請</translation>
    </message>
    <message>
        <source>only your own requests</source>
        <translation>只顯示自己的申請</translation>
    </message>
    <message>
        <source>only events in this month</source>
        <translation>只顯示該月的應酬</translation>
    </message>
    <message>
        <source>only this department</source>
        <translation>只顯示該部門</translation>
    </message>
    <message>
        <source>Entertainment requests you may see.</source>
        <translation>列出您有權檢視的應酬申請。</translation>
    </message>
    <message>
        <source>--state: "%1" is not a state of an entertainment request.</source>
        <translation>--state：“%1”不是應酬申請的狀態。</translation>
    </message>
    <message>
        <source>2026, 2026-Q4 or 2026-11</source>
        <translation>2026、2026-Q4 或 2026-11</translation>
    </message>
    <message>
        <source>.pdf, .xlsx, .html or .csv</source>
        <translation>.pdf、.xlsx、.html 或 .csv</translation>
    </message>
    <message>
        <source>Entertainment expenses by department and person (§6.1, §6.4).</source>
        <translation>按部門和人員統計的應酬費用（§6.1、§6.4）。</translation>
    </message>
    <message>
        <source>--staff: "%1" is not the login of an active member of staff (§6.3.1).</source>
        <translation>--staff：“%1”不是在職員工的登入名（§6.3.1）。</translation>
    </message>
    <message>
        <source>external guests (and other participants) as text</source>
        <translation>外部來賓（及其他參加人員），文字填寫</translation>
    </message>
    <message>
        <source>company staff taking part, by login (§6.3.1)</source>
        <translation>參加的公司人員，按登入名（§6.3.1）</translation>
    </message>
    <message>
        <source>the version you saw (expense show); if the request changed since: exit 4, nothing written</source>
        <translation>您看到的版本（expense show）；若申請此後已被更改：退出碼 4，不寫入任何內容</translation>
    </message>
    <message>
        <source>submit at once; when the submit is refused, no draft is kept</source>
        <translation>立即提交；提交被拒絕時不保留草稿</translation>
    </message>
</context>
<context>
    <name>EntertainmentDemo</name>
    <message>
        <source>Agreed.</source>
        <translation>同意。</translation>
    </message>
    <message>
        <source>Not a customer event; please pay privately.</source>
        <translation>非客戶應酬，請自行承擔。</translation>
    </message>
    <message>
        <source>Two more guests came from the customer.</source>
        <translation>客戶方多來了兩位客人。</translation>
    </message>
    <message>
        <source>Receipts in order.</source>
        <translation>票據齊全合規。</translation>
    </message>
</context>
<context>
    <name>EntertainmentService</name>
    <message>
        <source>Only the applicant may do this with entertainment request #%1.</source>
        <translation>只有申請人可以對應酬申請 #%1 執行此操作。</translation>
    </message>
    <message>
        <source>You may not see entertainment request #%1.</source>
        <translation>您無權檢視應酬申請 #%1。</translation>
    </message>
    <message>
        <source>The event of request #%1 has not taken place yet; file the claim afterwards (§6.4.2).</source>
        <translation>申請 #%1 的應酬尚未發生，請在應酬結束後申請報銷（§6.4.2）。</translation>
    </message>
    <message>
        <source>FILE: a receipt must be a PDF, JPEG or PNG file (§6.4.1).</source>
        <translation>FILE：票據必須是 PDF、JPEG 或 PNG 檔案（§6.4.1）。</translation>
    </message>
    <message>
        <source>FILE: the receipt is %1 KB; at most %2 KB are accepted (§6.4.1).</source>
        <translation>FILE：票據大小為 %1 KB，最多允許 %2 KB（§6.4.1）。</translation>
    </message>
    <message>
        <source>Receipts belong to the claim: request #%1 is %2, not approved.</source>
        <translation>票據屬於報銷環節：申請 #%1 當前為“%2”，尚未批准。</translation>
    </message>
    <message>
        <source>month: write the month as 2026-11.</source>
        <translation>month：月份請寫成 2026-11 的形式。</translation>
    </message>
    <message>
        <source>staff: #%1 is not an active member of staff (§6.3.1).</source>
        <translation>staff：#%1 不是在職員工（§6.3.1）。</translation>
    </message>
    <message>
        <source>Entertainment request #%1 is at version %2, not %3: it changed since you saw it; reload it and try again.</source>
        <translation>商務應酬申請 #%1 當前為第 %2 版，而不是第 %3 版：在您檢視之後它已被更改；請重新載入後再試。</translation>
    </message>
    <message>
        <source>Conflict of interest: %1 takes part in this event; the decision is recorded with this note.</source>
        <translation>利益衝突：%1 參加此次活動；審批決定將連同此說明一併記錄。</translation>
    </message>
    <message>
        <source>Entertainment request #%1</source>
        <translation>商務應酬申請 #%1</translation>
    </message>
</context>
<context>
    <name>EntertainmentTasks</name>
    <message>
        <source>Review the claim of entertainment request #%1</source>
        <translation>稽核應酬申請 #%1 的報銷</translation>
    </message>
    <message>
        <source>Approve entertainment request #%1 (%2)</source>
        <translation>審批應酬申請 #%1（%2）</translation>
    </message>
    <message>
        <source>File the claim for entertainment request #%1</source>
        <translation>為應酬申請 #%1 申請報銷</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>%1 (§%2)</source>
        <translation>%1（§%2）</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出現錯誤</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>無法執行</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
</context>
<context>
    <name>EventDateWindow</name>
    <message>
        <source>%1: %2 is more than %3 days away from today (%4); check the date (policy %5, §%6).</source>
        <translation>%1：%2 距今天（%4）超過 %3 天；請檢查日期（政策 %5，§%6）。</translation>
    </message>
</context>
<context>
    <name>Expense</name>
    <message>
        <source>%1: %2 must not be empty (§6.3.1).</source>
        <translation>%1：%2不能為空（§6.3.1）。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount; write yuan with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金額；請填寫以元為單位、最多兩位小數的數，例如 1234.50。</translation>
    </message>
    <message>
        <source>%1: the amount must be greater than zero.</source>
        <translation>%1：金額必須大於零。</translation>
    </message>
    <message>
        <source>category: "%1" is not one of reception, banquet, event, other (§6.2).</source>
        <translation>category：“%1”不是 reception、banquet、event、other 之一（§6.2）。</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>應酬事由</translation>
    </message>
    <message>
        <source>at: the date and time of the event are missing or invalid (§6.3.1).</source>
        <translation>at：應酬日期和時間缺失或無效（§6.3.1）。</translation>
    </message>
    <message>
        <source>the place</source>
        <translation>應酬地點</translation>
    </message>
    <message>
        <source>the participants</source>
        <translation>參加人員</translation>
    </message>
    <message>
        <source>headcount: must be a whole number from 1 to 10000 (§6.3.1).</source>
        <translation>headcount：必須是 1 到 10000 之間的整數（§6.3.1）。</translation>
    </message>
    <message>
        <source>This request is %1 (%2); "%3" is not possible now.</source>
        <translation>該申請當前為“%1”（%2），現在不能執行“%3”。</translation>
    </message>
    <message>
        <source>comment: returning or rejecting needs a comment that tells the applicant why (§6.3.2, §6.4.3).</source>
        <translation>comment：退回或駁回必須填寫意見，告訴申請人原因（§6.3.2、§6.4.3）。</translation>
    </message>
    <message>
        <source>receipts: at least one receipt is needed, at most 1000 (§6.4.1).</source>
        <translation>receipts：至少需要一張票據，最多 1000 張（§6.4.1）。</translation>
    </message>
    <message>
        <source>explanation: the actual cost is above %1 (estimate plus tolerance); explain why in writing (§6.4.3).</source>
        <translation>explanation：實際費用超過 %1（預計費用加允許超支幅度），請書面說明原因（§6.4.3）。</translation>
    </message>
    <message>
        <source>over_budget_explanation: this request would bring the department to %1 of its %2 monthly budget; explain why (§6.1).</source>
        <translation>over_budget_explanation：本申請將使部門本月應酬費用達到 %1（月度預算 %2），請說明原因（§6.1）。</translation>
    </message>
    <message>
        <source>staff: "%1" is not a person.</source>
        <translation>staff：“%1”不是人員。</translation>
    </message>
    <message>
        <source>key customer</source>
        <translation>重點客戶</translation>
    </message>
    <message>
        <source>estimate above %1</source>
        <translation>預計費用超過 %1</translation>
    </message>
    <message>
        <source>Executive approval required (§6.3.3: %1)</source>
        <translation>需要公司高層審批（§6.3.3：%1）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ExpenseCategory</name>
    <message>
        <source>Customer visit / reception</source>
        <translation>客戶拜訪/接待</translation>
    </message>
    <message>
        <source>Business banquet</source>
        <translation>商務宴請</translation>
    </message>
    <message>
        <source>Industry event</source>
        <translation>行業活動</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ExpenseClaimDialog</name>
    <message>
        <source>File the claim</source>
        <translation>申請報銷</translation>
    </message>
    <message>
        <source>&amp;Actual cost (yuan) *</source>
        <translation>實際費用（元）(&amp;A) *</translation>
    </message>
    <message>
        <source>&amp;Receipts *</source>
        <translation>票據張數(&amp;R) *</translation>
    </message>
    <message>
        <source>&amp;Explanation</source>
        <translation>說明(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ExpenseFormWidget</name>
    <message>
        <source>Ca&amp;tegory *</source>
        <translation>應酬類別(&amp;T) *</translation>
    </message>
    <message>
        <source>&amp;Reason *</source>
        <translation>應酬事由(&amp;R) *</translation>
    </message>
    <message>
        <source>&amp;Date and time *</source>
        <translation>日期和時間(&amp;D) *</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Place *</source>
        <translation>應酬地點(&amp;P) *</translation>
    </message>
    <message>
        <source>&amp;Headcount *</source>
        <translation>人數(&amp;H) *</translation>
    </message>
    <message>
        <source>&amp;Estimated cost (yuan) *</source>
        <translation>預計費用（元）(&amp;E) *</translation>
    </message>
    <message>
        <source>e.g. 1234.50</source>
        <translation>例如 1234.50</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>月度預算</translation>
    </message>
    <message>
        <source>&amp;Over-budget explanation</source>
        <translation>超預算說明(&amp;O)</translation>
    </message>
    <message>
        <source>Company &amp;staff</source>
        <translation>公司人員(&amp;S)</translation>
    </message>
    <message>
        <source>Search people by name or login, tick those taking part</source>
        <translation>按姓名或登入名搜尋，勾選參加人員</translation>
    </message>
    <message>
        <source>E&amp;xternal guests</source>
        <translation>外部來賓(&amp;X)</translation>
    </message>
    <message>
        <source>Guests from outside the company, e.g. 客户张总 (required when no staff is ticked)</source>
        <translation>公司以外的來賓，如 客戶張總（未勾選公司人員時必填）</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客戶(&amp;U)</translation>
    </message>
    <message>
        <source>optional: type part of the customer's name</source>
        <translation>可選：輸入客戶名稱的一部分</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>審批</translation>
    </message>
</context>
<context>
    <name>ExpensePrinting</name>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>on behalf of %1</source>
        <translation>代 %1</translation>
    </message>
    <message>
        <source>Business Entertainment Application Form</source>
        <translation>商務應酬申請表</translation>
    </message>
    <message>
        <source>No. %1 · State: %2 · §6.3.1</source>
        <translation>編號 %1 · 狀態：%2 · §6.3.1</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>應酬類別</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和時間</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>應酬事由</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>應酬地點</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>key customer</source>
        <translation>重點客戶</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>預計費用</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>¥ %1 used of ¥ %2; with this request ¥ %3</source>
        <translation>本月已用 ¥ %1 / 預算 ¥ %2；加上本申請為 ¥ %3</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>超出預算</translation>
    </message>
    <message>
        <source>Monthly budget (§6.1)</source>
        <translation>月度預算（§6.1）</translation>
    </message>
    <message>
        <source>overrun</source>
        <translation>超支</translation>
    </message>
    <message>
        <source>late claim</source>
        <translation>逾期報銷</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>實際費用</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>票據</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>審批簽字</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>審批環節</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>審批人</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>簽字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Not submitted yet.</source>
        <translation>尚未提交。</translation>
    </message>
    <message>
        <source>The event may take place only after every approval step above is signed (§6.3.2). Claims are filed with genuine, lawful receipts after the event (§6.4).</source>
        <translation>以上各審批環節簽字後方可進行應酬（§6.3.2）。應酬結束後憑真實、合法、有效的票據申請報銷（§6.4）。</translation>
    </message>
    <message>
        <source>Company staff</source>
        <translation>公司人員</translation>
    </message>
    <message>
        <source>External guests</source>
        <translation>外部來賓</translation>
    </message>
    <message>
        <source>Department review</source>
        <translation>部門稽核</translation>
    </message>
    <message>
        <source>Superior approval</source>
        <translation>上級審批</translation>
    </message>
    <message>
        <source>Executive approval</source>
        <translation>總經理審批</translation>
    </message>
    <message>
        <source>Overrun approval</source>
        <translation>超支審批</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>財務稽核</translation>
    </message>
    <message>
        <source>In words: %1</source>
        <translation>大寫：%1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>意見</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>Signature and date</source>
        <translation>簽名及日期</translation>
    </message>
</context>
<context>
    <name>ExpenseReport</name>
    <message>
        <source>You may see the expense report of your own department only.</source>
        <translation>您只能檢視本部門的費用報表。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申請數</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>預計費用</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>實際費用</translation>
    </message>
    <message>
        <source>Overrun</source>
        <translation>超支金額</translation>
    </message>
    <message>
        <source>Late claims</source>
        <translation>逾期報銷</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小計</translation>
    </message>
    <message>
        <source>Entertainment expense report %1</source>
        <translation>商務應酬費用報表 %1</translation>
    </message>
    <message>
        <source>Events from %1 to %2%3 · §6.1, §6.4</source>
        <translation>應酬日期 %1 至 %2%3 · §6.1、§6.4</translation>
    </message>
    <message>
        <source>out: write the report as .pdf, .html, .xlsx or .csv.</source>
        <translation>out：報表只能儲存為 .pdf、.html、.xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩餘</translation>
    </message>
    <message>
        <source>Approved estimate</source>
        <translation>已批准金額</translation>
    </message>
    <message>
        <source>Budget and use by department, %1</source>
        <translation>各部門預算與使用情況，%1</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部門</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>按人員</translation>
    </message>
    <message numerus="yes">
        <source>Budget: the monthly department budget × %n month(s). Used: the actual cost once claimed, else the estimate. Drafts and rejected, withdrawn or cancelled requests count in no total.</source>
        <translation>
            <numerusform>預算：部門月度預算 × %n 個月。已用：已報銷的按實際費用計，否則按預計費用計。草稿以及被駁回、撤回或取消的申請不計入任何合計。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpenseRepository</name>
    <message>
        <source>There is no entertainment request #%1.</source>
        <translation>不存在應酬申請 #%1。</translation>
    </message>
    <message>
        <source>Entertainment request #%1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>應酬申請 #%1 已被他人修改，請重新載入後再試。</translation>
    </message>
    <message>
        <source>customer: there is no customer #%1.</source>
        <translation>customer：不存在客戶 #%1。</translation>
    </message>
    <message>
        <source>There is no attachment #%1.</source>
        <translation>不存在附件 #%1。</translation>
    </message>
</context>
<context>
    <name>ExpenseState</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Pending department review</source>
        <translation>待部門稽核</translation>
    </message>
    <message>
        <source>Pending superior approval</source>
        <translation>待上級審批</translation>
    </message>
    <message>
        <source>Pending executive approval</source>
        <translation>待公司高層審批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Pending overrun approval</source>
        <translation>待超支審批</translation>
    </message>
    <message>
        <source>Pending finance review</source>
        <translation>待財務稽核</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>已報銷</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Claim refused</source>
        <translation>報銷被拒</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to BizDesk</source>
        <translation>歡迎使用 BizDesk</translation>
    </message>
    <message>
        <source>This database is new. Create the first account: it will hold the Business Director and System Administrator roles, and can add everyone else.</source>
        <translation>這是一個新資料庫。請建立首個賬戶：它將擁有商務總監和系統管理員角色，並可新增其他所有人員。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 张建华</source>
        <translation>例如 張建華</translation>
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation>登入名(&amp;L)：*</translation>
    </message>
    <message>
        <source>e.g. zhangjh</source>
        <translation>例如 zhangjh</translation>
    </message>
    <message>
        <source>&amp;Password: *</source>
        <translation>密碼(&amp;P)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation>確認密碼(&amp;R)：*</translation>
    </message>
</context>
<context>
    <name>FoundationCommands</name>
    <message>
        <source>login of the first account (director and admin)</source>
        <translation>首個賬戶的登入名（商務總監兼系統管理員）</translation>
    </message>
    <message>
        <source>display name of the first account</source>
        <translation>首個賬戶的顯示姓名</translation>
    </message>
    <message>
        <source>Create a new database and its first account (password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation>建立新資料庫及首個賬戶（密碼取自 $BIZDESK_NEW_PASSWORD 或標準輸入）。</translation>
    </message>
    <message>
        <source>Upgrade the schema to this program's version (an existing SQLite file is backed up first).</source>
        <translation>將資料結構升級到本程式的版本（已有的 SQLite 檔案會先備份）。</translation>
    </message>
    <message>
        <source>Check integrity, foreign keys and the audit chain; exit 0 only when all are clean.</source>
        <translation>檢查完整性、外來鍵和審計鏈；全部正常時才返回 0。</translation>
    </message>
    <message>
        <source>The database check found problems: %1</source>
        <translation>資料庫檢查發現問題：%1</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database (always a BizDesk SQLite file) to OUT.</source>
        <translation>將資料庫的一致性副本（始終為 BizDesk SQLite 檔案）寫入 OUT。</translation>
    </message>
    <message>
        <source>Restore the backup file IN into the --db location, which must be new or empty.</source>
        <translation>將備份檔案 IN 恢復到 --db 指定的位置，該位置必須是新的或空的。</translation>
    </message>
    <message>
        <source>number of customers (default 200)</source>
        <translation>客戶數量（預設 200）</translation>
    </message>
    <message>
        <source>random seed (default 1); the same seed gives the same data</source>
        <translation>隨機種子（預設 1）；相同的種子生成相同的資料</translation>
    </message>
    <message>
        <source>Create a new database filled with a realistic demo organisation (password of every demo account: $BIZDESK_NEW_PASSWORD, else "demo-password").</source>
        <translation>建立一個填充了逼真演示組織的新資料庫（所有演示賬戶的密碼：$BIZDESK_NEW_PASSWORD，否則為“demo-password”）。</translation>
    </message>
    <message>
        <source>language of the demo's comments and notes: zh_CN (default), zh_TW or en</source>
        <translation>演示資料中批註和備註的語言：zh_CN（預設）、zh_TW 或 en</translation>
    </message>
</context>
<context>
    <name>IdentityCommands</name>
    <message>
        <source>display name</source>
        <translation>顯示姓名</translation>
    </message>
    <message>
        <source>director, manager, specialist, finance, legal, executive, admin</source>
        <translation>director（商務總監）、manager（商務經理）、specialist（商務專員）、finance（財務）、legal（法務）、executive（公司高層）、admin（系統管理員）</translation>
    </message>
    <message>
        <source>department name</source>
        <translation>部門名稱</translation>
    </message>
    <message>
        <source>the superior's login</source>
        <translation>上級的登入名</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>電子郵箱</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>Add a person (new password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation>新增人員（新密碼取自 $BIZDESK_NEW_PASSWORD 或標準輸入）。</translation>
    </message>
    <message>
        <source>List people.</source>
        <translation>列出人員。</translation>
    </message>
    <message>
        <source>Disable a person's account (history is kept).</source>
        <translation>停用人員賬戶（保留歷史記錄）。</translation>
    </message>
    <message>
        <source>Unlock an account locked by wrong passwords.</source>
        <translation>解鎖因密碼錯誤被鎖定的賬戶。</translation>
    </message>
    <message>
        <source>Set a person's superior (reporting line, §2.1).</source>
        <translation>設定人員的上級（彙報關係，§2.1）。</translation>
    </message>
    <message>
        <source>Show the acting user.</source>
        <translation>顯示當前操作使用者。</translation>
    </message>
    <message>
        <source>the department head</source>
        <translation>部門負責人</translation>
    </message>
    <message>
        <source>Add a department.</source>
        <translation>新增部門。</translation>
    </message>
    <message>
        <source>Set a department's head.</source>
        <translation>設定部門負責人。</translation>
    </message>
    <message>
        <source>List departments.</source>
        <translation>列出部門。</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>結束日期</translation>
    </message>
    <message>
        <source>Let LOGIN approve on your behalf between two dates.</source>
        <translation>在指定日期之間由該登入名代您審批。</translation>
    </message>
    <message>
        <source>Revoke one of your delegations.</source>
        <translation>撤銷您的一項授權。</translation>
    </message>
    <message>
        <source>Show every policy setting with its clause and current value.</source>
        <translation>顯示所有制度引數及其條款和當前值。</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1.</source>
        <translation>審計鏈已損壞：%1。</translation>
    </message>
    <message>
        <source>entity kind, e.g. user, expense</source>
        <translation>物件型別，例如 user、expense</translation>
    </message>
    <message>
        <source>entity id</source>
        <translation>物件編號</translation>
    </message>
    <message>
        <source>most entries (default 100)</source>
        <translation>最多條數（預設 100）</translation>
    </message>
    <message>
        <source>List audit entries, newest first.</source>
        <translation>列出審計記錄，最新的在前。</translation>
    </message>
    <message>
        <source>only changes of this setting</source>
        <translation>只顯示該引數的修改</translation>
    </message>
    <message>
        <source>List the versioned changes of the policy settings, newest first.</source>
        <translation>列出制度引數的版本化修改記錄，最新的在前。</translation>
    </message>
    <message>
        <source>Print the id and hash of the last audit entry; keep it outside the database and check it later with "audit verify --expect ID:HASH".</source>
        <translation>輸出最後一條審計記錄的編號和雜湊；請儲存在資料庫之外，日後用“audit verify --expect ID:HASH”核對。</translation>
    </message>
    <message>
        <source>Audit head: entry %1, hash %2
Check it later with: bizdeskctl audit verify --expect %1:%2</source>
        <translation>審計鏈頭：條目 %1，雜湊 %2
日後核對：bizdeskctl audit verify --expect %1:%2</translation>
    </message>
    <message>
        <source>an earlier "audit head": the chain must still hold that entry with that hash</source>
        <translation>先前的“audit head”：審計鏈必須仍含有該條目且雜湊不變</translation>
    </message>
    <message>
        <source>a backup file: the chain must still hold the backup's last audit entry unchanged</source>
        <translation>備份檔案：審計鏈必須仍含有該備份的最後一條審計記錄且未被改動</translation>
    </message>
    <message>
        <source>Walk the audit hash chain; exit 4 naming the first broken entry, or an expected entry that was deleted or rewritten.</source>
        <translation>逐條校驗審計雜湊鏈；發現第一處損壞，或預期的條目被刪除或改寫時，以狀態 4 退出並指出該條目。</translation>
    </message>
    <message>
        <source>Change policy settings (director); several pairs are one change, e.g. appraisal weights that must add up to 100.</source>
        <translation>修改政策設定（商務總監）；多組鍵值作為一次修改，例如總和必須為 100 的考核權重。</translation>
    </message>
    <message>
        <source>VALUE: %1 has no value; give KEY VALUE pairs.</source>
        <translation>VALUE：%1 沒有值；請按 KEY VALUE 成對給出。</translation>
    </message>
    <message>
        <source>Accept a known, wanted rollback of the audit chain (an older backup restored, the newest entries cut): this computer takes the chain's present head as the last one seen and stops warning. Audited; needs the admin role.</source>
        <translation>接受已知且有意的審計鏈回滾（恢復了較舊的備份、刪去了最新條目）：本機把審計鏈當前的鏈頭當作上次看到的鏈頭，不再警告。此操作會記入審計，需要管理員角色。</translation>
    </message>
    <message>
        <source>This program keeps no audit heads.</source>
        <translation>本程式不儲存審計鏈頭。</translation>
    </message>
    <message>
        <source>Nothing to accept: the audit chain still holds the head this computer saw last. Audit head: entry %1.</source>
        <translation>無需接受：審計鏈仍包含本機上次看到的鏈頭。審計鏈頭：條目 %1。</translation>
    </message>
    <message>
        <source>Rollback accepted (audit entry %1). Audit head: entry %1, hash %2</source>
        <translation>已接受回滾（審計條目 %1）。審計鏈頭：條目 %1，雜湊 %2</translation>
    </message>
</context>
<context>
    <name>IdentityService</name>
    <message>
        <source>This database already has accounts; log in instead.</source>
        <translation>此資料庫已有賬戶；請直接登入。</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>登入名或密碼錯誤。</translation>
    </message>
    <message>
        <source>The account %1 is disabled; ask an administrator.</source>
        <translation>賬戶 %1 已停用；請聯絡管理員。</translation>
    </message>
    <message>
        <source>The account %1 is locked after too many wrong passwords until %2; an administrator can unlock it.</source>
        <translation>賬戶 %1 因密碼錯誤次數過多被鎖定至 %2；管理員可以解鎖。</translation>
    </message>
    <message>
        <source>dept: there is no department "%1".</source>
        <translation>部門：沒有部門“%1”。</translation>
    </message>
    <message>
        <source>superior: there is no user "%1".</source>
        <translation>上級：沒有使用者“%1”。</translation>
    </message>
    <message>
        <source>login: "%1" is already taken.</source>
        <translation>登入名：“%1”已被佔用。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要一個角色。</translation>
    </message>
    <message>
        <source>dept: the department no longer exists.</source>
        <translation>部門：該部門已不存在。</translation>
    </message>
    <message>
        <source>superior: that person no longer exists.</source>
        <translation>上級：該人員已不存在。</translation>
    </message>
    <message>
        <source>login: you cannot disable your own account.</source>
        <translation>登入名：不能停用自己的賬戶。</translation>
    </message>
    <message>
        <source>current password: the current password is wrong.</source>
        <translation>當前密碼：當前密碼不正確。</translation>
    </message>
    <message>
        <source>name: the department name is required.</source>
        <translation>名稱：必須填寫部門名稱。</translation>
    </message>
    <message>
        <source>name: the department "%1" already exists.</source>
        <translation>名稱：部門“%1”已存在。</translation>
    </message>
    <message>
        <source>head: there is no user "%1".</source>
        <translation>負責人：沒有使用者“%1”。</translation>
    </message>
    <message>
        <source>from: a valid start date (yyyy-MM-dd) is required.</source>
        <translation>開始日期：需要有效的開始日期（yyyy-MM-dd）。</translation>
    </message>
    <message>
        <source>to: the end date must be a valid date on or after the start.</source>
        <translation>結束日期：必須是有效日期，且不早於開始日期。</translation>
    </message>
    <message>
        <source>delegate: there is no active user "%1".</source>
        <translation>代理人：沒有在職使用者“%1”。</translation>
    </message>
    <message>
        <source>delegate: you cannot delegate to yourself.</source>
        <translation>代理人：不能授權給自己。</translation>
    </message>
    <message>
        <source>You have no delegation with id %1.</source>
        <translation>您沒有編號為 %1 的授權。</translation>
    </message>
    <message>
        <source>The account %1 is already active.</source>
        <translation>賬戶 %1 已處於啟用狀態。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to BizDesk</source>
        <translation>登入 BizDesk</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登入名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MarketResearchDialog</name>
    <message>
        <source>Record market research</source>
        <translation>記錄市場調研</translation>
    </message>
    <message>
        <source>&amp;Topic: *</source>
        <translation>調研主題(&amp;T)：*</translation>
    </message>
    <message>
        <source>&amp;Date: *</source>
        <translation>日期(&amp;D)：*</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>&amp;Findings:</source>
        <translation>調研結論(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Competitors:</source>
        <translation>競爭對手(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>%1 The backup made before the upgrade is still at %2; delete it when no longer needed.</source>
        <translation>%1 升級前所做的備份仍在 %2；不再需要時請刪除。</translation>
    </message>
</context>
<context>
    <name>Milestone</name>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>驗收</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>商務應酬</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>商務團隊</translation>
    </message>
    <message>
        <source>Negotiations</source>
        <translation>商務談判</translation>
    </message>
    <message>
        <source>Negotiation preparation, stages, offers and the summary report.</source>
        <translation>談判準備、談判階段、報價和總結報告。</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contract drafting, legal and finance review, approval, signing, execution, changes and archive.</source>
        <translation>合同起草、法務與財務稽核、審批、簽訂、履行、變更和歸檔。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>報表</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1: "%2" is not an amount; write yuan with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金額；請填寫以元為單位、最多兩位小數的數，例如 1234.50。</translation>
    </message>
    <message>
        <source>%1: the amount must be greater than zero.</source>
        <translation>%1：金額必須大於零。</translation>
    </message>
    <message>
        <source>amount: the result is too large to be a sum of money.</source>
        <translation>amount：結果過大，不是有效的金額。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount; write it with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金額；最多兩位小數，例如 1234.50。</translation>
    </message>
</context>
<context>
    <name>Negotiation</name>
    <message>
        <source>We sell</source>
        <translation>我方銷售</translation>
    </message>
    <message>
        <source>We buy</source>
        <translation>我方採購</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支援</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>對方</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>驗收</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>違約</translation>
    </message>
    <message>
        <source>Change strategy</source>
        <translation>調整策略</translation>
    </message>
    <message>
        <source>Third-party mediation</source>
        <translation>第三方調解</translation>
    </message>
    <message>
        <source>Park the issue</source>
        <translation>擱置爭議</translation>
    </message>
    <message>
        <source>Market information</source>
        <translation>市場資訊</translation>
    </message>
    <message>
        <source>Industry trends</source>
        <translation>行業趨勢</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>競爭對手</translation>
    </message>
    <message>
        <source>Laws and regulations</source>
        <translation>法律法規</translation>
    </message>
    <message>
        <source>Team set</source>
        <translation>團隊已組建</translation>
    </message>
    <message>
        <source>Goal set</source>
        <translation>目標已確定</translation>
    </message>
    <message>
        <source>Strategy written</source>
        <translation>策略已制定</translation>
    </message>
    <message>
        <source>Materials gathered</source>
        <translation>資料已收集</translation>
    </message>
    <message>
        <source>Internal briefing held</source>
        <translation>已開內部協調會</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Goal attainment</source>
        <translation>目標達成情況</translation>
    </message>
    <message>
        <source>Process review</source>
        <translation>過程回顧</translation>
    </message>
    <message>
        <source>Disagreements and their resolution</source>
        <translation>分歧及其解決</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>經驗教訓</translation>
    </message>
    <message>
        <source>%1: "%2" is not one of %3.</source>
        <translation>%1：“%2”不是 %3 之一。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount in yuan that is not negative with at most two decimals.</source>
        <translation>%1：“%2”不是不為負、最多兩位小數的人民幣金額。</translation>
    </message>
    <message>
        <source>customer: a negotiation belongs to a customer (§4.1).</source>
        <translation>customer：談判必須屬於一個客戶（§4.1）。</translation>
    </message>
    <message>
        <source>target: our target %1 lies past our bottom line %2.</source>
        <translation>target：我方目標 %1 突破了我方底線 %2。</translation>
    </message>
    <message>
        <source>lead: a negotiation needs its lead before it opens (§4.1.1); name one with negotiation member ID LOGIN --role lead.</source>
        <translation>lead：談判開局前必須有負責人（§4.1.1）；請用 negotiation member ID LOGIN --role lead 指定。</translation>
    </message>
    <message>
        <source>This negotiation has ended (%1); its stage no longer changes.</source>
        <translation>該談判已結束（%1）；階段不再變更。</translation>
    </message>
    <message>
        <source>A deadlock goes back to the stage it came from (%1) or ends in no deal, not to %2.</source>
        <translation>僵局只能回到它所來自的階段（%1）或以未成交結束，不能轉到 %2。</translation>
    </message>
    <message>
        <source>From %1 the negotiation moves to %2; %3 would skip or reverse a stage (§4.2).</source>
        <translation>談判從%1進入 %2；%3 會跳過或倒退階段（§4.2）。</translation>
    </message>
    <message>
        <source>This negotiation has ended (%1): nothing more is recorded in it.</source>
        <translation>該談判已結束（%1）：不能再記錄任何內容。</translation>
    </message>
</context>
<context>
    <name>NegotiationAudit</name>
    <message>
        <source>Negotiation opened</source>
        <translation>已新建談判</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>階段已變更</translation>
    </message>
    <message>
        <source>Preparation changed</source>
        <translation>已修改談判準備</translation>
    </message>
    <message>
        <source>Team member set</source>
        <translation>已設定團隊成員</translation>
    </message>
    <message>
        <source>Team member removed</source>
        <translation>已移出團隊成員</translation>
    </message>
    <message>
        <source>Strategy written</source>
        <translation>策略已制定</translation>
    </message>
    <message>
        <source>Material added</source>
        <translation>已新增資料</translation>
    </message>
    <message>
        <source>Checklist ticked</source>
        <translation>清單已勾選</translation>
    </message>
    <message>
        <source>Session recorded</source>
        <translation>已記錄會談</translation>
    </message>
    <message>
        <source>Probing note recorded</source>
        <translation>已記錄摸底筆記</translation>
    </message>
    <message>
        <source>Estimate of their bottom line recorded</source>
        <translation>已記錄對方底線估計</translation>
    </message>
    <message>
        <source>Offer recorded</source>
        <translation>已記錄報價</translation>
    </message>
    <message>
        <source>Term position recorded</source>
        <translation>已記錄條款立場</translation>
    </message>
    <message>
        <source>Deadlock recorded</source>
        <translation>已記錄僵局</translation>
    </message>
    <message>
        <source>Deadlock outcome recorded</source>
        <translation>已記錄僵局結果</translation>
    </message>
    <message>
        <source>Summary written</source>
        <translation>總結已撰寫</translation>
    </message>
    <message>
        <source>Summary submitted</source>
        <translation>總結已提交</translation>
    </message>
    <message>
        <source>Summary acknowledged</source>
        <translation>總結已確認</translation>
    </message>
    <message>
        <source>Negotiation stage</source>
        <translation>談判階段</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>計劃結束</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成員</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Term under discussion</source>
        <translation>談判條款</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>內容</translation>
    </message>
</context>
<context>
    <name>NegotiationCommands</name>
    <message>
        <source>the version you saw (negotiation show); if it changed since: exit 4, nothing written</source>
        <translation>您看到的版本（negotiation show）；若之後已變更：退出碼 4，不寫入任何內容</translation>
    </message>
    <message>
        <source>the customer the negotiation is with</source>
        <translation>談判物件客戶</translation>
    </message>
    <message>
        <source>what is negotiated</source>
        <translation>談判內容</translation>
    </message>
    <message>
        <source>the goal (§4.1.2)</source>
        <translation>目標（§4.1.2）</translation>
    </message>
    <message>
        <source>whether we sell or buy (default sell)</source>
        <translation>我方是銷售還是採購（預設 sell）</translation>
    </message>
    <message>
        <source>our target</source>
        <translation>我方目標</translation>
    </message>
    <message>
        <source>our bottom line, seen only by the team and their superiors</source>
        <translation>我方底線，僅團隊及其上級可見</translation>
    </message>
    <message>
        <source>our opening anchor</source>
        <translation>我方開價錨點</translation>
    </message>
    <message>
        <source>our best alternative if there is no deal</source>
        <translation>未成交時我方的最佳替代方案</translation>
    </message>
    <message>
        <source>what that alternative is worth</source>
        <translation>該替代方案的價值</translation>
    </message>
    <message>
        <source>conditions under which we walk away</source>
        <translation>我方退出談判的條件</translation>
    </message>
    <message>
        <source>planned end date, yyyy-MM-dd</source>
        <translation>計劃結束日期，yyyy-MM-dd</translation>
    </message>
    <message>
        <source>importance (default medium)</source>
        <translation>重要性（預設 medium）</translation>
    </message>
    <message>
        <source>complexity (default medium)</source>
        <translation>複雜度（預設 medium）</translation>
    </message>
    <message>
        <source>the market research record it draws on</source>
        <translation>所依據的市場調研記錄</translation>
    </message>
    <message>
        <source>--%1: "%2" is not one of %3.</source>
        <translation>--%1：“%2”不是 %3 之一。</translation>
    </message>
    <message>
        <source>the lead (default: you)</source>
        <translation>負責人（預設：您）</translation>
    </message>
    <message>
        <source>Open a negotiation in preparation (§4.1); you lead it unless --lead names another.</source>
        <translation>新建一項處於準備階段的談判（§4.1）；除非 --lead 指定他人，否則由您負責。</translation>
    </message>
    <message>
        <source>Change the preparation: only the options given change.</source>
        <translation>修改談判準備：只改動給出的選項。</translation>
    </message>
    <message>
        <source>the member's role (§4.1.1)</source>
        <translation>成員角色（§4.1.1）</translation>
    </message>
    <message>
        <source>what the member does (§4.1.4)</source>
        <translation>成員職責（§4.1.4）</translation>
    </message>
    <message>
        <source>take the person off the team</source>
        <translation>將此人移出團隊</translation>
    </message>
    <message>
        <source>Put a person on the team with a role and duties, or take them off.</source>
        <translation>將人員加入團隊並設定角色和職責，或將其移出。</translation>
    </message>
    <message>
        <source>our strengths</source>
        <translation>我方優勢</translation>
    </message>
    <message>
        <source>our weaknesses</source>
        <translation>我方劣勢</translation>
    </message>
    <message>
        <source>their strengths</source>
        <translation>對方優勢</translation>
    </message>
    <message>
        <source>their weaknesses</source>
        <translation>對方劣勢</translation>
    </message>
    <message>
        <source>their likely strategy</source>
        <translation>對方可能的策略</translation>
    </message>
    <message>
        <source>our responses</source>
        <translation>我方對策</translation>
    </message>
    <message>
        <source>Write the strategy (§4.1.2): only the fields given change.</source>
        <translation>制定策略（§4.1.2）：只改動給出的欄位。</translation>
    </message>
    <message>
        <source>what the material is about</source>
        <translation>資料類別</translation>
    </message>
    <message>
        <source>untick the item</source>
        <translation>取消勾選</translation>
    </message>
    <message>
        <source>Tick a preparation checklist item that the record does not show itself: briefing_held.</source>
        <translation>勾選記錄本身無法體現的準備清單項：briefing_held。</translation>
    </message>
    <message>
        <source>a note for the history</source>
        <translation>寫入歷史的備註</translation>
    </message>
    <message>
        <source>Move to the next stage (§4.2): %1; a skipped stage is exit 4.</source>
        <translation>進入下一階段（§4.2）：%1；跳過階段返回退出碼 4。</translation>
    </message>
    <message>
        <source>the day of the session (default today)</source>
        <translation>會談日期（預設今天）</translation>
    </message>
    <message>
        <source>where</source>
        <translation>地點</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>結束時間</translation>
    </message>
    <message>
        <source>our attendees</source>
        <translation>我方出席人員</translation>
    </message>
    <message>
        <source>their attendees</source>
        <translation>對方出席人員</translation>
    </message>
    <message>
        <source>the agenda</source>
        <translation>議程</translation>
    </message>
    <message>
        <source>the minutes</source>
        <translation>會議紀要</translation>
    </message>
    <message>
        <source>Record a session (§4.2.1).</source>
        <translation>記錄一次會談（§4.2.1）。</translation>
    </message>
    <message>
        <source>their position</source>
        <translation>對方立場</translation>
    </message>
    <message>
        <source>their interests</source>
        <translation>對方利益</translation>
    </message>
    <message>
        <source>their presumed bottom line, in words</source>
        <translation>推測的對方底線（文字）</translation>
    </message>
    <message>
        <source>Record a probing note (§4.2.2).</source>
        <translation>記錄摸底筆記（§4.2.2）。</translation>
    </message>
    <message>
        <source>low end of their bottom line</source>
        <translation>對方底線的下限</translation>
    </message>
    <message>
        <source>high end of their bottom line</source>
        <translation>對方底線的上限</translation>
    </message>
    <message>
        <source>where the estimate comes from</source>
        <translation>估計的來源</translation>
    </message>
    <message>
        <source>Estimate their bottom line as a range (§4.2.2); each estimate is kept.</source>
        <translation>以區間估計對方底線（§4.2.2）；每次估計都會保留。</translation>
    </message>
    <message>
        <source>whose offer</source>
        <translation>哪一方的報價</translation>
    </message>
    <message>
        <source>the amount, at most two decimals</source>
        <translation>金額，最多兩位小數</translation>
    </message>
    <message>
        <source>when it was made (default today)</source>
        <translation>報價日期（預設今天）</translation>
    </message>
    <message>
        <source>its conditions</source>
        <translation>報價條件</translation>
    </message>
    <message>
        <source>what we got in return for a concession</source>
        <translation>讓步換得的回報</translation>
    </message>
    <message>
        <source>why an offer of ours goes past our bottom line</source>
        <translation>我方報價突破底線的理由</translation>
    </message>
    <message>
        <source>Record an offer (§4.2.3, §4.3.3).</source>
        <translation>記錄報價（§4.2.3、§4.3.3）。</translation>
    </message>
    <message>
        <source>our position</source>
        <translation>我方立場</translation>
    </message>
    <message>
        <source>whether it is agreed</source>
        <translation>是否已談定</translation>
    </message>
    <message>
        <source>Record a term under discussion (§4.2.4): %1.</source>
        <translation>記錄正在談判的條款（§4.2.4）：%1。</translation>
    </message>
    <message>
        <source>--status: "%1" is not one of open|agreed.</source>
        <translation>--status：“%1”不是 open|agreed 之一。</translation>
    </message>
    <message>
        <source>what the deadlock is about</source>
        <translation>僵局的原因</translation>
    </message>
    <message>
        <source>how the team handles it</source>
        <translation>團隊的應對方式</translation>
    </message>
    <message>
        <source>Mark a deadlock from quoting or bargaining (§4.2.5), or complete the open one.</source>
        <translation>在報價或討價還價階段標記僵局（§4.2.5），或補充當前僵局。</translation>
    </message>
    <message>
        <source>how the deadlock ended</source>
        <translation>僵局如何結束</translation>
    </message>
    <message>
        <source>Record the outcome of the latest deadlock.</source>
        <translation>記錄最近一次僵局的結果。</translation>
    </message>
    <message>
        <source>Write sections of the summary after consensus or no_deal (§4.4.2).</source>
        <translation>在達成共識或未成交後撰寫總結各部分（§4.4.2）。</translation>
    </message>
    <message>
        <source>departments that receive it besides the lead's superior</source>
        <translation>除負責人上級外接收總結的部門</translation>
    </message>
    <message>
        <source>Submit the summary (§4.4.3); this closes the negotiation.</source>
        <translation>提交總結（§4.4.3）；提交後談判關閉。</translation>
    </message>
    <message>
        <source>Acknowledge a summary sent to you or your department.</source>
        <translation>確認發給您或您部門的談判總結。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的儲存位置</translation>
    </message>
    <message>
        <source>Write the §4.4.2 summary report as it stands (after consensus or no_deal).</source>
        <translation>按當前內容輸出 §4.4.2 總結報告（達成共識或未成交後）。</translation>
    </message>
    <message>
        <source>The summary is printed after consensus or no deal (§4.4).</source>
        <translation>達成共識或未成交後才能列印總結（§4.4）。</translation>
    </message>
    <message>
        <source>Write the memorandum (letter of intent) of a consensus with the agreed terms (§4.2.6).</source>
        <translation>輸出達成共識後的備忘錄（意向書），含已談定條款（§4.2.6）。</translation>
    </message>
    <message>
        <source>A memorandum is written for a consensus (§4.2.6).</source>
        <translation>只有達成共識的談判才能輸出備忘錄（§4.2.6）。</translation>
    </message>
    <message>
        <source>A negotiation with team, offers, concessions, terms, deadlocks, sessions and history; the bottom line, BATNA, estimates and zone only for the team and their superiors.</source>
        <translation>一項談判及其團隊、報價、讓步、條款、僵局、會談和歷史；底線、BATNA、估計和協議區間僅對團隊及其上級顯示。</translation>
    </message>
    <message>
        <source>Only the confidential figures: bottom line, BATNA, estimates, zone and gaps (exit 3 outside the team and their superiors).</source>
        <translation>僅機密數字：底線、BATNA、估計、協議區間和差距（團隊及其上級以外的人返回退出碼 3）。</translation>
    </message>
    <message>
        <source>only negotiations with you on the team</source>
        <translation>僅您參與的談判</translation>
    </message>
    <message>
        <source>only negotiations in this stage</source>
        <translation>僅此階段的談判</translation>
    </message>
    <message>
        <source>only this customer's negotiations</source>
        <translation>僅該客戶的談判</translation>
    </message>
    <message>
        <source>only of this importance</source>
        <translation>僅此重要性</translation>
    </message>
    <message>
        <source>the next window: ids below this one</source>
        <translation>下一頁：編號小於此值</translation>
    </message>
    <message>
        <source>at most N rows (default 200)</source>
        <translation>最多 N 行（預設 200）</translation>
    </message>
    <message>
        <source>Negotiations you may see, newest first.</source>
        <translation>您可檢視的談判，最新的在前。</translation>
    </message>
    <message>
        <source>Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4).</source>
        <translation>按負責人統計已關閉談判：爭取到的協議區間比例和估計誤差（§4.4）。</translation>
    </message>
    <message>
        <source>the material (may be left out when a file is given)</source>
        <translation>資料內容（給出檔案時可省略）</translation>
    </message>
    <message>
        <source>a file kept with the note, stored with its SHA-256 (at most negotiation.material_max_mb)</source>
        <translation>隨資料儲存的檔案，連同其 SHA-256 一併儲存（不超過 negotiation.material_max_mb）</translation>
    </message>
    <message>
        <source>Add a material (§4.1.3): a note, a file or both.</source>
        <translation>新增談判資料（§4.1.3）：一段說明、一個檔案或兩者皆有。</translation>
    </message>
    <message>
        <source>where to write the file</source>
        <translation>檔案寫入位置</translation>
    </message>
    <message>
        <source>Write a material's file (its id is in negotiation show) after checking it against its SHA-256.</source>
        <translation>核對 SHA-256 後，將資料檔案寫出（其編號見 negotiation show）。</translation>
    </message>
</context>
<context>
    <name>NegotiationDetailHtml</name>
    <message>
        <source>closed</source>
        <translation>已關閉</translation>
    </message>
    <message>
        <source>The gap between the latest offers has not narrowed: consider marking a deadlock (§4.2.5).</source>
        <translation>雙方最新報價的差距未縮小：考慮標記僵局（§4.2.5）。</translation>
    </message>
    <message>
        <source>The planned end date %1 has passed.</source>
        <translation>已超過計劃結束日期 %1。</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>準備</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Importance / complexity</source>
        <translation>重要性 / 複雜度</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目標</translation>
    </message>
    <message>
        <source>Opening anchor</source>
        <translation>開價錨點</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底線</translation>
    </message>
    <message>
        <source>BATNA</source>
        <translation>BATNA（最佳替代方案）</translation>
    </message>
    <message>
        <source>Their bottom line (estimate)</source>
        <translation>對方底線（估計）</translation>
    </message>
    <message>
        <source>Zone of agreement</source>
        <translation>協議區間</translation>
    </message>
    <message>
        <source>No zone of agreement on the current estimates: review the strategy.</source>
        <translation>按當前估計不存在協議區間：請重新審視策略。</translation>
    </message>
    <message>
        <source>Room to our bottom line</source>
        <translation>距我方底線的空間</translation>
    </message>
    <message>
        <source>Their offer outside the zone by</source>
        <translation>對方報價超出協議區間</translation>
    </message>
    <message>
        <source>Walk-away conditions</source>
        <translation>退出條件</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>計劃結束</translation>
    </message>
    <message>
        <source>Time so far</source>
        <translation>已用時間</translation>
    </message>
    <message>
        <source>%1 of %2 planned days, %3 hours in sessions</source>
        <translation>已用 %1 天，計劃 %2 天，會談 %3 小時</translation>
    </message>
    <message>
        <source>Checklist (%1/5)</source>
        <translation>準備清單（%1/5）</translation>
    </message>
    <message>
        <source>Team (suggested size %1)</source>
        <translation>團隊（建議人數 %1）</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Our strengths</source>
        <translation>我方優勢</translation>
    </message>
    <message>
        <source>Our weaknesses</source>
        <translation>我方劣勢</translation>
    </message>
    <message>
        <source>Their strengths</source>
        <translation>對方優勢</translation>
    </message>
    <message>
        <source>Their weaknesses</source>
        <translation>對方劣勢</translation>
    </message>
    <message>
        <source>Their likely strategy</source>
        <translation>對方可能的策略</translation>
    </message>
    <message>
        <source>Our responses</source>
        <translation>我方對策</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>會談</translation>
    </message>
    <message>
        <source>Probing</source>
        <translation>摸底</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>報價</translation>
    </message>
    <message>
        <source> · concession %1</source>
        <translation> · 讓步 %1</translation>
    </message>
    <message>
        <source> ⚑ nothing in return</source>
        <translation> ⚑ 未換得回報</translation>
    </message>
    <message>
        <source> ⚑ larger than the previous concession</source>
        <translation> ⚑ 比上一次讓步更大</translation>
    </message>
    <message>
        <source> · got: %1</source>
        <translation> · 換得：%1</translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation> · 理由：%1</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>ours: %1 · theirs: %2 · %3</source>
        <translation>我方：%1 · 對方：%2 · %3</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>已談定</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>未談定</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>僵局</translation>
    </message>
    <message>
        <source>History</source>
        <translation>歷史</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>總結</translation>
    </message>
</context>
<context>
    <name>NegotiationMaterials</name>
    <message>
        <source>There is no material file #%1.</source>
        <translation>不存在資料檔案 #%1。</translation>
    </message>
    <message>
        <source>note: a material needs a note, a file or both.</source>
        <translation>資料內容：資料需要一段說明、一個檔案或兩者皆有。</translation>
    </message>
</context>
<context>
    <name>NegotiationReport</name>
    <message>
        <source>No offers yet</source>
        <translation>尚無報價</translation>
    </message>
    <message>
        <source>Zone of agreement</source>
        <translation>協議區間</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目標</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底線</translation>
    </message>
    <message>
        <source>● Our offers</source>
        <translation>● 我方報價</translation>
    </message>
    <message>
        <source>● Their offers</source>
        <translation>● 對方報價</translation>
    </message>
    <message>
        <source>Negotiation Summary Report</source>
        <translation>談判總結報告</translation>
    </message>
    <message>
        <source>Negotiation #%1 · %2 · %3</source>
        <translation>談判 #%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>計劃結束</translation>
    </message>
    <message>
        <source>Agreed amount (latest offer)</source>
        <translation>成交金額（最新報價）</translation>
    </message>
    <message>
        <source>Our bottom line</source>
        <translation>我方底線</translation>
    </message>
    <message>
        <source>Zone captured</source>
        <translation>爭取到的區間</translation>
    </message>
    <message>
        <source>Estimate error</source>
        <translation>估計誤差</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>報價</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>In return</source>
        <translation>換得</translation>
    </message>
    <message>
        <source>Agreed terms</source>
        <translation>已談定條款</translation>
    </message>
    <message>
        <source>Memorandum of Understanding</source>
        <translation>談判備忘錄（意向書）</translation>
    </message>
    <message>
        <source>Negotiation #%1 · %2</source>
        <translation>談判 #%1 · %2</translation>
    </message>
    <message>
        <source>Party A</source>
        <translation>甲方</translation>
    </message>
    <message>
        <source>Party B</source>
        <translation>乙方</translation>
    </message>
    <message>
        <source>Agreed amount</source>
        <translation>成交金額</translation>
    </message>
    <message>
        <source>Both parties intend to sign a contract on these terms; this memorandum is not the contract itself.</source>
        <translation>雙方擬按上述條款簽訂合同；本備忘錄並非合同本身。</translation>
    </message>
    <message>
        <source>For Party A (signature, date)</source>
        <translation>甲方代表（簽字、日期）</translation>
    </message>
    <message>
        <source>For Party B (signature, date)</source>
        <translation>乙方代表（簽字、日期）</translation>
    </message>
</context>
<context>
    <name>NegotiationRepository</name>
    <message>
        <source>There is no negotiation #%1.</source>
        <translation>沒有談判 #%1。</translation>
    </message>
    <message>
        <source>Negotiation #%1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>談判 #%1 已被他人修改；請重新載入後再試。</translation>
    </message>
</context>
<context>
    <name>NegotiationService</name>
    <message>
        <source>Negotiation #%1 (%2)</source>
        <translation>談判 #%1（%2）</translation>
    </message>
    <message>
        <source>The bottom line, BATNA, estimates and zone of %1 are for its team and their superiors only (§4.1.2).</source>
        <translation>%1 的底線、BATNA、估計和協議區間僅對其團隊及其上級開放（§4.1.2）。</translation>
    </message>
    <message>
        <source>Only the team of %1 records what happens in it (§4.1.1).</source>
        <translation>只有%1的團隊可以記錄其中的進展（§4.1.1）。</translation>
    </message>
    <message>
        <source>Only the lead of %1, the lead's superior or a director steers it (§4.1.4).</source>
        <translation>只有%1的負責人、負責人的上級或商務總監可以主導它（§4.1.4）。</translation>
    </message>
    <message>
        <source>%1: there is no active person with the login "%2".</source>
        <translation>%1：沒有登入名為“%2”的在職人員。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a time such as 09:30.</source>
        <translation>%1：“%2”不是 09:30 這樣的時間。</translation>
    </message>
    <message>
        <source>login: %1 is not on the team.</source>
        <translation>login：%1 不在團隊中。</translation>
    </message>
    <message>
        <source>item: "%1" follows from the record itself (team, goal, strategy, materials); only briefing_held is ticked.</source>
        <translation>item：“%1”由記錄本身得出（團隊、目標、策略、資料）；只能勾選 briefing_held。</translation>
    </message>
    <message>
        <source>Opened with the preparation checklist incomplete: %1.</source>
        <translation>開局時準備清單未完成：%1。</translation>
    </message>
    <message>
        <source>end: the session ends at %1, not after it starts at %2.</source>
        <translation>end：會談結束時間 %1 不晚於開始時間 %2。</translation>
    </message>
    <message>
        <source>position: a probing note says their position, interests or presumed bottom line.</source>
        <translation>position：摸底筆記須寫明對方立場、利益或推測底線。</translation>
    </message>
    <message>
        <source>Their presumed bottom line is for the team and their superiors only (§4.1.2).</source>
        <translation>推測的對方底線僅對團隊及其上級開放（§4.1.2）。</translation>
    </message>
    <message>
        <source>low: the low end %1 is above the high end %2.</source>
        <translation>low：下限 %1 高於上限 %2。</translation>
    </message>
    <message>
        <source>Offers are recorded once the negotiation has opened (§4.2.3).</source>
        <translation>談判開局後才能記錄報價（§4.2.3）。</translation>
    </message>
    <message>
        <source>This offer goes past our bottom line: only the lead's superior or a director may record it, with a reason (§4.3.3).</source>
        <translation>該報價突破我方底線：只有負責人的上級或商務總監可以記錄，且須說明理由（§4.3.3）。</translation>
    </message>
    <message>
        <source>reason: an offer past our bottom line needs the reason (§4.3.3).</source>
        <translation>reason：突破我方底線的報價須說明理由（§4.3.3）。</translation>
    </message>
    <message>
        <source>ours: an agreed term says what was agreed.</source>
        <translation>ours：已談定的條款須寫明談定的內容。</translation>
    </message>
    <message>
        <source>There is no deadlock to record an outcome for.</source>
        <translation>沒有可記錄結果的僵局。</translation>
    </message>
    <message>
        <source>The summary is written after consensus or no deal, before it is submitted (§4.4).</source>
        <translation>總結在達成共識或未成交後、提交前撰寫（§4.4）。</translation>
    </message>
    <message>
        <source>The summary is submitted once, after consensus or no deal (§4.4.3).</source>
        <translation>總結在達成共識或未成交後提交，且只提交一次（§4.4.3）。</translation>
    </message>
    <message>
        <source>%1: the section "%2" of the summary is empty (§4.4.2).</source>
        <translation>%1：總結的“%2”部分為空（§4.4.2）。</translation>
    </message>
    <message>
        <source>to: there is no department "%1".</source>
        <translation>to：沒有部門“%1”。</translation>
    </message>
    <message>
        <source>%1: there is no summary waiting for your acknowledgement.</source>
        <translation>%1：沒有等待您確認的總結。</translation>
    </message>
    <message>
        <source>%1 has not reached consensus; a contract draft comes from a consensus (§4.2.6).</source>
        <translation>%1 尚未達成共識；合同草稿來自達成共識的談判（§4.2.6）。</translation>
    </message>
    <message>
        <source>amount: the negotiation has no agreed amount (no offer recorded).</source>
        <translation>amount：該談判沒有成交金額（未記錄報價）。</translation>
    </message>
</context>
<context>
    <name>NegotiationStage</name>
    <message>
        <source>Preparation</source>
        <translation>準備</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>開局</translation>
    </message>
    <message>
        <source>Probing</source>
        <translation>摸底</translation>
    </message>
    <message>
        <source>Quoting</source>
        <translation>報價</translation>
    </message>
    <message>
        <source>Bargaining</source>
        <translation>討價還價</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>僵局</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>達成共識</translation>
    </message>
    <message>
        <source>No deal</source>
        <translation>未成交</translation>
    </message>
</context>
<context>
    <name>NegotiationSummary</name>
    <message>
        <source>Customer: %1. %2, importance %3, complexity %4.</source>
        <translation>客戶：%1。%2，重要性 %3，複雜度 %4。</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目標：%1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>團隊：%1</translation>
    </message>
    <message>
        <source>Outcome: %1.</source>
        <translation>結果：%1。</translation>
    </message>
    <message>
        <source>Agreed amount (latest offer): %1.</source>
        <translation>成交金額（最新報價）：%1。</translation>
    </message>
    <message>
        <source>Our target: %1.</source>
        <translation>我方目標：%1。</translation>
    </message>
    <message>
        <source>Our bottom line: %1.</source>
        <translation>我方底線：%1。</translation>
    </message>
    <message>
        <source>Share of the zone of agreement captured: %1.</source>
        <translation>爭取到的協議區間比例：%1。</translation>
    </message>
    <message>
        <source>Sessions: %1, hours in sessions: %2.</source>
        <translation>會談：%1 次，會談時長：%2 小時。</translation>
    </message>
    <message>
        <source>%1 of %2 planned days.</source>
        <translation>已用 %1 天，計劃 %2 天。</translation>
    </message>
    <message>
        <source>Offers recorded: %1.</source>
        <translation>已記錄報價：%1 次。</translation>
    </message>
    <message>
        <source>Concession of %1 on %2</source>
        <translation>%2 讓步 %1</translation>
    </message>
    <message>
        <source>, nothing in return</source>
        <translation>，未換得任何回報</translation>
    </message>
    <message>
        <source>, in return: %1</source>
        <translation>，換得：%1</translation>
    </message>
    <message>
        <source> (larger than the previous one)</source>
        <translation>（比上一次讓步更大）</translation>
    </message>
    <message>
        <source>Deadlock in %1: %2; strategy: %3; outcome: %4</source>
        <translation>%1 階段僵局：%2；策略：%3；結果：%4</translation>
    </message>
    <message>
        <source>%1 still open: ours %2, theirs %3</source>
        <translation>%1 仍未談定：我方 %2，對方 %3</translation>
    </message>
    <message>
        <source>Some concessions were flagged: get something for each one and let them shrink (§4.3.3).</source>
        <translation>部分讓步被標記：每次讓步都要有所換取，並逐步縮小（§4.3.3）。</translation>
    </message>
    <message>
        <source>Our last estimate of their limit was %1 from the final price.</source>
        <translation>我們對對方底線的最後估計與成交價相差 %1。</translation>
    </message>
</context>
<context>
    <name>NegotiationTasks</name>
    <message>
        <source>The gap in negotiation #%1 has not narrowed: consider marking a deadlock (§4.2.5)</source>
        <translation>談判 #%1 的差距未縮小：考慮標記僵局（§4.2.5）</translation>
    </message>
    <message>
        <source>Write and submit the summary of negotiation #%1 (§4.4)</source>
        <translation>撰寫並提交談判 #%1 的總結（§4.4）</translation>
    </message>
    <message>
        <source>Acknowledge the summary of negotiation #%1</source>
        <translation>確認談判 #%1 的總結</translation>
    </message>
    <message>
        <source>Negotiation #%1 was planned to end on %2 (§4.3.5)</source>
        <translation>談判 #%1 計劃於 %2 結束（§4.3.5）</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseFiles</name>
    <message>
        <source>%1: %2 is a BizDesk database in use (or one of its journal files); choose another file.</source>
        <translation>%1：%2 是正在使用的 BizDesk 資料庫（或其日誌檔案），請選擇其他檔案。</translation>
    </message>
</context>
<context>
    <name>PasswordQuality</name>
    <message>
        <source>password: the password must not contain the login.</source>
        <translation>密碼：密碼不能包含登入名。</translation>
    </message>
    <message>
        <source>password: the password reads the same backwards; choose one that does not.</source>
        <translation>密碼：密碼正讀反讀都一樣（迴文），請換一個。</translation>
    </message>
    <message>
        <source>The password dictionary cannot be loaded; install the cracklib-runtime package.</source>
        <translation>無法載入密碼字典，請安裝 cracklib-runtime 軟體包。</translation>
    </message>
    <message>
        <source>password: the password is based on a dictionary word; add unrelated words, digits or signs.</source>
        <translation>密碼：密碼以字典中的單詞為基礎，請加入不相關的詞、數字或符號。</translation>
    </message>
    <message>
        <source>password: the password is too simple or systematic (like 12345678 or abcdefgh).</source>
        <translation>密碼：密碼太簡單或太有規律（如 12345678 或 abcdefgh）。</translation>
    </message>
    <message>
        <source>password: the password is too easy to guess; choose a longer, less regular one.</source>
        <translation>密碼：密碼太容易被猜到，請換一個更長、更沒有規律的密碼。</translation>
    </message>
</context>
<context>
    <name>PolicyCatalog</name>
    <message>
        <source>Wrong passwords in a row that lock an account</source>
        <translation>連續輸錯多少次密碼後鎖定賬戶</translation>
    </message>
    <message>
        <source>How long a locked account stays locked</source>
        <translation>賬戶被鎖定的時長</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <source>Entertainment estimates above this amount need executive approval</source>
        <translation>預計費用超過此金額的商務應酬須經公司高層審批</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Actual cost may exceed the estimate by this much before the superior must re-approve</source>
        <translation>實際費用超出預算達到此比例時，須由上級重新審批</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Days after the event within which the claim must be filed</source>
        <translation>活動結束後須在此天數內提交報銷</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Monthly entertainment budget of each department</source>
        <translation>各部門每月商務應酬預算</translation>
    </message>
    <message>
        <source>Years receipts are kept</source>
        <translation>票據儲存年限</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Contracts above this amount need executive approval</source>
        <translation>超過此金額的合同須經公司高層審批</translation>
    </message>
    <message>
        <source>Years archived contracts are kept before destruction</source>
        <translation>歸檔合同在銷燬前的儲存年限</translation>
    </message>
    <message>
        <source>Contact interval for key customers</source>
        <translation>重點客戶的聯絡間隔</translation>
    </message>
    <message>
        <source>Contact interval for general customers</source>
        <translation>一般客戶的聯絡間隔</translation>
    </message>
    <message>
        <source>Contact interval for potential customers</source>
        <translation>潛在客戶的聯絡間隔</translation>
    </message>
    <message>
        <source>Customers not followed up for this long return to the shared pool</source>
        <translation>超過此天數未跟進的客戶退回公共客戶池</translation>
    </message>
    <message>
        <source>Weight of the self-assessment in the appraisal score</source>
        <translation>自評在考核得分中的權重</translation>
    </message>
    <message>
        <source>Weight of the peer assessment in the appraisal score</source>
        <translation>同事互評在考核得分中的權重</translation>
    </message>
    <message>
        <source>Weight of the superior's assessment in the appraisal score</source>
        <translation>上級評價在考核得分中的權重</translation>
    </message>
    <message>
        <source>key: "%1" is not a policy setting; "policy show" lists them.</source>
        <translation>引數鍵：“%1”不是制度引數；“policy show”可列出全部引數。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount in yuan with at most two decimals (§%3).</source>
        <translation>%1：“%2”不是金額，請填寫以元為單位、最多兩位小數的數（§%3）。</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3 yuan (§%4).</source>
        <translation>%1：必須在 %2 元到 %3 元之間（§%4）。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a whole number (§%3).</source>
        <translation>%1：“%2”不是整數（§%3）。</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3 (§%4).</source>
        <translation>%1：必須在 %2 到 %3 之間（§%4）。</translation>
    </message>
    <message>
        <source>Largest scanned receipt accepted (PDF, JPEG or PNG)</source>
        <translation>票據掃描件（PDF、JPEG 或 PNG）的最大大小</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>Event dates (entertainment, customer events) may lie at most this many days before or after today</source>
        <translation>活動日期（商務應酬、客戶活動）距今天前後最多允許的天數</translation>
    </message>
    <message>
        <source>appraisal.weights: the weights must add up to 100, not %1 (%2); change them together, e.g. policy set KEY VALUE KEY VALUE (§%3).</source>
        <translation>appraisal.weights：各項權重之和必須為 100，而不是 %1（%2）；請一併修改，例如 policy set KEY VALUE KEY VALUE（§%3）。</translation>
    </message>
    <message>
        <source>Days before a contract ends that its owner is reminded of renewal</source>
        <translation>合同到期前提醒負責人續簽的天數</translation>
    </message>
    <message>
        <source>Largest file accepted as a contract attachment</source>
        <translation>合同附件允許的最大檔案大小</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Sessions without a narrowing gap after which My Tasks suggests marking a deadlock</source>
        <translation>差距未縮小達到該會談次數後，我的任務建議標記僵局</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>次會談</translation>
    </message>
    <message>
        <source>Days without a narrowing gap after which My Tasks suggests marking a deadlock</source>
        <translation>差距未縮小達到該天數後，我的任務建議標記僵局</translation>
    </message>
    <message>
        <source>Largest file accepted as a negotiation material</source>
        <translation>談判資料可接受的最大檔案</translation>
    </message>
</context>
<context>
    <name>PolicyService</name>
    <message>
        <source>key: %1 is given twice.</source>
        <translation>key：%1 被指定了兩次。</translation>
    </message>
</context>
<context>
    <name>PolicySettingsDialog</name>
    <message>
        <source>Policy settings</source>
        <translation>制度引數</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>修改歷史</translation>
    </message>
    <message>
        <source>Change the selected setting</source>
        <translation>修改所選引數</translation>
    </message>
    <message>
        <source>Setting:</source>
        <translation>引數：</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>新值(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>應用(&amp;A)</translation>
    </message>
    <message>
        <source>Restore &amp;default</source>
        <translation>恢復預設值(&amp;D)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Log &amp;level:</source>
        <translation>日誌級別(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time BizDesk starts.</source>
        <translation>新語言將在下次啟動 BizDesk 時生效。</translation>
    </message>
</context>
<context>
    <name>ReadableHistory</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>person #%1</source>
        <translation>人員 #%1</translation>
    </message>
    <message>
        <source>department #%1</source>
        <translation>部門 #%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>ReportButtons</name>
    <message>
        <source>Print preview…</source>
        <translation>列印預覽…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message>
        <source>2026, 2026-Q3 or 2026-09: contracts signed then</source>
        <translation>2026、2026-Q3 或 2026-09：該期間簽訂的合同</translation>
    </message>
    <message>
        <source>.pdf, .xlsx, .csv or .html</source>
        <translation>.pdf、.xlsx、.csv 或 .html</translation>
    </message>
    <message>
        <source>The contract ledger (合同台账): amount, received, outstanding and overdue in CNY (§5.4, §5.6).</source>
        <translation>合同臺賬：以人民幣計的合同金額、已回款、未回款與逾期金額（§5.4、§5.6）。</translation>
    </message>
</context>
<context>
    <name>ReportingLine</name>
    <message>
        <source>superior: this would make a reporting line loop back to the employee (§2.1).</source>
        <translation>上級：這樣會使彙報關係形成迴圈（§2.1）。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Business Director</source>
        <translation>商務總監</translation>
    </message>
    <message>
        <source>Business Manager</source>
        <translation>商務經理</translation>
    </message>
    <message>
        <source>Business Specialist</source>
        <translation>商務專員</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>財務</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>法務</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>公司高層</translation>
    </message>
    <message>
        <source>System Administrator</source>
        <translation>系統管理員</translation>
    </message>
    <message>
        <source>role: "%1" is not a role; use one of %2.</source>
        <translation>角色：“%1”不是角色；請使用以下之一：%2。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要一個角色。</translation>
    </message>
</context>
<context>
    <name>Route</name>
    <message>
        <source>No approval step is open for this record.</source>
        <translation>該記錄沒有待處理的審批環節。</translation>
    </message>
    <message>
        <source>You are not an approver of the current step (%1), neither yourself nor on behalf of someone (§%2).</source>
        <translation>您不是當前環節（%1）的審批人，也沒有受託代人審批（§%2）。</translation>
    </message>
    <message>
        <source>That person has no open decision in the current step.</source>
        <translation>此人在當前環節沒有待處理的審批。</translation>
    </message>
    <message>
        <source>step: no such approval step.</source>
        <translation>step：不存在該審批環節。</translation>
    </message>
    <message>
        <source>Nobody may take the approval step %1 (§%2): every possible approver is excluded.</source>
        <translation>審批環節 %1 無人可審批（§%2）：所有可能的審批人都被排除。</translation>
    </message>
</context>
<context>
    <name>SeparationOfDuties</name>
    <message>
        <source>Nobody may approve or review their own request.</source>
        <translation>任何人不得審批或稽核自己的申請。</translation>
    </message>
    <message>
        <source>The same person may not take two consecutive approval steps of one request.</source>
        <translation>同一人不得連續審批同一申請的兩個步驟。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Please log in first (--as LOGIN).</source>
        <translation>請先登入（--as 登入名）。</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1（%2）無權執行：%3。</translation>
    </message>
</context>
<context>
    <name>SpreadsheetReader</name>
    <message>
        <source>neither valid UTF-8 nor valid GB18030 text</source>
        <translation>既不是有效的 UTF-8 文字，也不是有效的 GB18030 文字</translation>
    </message>
    <message>
        <source>not valid %1 text</source>
        <translation>不是有效的 %1 文字</translation>
    </message>
    <message>
        <source>encoding: line %1 (the header) is neither valid UTF-8 nor GB18030 text; the file is damaged or in another encoding.</source>
        <translation>encoding：第 %1 行（表頭）既不是有效的 UTF-8 也不是有效的 GB18030 文字；檔案已損壞或使用了其他編碼。</translation>
    </message>
    <message>
        <source>encoding: line %1 (the header) is not valid %2 text; try --encoding %3.</source>
        <translation>encoding：第 %1 行（表頭）不是有效的 %2 文字；請嘗試 --encoding %3。</translation>
    </message>
    <message>
        <source>line %1: the text is %2 (the file has a damaged byte there); the line was not imported.</source>
        <translation>第 %1 行：文字%2（檔案在此處有損壞的位元組）；該行未匯入。</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB, the most BizDesk reads as CSV.</source>
        <translation>檔案大於 %1 MB，超過了 BizDesk 讀取 CSV 的上限。</translation>
    </message>
    <message>
        <source>encoding: the file starts like UTF-16 text but is not valid UTF-16.</source>
        <translation>encoding：檔案開頭像 UTF-16 文字，但不是有效的 UTF-16。</translation>
    </message>
    <message>
        <source>FILE: %1: line %2 holds a NUL byte; this is not a CSV file (it contains binary data).</source>
        <translation>檔案：%1：第 %2 行含有 NUL 位元組，這不是 CSV 檔案（其中有二進位資料）。</translation>
    </message>
    <message>
        <source>FILE: %1: line %2: a quoted field opens here and is never closed; the file is truncated or not a CSV file.</source>
        <translation>檔案：%1：第 %2 行：此處開始的帶引號欄位始終沒有結束，檔案不完整或不是 CSV 檔案。</translation>
    </message>
    <message>
        <source>line %1: column %2 holds more than %3 characters, the most a spreadsheet cell holds; the line was not imported.</source>
        <translation>第 %1 行：第 %2 欄超過 %3 個字元，這是試算表儲存格的上限；該行未匯入。</translation>
    </message>
    <message>
        <source>line %1: the line has more than %2 fields, the most columns a spreadsheet has; the line was not imported.</source>
        <translation>第 %1 行：該行超過 %2 個欄位，這是試算表的最大欄數；該行未匯入。</translation>
    </message>
    <message>
        <source>FILE: %1: %2</source>
        <translation>檔案：%1：%2</translation>
    </message>
    <message>
        <source>FILE: %1: line %2 is longer than %3 MB without a line break, the most BizDesk reads; the file is not a CSV file.</source>
        <translation>檔案：%1：第 %2 行超過 %3 MB 仍沒有換行，超出 BizDesk 讀取的上限，該檔案不是 CSV 檔案。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 declares a DTD or entities (line %3); spreadsheets never do, so BizDesk does not read it.</source>
        <translation>檔案：%1：組件 %2 宣告了 DTD 或實體（第 %3 行）；試算表從不這樣做，因此 BizDesk 不讀取它。</translation>
    </message>
    <message>
        <source>FILE: %1: %2 holds more than %3 characters, the most a spreadsheet cell holds.</source>
        <translation>檔案：%1：%2 超過 %3 個字元，這是試算表儲存格所能容納的上限。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 is damaged at line %3 (%4).</source>
        <translation>檔案：%1：組件 %2 在第 %3 行損壞（%4）。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 ends too early; the file is damaged or truncated.</source>
        <translation>檔案：%1：組件 %2 提前結束，檔案已損壞或不完整。</translation>
    </message>
    <message>
        <source>FILE: %1: the cell reference "%2" is outside a spreadsheet's grid (columns A to XFD, rows 1 to 1,048,576).</source>
        <translation>檔案：%1：儲存格參照「%2」超出試算表的範圍（A 至 XFD 欄，1 至 1,048,576 列）。</translation>
    </message>
    <message>
        <source>FILE: %1: row number "%2" is outside a spreadsheet's rows (1 to 1,048,576).</source>
        <translation>檔案：%1：列號「%2」超出試算表的列範圍（1 至 1,048,576）。</translation>
    </message>
    <message>
        <source>shared string %1</source>
        <translation>共用字串 %1</translation>
    </message>
    <message>
        <source>FILE: %1: the sheet has more than 1,048,576 rows, the most a spreadsheet holds.</source>
        <translation>檔案：%1：工作表超過 1,048,576 列，這是試算表的上限。</translation>
    </message>
    <message>
        <source>FILE: %1: row %2 has a cell beyond column XFD, the last a spreadsheet holds.</source>
        <translation>檔案：%1：第 %2 列有超出 XFD 欄的儲存格，XFD 是試算表的最後一欄。</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>儲存格 %1</translation>
    </message>
    <message>
        <source>FILE: %1: the cells of the sheet are spread too thinly (at cell %2); BizDesk holds at most 16 empty cells per filled cell beyond %3.</source>
        <translation>檔案：%1：工作表中的儲存格分佈過於稀疏（在儲存格 %2 處）；除 %3 個以外，BizDesk 每個有內容的儲存格最多容納 16 個空儲存格。</translation>
    </message>
    <message>
        <source>FILE: %1: cell %2 uses style %3, but the workbook defines %4 styles.</source>
        <translation>檔案：%1：儲存格 %2 使用樣式 %3，但活頁簿只定義了 %4 種樣式。</translation>
    </message>
    <message>
        <source>FILE: %1: cell %2 refers to shared string %3, but the workbook has %4.</source>
        <translation>檔案：%1：儲存格 %2 引用共用字串 %3，但活頁簿只有 %4 個。</translation>
    </message>
    <message>
        <source>FILE: %1: the first sheet is empty.</source>
        <translation>檔案：%1：第一個工作表是空的。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 unpacks to more than %3 times its packed size, the most BizDesk reads (a zip bomb); the file is not a normal spreadsheet.</source>
        <translation>檔案：%1：組件 %2 解壓縮後超過壓縮大小的 %3 倍，超出 BizDesk 讀取的上限（壓縮炸彈），該檔案不是正常的試算表。</translation>
    </message>
    <message>
        <source>FILE: %1 is damaged or truncated (not a complete .xlsx file).</source>
        <translation>檔案：%1 已損壞或不完整（不是完整的 .xlsx 檔案）。</translation>
    </message>
    <message>
        <source>FILE: %1 holds more than %2 parts, the most BizDesk reads; it is not a normal spreadsheet.</source>
        <translation>檔案：%1 包含超過 %2 個組件，超出 BizDesk 讀取的上限，不是正常的試算表。</translation>
    </message>
    <message>
        <source>FILE: %1 has a part whose name is longer than %2 bytes; it is not a normal spreadsheet.</source>
        <translation>檔案：%1 中有組件的名稱超過 %2 位元組，不是正常的試算表。</translation>
    </message>
    <message>
        <source>FILE: %1 has a part named "%2", which points outside the package (an absolute path or ..); it is not a normal spreadsheet.</source>
        <translation>檔案：%1 中有名為「%2」的組件，指向檔案包之外（絕對路徑或 ..），不是正常的試算表。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 unpacks to more than %3 MB, the most BizDesk reads; the file is not a normal spreadsheet.</source>
        <translation>檔案：%1：組件 %2 解壓縮後超過 %3 MB，超出 BizDesk 讀取的上限，該檔案不是正常的試算表。</translation>
    </message>
    <message>
        <source>FILE: %1 has no part %2; it is not a complete .xlsx workbook.</source>
        <translation>檔案：%1 中沒有組件 %2，不是完整的 .xlsx 活頁簿。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 holds a single text, tag or comment longer than %3 MB (line %4); no spreadsheet cell is that long.</source>
        <translation>檔案：%1：組件 %2 中有一段文字、標記或註解超過 %3 MB（第 %4 行），沒有哪個試算表儲存格會這麼長。</translation>
    </message>
</context>
<context>
    <name>StoredFiles</name>
    <message>
        <source>FILE: %1 is larger than %2 MB, the limit set by %3 (§%4).</source>
        <translation>FILE：%1 超過 %2 MB，即 %3 規定的上限（§%4）。</translation>
    </message>
    <message>
        <source>FILE: %1 is empty.</source>
        <translation>FILE：%1 是空檔案。</translation>
    </message>
    <message>
        <source>FILE: cannot read %1 (%2).</source>
        <translation>FILE：無法讀取 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 no longer matches the SHA-256 recorded when it was attached; the stored copy was changed outside BizDesk.</source>
        <translation>%1 與新增時記錄的 SHA-256 不再一致；儲存的副本已在 BizDesk 之外被改動。</translation>
    </message>
    <message>
        <source>out: cannot write %1 (%2).</source>
        <translation>out：無法寫入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>SweepLock</name>
    <message>
        <source>Another process took over this sweep after it stalled for two minutes; this one stopped. What it had done is saved.</source>
        <translation>另一個程序在本次清理停滯兩分鐘後接手了它；本次清理已停止，已完成的部分均已儲存。</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>FILE: "%1" must end in .csv or .xlsx.</source>
        <translation>檔案：“%1”的副檔名必須是 .csv 或 .xlsx。</translation>
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation>資料夾不可寫</translation>
    </message>
    <message>
        <source>could not replace the file</source>
        <translation>無法替換檔案</translation>
    </message>
</context>
<context>
    <name>TargetSegmentDialog</name>
    <message>
        <source>New target segment</source>
        <translation>新建目標客戶群</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Traits:</source>
        <translation>特徵(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>開發策略(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Approvals waiting for me</source>
        <translation>待我審批</translation>
    </message>
    <message>
        <source>Claims to review</source>
        <translation>待稽核報銷</translation>
    </message>
    <message>
        <source>Claims to file</source>
        <translation>待提交報銷</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待回訪</translation>
    </message>
    <message>
        <source>Overdue contacts</source>
        <translation>逾期未聯絡</translation>
    </message>
    <message>
        <source>Other tasks</source>
        <translation>其他任務</translation>
    </message>
</context>
<context>
    <name>TeamAudit</name>
    <message>
        <source>First account created</source>
        <translation>建立首個賬戶</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>新增人員</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>修改人員資料</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解鎖賬戶</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密碼</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登入</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>登入失敗</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>賬戶被鎖定</translation>
    </message>
    <message>
        <source>Department added</source>
        <translation>新建部門</translation>
    </message>
    <message>
        <source>Department head set</source>
        <translation>設定部門負責人</translation>
    </message>
    <message>
        <source>Delegation given</source>
        <translation>設立審批授權</translation>
    </message>
    <message>
        <source>Delegation revoked</source>
        <translation>撤銷審批授權</translation>
    </message>
    <message>
        <source>Policy setting changed</source>
        <translation>修改制度引數</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登入名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>直接上級</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>鎖定至</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>嘗試次數</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>結束日期</translation>
    </message>
</context>
<context>
    <name>TextRules</name>
    <message>
        <source>%1: the text is not valid Unicode (a broken character at position %2).</source>
        <translation>%1：文字不是有效的 Unicode（第 %2 個位置有損壞的字元）。</translation>
    </message>
    <message>
        <source>%1: line breaks and tabs are not allowed here.</source>
        <translation>%1：此處不允許換行符和製表符。</translation>
    </message>
    <message>
        <source>%1: the control character %2 is not allowed.</source>
        <translation>%1：不允許使用控制字元 %2。</translation>
    </message>
    <message>
        <source>%1: the text-direction control %2 is not allowed (it can make text read differently from what is stored).</source>
        <translation>%1：不允許使用文字方向控制符 %2（它會使顯示的文字與儲存的內容不同）。</translation>
    </message>
    <message>
        <source>%1: the text consists only of invisible characters.</source>
        <translation>%1：文字只包含不可見字元。</translation>
    </message>
    <message>
        <source>%1: at most %2 characters (this has %3).</source>
        <translation>%1：最多 %2 個字元（當前為 %3 個）。</translation>
    </message>
    <message>
        <source>%1: a value is required.</source>
        <translation>%1：必須填寫。</translation>
    </message>
</context>
<context>
    <name>UserEditDialog</name>
    <message>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation>登入名(&amp;L)：*</translation>
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
        <translation>部門(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Superior:</source>
        <translation>直接上級(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>電子郵件(&amp;E)：</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>電話(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Password: *</source>
        <translation>密碼(&amp;P)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation>確認密碼(&amp;R)：*</translation>
    </message>
    <message>
        <source>* required. The password must have at least 8 characters (§7).</source>
        <translation>* 為必填項。密碼至少 8 個字元（§7）。</translation>
    </message>
</context>
<context>
    <name>UserRepository</name>
    <message>
        <source>There is no user "%1".</source>
        <translation>沒有使用者“%1”。</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>沒有編號為 %1 的使用者。</translation>
    </message>
    <message>
        <source>%1 was changed by someone else meanwhile; reload and try again.</source>
        <translation>%1 已被他人修改；請重新載入後再試。</translation>
    </message>
    <message>
        <source>There is no department "%1".</source>
        <translation>沒有部門“%1”。</translation>
    </message>
    <message>
        <source>The department was changed by someone else meanwhile; reload and try again.</source>
        <translation>該部門已被他人修改；請重新載入後再試。</translation>
    </message>
</context>
<context>
    <name>UserRules</name>
    <message>
        <source>login: the login is required.</source>
        <translation>登入名：必須填寫登入名。</translation>
    </message>
    <message>
        <source>login: "%1" is not a valid login; use 2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>登入名：“%1”無效；請使用 2–32 個字母、數字、點、連字元或下劃線，並以字母或數字開頭。</translation>
    </message>
    <message>
        <source>name: the name is required.</source>
        <translation>姓名：必須填寫姓名。</translation>
    </message>
    <message>
        <source>password: the password must have at least %1 characters.</source>
        <translation>密碼：密碼至少需要 %1 個字元。</translation>
    </message>
    <message>
        <source>password: the password cannot be only spaces.</source>
        <translation>密碼：密碼不能全是空格。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a valid e-mail address.</source>
        <translation>%1：“%2”不是有效的電子郵箱。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a valid phone number.</source>
        <translation>%1：“%2”不是有效的電話號碼。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::AuditHistoryView</name>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>變更（修改前 → 修改後）</translation>
    </message>
    <message>
        <source>No recorded changes yet.</source>
        <translation>暫無變更記錄。</translation>
    </message>
    <message>
        <source>The change history is visible to the director, executives and administrators (§7).</source>
        <translation>變更歷史僅對商務總監、公司高層和系統管理員可見（§7）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ChangePasswordDialog</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>兩次輸入的新密碼不一致。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ChurnPage</name>
    <message>
        <source>Customers at risk of churning, highest score first. The score adds up: overdue contact against the class's contact plan, open and recent complaints, falling contract value, contracts ending without renewal, a stalled pipeline stage (§3.2.4).</source>
        <translation>存在流失風險的客戶，按分數從高到低排列。分數由以下因素累加：超出該類別聯絡週期未聯絡、未解決及近期投訴、合同金額下降、合同到期未續約、開發階段停滯（§3.2.4）。</translation>
    </message>
    <message>
        <source>Record &amp;win-back…</source>
        <translation>記錄挽回(&amp;W)…</translation>
    </message>
    <message>
        <source>Record win-back &amp;result…</source>
        <translation>記錄挽回結果(&amp;R)…</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分數</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Win-back records (§3.2.4): choose a pending one to record its result</source>
        <translation>挽回記錄（§3.2.4）：選擇待定的一條記錄其結果</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>記錄日期</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>挽回措施</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>shared pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) at risk.</source>
        <translation>
            <numerusform>%n 個客戶存在流失風險。</numerusform>
        </translation>
    </message>
    <message>
        <source>Win-back success rate: %1%.</source>
        <translation>挽回成功率：%1%。</translation>
    </message>
    <message>
        <source>Choose an at-risk customer first.</source>
        <translation>請先選擇一個有流失風險的客戶。</translation>
    </message>
    <message>
        <source>Record win-back</source>
        <translation>記錄挽回</translation>
    </message>
    <message>
        <source>Why is the customer at risk? (§3.2.4)</source>
        <translation>客戶為什麼存在流失風險？（§3.2.4）</translation>
    </message>
    <message>
        <source>Win-back measures (discount, service improvement, more contact):</source>
        <translation>挽回措施（折扣、改進服務、加強聯絡）：</translation>
    </message>
    <message>
        <source>Choose a pending win-back record first.</source>
        <translation>請先選擇一條待定的挽回記錄。</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>已挽回</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Win-back result</source>
        <translation>挽回結果</translation>
    </message>
    <message>
        <source>Result of the win-back for %1 (§3.2.4):</source>
        <translation>%1 的挽回結果（§3.2.4）：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>說明：</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ClauseTemplatesDialog</name>
    <message>
        <source>Clause templates (§5.1.3)</source>
        <translation>條款模板（§5.1.3）</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>刪除(&amp;R)</translation>
    </message>
    <message>
        <source>New clause template</source>
        <translation>新建條款模板</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CompanyProfileDialog</name>
    <message>
        <source>System time zone (%1)</source>
        <translation>系統時區（%1）</translation>
    </message>
    <message>
        <source>Only an administrator may change the company profile.</source>
        <translation>只有系統管理員可以修改公司資訊。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractAttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>新增檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Or drop files here; at most contract.attachment_max_mb each</source>
        <translation>也可將檔案拖放到此處；每個檔案不超過 contract.attachment_max_mb</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存為(&amp;A)…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>檔案大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>%1 (destroyed, §5.6.3)</source>
        <translation>%1（已銷燬，§5.6.3）</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>新增附件</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存為</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractEditorDialog</name>
    <message>
        <source>Edit contract %1</source>
        <translation>編輯合同 %1</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Type part of the name and press Enter to search</source>
        <translation>輸入部分名稱後按回車搜尋</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客戶(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>標題(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金額(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>幣種(&amp;U)</translation>
    </message>
    <message>
        <source>login; empty: you</source>
        <translation>登入名；留空為您本人</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>負責人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>結束(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Insert template</source>
        <translation>插入模板(&amp;I)</translation>
    </message>
    <message>
        <source>Legal's standard wording for this clause (§5.1.3)</source>
        <translation>法務為該條款提供的標準文字（§5.1.3）</translation>
    </message>
    <message>
        <source>No templates for this clause yet</source>
        <translation>該條款暫無模板</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractFilterBar</name>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>客戶(&amp;U)：</translation>
    </message>
    <message>
        <source>Type part of the name and press Enter to search; pick "All customers" to clear</source>
        <translation>輸入名稱的一部分並按回車搜尋；選擇“全部客戶”即可清除</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客戶</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>負責人(&amp;W)：</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的申請</translation>
    </message>
    <message>
        <source>Ending &amp;soon</source>
        <translation>即將到期(&amp;S)</translation>
    </message>
    <message>
        <source>Effective contracts ending within the renewal notice period (contract.renewal_notice_days)</source>
        <translation>在續簽提醒期內（contract.renewal_notice_days）到期的生效合同</translation>
    </message>
    <message>
        <source>O&amp;verdue receivables</source>
        <translation>回款逾期(&amp;V)</translation>
    </message>
    <message>
        <source>Effective contracts with an installment past its due date and not fully received</source>
        <translation>有回款計劃已過期且未全額收回的生效合同</translation>
    </message>
    <message>
        <source>Retention e&amp;xpired</source>
        <translation>保管期滿(&amp;X)</translation>
    </message>
    <message>
        <source>Archived contracts kept past contract.retention_years; a director may destroy them (§5.6.3)</source>
        <translation>已歸檔且超過保管年限（contract.retention_years）的合同，可由總監批准銷燬（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractLedgerView</name>
    <message>
        <source>Contract ledger</source>
        <translation>合同臺賬</translation>
    </message>
    <message>
        <source>&amp;Signed in:</source>
        <translation>簽訂期間(&amp;S)：</translation>
    </message>
    <message>
        <source>Save ledger</source>
        <translation>儲存臺賬</translation>
    </message>
    <message>
        <source>contract-ledger-%1%2</source>
        <translation>合同臺賬-%1%2</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractListModel</name>
    <message>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractsPage</name>
    <message>
        <source>&amp;New contract…</source>
        <translation>新建合同(&amp;N)…</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Comment (required to return)</source>
        <translation>意見（退回時必填）</translation>
    </message>
    <message>
        <source>Withdraw contract %1?</source>
        <translation>撤回合同 %1？</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>簽署日期</translation>
    </message>
    <message>
        <source>Our signatory</source>
        <translation>我方簽字人</translation>
    </message>
    <message>
        <source>Their signatory</source>
        <translation>客戶方簽字人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount (optional)</source>
        <translation>金額（可選）</translation>
    </message>
    <message>
        <source>Every milestone is done.</source>
        <translation>所有里程碑均已完成。</translation>
    </message>
    <message>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到賬日期</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>回款期次</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Changed needs</source>
        <translation>需求變更</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Quality dispute</source>
        <translation>質量爭議</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>問題描述</translation>
    </message>
    <message>
        <source>Score (1–5)</source>
        <translation>評分（1–5）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>應酬事由</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>New amount (optional)</source>
        <translation>新金額（可選）</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依據</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>結算</translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation>檔案編號</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>歸檔日期</translation>
    </message>
    <message>
        <source>Destroy the documents of contract %1? Its record and history stay.</source>
        <translation>銷燬合同 %1 的檔案？合同記錄和歷史將保留。</translation>
    </message>
    <message>
        <source>&amp;Receivables…</source>
        <translation>應收款(&amp;R)…</translation>
    </message>
    <message>
        <source>Contract &amp;ledger…</source>
        <translation>合同臺賬(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Print approval sheet…</source>
        <translation>列印審批單(&amp;P)…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>回款計劃</translation>
    </message>
    <message>
        <source>Contract ledger</source>
        <translation>合同臺賬</translation>
    </message>
    <message>
        <source>Clause &amp;templates…</source>
        <translation>條款模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Whole contract</source>
        <translation>整份合同</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomerDialog</name>
    <message>
        <source>(not recorded)</source>
        <translation>（未記錄）</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>本人（%1）</translation>
    </message>
    <message>
        <source>Shared pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>編輯客戶</translation>
    </message>
    <message>
        <source>Possible duplicate: customer #%1 "%2" has the same %3.</source>
        <translation>可能重複：客戶 #%1“%2”的 %3 相同。</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重複</translation>
    </message>
    <message>
        <source>Add the customer anyway?</source>
        <translation>仍然新增該客戶嗎？</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomerImportDialog</name>
    <message>
        <source>Detect</source>
        <translation>自動識別</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Excel on Chinese Windows)</source>
        <translation>GB18030 / GBK（中文 Windows 版 Excel）</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>匯入客戶</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>電子表格 (*.csv *.xlsx *.txt);;所有檔案 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s), encoding %1.</source>
        <translation>
            <numerusform>%n 行資料，編碼 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Maps to</source>
        <translation>對應欄位</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在檢查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>檔案中的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行數</translation>
    </message>
    <message>
        <source>Stands for</source>
        <translation>對應為</translation>
    </message>
    <message>
        <source>Not imported (no field chosen): %1</source>
        <translation>不匯入（未選擇欄位）：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(reject these rows)</source>
        <translation>（拒絕這些行）</translation>
    </message>
    <message>
        <source>Dry run: %1 row(s) would be imported, %2 updated, %3 rejected; nothing was written.</source>
        <translation>試執行：將匯入 %1 行，更新 %2 行，拒絕 %3 行；未寫入任何資料。</translation>
    </message>
    <message>
        <source>%1 row(s) imported, %2 updated, %3 rejected.</source>
        <translation>已匯入 %1 行，更新 %2 行，拒絕 %3 行。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomerListModel</name>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客戶類別</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>開發階段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行業</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近聯絡</translation>
    </message>
    <message>
        <source>(shared pool)</source>
        <translation>（公海）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>從未聯絡</translation>
    </message>
    <message>
        <source>Could not count the customers: %1</source>
        <translation>無法統計客戶數量：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在統計…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 個客戶</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomersPage</name>
    <message>
        <source>Customer list</source>
        <translation>客戶列表</translation>
    </message>
    <message>
        <source>Pipeline board</source>
        <translation>開發看板</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失預警</translation>
    </message>
    <message>
        <source>Research and segments</source>
        <translation>市場調研與目標客戶</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客戶(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>匯入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>匯出(&amp;X)…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部類別</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部階段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Shared pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>Search name, contact, phone, e-mail, address, notes…</source>
        <translation>搜尋名稱、聯絡人、電話、郵箱、地址、備註…</translation>
    </message>
    <message>
        <source>No customers here yet — create one with New customer or import an Excel file.</source>
        <translation>還沒有客戶 — 新建客戶或匯入 Excel 檔案。</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>Record &amp;contact…</source>
        <translation>記錄溝通(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Advance stage</source>
        <translation>推進階段(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>標記流失(&amp;L)…</translation>
    </message>
    <message>
        <source>C&amp;laim from pool</source>
        <translation>從公海領取(&amp;L)</translation>
    </message>
    <message>
        <source>Add contact &amp;person…</source>
        <translation>新增聯絡人(&amp;P)…</translation>
    </message>
    <message>
        <source>Handle c&amp;omplaint…</source>
        <translation>處理投訴(&amp;O)…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Advance to %1</source>
        <translation>推進到“%1”(&amp;A)</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>匯出客戶</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客戶.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 with BOM (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，帶 BOM 的 UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) exported to %1.</source>
        <translation>
            <numerusform>已匯出 %n 個客戶到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Handle complaint</source>
        <translation>處理投訴</translation>
    </message>
    <message>
        <source>Complaint of %1: %2
New status:</source>
        <translation>%1 的投訴：%2
新狀態：</translation>
    </message>
    <message>
        <source>How was the complaint resolved? (§3.2.3)</source>
        <translation>投訴是如何解決的？（§3.2.3）</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>新增聯絡人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone (optional):</source>
        <translation>電話（可選）：</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>標記為流失</translation>
    </message>
    <message>
        <source>Why was the customer lost? (required, §3.1.4)</source>
        <translation>客戶為什麼流失？（必填，§3.1.4）</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>匯入客戶(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export customers…</source>
        <translation>匯出客戶(&amp;E)…</translation>
    </message>
    <message>
        <source>Reassi&amp;gn…</source>
        <translation>重新分配(&amp;G)…</translation>
    </message>
    <message>
        <source>Release to &amp;pool</source>
        <translation>退回公海(&amp;P)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Reassign customer</source>
        <translation>重新分配客戶</translation>
    </message>
    <message>
        <source>New owner (§3.2.1):</source>
        <translation>新負責人（§3.2.1）：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Received / outstanding</source>
        <translation>已回款 / 未回款</translation>
    </message>
    <message>
        <source>Received %1, outstanding %2 (§5.4)</source>
        <translation>已回款 %1，未回款 %2（§5.4）</translation>
    </message>
    <message>
        <source>Business dealings (§3.2.1): no contracts, negotiations or entertainment requests for this customer.</source>
        <translation>業務往來（§3.2.1）：該客戶暫無合同、談判或商務應酬申請。</translation>
    </message>
    <message>
        <source>Business dealings (§3.2.1): contracts with payments, negotiations, entertainment requests — double-click to open</source>
        <translation>業務往來（§3.2.1）：合同及回款、談判、商務應酬申請——雙擊開啟</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::DatabasePasswordDialog</name>
    <message>
        <source>Password of %1:</source>
        <translation>%1 的密碼：</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::DelegationDialog</name>
    <message>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::DepartmentDialog</name>
    <message>
        <source>Department head</source>
        <translation>部門負責人</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新建部門</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::EntertainmentPage</name>
    <message>
        <source>&amp;New application</source>
        <translation>新建申請(&amp;N)</translation>
    </message>
    <message>
        <source>Fill in a 商務應酬申請表 (Ctrl+N)</source>
        <translation>填寫商務應酬申請表（Ctrl+N）</translation>
    </message>
    <message>
        <source>Comment (required to return or reject)</source>
        <translation>審批意見（退回或駁回時必填）</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>儲存草稿</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>駁回</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>取消應酬</translation>
    </message>
    <message>
        <source>File claim…</source>
        <translation>申請報銷…</translation>
    </message>
    <message>
        <source>Reimburse</source>
        <translation>核准報銷</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Refuse claim</source>
        <translation>拒絕報銷</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>列印預覽…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>票據</translation>
    </message>
    <message>
        <source>Attach receipt…</source>
        <translation>新增票據…</translation>
    </message>
    <message>
        <source>No entertainment requests here yet — Ctrl+N starts an application (§6.3.1).</source>
        <translation>這裡還沒有應酬申請 — 按 Ctrl+N 新建申請（§6.3.1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s): </source>
        <translation>
            <numerusform>共 %n 項申請：</numerusform>
        </translation>
    </message>
    <message>
        <source>New entertainment application</source>
        <translation>新建應酬申請</translation>
    </message>
    <message>
        <source>Select a request, or press Ctrl+N for a new application.</source>
        <translation>請選擇一項申請，或按 Ctrl+N 新建申請。</translation>
    </message>
    <message>
        <source>No. %1 · %2 · %3</source>
        <translation>編號 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 of %2 used this month; with this request %3</source>
        <translation>本月已用 %1（預算 %2）；加上本申請為 %3</translation>
    </message>
    <message>
        <source>Claim: actual %1, %2 receipt(s), filed %3. %4</source>
        <translation>報銷：實際 %1，票據 %2 張，提交於 %3。%4</translation>
    </message>
    <message>
        <source>%1 (%2 KB, SHA-256 %3…)</source>
        <translation>%1（%2 KB，SHA-256 %3…）</translation>
    </message>
    <message>
        <source>Attach receipt</source>
        <translation>新增票據</translation>
    </message>
    <message>
        <source>Receipts (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>票據 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>將申請表儲存為 PDF</translation>
    </message>
    <message>
        <source>entertainment-%1.pdf</source>
        <translation>商務應酬申請表-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>審計記錄</translation>
    </message>
    <message>
        <source>You decide on behalf of %1, who delegated approvals to you; the decision is recorded with their name.</source>
        <translation>您代 %1 審批（其已將審批委託給您）；審批記錄將註明代其審批。</translation>
    </message>
    <message>
        <source>Over the estimate by %1 (%2%).</source>
        <translation>超出預計費用 %1（%2%）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseClaimDialog</name>
    <message>
        <source>Approved estimate: ¥%1. A clearly higher actual cost needs a written explanation and the superior's approval before finance (§6.4.3).</source>
        <translation>已批准的預計費用：¥%1。實際費用明顯超出時，須書面說明並經上級審批後再交財務稽核（§6.4.3）。</translation>
    </message>
    <message>
        <source>as on the receipts</source>
        <translation>按票據填寫</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseFilterBar</name>
    <message>
        <source>All I may see</source>
        <translation>我可檢視的全部</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的申請</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>待我審批</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部狀態</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>全部部門</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseFormWidget</name>
    <message>
        <source>Nobody from the company ticked.</source>
        <translation>尚未勾選公司人員。</translation>
    </message>
    <message>
        <source>Taking part: %1</source>
        <translation>參加人員：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Department head, then the head's superior (§6.3.2).</source>
        <translation>部門負責人稽核，再由其上級審批（§6.3.2）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseListModel</name>
    <message>
        <source>over budget</source>
        <translation>超出預算</translation>
    </message>
    <message>
        <source>overrun</source>
        <translation>超支</translation>
    </message>
    <message>
        <source>late claim</source>
        <translation>逾期報銷</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申請人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>應酬類別</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和時間</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>預計費用</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>實際費用</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>標記</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseProgressView</name>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已駁回</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>審批路線</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>審批環節</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>審批人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>Approval timeline</source>
        <translation>審批記錄</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <source>Comment</source>
        <translation>批註</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>制度版本</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>當前</translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation>待審</translation>
    </message>
    <message>
        <source>Still ahead</source>
        <translation>尚未到達</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseReportPage</name>
    <message>
        <source>Entertainment expense report</source>
        <translation>商務應酬費用報表</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期間(&amp;P)：</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部門</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>顯示(&amp;S)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>儲存報表</translation>
    </message>
    <message>
        <source>entertainment-%1%2</source>
        <translation>商務應酬費用-%1%2</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::FieldsDialog</name>
    <message>
        <source>Optional</source>
        <translation>可選</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>瀏覽…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>選擇檔案</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::FirstRunDialog</name>
    <message>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>建立賬戶</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不一致。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::LeadOutcomesDialog</name>
    <message>
        <source>Outcomes by lead</source>
        <translation>按負責人看成效</translation>
    </message>
    <message>
        <source>Closed negotiations whose figures you may see (§4.4). Zone captured: (final − our bottom line) ÷ (their estimated limit − our bottom line). Estimate error: our last estimate of their limit minus the final price.</source>
        <translation>您有權查看數字的已關閉談判（§4.4）。獲取的協議區間 =（最終價格 − 我方底線）÷（估計的對方極限 − 我方底線）。估計偏差 = 我方最後一次估計的對方極限減去最終價格。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在載入…</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Closed negotiations</source>
        <translation>已關閉的談判</translation>
    </message>
    <message>
        <source>Zone captured (average)</source>
        <translation>獲取的協議區間（平均）</translation>
    </message>
    <message>
        <source>Estimate error (average)</source>
        <translation>估計偏差（平均）</translation>
    </message>
    <message>
        <source>No closed negotiation with figures you may see yet.</source>
        <translation>還沒有您有權查看數字的已關閉談判。</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n 位負責人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::LoginDialog</name>
    <message>
        <source>Database: %1</source>
        <translation>資料庫：%1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MainWindow</name>
    <message>
        <source>BizDesk — Business Management</source>
        <translation>BizDesk 商務管理臺</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建資料庫(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>開啟資料庫(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>備份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢復(&amp;R)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Policy and rules…</source>
        <translation>制度與規則(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About BizDesk</source>
        <translation>關於 BizDesk(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting</source>
        <translation>
            <numerusform>%n 項待辦</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>開啟資料庫</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>BizDesk 資料庫 (*.sqlite *.db);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建資料庫</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite)</source>
        <translation>BizDesk 資料庫 (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name.</source>
        <translation>%1 已存在；請另選名稱。</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>Only a system administrator can make backups.</source>
        <translation>只有系統管理員可以備份。</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>備份到</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>恢復哪個備份？</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.bak);;All files (*)</source>
        <translation>BizDesk 資料庫 (*.sqlite *.bak);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>恢復到新檔案</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢復</translation>
    </message>
    <message>
        <source>The backup was restored into %1. Open it now?</source>
        <translation>備份已恢復到 %1。現在開啟嗎？</translation>
    </message>
    <message>
        <source>About BizDesk</source>
        <translation>關於 BizDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BizDesk %1&lt;/h3&gt;&lt;p&gt;Business management for software companies: customers, negotiations, contracts, entertainment expenses and the business team, following the company's business management regulation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BizDesk 商務管理臺 %1&lt;/h3&gt;&lt;p&gt;面向軟體公司的商務管理：客戶、商務談判、合同、商務應酬費用與商務團隊，依據公司《商務管理制度》執行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>My Tasks</source>
        <translation>我的待辦</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密碼(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delegation of approvals…</source>
        <translation>審批授權(&amp;D)…</translation>
    </message>
    <message>
        <source>P&amp;olicy settings…</source>
        <translation>制度引數(&amp;O)…</translation>
    </message>
    <message>
        <source>This item cannot be opened here yet.</source>
        <translation>此事項暫時無法在此開啟。</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密碼已修改。</translation>
    </message>
    <message>
        <source>Backup written to %1 (audit head %2)</source>
        <translation>備份已寫入 %1（審計鏈頭 %2）</translation>
    </message>
    <message>
        <source>&amp;Company profile…</source>
        <translation>公司資訊(&amp;C)…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>正在載入待辦…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MarketResearchPage</name>
    <message>
        <source>Market research (§3.1.1)</source>
        <translation>市場調研（§3.1.1）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>調研結論</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>競爭對手</translation>
    </message>
    <message>
        <source>Record &amp;market research…</source>
        <translation>記錄市場調研(&amp;M)…</translation>
    </message>
    <message>
        <source>Target segments (§3.1.2)</source>
        <translation>目標客戶群（§3.1.2）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客戶群</translation>
    </message>
    <message>
        <source>Traits</source>
        <translation>特徵</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>New target &amp;segment…</source>
        <translation>新建目標客戶群(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MyTasksPage</name>
    <message>
        <source>Nothing is waiting for you. Approvals, follow-ups and reminders from every module appear here as they come in.</source>
        <translation>目前沒有待辦事項。各模組的審批、跟進和提醒到來時會顯示在這裡。</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>待辦事項</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation>已逾期：%1</translation>
    </message>
    <message>
        <source>%1 task(s) waiting for you, %2 overdue</source>
        <translation>您有 %1 項待辦，其中 %2 項已逾期</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting for you</source>
        <translation>
            <numerusform>您有 %n 項待辦</numerusform>
        </translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>全部到期日</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>本週到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Task &amp;kind:</source>
        <translation>任務型別(&amp;K)：</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>到期日(&amp;U)：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部型別</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>正在載入待辦…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::NegotiationListModel</name>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已關閉）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Negotiation stage</source>
        <translation>談判階段</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>計劃結束</translation>
    </message>
    <message>
        <source>Latest offer</source>
        <translation>最新報價</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::NegotiationsPage</name>
    <message>
        <source>&amp;New negotiation…</source>
        <translation>新建談判(&amp;N)…</translation>
    </message>
    <message>
        <source>My negotiations</source>
        <translation>我參與的談判</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>階段：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Importance:</source>
        <translation>重要性：</translation>
    </message>
    <message>
        <source>Customer #</source>
        <translation>客戶編號</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Team member…</source>
        <translation>團隊成員…</translation>
    </message>
    <message>
        <source>Strategy…</source>
        <translation>策略…</translation>
    </message>
    <message>
        <source>Material…</source>
        <translation>資料…</translation>
    </message>
    <message>
        <source>Briefing held</source>
        <translation>已開協調會</translation>
    </message>
    <message>
        <source>Session…</source>
        <translation>會談…</translation>
    </message>
    <message>
        <source>Probing note…</source>
        <translation>摸底筆記…</translation>
    </message>
    <message>
        <source>Estimate…</source>
        <translation>估計…</translation>
    </message>
    <message>
        <source>Offer…</source>
        <translation>報價…</translation>
    </message>
    <message>
        <source>Term…</source>
        <translation>條款…</translation>
    </message>
    <message>
        <source>Deadlock…</source>
        <translation>僵局…</translation>
    </message>
    <message>
        <source>Deadlock outcome…</source>
        <translation>僵局結果…</translation>
    </message>
    <message>
        <source>Write summary…</source>
        <translation>撰寫總結…</translation>
    </message>
    <message>
        <source>Submit summary…</source>
        <translation>提交總結…</translation>
    </message>
    <message>
        <source>Acknowledge summary</source>
        <translation>確認總結</translation>
    </message>
    <message>
        <source>Create contract draft</source>
        <translation>建立合同草稿</translation>
    </message>
    <message>
        <source>Summary PDF…</source>
        <translation>總結 PDF…</translation>
    </message>
    <message>
        <source>Open the negotiation</source>
        <translation>開局</translation>
    </message>
    <message>
        <source>The preparation checklist is not complete: %1.
Open the negotiation anyway?</source>
        <translation>準備清單尚未完成：%1。
仍要開局嗎？</translation>
    </message>
    <message>
        <source>New negotiation</source>
        <translation>新建談判</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Complexity</source>
        <translation>複雜度</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目標</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底線</translation>
    </message>
    <message>
        <source>Opening anchor</source>
        <translation>開價錨點</translation>
    </message>
    <message>
        <source>BATNA</source>
        <translation>BATNA（最佳替代方案）</translation>
    </message>
    <message>
        <source>Walk-away conditions</source>
        <translation>退出條件</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>計劃結束</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>職責</translation>
    </message>
    <message>
        <source>Our strengths</source>
        <translation>我方優勢</translation>
    </message>
    <message>
        <source>Our weaknesses</source>
        <translation>我方劣勢</translation>
    </message>
    <message>
        <source>Their strengths</source>
        <translation>對方優勢</translation>
    </message>
    <message>
        <source>Their weaknesses</source>
        <translation>對方劣勢</translation>
    </message>
    <message>
        <source>Their likely strategy</source>
        <translation>對方可能的策略</translation>
    </message>
    <message>
        <source>Our responses</source>
        <translation>我方對策</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>型別</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meeting place</source>
        <translation>會談地點</translation>
    </message>
    <message>
        <source>Start (HH:MM)</source>
        <translation>開始（HH:MM）</translation>
    </message>
    <message>
        <source>End (HH:MM)</source>
        <translation>結束（HH:MM）</translation>
    </message>
    <message>
        <source>Our attendees</source>
        <translation>我方出席人員</translation>
    </message>
    <message>
        <source>Their attendees</source>
        <translation>對方出席人員</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>議程</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>會議紀要</translation>
    </message>
    <message>
        <source>Their position</source>
        <translation>對方立場</translation>
    </message>
    <message>
        <source>Their interests</source>
        <translation>對方利益</translation>
    </message>
    <message>
        <source>Presumed bottom line</source>
        <translation>推測底線</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>條件</translation>
    </message>
    <message>
        <source>Got in return</source>
        <translation>換得</translation>
    </message>
    <message>
        <source>Reason (past our bottom line)</source>
        <translation>理由（突破我方底線時）</translation>
    </message>
    <message>
        <source>Term under discussion</source>
        <translation>談判條款</translation>
    </message>
    <message>
        <source>Our position</source>
        <translation>我方立場</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未談定</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>已談定</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Departments (comma-separated)</source>
        <translation>部門（以逗號分隔）</translation>
    </message>
    <message>
        <source>Contract draft %1 created.</source>
        <translation>已建立合同草稿 %1。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Summary print preview…</source>
        <translation>總結報告列印預覽…</translation>
    </message>
    <message>
        <source>Save material file</source>
        <translation>儲存資料檔案</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已儲存 %1。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Outcomes by lead…</source>
        <translation>按負責人看成效…</translation>
    </message>
    <message>
        <source>Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4).</source>
        <translation>按負責人統計已關閉談判：爭取到的協議區間比例和估計誤差（§4.4）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PeoplePage</name>
    <message>
        <source>&amp;New person…</source>
        <translation>新增人員(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編輯(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解鎖(&amp;U)</translation>
    </message>
    <message>
        <source>New de&amp;partment…</source>
        <translation>新建部門(&amp;P)…</translation>
    </message>
    <message>
        <source>Department &amp;head…</source>
        <translation>部門負責人(&amp;H)…</translation>
    </message>
    <message>
        <source>Search name, login, department…</source>
        <translation>搜尋姓名、登入名、部門…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登入名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>直接上級</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人員</translation>
    </message>
    <message>
        <source>Organisation chart</source>
        <translation>組織架構圖</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部門</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>變更歷史</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>鎖定至 %1</translation>
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
        <translation>選擇一個人員以檢視詳細資訊和變更歷史。</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>電子郵件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Disable the account of %1 (%2)? They can no longer log in; their records stay.</source>
        <translation>停用 %1（%2）的賬戶？停用後無法登入，其記錄仍會保留。</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>啟用(&amp;N)</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PipelineBoard</name>
    <message>
        <source>Drag a customer to the next stage. The pipeline moves one step at a time; a lost customer needs a reason and reopens as a lead (§3.1.4).</source>
        <translation>將客戶拖到下一階段。開發流程須逐步推進；標記流失需填寫原因，流失客戶可重新作為線索開始（§3.1.4）。</translation>
    </message>
    <message>
        <source>shared pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>… and %1 more (see the list)</source>
        <translation>… 另有 %1 個（見列表）</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>標記為流失</translation>
    </message>
    <message>
        <source>Why was the customer lost? (required, §3.1.4)</source>
        <translation>客戶為什麼流失？（必填，§3.1.4）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PlannedModulePage</name>
    <message>
        <source>Regulation: %1</source>
        <translation>制度條款：%1</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PolicyHelpDialog</name>
    <message>
        <source>Policy and rules</source>
        <translation>制度與規則</translation>
    </message>
    <message>
        <source>BizDesk enforces these rules of the business management regulation. The director changes the values in Settings → Policy; every change is versioned and audited.</source>
        <translation>BizDesk 執行《商務管理制度》中的以下規則。商務總監可在“設定 → 制度引數”中修改數值；每次修改都有版本記錄並寫入審計日誌。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>當前值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>引數鍵</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PolicySettingsDialog</name>
    <message>
        <source>Clause</source>
        <translation>條款</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>當前值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>引數鍵</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>When</source>
        <translation>時間</translation>
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
        <translation>只有商務總監可以修改制度引數（§1.3）。</translation>
    </message>
    <message>
        <source>Policy version %1. Every change raises the version; approvals record the version that applied.</source>
        <translation>當前制度版本：%1。每次修改都會升級版本；審批時記錄所適用的版本。</translation>
    </message>
    <message>
        <source>Changed from the default</source>
        <translation>已修改（非預設值）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>§%1 %2 (%3); default %4</source>
        <translation>§%1 %2（%3）；預設值 %4</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>%1 → %2 (not applied yet)</source>
        <translation>%1 → %2（尚未生效）</translation>
    </message>
    <message>
        <source>%1 Not applied yet: change the other settings of the rule, then all are applied together.</source>
        <translation>%1 尚未生效：請修改該規則涉及的其他設定，隨後將一併生效。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Debug (everything, for troubleshooting)</source>
        <translation>除錯（全部記錄，用於排查問題）</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>資訊</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>僅錯誤</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ReceivablesModel</name>
    <message>
        <source>Number</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客戶</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>負責人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天數</translation>
    </message>
    <message>
        <source>Outstanding (CNY)</source>
        <translation>未回款（人民幣）</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>賬齡</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ReceivablesView</name>
    <message>
        <source>Receivables: due and overdue installments</source>
        <translation>應收款：到期與逾期款項</translation>
    </message>
    <message>
        <source>Double-click an installment to open its contract. Amounts in CNY.</source>
        <translation>雙擊某期應收款即可開啟其合同。金額以人民幣計。</translation>
    </message>
    <message>
        <source>adding up…</source>
        <translation>正在彙總…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ReportPeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::UserEditDialog</name>
    <message>
        <source>Edit person</source>
        <translation>編輯人員</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人員</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>* required. The person changes their own password (File → Change password).</source>
        <translation>* 為必填項。密碼由本人自行修改（檔案 → 修改密碼）。</translation>
    </message>
    <message>
        <source>* required. The password must have at least %1 characters; the person can change it after the first login.</source>
        <translation>* 為必填項。密碼至少 %1 個字元；本人首次登入後可自行修改。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要選擇一個角色。</translation>
    </message>
    <message>
        <source>repeat password: the two passwords differ.</source>
        <translation>確認密碼：兩次輸入的密碼不一致。</translation>
    </message>
</context>
</TS>