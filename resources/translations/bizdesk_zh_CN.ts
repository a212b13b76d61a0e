<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Application</name>
    <message>
        <source>Database upgraded</source>
        <translation>数据库已升级</translation>
    </message>
    <message>
        <source>The database was upgraded from schema %1 to %2. A copy of the old version was kept at:
%3</source>
        <translation>数据库已从数据结构 %1 升级到 %2。旧版本的副本保存在：
%3</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>BizDesk business management</source>
        <translation>BizDesk 商务管理</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL.</source>
        <translation>SQLite 文件或 postgresql:// 地址。</translation>
    </message>
    <message>
        <source>Log in as LOGIN (password from $BIZDESK_PASSWORD).</source>
        <translation>以该登录名登录（密码取自 $BIZDESK_PASSWORD）。</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>BizDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite)</source>
        <translation>BizDesk 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Enter the database password…</source>
        <translation>输入数据库密码…</translation>
    </message>
    <message>
        <source>Print "first-paint-ms N" once the main window's first tab has been drawn, then quit (start-up measurements).</source>
        <translation>主窗口的第一个标签页绘制完成后输出“first-paint-ms N”并退出（用于测量启动耗时）。</translation>
    </message>
</context>
<context>
    <name>ApprovalDesk</name>
    <message>
        <source>%1 has no open approval step.</source>
        <translation>%1 没有待处理的审批步骤。</translation>
    </message>
    <message>
        <source>%1 is at version %2, not %3: it changed since you saw it; reload it and try again.</source>
        <translation>%1 当前为第 %2 版而不是第 %3 版：在您查看之后已被修改；请重新加载后再试。</translation>
    </message>
</context>
<context>
    <name>AuditHead</name>
    <message>
        <source>%1: "%2" is not an audit head; write ID:HASH, the entry number, a colon and the 64 hex digits that "bizdeskctl audit head" prints.</source>
        <translation>%1：“%2”不是审计链头；请写成 ID:HASH，即条目编号、冒号和“bizdeskctl audit head”输出的 64 位十六进制数字。</translation>
    </message>
</context>
<context>
    <name>AuditHeadGuard</name>
    <message>
        <source>The audit trail of %1 no longer holds entry %2 with the hash this computer saw last (%3): the database was rolled back — an older copy was put in its place or its newest entries were removed. Its last entry now is %4.</source>
        <translation>%1 的审计记录中已没有本机上次看到的条目 %2（哈希 %3）：数据库被回滚了——有人用较旧的副本替换了它，或删除了最新的条目。现在的最后一条是 %4。</translation>
    </message>
    <message>
        <source>Entry %1 records a restore from the backup %2 (audit head %3) at %4 UTC by %5.</source>
        <translation>条目 %1 记录了一次恢复：由 %5 于 UTC %4 从备份 %2（审计链头 %3）恢复。</translation>
    </message>
    <message>
        <source>If this is known and wanted, accept it with "bizdeskctl audit accept-head".</source>
        <translation>如果这是已知且有意的操作，请用“bizdeskctl audit accept-head”接受它。</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>entry %1 does not follow the entry before it (an entry was deleted, inserted or reordered)</source>
        <translation>第 %1 条记录与前一条不衔接（有记录被删除、插入或调换顺序）</translation>
    </message>
    <message>
        <source>entry %1 was edited after it was written</source>
        <translation>第 %1 条记录在写入后被修改过</translation>
    </message>
    <message>
        <source>entry %1 no longer has the hash %2 recorded earlier (it now has %3): it or an entry before it was rewritten</source>
        <translation>条目 %1 已不再是先前记录的哈希 %2（现在是 %3）：该条目或它之前的条目被改写过</translation>
    </message>
    <message>
        <source>entry %1 recorded earlier (hash %2) is no longer in the chain, which ends at entry %3: entries were deleted</source>
        <translation>先前记录的条目 %1（哈希 %2）已不在审计链中，链现在止于条目 %3：有条目被删除</translation>
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
        <translation>%1：“%2”不是时区；请填写 IANA 时区名，例如 Asia/Shanghai。</translation>
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
    <name>ClauseTemplateService</name>
    <message>
        <source>name: the clause "%1" already has a template named "%2".</source>
        <translation>name：条款“%1”已有名为“%2”的模板。</translation>
    </message>
    <message>
        <source>There is no clause template #%1.</source>
        <translation>不存在条款模板 #%1。</translation>
    </message>
    <message>
        <source>template: "%1" is a template of the clause "%2", not of "%3" (§5.1.3).</source>
        <translation>template：“%1”是条款“%2”的模板，不是“%3”的（§5.1.3）。</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <source>%1: "%2" is not a valid id.</source>
        <translation>%1：“%2”不是有效的编号。</translation>
    </message>
    <message>
        <source>--%1: "%2" must be a whole number from %3 to %4.</source>
        <translation>--%1：“%2”必须是 %3 到 %4 之间的整数。</translation>
    </message>
    <message>
        <source>--%1: "%2" is not a date; write yyyy-MM-dd, e.g. 2026-12-01.</source>
        <translation>--%1：“%2”不是日期；请按 yyyy-MM-dd 填写，例如 2026-12-01。</translation>
    </message>
    <message>
        <source>--%1: "%2" is not a date and time; write e.g. 2026-12-01T18:30.</source>
        <translation>--%1：“%2”不是日期时间；请按此格式填写：2026-12-01T18:30。</translation>
    </message>
    <message>
        <source>This command needs a user: add --as LOGIN (password from $BIZDESK_PASSWORD or stdin).</source>
        <translation>此命令需要用户身份：请加上 --as 登录名（密码取自 $BIZDESK_PASSWORD 或标准输入）。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>新密码：</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Usage: bizdeskctl [--db LOCATION] [--as LOGIN] [--json] COMMAND [ARGS]</source>
        <translation>用法：bizdeskctl [--db 位置] [--as 登录名] [--json] 命令 [参数]</translation>
    </message>
    <message>
        <source>LOCATION is a SQLite file or postgresql://user[:password]@host[:port]/dbname (default: $BIZDESK_DB, else %1).</source>
        <translation>位置为 SQLite 文件或 postgresql://用户[:密码]@主机[:端口]/数据库名（默认：$BIZDESK_DB，否则为 %1）。</translation>
    </message>
    <message>
        <source>--as LOGIN acts as that user; the password comes from $BIZDESK_PASSWORD or stdin.</source>
        <translation>--as 登录名：以该用户身份操作；密码取自 $BIZDESK_PASSWORD 或标准输入。</translation>
    </message>
    <message>
        <source>Exit status: 0 done, 1 internal, 2 invalid, 3 denied, 4 conflict, 5 not found.</source>
        <translation>退出状态：0 完成，1 内部错误，2 输入无效，3 无权限，4 冲突，5 未找到。</translation>
    </message>
    <message>
        <source>Commands ("bizdeskctl COMMAND --help" for details):</source>
        <translation>命令（详见“bizdeskctl 命令 --help”）：</translation>
    </message>
    <message>
        <source>bizdeskctl: %1</source>
        <translation>bizdeskctl：%1</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 需要一个值。</translation>
    </message>
    <message>
        <source>Unknown option %1; see "bizdeskctl --help".</source>
        <translation>未知选项 %1；请查看“bizdeskctl --help”。</translation>
    </message>
    <message>
        <source>Unknown command "%1"; see "bizdeskctl --help".</source>
        <translation>未知命令“%1”；请查看“bizdeskctl --help”。</translation>
    </message>
    <message>
        <source>%1 is not an option of "%2"; usage: bizdeskctl %3</source>
        <translation>%1 不是“%2”的选项；用法：bizdeskctl %3</translation>
    </message>
    <message>
        <source>%1 needs a value (%2).</source>
        <translation>%1 需要一个值（%2）。</translation>
    </message>
    <message>
        <source>Wrong number of arguments; usage: bizdeskctl %1</source>
        <translation>参数个数不对；用法：bizdeskctl %1</translation>
    </message>
    <message>
        <source>--%1 is required; usage: bizdeskctl %2</source>
        <translation>必须提供 --%1；用法：bizdeskctl %2</translation>
    </message>
    <message>
        <source>an option name</source>
        <translation>选项名</translation>
    </message>
    <message>
        <source>argument %1</source>
        <translation>第 %1 个参数</translation>
    </message>
    <message>
        <source>%1: the value is not valid UTF-8 text; check the terminal's or script's encoding.</source>
        <translation>%1：该值不是有效的 UTF-8 文本；请检查终端或脚本的编码。</translation>
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
        <translation>印在每份打印文件抬头的公司名称</translation>
    </message>
    <message>
        <source>address (kept when not given)</source>
        <translation>地址（未给出时保持不变）</translation>
    </message>
    <message>
        <source>phone (kept when not given)</source>
        <translation>电话（未给出时保持不变）</translation>
    </message>
    <message>
        <source>IANA time zone of business dates, e.g. Asia/Shanghai (kept when not given)</source>
        <translation>业务日期所用的 IANA 时区，例如 Asia/Shanghai（未给出时保持不变）</translation>
    </message>
    <message>
        <source>the version you saw; refused when it changed since</source>
        <translation>您看到的版本；若此后已被修改则拒绝</translation>
    </message>
    <message>
        <source>Set the company profile (admin).</source>
        <translation>设置公司信息（系统管理员）。</translation>
    </message>
    <message>
        <source>Show the company profile and the time zone of business dates.</source>
        <translation>显示公司信息及业务日期所用的时区。</translation>
    </message>
</context>
<context>
    <name>CompanyProfile</name>
    <message>
        <source>%1: at most %2 characters.</source>
        <translation>%1：最多 %2 个字符。</translation>
    </message>
    <message>
        <source>%1: control characters are not allowed.</source>
        <translation>%1：不允许使用控制字符。</translation>
    </message>
    <message>
        <source>name: the company name must not be empty.</source>
        <translation>name：公司名称不能为空。</translation>
    </message>
