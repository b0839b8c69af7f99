<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>BackupDialog</name>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="67" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="52" />
      <location filename="../../ui/shell/backup_dialog.py" line="104" />
      <source>备份与恢复</source>
      <translation>Backup and restore</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="89" />
      <source>备份文件夹：{0}</source>
      <translation>Backup folder: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="127" />
      <source>已恢复</source>
      <translation>Restored</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="128" />
      <source>已恢复到 {0} 的状态。恢复前的状态已备份（{1}）。</source>
      <translation>Restored to the state of {0}. The state before restoring was backed up ({1}).</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="109" />
      <location filename="../../ui/shell/backup_dialog.py" line="115" />
      <source>用备份恢复</source>
      <translation>Restore from backup</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="65" />
      <source>用所选备份恢复…</source>
      <translation>Restore selected backup…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="63" />
      <location filename="../../ui/shell/backup_dialog.py" line="94" />
      <source>立即备份</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="75" />
      <source>自动备份：每隔一段时间（有修改时）、关闭程序时、导入合并和恢复之前。</source>
      <translation>Automatic backups: at intervals (when there are changes), on closing the program, and before an import and merge or a restore.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="110" />
      <source>要把数据库恢复到 {0} 的状态吗？
恢复前会先备份当前状态，之后仍可再恢复回来。</source>
      <translation>Restore the database to the state of {0}?
