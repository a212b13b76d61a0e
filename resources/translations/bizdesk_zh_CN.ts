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
        <translation>邮箱</translation>
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
        <source>Import customers from CSV (GB18030 or UTF-8) or .xlsx; one transaction.</source>
        <translation>从 CSV（GB18030 或 UTF-8）或 .xlsx 导入客户；整个导入为一个事务。</translation>
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
        <translation>邮箱(&amp;E)：</translation>
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
        <source>this is not a CSV or .xlsx file (it contains binary data).</source>
        <translation>这不是 CSV 或 .xlsx 文件（含有二进制数据）。</translation>
    </message>
    <message>
        <source>encoding: the file is not valid UTF-8; try --encoding gb18030.</source>
        <translation>编码：文件不是有效的 UTF-8，请尝试 --encoding gb18030。</translation>
    </message>
    <message>
        <source>line %1: a quoted field is not closed; the file is truncated or not a CSV file.</source>
        <translation>第 %1 行：引号字段没有闭合；文件不完整或不是 CSV 文件。</translation>
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
        <source>the first sheet is damaged (%1).</source>
        <translation>第一个工作表已损坏（%1）。</translation>
    </message>
    <message>
        <source>the first sheet is empty.</source>
        <translation>第一个工作表为空。</translation>
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
        <source>FILE: the workbook is damaged or truncated (not a complete .xlsx file).</source>
        <translation>文件：工作簿已损坏或不完整（不是完整的 .xlsx 文件）。</translation>
    </message>
    <message>
        <source>FILE: the workbook has no %1; it is not a complete .xlsx file.</source>
        <translation>文件：工作簿中没有 %1，不是完整的 .xlsx 文件。</translation>
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
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Key</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般客户</translation>
    </message>
    <message>
        <source>Potential</source>
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
        <translation>邮箱</translation>
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
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 超过 %2 个字符。</translation>
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
            <numerusform>%n 个未解决投诉</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) in the last 90 days</source>
        <translation>
            <numerusform>近 90 天内 %n 次投诉</numerusform></translation>
    </message>
    <message>
        <source>contract value down %1% on the previous 12 months</source>
        <translation>合同金额较前 12 个月下降 %1%</translation>
    </message>
    <message numerus="yes">
        <source>%n contract(s) ending soon without renewal</source>
        <translation>
            <numerusform>%n 份合同即将到期且未续约</numerusform></translation>
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
        <source>%1 customer · no contact for %2 days, interval %3</source>
        <translation>%1 · 已 %2 天未联系，联系周期 %3 天</translation>
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
        <source>note is longer than %1 characters.</source>
        <translation>note 超过 %1 个字符。</translation>
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
        <source>Complaint #%1 is already resolved (§3.2.3).</source>
        <translation>投诉 #%1 已解决（§3.2.3）。</translation>
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
        <source>name: a target segment needs a name (§3.1.2).</source>
        <translation>name：目标客户群必须有名称（§3.1.2）。</translation>
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
        <translation>客户管理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
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
            <numerusform>%n 行数据，编码 %1。</numerusform></translation>
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
        <source>Dry run: %1 row(s) would be imported, %2 rejected; nothing was written.</source>
        <translation>试运行：将导入 %1 行，拒绝 %2 行；未写入任何数据。</translation>
    </message>
    <message>
        <source>%1 row(s) imported, %2 rejected.</source>
        <translation>已导入 %1 行，拒绝 %2 行。</translation>
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
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform></translation>
    </message>
    <message>
        <source>No customers here yet — create one with New customer or import an Excel file.</source>
        <translation>还没有客户 — 新建客户或导入 Excel 文件。</translation>
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
        <source>Customers at risk of churning, highest score first. The score adds up: overdue contact against the class's contact plan, open and recent complaints, falling contract value, contracts ending without renewal, a stalled pipeline stage (§3.2.4).</source>
        <translation>存在流失风险的客户，按分数从高到低排列。分数由以下因素累加：超出该类别联系周期未联系、未解决及近期投诉、合同金额下降、合同到期未续约、开发阶段停滞（§3.2.4）。</translation>
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
        <translation>客户管理</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>shared pool</source>
        <translation>公海</translation>
    </message>
    <message numerus="yes">
        <source>Contact overdue: the contact plan for this class is every %n day(s) (§3.2.2).</source>
        <translation>
            <numerusform>联系已逾期：该类别客户的联系周期为每 %n 天（§3.2.2）。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n open complaint(s)</source>
        <translation>
            <numerusform>%n 个未解决投诉</numerusform></translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
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
        <translation>邮箱</translation>
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
        <source>Lost reason</source>
        <translation>流失原因</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
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
        <source>Stage history</source>
        <translation>阶段历史</translation>
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
            <numerusform>已导出 %n 个客户到 %1。</numerusform></translation>
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
        <source>; </source>
        <translation>；</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) at risk.</source>
        <translation>
            <numerusform>%n 个客户存在流失风险。</numerusform></translation>
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
        <translation>客户管理</translation>
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
        <translation>重点客户</translation>
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