</context>
<context>
    <name>CompanyProfileDialog</name>
    <message>
        <source>Company profile</source>
        <translation>公司信息</translation>
    </message>
    <message>
        <source>The company name, address and phone head every printed form and report; business dates (months, due dates, today) are counted in the company's time zone.</source>
        <translation>公司名称、地址和电话印在每份打印表单和报表的抬头；业务日期（月份、到期日、今天）按公司所在时区计算。</translation>
    </message>
    <message>
        <source>Company &amp;name: *</source>
        <translation>公司名称(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 华信软件有限公司</source>
        <translation>例如：华信软件有限公司</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>CompanyService</name>
    <message>
        <source>The company profile was changed by someone else (version %1 is now %2); reload it and try again.</source>
        <translation>公司信息已被他人修改（版本 %1 现为 %2）；请重新打开后再试。</translation>
    </message>
</context>
<context>
    <name>ContactLogDialog</name>
    <message>
        <source>Record contact</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>方式(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Note: *</source>
        <translation>内容(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Follow up:</source>
        <translation>跟进(&amp;F)：</translation>
    </message>
    <message>
        <source>Next follow-up on</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <source>Follow-up &amp;date:</source>
        <translation>跟进日期(&amp;D)：</translation>
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
        <translation>currency：“%1”不是三位货币代码，例如 CNY、USD 或 EUR。</translation>
    </message>
    <message>
        <source>customer: a contract needs the customer it is made with.</source>
        <translation>customer：合同必须指定签约客户。</translation>
    </message>
    <message>
        <source>end: the end date %1 is before the start date %2.</source>
        <translation>end：结束日期 %1 早于开始日期 %2。</translation>
    </message>
    <message>
        <source>rate: "%1" is not a positive rate with at most six decimals, e.g. 7.1234.</source>
        <translation>rate：“%1”不是正的汇率（最多六位小数，例如 7.1234）。</translation>
    </message>
    <message>
        <source>amount: too large.</source>
        <translation>amount：金额过大。</translation>
    </message>
    <message>
        <source>clauses: a contract is submitted only with all seven required clauses (§5.1.2); still empty: %1.</source>
        <translation>clauses：合同须具备全部七项必备条款方可提交（§5.1.2）；尚未填写：%1。</translation>
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
        <translation>该合同当前为%1（%2），现在不能“%3”。</translation>
    </message>
    <message>
        <source>comment: returning a contract to its drafter needs a comment saying what to change (§5.2.2).</source>
        <translation>comment：退回合同须填写意见，说明需要修改的内容（§5.2.2）。</translation>
    </message>
    <message>
        <source>amount: the receivable plan would be %1, more than the contract amount %2; %3 is still unplanned (§5.4).</source>
        <translation>amount：回款计划合计将为 %1，超过合同金额 %2；尚未计划的金额为 %3（§5.4）。</translation>
    </message>
    <message>
        <source>amount: %1 received so far plus this payment would exceed the contract amount %2 (§5.4).</source>
        <translation>amount：已回款 %1 加上本笔回款将超过合同金额 %2（§5.4）。</translation>
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
        <translation>逾期超过 90 天</translation>
    </message>
    <message>
        <source>%1: a date (YYYY-MM-DD) is required (§%2).</source>
        <translation>%1：须填写日期（YYYY-MM-DD）（§%2）。</translation>
    </message>
    <message>
        <source>kind: "%1" is not one of %2 (§5.4.1).</source>
        <translation>kind：“%1”不是 %2 之一（§5.4.1）。</translation>
    </message>
    <message>
        <source>our_signatory: the authorised person who signed for us is required (§5.3.1).</source>
        <translation>our_signatory：须填写我方授权签字人（§5.3.1）。</translation>
    </message>
    <message>
        <source>their_signatory: the customer's signatory is required (§5.3.1).</source>
        <translation>their_signatory：须填写客户方签字人（§5.3.1）。</translation>
    </message>
    <message>
        <source>content: a change agreement states what changes (§5.5.2).</source>
        <translation>content：变更协议须写明变更内容（§5.5.2）。</translation>
    </message>
    <message>
        <source>reason: a change agreement states why (§5.5.2).</source>
        <translation>reason：变更协议须写明变更原因（§5.5.2）。</translation>
    </message>
    <message>
        <source>reason: a termination states its reason (§5.5.3).</source>
        <translation>reason：终止合同须写明原因（§5.5.3）。</translation>
    </message>
    <message>
        <source>score: customer satisfaction is a whole number from 1 to 5 (§5.4.3).</source>
        <translation>score：客户满意度为 1 到 5 的整数（§5.4.3）。</translation>
    </message>
</context>
<context>
    <name>ContractAction</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
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
        <translation>登记签署</translation>
    </message>
    <message>
        <source>Acknowledge receipt of copy</source>
        <translation>确认收到副本</translation>
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
        <translation>添加回款计划</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记回款</translation>
    </message>
    <message>
        <source>Record execution issue</source>
        <translation>登记履行问题</translation>
    </message>
    <message>
        <source>Record customer satisfaction</source>
        <translation>登记客户满意度</translation>
    </message>
    <message>
        <source>Change agreement</source>
        <translation>变更协议</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Destroy</source>
        <translation>销毁</translation>
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
        <translation>签署版扫描件</translation>
    </message>
    <message>
        <source>Change agreement scan</source>
        <translation>变更协议扫描件</translation>
    </message>
    <message>
        <source>Termination agreement</source>
        <translation>终止协议</translation>
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
        <translation>%1 当前为%2：现在不能添加“%3”类附件。</translation>
    </message>
    <message>
        <source>%1 may not attach files to %2.</source>
        <translation>%1 无权向%2添加附件。</translation>
    </message>
    <message>
        <source>There is no contract attachment #%1.</source>
        <translation>不存在合同附件 #%1。</translation>
    </message>
    <message>
        <source>%1 was destroyed after its retention period (§5.6.3); only its name, size and SHA-256 are kept.</source>
        <translation>%1 已在保管期满后销毁（§5.6.3）；仅保留文件名、大小和 SHA-256。</translation>
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
        <translation>已填写条款</translation>
    </message>
    <message>
        <source>Submitted for review</source>
        <translation>已提交审核</translation>
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
        <translation>已签署</translation>
    </message>
    <message>
        <source>Copy acknowledged</source>
        <translation>已确认收到副本</translation>
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
        <translation>已添加回款计划</translation>
    </message>
    <message>
        <source>Payment recorded</source>
        <translation>已登记回款</translation>
    </message>
    <message>
        <source>Execution issue recorded</source>
        <translation>已登记履行问题</translation>
    </message>
    <message>
        <source>Customer satisfaction recorded</source>
        <translation>已登记客户满意度</translation>
    </message>
    <message>
        <source>Change agreement recorded</source>
        <translation>已登记变更协议</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Destroyed after retention</source>
        <translation>保存期满后已销毁</translation>
    </message>
    <message>
        <source>Exchange rate set</source>
        <translation>已设置汇率</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版次</translation>
    </message>
    <message>
        <source>Contract version</source>
        <translation>合同版本</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>已添加附件</translation>
    </message>
    <message>
        <source>Clause template added</source>
        <translation>已新增条款模板</translation>
    </message>
    <message>
        <source>Clause template removed</source>
        <translation>已删除条款模板</translation>
    </message>
</context>
<context>
    <name>ContractClause</name>
    <message>
        <source>Rights and obligations</source>
        <translation>双方权利义务</translation>
    </message>
    <message>
        <source>Product or service specification</source>
        <translation>产品或服务规格</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Delivery time</source>
        <translation>交付时间</translation>
    </message>
    <message>
        <source>Acceptance criteria</source>
        <translation>验收标准</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Liability for breach</source>
        <translation>违约责任</translation>
    </message>
</context>
<context>
    <name>ContractCommands</name>
    <message>
        <source>the version you saw (contract show); if the contract changed since: exit 4, nothing written</source>
        <translation>您查看到的版本（contract show）；如合同其后已被修改：退出码 4，不写入任何内容</translation>
    </message>
    <message>
        <source>ISO currency code (default CNY; others need a rate kept by finance)</source>
        <translation>ISO 货币代码（默认 CNY；其他币种需财务维护汇率）</translation>
    </message>
    <message>
        <source>the salesperson credited in performance figures (default: you)</source>
        <translation>业绩归属的业务员（默认：您本人）</translation>
    </message>
    <message>
        <source>start date, yyyy-MM-dd</source>
        <translation>开始日期，yyyy-MM-dd</translation>
    </message>
    <message>
        <source>end date, yyyy-MM-dd, not before the start</source>
        <translation>结束日期，yyyy-MM-dd，不早于开始日期</translation>
    </message>
    <message>
        <source>Draft a contract (§5.1); it is numbered HT-YYYY-NNNN.</source>
        <translation>起草合同（§5.1），编号为 HT-YYYY-NNNN。</translation>
    </message>
    <message>
        <source>Write one of the seven required clauses (§5.1.2): obligations|specification|price|delivery|acceptance|payment|breach.</source>
        <translation>填写七项必备条款之一（§5.1.2）：obligations|specification|price|delivery|acceptance|payment|breach。</translation>
    </message>
    <message>
        <source>Submit a draft for legal, finance and leadership review (§5.2).</source>
        <translation>提交草稿进行法务、财务和领导审核（§5.2）。</translation>
    </message>
    <message>
        <source>your comment</source>
        <translation>您的意见</translation>
    </message>
    <message>
        <source>the clause the comment is about</source>
        <translation>意见所针对的条款</translation>
    </message>
    <message>
        <source>Approve the current review or approval step.</source>
        <translation>同意当前审核或审批步骤。</translation>
    </message>
    <message>
        <source>what the drafter must change (§5.2.2)</source>
        <translation>起草人需要修改的内容（§5.2.2）</translation>
    </message>
    <message>
        <source>Return the contract to its drafter with a comment.</source>
        <translation>填写意见后将合同退回起草人。</translation>
    </message>
    <message>
        <source>Withdraw a draft.</source>
        <translation>撤回草稿。</translation>
    </message>
    <message>
        <source>A contract with its clauses, route, milestones, receivables, payments, versions and history.</source>
        <translation>显示合同及其条款、审批路线、里程碑、回款计划、回款记录、版本和历史。</translation>
    </message>
    <message>
        <source>only contracts in this state</source>
        <translation>只列出此状态的合同</translation>
    </message>
    <message>
        <source>only this customer's contracts</source>
        <translation>只列出此客户的合同</translation>
    </message>
    <message>
        <source>at most N rows (default 200)</source>
        <translation>最多 N 行（默认 200）</translation>
    </message>
    <message>
        <source>Contracts you may see, newest first.</source>
        <translation>列出您可以查看的合同，最新的在前。</translation>
    </message>
    <message>
        <source>--state: "%1" is not one of %2.</source>
        <translation>--state：“%1”不是 %2 之一。</translation>
    </message>
    <message>
        <source>Set how many CNY one unit of a currency is worth (finance).</source>
        <translation>设置一个单位外币折合多少人民币（财务）。</translation>
    </message>
    <message>
        <source>signing date</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>our authorised signatory (§5.3.1)</source>
        <translation>我方授权签字人（§5.3.1）</translation>
    </message>
    <message>
        <source>the customer's signatory</source>
        <translation>客户方签字人</translation>
    </message>
    <message>
        <source>the seal was not applied</source>
        <translation>未加盖印章</translation>
    </message>
    <message>
        <source>the department that delivers (default: the owner's)</source>
        <translation>负责交付的部门（默认：负责人所在部门）</translation>
    </message>
    <message>
        <source>Record the signing: the contract becomes effective and copies go to legal, finance and delivery (§5.3).</source>
        <translation>登记签署：合同生效，副本分送法务、财务和交付部门（§5.3）。</translation>
    </message>
    <message>
        <source>Acknowledge receipt of your copy (§5.3.3).</source>
        <translation>确认收到合同副本（§5.3.3）。</translation>
    </message>
    <message>
        <source>what the milestone is (§5.4.1)</source>
        <translation>里程碑类型（§5.4.1）</translation>
    </message>
    <message>
        <source>due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>amount tied to it</source>
        <translation>对应金额</translation>
    </message>
    <message>
        <source>Add a milestone.</source>
        <translation>添加里程碑。</translation>
    </message>
    <message>
        <source>when it was done (default today)</source>
        <translation>完成日期（默认今天）</translation>
    </message>
    <message>
        <source>Mark a milestone done.</source>
        <translation>将里程碑标记为完成。</translation>
    </message>
    <message>
        <source>when the installment is due</source>
        <translation>本期到期日</translation>
    </message>
    <message>
        <source>installment amount; the plan may not exceed the contract amount</source>
        <translation>本期金额；回款计划合计不得超过合同金额</translation>
    </message>
    <message>
        <source>Add an installment to the receivable plan (回款计划, §5.4).</source>
        <translation>在回款计划中添加一期（§5.4）。</translation>
    </message>
    <message>
        <source>when the money arrived</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <source>amount received</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <source>the installment it pays</source>
        <translation>所对应的回款计划期次</translation>
    </message>
    <message>
        <source>bank transfer, cheque, …</source>
        <translation>银行转账、支票……</translation>
    </message>
    <message>
        <source>Record a payment received (回款记录, finance only).</source>
        <translation>登记回款记录（仅限财务）。</translation>
    </message>
    <message>
        <source>what kind of issue (§5.4.2)</source>
        <translation>问题类型（§5.4.2）</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Record an issue during execution.</source>
        <translation>登记合同履行中的问题。</translation>
    </message>
    <message>
        <source>the customer's satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>what they said</source>
        <translation>客户意见</translation>
    </message>
    <message>
        <source>Record customer satisfaction after acceptance (§5.4.3).</source>
        <translation>验收后登记客户满意度（§5.4.3）。</translation>
    </message>
    <message>
        <source>what the change agreement says (§5.5.2)</source>
        <translation>变更协议的内容（§5.5.2）</translation>
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
        <translation>新的合同金额</translation>
    </message>
    <message>
        <source>a clause the agreement rewrites</source>
        <translation>变更协议改写的条款</translation>
    </message>
    <message>
        <source>the clause's new text</source>
        <translation>条款的新内容</translation>
    </message>
    <message>
        <source>Record a change agreement: a new version of the contract (§5.5).</source>
        <translation>登记变更协议：生成合同的新版本（§5.5）。</translation>
    </message>
    <message>
        <source>why the contract ends early (§5.5.3)</source>
        <translation>提前终止的原因（§5.5.3）</translation>
    </message>
    <message>
        <source>when notice was given</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>the contract clause or law relied on</source>
        <translation>所依据的合同条款或法律</translation>
    </message>
    <message>
        <source>property returned, compensation (§5.5.4)</source>
        <translation>财产返还、赔偿金额（§5.5.4）</translation>
    </message>
    <message>
        <source>Terminate an effective contract.</source>
        <translation>终止已生效的合同。</translation>
    </message>
    <message>
        <source>needed when a director completes it before everything is done and settled</source>
        <translation>商务总监在未全部完成和结清前完成合同时须填写</translation>
    </message>
    <message>
        <source>Complete a contract whose milestones are done and receivables settled.</source>
        <translation>完成里程碑均已完成且已全部回款的合同。</translation>
    </message>
    <message>
        <source>archive number (§5.6.2)</source>
        <translation>档案编号（§5.6.2）</translation>
    </message>
    <message>
        <source>where the originals are kept</source>
        <translation>原件存放位置</translation>
    </message>
    <message>
        <source>archiving date (default today)</source>
        <translation>归档日期（默认今天）</translation>
    </message>
    <message>
        <source>Archive a completed or terminated contract; starts the retention period (§5.6).</source>
        <translation>将已完成或已终止的合同归档，并开始计算保存期限（§5.6）。</translation>
    </message>
    <message>
        <source>Destroy an archived contract after its retention period (director): metadata and history stay (§5.6.3).</source>
        <translation>保存期满后销毁已归档的合同（商务总监）：保留元数据和历史（§5.6.3）。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的保存位置</translation>
    </message>
    <message>
        <source>The printable contract approval sheet (合同审批单) with the review steps so far.</source>
        <translation>可打印的合同审批单，含截至目前的各审核环节。</translation>
    </message>
    <message>
        <source>out: the approval sheet is written as a .pdf file.</source>
        <translation>out：审批单只能输出为 .pdf 文件。</translation>
    </message>
    <message>
        <source>TEXT: give either the clause's text or --template TID, not both or neither.</source>
        <translation>TEXT：请给出条款文本或 --template TID，二者只能选其一。</translation>
    </message>
    <message>
        <source>write the text of legal's clause template TID instead of TEXT (§5.1.3)</source>
        <translation>以法务的条款模板 TID 的文本代替 TEXT 写入（§5.1.3）</translation>
    </message>
    <message>
        <source>only contracts this salesperson owns</source>
        <translation>仅列出该业务员负责的合同</translation>
    </message>
    <message>
        <source>only effective contracts ending within contract.renewal_notice_days</source>
        <translation>仅列出在 contract.renewal_notice_days 天内到期的生效合同</translation>
    </message>
    <message>
        <source>only effective contracts with overdue receivables</source>
        <translation>仅列出回款逾期的生效合同</translation>
    </message>
    <message>
        <source>the signed scan, attached in the same step</source>
        <translation>签署版扫描件，在同一步中作为附件保存</translation>
    </message>
    <message>
        <source>the signed change agreement, attached in the same step</source>
        <translation>已签署的变更协议，在同一步中作为附件保存</translation>
    </message>
    <message>
        <source>the clause it is for: obligations|specification|price|delivery|acceptance|payment|breach</source>
        <translation>所属条款：obligations|specification|price|delivery|acceptance|payment|breach</translation>
    </message>
    <message>
        <source>what the template is called, unique per clause</source>
        <translation>模板名称，同一条款内唯一</translation>
    </message>
    <message>
        <source>the standard wording</source>
        <translation>标准条款文本</translation>
    </message>
    <message>
        <source>Add a clause template (legal, §5.1.3).</source>
        <translation>新增条款模板（法务，§5.1.3）。</translation>
    </message>
    <message>
        <source>only this clause's templates</source>
        <translation>仅列出该条款的模板</translation>
    </message>
    <message>
        <source>Clause templates, by clause and name.</source>
        <translation>条款模板，按条款和名称排列。</translation>
    </message>
    <message>
        <source>Remove a clause template (legal); clauses written from it stay.</source>
        <translation>删除条款模板（法务）；已据此写入的条款保持不变。</translation>
    </message>
    <message>
        <source>what the file is (default document)</source>
        <translation>文件类型（默认 document）</translation>
    </message>
    <message>
        <source>Attach a file to a contract, stored with its SHA-256 (at most contract.attachment_max_mb).</source>
        <translation>为合同添加附件文件，连同其 SHA-256 一并保存（不超过 contract.attachment_max_mb）。</translation>
    </message>
    <message>
        <source>where to write the file</source>
        <translation>文件写入位置</translation>
    </message>
    <message>
        <source>Write an attachment to a file after checking it against its SHA-256.</source>
        <translation>校验 SHA-256 后将附件写入文件。</translation>
    </message>
    <message>
        <source>the customer the contract is made with (with --negotiation: its customer)</source>
        <translation>合同的签约客户（使用 --negotiation 时：谈判的客户）</translation>
    </message>
    <message>
        <source>what the contract is about (with --negotiation: its title)</source>
        <translation>合同内容（使用 --negotiation 时：谈判标题）</translation>
    </message>
    <message>
        <source>contract amount, at most two decimals (with --negotiation: the agreed amount)</source>
        <translation>合同金额，最多两位小数（使用 --negotiation 时：成交金额）</translation>
    </message>
    <message>
        <source>the consensus negotiation it comes from (§4.2.6): customer, title, amount and agreed terms are taken from it</source>
        <translation>来源的已达成共识谈判（§4.2.6）：客户、标题、金额和已谈定条款取自该谈判</translation>
    </message>
    <message>
        <source>only archived contracts past their retention period (§5.6.3), to destroy</source>
        <translation>只列出已超过保管期限、待销毁的归档合同（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>ContractCopy</name>
    <message>
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Delivery department</source>
        <translation>交付部门</translation>
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
        <translation>审核路线</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Drafter</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>修订版次</translation>
    </message>
    <message>
        <source>Contract version</source>
        <translation>合同版本</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签署</translation>
    </message>
    <message>
        <source>Clauses (§5.1.2)</source>
        <translation>合同条款（§5.1.2）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（未填写）</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>not yet acknowledged</source>
        <translation>尚未确认</translation>
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
        <translation>回款计划</translation>
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
        <translation>变更协议（§5.5）</translation>
    </message>
    <message>
        <source>Termination</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>kept until %1</source>
        <translation>保存至 %1</translation>
    </message>
    <message>
        <source>Changed since the returned revision:</source>
        <translation>自退回的版本以来已修改：</translation>
    </message>
    <message numerus="yes">
        <source>%n clause(s) changed since the revision reviewers returned; each shows what it said then.</source>
        <translation>
            <numerusform>自审核人退回的版本以来有 %n 条条款被修改；每条下方显示当时的文本。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContractLedger</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（人民币）</translation>
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
        <translation>合计</translation>
    </message>
    <message>
        <source>Contract ledger %1</source>
        <translation>合同台账 %1</translation>
    </message>
    <message>
        <source>Contracts signed from %1 to %2 · amounts in CNY · received and overdue as of %3 · §5.4, §5.6</source>
        <translation>%1 至 %2 签订的合同 · 金额以人民币计 · 回款与逾期截至 %3 · §5.4、§5.6</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s)</source>
        <translation>
            <numerusform>%n 份合同</numerusform>
        </translation>
    </message>
    <message>
        <source>No contract was signed in this period.</source>
        <translation>本期间没有签订合同。</translation>
    </message>
    <message>
        <source>Amounts in other currencies are converted at the rate finance kept on the drafting day (the amount in CNY the contract carries). Overdue: installments of the receivable plan past their due date and not yet received.</source>
        <translation>外币金额按起草当日财务维护的汇率折算（即合同记载的人民币金额）。逾期：回款计划中已过到期日且尚未回款的部分。</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>ContractPrinting</name>
    <message>
        <source>CNY equivalent %1 at finance's rate</source>
        <translation>按财务汇率折合人民币 %1</translation>
    </message>
    <message>
        <source>In words: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>on behalf of %1</source>
        <translation>代 %1</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Contract Approval Sheet</source>
        <translation>合同审批单</translation>
    </message>
    <message>
        <source>No. %1 · State: %2 · Revision %3 · §5.2, §5.3.1</source>
        <translation>编号 %1 · 状态：%2 · 第 %3 版 · §5.2、§5.3.1</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Drafter</source>
        <translation>起草人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Amount in CNY</source>
        <translation>折合人民币</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Review and approval</source>
        <translation>审核与审批</translation>
    </message>
    <message>
        <source>The contract is signed only after every step above has approved it (§5.3.1); reviewers' comments per clause are kept with the contract (§5.2).</source>
        <translation>上述各环节全部审批通过后方可签订合同（§5.3.1）；审核人员对各条款的意见随合同保存（§5.2）。</translation>
    </message>
</context>
<context>
    <name>ContractRepository</name>
    <message>
        <source>There is no contract #%1.</source>
        <translation>没有合同 #%1。</translation>
    </message>
    <message>
        <source>Contract %1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>合同 %1 已被他人修改；请重新加载后再试。</translation>
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
        <translation>currency：财务尚未设置 %1 的汇率；合同按人民币统计。</translation>
    </message>
    <message>
        <source>%1 may not "%2" %3.</source>
        <translation>%1 不能对%3执行“%2”。</translation>
    </message>
    <message>
        <source>our_signatory: there is no active person with the login "%1".</source>
        <translation>our_signatory：没有登录名为“%1”的在职人员。</translation>
    </message>
    <message>
        <source>our_signatory: %1 is not an authorised signatory (a director or executive, §5.3.1).</source>
        <translation>our_signatory：%1 不是授权签字人（须为商务总监或公司高层，§5.3.1）。</translation>
    </message>
    <message>
        <source>due: a due date (YYYY-MM-DD) is required.</source>
        <translation>due：须填写到期日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>There is no milestone #%1.</source>
        <translation>没有里程碑 #%1。</translation>
    </message>
    <message>
        <source>Milestone #%1 was already done on %2.</source>
        <translation>里程碑 #%1 已于 %2 完成。</translation>
    </message>
    <message>
        <source>date: the date the payment arrived is required.</source>
        <translation>date：须填写回款到账日期。</translation>
    </message>
    <message>
        <source>receivable: contract %1 has no installment #%2.</source>
        <translation>receivable：合同 %1 没有第 #%2 期回款计划。</translation>
    </message>
    <message>
        <source>amount: installment #%1 has only %2 outstanding (§5.4).</source>
        <translation>amount：第 #%1 期仅剩 %2 未回款（§5.4）。</translation>
    </message>
    <message>
        <source>kind: "%1" is not one of %2 (§5.4.2).</source>
        <translation>kind：“%1”不是 %2 之一（§5.4.2）。</translation>
    </message>
    <message>
        <source>Satisfaction is collected after acceptance (§5.4.3); no acceptance milestone is done yet.</source>
        <translation>客户满意度须在验收后收集（§5.4.3）；尚无已完成的验收里程碑。</translation>
    </message>
    <message>
        <source>content: the change agreement changes neither a clause nor the amount (§5.5.1).</source>
        <translation>content：该变更协议既未变更条款也未变更金额（§5.5.1）。</translation>
    </message>
    <message>
        <source>%1 still has %2 open milestone(s) and %3 outstanding; it is completed when everything is done and settled, or by a director with a reason.</source>
        <translation>%1 还有 %2 个未完成的里程碑和 %3 未回款；须全部完成并结清后才能完成，或由商务总监说明原因后完成。</translation>
    </message>
    <message>
        <source>reason: completing a contract that is not yet done and settled needs a reason.</source>
        <translation>reason：完成尚未全部完成和结清的合同须说明原因。</translation>
    </message>
    <message>
        <source>%1 is kept until %2 (§5.6.3); it cannot be destroyed before.</source>
        <translation>%1 须保存至 %2（§5.6.3），在此之前不能销毁。</translation>
    </message>
    <message>
        <source>owner: there is no person with the login "%1".</source>
        <translation>owner：没有登录名为“%1”的人员。</translation>
    </message>
    <message>
        <source>owner: there is no active person #%1.</source>
        <translation>owner：没有在职人员 #%1。</translation>
    </message>
    <message>
        <source>Only finance keeps exchange rates.</source>
        <translation>只有财务可以维护汇率。</translation>
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
        <translation>法务审核</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>财务审核</translation>
    </message>
    <message>
        <source>Leadership approval</source>
        <translation>领导审批</translation>
    </message>
    <message>
        <source>Executive approval</source>
        <translation>总经理审批</translation>
    </message>
    <message>
        <source>Approved, to be signed</source>
        <translation>已批准，待签署</translation>
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
        <translation>已终止</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Destroyed</source>
        <translation>已销毁</translation>
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
        <translation>审核合同 %1（%2）</translation>
    </message>
    <message>
        <source>Acknowledge your copy of contract %1</source>
        <translation>确认收到合同 %1 的副本</translation>
    </message>
    <message>
        <source>Milestone of contract %1 is overdue</source>
        <translation>合同 %1 的里程碑已逾期</translation>
    </message>
    <message>
        <source>Contract %1 ends on %2: renew or close it</source>
        <translation>合同 %1 将于 %2 到期：请续签或结束</translation>
    </message>
    <message>
        <source>Retention of contract %1 has ended (§5.6.3)</source>
        <translation>合同 %1 的保存期限已满（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>CustomerAudit</name>
    <message>
        <source>Customer added</source>
        <translation>已新建客户</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>客户资料已修改</translation>
    </message>
    <message>
        <source>Owner assigned</source>
        <translation>已分配负责人</translation>
    </message>
    <message>
        <source>Claimed from the shared pool</source>
        <translation>从公共客户池领取</translation>
    </message>
    <message>
        <source>Released to the shared pool</source>
        <translation>已释放到公共客户池</translation>
    </message>
    <message>
        <source>Returned to the pool (not followed up)</source>
        <translation>未跟进，已退回公共客户池</translation>
    </message>
    <message>
        <source>Pipeline stage changed</source>
        <translation>开发阶段已变更</translation>
    </message>
    <message>
        <source>Contact recorded</source>
        <translation>已记录沟通</translation>
    </message>
    <message>
        <source>Contact person added</source>
        <translation>已添加联系人</translation>
    </message>
    <message>
        <source>Complaint handled</source>
        <translation>投诉已处理</translation>
    </message>
    <message>
        <source>Win-back plan made</source>
        <translation>已制定挽回计划</translation>
    </message>
    <message>
        <source>Win-back result recorded</source>
        <translation>已记录挽回结果</translation>
    </message>
    <message>
        <source>Customers exported</source>
        <translation>已导出客户</translation>
    </message>
    <message>
        <source>Customers imported</source>
        <translation>已导入客户</translation>
    </message>
    <message>
        <source>Customer event planned</source>
        <translation>已策划客户活动</translation>
    </message>
    <message>
        <source>Customer invited to an event</source>
        <translation>已邀请客户参加活动</translation>
    </message>
    <message>
        <source>Market research recorded</source>
        <translation>已记录市场调研</translation>
    </message>
    <message>
        <source>Customer segment added</source>
        <translation>已添加客户细分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Kind of contact</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Reason lost</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Hours to resolve</source>
        <translation>处理用时（小时）</translation>
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
        <translation>流失风险分</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Days without follow-up</source>
        <translation>未跟进天数</translation>
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
        <translation>没有客户。</translation>
    </message>
    <message>
        <source>--status: use in_progress or resolved, not "%1".</source>
        <translation>--status：请使用 in_progress 或 resolved，而不是“%1”。</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>classification (§3.2.2)</source>
        <translation>客户类别（§3.2.2）</translation>
    </message>
    <message>
        <source>source channel (§3.1.3)</source>
        <translation>来源渠道（§3.1.3）</translation>
    </message>
    <message>
        <source>industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>owner (default: you; "pool" for the shared pool)</source>
        <translation>负责人（默认为本人；“pool”表示放入公海）</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>first contact person</source>
        <translation>首位联系人</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>add even when name, phone or e-mail match a customer</source>
        <translation>即使名称、电话或邮箱与已有客户相同也添加</translation>
    </message>
    <message>
        <source>Add a customer to the archive (§3.2.1).</source>
        <translation>将客户加入客户档案（§3.2.1）。</translation>
    </message>
    <message>
        <source>headcount band</source>
        <translation>人数规模</translation>
    </message>
    <message>
        <source>website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>target segment (§3.1.2); "-" for none</source>
        <translation>目标客户群（§3.1.2）；“-”表示不属于任何客户群</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Change a customer's archive fields (§3.2.1); options not given stay as they are.</source>
        <translation>修改客户档案字段（§3.2.1）；未给出的选项保持不变。</translation>
    </message>
    <message>
        <source>Show a customer with contacts, contact log and stage history.</source>
        <translation>显示客户及其联系人、沟通记录和阶段历史。</translation>
    </message>
    <message>
        <source>key, general or potential</source>
        <translation>key（重点）、general（一般）或 potential（潜在）</translation>
    </message>
    <message>
        <source>pipeline stage</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>only the shared pool</source>
        <translation>仅公海客户</translation>
    </message>
    <message>
        <source>substring search</source>
        <translation>子串搜索</translation>
    </message>
    <message>
        <source>at most N rows (default 50)</source>
        <translation>最多 N 行（默认 50）</translation>
    </message>
    <message>
        <source>List the customers you may see, sorted by name.</source>
        <translation>按名称列出您可查看的客户。</translation>
    </message>
    <message>
        <source>Substring search over names, contacts, phones, e-mail, address, industry and notes (Chinese included).</source>
        <translation>在名称、联系人、电话、邮箱、地址、行业和备注中进行子串搜索（支持中文）。</translation>
    </message>
    <message>
        <source>why the customer was lost (required for lost)</source>
        <translation>客户流失原因（标记为流失时必填）</translation>
    </message>
    <message>
        <source>Move a customer one pipeline step (§3.1.4): lead, contacted, needs_analysis, demo_negotiation, won, lost.</source>
        <translation>将客户推进一个开发阶段（§3.1.4）：lead、contacted、needs_analysis、demo_negotiation、won、lost。</translation>
    </message>
    <message>
        <source>kind of contact</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>what was discussed (required)</source>
        <translation>沟通内容（必填）</translation>
    </message>
    <message>
        <source>when (default: now)</source>
        <translation>时间（默认为现在）</translation>
    </message>
    <message>
        <source>next follow-up date (appears in My Tasks)</source>
        <translation>下次跟进日期（显示在“我的任务”中）</translation>
    </message>
    <message>
        <source>Record a contact with a customer (§3.2.3).</source>
        <translation>记录一次客户沟通（§3.2.3）。</translation>
    </message>
    <message>
        <source>new status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>how it was resolved (required for resolved)</source>
        <translation>处理结果（解决时必填）</translation>
    </message>
    <message>
        <source>Move a complaint on: open → in_progress → resolved (§3.2.3).</source>
        <translation>推进投诉处理：open（待处理）→ in_progress（处理中）→ resolved（已解决）（§3.2.3）。</translation>
    </message>
    <message>
        <source>contact person's name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Add a contact person to a customer.</source>
        <translation>为客户添加联系人。</translation>
    </message>
    <message>
        <source>CSV encoding (default: detected)</source>
        <translation>CSV 编码（默认自动识别）</translation>
    </message>
    <message>
        <source>report what would happen, write nothing</source>
        <translation>仅报告将会发生的情况，不写入任何数据</translation>
    </message>
    <message>
        <source>Export the customers you may see to .csv (UTF-8 with BOM) or .xlsx.</source>
        <translation>将您可查看的客户导出为 .csv（带 BOM 的 UTF-8）或 .xlsx。</translation>
    </message>
    <message>
        <source>at most N customers (default 50)</source>
        <translation>最多 N 个客户（默认 50）</translation>
    </message>
    <message>
        <source>At-risk customers ranked by churn score, each with its reasons (§3.2.4).</source>
        <translation>按流失风险分数排列的高风险客户及其原因（§3.2.4）。</translation>
    </message>
    <message>
        <source>No customer is at risk.</source>
        <translation>没有存在流失风险的客户。</translation>
    </message>
    <message>
        <source>why the customer is at risk</source>
        <translation>客户存在流失风险的原因</translation>
    </message>
    <message>
        <source>win-back measures (discount, service improvement, more contact)</source>
        <translation>挽回措施（折扣、改进服务、加强联系）</translation>
    </message>
    <message>
        <source>Record the cause and win-back measures for an at-risk customer (§3.2.4).</source>
        <translation>为有流失风险的客户记录原因和挽回措施（§3.2.4）。</translation>
    </message>
    <message>
        <source>the outcome</source>
        <translation>挽回结果</translation>
    </message>
    <message>
        <source>what happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>Record the result of a win-back (§3.2.4).</source>
        <translation>记录挽回结果（§3.2.4）。</translation>
    </message>
    <message>
        <source>--result: use won_back or lost, not "%1".</source>
        <translation>--result：请使用 won_back 或 lost，而不是“%1”。</translation>
    </message>
    <message>
        <source>only this customer</source>
        <translation>仅此客户</translation>
    </message>
    <message>
        <source>List win-back records and the success rate (§3.2.4).</source>
        <translation>列出挽回记录及挽回成功率（§3.2.4）。</translation>
    </message>
    <message>
        <source>Take a customer from the shared pool.</source>
        <translation>从公海领取客户。</translation>
    </message>
    <message>
        <source>Give a customer to another owner (managers).</source>
        <translation>将客户分配给其他负责人（经理）。</translation>
    </message>
    <message>
        <source>Put a customer back into the shared pool.</source>
        <translation>将客户退回公海。</translation>
    </message>
    <message>
        <source>List the shared pool.</source>
        <translation>列出公海客户。</translation>
    </message>
    <message>
        <source>Return customers not followed for customer.pool_return_days to the shared pool.</source>
        <translation>将超过 customer.pool_return_days 天未跟进的客户退回公海。</translation>
    </message>
    <message>
        <source>what the group has in common</source>
        <translation>该客户群的共同特征</translation>
    </message>
    <message>
        <source>how we approach it</source>
        <translation>针对该客户群的策略</translation>
    </message>
    <message>
        <source>Define a target segment (§3.1.2).</source>
        <translation>定义目标客户群（§3.1.2）。</translation>
    </message>
    <message>
        <source>List target segments.</source>
        <translation>列出目标客户群。</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>date of the study</source>
        <translation>调研日期</translation>
    </message>
    <message>
        <source>findings</source>
        <translation>调研结论</translation>
    </message>
    <message>
        <source>competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Record a market research study (§3.1.1).</source>
        <translation>记录一次市场调研（§3.1.1）。</translation>
    </message>
    <message>
        <source>List market research records.</source>
        <translation>列出市场调研记录。</translation>
    </message>
    <message>
        <source>appreciation event or training session</source>
        <translation>客户答谢活动或培训</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>date of the event</source>
        <translation>活动日期</translation>
    </message>
    <message>
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Plan a customer event (§3.2.3).</source>
        <translation>安排客户活动（§3.2.3）。</translation>
    </message>
    <message>
        <source>Invite a customer to an event.</source>
        <translation>邀请客户参加活动。</translation>
    </message>
    <message>
        <source>List customer events with the invited customers.</source>
        <translation>列出客户活动及受邀客户。</translation>
    </message>
    <message>
        <source>the version you last saw; refused with exit 4 when the record changed since</source>
        <translation>您上次看到的版本；若记录其后已被修改，则拒绝执行（退出码 4）</translation>
    </message>
    <message>
        <source>Who you may make a customer's owner with add --owner or assign (§3.2.1).</source>
        <translation>列出您可通过 add --owner 或 assign 指定为客户负责人的人员（§3.2.1）。</translation>
    </message>
    <message>
        <source>update customers matched by customer code (else exact name) instead of refusing them as duplicates</source>
        <translation>按客户编码（否则按完全相同的名称）匹配并更新已有客户，而不是作为重复拒绝</translation>
    </message>
    <message>
        <source>Import customers from CSV (GB18030 or UTF-8) or .xlsx; one transaction. Reports imported, updated, rejected lines and ignored_columns (the columns not imported); a value that cannot be mapped rejects its line.</source>
        <translation>从 CSV（GB18030 或 UTF-8）或 .xlsx 导入客户，整个导入为一个事务。报告导入数、更新数、被拒绝的行以及 ignored_columns（未导入的列）；无法对应的值会使该行被拒绝。</translation>
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
            <numerusform>联系已逾期：该类别客户的联系周期为每 %n 天（§3.2.2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 个未解决投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户群</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系时间</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>No contact persons yet.</source>
        <translation>还没有联系人。</translation>
    </message>
    <message>
        <source>Contact log</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>No contact recorded yet.</source>
        <translation>还没有沟通记录。</translation>
    </message>
    <message>
        <source>Next follow-up: %1</source>
        <translation>下次跟进：%1</translation>
    </message>
    <message>
        <source>Customer events</source>
        <translation>客户活动</translation>
    </message>
    <message>
        <source>Training session</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Appreciation event</source>
        <translation>答谢活动</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段历史</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer &amp;name: *</source>
        <translation>客户名称(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Short name:</source>
        <translation>简称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>客户类别(&amp;C)：</translation>
    </message>
    <message>
        <source>Source c&amp;hannel:</source>
        <translation>来源渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>行业(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>010-62345678</source>
        <translation>010-62345678</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮件(&amp;E)：</translation>
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
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责人(&amp;O)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>Target se&amp;gment:</source>
        <translation>目标客户群(&amp;G)：</translation>
    </message>
</context>
<context>
    <name>CustomerImport</name>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>FILE: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <source>encoding: use auto, utf-8 or gb18030, not "%1".</source>
        <translation>编码：请使用 auto、utf-8 或 gb18030，而不是“%1”。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>文件 %1 不存在。</translation>
    </message>
    <message>
        <source>FILE: no column holds the customer name (客户名称 / 客戶名稱 / Name).</source>
        <translation>文件：没有任何一列是客户名称（客户名称 / 客戶名稱 / Name）。</translation>
    </message>
    <message>
        <source>duplicate: the name "%1" appears earlier in the file</source>
        <translation>重复：名称“%1”在文件前面已出现</translation>
    </message>
    <message>
        <source>duplicate: the phone %1 appears earlier in the file</source>
        <translation>重复：电话 %1 在文件前面已出现</translation>
    </message>
    <message>
        <source>duplicate: the e-mail %1 appears earlier in the file</source>
        <translation>重复：邮箱 %1 在文件前面已出现</translation>
    </message>
    <message>
        <source>duplicate: same %1 as customer #%2 "%3"</source>
        <translation>重复：与客户 #%2“%3”的 %1 相同</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编码</translation>
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
        <translation>区</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系时间</translation>
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
        <translation>重复：客户编码 %1 在文件前面已出现</translation>
    </message>
    <message>
        <source>duplicate: same %1 as customer #%2 "%3" (import with update to refresh it)</source>
        <translation>重复：%1与客户 #%2“%3”相同（勾选“更新”再导入即可刷新该客户）</translation>
    </message>
</context>
<context>
    <name>CustomerImportDialog</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Check the column mapping in the first row of the preview; rows with errors or duplicates are reported and skipped.</source>
        <translation>请在预览第一行核对列对应关系；有错误或重复的行会被列出并跳过。</translation>
    </message>
    <message>
        <source>&amp;Check (dry run)</source>
        <translation>检查(&amp;C)（试运行）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Some values name no known class, channel or stage. Choose what each stands for; the choice applies to every row with that value. Rows left unmapped are rejected.</source>
        <translation>有些值不是已知的客户类别、来源渠道或阶段。请为每个值选择对应项，所选对应适用于含该值的所有行；未对应的行将被拒绝。</translation>
    </message>
    <message>
        <source>&amp;Update customers already in the archive (matched by customer code, else by exact name) instead of rejecting them as duplicates</source>
        <translation>更新档案中已有的客户（按客户编码匹配，否则按完全相同的名称），而不是作为重复拒绝(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Key customer</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>General customer</source>
        <translation>一般客户</translation>
    </message>
    <message>
        <source>Potential customer</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网络渠道</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>电话营销</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>展会/研讨会</translation>
    </message>
    <message>
        <source>Partner referral</source>
        <translation>合作伙伴推荐</translation>
    </message>
    <message>
        <source>Customer referral</source>
        <translation>客户推荐</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>线索收集</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>初步接触</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析与方案</translation>
    </message>
    <message>
        <source>Demo &amp; negotiation</source>
        <translation>产品演示与谈判</translation>
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
        <translation>拜访</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>%1: unknown %2 "%3" (accepted: %4).</source>
        <translation>%1：未知的%2“%3”（可用值：%4）。</translation>
    </message>
    <message>
        <source>class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>contact kind</source>
        <translation>沟通方式</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>name: the customer name is required (§3.2.1).</source>
        <translation>name：客户名称为必填项（§3.2.1）。</translation>
    </message>
    <message>
        <source>reason: a lost customer needs a reason (§3.1.4).</source>
        <translation>reason：标记客户流失必须填写原因（§3.1.4）。</translation>
    </message>
    <message>
        <source>The customer is already in stage "%1" (§3.1.4).</source>
        <translation>客户已处于“%1”阶段（§3.1.4）。</translation>
    </message>
    <message>
        <source>Only an open customer can be marked lost; this one is "%1" (§3.1.4).</source>
        <translation>只有开发中的客户可以标记为流失；该客户处于“%1”（§3.1.4）。</translation>
    </message>
    <message>
        <source>A lost customer can only reopen as a lead (§3.1.4).</source>
        <translation>流失客户只能重新作为线索开始（§3.1.4）。</translation>
    </message>
    <message>
        <source>The customer is already won; the pipeline is finished (§3.1.4).</source>
        <translation>客户已成交，开发流程已结束（§3.1.4）。</translation>
    </message>
    <message>
        <source>The pipeline moves one step at a time: from "%1" the next stage is "%2", not "%3" (§3.1.4).</source>
        <translation>开发流程须逐步推进：“%1”的下一阶段是“%2”，而不是“%3”（§3.1.4）。</translation>
    </message>
    <message>
        <source>no contact for %1 days, interval %2</source>
        <translation>已 %1 天未联系，联系周期 %2 天</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 个未解决投诉</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>近 90 天内 %n 次投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>contract value down %1% on the previous 12 months</source>
        <translation>合同金额较前 12 个月下降 %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s) ending soon without renewal</source>
        <translation>
            <numerusform>%n 份合同即将到期且未续约</numerusform>
        </translation>
    </message>
    <message>
        <source>stalled in stage "%1" for %2 days</source>
        <translation>在“%1”阶段停滞 %2 天</translation>
    </message>
    <message>
        <source>Follow up %1</source>
        <translation>跟进 %1</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>联系 %1</translation>
    </message>
    <message>
        <source>Customer #%1 belongs to someone outside your responsibility.</source>
        <translation>客户 #%1 不在您的负责范围内。</translation>
    </message>
    <message>
        <source>Customer #%1 is not yours; ask its owner or your manager.</source>
        <translation>客户 #%1 不属于您；请联系其负责人或您的经理。</translation>
    </message>
    <message>
        <source>Customer #%1 is in the shared pool; claim it first.</source>
        <translation>客户 #%1 在公海中，请先领取。</translation>
    </message>
    <message>
        <source>owner: %1 is disabled.</source>
        <translation>owner：%1 已停用。</translation>
    </message>
    <message>
        <source>Only managers may give a customer to someone else or to the pool.</source>
        <translation>只有经理可以将客户分配给他人或放入公海。</translation>
    </message>
    <message>
        <source>%1: possible duplicate of customer #%2 "%3" (same %1).</source>
        <translation>%1：可能与客户 #%2“%3”重复（%1 相同）。</translation>
    </message>
    <message>
        <source>note: every contact record needs a note (§3.2.3).</source>
        <translation>note：每条沟通记录都必须填写内容（§3.2.3）。</translation>
    </message>
    <message>
        <source>at: a contact cannot be recorded in the future.</source>
        <translation>at：不能记录未来时间的沟通。</translation>
    </message>
    <message>
        <source>next: the follow-up date is before the contact.</source>
        <translation>next：跟进日期早于沟通日期。</translation>
    </message>
    <message>
        <source>There is no complaint #%1.</source>
        <translation>投诉 #%1 不存在。</translation>
    </message>
    <message>
        <source>status: a complaint moves on to in_progress or resolved.</source>
        <translation>status：投诉只能推进到 in_progress（处理中）或 resolved（已解决）。</translation>
    </message>
    <message>
        <source>resolution: say how the complaint was resolved (§3.2.3).</source>
        <translation>resolution：请说明投诉的处理结果（§3.2.3）。</translation>
    </message>
    <message>
        <source>contact_name: the contact person's name is required.</source>
        <translation>contact_name：联系人姓名为必填项。</translation>
    </message>
    <message>
        <source>Customer #%1 is not in the shared pool; it already has an owner.</source>
        <translation>客户 #%1 不在公海中，已有负责人。</translation>
    </message>
    <message>
        <source>A manager assigns customers within the own department only.</source>
        <translation>经理只能在本部门内分配客户。</translation>
    </message>
    <message>
        <source>Customer #%1 is already in the shared pool.</source>
        <translation>客户 #%1 已在公海中。</translation>
    </message>
    <message>
        <source>cause: say why the customer is at risk (§3.2.4).</source>
        <translation>cause：请说明客户存在流失风险的原因（§3.2.4）。</translation>
    </message>
    <message>
        <source>measures: say what will win the customer back, e.g. discount, better service, more contact (§3.2.4).</source>
        <translation>measures：请说明挽回措施，例如折扣、改进服务、加强联系（§3.2.4）。</translation>
    </message>
    <message>
        <source>Win-back record #%1 already has its result.</source>
        <translation>挽回记录 #%1 已有结果。</translation>
    </message>
    <message>
        <source>name: a target segment needs a name (§3.1.2).</source>
        <translation>name：目标客户群必须有名称（§3.1.2）。</translation>
    </message>
    <message>
        <source>There is no target segment "%1".</source>
        <translation>目标客户群“%1”不存在。</translation>
    </message>
    <message>
        <source>topic: a market research record needs a topic (§3.1.1).</source>
        <translation>topic：市场调研记录必须有主题（§3.1.1）。</translation>
    </message>
    <message>
        <source>date: give the date of the research.</source>
        <translation>date：请填写调研日期。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Customer #%1 was changed by someone else; reload and try again.</source>
        <translation>客户 #%1 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>There is no customer #%1.</source>
        <translation>客户 #%1 不存在。</translation>
    </message>
    <message>
        <source>Complaint #%1 was changed by someone else; reload and try again.</source>
        <translation>投诉 #%1 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>There is no win-back record #%1.</source>
        <translation>挽回记录 #%1 不存在。</translation>
    </message>
    <message>
        <source>Win-back record #%1 was changed by someone else; reload and try again.</source>
        <translation>挽回记录 #%1 已被他人修改，请刷新后重试。</translation>
    </message>
    <message>
        <source>kind: a customer event is an appreciation event or a training session (appreciation, training), not "%1".</source>
        <translation>kind：客户活动是答谢活动或培训（appreciation、training），而不是“%1”。</translation>
    </message>
    <message>
        <source>title: a customer event needs a title.</source>
        <translation>title：客户活动必须有标题。</translation>
    </message>
    <message>
        <source>date: give the date of the event.</source>
        <translation>date：请填写活动日期。</translation>
    </message>
    <message>
        <source>There is no customer event #%1.</source>
        <translation>客户活动 #%1 不存在。</translation>
    </message>
    <message>
        <source>Customer #%1 is already invited to event #%2.</source>
        <translation>客户 #%1 已受邀参加活动 #%2。</translation>
    </message>
    <message>
        <source>%1 · no contact for %2 days, interval %3</source>
        <translation>%1 · 已 %2 天未联系，联系周期 %3 天</translation>
    </message>
    <message>
        <source>name: there is already a target segment "%1" (§3.1.2).</source>
        <translation>名称：目标客户群“%1”已存在（§3.1.2）。</translation>
    </message>
    <message>
        <source>Customer #%1</source>
        <translation>客户 #%1</translation>
    </message>
    <message>
        <source>owner: %1 does not work with customers; owners are specialists, managers or directors.</source>
        <translation>owner：%1 不负责客户工作；负责人须为商务专员、商务经理或商务总监。</translation>
    </message>
    <message>
        <source>Complaint #%1</source>
        <translation>投诉 #%1</translation>
    </message>
    <message>
        <source>Win-back record #%1</source>
        <translation>挽回记录 #%1</translation>
    </message>
    <message>
        <source>customer: there is no customer #%1.</source>
        <translation>customer：不存在客户 #%1。</translation>
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
        <translation>owner：没有登录名或姓名为“%1”的用户。</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>%1 is already resolved (§3.2.3).</source>
        <translation>%1 已解决（§3.2.3）。</translation>
    </message>
    <message>
        <source>%1 is already in progress (§3.2.3).</source>
        <translation>%1 已在处理中（§3.2.3）。</translation>
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
        <translation>商务应酬申请</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>谈判</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This record already exists (%1).</source>
        <translation>该记录已存在（%1）。</translation>
    </message>
    <message>
        <source>The database is busy with another change; nothing was written. Please try again.</source>
        <translation>数据库正忙于其他更改；未写入任何内容。请重试。</translation>
    </message>
    <message>
        <source>The database reported an error: %1</source>
        <translation>数据库报告错误：%1</translation>
    </message>
    <message>
        <source>A part of this change failed; nothing was saved.</source>
        <translation>此次更改的一部分失败；未保存任何内容。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>There is no database at %1. Create one with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation>%1 处没有数据库。请用“bizdeskctl init”创建，或启动 BizDesk 进行设置。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2 (is the folder read-only?)</source>
        <translation>无法创建 %1：%2（文件夹是否只读？）</translation>
    </message>
    <message>
        <source>%1 is not a BizDesk database (not an SQLite file); it was left untouched.</source>
        <translation>%1 不是 BizDesk 数据库（不是 SQLite 文件）；未做任何改动。</translation>
    </message>
    <message>
        <source>%1 cannot be read (permissions).</source>
        <translation>无法读取 %1（权限不足）。</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a BizDesk database (%2); it was left untouched.</source>
        <translation>%1 不是 BizDesk 数据库（%2）；未做任何改动。</translation>
    </message>
    <message>
        <source>%1 holds data that is not a BizDesk database; it was left untouched.</source>
        <translation>%1 中的数据不是 BizDesk 数据库；未做任何改动。</translation>
    </message>
    <message>
        <source>%1 was written by a newer BizDesk (schema %2; this program knows up to %3). Update BizDesk; the database was left untouched.</source>
        <translation>%1 由更新版本的 BizDesk 写入（数据结构 %2；本程序最高支持 %3）。请升级 BizDesk；数据库未做任何改动。</translation>
    </message>
    <message>
        <source>%1 is not set up yet. Create it with "bizdeskctl init" or start BizDesk to set it up.</source>
        <translation>%1 尚未初始化。请用“bizdeskctl init”创建，或启动 BizDesk 进行设置。</translation>
    </message>
    <message>
        <source>%1 uses an older schema (%2 &lt; %3). Run "bizdeskctl migrate" or open it in BizDesk to upgrade it (a backup is made first).</source>
        <translation>%1 使用旧版数据结构（%2 &lt; %3）。请运行“bizdeskctl migrate”或在 BizDesk 中打开以升级（升级前会先备份）。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full; nothing was saved. Free some space on it and try again.</source>
        <translation>存放 %1 的磁盘已满，未保存任何内容。请清理出一些空间后重试。</translation>
    </message>
</context>
<context>
    <name>DatabaseBackup</name>
    <message>
        <source>%1 already exists; choose a new file name (nothing was overwritten).</source>
        <translation>%1 已存在；请另选文件名（未覆盖任何内容）。</translation>
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation>无法写入文件夹 %1。</translation>
    </message>
    <message>
        <source>The backup file %1 does not exist.</source>
        <translation>备份文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The backup %1 is damaged; nothing was restored.</source>
        <translation>备份 %1 已损坏；未恢复任何内容。</translation>
    </message>
    <message>
        <source>%1 is not empty; restore only into a new file or an empty database.</source>
        <translation>%1 不是空的；只能恢复到新文件或空数据库。</translation>
    </message>
</context>
<context>
    <name>DatabaseLocation</name>
    <message>
        <source>The database location is empty.</source>
        <translation>数据库位置为空。</translation>
    </message>
    <message>
        <source>"%1" is not a valid PostgreSQL location; expected postgresql://user[:password]@host[:port]/dbname.</source>
        <translation>“%1”不是有效的 PostgreSQL 地址；应为 postgresql://用户[:密码]@主机[:端口]/数据库名。</translation>
    </message>
</context>
<context>
    <name>DatabaseMaintenance</name>
    <message>
        <source>%1 is already initialised; nothing was changed.</source>
        <translation>%1 已经初始化；未做任何改动。</translation>
    </message>
    <message>
        <source>%1: the backup file %2 does not exist.</source>
        <translation>%1：备份文件 %2 不存在。</translation>
    </message>
</context>
<context>
    <name>DatabasePasswordDialog</name>
    <message>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember it in the desktop keyring (never in a file)</source>
        <translation>记在桌面密钥环中(&amp;R)（绝不写入文件）</translation>
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
    <name>DemoData</name>
    <message>
        <source>Unknown demo language %1; use one of: %2.</source>
        <translation>未知的演示数据语言 %1；可选：%2。</translation>
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
    <name>DocumentRenderer</name>
    <message>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <source>page %1 / %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <source>out: cannot write %1 (%2).</source>
        <translation>out：无法写入 %1（%2）。</translation>
    </message>
    <message>
        <source>Tel. %1</source>
        <translation>电话：%1</translation>
    </message>
</context>
<context>
    <name>EntertainmentAudit</name>
    <message>
        <source>Entertainment application filled in</source>
        <translation>填写应酬申请</translation>
    </message>
    <message>
        <source>Entertainment draft changed</source>
        <translation>修改应酬草稿</translation>
    </message>
    <message>
        <source>Submitted for approval</source>
        <translation>提交审批</translation>
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
        <translation>已驳回</translation>
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
        <translation>申请报销</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>已报销</translation>
    </message>
    <message>
        <source>Claim returned for correction</source>
        <translation>报销退回修改</translation>
    </message>
    <message>
        <source>Claim refused</source>
        <translation>报销被拒</translation>
    </message>
    <message>
        <source>Receipt attached</source>
        <translation>添加票据</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>应酬事由</translation>
    </message>
    <message>
        <source>Company staff</source>
        <translation>公司人员</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>来宾</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>规模</translation>
    </message>
</context>
<context>
    <name>EntertainmentCommands</name>
    <message>
        <source>comment recorded with the decision</source>
        <translation>随审批决定记录的意见</translation>
    </message>
    <message>
        <source>kind of event (§6.2)</source>
        <translation>应酬类别（§6.2）</translation>
    </message>
    <message>
        <source>why the entertainment is needed</source>
        <translation>应酬事由</translation>
    </message>
    <message>
        <source>local date and time, e.g. 2026-12-01T18:30</source>
        <translation>本地日期和时间，例如 2026-12-01T18:30</translation>
    </message>
    <message>
        <source>where it takes place</source>
        <translation>应酬地点</translation>
    </message>
    <message>
        <source>number of people, at least 1</source>
        <translation>人数，至少 1 人</translation>
    </message>
    <message>
        <source>estimated cost in yuan</source>
        <translation>预计费用（元）</translation>
    </message>
    <message>
        <source>the customer entertained</source>
        <translation>接待的客户</translation>
    </message>
    <message>
        <source>why the monthly budget may be exceeded (§6.1)</source>
        <translation>超出月度预算的说明（§6.1）</translation>
    </message>
    <message>
        <source>Fill in a 商務應酬申請表 as a draft (§6.3.1).</source>
        <translation>填写商务应酬申请表并保存为草稿（§6.3.1）。</translation>
    </message>
    <message>
        <source>--customer: "%1" is not a customer id.</source>
        <translation>--customer：“%1”不是客户编号。</translation>
    </message>
    <message>
        <source>Submit a draft for approval (§6.3.2).</source>
        <translation>提交草稿进入审批（§6.3.2）。</translation>
    </message>
    <message>
        <source>Approve the current step; in pending_finance_review: reimburse the claim (finance).</source>
        <translation>审批通过当前环节；处于 pending_finance_review 时：财务核准报销。</translation>
    </message>
    <message>
        <source>Return to the applicant (application → draft; claim → approved, to be filed again).</source>
        <translation>退回申请人（申请 → 草稿；报销 → 已批准，重新报销）。</translation>
    </message>
    <message>
        <source>Reject (application → rejected; claim → claim_refused).</source>
        <translation>驳回（申请 → 已驳回；报销 → 报销被拒）。</translation>
    </message>
    <message>
        <source>Withdraw your request before it is approved.</source>
        <translation>在批准前撤回自己的申请。</translation>
    </message>
    <message>
        <source>Cancel your approved event.</source>
        <translation>取消已批准的应酬。</translation>
    </message>
    <message>
        <source>actual cost in yuan</source>
        <translation>实际费用（元）</translation>
    </message>
    <message>
        <source>number of receipts</source>
        <translation>票据张数</translation>
    </message>
    <message>
        <source>needed when the actual cost exceeds the estimate (§6.4.3)</source>
        <translation>实际费用超出预计时必须填写（§6.4.3）</translation>
    </message>
    <message>
        <source>File the claim after the event (§6.4).</source>
        <translation>应酬结束后申请报销（§6.4）。</translation>
    </message>
    <message>
        <source>Attach a scanned receipt (PDF, JPEG or PNG) to the claim (§6.4.1).</source>
        <translation>为报销附上票据扫描件（PDF、JPEG 或 PNG）（§6.4.1）。</translation>
    </message>
    <message>
        <source>FILE: cannot read %1 (%2).</source>
        <translation>FILE：无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的保存位置</translation>
    </message>
    <message>
        <source>The printable 商務應酬申請表 with the approvals so far.</source>
        <translation>可打印的商务应酬申请表（含目前的审批签字）。</translation>
    </message>
    <message>
        <source>out: the form is written as a .pdf file.</source>
        <translation>out：申请表只能保存为 .pdf 文件。</translation>
    </message>
    <message>
        <source>A request with its flags, route and history.</source>
        <translation>显示申请及其标记、审批路线和历史。</translation>
    </message>
    <message>
        <source>only requests in this state</source>
        <translation>只显示该状态的申请</translation>
    </message>
    <message>
        <source>only what you (or whoever delegated to you) can decide now</source>
        <translation>只显示您（或委托您的人）现在可以审批的申请</translation>
    </message>
    <message>
        <source>only your own requests</source>
        <translation>只显示自己的申请</translation>
    </message>
    <message>
        <source>only events in this month</source>
        <translation>只显示该月的应酬</translation>
    </message>
    <message>
        <source>only this department</source>
        <translation>只显示该部门</translation>
    </message>
    <message>
        <source>Entertainment requests you may see.</source>
        <translation>列出您有权查看的应酬申请。</translation>
    </message>
    <message>
        <source>--state: "%1" is not a state of an entertainment request.</source>
        <translation>--state：“%1”不是应酬申请的状态。</translation>
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
        <translation>按部门和人员统计的应酬费用（§6.1、§6.4）。</translation>
    </message>
    <message>
        <source>--staff: "%1" is not the login of an active member of staff (§6.3.1).</source>
        <translation>--staff：“%1”不是在职员工的登录名（§6.3.1）。</translation>
    </message>
    <message>
        <source>external guests (and other participants) as text</source>
        <translation>外部来宾（及其他参加人员），文字填写</translation>
    </message>
    <message>
        <source>company staff taking part, by login (§6.3.1)</source>
        <translation>参加的公司人员，按登录名（§6.3.1）</translation>
    </message>
    <message>
        <source>the version you saw (expense show); if the request changed since: exit 4, nothing written</source>
        <translation>您看到的版本（expense show）；若申请此后已被更改：退出码 4，不写入任何内容</translation>
    </message>
    <message>
        <source>submit at once; when the submit is refused, no draft is kept</source>
        <translation>立即提交；提交被拒绝时不保留草稿</translation>
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
        <translation>非客户应酬，请自行承担。</translation>
    </message>
    <message>
        <source>Two more guests came from the customer.</source>
        <translation>客户方多来了两位客人。</translation>
    </message>
    <message>
        <source>Receipts in order.</source>
        <translation>票据齐全合规。</translation>
    </message>
</context>
<context>
    <name>EntertainmentService</name>
    <message>
        <source>Only the applicant may do this with entertainment request #%1.</source>
        <translation>只有申请人可以对应酬申请 #%1 执行此操作。</translation>
    </message>
    <message>
        <source>You may not see entertainment request #%1.</source>
        <translation>您无权查看应酬申请 #%1。</translation>
    </message>
    <message>
        <source>The event of request #%1 has not taken place yet; file the claim afterwards (§6.4.2).</source>
        <translation>申请 #%1 的应酬尚未发生，请在应酬结束后申请报销（§6.4.2）。</translation>
    </message>
    <message>
        <source>FILE: a receipt must be a PDF, JPEG or PNG file (§6.4.1).</source>
        <translation>FILE：票据必须是 PDF、JPEG 或 PNG 文件（§6.4.1）。</translation>
    </message>
    <message>
        <source>FILE: the receipt is %1 KB; at most %2 KB are accepted (§6.4.1).</source>
        <translation>FILE：票据大小为 %1 KB，最多允许 %2 KB（§6.4.1）。</translation>
    </message>
    <message>
        <source>Receipts belong to the claim: request #%1 is %2, not approved.</source>
        <translation>票据属于报销环节：申请 #%1 当前为“%2”，尚未批准。</translation>
    </message>
    <message>
        <source>month: write the month as 2026-11.</source>
        <translation>month：月份请写成 2026-11 的形式。</translation>
    </message>
    <message>
        <source>staff: #%1 is not an active member of staff (§6.3.1).</source>
        <translation>staff：#%1 不是在职员工（§6.3.1）。</translation>
    </message>
    <message>
        <source>Entertainment request #%1 is at version %2, not %3: it changed since you saw it; reload it and try again.</source>
        <translation>商务应酬申请 #%1 当前为第 %2 版，而不是第 %3 版：在您查看之后它已被更改；请重新加载后再试。</translation>
    </message>
    <message>
        <source>Conflict of interest: %1 takes part in this event; the decision is recorded with this note.</source>
        <translation>利益冲突：%1 参加此次活动；审批决定将连同此说明一并记录。</translation>
    </message>
    <message>
        <source>Entertainment request #%1</source>
        <translation>商务应酬申请 #%1</translation>
    </message>
</context>
<context>
    <name>EntertainmentTasks</name>
    <message>
        <source>Review the claim of entertainment request #%1</source>
        <translation>审核应酬申请 #%1 的报销</translation>
    </message>
    <message>
        <source>Approve entertainment request #%1 (%2)</source>
        <translation>审批应酬申请 #%1（%2）</translation>
    </message>
    <message>
        <source>File the claim for entertainment request #%1</source>
        <translation>为应酬申请 #%1 申请报销</translation>
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
        <translation>出现错误</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>磁盘已满</translation>
    </message>
</context>
<context>
    <name>EventDateWindow</name>
    <message>
        <source>%1: %2 is more than %3 days away from today (%4); check the date (policy %5, §%6).</source>
        <translation>%1：%2 距今天（%4）超过 %3 天；请检查日期（政策 %5，§%6）。</translation>
    </message>
</context>
<context>
    <name>Expense</name>
    <message>
        <source>%1: %2 must not be empty (§6.3.1).</source>
        <translation>%1：%2不能为空（§6.3.1）。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount; write yuan with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金额；请填写以元为单位、最多两位小数的数，例如 1234.50。</translation>
    </message>
    <message>
        <source>%1: the amount must be greater than zero.</source>
        <translation>%1：金额必须大于零。</translation>
    </message>
    <message>
        <source>category: "%1" is not one of reception, banquet, event, other (§6.2).</source>
        <translation>category：“%1”不是 reception、banquet、event、other 之一（§6.2）。</translation>
    </message>
    <message>
        <source>the reason</source>
        <translation>应酬事由</translation>
    </message>
    <message>
        <source>at: the date and time of the event are missing or invalid (§6.3.1).</source>
        <translation>at：应酬日期和时间缺失或无效（§6.3.1）。</translation>
    </message>
    <message>
        <source>the place</source>
        <translation>应酬地点</translation>
    </message>
    <message>
        <source>the participants</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>headcount: must be a whole number from 1 to 10000 (§6.3.1).</source>
        <translation>headcount：必须是 1 到 10000 之间的整数（§6.3.1）。</translation>
    </message>
    <message>
        <source>This request is %1 (%2); "%3" is not possible now.</source>
        <translation>该申请当前为“%1”（%2），现在不能执行“%3”。</translation>
    </message>
    <message>
        <source>comment: returning or rejecting needs a comment that tells the applicant why (§6.3.2, §6.4.3).</source>
        <translation>comment：退回或驳回必须填写意见，告诉申请人原因（§6.3.2、§6.4.3）。</translation>
    </message>
    <message>
        <source>receipts: at least one receipt is needed, at most 1000 (§6.4.1).</source>
        <translation>receipts：至少需要一张票据，最多 1000 张（§6.4.1）。</translation>
    </message>
    <message>
        <source>explanation: the actual cost is above %1 (estimate plus tolerance); explain why in writing (§6.4.3).</source>
        <translation>explanation：实际费用超过 %1（预计费用加允许超支幅度），请书面说明原因（§6.4.3）。</translation>
    </message>
    <message>
        <source>over_budget_explanation: this request would bring the department to %1 of its %2 monthly budget; explain why (§6.1).</source>
        <translation>over_budget_explanation：本申请将使部门本月应酬费用达到 %1（月度预算 %2），请说明原因（§6.1）。</translation>
    </message>
    <message>
        <source>staff: "%1" is not a person.</source>
        <translation>staff：“%1”不是人员。</translation>
    </message>
    <message>
        <source>key customer</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>estimate above %1</source>
        <translation>预计费用超过 %1</translation>
    </message>
    <message>
        <source>Executive approval required (§6.3.3: %1)</source>
        <translation>需要公司高层审批（§6.3.3：%1）</translation>
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
        <translation>客户拜访/接待</translation>
    </message>
    <message>
        <source>Business banquet</source>
        <translation>商务宴请</translation>
    </message>
    <message>
        <source>Industry event</source>
        <translation>行业活动</translation>
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
        <translation>申请报销</translation>
    </message>
    <message>
        <source>&amp;Actual cost (yuan) *</source>
        <translation>实际费用（元）(&amp;A) *</translation>
    </message>
    <message>
        <source>&amp;Receipts *</source>
        <translation>票据张数(&amp;R) *</translation>
    </message>
    <message>
        <source>&amp;Explanation</source>
        <translation>说明(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ExpenseFormWidget</name>
    <message>
        <source>Ca&amp;tegory *</source>
        <translation>应酬类别(&amp;T) *</translation>
    </message>
    <message>
        <source>&amp;Reason *</source>
        <translation>应酬事由(&amp;R) *</translation>
    </message>
    <message>
        <source>&amp;Date and time *</source>
        <translation>日期和时间(&amp;D) *</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <source>&amp;Place *</source>
        <translation>应酬地点(&amp;P) *</translation>
    </message>
    <message>
        <source>&amp;Headcount *</source>
        <translation>人数(&amp;H) *</translation>
    </message>
    <message>
        <source>&amp;Estimated cost (yuan) *</source>
        <translation>预计费用（元）(&amp;E) *</translation>
    </message>
    <message>
        <source>e.g. 1234.50</source>
        <translation>例如 1234.50</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>月度预算</translation>
    </message>
    <message>
        <source>&amp;Over-budget explanation</source>
        <translation>超预算说明(&amp;O)</translation>
    </message>
    <message>
        <source>Company &amp;staff</source>
        <translation>公司人员(&amp;S)</translation>
    </message>
    <message>
        <source>Search people by name or login, tick those taking part</source>
        <translation>按姓名或登录名搜索，勾选参加人员</translation>
    </message>
    <message>
        <source>E&amp;xternal guests</source>
        <translation>外部来宾(&amp;X)</translation>
    </message>
    <message>
        <source>Guests from outside the company, e.g. 客户张总 (required when no staff is ticked)</source>
        <translation>公司以外的来宾，如 客户张总（未勾选公司人员时必填）</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>optional: type part of the customer's name</source>
        <translation>可选：输入客户名称的一部分</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
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
        <translation>已驳回</translation>
    </message>
    <message>
        <source>on behalf of %1</source>
        <translation>代 %1</translation>
    </message>
    <message>
        <source>Business Entertainment Application Form</source>
        <translation>商务应酬申请表</translation>
    </message>
    <message>
        <source>No. %1 · State: %2 · §6.3.1</source>
        <translation>编号 %1 · 状态：%2 · §6.3.1</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>应酬类别</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>应酬事由</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>应酬地点</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>key customer</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>¥ %1 used of ¥ %2; with this request ¥ %3</source>
        <translation>本月已用 ¥ %1 / 预算 ¥ %2；加上本申请为 ¥ %3</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <source>Monthly budget (§6.1)</source>
        <translation>月度预算（§6.1）</translation>
    </message>
    <message>
        <source>overrun</source>
        <translation>超支</translation>
    </message>
    <message>
        <source>late claim</source>
        <translation>逾期报销</translation>
    </message>
    <message>
        <source>Actual cost</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>票据</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批签字</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签字</translation>
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
        <translation>以上各审批环节签字后方可进行应酬（§6.3.2）。应酬结束后凭真实、合法、有效的票据申请报销（§6.4）。</translation>
    </message>
    <message>
        <source>Company staff</source>
        <translation>公司人员</translation>
    </message>
    <message>
        <source>External guests</source>
        <translation>外部来宾</translation>
    </message>
    <message>
        <source>Department review</source>
        <translation>部门审核</translation>
    </message>
    <message>
        <source>Superior approval</source>
        <translation>上级审批</translation>
    </message>
    <message>
        <source>Executive approval</source>
        <translation>总经理审批</translation>
    </message>
    <message>
        <source>Overrun approval</source>
        <translation>超支审批</translation>
    </message>
    <message>
        <source>Finance review</source>
        <translation>财务审核</translation>
    </message>
    <message>
        <source>In words: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Signature and date</source>
        <translation>签名及日期</translation>
    </message>
</context>
<context>
    <name>ExpenseReport</name>
    <message>
        <source>You may see the expense report of your own department only.</source>
        <translation>您只能查看本部门的费用报表。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>申请数</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <source>Overrun</source>
        <translation>超支金额</translation>
    </message>
    <message>
        <source>Late claims</source>
        <translation>逾期报销</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Entertainment expense report %1</source>
        <translation>商务应酬费用报表 %1</translation>
    </message>
    <message>
        <source>Events from %1 to %2%3 · §6.1, §6.4</source>
        <translation>应酬日期 %1 至 %2%3 · §6.1、§6.4</translation>
    </message>
    <message>
        <source>out: write the report as .pdf, .html, .xlsx or .csv.</source>
        <translation>out：报表只能保存为 .pdf、.html、.xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Approved estimate</source>
        <translation>已批准金额</translation>
    </message>
    <message>
        <source>Budget and use by department, %1</source>
        <translation>各部门预算与使用情况，%1</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By person</source>
        <translation>按人员</translation>
    </message>
    <message numerus="yes">
        <source>Budget: the monthly department budget × %n month(s). Used: the actual cost once claimed, else the estimate. Drafts and rejected, withdrawn or cancelled requests count in no total.</source>
        <translation>
            <numerusform>预算：部门月度预算 × %n 个月。已用：已报销的按实际费用计，否则按预计费用计。草稿以及被驳回、撤回或取消的申请不计入任何合计。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpenseRepository</name>
    <message>
        <source>There is no entertainment request #%1.</source>
        <translation>不存在应酬申请 #%1。</translation>
    </message>
    <message>
        <source>Entertainment request #%1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>应酬申请 #%1 已被他人修改，请重新加载后再试。</translation>
    </message>
    <message>
        <source>customer: there is no customer #%1.</source>
        <translation>customer：不存在客户 #%1。</translation>
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
        <translation>待部门审核</translation>
    </message>
    <message>
        <source>Pending superior approval</source>
        <translation>待上级审批</translation>
    </message>
    <message>
        <source>Pending executive approval</source>
        <translation>待公司高层审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Pending overrun approval</source>
        <translation>待超支审批</translation>
    </message>
    <message>
        <source>Pending finance review</source>
        <translation>待财务审核</translation>
    </message>
    <message>
        <source>Reimbursed</source>
        <translation>已报销</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
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
        <translation>报销被拒</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to BizDesk</source>
        <translation>欢迎使用 BizDesk</translation>
    </message>
    <message>
        <source>This database is new. Create the first account: it will hold the Business Director and System Administrator roles, and can add everyone else.</source>
        <translation>这是一个新数据库。请创建首个账户：它将拥有商务总监和系统管理员角色，并可添加其他所有人员。</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>e.g. 张建华</source>
        <translation>例如 张建华</translation>
    </message>
    <message>
        <source>&amp;Login: *</source>
        <translation>登录名(&amp;L)：*</translation>
    </message>
    <message>
        <source>e.g. zhangjh</source>
        <translation>例如 zhangjh</translation>
    </message>
    <message>
        <source>&amp;Password: *</source>
        <translation>密码(&amp;P)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation>确认密码(&amp;R)：*</translation>
    </message>
</context>
<context>
    <name>FoundationCommands</name>
    <message>
        <source>login of the first account (director and admin)</source>
        <translation>首个账户的登录名（商务总监兼系统管理员）</translation>
    </message>
    <message>
        <source>display name of the first account</source>
        <translation>首个账户的显示姓名</translation>
    </message>
    <message>
        <source>Create a new database and its first account (password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation>创建新数据库及首个账户（密码取自 $BIZDESK_NEW_PASSWORD 或标准输入）。</translation>
    </message>
    <message>
        <source>Upgrade the schema to this program's version (an existing SQLite file is backed up first).</source>
        <translation>将数据结构升级到本程序的版本（已有的 SQLite 文件会先备份）。</translation>
    </message>
    <message>
        <source>Check integrity, foreign keys and the audit chain; exit 0 only when all are clean.</source>
        <translation>检查完整性、外键和审计链；全部正常时才返回 0。</translation>
    </message>
    <message>
        <source>The database check found problems: %1</source>
        <translation>数据库检查发现问题：%1</translation>
    </message>
    <message>
        <source>Write a consistent copy of the database (always a BizDesk SQLite file) to OUT.</source>
        <translation>将数据库的一致性副本（始终为 BizDesk SQLite 文件）写入 OUT。</translation>
    </message>
    <message>
        <source>Restore the backup file IN into the --db location, which must be new or empty.</source>
        <translation>将备份文件 IN 恢复到 --db 指定的位置，该位置必须是新的或空的。</translation>
    </message>
    <message>
        <source>number of customers (default 200)</source>
        <translation>客户数量（默认 200）</translation>
    </message>
    <message>
        <source>random seed (default 1); the same seed gives the same data</source>
        <translation>随机种子（默认 1）；相同的种子生成相同的数据</translation>
    </message>
    <message>
        <source>Create a new database filled with a realistic demo organisation (password of every demo account: $BIZDESK_NEW_PASSWORD, else "demo-password").</source>
        <translation>创建一个填充了逼真演示组织的新数据库（所有演示账户的密码：$BIZDESK_NEW_PASSWORD，否则为“demo-password”）。</translation>
    </message>
    <message>
        <source>language of the demo's comments and notes: zh_CN (default), zh_TW or en</source>
        <translation>演示数据中批注和备注的语言：zh_CN（默认）、zh_TW 或 en</translation>
    </message>
</context>
<context>
    <name>IdentityCommands</name>
    <message>
        <source>display name</source>
        <translation>显示姓名</translation>
    </message>
    <message>
        <source>director, manager, specialist, finance, legal, executive, admin</source>
        <translation>director（商务总监）、manager（商务经理）、specialist（商务专员）、finance（财务）、legal（法务）、executive（公司高层）、admin（系统管理员）</translation>
    </message>
    <message>
        <source>department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <source>the superior's login</source>
        <translation>上级的登录名</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Add a person (new password from $BIZDESK_NEW_PASSWORD or stdin).</source>
        <translation>新增人员（新密码取自 $BIZDESK_NEW_PASSWORD 或标准输入）。</translation>
    </message>
    <message>
        <source>List people.</source>
        <translation>列出人员。</translation>
    </message>
    <message>
        <source>Disable a person's account (history is kept).</source>
        <translation>停用人员账户（保留历史记录）。</translation>
    </message>
    <message>
        <source>Unlock an account locked by wrong passwords.</source>
        <translation>解锁因密码错误被锁定的账户。</translation>
    </message>
    <message>
        <source>Set a person's superior (reporting line, §2.1).</source>
        <translation>设置人员的上级（汇报关系，§2.1）。</translation>
    </message>
    <message>
        <source>Show the acting user.</source>
        <translation>显示当前操作用户。</translation>
    </message>
    <message>
        <source>the department head</source>
        <translation>部门负责人</translation>
    </message>
    <message>
        <source>Add a department.</source>
        <translation>新增部门。</translation>
    </message>
    <message>
        <source>Set a department's head.</source>
        <translation>设置部门负责人。</translation>
    </message>
    <message>
        <source>List departments.</source>
        <translation>列出部门。</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Let LOGIN approve on your behalf between two dates.</source>
        <translation>在指定日期之间由该登录名代您审批。</translation>
    </message>
    <message>
        <source>Revoke one of your delegations.</source>
        <translation>撤销您的一项授权。</translation>
    </message>
    <message>
        <source>Show every policy setting with its clause and current value.</source>
        <translation>显示所有制度参数及其条款和当前值。</translation>
    </message>
    <message>
        <source>The audit chain is broken: %1.</source>
        <translation>审计链已损坏：%1。</translation>
    </message>
    <message>
        <source>entity kind, e.g. user, expense</source>
        <translation>对象类型，例如 user、expense</translation>
    </message>
    <message>
        <source>entity id</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>most entries (default 100)</source>
        <translation>最多条数（默认 100）</translation>
    </message>
    <message>
        <source>List audit entries, newest first.</source>
        <translation>列出审计记录，最新的在前。</translation>
    </message>
    <message>
        <source>only changes of this setting</source>
        <translation>只显示该参数的修改</translation>
    </message>
    <message>
        <source>List the versioned changes of the policy settings, newest first.</source>
        <translation>列出制度参数的版本化修改记录，最新的在前。</translation>
    </message>
    <message>
        <source>Print the id and hash of the last audit entry; keep it outside the database and check it later with "audit verify --expect ID:HASH".</source>
        <translation>输出最后一条审计记录的编号和哈希；请保存在数据库之外，日后用“audit verify --expect ID:HASH”核对。</translation>
    </message>
    <message>
        <source>Audit head: entry %1, hash %2
Check it later with: bizdeskctl audit verify --expect %1:%2</source>
        <translation>审计链头：条目 %1，哈希 %2
日后核对：bizdeskctl audit verify --expect %1:%2</translation>
    </message>
    <message>
        <source>an earlier "audit head": the chain must still hold that entry with that hash</source>
        <translation>先前的“audit head”：审计链必须仍含有该条目且哈希不变</translation>
    </message>
    <message>
        <source>a backup file: the chain must still hold the backup's last audit entry unchanged</source>
        <translation>备份文件：审计链必须仍含有该备份的最后一条审计记录且未被改动</translation>
    </message>
    <message>
        <source>Walk the audit hash chain; exit 4 naming the first broken entry, or an expected entry that was deleted or rewritten.</source>
        <translation>逐条校验审计哈希链；发现第一处损坏，或预期的条目被删除或改写时，以状态 4 退出并指出该条目。</translation>
    </message>
    <message>
        <source>Change policy settings (director); several pairs are one change, e.g. appraisal weights that must add up to 100.</source>
        <translation>修改政策设置（商务总监）；多组键值作为一次修改，例如总和必须为 100 的考核权重。</translation>
    </message>
    <message>
        <source>VALUE: %1 has no value; give KEY VALUE pairs.</source>
        <translation>VALUE：%1 没有值；请按 KEY VALUE 成对给出。</translation>
    </message>
    <message>
        <source>Accept a known, wanted rollback of the audit chain (an older backup restored, the newest entries cut): this computer takes the chain's present head as the last one seen and stops warning. Audited; needs the admin role.</source>
        <translation>接受已知且有意的审计链回滚（恢复了较旧的备份、删去了最新条目）：本机把审计链当前的链头当作上次看到的链头，不再警告。此操作会记入审计，需要管理员角色。</translation>
    </message>
    <message>
        <source>This program keeps no audit heads.</source>
        <translation>本程序不保存审计链头。</translation>
    </message>
    <message>
        <source>Nothing to accept: the audit chain still holds the head this computer saw last. Audit head: entry %1.</source>
        <translation>无需接受：审计链仍包含本机上次看到的链头。审计链头：条目 %1。</translation>
    </message>
    <message>
        <source>Rollback accepted (audit entry %1). Audit head: entry %1, hash %2</source>
        <translation>已接受回滚（审计条目 %1）。审计链头：条目 %1，哈希 %2</translation>
    </message>
</context>
<context>
    <name>IdentityService</name>
    <message>
        <source>This database already has accounts; log in instead.</source>
        <translation>此数据库已有账户；请直接登录。</translation>
    </message>
    <message>
        <source>Wrong login or password.</source>
        <translation>登录名或密码错误。</translation>
    </message>
    <message>
        <source>The account %1 is disabled; ask an administrator.</source>
        <translation>账户 %1 已停用；请联系管理员。</translation>
    </message>
    <message>
        <source>The account %1 is locked after too many wrong passwords until %2; an administrator can unlock it.</source>
        <translation>账户 %1 因密码错误次数过多被锁定至 %2；管理员可以解锁。</translation>
    </message>
    <message>
        <source>dept: there is no department "%1".</source>
        <translation>部门：没有部门“%1”。</translation>
    </message>
    <message>
        <source>superior: there is no user "%1".</source>
        <translation>上级：没有用户“%1”。</translation>
    </message>
    <message>
        <source>login: "%1" is already taken.</source>
        <translation>登录名：“%1”已被占用。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要一个角色。</translation>
    </message>
    <message>
        <source>dept: the department no longer exists.</source>
        <translation>部门：该部门已不存在。</translation>
    </message>
    <message>
        <source>superior: that person no longer exists.</source>
        <translation>上级：该人员已不存在。</translation>
    </message>
    <message>
        <source>login: you cannot disable your own account.</source>
        <translation>登录名：不能停用自己的账户。</translation>
    </message>
    <message>
        <source>current password: the current password is wrong.</source>
        <translation>当前密码：当前密码不正确。</translation>
    </message>
    <message>
        <source>name: the department name is required.</source>
        <translation>名称：必须填写部门名称。</translation>
    </message>
    <message>
        <source>name: the department "%1" already exists.</source>
        <translation>名称：部门“%1”已存在。</translation>
    </message>
    <message>
        <source>head: there is no user "%1".</source>
        <translation>负责人：没有用户“%1”。</translation>
    </message>
    <message>
        <source>from: a valid start date (yyyy-MM-dd) is required.</source>
        <translation>开始日期：需要有效的开始日期（yyyy-MM-dd）。</translation>
    </message>
    <message>
        <source>to: the end date must be a valid date on or after the start.</source>
        <translation>结束日期：必须是有效日期，且不早于开始日期。</translation>
    </message>
    <message>
        <source>delegate: there is no active user "%1".</source>
        <translation>代理人：没有在职用户“%1”。</translation>
    </message>
    <message>
        <source>delegate: you cannot delegate to yourself.</source>
        <translation>代理人：不能授权给自己。</translation>
    </message>
    <message>
        <source>You have no delegation with id %1.</source>
        <translation>您没有编号为 %1 的授权。</translation>
    </message>
    <message>
        <source>The account %1 is already active.</source>
        <translation>账户 %1 已处于启用状态。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to BizDesk</source>
        <translation>登录 BizDesk</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>MarketResearchDialog</name>
    <message>
        <source>Record market research</source>
        <translation>记录市场调研</translation>
    </message>
    <message>
        <source>&amp;Topic: *</source>
        <translation>调研主题(&amp;T)：*</translation>
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
        <translation>调研结论(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Competitors:</source>
        <translation>竞争对手(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>%1 The backup made before the upgrade is still at %2; delete it when no longer needed.</source>
        <translation>%1 升级前所做的备份仍在 %2；不再需要时请删除。</translation>
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
        <translation>验收</translation>
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
        <translation>客户</translation>
    </message>
    <message>
        <source>Entertainment</source>
        <translation>商务应酬</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>商务团队</translation>
    </message>
    <message>
        <source>Negotiations</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Negotiation preparation, stages, offers and the summary report.</source>
        <translation>谈判准备、谈判阶段、报价和总结报告。</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Contract drafting, legal and finance review, approval, signing, execution, changes and archive.</source>
        <translation>合同起草、法务与财务审核、审批、签订、履行、变更和归档。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>Money</name>
    <message>
        <source>%1: "%2" is not an amount; write yuan with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金额；请填写以元为单位、最多两位小数的数，例如 1234.50。</translation>
    </message>
    <message>
        <source>%1: the amount must be greater than zero.</source>
        <translation>%1：金额必须大于零。</translation>
    </message>
    <message>
        <source>amount: the result is too large to be a sum of money.</source>
        <translation>amount：结果过大，不是有效的金额。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount; write it with at most two decimals, e.g. 1234.50.</source>
        <translation>%1：“%2”不是金额；最多两位小数，例如 1234.50。</translation>
    </message>
</context>
<context>
    <name>Negotiation</name>
    <message>
        <source>We sell</source>
        <translation>我方销售</translation>
    </message>
    <message>
        <source>We buy</source>
        <translation>我方采购</translation>
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
        <translation>负责人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Ours</source>
        <translation>我方</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>验收</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>违约</translation>
    </message>
    <message>
        <source>Change strategy</source>
        <translation>调整策略</translation>
    </message>
    <message>
        <source>Third-party mediation</source>
        <translation>第三方调解</translation>
    </message>
    <message>
        <source>Park the issue</source>
        <translation>搁置争议</translation>
    </message>
    <message>
        <source>Market information</source>
        <translation>市场信息</translation>
    </message>
    <message>
        <source>Industry trends</source>
        <translation>行业趋势</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Laws and regulations</source>
        <translation>法律法规</translation>
    </message>
    <message>
        <source>Team set</source>
        <translation>团队已组建</translation>
    </message>
    <message>
        <source>Goal set</source>
        <translation>目标已确定</translation>
    </message>
    <message>
        <source>Strategy written</source>
        <translation>策略已制定</translation>
    </message>
    <message>
        <source>Materials gathered</source>
        <translation>资料已收集</translation>
    </message>
    <message>
        <source>Internal briefing held</source>
        <translation>已开内部协调会</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>Goal attainment</source>
        <translation>目标达成情况</translation>
    </message>
    <message>
        <source>Process review</source>
        <translation>过程回顾</translation>
    </message>
    <message>
        <source>Disagreements and their resolution</source>
        <translation>分歧及其解决</translation>
    </message>
    <message>
        <source>Lessons learned</source>
        <translation>经验教训</translation>
    </message>
    <message>
        <source>%1: "%2" is not one of %3.</source>
        <translation>%1：“%2”不是 %3 之一。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount in yuan that is not negative with at most two decimals.</source>
        <translation>%1：“%2”不是不为负、最多两位小数的人民币金额。</translation>
    </message>
    <message>
        <source>customer: a negotiation belongs to a customer (§4.1).</source>
        <translation>customer：谈判必须属于一个客户（§4.1）。</translation>
    </message>
    <message>
        <source>target: our target %1 lies past our bottom line %2.</source>
        <translation>target：我方目标 %1 突破了我方底线 %2。</translation>
    </message>
    <message>
        <source>lead: a negotiation needs its lead before it opens (§4.1.1); name one with negotiation member ID LOGIN --role lead.</source>
        <translation>lead：谈判开局前必须有负责人（§4.1.1）；请用 negotiation member ID LOGIN --role lead 指定。</translation>
    </message>
    <message>
        <source>This negotiation has ended (%1); its stage no longer changes.</source>
        <translation>该谈判已结束（%1）；阶段不再变更。</translation>
    </message>
    <message>
        <source>A deadlock goes back to the stage it came from (%1) or ends in no deal, not to %2.</source>
        <translation>僵局只能回到它所来自的阶段（%1）或以未成交结束，不能转到 %2。</translation>
    </message>
    <message>
        <source>From %1 the negotiation moves to %2; %3 would skip or reverse a stage (§4.2).</source>
        <translation>谈判从%1进入 %2；%3 会跳过或倒退阶段（§4.2）。</translation>
    </message>
    <message>
        <source>This negotiation has ended (%1): nothing more is recorded in it.</source>
        <translation>该谈判已结束（%1）：不能再记录任何内容。</translation>
    </message>
</context>
<context>
    <name>NegotiationAudit</name>
    <message>
        <source>Negotiation opened</source>
        <translation>已新建谈判</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>阶段已变更</translation>
    </message>
    <message>
        <source>Preparation changed</source>
        <translation>已修改谈判准备</translation>
    </message>
    <message>
        <source>Team member set</source>
        <translation>已设定团队成员</translation>
    </message>
    <message>
        <source>Team member removed</source>
        <translation>已移出团队成员</translation>
    </message>
    <message>
        <source>Strategy written</source>
        <translation>策略已制定</translation>
    </message>
    <message>
        <source>Material added</source>
        <translation>已添加资料</translation>
    </message>
    <message>
        <source>Checklist ticked</source>
        <translation>清单已勾选</translation>
    </message>
    <message>
        <source>Session recorded</source>
        <translation>已记录会谈</translation>
    </message>
    <message>
        <source>Probing note recorded</source>
        <translation>已记录摸底笔记</translation>
    </message>
    <message>
        <source>Estimate of their bottom line recorded</source>
        <translation>已记录对方底线估计</translation>
    </message>
    <message>
        <source>Offer recorded</source>
        <translation>已记录报价</translation>
    </message>
    <message>
        <source>Term position recorded</source>
        <translation>已记录条款立场</translation>
    </message>
    <message>
        <source>Deadlock recorded</source>
        <translation>已记录僵局</translation>
    </message>
    <message>
        <source>Deadlock outcome recorded</source>
        <translation>已记录僵局结果</translation>
    </message>
    <message>
        <source>Summary written</source>
        <translation>总结已撰写</translation>
    </message>
    <message>
        <source>Summary submitted</source>
        <translation>总结已提交</translation>
    </message>
    <message>
        <source>Summary acknowledged</source>
        <translation>总结已确认</translation>
    </message>
    <message>
        <source>Negotiation stage</source>
        <translation>谈判阶段</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <source>Term under discussion</source>
        <translation>谈判条款</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>NegotiationCommands</name>
    <message>
        <source>the version you saw (negotiation show); if it changed since: exit 4, nothing written</source>
        <translation>您看到的版本（negotiation show）；若之后已变更：退出码 4，不写入任何内容</translation>
    </message>
    <message>
        <source>the customer the negotiation is with</source>
        <translation>谈判对象客户</translation>
    </message>
    <message>
        <source>what is negotiated</source>
        <translation>谈判内容</translation>
    </message>
    <message>
        <source>the goal (§4.1.2)</source>
        <translation>目标（§4.1.2）</translation>
    </message>
    <message>
        <source>whether we sell or buy (default sell)</source>
        <translation>我方是销售还是采购（默认 sell）</translation>
    </message>
    <message>
        <source>our target</source>
        <translation>我方目标</translation>
    </message>
    <message>
        <source>our bottom line, seen only by the team and their superiors</source>
        <translation>我方底线，仅团队及其上级可见</translation>
    </message>
    <message>
        <source>our opening anchor</source>
        <translation>我方开价锚点</translation>
    </message>
    <message>
        <source>our best alternative if there is no deal</source>
        <translation>未成交时我方的最佳替代方案</translation>
    </message>
    <message>
        <source>what that alternative is worth</source>
        <translation>该替代方案的价值</translation>
    </message>
    <message>
        <source>conditions under which we walk away</source>
        <translation>我方退出谈判的条件</translation>
    </message>
    <message>
        <source>planned end date, yyyy-MM-dd</source>
        <translation>计划结束日期，yyyy-MM-dd</translation>
    </message>
    <message>
        <source>importance (default medium)</source>
        <translation>重要性（默认 medium）</translation>
    </message>
    <message>
        <source>complexity (default medium)</source>
        <translation>复杂度（默认 medium）</translation>
    </message>
    <message>
        <source>the market research record it draws on</source>
        <translation>所依据的市场调研记录</translation>
    </message>
    <message>
        <source>--%1: "%2" is not one of %3.</source>
        <translation>--%1：“%2”不是 %3 之一。</translation>
    </message>
    <message>
        <source>the lead (default: you)</source>
        <translation>负责人（默认：您）</translation>
    </message>
    <message>
        <source>Open a negotiation in preparation (§4.1); you lead it unless --lead names another.</source>
        <translation>新建一项处于准备阶段的谈判（§4.1）；除非 --lead 指定他人，否则由您负责。</translation>
    </message>
    <message>
        <source>Change the preparation: only the options given change.</source>
        <translation>修改谈判准备：只改动给出的选项。</translation>
    </message>
    <message>
        <source>the member's role (§4.1.1)</source>
        <translation>成员角色（§4.1.1）</translation>
    </message>
    <message>
        <source>what the member does (§4.1.4)</source>
        <translation>成员职责（§4.1.4）</translation>
    </message>
    <message>
        <source>take the person off the team</source>
        <translation>将此人移出团队</translation>
    </message>
    <message>
        <source>Put a person on the team with a role and duties, or take them off.</source>
        <translation>将人员加入团队并设定角色和职责，或将其移出。</translation>
    </message>
    <message>
        <source>our strengths</source>
        <translation>我方优势</translation>
    </message>
    <message>
        <source>our weaknesses</source>
        <translation>我方劣势</translation>
    </message>
    <message>
        <source>their strengths</source>
        <translation>对方优势</translation>
    </message>
    <message>
        <source>their weaknesses</source>
        <translation>对方劣势</translation>
    </message>
    <message>
        <source>their likely strategy</source>
        <translation>对方可能的策略</translation>
    </message>
    <message>
        <source>our responses</source>
        <translation>我方对策</translation>
    </message>
    <message>
        <source>Write the strategy (§4.1.2): only the fields given change.</source>
        <translation>制定策略（§4.1.2）：只改动给出的字段。</translation>
    </message>
    <message>
        <source>what the material is about</source>
        <translation>资料类别</translation>
    </message>
    <message>
        <source>untick the item</source>
        <translation>取消勾选</translation>
    </message>
    <message>
        <source>Tick a preparation checklist item that the record does not show itself: briefing_held.</source>
        <translation>勾选记录本身无法体现的准备清单项：briefing_held。</translation>
    </message>
    <message>
        <source>a note for the history</source>
        <translation>写入历史的备注</translation>
    </message>
    <message>
        <source>Move to the next stage (§4.2): %1; a skipped stage is exit 4.</source>
        <translation>进入下一阶段（§4.2）：%1；跳过阶段返回退出码 4。</translation>
    </message>
    <message>
        <source>the day of the session (default today)</source>
        <translation>会谈日期（默认今天）</translation>
    </message>
    <message>
        <source>where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>end time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>our attendees</source>
        <translation>我方出席人员</translation>
    </message>
    <message>
        <source>their attendees</source>
        <translation>对方出席人员</translation>
    </message>
    <message>
        <source>the agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>the minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Record a session (§4.2.1).</source>
        <translation>记录一次会谈（§4.2.1）。</translation>
    </message>
    <message>
        <source>their position</source>
        <translation>对方立场</translation>
    </message>
    <message>
        <source>their interests</source>
        <translation>对方利益</translation>
    </message>
    <message>
        <source>their presumed bottom line, in words</source>
        <translation>推测的对方底线（文字）</translation>
    </message>
    <message>
        <source>Record a probing note (§4.2.2).</source>
        <translation>记录摸底笔记（§4.2.2）。</translation>
    </message>
    <message>
        <source>low end of their bottom line</source>
        <translation>对方底线的下限</translation>
    </message>
    <message>
        <source>high end of their bottom line</source>
        <translation>对方底线的上限</translation>
    </message>
    <message>
        <source>where the estimate comes from</source>
        <translation>估计的来源</translation>
    </message>
    <message>
        <source>Estimate their bottom line as a range (§4.2.2); each estimate is kept.</source>
        <translation>以区间估计对方底线（§4.2.2）；每次估计都会保留。</translation>
    </message>
    <message>
        <source>whose offer</source>
        <translation>哪一方的报价</translation>
    </message>
    <message>
        <source>the amount, at most two decimals</source>
        <translation>金额，最多两位小数</translation>
    </message>
    <message>
        <source>when it was made (default today)</source>
        <translation>报价日期（默认今天）</translation>
    </message>
    <message>
        <source>its conditions</source>
        <translation>报价条件</translation>
    </message>
    <message>
        <source>what we got in return for a concession</source>
        <translation>让步换得的回报</translation>
    </message>
    <message>
        <source>why an offer of ours goes past our bottom line</source>
        <translation>我方报价突破底线的理由</translation>
    </message>
    <message>
        <source>Record an offer (§4.2.3, §4.3.3).</source>
        <translation>记录报价（§4.2.3、§4.3.3）。</translation>
    </message>
    <message>
        <source>our position</source>
        <translation>我方立场</translation>
    </message>
    <message>
        <source>whether it is agreed</source>
        <translation>是否已谈定</translation>
    </message>
    <message>
        <source>Record a term under discussion (§4.2.4): %1.</source>
        <translation>记录正在谈判的条款（§4.2.4）：%1。</translation>
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
        <translation>团队的应对方式</translation>
    </message>
    <message>
        <source>Mark a deadlock from quoting or bargaining (§4.2.5), or complete the open one.</source>
        <translation>在报价或讨价还价阶段标记僵局（§4.2.5），或补充当前僵局。</translation>
    </message>
    <message>
        <source>how the deadlock ended</source>
        <translation>僵局如何结束</translation>
    </message>
    <message>
        <source>Record the outcome of the latest deadlock.</source>
        <translation>记录最近一次僵局的结果。</translation>
    </message>
    <message>
        <source>Write sections of the summary after consensus or no_deal (§4.4.2).</source>
        <translation>在达成共识或未成交后撰写总结各部分（§4.4.2）。</translation>
    </message>
    <message>
        <source>departments that receive it besides the lead's superior</source>
        <translation>除负责人上级外接收总结的部门</translation>
    </message>
    <message>
        <source>Submit the summary (§4.4.3); this closes the negotiation.</source>
        <translation>提交总结（§4.4.3）；提交后谈判关闭。</translation>
    </message>
    <message>
        <source>Acknowledge a summary sent to you or your department.</source>
        <translation>确认发给您或您部门的谈判总结。</translation>
    </message>
    <message>
        <source>where to write the PDF</source>
        <translation>PDF 的保存位置</translation>
    </message>
    <message>
        <source>Write the §4.4.2 summary report as it stands (after consensus or no_deal).</source>
        <translation>按当前内容输出 §4.4.2 总结报告（达成共识或未成交后）。</translation>
    </message>
    <message>
        <source>The summary is printed after consensus or no deal (§4.4).</source>
        <translation>达成共识或未成交后才能打印总结（§4.4）。</translation>
    </message>
    <message>
        <source>Write the memorandum (letter of intent) of a consensus with the agreed terms (§4.2.6).</source>
        <translation>输出达成共识后的备忘录（意向书），含已谈定条款（§4.2.6）。</translation>
    </message>
    <message>
        <source>A memorandum is written for a consensus (§4.2.6).</source>
        <translation>只有达成共识的谈判才能输出备忘录（§4.2.6）。</translation>
    </message>
    <message>
        <source>A negotiation with team, offers, concessions, terms, deadlocks, sessions and history; the bottom line, BATNA, estimates and zone only for the team and their superiors.</source>
        <translation>一项谈判及其团队、报价、让步、条款、僵局、会谈和历史；底线、BATNA、估计和协议区间仅对团队及其上级显示。</translation>
    </message>
    <message>
        <source>Only the confidential figures: bottom line, BATNA, estimates, zone and gaps (exit 3 outside the team and their superiors).</source>
        <translation>仅机密数字：底线、BATNA、估计、协议区间和差距（团队及其上级以外的人返回退出码 3）。</translation>
    </message>
    <message>
        <source>only negotiations with you on the team</source>
        <translation>仅您参与的谈判</translation>
    </message>
    <message>
        <source>only negotiations in this stage</source>
        <translation>仅此阶段的谈判</translation>
    </message>
    <message>
        <source>only this customer's negotiations</source>
        <translation>仅该客户的谈判</translation>
    </message>
    <message>
        <source>only of this importance</source>
        <translation>仅此重要性</translation>
    </message>
    <message>
        <source>the next window: ids below this one</source>
        <translation>下一页：编号小于此值</translation>
    </message>
    <message>
        <source>at most N rows (default 200)</source>
        <translation>最多 N 行（默认 200）</translation>
    </message>
    <message>
        <source>Negotiations you may see, newest first.</source>
        <translation>您可查看的谈判，最新的在前。</translation>
    </message>
    <message>
        <source>Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4).</source>
        <translation>按负责人统计已关闭谈判：争取到的协议区间比例和估计误差（§4.4）。</translation>
    </message>
    <message>
        <source>the material (may be left out when a file is given)</source>
        <translation>资料内容（给出文件时可省略）</translation>
    </message>
    <message>
        <source>a file kept with the note, stored with its SHA-256 (at most negotiation.material_max_mb)</source>
        <translation>随资料保存的文件，连同其 SHA-256 一并保存（不超过 negotiation.material_max_mb）</translation>
    </message>
    <message>
        <source>Add a material (§4.1.3): a note, a file or both.</source>
        <translation>添加谈判资料（§4.1.3）：一段说明、一个文件或两者皆有。</translation>
    </message>
    <message>
        <source>where to write the file</source>
        <translation>文件写入位置</translation>
    </message>
    <message>
        <source>Write a material's file (its id is in negotiation show) after checking it against its SHA-256.</source>
        <translation>核对 SHA-256 后，将资料文件写出（其编号见 negotiation show）。</translation>
    </message>
</context>
<context>
    <name>NegotiationDetailHtml</name>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>The gap between the latest offers has not narrowed: consider marking a deadlock (§4.2.5).</source>
        <translation>双方最新报价的差距未缩小：考虑标记僵局（§4.2.5）。</translation>
    </message>
    <message>
        <source>The planned end date %1 has passed.</source>
        <translation>已超过计划结束日期 %1。</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Importance / complexity</source>
        <translation>重要性 / 复杂度</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目标</translation>
    </message>
    <message>
        <source>Opening anchor</source>
        <translation>开价锚点</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底线</translation>
    </message>
    <message>
        <source>BATNA</source>
        <translation>BATNA（最佳替代方案）</translation>
    </message>
    <message>
        <source>Their bottom line (estimate)</source>
        <translation>对方底线（估计）</translation>
    </message>
    <message>
        <source>Zone of agreement</source>
        <translation>协议区间</translation>
    </message>
    <message>
        <source>No zone of agreement on the current estimates: review the strategy.</source>
        <translation>按当前估计不存在协议区间：请重新审视策略。</translation>
    </message>
    <message>
        <source>Room to our bottom line</source>
        <translation>距我方底线的空间</translation>
    </message>
    <message>
        <source>Their offer outside the zone by</source>
        <translation>对方报价超出协议区间</translation>
    </message>
    <message>
        <source>Walk-away conditions</source>
        <translation>退出条件</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Time so far</source>
        <translation>已用时间</translation>
    </message>
    <message>
        <source>%1 of %2 planned days, %3 hours in sessions</source>
        <translation>已用 %1 天，计划 %2 天，会谈 %3 小时</translation>
    </message>
    <message>
        <source>Checklist (%1/5)</source>
        <translation>准备清单（%1/5）</translation>
    </message>
    <message>
        <source>Team (suggested size %1)</source>
        <translation>团队（建议人数 %1）</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Our strengths</source>
        <translation>我方优势</translation>
    </message>
    <message>
        <source>Our weaknesses</source>
        <translation>我方劣势</translation>
    </message>
    <message>
        <source>Their strengths</source>
        <translation>对方优势</translation>
    </message>
    <message>
        <source>Their weaknesses</source>
        <translation>对方劣势</translation>
    </message>
    <message>
        <source>Their likely strategy</source>
        <translation>对方可能的策略</translation>
    </message>
    <message>
        <source>Our responses</source>
        <translation>我方对策</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会谈</translation>
    </message>
    <message>
        <source>Probing</source>
        <translation>摸底</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>报价</translation>
    </message>
    <message>
        <source> · concession %1</source>
        <translation> · 让步 %1</translation>
    </message>
    <message>
        <source> ⚑ nothing in return</source>
        <translation> ⚑ 未换得回报</translation>
    </message>
    <message>
        <source> ⚑ larger than the previous concession</source>
        <translation> ⚑ 比上一次让步更大</translation>
    </message>
    <message>
        <source> · got: %1</source>
        <translation> · 换得：%1</translation>
    </message>
    <message>
        <source> · reason: %1</source>
        <translation> · 理由：%1</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>ours: %1 · theirs: %2 · %3</source>
        <translation>我方：%1 · 对方：%2 · %3</translation>
    </message>
    <message>
        <source>agreed</source>
        <translation>已谈定</translation>
    </message>
    <message>
        <source>still open</source>
        <translation>未谈定</translation>
    </message>
    <message>
        <source>Deadlocks</source>
        <translation>僵局</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
</context>
<context>
    <name>NegotiationMaterials</name>
    <message>
        <source>There is no material file #%1.</source>
        <translation>不存在资料文件 #%1。</translation>
    </message>
    <message>
        <source>note: a material needs a note, a file or both.</source>
        <translation>资料内容：资料需要一段说明、一个文件或两者皆有。</translation>
    </message>
</context>
<context>
    <name>NegotiationReport</name>
    <message>
        <source>No offers yet</source>
        <translation>尚无报价</translation>
    </message>
    <message>
        <source>Zone of agreement</source>
        <translation>协议区间</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目标</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底线</translation>
    </message>
    <message>
        <source>● Our offers</source>
        <translation>● 我方报价</translation>
    </message>
    <message>
        <source>● Their offers</source>
        <translation>● 对方报价</translation>
    </message>
    <message>
        <source>Negotiation Summary Report</source>
        <translation>谈判总结报告</translation>
    </message>
    <message>
        <source>Negotiation #%1 · %2 · %3</source>
        <translation>谈判 #%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Agreed amount (latest offer)</source>
        <translation>成交金额（最新报价）</translation>
    </message>
    <message>
        <source>Our bottom line</source>
        <translation>我方底线</translation>
    </message>
    <message>
        <source>Zone captured</source>
        <translation>争取到的区间</translation>
    </message>
    <message>
        <source>Estimate error</source>
        <translation>估计误差</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>报价</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <source>In return</source>
        <translation>换得</translation>
    </message>
    <message>
        <source>Agreed terms</source>
        <translation>已谈定条款</translation>
    </message>
    <message>
        <source>Memorandum of Understanding</source>
        <translation>谈判备忘录（意向书）</translation>
    </message>
    <message>
        <source>Negotiation #%1 · %2</source>
        <translation>谈判 #%1 · %2</translation>
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
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Both parties intend to sign a contract on these terms; this memorandum is not the contract itself.</source>
        <translation>双方拟按上述条款签订合同；本备忘录并非合同本身。</translation>
    </message>
    <message>
        <source>For Party A (signature, date)</source>
        <translation>甲方代表（签字、日期）</translation>
    </message>
    <message>
        <source>For Party B (signature, date)</source>
        <translation>乙方代表（签字、日期）</translation>
    </message>
</context>
<context>
    <name>NegotiationRepository</name>
    <message>
        <source>There is no negotiation #%1.</source>
        <translation>没有谈判 #%1。</translation>
    </message>
    <message>
        <source>Negotiation #%1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>谈判 #%1 已被他人修改；请重新加载后再试。</translation>
    </message>
</context>
<context>
    <name>NegotiationService</name>
    <message>
        <source>Negotiation #%1 (%2)</source>
        <translation>谈判 #%1（%2）</translation>
    </message>
    <message>
        <source>The bottom line, BATNA, estimates and zone of %1 are for its team and their superiors only (§4.1.2).</source>
        <translation>%1 的底线、BATNA、估计和协议区间仅对其团队及其上级开放（§4.1.2）。</translation>
    </message>
    <message>
        <source>Only the team of %1 records what happens in it (§4.1.1).</source>
        <translation>只有%1的团队可以记录其中的进展（§4.1.1）。</translation>
    </message>
    <message>
        <source>Only the lead of %1, the lead's superior or a director steers it (§4.1.4).</source>
        <translation>只有%1的负责人、负责人的上级或商务总监可以主导它（§4.1.4）。</translation>
    </message>
    <message>
        <source>%1: there is no active person with the login "%2".</source>
        <translation>%1：没有登录名为“%2”的在职人员。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a time such as 09:30.</source>
        <translation>%1：“%2”不是 09:30 这样的时间。</translation>
    </message>
    <message>
        <source>login: %1 is not on the team.</source>
        <translation>login：%1 不在团队中。</translation>
    </message>
    <message>
        <source>item: "%1" follows from the record itself (team, goal, strategy, materials); only briefing_held is ticked.</source>
        <translation>item：“%1”由记录本身得出（团队、目标、策略、资料）；只能勾选 briefing_held。</translation>
    </message>
    <message>
        <source>Opened with the preparation checklist incomplete: %1.</source>
        <translation>开局时准备清单未完成：%1。</translation>
    </message>
    <message>
        <source>end: the session ends at %1, not after it starts at %2.</source>
        <translation>end：会谈结束时间 %1 不晚于开始时间 %2。</translation>
    </message>
    <message>
        <source>position: a probing note says their position, interests or presumed bottom line.</source>
        <translation>position：摸底笔记须写明对方立场、利益或推测底线。</translation>
    </message>
    <message>
        <source>Their presumed bottom line is for the team and their superiors only (§4.1.2).</source>
        <translation>推测的对方底线仅对团队及其上级开放（§4.1.2）。</translation>
    </message>
    <message>
        <source>low: the low end %1 is above the high end %2.</source>
        <translation>low：下限 %1 高于上限 %2。</translation>
    </message>
    <message>
        <source>Offers are recorded once the negotiation has opened (§4.2.3).</source>
        <translation>谈判开局后才能记录报价（§4.2.3）。</translation>
    </message>
    <message>
        <source>This offer goes past our bottom line: only the lead's superior or a director may record it, with a reason (§4.3.3).</source>
        <translation>该报价突破我方底线：只有负责人的上级或商务总监可以记录，且须说明理由（§4.3.3）。</translation>
    </message>
    <message>
        <source>reason: an offer past our bottom line needs the reason (§4.3.3).</source>
        <translation>reason：突破我方底线的报价须说明理由（§4.3.3）。</translation>
    </message>
    <message>
        <source>ours: an agreed term says what was agreed.</source>
        <translation>ours：已谈定的条款须写明谈定的内容。</translation>
    </message>
    <message>
        <source>There is no deadlock to record an outcome for.</source>
        <translation>没有可记录结果的僵局。</translation>
    </message>
    <message>
        <source>The summary is written after consensus or no deal, before it is submitted (§4.4).</source>
        <translation>总结在达成共识或未成交后、提交前撰写（§4.4）。</translation>
    </message>
    <message>
        <source>The summary is submitted once, after consensus or no deal (§4.4.3).</source>
        <translation>总结在达成共识或未成交后提交，且只提交一次（§4.4.3）。</translation>
    </message>
    <message>
        <source>%1: the section "%2" of the summary is empty (§4.4.2).</source>
        <translation>%1：总结的“%2”部分为空（§4.4.2）。</translation>
    </message>
    <message>
        <source>to: there is no department "%1".</source>
        <translation>to：没有部门“%1”。</translation>
    </message>
    <message>
        <source>%1: there is no summary waiting for your acknowledgement.</source>
        <translation>%1：没有等待您确认的总结。</translation>
    </message>
    <message>
        <source>%1 has not reached consensus; a contract draft comes from a consensus (§4.2.6).</source>
        <translation>%1 尚未达成共识；合同草稿来自达成共识的谈判（§4.2.6）。</translation>
    </message>
    <message>
        <source>amount: the negotiation has no agreed amount (no offer recorded).</source>
        <translation>amount：该谈判没有成交金额（未记录报价）。</translation>
    </message>
</context>
<context>
    <name>NegotiationStage</name>
    <message>
        <source>Preparation</source>
        <translation>准备</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>开局</translation>
    </message>
    <message>
        <source>Probing</source>
        <translation>摸底</translation>
    </message>
    <message>
        <source>Quoting</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Bargaining</source>
        <translation>讨价还价</translation>
    </message>
    <message>
        <source>Deadlock</source>
        <translation>僵局</translation>
    </message>
    <message>
        <source>Consensus</source>
        <translation>达成共识</translation>
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
        <translation>客户：%1。%2，重要性 %3，复杂度 %4。</translation>
    </message>
    <message>
        <source>Goal: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <source>Outcome: %1.</source>
        <translation>结果：%1。</translation>
    </message>
    <message>
        <source>Agreed amount (latest offer): %1.</source>
        <translation>成交金额（最新报价）：%1。</translation>
    </message>
    <message>
        <source>Our target: %1.</source>
        <translation>我方目标：%1。</translation>
    </message>
    <message>
        <source>Our bottom line: %1.</source>
        <translation>我方底线：%1。</translation>
    </message>
    <message>
        <source>Share of the zone of agreement captured: %1.</source>
        <translation>争取到的协议区间比例：%1。</translation>
    </message>
    <message>
        <source>Sessions: %1, hours in sessions: %2.</source>
        <translation>会谈：%1 次，会谈时长：%2 小时。</translation>
    </message>
    <message>
        <source>%1 of %2 planned days.</source>
        <translation>已用 %1 天，计划 %2 天。</translation>
    </message>
    <message>
        <source>Offers recorded: %1.</source>
        <translation>已记录报价：%1 次。</translation>
    </message>
    <message>
        <source>Concession of %1 on %2</source>
        <translation>%2 让步 %1</translation>
    </message>
    <message>
        <source>, nothing in return</source>
        <translation>，未换得任何回报</translation>
    </message>
    <message>
        <source>, in return: %1</source>
        <translation>，换得：%1</translation>
    </message>
    <message>
        <source> (larger than the previous one)</source>
        <translation>（比上一次让步更大）</translation>
    </message>
    <message>
        <source>Deadlock in %1: %2; strategy: %3; outcome: %4</source>
        <translation>%1 阶段僵局：%2；策略：%3；结果：%4</translation>
    </message>
    <message>
        <source>%1 still open: ours %2, theirs %3</source>
        <translation>%1 仍未谈定：我方 %2，对方 %3</translation>
    </message>
    <message>
        <source>Some concessions were flagged: get something for each one and let them shrink (§4.3.3).</source>
        <translation>部分让步被标记：每次让步都要有所换取，并逐步缩小（§4.3.3）。</translation>
    </message>
    <message>
        <source>Our last estimate of their limit was %1 from the final price.</source>
        <translation>我们对对方底线的最后估计与成交价相差 %1。</translation>
    </message>
</context>
<context>
    <name>NegotiationTasks</name>
    <message>
        <source>The gap in negotiation #%1 has not narrowed: consider marking a deadlock (§4.2.5)</source>
        <translation>谈判 #%1 的差距未缩小：考虑标记僵局（§4.2.5）</translation>
    </message>
    <message>
        <source>Write and submit the summary of negotiation #%1 (§4.4)</source>
        <translation>撰写并提交谈判 #%1 的总结（§4.4）</translation>
    </message>
    <message>
        <source>Acknowledge the summary of negotiation #%1</source>
        <translation>确认谈判 #%1 的总结</translation>
    </message>
    <message>
        <source>Negotiation #%1 was planned to end on %2 (§4.3.5)</source>
        <translation>谈判 #%1 计划于 %2 结束（§4.3.5）</translation>
    </message>
</context>
<context>
    <name>OpenDatabaseFiles</name>
    <message>
        <source>%1: %2 is a BizDesk database in use (or one of its journal files); choose another file.</source>
        <translation>%1：%2 是正在使用的 BizDesk 数据库（或其日志文件），请选择其他文件。</translation>
    </message>
</context>
<context>
    <name>PasswordQuality</name>
    <message>
        <source>password: the password must not contain the login.</source>
        <translation>密码：密码不能包含登录名。</translation>
    </message>
    <message>
        <source>password: the password reads the same backwards; choose one that does not.</source>
        <translation>密码：密码正读反读都一样（回文），请换一个。</translation>
    </message>
    <message>
        <source>The password dictionary cannot be loaded; install the cracklib-runtime package.</source>
        <translation>无法加载密码字典，请安装 cracklib-runtime 软件包。</translation>
    </message>
    <message>
        <source>password: the password is based on a dictionary word; add unrelated words, digits or signs.</source>
        <translation>密码：密码以字典中的单词为基础，请加入不相关的词、数字或符号。</translation>
    </message>
    <message>
        <source>password: the password is too simple or systematic (like 12345678 or abcdefgh).</source>
        <translation>密码：密码太简单或太有规律（如 12345678 或 abcdefgh）。</translation>
    </message>
    <message>
        <source>password: the password is too easy to guess; choose a longer, less regular one.</source>
        <translation>密码：密码太容易被猜到，请换一个更长、更没有规律的密码。</translation>
    </message>
</context>
<context>
    <name>PolicyCatalog</name>
    <message>
        <source>Wrong passwords in a row that lock an account</source>
        <translation>连续输错多少次密码后锁定账户</translation>
    </message>
    <message>
        <source>How long a locked account stays locked</source>
        <translation>账户被锁定的时长</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Entertainment estimates above this amount need executive approval</source>
        <translation>预计费用超过此金额的商务应酬须经公司高层审批</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Actual cost may exceed the estimate by this much before the superior must re-approve</source>
        <translation>实际费用超出预算达到此比例时，须由上级重新审批</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Days after the event within which the claim must be filed</source>
        <translation>活动结束后须在此天数内提交报销</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Monthly entertainment budget of each department</source>
        <translation>各部门每月商务应酬预算</translation>
    </message>
    <message>
        <source>Years receipts are kept</source>
        <translation>票据保存年限</translation>
    </message>
    <message>
        <source>years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Contracts above this amount need executive approval</source>
        <translation>超过此金额的合同须经公司高层审批</translation>
    </message>
    <message>
        <source>Years archived contracts are kept before destruction</source>
        <translation>归档合同在销毁前的保存年限</translation>
    </message>
    <message>
        <source>Contact interval for key customers</source>
        <translation>重点客户的联系间隔</translation>
    </message>
    <message>
        <source>Contact interval for general customers</source>
        <translation>一般客户的联系间隔</translation>
    </message>
    <message>
        <source>Contact interval for potential customers</source>
        <translation>潜在客户的联系间隔</translation>
    </message>
    <message>
        <source>Customers not followed up for this long return to the shared pool</source>
        <translation>超过此天数未跟进的客户退回公共客户池</translation>
    </message>
    <message>
        <source>Weight of the self-assessment in the appraisal score</source>
        <translation>自评在考核得分中的权重</translation>
    </message>
    <message>
        <source>Weight of the peer assessment in the appraisal score</source>
        <translation>同事互评在考核得分中的权重</translation>
    </message>
    <message>
        <source>Weight of the superior's assessment in the appraisal score</source>
        <translation>上级评价在考核得分中的权重</translation>
    </message>
    <message>
        <source>key: "%1" is not a policy setting; "policy show" lists them.</source>
        <translation>参数键：“%1”不是制度参数；“policy show”可列出全部参数。</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount in yuan with at most two decimals (§%3).</source>
        <translation>%1：“%2”不是金额，请填写以元为单位、最多两位小数的数（§%3）。</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3 yuan (§%4).</source>
        <translation>%1：必须在 %2 元到 %3 元之间（§%4）。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a whole number (§%3).</source>
        <translation>%1：“%2”不是整数（§%3）。</translation>
    </message>
    <message>
        <source>%1: must be between %2 and %3 (§%4).</source>
        <translation>%1：必须在 %2 到 %3 之间（§%4）。</translation>
    </message>
    <message>
        <source>Largest scanned receipt accepted (PDF, JPEG or PNG)</source>
        <translation>票据扫描件（PDF、JPEG 或 PNG）的最大大小</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>KB</translation>
    </message>
    <message>
        <source>Event dates (entertainment, customer events) may lie at most this many days before or after today</source>
        <translation>活动日期（商务应酬、客户活动）距今天前后最多允许的天数</translation>
    </message>
    <message>
        <source>appraisal.weights: the weights must add up to 100, not %1 (%2); change them together, e.g. policy set KEY VALUE KEY VALUE (§%3).</source>
        <translation>appraisal.weights：各项权重之和必须为 100，而不是 %1（%2）；请一并修改，例如 policy set KEY VALUE KEY VALUE（§%3）。</translation>
    </message>
    <message>
        <source>Days before a contract ends that its owner is reminded of renewal</source>
        <translation>合同到期前提醒负责人续签的天数</translation>
    </message>
    <message>
        <source>Largest file accepted as a contract attachment</source>
        <translation>合同附件允许的最大文件大小</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Sessions without a narrowing gap after which My Tasks suggests marking a deadlock</source>
        <translation>差距未缩小达到该会谈次数后，我的任务建议标记僵局</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>次会谈</translation>
    </message>
    <message>
        <source>Days without a narrowing gap after which My Tasks suggests marking a deadlock</source>
        <translation>差距未缩小达到该天数后，我的任务建议标记僵局</translation>
    </message>
    <message>
        <source>Largest file accepted as a negotiation material</source>
        <translation>谈判资料可接受的最大文件</translation>
    </message>
</context>
<context>
    <name>PolicyService</name>
    <message>
        <source>key: %1 is given twice.</source>
        <translation>key：%1 被指定了两次。</translation>
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
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Log &amp;level:</source>
        <translation>日志级别(&amp;L)：</translation>
    </message>
    <message>
        <source>A new language applies the next time BizDesk starts.</source>
        <translation>新语言将在下次启动 BizDesk 时生效。</translation>
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
        <translation>人员 #%1</translation>
    </message>
    <message>
        <source>department #%1</source>
        <translation>部门 #%1</translation>
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
        <translation>打印预览…</translation>
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
        <translation>2026、2026-Q3 或 2026-09：该期间签订的合同</translation>
    </message>
    <message>
        <source>.pdf, .xlsx, .csv or .html</source>
        <translation>.pdf、.xlsx、.csv 或 .html</translation>
    </message>
    <message>
        <source>The contract ledger (合同台账): amount, received, outstanding and overdue in CNY (§5.4, §5.6).</source>
        <translation>合同台账：以人民币计的合同金额、已回款、未回款与逾期金额（§5.4、§5.6）。</translation>
    </message>
</context>
<context>
    <name>ReportingLine</name>
    <message>
        <source>superior: this would make a reporting line loop back to the employee (§2.1).</source>
        <translation>上级：这样会使汇报关系形成循环（§2.1）。</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Business Director</source>
        <translation>商务总监</translation>
    </message>
    <message>
        <source>Business Manager</source>
        <translation>商务经理</translation>
    </message>
    <message>
        <source>Business Specialist</source>
        <translation>商务专员</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <source>Executive</source>
        <translation>公司高层</translation>
    </message>
    <message>
        <source>System Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>role: "%1" is not a role; use one of %2.</source>
        <translation>角色：“%1”不是角色；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>role: at least one role is required.</source>
        <translation>角色：至少需要一个角色。</translation>
    </message>
</context>
<context>
    <name>Route</name>
    <message>
        <source>No approval step is open for this record.</source>
        <translation>该记录没有待处理的审批环节。</translation>
    </message>
    <message>
        <source>You are not an approver of the current step (%1), neither yourself nor on behalf of someone (§%2).</source>
        <translation>您不是当前环节（%1）的审批人，也没有受托代人审批（§%2）。</translation>
    </message>
    <message>
        <source>That person has no open decision in the current step.</source>
        <translation>此人在当前环节没有待处理的审批。</translation>
    </message>
    <message>
        <source>step: no such approval step.</source>
        <translation>step：不存在该审批环节。</translation>
    </message>
    <message>
        <source>Nobody may take the approval step %1 (§%2): every possible approver is excluded.</source>
        <translation>审批环节 %1 无人可审批（§%2）：所有可能的审批人都被排除。</translation>
    </message>
</context>
<context>
    <name>SeparationOfDuties</name>
    <message>
        <source>Nobody may approve or review their own request.</source>
        <translation>任何人不得审批或审核自己的申请。</translation>
    </message>
    <message>
        <source>The same person may not take two consecutive approval steps of one request.</source>
        <translation>同一人不得连续审批同一申请的两个步骤。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Please log in first (--as LOGIN).</source>
        <translation>请先登录（--as 登录名）。</translation>
    </message>
    <message>
        <source>%1 (%2) may not %3.</source>
        <translation>%1（%2）无权执行：%3。</translation>
    </message>
</context>
<context>
    <name>SpreadsheetReader</name>
    <message>
        <source>neither valid UTF-8 nor valid GB18030 text</source>
        <translation>既不是有效的 UTF-8 文本，也不是有效的 GB18030 文本</translation>
    </message>
    <message>
        <source>not valid %1 text</source>
        <translation>不是有效的 %1 文本</translation>
    </message>
    <message>
        <source>encoding: line %1 (the header) is neither valid UTF-8 nor GB18030 text; the file is damaged or in another encoding.</source>
        <translation>encoding：第 %1 行（表头）既不是有效的 UTF-8 也不是有效的 GB18030 文本；文件已损坏或使用了其他编码。</translation>
    </message>
    <message>
        <source>encoding: line %1 (the header) is not valid %2 text; try --encoding %3.</source>
        <translation>encoding：第 %1 行（表头）不是有效的 %2 文本；请尝试 --encoding %3。</translation>
    </message>
    <message>
        <source>line %1: the text is %2 (the file has a damaged byte there); the line was not imported.</source>
        <translation>第 %1 行：文本%2（文件在此处有损坏的字节）；该行未导入。</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB, the most BizDesk reads as CSV.</source>
        <translation>文件大于 %1 MB，超过了 BizDesk 读取 CSV 的上限。</translation>
    </message>
    <message>
        <source>encoding: the file starts like UTF-16 text but is not valid UTF-16.</source>
        <translation>encoding：文件开头像 UTF-16 文本，但不是有效的 UTF-16。</translation>
    </message>
    <message>
        <source>FILE: %1: line %2 holds a NUL byte; this is not a CSV file (it contains binary data).</source>
        <translation>文件：%1：第 %2 行含有 NUL 字节，这不是 CSV 文件（其中有二进制数据）。</translation>
    </message>
    <message>
        <source>FILE: %1: line %2: a quoted field opens here and is never closed; the file is truncated or not a CSV file.</source>
        <translation>文件：%1：第 %2 行：此处开始的带引号字段始终没有结束，文件不完整或不是 CSV 文件。</translation>
    </message>
    <message>
        <source>line %1: column %2 holds more than %3 characters, the most a spreadsheet cell holds; the line was not imported.</source>
        <translation>第 %1 行：第 %2 列超过 %3 个字符，这是电子表格单元格的上限；该行未导入。</translation>
    </message>
    <message>
        <source>line %1: the line has more than %2 fields, the most columns a spreadsheet has; the line was not imported.</source>
        <translation>第 %1 行：该行超过 %2 个字段，这是电子表格的最大列数；该行未导入。</translation>
    </message>
    <message>
        <source>FILE: %1: %2</source>
        <translation>文件：%1：%2</translation>
    </message>
    <message>
        <source>FILE: %1: line %2 is longer than %3 MB without a line break, the most BizDesk reads; the file is not a CSV file.</source>
        <translation>文件：%1：第 %2 行超过 %3 MB 仍没有换行，超出 BizDesk 读取的上限，该文件不是 CSV 文件。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 declares a DTD or entities (line %3); spreadsheets never do, so BizDesk does not read it.</source>
        <translation>文件：%1：部件 %2 声明了 DTD 或实体（第 %3 行）；电子表格从不这样做，因此 BizDesk 不读取它。</translation>
    </message>
    <message>
        <source>FILE: %1: %2 holds more than %3 characters, the most a spreadsheet cell holds.</source>
        <translation>文件：%1：%2 超过 %3 个字符，这是电子表格单元格所能容纳的上限。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 is damaged at line %3 (%4).</source>
        <translation>文件：%1：部件 %2 在第 %3 行损坏（%4）。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 ends too early; the file is damaged or truncated.</source>
        <translation>文件：%1：部件 %2 提前结束，文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>FILE: %1: the cell reference "%2" is outside a spreadsheet's grid (columns A to XFD, rows 1 to 1,048,576).</source>
        <translation>文件：%1：单元格引用“%2”超出电子表格的范围（A 至 XFD 列，1 至 1,048,576 行）。</translation>
    </message>
    <message>
        <source>FILE: %1: row number "%2" is outside a spreadsheet's rows (1 to 1,048,576).</source>
        <translation>文件：%1：行号“%2”超出电子表格的行范围（1 至 1,048,576）。</translation>
    </message>
    <message>
        <source>shared string %1</source>
        <translation>共享字符串 %1</translation>
    </message>
    <message>
        <source>FILE: %1: the sheet has more than 1,048,576 rows, the most a spreadsheet holds.</source>
        <translation>文件：%1：工作表超过 1,048,576 行，这是电子表格的上限。</translation>
    </message>
    <message>
        <source>FILE: %1: row %2 has a cell beyond column XFD, the last a spreadsheet holds.</source>
        <translation>文件：%1：第 %2 行有超出 XFD 列的单元格，XFD 是电子表格的最后一列。</translation>
    </message>
    <message>
        <source>cell %1</source>
        <translation>单元格 %1</translation>
    </message>
    <message>
        <source>FILE: %1: the cells of the sheet are spread too thinly (at cell %2); BizDesk holds at most 16 empty cells per filled cell beyond %3.</source>
        <translation>文件：%1：工作表中的单元格分布过于稀疏（在单元格 %2 处）；除 %3 个以外，BizDesk 每个有内容的单元格最多容纳 16 个空单元格。</translation>
    </message>
    <message>
        <source>FILE: %1: cell %2 uses style %3, but the workbook defines %4 styles.</source>
        <translation>文件：%1：单元格 %2 使用样式 %3，但工作簿只定义了 %4 种样式。</translation>
    </message>
    <message>
        <source>FILE: %1: cell %2 refers to shared string %3, but the workbook has %4.</source>
        <translation>文件：%1：单元格 %2 引用共享字符串 %3，但工作簿只有 %4 个。</translation>
    </message>
    <message>
        <source>FILE: %1: the first sheet is empty.</source>
        <translation>文件：%1：第一个工作表是空的。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 unpacks to more than %3 times its packed size, the most BizDesk reads (a zip bomb); the file is not a normal spreadsheet.</source>
        <translation>文件：%1：部件 %2 解压后超过压缩大小的 %3 倍，超出 BizDesk 读取的上限（压缩炸弹），该文件不是正常的电子表格。</translation>
    </message>
    <message>
        <source>FILE: %1 is damaged or truncated (not a complete .xlsx file).</source>
        <translation>文件：%1 已损坏或不完整（不是完整的 .xlsx 文件）。</translation>
    </message>
    <message>
        <source>FILE: %1 holds more than %2 parts, the most BizDesk reads; it is not a normal spreadsheet.</source>
        <translation>文件：%1 包含超过 %2 个部件，超出 BizDesk 读取的上限，不是正常的电子表格。</translation>
    </message>
    <message>
        <source>FILE: %1 has a part whose name is longer than %2 bytes; it is not a normal spreadsheet.</source>
        <translation>文件：%1 中有部件的名称超过 %2 字节，不是正常的电子表格。</translation>
    </message>
    <message>
        <source>FILE: %1 has a part named "%2", which points outside the package (an absolute path or ..); it is not a normal spreadsheet.</source>
        <translation>文件：%1 中有名为“%2”的部件，指向文件包之外（绝对路径或 ..），不是正常的电子表格。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 unpacks to more than %3 MB, the most BizDesk reads; the file is not a normal spreadsheet.</source>
        <translation>文件：%1：部件 %2 解压后超过 %3 MB，超出 BizDesk 读取的上限，该文件不是正常的电子表格。</translation>
    </message>
    <message>
        <source>FILE: %1 has no part %2; it is not a complete .xlsx workbook.</source>
        <translation>文件：%1 中没有部件 %2，不是完整的 .xlsx 工作簿。</translation>
    </message>
    <message>
        <source>FILE: %1: the part %2 holds a single text, tag or comment longer than %3 MB (line %4); no spreadsheet cell is that long.</source>
        <translation>文件：%1：部件 %2 中有一段文本、标记或注释超过 %3 MB（第 %4 行），没有哪个电子表格单元格会这么长。</translation>
    </message>
</context>
<context>
    <name>StoredFiles</name>
    <message>
        <source>FILE: %1 is larger than %2 MB, the limit set by %3 (§%4).</source>
        <translation>FILE：%1 超过 %2 MB，即 %3 规定的上限（§%4）。</translation>
    </message>
    <message>
        <source>FILE: %1 is empty.</source>
        <translation>FILE：%1 是空文件。</translation>
    </message>
    <message>
        <source>FILE: cannot read %1 (%2).</source>
        <translation>FILE：无法读取 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 no longer matches the SHA-256 recorded when it was attached; the stored copy was changed outside BizDesk.</source>
        <translation>%1 与添加时记录的 SHA-256 不再一致；存储的副本已在 BizDesk 之外被改动。</translation>
    </message>
    <message>
        <source>out: cannot write %1 (%2).</source>
        <translation>out：无法写入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>SweepLock</name>
    <message>
        <source>Another process took over this sweep after it stalled for two minutes; this one stopped. What it had done is saved.</source>
        <translation>另一个进程在本次清理停滞两分钟后接手了它；本次清理已停止，已完成的部分均已保存。</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>FILE: "%1" must end in .csv or .xlsx.</source>
        <translation>文件：“%1”的扩展名必须是 .csv 或 .xlsx。</translation>
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation>文件夹不可写</translation>
    </message>
    <message>
        <source>could not replace the file</source>
        <translation>无法替换文件</translation>
    </message>
</context>
<context>
    <name>TargetSegmentDialog</name>
    <message>
        <source>New target segment</source>
        <translation>新建目标客户群</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>姓名(&amp;N)：*</translation>
    </message>
    <message>
        <source>&amp;Traits:</source>
        <translation>特征(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation>开发策略(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Approvals waiting for me</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Claims to review</source>
        <translation>待审核报销</translation>
    </message>
    <message>
        <source>Claims to file</source>
        <translation>待提交报销</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Overdue contacts</source>
        <translation>逾期未联系</translation>
    </message>
    <message>
        <source>Other tasks</source>
        <translation>其他任务</translation>
    </message>
</context>
<context>
    <name>TeamAudit</name>
    <message>
        <source>First account created</source>
        <translation>创建首个账户</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>修改人员资料</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>解锁账户</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>账户被锁定</translation>
    </message>
    <message>
        <source>Department added</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>Department head set</source>
        <translation>设置部门负责人</translation>
    </message>
    <message>
        <source>Delegation given</source>
        <translation>设立审批授权</translation>
    </message>
    <message>
        <source>Delegation revoked</source>
        <translation>撤销审批授权</translation>
    </message>
    <message>
        <source>Policy setting changed</source>
        <translation>修改制度参数</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
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
        <translation>部门</translation>
    </message>
    <message>
        <source>Superior</source>
        <translation>直接上级</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
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
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
</context>
<context>
    <name>TextRules</name>
    <message>
        <source>%1: the text is not valid Unicode (a broken character at position %2).</source>
        <translation>%1：文本不是有效的 Unicode（第 %2 个位置有损坏的字符）。</translation>
    </message>
    <message>
        <source>%1: line breaks and tabs are not allowed here.</source>
        <translation>%1：此处不允许换行符和制表符。</translation>
    </message>
    <message>
        <source>%1: the control character %2 is not allowed.</source>
        <translation>%1：不允许使用控制字符 %2。</translation>
    </message>
    <message>
        <source>%1: the text-direction control %2 is not allowed (it can make text read differently from what is stored).</source>
        <translation>%1：不允许使用文字方向控制符 %2（它会使显示的文字与存储的内容不同）。</translation>
    </message>
    <message>
        <source>%1: the text consists only of invisible characters.</source>
        <translation>%1：文本只包含不可见字符。</translation>
    </message>
    <message>
        <source>%1: at most %2 characters (this has %3).</source>
        <translation>%1：最多 %2 个字符（当前为 %3 个）。</translation>
    </message>
    <message>
        <source>%1: a value is required.</source>
        <translation>%1：必须填写。</translation>
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
        <translation>密码(&amp;P)：*</translation>
    </message>
    <message>
        <source>&amp;Repeat password: *</source>
        <translation>确认密码(&amp;R)：*</translation>
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
        <translation>没有用户“%1”。</translation>
    </message>
    <message>
        <source>There is no user with id %1.</source>
        <translation>没有编号为 %1 的用户。</translation>
    </message>
    <message>
        <source>%1 was changed by someone else meanwhile; reload and try again.</source>
        <translation>%1 已被他人修改；请重新加载后再试。</translation>
    </message>
    <message>
        <source>There is no department "%1".</source>
        <translation>没有部门“%1”。</translation>
    </message>
    <message>
        <source>The department was changed by someone else meanwhile; reload and try again.</source>
        <translation>该部门已被他人修改；请重新加载后再试。</translation>
    </message>
</context>
<context>
    <name>UserRules</name>
    <message>
        <source>login: the login is required.</source>
        <translation>登录名：必须填写登录名。</translation>
    </message>
    <message>
        <source>login: "%1" is not a valid login; use 2–32 letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>登录名：“%1”无效；请使用 2–32 个字母、数字、点、连字符或下划线，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>name: the name is required.</source>
        <translation>姓名：必须填写姓名。</translation>
    </message>
    <message>
        <source>password: the password must have at least %1 characters.</source>
        <translation>密码：密码至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>password: the password cannot be only spaces.</source>
        <translation>密码：密码不能全是空格。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a valid e-mail address.</source>
        <translation>%1：“%2”不是有效的电子邮箱。</translation>
    </message>
    <message>
        <source>%1: "%2" is not a valid phone number.</source>
        <translation>%1：“%2”不是有效的电话号码。</translation>
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
    <name>bizdesk::ui::ChurnPage</name>
    <message>
        <source>Customers at risk of churning, highest score first. The score adds up: overdue contact against the class's contact plan, open and recent complaints, falling contract value, contracts ending without renewal, a stalled pipeline stage (§3.2.4).</source>
        <translation>存在流失风险的客户，按分数从高到低排列。分数由以下因素累加：超出该类别联系周期未联系、未解决及近期投诉、合同金额下降、合同到期未续约、开发阶段停滞（§3.2.4）。</translation>
    </message>
    <message>
        <source>Record &amp;win-back…</source>
        <translation>记录挽回(&amp;W)…</translation>
    </message>
    <message>
        <source>Record win-back &amp;result…</source>
        <translation>记录挽回结果(&amp;R)…</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Win-back records (§3.2.4): choose a pending one to record its result</source>
        <translation>挽回记录（§3.2.4）：选择待定的一条记录其结果</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录日期</translation>
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
        <translation>结果</translation>
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
            <numerusform>%n 个客户存在流失风险。</numerusform>
        </translation>
    </message>
    <message>
        <source>Win-back success rate: %1%.</source>
        <translation>挽回成功率：%1%。</translation>
    </message>
    <message>
        <source>Choose an at-risk customer first.</source>
        <translation>请先选择一个有流失风险的客户。</translation>
    </message>
    <message>
        <source>Record win-back</source>
        <translation>记录挽回</translation>
    </message>
    <message>
        <source>Why is the customer at risk? (§3.2.4)</source>
        <translation>客户为什么存在流失风险？（§3.2.4）</translation>
    </message>
    <message>
        <source>Win-back measures (discount, service improvement, more contact):</source>
        <translation>挽回措施（折扣、改进服务、加强联系）：</translation>
    </message>
    <message>
        <source>Choose a pending win-back record first.</source>
        <translation>请先选择一条待定的挽回记录。</translation>
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
        <translation>挽回结果</translation>
    </message>
    <message>
        <source>Result of the win-back for %1 (§3.2.4):</source>
        <translation>%1 的挽回结果（§3.2.4）：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ClauseTemplatesDialog</name>
    <message>
        <source>Clause templates (§5.1.3)</source>
        <translation>条款模板（§5.1.3）</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>New clause template</source>
        <translation>新建条款模板</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CompanyProfileDialog</name>
    <message>
        <source>System time zone (%1)</source>
        <translation>系统时区（%1）</translation>
    </message>
    <message>
        <source>Only an administrator may change the company profile.</source>
        <translation>只有系统管理员可以修改公司信息。</translation>
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
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Or drop files here; at most contract.attachment_max_mb each</source>
        <translation>也可将文件拖放到此处；每个文件不超过 contract.attachment_max_mb</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>%1 (destroyed, §5.6.3)</source>
        <translation>%1（已销毁，§5.6.3）</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save attachment as</source>
        <translation>附件另存为</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractEditorDialog</name>
    <message>
        <source>Edit contract %1</source>
        <translation>编辑合同 %1</translation>
    </message>
    <message>
        <source>New contract</source>
        <translation>新建合同</translation>
    </message>
    <message>
        <source>Type part of the name and press Enter to search</source>
        <translation>输入部分名称后按回车搜索</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <source>login; empty: you</source>
        <translation>登录名；留空为您本人</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Insert template</source>
        <translation>插入模板(&amp;I)</translation>
    </message>
    <message>
        <source>Legal's standard wording for this clause (§5.1.3)</source>
        <translation>法务为该条款提供的标准文本（§5.1.3）</translation>
    </message>
    <message>
        <source>No templates for this clause yet</source>
        <translation>该条款暂无模板</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractFilterBar</name>
    <message>
        <source>C&amp;ustomer:</source>
        <translation>客户(&amp;U)：</translation>
    </message>
    <message>
        <source>Type part of the name and press Enter to search; pick "All customers" to clear</source>
        <translation>输入名称的一部分并按回车搜索；选择“全部客户”即可清除</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>负责人(&amp;W)：</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Ending &amp;soon</source>
        <translation>即将到期(&amp;S)</translation>
    </message>
    <message>
        <source>Effective contracts ending within the renewal notice period (contract.renewal_notice_days)</source>
        <translation>在续签提醒期内（contract.renewal_notice_days）到期的生效合同</translation>
    </message>
    <message>
        <source>O&amp;verdue receivables</source>
        <translation>回款逾期(&amp;V)</translation>
    </message>
    <message>
        <source>Effective contracts with an installment past its due date and not fully received</source>
        <translation>有回款计划已过期且未全额收回的生效合同</translation>
    </message>
    <message>
        <source>Retention e&amp;xpired</source>
        <translation>保管期满(&amp;X)</translation>
    </message>
    <message>
        <source>Archived contracts kept past contract.retention_years; a director may destroy them (§5.6.3)</source>
        <translation>已归档且超过保管年限（contract.retention_years）的合同，可由总监批准销毁（§5.6.3）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractLedgerView</name>
    <message>
        <source>Contract ledger</source>
        <translation>合同台账</translation>
    </message>
    <message>
        <source>&amp;Signed in:</source>
        <translation>签订期间(&amp;S)：</translation>
    </message>
    <message>
        <source>Save ledger</source>
        <translation>保存台账</translation>
    </message>
    <message>
        <source>contract-ledger-%1%2</source>
        <translation>合同台账-%1%2</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ContractListModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
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
        <translation>状态：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Comment (required to return)</source>
        <translation>意见（退回时必填）</translation>
    </message>
    <message>
        <source>Withdraw contract %1?</source>
        <translation>撤回合同 %1？</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Our signatory</source>
        <translation>我方签字人</translation>
    </message>
    <message>
        <source>Their signatory</source>
        <translation>客户方签字人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Amount (optional)</source>
        <translation>金额（可选）</translation>
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
        <translation>金额</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>到账日期</translation>
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
        <translation>需求变更</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Quality dispute</source>
        <translation>质量争议</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Score (1–5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>应酬事由</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>New amount (optional)</source>
        <translation>新金额（可选）</translation>
    </message>
    <message>
        <source>Notice date</source>
        <translation>通知日期</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>Archive number</source>
        <translation>档案编号</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <source>Destroy the documents of contract %1? Its record and history stay.</source>
        <translation>销毁合同 %1 的文件？合同记录和历史将保留。</translation>
    </message>
    <message>
        <source>&amp;Receivables…</source>
        <translation>应收款(&amp;R)…</translation>
    </message>
    <message>
        <source>Contract &amp;ledger…</source>
        <translation>合同台账(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Print approval sheet…</source>
        <translation>打印审批单(&amp;P)…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>回款计划</translation>
    </message>
    <message>
        <source>Contract ledger</source>
        <translation>合同台账</translation>
    </message>
    <message>
        <source>Clause &amp;templates…</source>
        <translation>条款模板(&amp;T)…</translation>
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
        <translation>（未记录）</translation>
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
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>Possible duplicate: customer #%1 "%2" has the same %3.</source>
        <translation>可能重复：客户 #%1“%2”的 %3 相同。</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Add the customer anyway?</source>
        <translation>仍然添加该客户吗？</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomerImportDialog</name>
    <message>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Excel on Chinese Windows)</source>
        <translation>GB18030 / GBK（中文 Windows 版 Excel）</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>电子表格 (*.csv *.xlsx *.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n data row(s), encoding %1.</source>
        <translation>
            <numerusform>%n 行数据，编码 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Maps to</source>
        <translation>对应字段</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
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
        <translation>文件中的值</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Stands for</source>
        <translation>对应为</translation>
    </message>
    <message>
        <source>Not imported (no field chosen): %1</source>
        <translation>不导入（未选择字段）：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(reject these rows)</source>
        <translation>（拒绝这些行）</translation>
    </message>
    <message>
        <source>Dry run: %1 row(s) would be imported, %2 updated, %3 rejected; nothing was written.</source>
        <translation>试运行：将导入 %1 行，更新 %2 行，拒绝 %3 行；未写入任何数据。</translation>
    </message>
    <message>
        <source>%1 row(s) imported, %2 updated, %3 rejected.</source>
        <translation>已导入 %1 行，更新 %2 行，拒绝 %3 行。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomerListModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>开发阶段</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>(shared pool)</source>
        <translation>（公海）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Could not count the customers: %1</source>
        <translation>无法统计客户数量：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::CustomersPage</name>
    <message>
        <source>Customer list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>Pipeline board</source>
        <translation>开发看板</translation>
    </message>
    <message>
        <source>Churn warning</source>
        <translation>流失预警</translation>
    </message>
    <message>
        <source>Research and segments</source>
        <translation>市场调研与目标客户</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
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
        <translation>搜索名称、联系人、电话、邮箱、地址、备注…</translation>
    </message>
    <message>
        <source>No customers here yet — create one with New customer or import an Excel file.</source>
        <translation>还没有客户 — 新建客户或导入 Excel 文件。</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Record &amp;contact…</source>
        <translation>记录沟通(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Advance stage</source>
        <translation>推进阶段(&amp;A)</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>标记流失(&amp;L)…</translation>
    </message>
    <message>
        <source>C&amp;laim from pool</source>
        <translation>从公海领取(&amp;L)</translation>
    </message>
    <message>
        <source>Add contact &amp;person…</source>
        <translation>添加联系人(&amp;P)…</translation>
    </message>
    <message>
        <source>Handle c&amp;omplaint…</source>
        <translation>处理投诉(&amp;O)…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>&amp;Advance to %1</source>
        <translation>推进到“%1”(&amp;A)</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客户.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 with BOM (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，带 BOM 的 UTF-8 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 个客户到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Handle complaint</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>Complaint of %1: %2
New status:</source>
        <translation>%1 的投诉：%2
新状态：</translation>
    </message>
    <message>
        <source>How was the complaint resolved? (§3.2.3)</source>
        <translation>投诉是如何解决的？（§3.2.3）</translation>
    </message>
    <message>
        <source>Add contact person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Phone (optional):</source>
        <translation>电话（可选）：</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为流失</translation>
    </message>
    <message>
        <source>Why was the customer lost? (required, §3.1.4)</source>
        <translation>客户为什么流失？（必填，§3.1.4）</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export customers…</source>
        <translation>导出客户(&amp;E)…</translation>
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
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reassign customer</source>
        <translation>重新分配客户</translation>
    </message>
    <message>
        <source>New owner (§3.2.1):</source>
        <translation>新负责人（§3.2.1）：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
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
        <translation>业务往来（§3.2.1）：该客户暂无合同、谈判或商务应酬申请。</translation>
    </message>
    <message>
        <source>Business dealings (§3.2.1): contracts with payments, negotiations, entertainment requests — double-click to open</source>
        <translation>业务往来（§3.2.1）：合同及回款、谈判、商务应酬申请——双击打开</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::DatabasePasswordDialog</name>
    <message>
        <source>Password of %1:</source>
        <translation>%1 的密码：</translation>
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
        <translation>%1（%2）</translation>
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
        <translation>（无）</translation>
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
        <translation>新建申请(&amp;N)</translation>
    </message>
    <message>
        <source>Fill in a 商務應酬申請表 (Ctrl+N)</source>
        <translation>填写商务应酬申请表（Ctrl+N）</translation>
    </message>
    <message>
        <source>Comment (required to return or reject)</source>
        <translation>审批意见（退回或驳回时必填）</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>保存草稿</translation>
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
        <translation>驳回</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>取消应酬</translation>
    </message>
    <message>
        <source>File claim…</source>
        <translation>申请报销…</translation>
    </message>
    <message>
        <source>Reimburse</source>
        <translation>核准报销</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <source>Refuse claim</source>
        <translation>拒绝报销</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>票据</translation>
    </message>
    <message>
        <source>Attach receipt…</source>
        <translation>添加票据…</translation>
    </message>
    <message>
        <source>No entertainment requests here yet — Ctrl+N starts an application (§6.3.1).</source>
        <translation>这里还没有应酬申请 — 按 Ctrl+N 新建申请（§6.3.1）。</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s): </source>
        <translation>
            <numerusform>共 %n 项申请：</numerusform>
        </translation>
    </message>
    <message>
        <source>New entertainment application</source>
        <translation>新建应酬申请</translation>
    </message>
    <message>
        <source>Select a request, or press Ctrl+N for a new application.</source>
        <translation>请选择一项申请，或按 Ctrl+N 新建申请。</translation>
    </message>
    <message>
        <source>No. %1 · %2 · %3</source>
        <translation>编号 %1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 of %2 used this month; with this request %3</source>
        <translation>本月已用 %1（预算 %2）；加上本申请为 %3</translation>
    </message>
    <message>
        <source>Claim: actual %1, %2 receipt(s), filed %3. %4</source>
        <translation>报销：实际 %1，票据 %2 张，提交于 %3。%4</translation>
    </message>
    <message>
        <source>%1 (%2 KB, SHA-256 %3…)</source>
        <translation>%1（%2 KB，SHA-256 %3…）</translation>
    </message>
    <message>
        <source>Attach receipt</source>
        <translation>添加票据</translation>
    </message>
    <message>
        <source>Receipts (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>票据 (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>将申请表保存为 PDF</translation>
    </message>
    <message>
        <source>entertainment-%1.pdf</source>
        <translation>商务应酬申请表-%1.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Audit history</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>You decide on behalf of %1, who delegated approvals to you; the decision is recorded with their name.</source>
        <translation>您代 %1 审批（其已将审批委托给您）；审批记录将注明代其审批。</translation>
    </message>
    <message>
        <source>Over the estimate by %1 (%2%).</source>
        <translation>超出预计费用 %1（%2%）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseClaimDialog</name>
    <message>
        <source>Approved estimate: ¥%1. A clearly higher actual cost needs a written explanation and the superior's approval before finance (§6.4.3).</source>
        <translation>已批准的预计费用：¥%1。实际费用明显超出时，须书面说明并经上级审批后再交财务审核（§6.4.3）。</translation>
    </message>
    <message>
        <source>as on the receipts</source>
        <translation>按票据填写</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseFilterBar</name>
    <message>
        <source>All I may see</source>
        <translation>我可查看的全部</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>待我审批</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Any department</source>
        <translation>全部部门</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseFormWidget</name>
    <message>
        <source>Nobody from the company ticked.</source>
        <translation>尚未勾选公司人员。</translation>
    </message>
    <message>
        <source>Taking part: %1</source>
        <translation>参加人员：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Department head, then the head's superior (§6.3.2).</source>
        <translation>部门负责人审核，再由其上级审批（§6.3.2）。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseListModel</name>
    <message>
        <source>over budget</source>
        <translation>超出预算</translation>
    </message>
    <message>
        <source>overrun</source>
        <translation>超支</translation>
    </message>
    <message>
        <source>late claim</source>
        <translation>逾期报销</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>应酬类别</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预计费用</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际费用</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
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
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>审批路线</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>审批环节</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Approval timeline</source>
        <translation>审批记录</translation>
    </message>
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
        <source>Comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>制度版本</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Ahead</source>
        <translation>待审</translation>
    </message>
    <message>
        <source>Still ahead</source>
        <translation>尚未到达</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ExpenseReportPage</name>
    <message>
        <source>Entertainment expense report</source>
        <translation>商务应酬费用报表</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <source>entertainment-%1%2</source>
        <translation>商务应酬费用-%1%2</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::FieldsDialog</name>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::FirstRunDialog</name>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账户</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::LeadOutcomesDialog</name>
    <message>
        <source>Outcomes by lead</source>
        <translation>按负责人看成效</translation>
    </message>
    <message>
        <source>Closed negotiations whose figures you may see (§4.4). Zone captured: (final − our bottom line) ÷ (their estimated limit − our bottom line). Estimate error: our last estimate of their limit minus the final price.</source>
        <translation>您有权查看数字的已关闭谈判（§4.4）。获取的协议区间 =（最终价格 − 我方底线）÷（估计的对方极限 − 我方底线）。估计偏差 = 我方最后一次估计的对方极限减去最终价格。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Closed negotiations</source>
        <translation>已关闭的谈判</translation>
    </message>
    <message>
        <source>Zone captured (average)</source>
        <translation>获取的协议区间（平均）</translation>
    </message>
    <message>
        <source>Estimate error (average)</source>
        <translation>估计偏差（平均）</translation>
    </message>
    <message>
        <source>No closed negotiation with figures you may see yet.</source>
        <translation>还没有您有权查看数字的已关闭谈判。</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n 位负责人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::LoginDialog</name>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MainWindow</name>
    <message>
        <source>BizDesk — Business Management</source>
        <translation>BizDesk 商务管理台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Policy and rules…</source>
        <translation>制度与规则(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About BizDesk</source>
        <translation>关于 BizDesk(&amp;A)</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) waiting</source>
        <translation>
            <numerusform>%n 项待办</numerusform>
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
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>BizDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite)</source>
        <translation>BizDesk 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists; choose a new name.</source>
        <translation>%1 已存在；请另选名称。</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Only a system administrator can make backups.</source>
        <translation>只有系统管理员可以备份。</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>备份到</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>恢复哪个备份？</translation>
    </message>
    <message>
        <source>BizDesk databases (*.sqlite *.bak);;All files (*)</source>
        <translation>BizDesk 数据库 (*.sqlite *.bak);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore into a new file</source>
        <translation>恢复到新文件</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The backup was restored into %1. Open it now?</source>
        <translation>备份已恢复到 %1。现在打开吗？</translation>
    </message>
    <message>
        <source>About BizDesk</source>
        <translation>关于 BizDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BizDesk %1&lt;/h3&gt;&lt;p&gt;Business management for software companies: customers, negotiations, contracts, entertainment expenses and the business team, following the company's business management regulation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BizDesk 商务管理台 %1&lt;/h3&gt;&lt;p&gt;面向软件公司的商务管理：客户、商务谈判、合同、商务应酬费用与商务团队，依据公司《商务管理制度》运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>My Tasks</source>
        <translation>我的待办</translation>
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
    <message>
        <source>Backup written to %1 (audit head %2)</source>
        <translation>备份已写入 %1（审计链头 %2）</translation>
    </message>
    <message>
        <source>&amp;Company profile…</source>
        <translation>公司信息(&amp;C)…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>正在加载待办…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::MarketResearchPage</name>
    <message>
        <source>Market research (§3.1.1)</source>
        <translation>市场调研（§3.1.1）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>调研结论</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Record &amp;market research…</source>
        <translation>记录市场调研(&amp;M)…</translation>
    </message>
    <message>
        <source>Target segments (§3.1.2)</source>
        <translation>目标客户群（§3.1.2）</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>客户群</translation>
    </message>
    <message>
        <source>Traits</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>New target &amp;segment…</source>
        <translation>新建目标客户群(&amp;S)…</translation>
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
            <numerusform>您有 %n 项待办</numerusform>
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
        <translation>本周到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Task &amp;kind:</source>
        <translation>任务类型(&amp;K)：</translation>
    </message>
    <message>
        <source>D&amp;ue date:</source>
        <translation>到期日(&amp;U)：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Loading tasks…</source>
        <translation>正在加载待办…</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::NegotiationListModel</name>
    <message>
        <source>%1 (closed)</source>
        <translation>%1（已关闭）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Negotiation stage</source>
        <translation>谈判阶段</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Latest offer</source>
        <translation>最新报价</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::NegotiationsPage</name>
    <message>
        <source>&amp;New negotiation…</source>
        <translation>新建谈判(&amp;N)…</translation>
    </message>
    <message>
        <source>My negotiations</source>
        <translation>我参与的谈判</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
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
        <translation>客户编号</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Team member…</source>
        <translation>团队成员…</translation>
    </message>
    <message>
        <source>Strategy…</source>
        <translation>策略…</translation>
    </message>
    <message>
        <source>Material…</source>
        <translation>资料…</translation>
    </message>
    <message>
        <source>Briefing held</source>
        <translation>已开协调会</translation>
    </message>
    <message>
        <source>Session…</source>
        <translation>会谈…</translation>
    </message>
    <message>
        <source>Probing note…</source>
        <translation>摸底笔记…</translation>
    </message>
    <message>
        <source>Estimate…</source>
        <translation>估计…</translation>
    </message>
    <message>
        <source>Offer…</source>
        <translation>报价…</translation>
    </message>
    <message>
        <source>Term…</source>
        <translation>条款…</translation>
    </message>
    <message>
        <source>Deadlock…</source>
        <translation>僵局…</translation>
    </message>
    <message>
        <source>Deadlock outcome…</source>
        <translation>僵局结果…</translation>
    </message>
    <message>
        <source>Write summary…</source>
        <translation>撰写总结…</translation>
    </message>
    <message>
        <source>Submit summary…</source>
        <translation>提交总结…</translation>
    </message>
    <message>
        <source>Acknowledge summary</source>
        <translation>确认总结</translation>
    </message>
    <message>
        <source>Create contract draft</source>
        <translation>创建合同草稿</translation>
    </message>
    <message>
        <source>Summary PDF…</source>
        <translation>总结 PDF…</translation>
    </message>
    <message>
        <source>Open the negotiation</source>
        <translation>开局</translation>
    </message>
    <message>
        <source>The preparation checklist is not complete: %1.
Open the negotiation anyway?</source>
        <translation>准备清单尚未完成：%1。
仍要开局吗？</translation>
    </message>
    <message>
        <source>New negotiation</source>
        <translation>新建谈判</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
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
        <translation>复杂度</translation>
    </message>
    <message>
        <source>Our target</source>
        <translation>我方期望目标</translation>
    </message>
    <message>
        <source>Bottom line</source>
        <translation>底线</translation>
    </message>
    <message>
        <source>Opening anchor</source>
        <translation>开价锚点</translation>
    </message>
    <message>
        <source>BATNA</source>
        <translation>BATNA（最佳替代方案）</translation>
    </message>
    <message>
        <source>Walk-away conditions</source>
        <translation>退出条件</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划结束</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Our strengths</source>
        <translation>我方优势</translation>
    </message>
    <message>
        <source>Our weaknesses</source>
        <translation>我方劣势</translation>
    </message>
    <message>
        <source>Their strengths</source>
        <translation>对方优势</translation>
    </message>
    <message>
        <source>Their weaknesses</source>
        <translation>对方劣势</translation>
    </message>
    <message>
        <source>Their likely strategy</source>
        <translation>对方可能的策略</translation>
    </message>
    <message>
        <source>Our responses</source>
        <translation>我方对策</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Meeting place</source>
        <translation>会谈地点</translation>
    </message>
    <message>
        <source>Start (HH:MM)</source>
        <translation>开始（HH:MM）</translation>
    </message>
    <message>
        <source>End (HH:MM)</source>
        <translation>结束（HH:MM）</translation>
    </message>
    <message>
        <source>Our attendees</source>
        <translation>我方出席人员</translation>
    </message>
    <message>
        <source>Their attendees</source>
        <translation>对方出席人员</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议纪要</translation>
    </message>
    <message>
        <source>Their position</source>
        <translation>对方立场</translation>
    </message>
    <message>
        <source>Their interests</source>
        <translation>对方利益</translation>
    </message>
    <message>
        <source>Presumed bottom line</source>
        <translation>推测底线</translation>
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
        <translation>来源</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>方</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Got in return</source>
        <translation>换得</translation>
    </message>
    <message>
        <source>Reason (past our bottom line)</source>
        <translation>理由（突破我方底线时）</translation>
    </message>
    <message>
        <source>Term under discussion</source>
        <translation>谈判条款</translation>
    </message>
    <message>
        <source>Our position</source>
        <translation>我方立场</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未谈定</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>已谈定</translation>
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
        <translation>结果</translation>
    </message>
    <message>
        <source>Departments (comma-separated)</source>
        <translation>部门（以逗号分隔）</translation>
    </message>
    <message>
        <source>Contract draft %1 created.</source>
        <translation>已创建合同草稿 %1。</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Summary print preview…</source>
        <translation>总结报告打印预览…</translation>
    </message>
    <message>
        <source>Save material file</source>
        <translation>保存资料文件</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Outcomes by lead…</source>
        <translation>按负责人看成效…</translation>
    </message>
    <message>
        <source>Per lead over closed negotiations: share of the zone captured and the error of the estimate (§4.4).</source>
        <translation>按负责人统计已关闭谈判：争取到的协议区间比例和估计误差（§4.4）。</translation>
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
    <message>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PipelineBoard</name>
    <message>
        <source>Drag a customer to the next stage. The pipeline moves one step at a time; a lost customer needs a reason and reopens as a lead (§3.1.4).</source>
        <translation>将客户拖到下一阶段。开发流程须逐步推进；标记流失需填写原因，流失客户可重新作为线索开始（§3.1.4）。</translation>
    </message>
    <message>
        <source>shared pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <source>… and %1 more (see the list)</source>
        <translation>… 另有 %1 个（见列表）</translation>
    </message>
    <message>
        <source>Mark as lost</source>
        <translation>标记为流失</translation>
    </message>
    <message>
        <source>Why was the customer lost? (required, §3.1.4)</source>
        <translation>客户为什么流失？（必填，§3.1.4）</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PlannedModulePage</name>
    <message>
        <source>Regulation: %1</source>
        <translation>制度条款：%1</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PolicyHelpDialog</name>
    <message>
        <source>Policy and rules</source>
        <translation>制度与规则</translation>
    </message>
    <message>
        <source>BizDesk enforces these rules of the business management regulation. The director changes the values in Settings → Policy; every change is versioned and audited.</source>
        <translation>BizDesk 执行《商务管理制度》中的以下规则。商务总监可在“设置 → 制度参数”中修改数值；每次修改都有版本记录并写入审计日志。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>参数键</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PolicySettingsDialog</name>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>参数键</translation>
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
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>§%1 %2 (%3); default %4</source>
        <translation>§%1 %2（%3）；默认值 %4</translation>
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
        <translation>%1 尚未生效：请修改该规则涉及的其他设置，随后将一并生效。</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::PreferencesDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Debug (everything, for troubleshooting)</source>
        <translation>调试（全部记录，用于排查问题）</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ReceivablesModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Outstanding (CNY)</source>
        <translation>未回款（人民币）</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>账龄</translation>
    </message>
</context>
<context>
    <name>bizdesk::ui::ReceivablesView</name>
    <message>
        <source>Receivables: due and overdue installments</source>
        <translation>应收款：到期与逾期款项</translation>
    </message>
    <message>
        <source>Double-click an installment to open its contract. Amounts in CNY.</source>
        <translation>双击某期应收款即可打开其合同。金额以人民币计。</translation>
    </message>
    <message>
        <source>adding up…</source>
        <translation>正在汇总…</translation>
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
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
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