<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>LiaisonsTab</name>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="29" />
      <source>{0} 个单位，{1} 个未报联络员</source>
      <translation>{0} units, {1} without a liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="18" />
      <source>办公电话</source>
      <translation>Office phone</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="13" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="16" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="19" />
      <source>手机</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="14" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="17" />
      <source>职务</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="15" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="20" />
      <source>邮箱</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons_tab.py" line="16" />
      <source>（未报联络员）</source>
      <translation>(no liaison yet)</translation>
    </message>
  </context>
  <context>
    <name>ListTab</name>
    <message>
      <location filename="../../ui/list_tab.py" line="43" />
      <source>搜索（输入任意文字筛选）</source>
      <translation>Search (type any text to filter)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="151" />
      <source>7 天内到期 {0} 项：{1}</source>
      <translation>Due within 7 days: {0} item(s): {1}</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="17" />
      <source>使用手册</source>
      <translation>User manual</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="29" />
      <source>便携模式，数据和设置在：</source>
      <translation>Portable mode, data and settings in: </translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="45" />
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="23" />
      <source>关于…</source>
      <translation>About…</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="30" />
      <location filename="../../ui/main_window.py" line="130" />
      <source>内存数据库</source>
      <translation>in-memory database</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="34" />
      <source>区县安委办“安全生产月”活动的通知、联络员、每周进展和总结报告工作台。</source>
      <translation>Notices, liaisons, weekly progress and summary reports of the “Safety Production Month” campaign, for the work-safety committee office of a district or county.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="132" />
      <source>安全生产月工作台</source>
      <translation>Safety Month Desk</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="172" />
      <source>已撤销：{0}</source>
      <translation>Undone: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="71" />
      <source>已载入演示数据，可用 Ctrl+Z 撤销。</source>
      <translation>Demo data loaded; Ctrl+Z undoes it.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="182" />
      <source>已重做：{0}</source>
      <translation>Redone: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="87" />
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="36" />
      <source>当前数据库：{0}</source>
      <translation>Current database: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>总结报告</source>
      <translation>Summary reports</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="28" />
      <source>打开…</source>
      <translation>Open…</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="59" />
      <source>打开数据库</source>
      <translation>Open database</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="82" />
      <location filename="../../ui/main_window.py" line="160" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="160" />
      <source>撤销 {0}</source>
      <translation>Undo {0}</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="29" />
      <source>数据文件夹：</source>
      <translation>Data folder: </translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="80" />
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="53" />
      <source>文件已存在，请换一个名字：</source>
      <translation>The file already exists; please choose another name:</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="48" />
      <location filename="../../ui/file_menu.py" line="53" />
      <source>新建数据库</source>
      <translation>New database</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="27" />
      <source>新建数据库…</source>
      <translation>New database…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>每周进展</source>
      <translation>Weekly progress</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="155" />
      <source>没有到期或逾期的事项。</source>
      <translation>Nothing due or overdue.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="69" />
      <source>活动：</source>
      <translation>Campaign:</translation>
    </message>
    <message>
      <location filename="../../ui/language_menu.py" line="43" />
      <source>界面语言已切换。已打开的对话框在重新打开后切换；个别部分可能要在重新启动程序后才切换。</source>
      <translation>The interface language has been changed. Open dialogs change when they are opened again; a few parts may only change after the program is restarted.</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="38" />
      <source>系统设置</source>
      <translation>system settings</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="81" />
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>联络员</source>
      <translation>Liaisons</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="38" />
      <source>设置：{0}</source>
      <translation>Settings: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/language_menu.py" line="42" />
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <location filename="../../ui/help_menu.py" line="21" />
      <source>语言 (Language)</source>
      <translation>Language (语言)</translation>
    </message>
    <message>
      <location filename="../../ui/language_menu.py" line="21" />
      <source>跟随系统</source>
      <translation>System default</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="30" />
      <source>载入演示数据</source>
      <translation>Load demo data</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="136" />
      <source>还没有活动：可载入演示数据或新建活动。</source>
      <translation>No campaign yet: load the demo data or create a campaign.</translation>
    </message>
    <message>
      <location filename="../../ui/file_menu.py" line="32" />
      <source>退出</source>
      <translation>Exit</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="50" />
      <source>通知</source>
      <translation>Notices</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="145" />
      <source>逾期 {0} 项（最早：{1} {2}，{3} 个单位未报）</source>
      <translation>Overdue: {0} item(s) (earliest: {1} {2}, {3} unit(s) missing)</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="84" />
      <location filename="../../ui/main_window.py" line="162" />
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="162" />
      <source>重做 {0}</source>
      <translation>Redo {0}</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="131" />
      <source>（只读）</source>
      <translation> (read-only)</translation>
    </message>
  </context>
  <context>
    <name>ManualDialog</name>
    <message>
      <location filename="../../ui/manual_dialog.py" line="26" />
      <source>使用手册</source>
      <translation>User manual</translation>
    </message>
    <message>
      <location filename="../../ui/manual_dialog.py" line="41" />
      <source>找不到使用手册：{0}（{1}）</source>
      <translation>The user manual was not found: {0} ({1})</translation>
    </message>
  </context>
  <context>
    <name>NoticesTab</name>
    <message>
      <location filename="../../ui/notices_tab.py" line="25" />
      <source>共 {0} 份通知</source>
      <translation>{0} notice(s)</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="16" />
      <source>发文机关</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="17" />
      <source>成文日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="14" />
      <source>文号</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="15" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="13" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/notices_tab.py" line="18" />
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
  </context>
  <context>
    <name>ProgressTab</name>
    <message>
      <location filename="../../ui/progress_tab.py" line="27" />
      <source>共 {0} 周</source>
      <translation>{0} week(s)</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="13" />
      <source>周次</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="16" />
      <source>已报</source>
      <translation>Reported</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="15" />
      <source>应报</source>
      <translation>Expected</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="14" />
      <source>截止</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="20" />
      <source>报送率</source>
      <translation>Reporting rate</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="17" />
      <source>按时</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="19" />
      <source>未报</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../ui/progress_tab.py" line="18" />
      <source>迟报</source>
      <translation>Late</translation>
    </message>
  </context>
  <context>
    <name>ReportsTab</name>
    <message>
      <location filename="../../ui/reports_tab.py" line="17" />
      <source>修改时间</source>
      <translation>Modified</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="25" />
      <source>共 {0} 份报告</source>
      <translation>{0} report(s)</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="15" />
      <source>周次</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="18" />
      <source>导出时间</source>
      <translation>Exported</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="14" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="16" />
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../ui/reports_tab.py" line="13" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <location filename="../../ui/welcome.py" line="14" />
      <source>欢迎使用安全生产月工作台</source>
      <translation>Welcome to Safety Month Desk</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="31" />
      <source>载入演示数据</source>
      <translation>Load demo data</translation>
    </message>
    <message>
      <location filename="../../ui/welcome.py" line="17" />
      <source>这个数据库里还没有任何活动。