The current state is backed up first, so you can restore it again later.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="104" />
      <source>请先在列表中选一个备份。</source>
      <translation>Please select a backup in the list first.</translation>
    </message>
  </context>
  <context>
    <name>BackupModel</name>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="27" />
      <source>原因</source>
      <translation>Reason</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="27" />
      <source>大小</source>
      <translation>Size</translation>
    </message>
    <message>
      <location filename="../../ui/shell/backup_dialog.py" line="27" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
  </context>
  <context>
    <name>CampaignDialog</name>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="34" />
      <source>不复制（使用默认指标表）</source>
      <translation>Do not copy (use the default indicator table)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="46" />
      <source>主题：</source>
      <translation>Theme:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="36" />
      <source>从 {0} 年复制单位、联络员和指标表</source>
      <translation>Copy units, liaisons and indicator table from {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="50" />
      <source>同期活动结束日期：</source>
      <translation>Parallel campaign ends:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="49" />
      <source>同期活动：</source>
      <translation>Parallel campaign:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="51" />
      <source>复制：</source>
      <translation>Copy:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="31" />
      <source>如 安全生产万里行</source>
      <translation>e.g. Work Safety Nationwide Tour</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="44" />
      <source>年份：</source>
      <translation>Year:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="47" />
      <source>开始日期：</source>
      <translation>Start date:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="18" />
      <location filename="../../ui/progress/campaign_dialog.py" line="72" />
      <source>新建活动</source>
      <translation>New campaign</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="45" />
      <source>活动名称：</source>
      <translation>Campaign name:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="48" />
      <source>结束日期：</source>
      <translation>End date:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="27" />
      <source>默认 6 月 1 日，如 2023-06-01</source>
      <translation>Default June 1, e.g. 2023-06-01</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="29" />
      <source>默认 6 月 30 日</source>
      <translation>Default June 30</translation>
    </message>
    <message>
      <location filename="../../ui/progress/campaign_dialog.py" line="24" />
      <source>默认：YYYY年“安全生产月”活动</source>
      <translation>Default: YYYY “Safety Production Month” campaign</translation>
    </message>
  </context>
  <context>
    <name>CompletenessView</name>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="163" />
      <source>{0}催报清单</source>
      <translation>Chase list {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="128" />
      <source>{0}：应报 {1}，已报 {2}（按时 {3}，迟报 {4}），未报 {5}，报送率 {6:.0%}</source>
      <translation>{0}: expected {1}, reported {2} (on time {3}, late {4}), missing {5}, reporting rate {6:.0%}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="86" />
      <source>修改截止时间(&amp;D)…</source>
      <translation>Change &amp;deadline…</translation>
    </message>
    <message>
      <source>修改截止时间…</source>
      <translation type="vanished">Change deadline…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="154" />
      <location filename="../../ui/progress/completeness_view.py" line="223" />
      <source>催报清单</source>
      <translation>Chase list</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="232" />
      <source>催报清单已打印：{0}</source>
      <translation>Chase list printed: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="73" />
      <source>办公电话</source>
      <translation>Office phone</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="69" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="81" />
      <source>各周报送情况</source>
      <translation>Reporting by week</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="56" />
      <source>周次</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="157" />
      <location filename="../../ui/progress/completeness_view.py" line="188" />
      <source>导出催报清单</source>
      <translation>Export chase list</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="84" />
      <source>导出催报清单(&amp;C)…</source>
      <translation>Export &amp;chase list…</translation>
    </message>
    <message>
      <source>导出催报清单…</source>
      <translation type="vanished">Export chase list…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="190" />
      <source>已导出催报清单：{0}</source>
      <translation>Chase list exported: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="59" />
      <source>已报</source>
      <translation>Reported</translation>
    </message>
    <message>
      <source>序号</source>
      <translation type="vanished">No.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="58" />
      <source>应报</source>
      <translation>Expected</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="57" />
      <source>截止</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="74" />
      <source>手机</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="91" />
      <source>打印催报清单(&amp;P)…</source>
      <translation>&amp;Print chase list…</translation>
    </message>
    <message>
      <source>打印催报清单…</source>
      <translation type="vanished">Print chase list…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="82" />
      <source>报送情况</source>
      <translation>Reporting</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="63" />
      <source>报送率</source>
      <translation>Reporting rate</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="60" />
      <source>按时</source>
      <translation>On time</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="89" />
      <source>按通知中的每周报送时间（如 每周四12:00前）重设各周截止时间</source>
      <translation>Reset each week’s deadline from the weekly reporting time in the notice (e.g. every Thursday before 12:00)</translation>
    </message>
    <message>
      <source>按通知设截止</source>
      <translation type="vanished">Deadlines from notice</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="88" />
      <source>按通知设截止(&amp;T)</source>
      <translation>Deadlines from no&amp;tice</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="71" />
      <source>收到时间</source>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="62" />
      <source>未报</source>
      <translation>Missing</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="154" />
      <location filename="../../ui/progress/completeness_view.py" line="223" />
      <source>本周所有单位都已按时报送。</source>
      <translation>All units reported on time this week.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="70" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="72" />
      <source>联络员</source>
      <translation>Liaison</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="61" />
      <source>迟报</source>
      <translation>Late</translation>
    </message>
    <message>
      <location filename="../../ui/progress/completeness_view.py" line="72" />
      <source>（未报联络员）</source>
      <translation>(no liaison yet)</translation>
    </message>
  </context>
  <context>
    <name>DeadlinesEditor</name>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="88" />
      <source>删除所选</source>
      <translation>Remove selected</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="93" />
      <source>截止事项（将按单位跟踪报送情况）</source>
      <translation>Deadlines (tracked per unit)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="78" />
      <source>报送内容</source>
      <translation>What to send</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="76" />
      <source>日期/周期</source>
      <translation>Date / every</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="77" />
      <source>时间</source>
      <translation>Time</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="86" />
      <source>添加定期报送</source>
      <translation>Add recurring report</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="84" />
      <source>添加截止日期</source>
      <translation>Add deadline</translation>
    </message>
    <message>
      <location filename="../../ui/notices/deadline_rows.py" line="75" />
      <source>类型</source>
      <translation>Kind</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="43" />
      <source>一周</source>
      <translation>One week</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="65" />
      <source>保存为：</source>
      <translation>Save as:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="83" />
      <source>保存统计表</source>
      <translation>Save statistics table</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="64" />
      <source>填写模板：</source>
      <translation>Fill in template:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="36" />
      <source>导出进展情况统计表</source>
      <translation>Export progress statistics table</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="140" />
      <source>已导出 {0} 个单位：{1}</source>
      <translation>Exported {0} unit(s): {1}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="53" />
      <source>按上级单位汇总（每个镇或区一行，村、社区计入其中）</source>
      <translation>Sum by parent unit (one row per town or district, its villages and communities included)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="142" />
      <source>未填写的模板栏目：</source>
      <translation>Template columns not filled in: </translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="144" />
      <source>模板中没有空行，未写入：</source>
      <translation>No empty row in the template, not written: </translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="102" />
      <source>模板中这些栏目对不上指标，请指定（只需一次）：</source>
      <translation>These template columns do not match an indicator; please assign them (only once):</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="146" />
      <source>模板中预印了但没有数据的行：</source>
      <translation>Pre-printed rows left without data: </translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="55" />
      <source>留空：使用本程序的格式</source>
      <translation>Leave empty to use this program’s layout</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="44" />
      <source>累计（截至所选周）</source>
      <translation>Cumulative (up to the chosen week)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="62" />
      <source>统计范围：</source>
      <translation>Range:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="114" />
      <source>请选择保存位置。</source>
      <translation>Please choose where to save.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="64" />
      <location filename="../../ui/progress/export_dialog.py" line="65" />
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="73" />
      <source>选择收到的空白统计表</source>
      <translation>Choose the blank statistics form you received</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="105" />
      <source>（不填写）</source>
      <translation>(leave empty)</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="141" />
      <source>{0} 个文件：可导入 {1}，未导入 {2}；新增 {3}，修改 {4}，未变 {5}，错误 {6} 处</source>
      <translation>{0} file(s): {1} can be imported, {2} not imported; {3} new, {4} changed, {5} unchanged, {6} error(s)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="67" />
      <source>修改</source>
      <translation>Changed</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="64" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="65" />
      <source>周次</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="83" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="47" />
      <location filename="../../ui/progress/import_dialog.py" line="186" />
      <source>导入进展统计表</source>
      <translation>Import progress statistics</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="70" />
      <source>收到时间</source>
      <translation>Received</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="96" />
      <source>收到时间(&amp;T)：</source>
      <translation>Received a&amp;t:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="175" />
      <source>收到时间“{0}”看不懂，请写成 2021-06-14 09:30。</source>
      <translation>Cannot read the received time “{0}”; write it like 2021-06-14 09:30.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="62" />
      <source>文件</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="66" />
      <source>新增</source>
      <translation>New</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="68" />
      <source>未变</source>
      <translation>Unchanged</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="160" />
      <source>没有错误。</source>
      <translation>No errors.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="63" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="93" />
      <source>留空：按各文件的保存时间</source>
      <translation>Empty: the time each file was saved</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="129" />
      <source>读取报回的表</source>
      <translation>Reading the returned forms</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="94" />
      <source>迟报按收到时间判断；邮件收到的表可填邮件的日期，如 2021-06-14 09:30</source>
      <translation>Lateness is judged by the received time; for forms that came by e-mail, type the e-mail's date, e.g. 2021-06-14 09:30</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="109" />
      <source>选择交回的表格</source>
      <translation>Choose the returned forms</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="56" />
      <source>选择文件…</source>
      <translation>Choose files…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="114" />
      <source>选择文件夹</source>
      <translation>Choose folder</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="58" />
      <source>选择文件夹…</source>
      <translation>Choose folder…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="69" />
      <source>错误</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../../ui/progress/import_dialog.py" line="90" />
      <source>非本程序空白表的周次：</source>
      <translation>Week (for forms not made by this program):</translation>
    </message>
  </context>
  <context>
    <name>LayoutDialog</name>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="96" />
      <source>{0} 年指标表</source>
      <translation>{0} indicator table</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="108" />
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="109" />
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="110" />
      <source>从空白统计表读取…</source>
      <translation>Read from blank statistics form…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="107" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="133" />
      <source>新指标</source>
      <translation>New indicator</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="106" />
      <source>添加</source>
      <translation>Add</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="120" />
      <source>统计方式填“按周”或“累计”；“不大于”填另一指标的名称（如 已整改 不大于 隐患排查·排查隐患）。</source>
      <translation>Counting: “按周” (per week) or “累计” (cumulative). “Not more than”: the name of another indicator (e.g. 已整改 not more than 隐患排查·排查隐患).</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="152" />
      <source>选择收到的空白统计表</source>
      <translation>Choose the blank statistics form you received</translation>
    </message>
  </context>
  <context>
    <name>LayoutModel</name>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="84" />
      <source>不大于</source>
      <translation>Not more than</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="84" />
      <source>分组（表头第一行）</source>
      <translation>Group (first header row)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="84" />
      <source>指标名称</source>
      <translation>Indicator</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="84" />
      <source>统计方式</source>
      <translation>Counting</translation>
    </message>
    <message>
      <location filename="../../ui/progress/layout_dialog.py" line="84" />
      <source>计量单位</source>
      <translation>Unit of measure</translation>
    </message>
  </context>
  <context>
    <name>LiaisonDialog</name>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="66" />
      <source>

仍然保存吗？</source>
      <translation>

Save anyway?</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="28" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="19" />
      <source>新增联络员</source>
      <translation>New liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="19" />
      <source>编辑联络员</source>
      <translation>Edit liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="32" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/liaison_dialog.py" line="66" />
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
  </context>
  <context>
    <name>LiaisonExportDialog</name>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="53" />
      <source>保存为</source>
      <translation>Save as</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="30" />
      <source>保存为（.xlsx 或 .pdf）</source>
      <translation>Save as (.xlsx or .pdf)</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="33" />
      <source>完整显示手机号和邮箱，仅供内部使用</source>
      <translation>Show mobile numbers and emails in full (internal use only)</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="25" />
      <source>导出联络员名单</source>
      <translation>Export liaison list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="31" />
      <source>按收到的模板填写</source>
      <translation>Fill in a template you received</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="28" />
      <source>留空：使用本程序的表格样式</source>
      <translation>Leave empty to use this program’s table style</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="30" />
      <location filename="../../ui/liaisons/export_dialog.py" line="31" />
      <source>选择…</source>
      <translation>Choose…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="59" />
      <source>选择模板</source>
      <translation>Choose template</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/export_dialog.py" line="32" />
      <source>隐去手机号和邮箱中间部分（138****1234），用于对外发送</source>
      <translation>Mask the middle of mobile numbers and emails (138****1234) for sending outside</translation>
    </message>
  </context>
  <context>
    <name>LiaisonImportDialog</name>
    <message>
      <location filename="../../ui/liaisons/import_dialog.py" line="20" />
      <source>{0} 个文件：新增 {1} 人，修改 {2} 人，未变 {3} 人；错误 {4} 处，提醒 {5} 处，拒收 {6} 个文件。</source>
      <translation>{0} file(s): {1} new, {2} changed, {3} unchanged; {4} error(s), {5} warning(s), {6} file(s) rejected.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/import_dialog.py" line="39" />
      <source>导入</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/import_dialog.py" line="16" />
      <source>导入联络员表 — 预览</source>
      <translation>Import liaison forms — preview</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/import_dialog.py" line="37" />
      <source>有错误的单元格不会导入；确认后整个导入可用“撤销”一步取消。</source>
      <translation>Cells with errors are not imported. Once confirmed, the whole import can be taken back in one step with “Undo”.</translation>
    </message>
  </context>
  <context>
    <name>LiaisonModel</name>
    <message>
      <location filename="../../ui/liaisons/model.py" line="159" />
      <source>{0}

仍然保存“{1}”吗？</source>
      <translation>{0}

Save “{1}” anyway?</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="51" />
      <source>传真</source>
      <translation>Fax</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="223" />
      <source>修改联络员 {0}</source>
      <translation>Edit liaison {0}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="48" />
      <source>办公电话</source>
      <translation>Office phone</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="43" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="52" />
      <source>备注</source>
      <translation>Remarks</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="46" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="49" />
      <source>手机</source>
      <translation>Mobile</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="221" />
      <source>新增联络员 {0}</source>
      <translation>Add liaison {0}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="204" />
      <source>未保存 {0}：{1}</source>
      <translation>Not saved, {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="190" />
      <source>清除 {0} 名联络员的联系方式</source>
      <translation>Clear the contact details of {0} liaisons</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="44" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="47" />
      <source>职务</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="45" />
      <source>角色</source>
      <translation>Role</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="215" />
      <source>角色应为：{0}。</source>
      <translation>The role should be: {0}.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="160" />
      <source>请确认</source>
      <translation>Please confirm</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="123" />
      <source>这个单位还没有报联络员：双击“姓名”直接填写，或用“新增联络员”。</source>
      <translation>This unit has not named a liaison yet: double-click “Name” to fill it in, or use “New liaison”.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="50" />
      <source>邮箱</source>
      <translation>Email</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/model.py" line="113" />
      <source>（未报联络员）</source>
      <translation>(no liaison yet)</translation>
    </message>
  </context>
  <context>
    <name>LiaisonsTab</name>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="126" />
      <source>{0} 个单位，{1} 名联络员</source>
      <translation>{0} unit(s), {1} liaison(s)</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="137" />
      <source>{0}年联络员名单</source>
      <translation>Liaison list {0}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="127" />
      <source>⚠ {0} 个单位未报联络员</source>
      <translation>⚠ {0} unit(s) without a liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="72" />
      <source>全部单位</source>
      <translation>All units</translation>
    </message>
    <message>
      <source>删除</source>
      <translation type="vanished">Delete</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="206" />
      <source>删除 {0} 的联络员 {1} 吗？（可撤销）</source>
      <translation>Delete liaison {1} of {0}? (can be undone)</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="91" />
      <source>删除(&amp;D)</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="207" />
      <source>删除联络员</source>
      <translation>Delete liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="233" />
      <source>加入 {0} 个单位，复制 {1} 名联络员，{2} 个单位已有联络员未改动。</source>
      <translation>Added {0} unit(s) and copied {1} liaison(s); {2} unit(s) already had a liaison and were left unchanged.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="96" />
      <source>单位名录(&amp;U)…</source>
      <translation>&amp;Unit directory…</translation>
    </message>
    <message>
      <source>单位名录…</source>
      <translation type="vanished">Unit directory…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="105" />
      <source>双击单元格直接修改；红色行是还没有报联络员的单位。</source>
      <translation>Double-click a cell to edit it; red rows are units that have not named a liaison yet.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="73" />
      <source>只看未报联络员的单位</source>
      <translation>Only units without a liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="94" />
      <source>导入报回的表(&amp;M)…</source>
      <translation>I&amp;mport returned forms…</translation>
    </message>
    <message>
      <source>导入报回的表…</source>
      <translation type="vanished">Import returned forms…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="284" />
      <source>导入联络员表</source>
      <translation>Import liaison forms</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="302" />
      <location filename="../../ui/liaisons/tab.py" line="306" />
      <source>导出名单</source>
      <translation>Export list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="95" />
      <source>导出名单(&amp;X)…</source>
      <translation>E&amp;xport list…</translation>
    </message>
    <message>
      <source>导出名单…</source>
      <translation type="vanished">Export list…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="305" />
      <source>已保存：{0}</source>
      <translation>Saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="262" />
      <source>已生成 {0} 个文件，保存在：
{1}</source>
      <translation>{0} file(s) created in:
{1}</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="215" />
      <source>把 {0} 年的单位和联络员沿用到本次活动吗？已报联络员的单位保持不变。</source>
      <translation>Carry over the units and liaisons of {0} to this campaign? Units that already have a liaison stay unchanged.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="78" />
      <source>搜索单位、姓名、电话……</source>
      <translation>Search…</translation>
    </message>
    <message>
      <source>新增联络员</source>
      <translation type="vanished">New liaison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="89" />
      <source>新增联络员(&amp;A)</source>
      <translation>New li&amp;aison</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="213" />
      <source>没有更早的活动可以沿用。</source>
      <translation>There is no earlier campaign to carry over from.</translation>
    </message>
    <message>
      <source>沿用上一年名单</source>
      <translation type="vanished">Carry over last year’s list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="92" />
      <source>沿用上一年名单(&amp;Y)</source>
      <translation>Carry over last &amp;year’s list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="213" />
      <location filename="../../ui/liaisons/tab.py" line="216" />
      <location filename="../../ui/liaisons/tab.py" line="221" />
      <location filename="../../ui/liaisons/tab.py" line="232" />
      <source>沿用名单</source>
      <translation>Carry over list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="254" />
      <source>生成一张包含全部单位的表吗？
（选“否”则每个单位一张，可分别发送）</source>
      <translation>Create one form with all units?
(Choose “No” for one form per unit, to send separately.)</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="259" />
      <source>生成空白表</source>
      <translation>Make blank forms</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="93" />
      <source>生成空白表(&amp;B)…</source>
      <translation>Create &amp;blank forms…</translation>
    </message>
    <message>
      <source>生成空白表…</source>
      <translation type="vanished">Create blank forms…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="254" />
      <location filename="../../ui/liaisons/tab.py" line="263" />
      <source>空白表</source>
      <translation>Blank forms</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="250" />
      <source>空白表保存到哪个文件夹</source>
      <translation>Folder for the blank forms</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="90" />
      <source>编辑(&amp;I)…</source>
      <translation>Ed&amp;it…</translation>
    </message>
    <message>
      <source>编辑…</source>
      <translation type="vanished">Edit…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="137" />
      <source>联络员名单</source>
      <translation>Liaison list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="276" />
      <source>读取报回的联络员表</source>
      <translation>Reading returned liaison forms</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/tab.py" line="244" />
      <source>选择报回的联络员表</source>
      <translation>Choose the returned liaison forms</translation>
    </message>
  </context>
  <context>
    <name>ListTab</name>
    <message>
      <location filename="../../ui/common/list_tab.py" line="44" />
      <source>搜索（输入任意文字筛选）</source>
      <translation>Type to filter…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/shell/main_window.py" line="298" />
      <source>7 天内到期 {0} 项：{1}</source>
      <translation>Due within 7 days: {0} item(s): {1}</translation>
    </message>
    <message>
      <source>使用手册</source>
      <translation type="vanished">User manual</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="16" />
      <source>使用手册(&amp;M)</source>
      <translation>User &amp;manual</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="31" />
      <source>便携模式，数据和设置在：</source>
      <translation>Portable mode, data and settings in: </translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="47" />
      <source>关于</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="23" />
      <source>关于(&amp;A)…</source>
      <translation>&amp;About…</translation>
    </message>
    <message>
      <source>关于…</source>
      <translation type="vanished">About…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="32" />
      <source>内存数据库</source>
      <translation>in-memory database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="36" />
      <source>区县安委办“安全生产月”活动的通知、联络员、每周进展和总结报告工作台。</source>
      <translation>Notices, liaisons, weekly progress and summary reports of the “Safety Production Month” campaign, for the work-safety committee office of a district or county.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="21" />
      <source>字号(&amp;Z)</source>
      <translation>Text si&amp;ze</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="277" />
      <source>安全生产月工作台</source>
      <translation>Safety Month Desk</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="317" />
      <source>已撤销：{0}</source>
      <translation>Undone: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="322" />
      <source>已重做：{0}</source>
      <translation>Redone: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="173" />
      <source>帮助(&amp;H)</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="38" />
      <source>当前数据库：{0}</source>
      <translation>Current database: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="154" />
      <source>总结报告</source>
      <translation>Summary reports</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="188" />
      <location filename="../../ui/shell/main_window.py" line="309" />
      <location filename="../../ui/shell/main_window.py" line="317" />
      <source>撤销</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="309" />
      <source>撤销 {0}</source>
      <translation>Undo {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="31" />
      <source>数据文件夹：</source>
      <translation>Data folder: </translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="173" />
      <source>文件(&amp;F)</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="113" />
      <source>本单位信息已保存。</source>
      <translation>Office details saved.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="154" />
      <source>每周进展</source>
      <translation>Weekly progress</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="302" />
      <source>没有到期或逾期的事项。</source>
      <translation>Nothing due or overdue.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="124" />
      <location filename="../../ui/shell/main_window.py" line="163" />
      <source>活动：</source>
      <translation>Campaign:</translation>
    </message>
    <message>
      <location filename="../../ui/shell/language_menu.py" line="39" />
      <source>界面语言已切换。已打开的对话框在重新打开后切换；个别部分可能要在重新启动程序后才切换。</source>
      <translation>The interface language has been changed. Open dialogs change when they are opened again; a few parts may only change after the program is restarted.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="40" />
      <source>系统设置</source>
      <translation>system settings</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="154" />
      <source>线索曝光</source>
      <translation>Leads and cases</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="173" />
      <source>编辑(&amp;E)</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="154" />
      <source>联络员</source>
      <translation>Liaisons</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="40" />
      <source>设置：{0}</source>
      <translation>Settings: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/language_menu.py" line="38" />
      <source>语言</source>
      <translation>Language</translation>
    </message>
    <message>
      <source>语言 (Language)</source>
      <translation type="vanished">Language (语言)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/help_menu.py" line="20" />
      <source>语言 (Language)(&amp;L)</source>
      <translation>&amp;Language (语言)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/language_menu.py" line="17" />
      <source>跟随系统</source>
      <translation>System default</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="281" />
      <source>还没有活动：可载入演示数据或新建活动。</source>
      <translation>No campaign yet: load the demo data or create a campaign.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="154" />
      <source>通知</source>
      <translation>Notices</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="292" />
      <source>逾期 {0} 项（最早：{1} {2}，{3} 个单位未报）</source>
      <translation>Overdue: {0} item(s) (earliest: {1} {2}, {3} unit(s) missing)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="191" />
      <location filename="../../ui/shell/main_window.py" line="311" />
      <location filename="../../ui/shell/main_window.py" line="322" />
      <source>重做</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="311" />
      <source>重做 {0}</source>
      <translation>Redo {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/main_window.py" line="276" />
      <source>（只读）</source>
      <translation> (read-only)</translation>
    </message>
  </context>
  <context>
    <name>ManualDialog</name>
    <message>
      <location filename="../../ui/shell/manual_dialog.py" line="26" />
      <source>使用手册</source>
      <translation>User manual</translation>
    </message>
    <message>
      <location filename="../../ui/shell/manual_dialog.py" line="41" />
      <source>找不到使用手册：{0}（{1}）</source>
      <translation>The user manual was not found: {0} ({1})</translation>
    </message>
  </context>
  <context>
    <name>MergeDialog</name>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="74" />
      <source>下面的记录两边都改过，请逐条决定（默认保留本机）：</source>
      <translation>These records were changed on both sides; decide for each one (default: keep this computer’s):</translation>
    </message>
    <message>
      <source>全部保留本机</source>
      <translation type="vanished">Keep all of this computer’s</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="78" />
      <source>全部保留本机(&amp;K)</source>
      <translation>&amp;Keep all of this computer’s</translation>
    </message>
    <message>
      <source>全部采用对方</source>
      <translation type="vanished">Take all of theirs</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="80" />
      <source>全部采用对方(&amp;T)</source>
      <translation>&amp;Take all of theirs</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="90" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>合并</source>
      <translation type="vanished">Merge</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="89" />
      <source>合并(&amp;M)</source>
      <translation>&amp;Merge</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="86" />
      <source>合并前会自动备份；合并后可用“编辑 ▸ 撤销”撤回整次合并。</source>
      <translation>A backup is made before merging; afterwards “Edit ▸ Undo” takes back the whole merge.</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="63" />
      <source>对方文件中本机没有的单位（同名的已对应；双击“本机的单位”可更改）：</source>
      <translation>Units in their file that this file does not have (same names are matched; double-click "Our unit" to change):</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_dialog.py" line="41" />
      <source>导入合并：预览</source>
      <translation>Import and merge: preview</translation>
    </message>
  </context>
  <context>
    <name>NarrativeDialog</name>
    <message>
      <location filename="../../ui/progress/narrative_dialog.py" line="15" />
      <source>{0} · {1}</source>
      <translation>{0} · {1}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/narrative_dialog.py" line="22" />
      <source>亮点：</source>
      <translation>Highlights:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/narrative_dialog.py" line="24" />
      <source>图片/视频文件名（每行一个）：</source>
      <translation>Photo/video file names (one per line):</translation>
    </message>
    <message>
      <location filename="../../ui/progress/narrative_dialog.py" line="23" />
      <source>存在问题：</source>
      <translation>Problems:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/narrative_dialog.py" line="21" />
      <source>本周开展情况：</source>
      <translation>This week’s work:</translation>
    </message>
  </context>
  <context>
    <name>NoticeConfirmDialog</name>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="172" />
      <source>

仍要保存吗？</source>
      <translation>

Save anyway?</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="166" />
      <location filename="../../ui/notices/confirm_dialog.py" line="169" />
      <source>不能保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="75" />
      <source>保存(&amp;S)</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <source>删除所选截止事项</source>
      <translation type="vanished">Delete selected deadline</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="76" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="39" />
      <source>在此粘贴通知全文（Ctrl+V），然后按“识别”（Ctrl+R）</source>
      <translation>Paste the full text of the notice here (Ctrl+V), then press “Recognize” (Ctrl+R)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="120" />
      <source>已识别，请逐项核对后保存。</source>
      <translation>Recognized. Please check each field, then save.</translation>
    </message>
    <message>
      <source>截止事项（将按单位跟踪报送情况）</source>
      <translation type="vanished">Deadlines (reporting is tracked per unit)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="40" />
      <source>打开文件(&amp;O)…</source>
      <translation>&amp;Open file…</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="96" />
      <source>打开通知</source>
      <translation>Open notice</translation>
    </message>
    <message>
      <source>报送内容</source>
      <translation type="vanished">What to report</translation>
    </message>
    <message>
      <source>日期/周期</source>
      <translation type="vanished">Date/cycle</translation>
    </message>
    <message>
      <source>时间</source>
      <translation type="vanished">Time</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="120" />
      <source>未识别的项请手工填写。</source>
      <translation>Fill in what was not recognized by hand.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="111" />
      <source>没有文字：请先粘贴通知全文或打开文件。</source>
      <translation>No text: paste the full notice or open a file first.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="123" />
      <source>没有识别出任何字段：这可能不是一份通知。可以手工填写后保存。</source>
      <translation>No field was recognized: this may not be a notice. You can fill it in by hand and save.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="145" />
      <source>注意：这份通知是 {0} 年的，当前活动是 {1} 年。日期已按 {0} 年识别；请确认要登记到 {1} 年的活动，或先切换到 {0} 年的活动。</source>
      <translation>Note: this notice is of {0}, the current campaign is {1}. Its dates were read as {0}; confirm that it belongs to the {1} campaign, or switch to the {0} campaign first.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="36" />
      <source>登记通知：粘贴或打开通知，核对识别出的内容</source>
      <translation>Register notice: paste or open a notice, check what was recognized</translation>
    </message>
    <message>
      <source>类型</source>
      <translation type="vanished">Type</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="42" />
      <source>识别(&amp;R)</source>
      <translation>&amp;Recognize</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="113" />
      <source>识别通知</source>
      <translation>Recognising the notice</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="169" />
      <source>请填写通知标题。</source>
      <translation>Please enter the notice title.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="102" />
      <source>读取通知</source>
      <translation>Reading the notice</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="95" />
      <source>通知 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)</source>
      <translation>Notices (*.txt *.docx *.pdf *.html *.htm);;All files (*)</translation>
    </message>
    <message>
      <source>通知 (*.txt *.docx *.pdf);;所有文件 (*)</source>
      <translation type="vanished">Notices (*.txt *.docx *.pdf);;All files (*)</translation>
    </message>
    <message>
      <source>通知 (*.txt *.docx);;所有文件 (*)</source>
      <translation type="vanished">Notices (*.txt *.docx);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/confirm_dialog.py" line="172" />
      <source>通知年份与活动不同</source>
      <translation>Notice year differs from the campaign</translation>
    </message>
  </context>
  <context>
    <name>NoticeDraftDialog</name>
    <message>
      <location filename="../../ui/notices/draft_dialog.py" line="53" />
      <source>印发/转发全文(&amp;F)（不选：只写简短的转发通知）</source>
      <translation>Include the &amp;full text (otherwise a short cover notice)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/draft_dialog.py" line="42" />
      <source>各镇人民政府、街道办事处，区安委会成员单位，有关企业</source>
      <translation>All town governments and sub-district offices, member units of the district work-safety committee, enterprises concerned</translation>
    </message>
    <message>
      <location filename="../../ui/notices/draft_dialog.py" line="29" />
      <source>起草本级通知</source>
      <translation>Draft our own notice</translation>
    </message>
    <message>
      <location filename="../../ui/notices/draft_dialog.py" line="52" />
      <source>转发的附件</source>
      <translation>Forwarded attachments</translation>
    </message>
  </context>
  <context>
    <name>NoticeEditor</name>
    <message>
      <location filename="../../ui/notices/editor.py" line="222" />
      <source>Excel 工作簿 (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="68" />
      <source>主送</source>
      <translation>Addressees</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="69" />
      <source>主题</source>
      <translation>Theme</translation>
    </message>
    <message>
      <source>删除{0}</source>
      <translation type="vanished">Delete {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="107" />
      <source>删除联系人(&amp;O)</source>
      <translation>Rem&amp;ove contact</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="110" />
      <source>删除附件(&amp;L)</source>
      <translation>Remove attachment (&amp;L)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="66" />
      <source>发文机关</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="67" />
      <source>成文日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="64" />
      <source>文号(&amp;N)</source>
      <translation>Document &amp;no.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="186" />
      <source>未填入：{0}</source>
      <translation>Not filled in: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="188" />
      <source>未识别：原文有则照原文填写</source>
      <translation>Not recognised: fill in as printed, if it is</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="65" />
      <source>标题(&amp;T)</source>
      <translation>&amp;Title</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="99" />
      <source>正文</source>
      <translation>Body</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="70" />
      <source>活动开始</source>
      <translation>Campaign starts</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="71" />
      <source>活动结束</source>
      <translation>Campaign ends</translation>
    </message>
    <message>
      <source>添加{0}</source>
      <translation type="vanished">Add {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="107" />
      <source>添加联系人(&amp;C)</source>
      <translation>Add &amp;contact</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="110" />
      <source>添加附件(&amp;A)</source>
      <translation>&amp;Add attachment</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="82" />
      <source>电话</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="90" />
      <source>空白模板</source>
      <translation>Blank template</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="89" />
      <location filename="../../ui/notices/editor.py" line="96" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="82" />
      <source>联系人</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="184" />
      <source>请核对：{0}</source>
      <translation>Please check: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="222" />
      <source>选择空白模板</source>
      <translation>Choose blank template</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="82" />
      <source>邮箱</source>
      <translation>Email</translation>
    </message>
    <message>
      <source>附件</source>
      <translation type="vanished">Attachment</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="88" />
      <source>附件标题</source>
      <translation>Attachment title</translation>
    </message>
    <message>
      <location filename="../../ui/notices/editor.py" line="111" />
      <source>附加空白模板(&amp;B)…</source>
      <translation>Attach &amp;blank template…</translation>
    </message>
    <message>
      <source>附加空白模板…</source>
      <translation type="vanished">Attach blank template…</translation>
    </message>
  </context>
  <context>
    <name>NoticesTab</name>
    <message>
      <location filename="../../ui/notices/tab.py" line="96" />
      <source>7 天内到期</source>
      <translation>Due within 7 days</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="118" />
      <source>{0} 报送情况</source>
      <translation>Deliveries: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="74" />
      <source>事项</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>保存修改(&amp;S)</source>
      <translation type="vanished">&amp;Save changes</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="213" />
      <source>修改随时自动保存（离开一栏、按回车或换一份通知时），可用“撤销”退回。</source>
      <translation>Changes are saved automatically (when you leave a field, press Enter or switch notices); Undo takes them back.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="189" />
      <source>共 {0} 份通知</source>
      <translation>{0} notice(s)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="332" />
      <source>删除所选通知及其附件、截止事项？（可撤销）</source>
      <translation>Delete the selected notice with its attachments and deadlines? (can be undone)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="332" />
      <source>删除通知</source>
      <translation>Delete notice</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="134" />
      <source>删除通知(&amp;R)</source>
      <translation>Delete notice (&amp;R)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="105" />
      <source>到期概览</source>
      <translation>Due overview</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="170" />
      <source>到期概览（按单位）</source>
      <translation>Due overview (by unit)</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="84" />
      <location filename="../../ui/notices/tab.py" line="94" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="125" />
      <source>发文机关</source>
      <translation>Issued by</translation>
    </message>
    <message>
      <source>取消标记</source>
      <translation type="vanished">Unmark</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="155" />
      <source>取消标记(&amp;U)</source>
      <translation>&amp;Unmark</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="320" />
      <source>已保存通知：{0}</source>
      <translation>Notice saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="268" />
      <source>已按通知的每周报送时间重设 {0} 周的截止时间（可撤销）。</source>
      <translation>The deadlines of {0} weeks now follow the notice's weekly reporting time (undoable).</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="319" />
      <source>已自动保存，可用“撤销”退回。</source>
      <translation>Saved automatically; Undo takes it back.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="286" />
      <source>已起草本级通知；在“总结报告”页可预览、打印或保存为 PDF。</source>
      <translation>Notice drafted; preview, print or save it as PDF on the Reports tab.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="126" />
      <source>成文日期</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="73" />
      <source>截止</source>
      <translation>Due</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="103" />
      <source>截止事项</source>
      <translation>Deadlines</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="169" />
      <source>截止事项与报送</source>
      <translation>Deadlines and reporting</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="118" />
      <source>报送情况</source>
      <translation>Reporting</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="86" />
      <source>报送日期</source>
      <translation>Reported on</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="60" />
      <source>搜索（文号、标题、机关……）</source>
      <translation>Search notices…</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="123" />
      <source>文号</source>
      <translation>Document no.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="309" />
      <source>未保存：{0}</source>
      <translation>Not saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="87" />
      <source>来源</source>
      <translation>Source</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="153" />
      <source>标记所选单位已交(&amp;M)</source>
      <translation>&amp;Mark selected units as reported</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="124" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="85" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="122" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="132" />
      <source>粘贴/打开通知(&amp;P)…</source>
      <translation>&amp;Paste/open notice…</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="272" />
      <source>请先在列表中选择一份收到的通知。</source>
      <translation>Please select a received notice in the list first.</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="272" />
      <source>起草本级通知</source>
      <translation>Draft our own notice</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="133" />
      <source>起草本级通知(&amp;D)…</source>
      <translation>&amp;Draft our own notice…</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="102" />
      <source>通知</source>
      <translation>Notices</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="168" />
      <source>通知详情</source>
      <translation>Notice details</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="95" />
      <source>逾期未交</source>
      <translation>Overdue</translation>
    </message>
    <message>
      <location filename="../../ui/notices/tab.py" line="127" />
      <source>附件</source>
      <translation>Attachments</translation>
    </message>
  </context>
  <context>
    <name>OfficeDialog</name>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="50" />
      <source>单位全称(&amp;N)</source>
      <translation>Full &amp;name</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="36" />
      <source>填写统计表的人</source>
      <translation>Who fills in the tables</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="52" />
      <source>填报人(&amp;F)</source>
      <translation>&amp;Filled in by</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="45" />
      <source>按名称判断</source>
      <translation>From the name</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="20" />
      <source>本单位信息</source>
      <translation>This office</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="86" />
      <source>生成的统计句写作：“{0}共开展……”</source>
      <translation>Generated sentences read: “{0}共开展……”</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="51" />
      <source>简称(&amp;S)</source>
      <translation>&amp;Short name</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="58" />
      <source>级别(&amp;L)</source>
      <translation>&amp;Level</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="53" />
      <source>联系电话(&amp;P)</source>
      <translation>&amp;Phone</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="25" />
      <source>请填写使用本程序的单位。总结、周报、通知的发文机关和落款，统计表的填报单位、填报人和联系电话都用它。</source>
      <translation>Enter the office that uses this program. Summaries, briefs and notices are signed with it, and the tables' 填报单位, 填报人 and phone lines are filled from it.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="91" />
      <source>请填写单位全称（例如 曲靖市麒麟区安全生产委员会办公室）。</source>
      <translation>Enter the office's full name (e.g. 曲靖市麒麟区安全生产委员会办公室).</translation>
    </message>
    <message>
      <location filename="../../ui/shell/office_dialog.py" line="54" />
      <source>邮箱(&amp;E)</source>
      <translation>&amp;Email</translation>
    </message>
  </context>
  <context>
    <name>PeriodDialog</name>
    <message>
      <location filename="../../ui/progress/period_dialog.py" line="19" />
      <source>12:00（空 = 当天结束前）</source>
      <translation>12:00 (empty = by the end of the day)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/period_dialog.py" line="15" />
      <source>修改截止时间：{0}</source>
      <translation>Change deadline: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/period_dialog.py" line="24" />
      <source>截止日期：</source>
      <translation>Due date:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/period_dialog.py" line="25" />
      <source>截止时间：</source>
      <translation>Due time:</translation>
    </message>
  </context>
  <context>
    <name>ProgressTab</name>
    <message>
      <location filename="../../ui/progress/tab.py" line="96" />
      <source>{0}年 {1} 数据</source>
      <translation>Figures {0}, {1}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="73" />
      <source>周次(&amp;K)：</source>
      <translation>Wee&amp;k:</translation>
    </message>
    <message>
      <source>周次：</source>
      <translation type="vanished">Week:</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="81" />
      <source>导入表格(&amp;M)…</source>
      <translation>I&amp;mport forms…</translation>
    </message>
    <message>
      <source>导入表格…</source>
      <translation type="vanished">Import forms…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="82" />
      <source>导出统计表(&amp;X)…</source>
      <translation>E&amp;xport statistics…</translation>
    </message>
    <message>
      <source>导出统计表…</source>
      <translation type="vanished">Export statistics…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="187" />
      <source>应报 {0} 个单位，已报 {1}（迟报 {2}），未报 {3}；错误 {4} 处，需核实 {5} 处</source>
      <translation>{0} unit(s) expected, {1} reported ({2} late), {3} missing; {4} error(s), {5} to verify</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="62" />
      <source>报送情况</source>
      <translation>Reporting</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="84" />
      <source>指标表(&amp;L)…</source>
      <translation>Indicators… (&amp;L)</translation>
    </message>
    <message>
      <source>指标表…</source>
      <translation type="vanished">Indicators…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="61" />
      <location filename="../../ui/progress/tab.py" line="95" />
      <source>数据录入</source>
      <translation>Data entry</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="85" />
      <source>新建活动(&amp;W)…</source>
      <translation>Ne&amp;w campaign…</translation>
    </message>
    <message>
      <source>新建活动…</source>
      <translation type="vanished">New campaign…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="80" />
      <source>本周情况(&amp;N)…</source>
      <translation>This week… (&amp;N)</translation>
    </message>
    <message>
      <source>本周情况…</source>
      <translation type="vanished">This week…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="170" />
      <source>本活动还没有周次。</source>
      <translation>This campaign has no weeks yet.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="83" />
      <source>生成空白表(&amp;B)…</source>
      <translation>Create &amp;blank forms…</translation>
    </message>
    <message>
      <source>生成空白表…</source>
      <translation type="vanished">Create blank forms…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/tab.py" line="63" />
      <source>累计汇总</source>
      <translation>Cumulative totals</translation>
    </message>
  </context>
  <context>
    <name>ProtectedWordsDialog</name>
    <message>
      <location filename="../../ui/reports/words_dialog.py" line="17" />
      <source>不拆分的词</source>
      <translation>Words kept on one line</translation>
    </message>
    <message>
      <location filename="../../ui/reports/words_dialog.py" line="44" />
      <source>不能保存</source>
      <translation>Cannot save</translation>
    </message>
    <message>
      <location filename="../../ui/reports/words_dialog.py" line="21" />
      <source>排版时不会在这些人名、词语中间换行。每行写一个。
程序已自动保护：领导人姓名（{0}等）、本活动联络员的姓名、文号、日期、带单位的数字、电话、邮箱和网址。</source>
      <translation>Lines never break inside these names and words; one per line.
Already kept whole: leaders' names ({0} …), this campaign's liaisons, document numbers, dates, numbers with their units, phones, e-mails and web addresses.</translation>
    </message>
  </context>
  <context>
    <name>RecordDialog</name>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="64" />
      <source>例如 2024-07-03 或 7月3日</source>
      <translation>e.g. 2024-07-03 or 7月3日</translation>
    </message>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="40" />
      <source>保存(&amp;S)</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="25" />
      <source>修改{0}</source>
      <translation>Edit {0}</translation>
    </message>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="41" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="25" />
      <source>登记{0}</source>
      <translation>Register {0}</translation>
    </message>
    <message>
      <location filename="../../ui/register/record_dialog.py" line="50" />
      <source>（不填）</source>
      <translation>(none)</translation>
    </message>
  </context>
  <context>
    <name>RegisterList</name>
    <message>
      <location filename="../../ui/register/tab.py" line="47" />
      <source>共 {0} 条</source>
      <translation>{0} in all</translation>
    </message>
  </context>
  <context>
    <name>RegisterTab</name>
    <message>
      <location filename="../../ui/register/tab.py" line="198" />
      <source>{0}：新增 {1} 条，已有 {2} 条，错误 {3} 处</source>
      <translation>{0}: {1} new, {2} already there, {3} errors</translation>
    </message>
    <message>
      <source>修改(&amp;E)…</source>
      <translation type="vanished">&amp;Edit…</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="68" />
      <source>修改(&amp;M)…</source>
      <translation>Edit… (&amp;M)</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="212" />
      <source>写入这 {0} 条？（可以撤销；有错误的行不写入）</source>
      <translation>Write these {0}? (Can be undone; rows with errors are not written.)</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="162" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="69" />
      <source>删除(&amp;D)</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="162" />
      <source>删除这条{0}？（可以撤销）</source>
      <translation>Delete this {0}? (Can be undone.)</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="206" />
      <location filename="../../ui/register/tab.py" line="211" />
      <location filename="../../ui/register/tab.py" line="216" />
      <source>导入{0}</source>
      <translation>Import {0}</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="70" />
      <source>导入报回的表(&amp;I)…</source>
      <translation>&amp;Import returned lists…</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="175" />
      <location filename="../../ui/register/tab.py" line="232" />
      <source>导出{0}登记表</source>
      <translation>Export the {0} register</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="71" />
      <source>导出登记表(&amp;X)…</source>
      <translation>E&amp;xport register…</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="236" />
      <source>已导出</source>
      <translation>Exported</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="123" />
      <location filename="../../ui/register/tab.py" line="130" />
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="62" />
      <source>曝光案例</source>
      <translation>Exposed cases</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="129" />
      <source>曝光目标：每月至少 {0} 个；尚未达标的月份：{1}</source>
      <translation>Cases target: at least {0} a month; months short of it: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="133" />
      <source>未设目标（设置目标…：按通知填写每个单位的线索数和每月曝光数）</source>
      <translation>No targets set (Set targets…: leads per unit and cases per month, as the notice says)</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="245" />
      <source>每个单位至少上报的违法线索（条）：</source>
      <translation>Leads each unit must report at least:</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="255" />
      <source>每月至少曝光的典型案例（个）：</source>
      <translation>Cases to expose each month at least:</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="206" />
      <source>没有要写入的。</source>
      <translation>Nothing to write.</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="67" />
      <source>登记(&amp;N)…</source>
      <translation>&amp;New…</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="122" />
      <source>线索目标：每个单位至少 {0} 条；尚未达标 {1} 个单位：{2}</source>
      <translation>Leads target: at least {0} per unit; {1} units short of it: {2}</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="244" />
      <location filename="../../ui/register/tab.py" line="254" />
      <source>设置目标</source>
      <translation>Set targets</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="72" />
      <source>设置目标(&amp;Q)…</source>
      <translation>Set tar&amp;gets…</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="189" />
      <source>读取{0}表</source>
      <translation>Reading {0} lists</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="61" />
      <source>违法线索</source>
      <translation>Leads</translation>
    </message>
    <message>
      <location filename="../../ui/register/tab.py" line="168" />
      <source>选择报回的{0}表</source>
      <translation>Choose the returned {0} lists</translation>
    </message>
  </context>
  <context>
    <name>ReportEditor</name>
    <message>
      <source>上移</source>
      <translation type="vanished">Move up</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="44" />
      <source>上移(&amp;U)</source>
      <translation>Move &amp;up</translation>
    </message>
    <message>
      <source>下移</source>
      <translation type="vanished">Move down</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="45" />
      <source>下移(&amp;G)</source>
      <translation>Move down (&amp;G)</translation>
    </message>
    <message>
      <source>删除</source>
      <translation type="vanished">Delete</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="43" />
      <source>删除(&amp;L)</source>
      <translation>De&amp;lete</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="63" />
      <source>各部分：</source>
      <translation>Sections:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="37" />
      <source>小标题，如：主要做法和成效</source>
      <translation>Heading, e.g.: Main measures and results</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="105" />
      <source>新的一节</source>
      <translation>New section</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="57" />
      <source>标题：</source>
      <translation>Title:</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="40" />
      <source>正文，每段一行。以“（一）”开头的短行作为二级标题。留空则打印时注明“本部分内容尚未填写”。</source>
      <translation>Body text, one paragraph per line. A short line starting with “（一）” becomes a sub-heading. If left empty, the printout says this section has not been filled in yet.</translation>
    </message>
    <message>
      <source>添加一节</source>
      <translation type="vanished">Add section</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="42" />
      <source>添加一节(&amp;I)</source>
      <translation>Add sect&amp;ion</translation>
    </message>
    <message>
      <location filename="../../ui/reports/editor.py" line="157" />
      <location filename="../../ui/reports/editor.py" line="165" />
      <source>（未命名）</source>
      <translation>(untitled)</translation>
    </message>
  </context>
  <context>
    <name>ReportPreview</name>
    <message>
      <source>取消</source>
      <translation type="vanished">Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/reports/preview.py" line="51" />
      <location filename="../../ui/reports/preview.py" line="77" />
      <source>打印</source>
      <translation>Print</translation>
    </message>
    <message>
      <location filename="../../ui/reports/preview.py" line="116" />
      <source>打印预览</source>
      <translation>Print preview</translation>
    </message>
    <message>
      <location filename="../../ui/reports/preview.py" line="52" />
      <source>正在准备打印的页面…</source>
      <translation>Preparing the pages to print…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/preview.py" line="78" />
      <source>正在打印…</source>
      <translation>Printing…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/printing.py" line="252" />
      <source>正在打印第 {0} 页，共 {1} 页…</source>
      <translation>Printing page {0} of {1}…</translation>
    </message>
  </context>
  <context>
    <name>ReportsTab</name>
    <message>
      <location filename="../../ui/reports/tab.py" line="291" />
      <source>PDF 已保存到：
{0}</source>
      <translation>PDF saved to:
{0}</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="44" />
      <source>不拆分的词(&amp;K)…</source>
      <translation>Words &amp;kept on one line…</translation>
    </message>
    <message>
      <source>不拆分的词…</source>
      <translation type="vanished">Words kept on one line…</translation>
    </message>
    <message>
      <source>保存</source>
      <translation type="vanished">Save</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="287" />
      <source>保存 PDF</source>
      <translation>Save PDF</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="40" />
      <source>保存(&amp;S)</source>
      <translation>&amp;Save</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="311" />
      <source>保存表格</source>
      <translation>Save the tables</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="61" />
      <source>修改时间</source>
      <translation>Modified</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="69" />
      <source>共 {0} 份报告</source>
      <translation>{0} report(s)</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="87" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <source>删除</source>
      <translation type="vanished">Delete</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="39" />
      <source>删除(&amp;D)</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="199" />
      <source>删除“{0}”？可用“撤销”恢复。</source>
      <translation>Delete “{0}”? “Undo” brings it back.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="199" />
      <source>删除报告</source>
      <translation>Delete report</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="45" />
      <source>另存为 PDF(&amp;A)…</source>
      <translation>Save &amp;as PDF…</translation>
    </message>
    <message>
      <source>另存为 PDF…</source>
      <translation type="vanished">Save as PDF…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="59" />
      <source>周次</source>
      <translation>Week</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="62" />
      <source>导出时间</source>
      <translation>Exported</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="292" />
      <location filename="../../ui/reports/tab.py" line="315" />
      <source>已保存</source>
      <translation>Saved</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="42" />
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <source>打印…</source>
      <translation type="vanished">Print…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="43" />
      <source>打印预览(&amp;V)…</source>
      <translation>Print pre&amp;view…</translation>
    </message>
    <message>
      <source>打印预览…</source>
      <translation type="vanished">Print preview…</translation>
    </message>
    <message>
      <source>新建周报</source>
      <translation type="vanished">New weekly brief</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="38" />
      <source>新建周报(&amp;W)</source>
      <translation>New &amp;weekly brief</translation>
    </message>
    <message>
      <source>新建活动总结</source>
      <translation type="vanished">New campaign summary</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="37" />
      <source>新建活动总结(&amp;N)</source>
      <translation>&amp;New campaign summary</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="241" />
      <source>有字打印不出来</source>
      <translation>Some characters cannot be printed</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="158" />
      <source>本周情况、报送情况、亮点和问题由程序生成；这里添加的部分排在其后。</source>
      <translation>This week’s work, reporting, highlights and problems are generated by the program; sections added here come after them.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="58" />
      <source>标题</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="48" />
      <source>点击“预览”生成公文格式的 PDF。</source>
      <translation>Click “Preview” to create a PDF in official document format.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="60" />
      <source>状态</source>
      <translation>State</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="229" />
      <source>生成预览</source>
      <translation>Building the preview</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="57" />
      <source>类型</source>
      <translation>Type</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="156" />
      <source>统计段落、报送情况、各单位统计表和各周进展图由程序按数据生成（统计段落接在第一部分之后）。</source>
      <translation>The statistics paragraph, reporting, per-unit table and weekly progress chart are generated from the data (the statistics paragraph follows the first section).</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="46" />
      <source>表格另存为 xlsx(&amp;X)…</source>
      <translation>Save table as &amp;xlsx…</translation>
    </message>
    <message>
      <source>表格另存为 xlsx…</source>
      <translation type="vanished">Save table as xlsx…</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="314" />
      <source>表格已保存到：
{0}</source>
      <translation>Table saved to:
{0}</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="161" />
      <source>请在左侧选择或新建一份报告。</source>
      <translation>Select or create a report on the left.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="160" />
      <source>通知的内容在“通知”页中编辑。</source>
      <translation>The notice’s content is edited on the “Notices” tab.</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="88" />
      <location filename="../../ui/reports/tab.py" line="253" />
      <source>预览</source>
      <translation>Preview</translation>
    </message>
    <message>
      <location filename="../../ui/reports/tab.py" line="41" />
      <source>预览(&amp;R)</source>
      <translation>P&amp;review</translation>
    </message>
  </context>
  <context>
    <name>SavePath</name>
    <message>
      <location filename="../../ui/reports/preview.py" line="127" />
      <source>另存为</source>
      <translation>Save as</translation>
    </message>
  </context>
  <context>
    <name>TotalsView</name>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="111" />
      <source>单位</source>
      <translation>Unit</translation>
    </message>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="117" />
      <source>合计</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="77" />
      <source>按上级单位</source>
      <translation>By parent unit</translation>
    </message>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="75" />
      <source>按单位</source>
      <translation>By unit</translation>
    </message>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="76" />
      <source>按单位类别</source>
      <translation>By unit category</translation>
    </message>
    <message>
      <location filename="../../ui/progress/totals_view.py" line="88" />
      <source>累计汇总</source>
      <translation>Cumulative totals</translation>
    </message>
  </context>
  <context>
    <name>UnitDialog</name>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="31" />
      <source>上级单位</source>
      <translation>Parent unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="15" />
      <source>修改单位</source>
      <translation>Edit unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="18" />
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="15" />
      <source>新增单位</source>
      <translation>New unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="22" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_dialog.py" line="24" />
      <source>（无）</source>
      <translation>(none)</translation>
    </message>
  </context>
  <context>
    <name>UnitDirectory</name>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="63" />
      <source>上移</source>
      <translation>Move up</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="40" />
      <source>上级单位</source>
      <translation>Parent unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="64" />
      <source>下移</source>
      <translation>Move down</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="68" />
      <source>从 Excel 导入…</source>
      <translation>Import from Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="62" />
      <source>修改</source>
      <translation>Edit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="65" />
      <source>停用/恢复</source>
      <translation>Deactivate/restore</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="66" />
      <source>删除</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="126" />
      <source>删除“{0}”吗？</source>
      <translation>Delete “{0}”?</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="126" />
      <source>删除单位</source>
      <translation>Delete unit</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="67" />
      <source>加入本次活动</source>
      <translation>Add to this campaign</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="34" />
      <location filename="../../ui/liaisons/unit_directory.py" line="58" />
      <source>单位名录</source>
      <translation>Unit directory</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="38" />
      <source>单位名称</source>
      <translation>Unit name</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="42" />
      <source>在用</source>
      <translation>Active</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="152" />
      <source>导入单位</source>
      <translation>Import units</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="42" />
      <source>已停用</source>
      <translation>Inactive</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="56" />
      <source>搜索单位</source>
      <translation>Search units</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="61" />
      <source>新增</source>
      <translation>New</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="153" />
      <source>新增 {0} 个，已有 {1} 个，错误 {2} 行。</source>
      <translation>{0} new, {1} already present, {2} line(s) with errors.</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="41" />
      <source>本次活动</source>
      <translation>This campaign</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="141" />
      <source>每行一个单位（可从 Excel 复制）：</source>
      <translation>One unit per line (can be copied from Excel):</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="42" />
      <source>状态</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="39" />
      <source>类别</source>
      <translation>Category</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="141" />
      <source>粘贴名单</source>
      <translation>Paste list</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="69" />
      <source>粘贴名单…</source>
      <translation>Paste list…</translation>
    </message>
    <message>
      <location filename="../../ui/liaisons/unit_directory.py" line="135" />
      <source>选择单位名单</source>
      <translation>Choose unit list</translation>
    </message>
  </context>
  <context>
    <name>WeekGridModel</name>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="237" />
      <source>{0}（未报）</source>
      <translation>{0} (missing)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="204" />
      <source>不含本列 {0} 处错误数字（改正后计入合计）</source>
      <translation>Leaves out {0} impossible figures of this column (counted once corrected)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="292" />
      <source>保存数据</source>
      <translation>Saving the figures</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="233" />
      <source>合计</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="246" />
      <source>录入 {0}</source>
      <translation>Enter {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="346" />
      <location filename="../../ui/progress/grid_model.py" line="357" />
      <source>未保存 {0}：{1}</source>
      <translation>Not saved, {0}: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="152" />
      <source>未保存：{0}</source>
      <translation>Not saved: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="295" />
      <source>正在保存 {0} 个单元格…</source>
      <translation>Saving {0} cells…</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="267" />
      <source>正在保存上一次的修改，请稍候再输入。</source>
      <translation>The last change is still being saved; please wait a moment before typing.</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="257" />
      <source>清除 {0} 个单元格</source>
      <translation>Clear {0} cell(s)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="251" />
      <source>粘贴 {0} 个单元格</source>
      <translation>Paste {0} cell(s)</translation>
    </message>
    <message>
      <location filename="../../ui/progress/grid_model.py" line="348" />
      <source>（另有 {0} 处未保存，红色单元格）</source>
      <translation> ({0} more not saved: the red cells)</translation>
    </message>
  </context>
  <context>
    <name>WelcomePanel</name>
    <message>
      <location filename="../../ui/shell/welcome.py" line="34" />
      <source>新建活动…</source>
      <translation>New campaign…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="15" />
      <source>欢迎使用安全生产月工作台</source>
      <translation>Welcome to Safety Month Desk</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="32" />
      <source>载入演示数据</source>
      <translation>Load demo data</translation>
    </message>
    <message>
      <location filename="../../ui/shell/welcome.py" line="18" />
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
      <location filename="../../ui/common/errors.py" line="59" />
      <source>发生了意外错误，已记录到日志文件：</source>
      <translation>An unexpected error occurred and was written to the log file:</translation>
    </message>
    <message>
      <location filename="../../ui/common/errors.py" line="38" />
      <source>发生了意外错误，操作未完成，数据未被修改。</source>
      <translation>An unexpected error occurred. The action was not completed and no data was changed.</translation>
    </message>
    <message>
      <location filename="../../ui/common/errors.py" line="29" />
      <source>操作未完成</source>
      <translation>Action not completed</translation>
    </message>
    <message>
      <location filename="../../ui/common/errors.py" line="32" />
      <source>文件操作失败</source>
      <translation>File operation failed</translation>
    </message>
    <message>
      <location filename="../../ui/common/errors.py" line="61" />
      <source>最近一次操作可能未完成，已保存的数据不受影响。</source>
      <translation>The last action may not have been completed; data already saved is not affected.</translation>
    </message>
    <message>
      <location filename="../../ui/common/errors.py" line="37" />
      <location filename="../../ui/common/errors.py" line="58" />
      <source>程序出错</source>
      <translation>Program error</translation>
    </message>
  </context>
  <context>
    <name>export_dialog</name>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="191" />
      <source>已为 {0} 个单位生成{1}的空白表。</source>
      <translation>Blank forms for {1} created for {0} unit(s).</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="188" />
      <source>生成空白表</source>
      <translation>Create blank forms</translation>
    </message>
    <message>
      <location filename="../../ui/progress/export_dialog.py" line="183" />
      <source>空白表保存到文件夹</source>
      <translation>Folder for the blank forms</translation>
    </message>
  </context>
  <context>
    <name>file_menu</name>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="157" />
      <source>U 盘上的文件已复制到本机，现在打开的是本机副本：
{0}

修改只保存在本机；要带走时请用“文件 ▸ 保存副本（U盘）”。</source>
      <translation>The file on the USB stick was copied to this computer; the local copy is now open:
{0}

Changes are saved only on this computer; to take them with you, use “File ▸ Save copy (USB stick)”.</translation>
    </message>
    <message>
      <source>{0}（U 盘文件 {1} 的本机副本）</source>
      <translation type="vanished">{0} (local copy of USB stick file {1})</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="234" />
      <source>仍有 {0} 个问题需要人工处理。</source>
      <translation>{0} problem(s) still need manual attention.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="169" />
      <location filename="../../ui/shell/file_menu.py" line="177" />
      <source>保存副本（U盘）</source>
      <translation>Save copy (USB stick)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="47" />
      <source>保存副本（U盘）(&amp;C)…</source>
      <translation>Save &amp;copy (USB stick)…</translation>
    </message>
    <message>
      <source>保存副本（U盘）…</source>
      <translation type="vanished">Save copy (USB stick)…</translation>
    </message>
    <message>
      <source>内存数据库</source>
      <translation type="vanished">in-memory database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="183" />
      <source>副本已保存</source>
      <translation>Copy saved</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="228" />
      <source>发现 {0} 个问题：</source>
      <translation>{0} problem(s) found:</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="50" />
      <source>备份与恢复(&amp;B)…</source>
      <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
      <source>备份与恢复…</source>
      <translation type="vanished">Backup and restore…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="147" />
      <source>复制 U 盘上的文件</source>
      <translation>Copying the file from the USB stick</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="198" />
      <source>导入合并</source>
      <translation>Import and merge</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="48" />
      <source>导入合并(&amp;M)…</source>
      <translation>Import and &amp;merge…</translation>
    </message>
    <message>
      <source>导入合并…</source>
      <translation type="vanished">Import and merge…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="180" />
      <source>已保存并检查无误：
{0}

单位 {1} 个，统计数据 {2} 个。可以安全拔出 U 盘。</source>
      <translation>Saved and checked, no problems:
{0}

{1} unit(s), {2} figure(s). The USB stick can be safely removed.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="230" />
      <source>已修复：{0}</source>
      <translation>Repaired: {0}</translation>
    </message>
    <message>
      <source>已合并 {0} 的文件。可用“编辑 ▸ 撤销”撤回整次合并；合并前的备份：{1}</source>
      <translation type="vanished">Merged the file from {0}. “Edit ▸ Undo” takes back the whole merge; backup before the merge: {1}</translation>
    </message>
    <message>
      <source>已合并 {0} 的文件。数据量大，这次合并不能用“撤销”撤回；如需撤回，请在“文件 ▸ 备份与恢复”中选择合并前的备份（{1}）恢复。</source>
      <translation type="vanished">Merged the file from {0}. This merge is too large to be taken back with “Undo”; to take it back, restore the backup made before the merge ({1}) in “File ▸ Backup and restore”.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="156" />
      <source>已复制到本机</source>
      <translation>Copied to this computer</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="248" />
      <source>已载入演示数据，可用 Ctrl+Z 撤销。</source>
      <translation>Demo data loaded; Ctrl+Z undoes it.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="44" />
      <source>打开 U 盘上的文件（先复制到本机）(&amp;U)…</source>
      <translation>Open file on &amp;USB stick (copy to this computer first)…</translation>
    </message>
    <message>
      <source>打开 U 盘上的文件（先复制到本机）…</source>
      <translation type="vanished">Open file on USB stick (copy to this computer first)…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="43" />
      <source>打开(&amp;O)…</source>
      <translation>&amp;Open…</translation>
    </message>
    <message>
      <source>打开…</source>
      <translation type="vanished">Open…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="106" />
      <location filename="../../ui/shell/file_menu.py" line="135" />
      <source>打开数据库</source>
      <translation>Open database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="129" />
      <source>文件已存在，请换一个名字：</source>
      <translation>The file already exists; please choose another name:</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="99" />
      <source>文件已被打开</source>
      <translation>File already open</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="232" />
      <source>文件本身已损坏：请在“备份与恢复”中选一个备份恢复。</source>
      <translation>The file itself is damaged: please restore a backup in “Backup and restore”.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="124" />
      <location filename="../../ui/shell/file_menu.py" line="129" />
      <source>新建数据库</source>
      <translation>New database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="42" />
      <source>新建数据库(&amp;N)…</source>
      <translation>&amp;New database…</translation>
    </message>
    <message>
      <source>新建数据库…</source>
      <translation type="vanished">New database…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="45" />
      <source>最近打开(&amp;R)</source>
      <translation>&amp;Recent files</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="53" />
      <source>本单位信息(&amp;I)…</source>
      <translation>This off&amp;ice…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="226" />
      <source>检查完毕：没有发现问题。</source>
      <translation>Check complete: no problems found.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="217" />
      <location filename="../../ui/shell/file_menu.py" line="226" />
      <location filename="../../ui/shell/file_menu.py" line="235" />
      <source>检查数据库</source>
      <translation>Check database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="51" />
      <source>检查数据库(&amp;K)</source>
      <translation>Chec&amp;k database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="49" />
      <source>给下级单位一份起始文件(&amp;G)…</source>
      <translation>&amp;Give a town a starter file…</translation>
    </message>
    <message>
      <source>给下级单位一份起始文件…</source>
      <translation type="vanished">Starter file for a town or department…</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="88" />
      <source>自动备份失败：{0}</source>
      <translation>Automatic backup failed: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="244" />
      <source>载入演示数据</source>
      <translation>Load demo data</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="54" />
      <source>载入演示数据(&amp;D)</source>
      <translation>Load &amp;demo data</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="100" />
      <source>这个数据库已在另一个窗口中打开：
{0}

要以只读方式打开吗？</source>
      <translation>This database is already open in another window:
{0}

Open it read-only?</translation>
    </message>
    <message>
      <source>退出</source>
      <translation type="vanished">Exit</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_menu.py" line="56" />
      <source>退出(&amp;X)</source>
      <translation>E&amp;xit</translation>
    </message>
  </context>
  <context>
    <name>file_open</name>
    <message>
      <location filename="../../ui/shell/file_open.py" line="37" />
      <source>{0}（U 盘文件 {1} 的本机副本）</source>
      <translation>{0} (local copy of USB stick file {1})</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="175" />
      <source>{0}：{1}</source>
      <translation>{0}: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="173" />
      <source>不是本程序能打开的文件类型</source>
      <translation>Not a kind of file this program opens</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="81" />
      <source>不能打开这些文件（只能打开数据库 .db、通知 .docx/.pdf/.txt/.html、报回的表格 .xlsx）：</source>
      <translation>These files cannot be opened (only databases .db, notices .docx/.pdf/.txt/.html and returned forms .xlsx):</translation>
    </message>
    <message>
      <source>不能打开这些文件（只能打开数据库 .db、通知 .docx/.pdf/.txt、报回的表格 .xlsx）：</source>
      <translation type="vanished">These files cannot be opened (only databases .db, notices .docx/.pdf/.txt and returned forms .xlsx):</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="33" />
      <source>内存数据库</source>
      <translation>in-memory database</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="124" />
      <source>导入报回的表格</source>
      <translation>Import returned forms</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="102" />
      <source>当前数据库还没有活动：请先新建活动或载入演示数据，再打开这个文件。</source>
      <translation>This database has no campaign yet: create a campaign or load the demo first, then open the file again.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="80" />
      <location filename="../../ui/shell/file_open.py" line="175" />
      <source>打开文件</source>
      <translation>Open file</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="173" />
      <source>文件不存在</source>
      <translation>File not found</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="110" />
      <source>登记通知</source>
      <translation>Register a notice</translation>
    </message>
    <message>
      <location filename="../../ui/shell/file_open.py" line="83" />
      <source>（文件不存在）</source>
      <translation> (file not found)</translation>
    </message>
  </context>
  <context>
    <name>font_menu</name>
    <message>
      <location filename="../../ui/shell/font_menu.py" line="24" />
      <source>大(&amp;B)</source>
      <translation>&amp;Big</translation>
    </message>
    <message>
      <location filename="../../ui/shell/font_menu.py" line="24" />
      <source>标准(&amp;N)</source>
      <translation>&amp;Normal</translation>
    </message>
    <message>
      <location filename="../../ui/shell/font_menu.py" line="24" />
      <source>特大(&amp;X)</source>
      <translation>E&amp;xtra large</translation>
    </message>
    <message>
      <location filename="../../ui/shell/font_menu.py" line="24" />
      <source>较大(&amp;L)</source>
      <translation>&amp;Larger</translation>
    </message>
  </context>
  <context>
    <name>merge_models</name>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="56" />
      <source>上次合并时确认</source>
      <translation>Confirmed at the last merge</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="153" />
      <source>保留本机</source>
      <translation>Keep ours</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="139" />
      <source>内容</source>
      <translation>Content</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="57" />
      <source>名称相同</source>
      <translation>Same name</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="149" />
      <source>对方：{0}</source>
      <translation>Theirs: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="58" />
      <source>已手动指定</source>
      <translation>Chosen by hand</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="59" />
      <source>本机有多个同名单位，请指定</source>
      <translation>Several units here have this name; please choose</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="148" />
      <source>本机：{0}</source>
      <translation>Ours: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="153" />
      <source>采用对方</source>
      <translation>Take theirs</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="95" />
      <source>（新增为一个单位）</source>
      <translation>(add as a unit of its own)</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merge_models.py" line="53" />
      <source>（新增）</source>
      <translation>(new)</translation>
    </message>
  </context>
  <context>
    <name>merging</name>
    <message>
      <location filename="../../ui/exchange/merging.py" line="34" />
      <source>复制并检查对方的文件…</source>
      <translation>Copying and checking the other office's file…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merging.py" line="43" />
      <location filename="../../ui/exchange/merging.py" line="48" />
      <location filename="../../ui/exchange/merging.py" line="53" />
      <location filename="../../ui/exchange/merging.py" line="63" />
      <location filename="../../ui/exchange/merging.py" line="97" />
      <location filename="../../ui/exchange/merging.py" line="105" />
      <source>导入合并</source>
      <translation>Import and merge</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merging.py" line="113" />
      <source>已合并 {0} 的文件。可用“编辑 ▸ 撤销”撤回整次合并；合并前的备份：{1}</source>
      <translation>Merged the file of {0}. Edit ▸ Undo takes back the whole merge; backup before the merge: {1}</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merging.py" line="106" />
      <source>已合并 {0} 的文件。数据量大，这次合并不能用“撤销”撤回；如需撤回，请在“文件 ▸ 备份与恢复”中选择合并前的备份（{1}）恢复。</source>
      <translation>Merged the file of {0}. This merge is too large to be undone with Undo; to take it back, restore the backup made before the merge ({1}) in File ▸ Backups.</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merging.py" line="70" />
      <source>正在合并 {0} 的文件…</source>
      <translation>Merging the file of {0}…</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/merging.py" line="36" />
      <source>比对两边的数据…</source>
      <translation>Comparing the data of both files…</translation>
    </message>
  </context>
  <context>
    <name>operation</name>
    <message>
      <location filename="../../ui/common/operation.py" line="151" />
      <location filename="../../ui/common/operation.py" line="191" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../../ui/common/operation.py" line="333" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
  </context>
  <context>
    <name>recent_menu</name>
    <message>
      <location filename="../../ui/shell/recent_menu.py" line="65" />
      <source>文件已不存在（已从列表中去掉）：
{0}</source>
      <translation>The file no longer exists (removed from the list):
{0}</translation>
    </message>
    <message>
      <location filename="../../ui/shell/recent_menu.py" line="65" />
      <source>最近打开</source>
      <translation>Recent files</translation>
    </message>
    <message>
      <location filename="../../ui/shell/recent_menu.py" line="57" />
      <source>清除列表(&amp;C)</source>
      <translation>&amp;Clear the list</translation>
    </message>
    <message>
      <location filename="../../ui/shell/recent_menu.py" line="53" />
      <source>（还没有打开过的文件）</source>
      <translation>(no files opened yet)</translation>
    </message>
  </context>
  <context>
    <name>starter_dialog</name>
    <message>
      <location filename="../../ui/exchange/starter_dialog.py" line="47" />
      <source>保存起始文件</source>
      <translation>Save starter file</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/starter_dialog.py" line="59" />
      <source>已保存给“{0}”的起始文件：
{1}

其中有活动、单位 {2} 个、统计指标和通知，不含各单位已报的数据。对方以“{0}”为本单位填报，交回的文件将作为该单位的文件合并。</source>
      <translation>Starter file for "{0}" saved:
{1}

It holds the campaigns, {2} units, the indicators and the notices, but none of the figures units reported. "{0}" reports as its own office; the files it sends back merge as that office's.</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/starter_dialog.py" line="29" />
      <source>接收单位（作为起始文件的“本单位”；可直接输入）：</source>
      <translation>Recipient (the starter file's own office; you may type a name):</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/starter_dialog.py" line="28" />
      <location filename="../../ui/exchange/starter_dialog.py" line="55" />
      <source>给下级单位一份起始文件</source>
      <translation>Starter file for a town or department</translation>
    </message>
    <message>
      <location filename="../../ui/exchange/starter_dialog.py" line="58" />
      <source>起始文件已保存</source>
      <translation>Starter file saved</translation>
    </message>
  </context>
  <context>
    <name>startup</name>
    <message>
      <location filename="../../ui/shell/startup.py" line="108" />
      <location filename="../../ui/shell/startup.py" line="115" />
      <source>数据库已损坏</source>
      <translation>Database damaged</translation>
    </message>
    <message>
      <location filename="../../ui/shell/startup.py" line="116" />
      <source>数据库文件已损坏，已改名保存为：
{0}

找到 {1} 的备份，要用它恢复吗？（选“否”则新建空数据库）</source>
      <translation>The database file is damaged and was renamed to:
{0}

A backup from {1} was found. Restore it? (Choose “No” to create an empty database.)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/startup.py" line="109" />
      <source>数据库文件已损坏，已改名保存为：
{0}

没有找到可用的备份，将新建一个空数据库。</source>
      <translation>The database file is damaged and was renamed to:
{0}

No usable backup was found; an empty database will be created.</translation>
    </message>
    <message>
      <location filename="../../ui/shell/startup.py" line="63" />
      <source>文件已被打开</source>
      <translation>File already open</translation>
    </message>
    <message>
      <location filename="../../ui/shell/startup.py" line="173" />
      <source>正在检查数据库文件是否完好……（可以查看，稍后再修改）</source>
      <translation>Checking that the database file is intact… (you can look around; make changes in a moment)</translation>
    </message>
    <message>
      <location filename="../../ui/shell/startup.py" line="64" />
      <source>这个数据库已在另一个窗口中打开：
{0}

要以只读方式打开吗？（选“否”则退出）</source>
      <translation>This database is already open in another window:
{0}

Open it read-only? (Choose “No” to exit.)</translation>
    </message>
  </context>
  <context>
    <name>table_tools</name>
    <message>
      <location filename="../../ui/common/table_tools.py" line="287" />
      <source>复制(&amp;C)</source>
      <translation>&amp;Copy</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="234" />
      <location filename="../../ui/common/table_tools.py" line="245" />
      <source>导出为 Excel</source>
      <translation>Export to Excel</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="289" />
      <source>导出为 Excel(&amp;E)…</source>
      <translation>&amp;Export to Excel…</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="249" />
      <source>已导出：{0}</source>
      <translation>Exported: {0}</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="290" />
      <source>打印(&amp;P)…</source>
      <translation>&amp;Print…</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="288" />
      <source>筛选(&amp;F)…</source>
      <translation>&amp;Filter…</translation>
    </message>
    <message>
      <location filename="../../ui/common/table_tools.py" line="184" />
      <source>筛选（Esc 关闭）</source>
      <translation>Filter (Esc closes)</translation>
    </message>
  </context>
</TS>