您可以：
  1. 载入演示数据，看看一年的工作在这里是什么样子（麒麟区2021年、昆明市2022年两份真实通知）；
  2. 新建本年度的“安全生产月”活动，登记上级通知，整理联络员名单；
  3. 通过“文件 ▸ 导入合并”导入其他单位用U盘送来的数据文件。

所有修改都会立即保存，可随时用“编辑 ▸ 撤销”(Ctrl+Z) 撤回。</source>
      <translation>This database holds no campaign yet.

You can:
  1. load the demo data to see what a year of work looks like here (two real notices: Qilin district 2021, Kunming city 2022);
  2. create this year’s “Safety Production Month” campaign, register the notice from above and put the liaison list together;
  3. import data files that other offices sent on USB sticks through “File ▸ Import and merge”.

Every change is saved at once and can be taken back with “Edit ▸ Undo” (Ctrl+Z).</translation>
    </message>
  </context>
  <context>
    <name>errors</name>
    <message>
      <location filename="../../ui/errors.py" line="53" />
      <source>发生了意外错误，已记录到日志文件：</source>
      <translation>An unexpected error occurred and was written to the log file:</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="32" />
      <source>发生了意外错误，操作未完成，数据未被修改。</source>
      <translation>An unexpected error occurred. The action was not completed and no data was changed.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="24" />
      <source>操作未完成</source>
      <translation>Action not completed</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="27" />
      <source>文件操作失败</source>
      <translation>File operation failed</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="55" />
      <source>最近一次操作可能未完成，已保存的数据不受影响。</source>
      <translation>The last action may not have been completed; data already saved is not affected.</translation>
    </message>
    <message>
      <location filename="../../ui/errors.py" line="31" />
      <location filename="../../ui/errors.py" line="52" />
      <source>程序出错</source>
      <translation>Program error</translation>
    </message>
  </context>
</TS>
