<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name>ActionItemDialog</name>
    <message>
        <source>対応事項を追加</source>
        <translation>Add action item</translation>
    </message>
    <message>
        <source>対応事項を編集</source>
        <translation>Edit action item</translation>
    </message>
    <message>
        <source>(未定)</source>
        <translation>(undecided)</translation>
    </message>
    <message>
        <source>完了した</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>coordinator</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ActionItemPanel</name>
    <message>
        <source>追加すると、会議もその時点の内容で保存されます</source>
        <translation>Adding an item also saves the meeting as it is now</translation>
    </message>
    <message>
        <source>この会議で決まった対応事項</source>
        <translation>Action items decided at this meeting</translation>
    </message>
    <message>
        <source>対応事項を追加します(未保存の会議は先に保存します)</source>
        <translation>Add an action item (an unsaved meeting is saved first)</translation>
    </message>
</context>
<context>
    <name>ActionItemTableModel</name>
    <message>
        <source>内容</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>期限を過ぎています</source>
        <translation>Past its due date</translation>
    </message>
</context>
<context>
    <name>ActionItemView</name>
    <message>
        <source>すべての担当者</source>
        <translation>All owners</translation>
    </message>
    <message>
        <source>期限切れのみ</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <source>内容・担当・会議名で絞り込み</source>
        <translation>Filter by text, owner or meeting</translation>
    </message>
    <message>
        <source>担当(&amp;O)</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>完了にする</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>選んだ対応事項を完了にします (Space、Ctrl+Z で戻せます)</source>
        <translation>Mark the selected items done (Space; Ctrl+Z undoes)</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>会議を開く</source>
        <translation>Open meeting</translation>
    </message>
    <message>
        <source>対応事項を決めた会議を開きます (Enter)</source>
        <translation>Open the meeting that decided the item (Enter)</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>未完了 {count}件(うち期限切れ {overdue}件)</source>
        <translation>{count} open ({overdue} overdue)</translation>
    </message>
    <message>
        <source>操作できません</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>ActivityReportWindow</name>
    <message>
        <source>実績報告</source>
        <translation>Activity report</translation>
    </message>
    <message>
        <source>全域(地域を限定しない)</source>
        <translation>Whole municipality</translation>
    </message>
    <message>
        <source>すべてのコーディネーター</source>
        <translation>All coordinators</translation>
    </message>
    <message>
        <source>Excelで保存…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>PDFで保存…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>PDFに各プロジェクトの紹介ページ(この年度の確認済みの進捗)を付ける</source>
        <translation>Append each project&apos;s page to the PDF (this year&apos;s reviewed progress)</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>会議の開催数</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>参加者数(延べ)</source>
        <translation>Participants (total)</translation>
    </message>
    <message>
        <source>協議体の開催数</source>
        <translation>Council meetings</translation>
    </message>
    <message>
        <source>新規の関係機関</source>
        <translation>New organisations</translation>
    </message>
    <message>
        <source>新規の担当者</source>
        <translation>New contacts</translation>
    </message>
    <message>
        <source>Excelで保存</source>
        <translation>Save as Excel</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDFで保存</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>次の点を確認してください:
{items}</source>
        <translation>Please check the following:
{items}</translation>
    </message>
    <message>
        <source>対象: {scope}</source>
        <translation>Scope: {scope}</translation>
    </message>
    <message>
        <source>月別の会議開催数</source>
        <translation>Meetings by month</translation>
    </message>
    <message>
        <source>実績報告_{year}</source>
        <translation>activity-report_{year}</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>実績報告を作成できませんでした: {error}</source>
        <translation>Could not make the activity report: {error}</translation>
    </message>
    <message>
        <source>「{path}」に保存できませんでした: {error}</source>
        <translation>Could not save “{path}”: {error}</translation>
    </message>
    <message>
        <source>保存しました: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>AnswersTab</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>保存して次へ</source>
        <translation>Save and next</translation>
    </message>
    <message>
        <source>保存して次の通いの場へ (Ctrl+Enter)</source>
        <translation>Save and go to the next gathering place (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>通いの場に反映…</source>
        <translation>Update the place…</translation>
    </message>
    <message>
        <source>反映先のある質問の回答で、通いの場の登録内容を書き換えます(変更点を先に表示)</source>
        <translation>Updates the gathering place&apos;s record from the answers to mapped questions (the changes are shown first)</translation>
    </message>
    <message>
        <source>Excel・CSVから取り込み…</source>
        <translation>Import from Excel/CSV…</translation>
    </message>
    <message>
        <source>(未回答)</source>
        <translation>(no answer)</translation>
    </message>
    <message>
        <source>数(例: 12)</source>
        <translation>Number (e.g. 12)</translation>
    </message>
    <message>
        <source>通いの場がありません</source>
        <translation>No gathering places</translation>
    </message>
    <message>
        <source>問{number}: {message}</source>
        <translation>Q{number}: {message}</translation>
    </message>
</context>
<context>
    <name>AreaEditor</name>
    <message>
        <source>人口 {n}人</source>
        <translation>Population {n}</translation>
    </message>
    <message>
        <source>世帯数 {n}</source>
        <translation>Households {n}</translation>
    </message>
    <message>
        <source>高齢化率 {rate}%</source>
        <translation>Aged 65+ {rate}%</translation>
    </message>
    <message>
        <source>・</source>
        <translation> · </translation>
    </message>
    <message>
        <source>({date}現在)</source>
        <translation> (as of {date})</translation>
    </message>
    <message>
        <source>(なし・最上位)</source>
        <translation>(none – top level)</translation>
    </message>
    <message>
        <source>令和4年9月末日 のようにも入力できます</source>
        <translation>You can also type a date such as 令和4年9月末日 (end of September, Reiwa 4)</translation>
    </message>
    <message>
        <source>地域名</source>
        <translation>Area name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>上位地域</source>
        <translation>Parent area</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>人口(人)</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>世帯数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>高齢化率(%)</source>
        <translation>Aged 65+ (%)</translation>
    </message>
    <message>
        <source>基準日</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>地域の統計</source>
        <translation>Area statistics</translation>
    </message>
    <message>
        <source>新しい地域</source>
        <translation>New area</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <source>すべての種別</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>すべて展開</source>
        <translation>Expand all</translation>
    </message>
    <message>
        <source>すべて折りたたむ</source>
        <translation>Collapse all</translation>
    </message>
</context>
<context>
    <name>AreaTableModel</name>
    <message>
        <source>地域名</source>
        <translation>Area name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>高齢化率</source>
        <translation>Aged 65+</translation>
    </message>
    <message>
        <source>クリックまたは→キーで展開</source>
        <translation>Click or press → to expand</translation>
    </message>
    <message>
        <source>クリックまたは←キーで折りたたみ</source>
        <translation>Click or press ← to collapse</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>担当を終了</source>
        <translation>End assignment</translation>
    </message>
    <message>
        <source>担当を追加</source>
        <translation>Add assignment</translation>
    </message>
    <message>
        <source>担当を編集</source>
        <translation>Edit assignment</translation>
    </message>
    <message>
        <source>(なし)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>兼務(ほかの職と兼ねている)</source>
        <translation>Concurrent post (held together with another job)</translation>
    </message>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>担当地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>所属機関</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>兼務</source>
        <translation>Concurrent</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>AssignmentTableModel</name>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>担当地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>所属機関</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>兼務</source>
        <translation>Concurrent</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>AttachmentPanel</name>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>ダブルクリックで開きます</source>
        <translation>Double-click to open</translation>
    </message>
    <message>
        <source>ファイルを添付…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <source>名前を付けて保存…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>添付を外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>写真・文書</source>
        <translation>Photos and documents</translation>
    </message>
    <message>
        <source>すべてのファイル</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>添付するファイルを選ぶ</source>
        <translation>Choose files to attach</translation>
    </message>
    <message>
        <source>一時ファイルを書けません: {error}</source>
        <translation>Cannot write the temporary file: {error}</translation>
    </message>
    <message>
        <source>「{name}」を開くアプリが見つかりません。</source>
        <translation>No application was found to open “{name}”.</translation>
    </message>
    <message>
        <source>添付ファイルを保存</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>「{name}」を外しますか?
(Ctrl+Z で元に戻せます)</source>
        <translation>Remove “{name}”?
(Ctrl+Z undoes it.)</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>「{name}」の添付の取り外し</source>
        <translation>removal of the attachment “{name}”</translation>
    </message>
    <message>
        <source>添付ファイル</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>プレビューなし</source>
        <translation>No preview</translation>
    </message>
</context>
<context>
    <name>AttachmentTableModel</name>
    <message>
        <source>ファイル名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>サイズ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>追加日</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>写真・画像</source>
        <translation>Photo / image</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>テキスト</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>文書</source>
        <translation>Document</translation>
    </message>
</context>
<context>
    <name>AttendeePicker</name>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>出席者(担当者)</source>
        <translation>Attendees (contacts)</translation>
    </message>
    <message>
        <source>出席 {total}件(コーディネーター {c}・関係機関 {o}・担当者 {p})</source>
        <translation>{total} attending (coordinators: {c}, organisations: {o}, contacts: {p})</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>バックアップと復元</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>アプリを閉じるときに、1日1回自動でバックアップします。写真や添付ファイルもデータベースに含まれるため、一緒にバックアップされます。
保存先: {folder}</source>
        <translation>When the app closes, a backup is taken automatically once a day. Photos and attachments are part of the database, so they are backed up too.
Folder: {folder}</translation>
    </message>
    <message>
        <source>バックアップはまだありません。</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>今すぐバックアップ</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>ファイルに保存…</source>
        <translation>Save to a file…</translation>
    </message>
    <message>
        <source>選んだバックアップから復元…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>ファイルから復元…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <source>保存数を変更</source>
        <translation>Change retention</translation>
    </message>
    <message>
        <source>毎日</source>
        <translation>Keep daily:</translation>
    </message>
    <message>
        <source>日分、毎週</source>
        <translation>days, weekly:</translation>
    </message>
    <message>
        <source>週分、毎月</source>
        <translation>weeks, monthly:</translation>
    </message>
    <message>
        <source>か月分を残す</source>
        <translation>months</translation>
    </message>
    <message>
        <source>自動バックアップの保存数</source>
        <translation>Automatic backups to keep</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>バックアップできませんでした</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>バックアップしました</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <source>バックアップしました。
{path}</source>
        <translation>Backed up.
{path}</translation>
    </message>
    <message>
        <source>バックアップの保存先</source>
        <translation>Save the backup to</translation>
    </message>
    <message>
        <source>バックアップを保存しました。
{path}</source>
        <translation>The backup was saved.
{path}</translation>
    </message>
    <message>
        <source>復元するバックアップを選ぶ</source>
        <translation>Choose a backup to restore</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>データベースを「{name}」の内容に戻します。
今の内容は、復元の前に自動でバックアップします。よろしいですか?</source>
        <translation>The database will be returned to the contents of “{name}”.
The current contents are backed up automatically first. Continue?</translation>
    </message>
    <message>
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>復元できませんでした</source>
        <translation>Restore failed</translation>
    </message>
    <message>
        <source>「{name}」から復元しました。</source>
        <translation>Restored from “{name}”.</translation>
    </message>
    <message>
        <source>復元前の内容は「{path}」に保存してあります。</source>
        <translation>The contents before the restore are kept in “{path}”.</translation>
    </message>
    <message>
        <source>復元しました</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>保存数を変更できません</source>
        <translation>Cannot change retention</translation>
    </message>
    <message>
        <source>少なくとも1つは残すようにしてください。</source>
        <translation>Keep at least one backup.</translation>
    </message>
    <message>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>保存数を変更しました</source>
        <translation>Retention changed</translation>
    </message>
    <message>
        <source>次のバックアップから、この保存数で古いものを整理します。</source>
        <translation>From the next backup on, old backups are pruned to these numbers.</translation>
    </message>
</context>
<context>
    <name>BackupTableModel</name>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>サイズ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>BatchRunner</name>
    <message>
        <source>チラシを作成しています…</source>
        <translation>Creating flyers…</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>一括作成</source>
        <translation>Batch creation</translation>
    </message>
    <message>
        <source>データを確認しています… (%1 / %2)</source>
        <translation>Checking data… (%1 / %2)</translation>
    </message>
    <message>
        <source>PDFを作成しています… (%1 / %2)</source>
        <translation>Creating PDFs… (%1 / %2)</translation>
    </message>
</context>
<context>
    <name>CapacityNote</name>
    <message>
        <source>会場</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>オンライン</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>{place} {count}名</source>
        <translation>{place} {count}</translation>
    </message>
    <message>
        <source>{place} {count} / 定員{capacity}名</source>
        <translation>{place} {count} of {capacity}</translation>
    </message>
    <message>
        <source>(定員を超えています)</source>
        <translation> (over capacity)</translation>
    </message>
</context>
<context>
    <name>CarriedOverPanel</name>
    <message>
        <source>ダブルクリックで、その対応事項を決めた会議を開きます</source>
        <translation>Double-click to open the meeting that decided the item</translation>
    </message>
    <message>
        <source>完了にする</source>
        <translation>Mark done</translation>
    </message>
    <message numerus="yes">
        <source>前回までの未完了の対応事項 {count}件</source>
        <translation>
            <numerusform>{count} open item carried over from earlier meetings</numerusform>
            <numerusform>{count} open items carried over from earlier meetings</numerusform>
        </translation>
    </message>
    <message>
        <source>前回までの未完了の対応事項はありません</source>
        <translation>No open items carried over from earlier meetings</translation>
    </message>
    <message>
        <source>操作できません</source>
        <translation>Cannot do that</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>名前・ふりがなで絞り込み</source>
        <translation>Filter by name or reading</translation>
    </message>
    <message>
        <source>選択中(ほかの候補)</source>
        <translation>Chosen (not among the matches)</translation>
    </message>
    <message>
        <source>{count}件を選択</source>
        <translation>{count} selected</translation>
    </message>
</context>
<context>
    <name>ChildPanel</name>
    <message>
        <source>先に基本情報を保存してください</source>
        <translation>Save the basic data first.</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>操作できません</source>
        <translation>Not possible</translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message>
        <source>競合を確認…</source>
        <translation>Review conflicts…</translation>
    </message>
    <message>
        <source>この記録には未解決の競合があります（{n}件）</source>
        <translation>This record has unresolved conflicts ({n})</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>件名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>議題</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>決定事項</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>説明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>(空欄)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>競合の確認</source>
        <translation>Review conflicts</translation>
    </message>
    <message>
        <source>競合の確認 — {what}</source>
        <translation>Review conflicts — {what}</translation>
    </message>
    <message>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>送信できなかった変更</source>
        <translation>Changes not sent</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未解決の競合はありません。</source>
        <translation>There are no open conflicts.</translation>
    </message>
    <message>
        <source>現在の値のままにする</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <source>自分の値を使う</source>
        <translation>Use my value</translation>
    </message>
    <message>
        <source>編集して解決…</source>
        <translation>Edit and resolve…</translation>
    </message>
    <message>
        <source>この内容で解決</source>
        <translation>Resolve with this text</translation>
    </message>
    <message>
        <source>サーバーが受け付けなかった変更です。理由を確認し、必要なら記録を直してから「確認済みにする」を押してください。</source>
        <translation>The server did not accept these changes. Read the reason, correct the record if needed, then press &quot;Mark as dealt with&quot;.</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>When</translation>
    </message>
    <message>
        <source>記録の種類</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>確認済みにする</source>
        <translation>Mark as dealt with</translation>
    </message>
    <message>
        <source>元の値</source>
        <translation>Original value</translation>
    </message>
    <message>
        <source>現在の値({who}、{when})</source>
        <translation>Current value ({who}, {when})</translation>
    </message>
    <message>
        <source>現在の値(サーバー)</source>
        <translation>Current value (server)</translation>
    </message>
    <message>
        <source>あなたの値({when}、この端末)</source>
        <translation>Your value ({when}, this computer)</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>サーバーに解決を伝えられませんでした: {message}</source>
        <translation>Could not tell the server about the decision: {message}</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>担当者を追加</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>担当者を編集</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
</context>
<context>
    <name>CoordinatorEditor</name>
    <message>
        <source>例: 平日 9:00〜17:00</source>
        <translation>e.g. weekdays 9:00–17:00</translation>
    </message>
    <message>
        <source>1行に1つずつ(チラシの「こんな時にご相談ください」)</source>
        <translation>One per line (the flyer’s “Talk to us when…”)</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>相談受付時間</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>写真</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>相談できること</source>
        <translation>Consult topics</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>担当を終了…</source>
        <translation>End assignment…</translation>
    </message>
    <message>
        <source>担当履歴</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>新しいコーディネーター</source>
        <translation>New coordinator</translation>
    </message>
</context>
<context>
    <name>CoordinatorTableModel</name>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>現在の担当</source>
        <translation>Current posts</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>CouncilEditor</name>
    <message>
        <source>(未設定)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>協議体名</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>設置日</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>主な会場</source>
        <translation>Usual venue</translation>
    </message>
    <message>
        <source>目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>委員</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>この協議体の会議(新しい順)</source>
        <translation>Meetings of this council (newest first)</translation>
    </message>
    <message>
        <source>会議履歴</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>新しい協議体</source>
        <translation>New council</translation>
    </message>
</context>
<context>
    <name>CouncilMeetingModel</name>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
</context>
<context>
    <name>CouncilPage</name>
    <message>
        <source>すべての層</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>すべての状況</source>
        <translation>All statuses</translation>
    </message>
</context>
<context>
    <name>CouncilParticipationModel</name>
    <message>
        <source>協議体</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>CouncilTableModel</name>
    <message>
        <source>協議体名</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>設置日</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>委員数</source>
        <translation>Members</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>未送信 {n}件</source>
        <translation>
            <numerusform>{n} unsent</numerusform>
            <numerusform>{n} unsent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>競合 {n}件</source>
        <translation>
            <numerusform>{n} conflict</numerusform>
            <numerusform>{n} conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>送信できなかった変更 {n}件</source>
        <translation>
            <numerusform>{n} change not sent</numerusform>
            <numerusform>{n} changes not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count}件</source>
        <translation>
            <numerusform>{count} record</numerusform>
            <numerusform>{count} records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n}件の変更(新しい順)</source>
        <translation>
            <numerusform>{n} change (newest first)</numerusform>
            <numerusform>{n} changes (newest first)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count}件の会議を書き出しました:
{path}</source>
        <translation>
            <numerusform>Exported {count} meeting:
{path}</numerusform>
            <numerusform>Exported {count} meetings:
{path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>対応事項{count}件の完了</source>
        <translation>
            <numerusform>marking {count} action item done</numerusform>
            <numerusform>marking {count} action items done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>対応事項{count}件の未完了への戻し</source>
        <translation>
            <numerusform>reopening {count} action item</numerusform>
            <numerusform>reopening {count} action items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>進捗{count}件(未確認{unreviewed}件)</source>
        <translation>
            <numerusform>{count} entry ({unreviewed} not reviewed)</numerusform>
            <numerusform>{count} entries ({unreviewed} not reviewed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>最終記録: {date}({days}日前)</source>
        <translation>
            <numerusform>Last entry: {date} ({days} day ago)</numerusform>
            <numerusform>Last entry: {date} ({days} days ago)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件は取り込みません。</source>
        <translation>
            <numerusform>Imported {valid} row. Not imported: errors {errors}, duplicates {duplicates}.</numerusform>
            <numerusform>Imported {valid} rows. Not imported: errors {errors}, duplicates {duplicates}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件は取り込みません。</source>
        <translation>
            <numerusform>{valid} row can be imported. Not imported: errors {errors}, duplicates {duplicates}.</numerusform>
            <numerusform>{valid} rows can be imported. Not imported: errors {errors}, duplicates {duplicates}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{valid}件を取り込みました。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。</source>
        <translation>
            <numerusform>Imported {valid} row. Not imported: errors {errors}, duplicates {duplicates}, same-name organisations with another phone number {same_name}.</numerusform>
            <numerusform>Imported {valid} rows. Not imported: errors {errors}, duplicates {duplicates}, same-name organisations with another phone number {same_name}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{valid}件を取り込めます。エラー {errors}件、重複 {duplicates}件、同名で電話番号が異なる関係機関 {same_name}件は取り込みません。</source>
        <translation>
            <numerusform>{valid} row can be imported. Not imported: errors {errors}, duplicates {duplicates}, same-name organisations with another phone number {same_name}.</numerusform>
            <numerusform>{valid} rows can be imported. Not imported: errors {errors}, duplicates {duplicates}, same-name organisations with another phone number {same_name}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>例: {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>カレンダーから選ぶ (Alt+↓)</source>
        <translation>Pick from the calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>日付として読めません(例: 2022-04-01、令和4年4月1日)</source>
        <translation>Not a date (e.g. 2022-04-01 or 令和4年4月1日)</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <source>名称なし</source>
        <translation>untitled</translation>
    </message>
    <message>
        <source>保存する場所:</source>
        <translation>Save in:</translation>
    </message>
    <message>
        <source>ファイル名:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>ファイルの種類:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存しました。

ファイル: {name}
場所: {folder}</source>
        <translation>Saved.

File: {name}
Folder: {folder}</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>写真を選ぶ</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>画像 (*.png *.jpg *.jpeg *.bmp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.gif)</translation>
    </message>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>フォルダを開く</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>「{path}」を開けませんでした。</source>
        <translation>Could not open “{path}”.</translation>
    </message>
</context>
<context>
    <name>DraftRestore</name>
    <message>
        <source>保存されていない下書き</source>
        <translation>Unsaved draft</translation>
    </message>
    <message>
        <source>前回、保存されないまま終了した会議の下書きがあります。

「{title}」({when} 自動保存)

復元しますか?</source>
        <translation>The app ended last time before this meeting was saved.

“{title}” (saved automatically at {when})

Restore it?</translation>
    </message>
    <message>
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>あとで</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Excel・CSVへ書き出し</source>
        <translation>Export to Excel/CSV</translation>
    </message>
    <message>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <source>データベース全体(表ごとのシート)</source>
        <translation>Whole database (a sheet per table)</translation>
    </message>
    <message>
        <source>書き出す内容</source>
        <translation>What to export</translation>
    </message>
    <message>
        <source>Excel ブック(.xlsx)</source>
        <translation>Excel workbook (.xlsx)</translation>
    </message>
    <message>
        <source>CSV(UTF-8 BOM付き。全体はZIPにまとめます)</source>
        <translation>CSV (UTF-8 with BOM; the whole database as a ZIP)</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>「=」「+」「-」「@」で始まるセルは、表計算ソフトが式として実行しないよう先頭に「&apos;」を付けて書き出します。写真・添付ファイルは含まれません(すべてを残すにはバックアップをお使いください)。</source>
        <translation>Cells starting with =, +, - or @ get a leading &apos; so that spreadsheets do not run them as formulas. Photos and attachments are not included (use a backup to keep everything).</translation>
    </message>
    <message>
        <source>書き出す…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>データベース全体</source>
        <translation>Whole database</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV を収めた ZIP (*.zip)</source>
        <translation>ZIP of CSV files (*.zip)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>書き出し先</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>書き出せませんでした</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>書き出しました。
{path}</source>
        <translation>Exported.
{path}</translation>
    </message>
    <message>
        <source>Excel の上限(1セル32,767文字)を超えた{count}件の文章は途中までです。全文は CSV で書き出せます。</source>
        <translation>Texts cut at Excel’s limit (32,767 characters per cell): {count}. CSV keeps the full text.</translation>
    </message>
    <message>
        <source>書き出しました</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>FastEntry</name>
    <message numerus="yes">
        <source>協議体の委員 {count}件を出席に入れました。欠席の方はチェックを外してください。</source>
        <translation>
            <numerusform>Added {count} council member as an attendee. Untick if absent.</numerusform>
            <numerusform>Added {count} council members as attendees. Untick those who were absent.</numerusform>
        </translation>
    </message>
    <message>
        <source>前回をコピー</source>
        <translation>Copy previous</translation>
    </message>
    <message>
        <source>コピーできる前回の会議がありません。
同じ協議体・プロジェクト・種類の会議が、この開催日より前にありません。</source>
        <translation>There is no previous meeting to copy.
No meeting of the same council, project or kind was held before this date.</translation>
    </message>
    <message>
        <source>入力中の内容を「{title}」({date})の内容で置き換えますか?</source>
        <translation>Replace what you have entered with “{title}” ({date})?</translation>
    </message>
    <message>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>「{title}」({date})をコピーしました。日付と内容を確認してください。</source>
        <translation>Copied “{title}” ({date}). Check the date and the contents.</translation>
    </message>
</context>
<context>
    <name>FeatureWindows</name>
    <message>
        <source>会議を記録…</source>
        <translation>Log a meeting…</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>確認ワークスペース…</source>
        <translation>Review workspace…</translation>
    </message>
    <message>
        <source>実績報告…</source>
        <translation>Activity report…</translation>
    </message>
    <message>
        <source>利用者の切り替え…</source>
        <translation>Switch user…</translation>
    </message>
</context>
<context>
    <name>FiscalYear</name>
    <message>
        <source>{year}年度</source>
        <translation>FY{year}</translation>
    </message>
</context>
<context>
    <name>FlyerDialog</name>
    <message>
        <source>チラシ作成</source>
        <translation>Create flyer</translation>
    </message>
    <message>
        <source>1行に1項目</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <source>登録内容に戻す</source>
        <translation>Reset to stored data</translation>
    </message>
    <message>
        <source>PDFを保存…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>選んだ人を一括作成…</source>
        <translation>Batch for the chosen people…</translation>
    </message>
    <message>
        <source>上の一覧のコーディネーター全員のチラシを、まとめて作成します</source>
        <translation>Make the flyers of every coordinator in the list above at once</translation>
    </message>
    <message>
        <source>担当中の全員を一括作成…</source>
        <translation>Create for everyone in post…</translation>
    </message>
    <message>
        <source>1人1ファイルに分ける</source>
        <translation>One file per person</translation>
    </message>
    <message>
        <source>レイアウト</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>デザイン</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>QRコード</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>地区(チーム紹介)</source>
        <translation>District (team introduction)</translation>
    </message>
    <message>
        <source>この印刷だけの変更</source>
        <translation>Changes for this print only</translation>
    </message>
    <message>
        <source>こんな時にご相談ください(1行に1項目)</source>
        <translation>“Talk to us when…” (one item per line)</translation>
    </message>
    <message>
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>一括作成</source>
        <translation>Batch creation</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>市全域</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <source>コーディネーターが選ばれていません</source>
        <translation>No coordinator selected</translation>
    </message>
    <message>
        <source>チラシを作成できませんでした: {error}</source>
        <translation>Could not make the flyer: {error}</translation>
    </message>
    <message>
        <source>PDFを作成できません:</source>
        <translation>Cannot create the PDF:</translation>
    </message>
    <message>
        <source>注意(印刷はできますが、省略または置き換えた文字があります):</source>
        <translation>Note (printable, but some text was shortened or replaced):</translation>
    </message>
    <message>
        <source>次の項目は省略または置き換えて印刷しました:</source>
        <translation>These items were shortened or replaced in print:</translation>
    </message>
    <message>
        <source>「{path}」に保存できませんでした。

{error}</source>
        <translation>Could not save “{path}”.

{error}</translation>
    </message>
    <message>
        <source>PDFを保存</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>全員</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>担当中のコーディネーターがいません。</source>
        <translation>No coordinator is currently in post.</translation>
    </message>
    <message>
        <source>%1人</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>保存先のフォルダを選ぶ</source>
        <translation>Choose a folder to save to</translation>
    </message>
    <message>
        <source>中止しました。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>作成済みのファイル: %1件</source>
        <translation>Files created: %1</translation>
    </message>
    <message>
        <source>%1人分のチラシを作成しました。</source>
        <translation>Created flyers for %1 people.</translation>
    </message>
    <message>
        <source>A4 1面</source>
        <translation>A4, one flyer</translation>
    </message>
    <message>
        <source>A5 1面</source>
        <translation>A5, one flyer</translation>
    </message>
    <message>
        <source>A4にA5を2面(トンボ付き)</source>
        <translation>Two A5 on A4 (crop marks)</translation>
    </message>
    <message>
        <source>名刺 91×55mm(A4に10枚)</source>
        <translation>Business cards 91×55 mm (10 on A4)</translation>
    </message>
    <message>
        <source>チーム紹介(A4、地区または市全域)</source>
        <translation>Team introduction (A4, district or whole city)</translation>
    </message>
    <message>
        <source>スタンダード(青)</source>
        <translation>Standard (blue)</translation>
    </message>
    <message>
        <source>やさしい(オレンジ)</source>
        <translation>Gentle (orange)</translation>
    </message>
    <message>
        <source>自動(ホームページ、なければ連絡先)</source>
        <translation>Automatic (website, else contact)</translation>
    </message>
    <message>
        <source>ホームページのURL</source>
        <translation>Website URL</translation>
    </message>
    <message>
        <source>連絡先(電話・メール)</source>
        <translation>Contact (phone, email)</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>FlyerPrompts</name>
    <message>
        <source>チラシを印刷</source>
        <translation>Print flyers</translation>
    </message>
    <message>
        <source>PDFを保存</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>GatheringPlaceEditor</name>
    <message>
        <source>一覧から選ぶか、新しい種類を入力します(入力した種類は一覧に加わります)</source>
        <translation>Choose from the list or type a new kind (a new kind joins the list)</translation>
    </message>
    <message>
        <source>(未設定)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>例: 中央公民館 2階和室</source>
        <translation>e.g. Central community hall, 2F Japanese room</translation>
    </message>
    <message>
        <source>例: 毎週火曜 10:00〜12:00、第2・第4木曜、月1回</source>
        <translation>e.g. Tuesdays 10:00–12:00, 2nd and 4th Thursday, once a month</translation>
    </message>
    <message>
        <source>例: 100円(お茶代)、無料</source>
        <translation>e.g. 100 yen (tea), free</translation>
    </message>
    <message>
        <source>例: 地域の65歳以上の方、どなたでも</source>
        <translation>e.g. residents aged 65 and over, anyone</translation>
    </message>
    <message>
        <source>バリアフリー</source>
        <translation>Barrier-free</translation>
    </message>
    <message>
        <source>送迎あり</source>
        <translation>Transport provided</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>参加費</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>定員</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>ふだんの参加者数</source>
        <translation>Usual attendance</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Who may join</translation>
    </message>
    <message>
        <source>利用しやすさ</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <source>写真</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Basics</translation>
    </message>
    <message>
        <source>連絡先をガイドブックに載せてよい</source>
        <translation>The contact may be printed in the guidebook</translation>
    </message>
    <message>
        <source>運営団体</source>
        <translation>Running organisation</translation>
    </message>
    <message>
        <source>連絡先(代表者)</source>
        <translation>Contact (representative)</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ウェブページ</source>
        <translation>Web page</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>運営・連絡先</source>
        <translation>Organisation and contact</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>活動開始日</source>
        <translation>Started on</translation>
    </message>
    <message>
        <source>休止・終了した日</source>
        <translation>Paused or ended on</translation>
    </message>
    <message>
        <source>新しい通いの場</source>
        <translation>New gathering place</translation>
    </message>
    <message>
        <source>→ {label}</source>
        <translation>→ {label}</translation>
    </message>
    <message>
        <source>※ そのまま残します: {text}</source>
        <translation>※ Kept as written: {text}</translation>
    </message>
</context>
<context>
    <name>GatheringPlaceKind</name>
    <message>
        <source>サロン</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>体操教室</source>
        <translation>Exercise class</translation>
    </message>
    <message>
        <source>認知症カフェ</source>
        <translation>Dementia café</translation>
    </message>
    <message>
        <source>ミニデイ</source>
        <translation>Mini day service</translation>
    </message>
    <message>
        <source>子ども食堂</source>
        <translation>Children&apos;s cafeteria</translation>
    </message>
    <message>
        <source>趣味の会</source>
        <translation>Hobby club</translation>
    </message>
</context>
<context>
    <name>GatheringPlacePage</name>
    <message>
        <source>すべての地域</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>すべての曜日</source>
        <translation>Any day</translation>
    </message>
    <message>
        <source>すべての状況</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>ガイドブックを作成…</source>
        <translation>Make the guidebook…</translation>
    </message>
    <message>
        <source>活動中の通いの場を地区ごとにまとめた冊子(PDF)を作ります</source>
        <translation>Makes the booklet (PDF) of the active gathering places, by district</translation>
    </message>
    <message>
        <source>調査…</source>
        <translation>Surveys…</translation>
    </message>
    <message>
        <source>通いの場調査: 質問票、回答の入力・取り込み、通いの場への反映、集計</source>
        <translation>Gathering place surveys: questionnaire, entering and importing answers, updating the places, results</translation>
    </message>
</context>
<context>
    <name>GatheringPlaceTableModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>GatheringPlaces</name>
    <message>
        <source>活動中</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>休止中</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>月曜</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>火曜</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>水曜</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>木曜</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>金曜</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>土曜</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>日曜</source>
        <translation>Sunday</translation>
    </message>
</context>
<context>
    <name>GuidebookDialog</name>
    <message>
        <source>通いの場ガイドブック</source>
        <translation>Gathering places guidebook</translation>
    </message>
    <message>
        <source>市町村全体</source>
        <translation>Whole municipality</translation>
    </message>
    <message>
        <source>A5の冊子にする(A4横に2ページずつ、二つ折りの順)</source>
        <translation>A5 booklet (two pages per A4 landscape sheet, in folding order)</translation>
    </message>
    <message>
        <source>両面印刷(短辺とじ)して重ね、まん中で折ると冊子になります</source>
        <translation>Print double-sided (flip on the short edge), stack the sheets and fold them in the middle to make the booklet</translation>
    </message>
    <message>
        <source>PDFを保存…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>範囲</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>活動中の通いの場 {count} か所を {areas} 地域に分けて載せます</source>
        <translation>
            <numerusform>{count} active gathering place in {areas} area</numerusform>
            <numerusform>{count} active gathering places in {areas} areas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>次の {count} か所は文字が多く、1ページに収まりません:
{names}

このまま作ると、入りきらない部分を省略して印刷します。やめて通いの場の内容を短くすることもできます。</source>
        <translation>
            <numerusform>This place has too much text to fit on one page:
{names}

If you go on, the text that does not fit is left out of the booklet. You can also stop and shorten the place&apos;s details.</numerusform>
            <numerusform>These {count} places have too much text to fit on one page:
{names}

If you go on, the text that does not fit is left out of the booklet. You can also stop and shorten the places&apos; details.</numerusform>
        </translation>
    </message>
    <message>
        <source>省略して作る</source>
        <translation>Shorten and make it</translation>
    </message>
    <message>
        <source>ガイドブックを保存</source>
        <translation>Save the guidebook</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>ガイドブックを作れませんでした: {error}</source>
        <translation>The guidebook could not be made: {error}</translation>
    </message>
    <message>
        <source>ガイドブック</source>
        <translation>Guidebook</translation>
    </message>
    <message>
        <source>中止しています…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>作成しています… %p%</source>
        <translation>Making the PDF… %p%</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>削除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>(新規作成)</source>
        <translation>(created)</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>変更前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>変更後</source>
        <translation>After</translation>
    </message>
    <message>
        <source>再読み込み</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>変更者(端末)</source>
        <translation>Changed by (desk)</translation>
    </message>
    <message>
        <source>変更内容</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>新しい記録には、まだ変更履歴がありません。</source>
        <translation>A new record has no change history yet.</translation>
    </message>
    <message>
        <source>サーバーに接続していません。変更履歴はログインすると表示されます。</source>
        <translation>Not connected to the server. The change history is shown once you log in.</translation>
    </message>
    <message>
        <source>変更履歴を読み込んでいます…</source>
        <translation>Loading the change history…</translation>
    </message>
    <message>
        <source>変更履歴を読み込めませんでした: {message}</source>
        <translation>Could not load the change history: {message}</translation>
    </message>
    <message>
        <source>サーバーに接続していません。
{reason}</source>
        <translation>Not connected to the server.
{reason}</translation>
    </message>
    <message>
        <source>サーバーにはまだ変更履歴がありません(未送信の変更は送信後に表示されます)。</source>
        <translation>The server has no history for this record yet (changes not yet sent appear once they are sent).</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
</context>
<context>
    <name>HolidayNames</name>
    <message>
        <source>ja</source>
        <translation>en_US</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Excel・CSVから取り込み</source>
        <translation>Import from Excel/CSV</translation>
    </message>
    <message>
        <source>次へ &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>LinkedList</name>
    <message>
        <source>ダブルクリックで開きます</source>
        <translation>Double-click to open</translation>
    </message>
</context>
<context>
    <name>LocalTierDialog</name>
    <message>
        <source>層の呼び名</source>
        <translation>Local tier names</translation>
    </message>
    <message>
        <source>この自治体独自の層の呼び名(例: 倉敷市の0層・1.5層)を登録します。一覧や帳票には呼び名が表示され、実績報告では「集計する層」に数えます。</source>
        <translation>Register this municipality&apos;s own tier names (e.g. Kurashiki&apos;s tier 0 and tier 1.5). Lists and documents show the local name; the activity report counts each under its &quot;counted as&quot; tier.</translation>
    </message>
    <message>
        <source>呼び名</source>
        <translation>Local name</translation>
    </message>
    <message>
        <source>集計する層</source>
        <translation>Counted as</translation>
    </message>
    <message>
        <source>使用件数</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>0層・1.5層を追加</source>
        <translation>Add tier 0 and tier 1.5</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{row}行目: {text}</source>
        <translation>Row {row}: {text}</translation>
    </message>
</context>
<context>
    <name>LogBar</name>
    <message>
        <source>タイムライン</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>進捗を全文・写真つきで日付順に表示します</source>
        <translation>Show the entries in full, with photos, by date</translation>
    </message>
    <message>
        <source>進捗を1行ずつの表で表示します</source>
        <translation>Show the entries as a table, one line each</translation>
    </message>
    <message>
        <source>新しい順</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>古い順</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>前回の確認以降の変更だけを表示</source>
        <translation>Only changes since my last review</translation>
    </message>
    <message>
        <source>未確認 {unreviewed}件(このプロジェクトはまだ確認していません)</source>
        <translation>{unreviewed} not reviewed (you have not reviewed this project yet)</translation>
    </message>
    <message>
        <source>未確認 {unreviewed}件・前回の確認({stamp})以降に追加・変更された進捗 {count}件</source>
        <translation>{unreviewed} not reviewed · {count} added or changed since your last review ({stamp})</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <source>ロゴ画像を選ぶ…</source>
        <translation>Choose logo image…</translation>
    </message>
    <message>
        <source>ロゴを外す</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>ファイル「{name}」を開けません: {error}</source>
        <translation>Cannot open the file &quot;{name}&quot;: {error}</translation>
    </message>
    <message>
        <source>「{name}」は大きすぎます(50MBまで)。</source>
        <translation>&quot;{name}&quot; is too large (50 MB at most).</translation>
    </message>
    <message>
        <source>「{name}」は画像として読めません(PNG・JPEG などを選んでください)。</source>
        <translation>&quot;{name}&quot; cannot be read as an image (choose a PNG, JPEG or similar file).</translation>
    </message>
    <message>
        <source>ロゴなし</source>
        <translation>No logo</translation>
    </message>
    <message>
        <source>表示できません</source>
        <translation>Cannot display</translation>
    </message>
</context>
<context>
    <name>LookAlikeDialog</name>
    <message>
        <source>似ている記録の確認</source>
        <translation>Review look-alike records</translation>
    </message>
    <message>
        <source>種類・名称・ふりがなが同じで、別々に登録された記録です。同じものなら残す記録を選んで「統合する」を、別のものなら「別の記録として残す」を押してください。</source>
        <translation>These records have the same kind, name and reading but were registered separately. If they are the same thing, choose the record to keep and press “Merge”; if they are different, press “Keep as a separate record”.</translation>
    </message>
    <message>
        <source>似ている記録はありません。</source>
        <translation>There are no look-alike records.</translation>
    </message>
    <message>
        <source>残す記録を選んでください:</source>
        <translation>Choose the record to keep:</translation>
    </message>
    <message>
        <source>統合する…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>選んだ記録を残し、このグループのほかの記録をまとめます</source>
        <translation>Keep the chosen record and merge the other records of this group into it</translation>
    </message>
    <message>
        <source>別の記録として残す</source>
        <translation>Keep as a separate record</translation>
    </message>
    <message>
        <source>選んだ記録はほかの記録と別のものとして、この一覧に出なくなります</source>
        <translation>The chosen record is treated as different from the others and no longer listed here</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>やり直す</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>同期サーバーが受け付けないため、この端末のログインではできません: {reasons}</source>
        <translation>Not possible with this computer&apos;s login, as the sync server would refuse it: {reasons}</translation>
    </message>
    <message>
        <source>「{name}」({created} 作成)を残し、ほかの {n} 件をこの記録に統合します。
ほかの記録を参照している会議・委員・担当などは、すべて残す記録を参照するようになり、統合した記録は削除されます。
統合は Ctrl+Z で元に戻せます。</source>
        <translation>“{name}” (created {created}) is kept and the other {n} record(s) are merged into it.
Meetings, members, assignments and everything else referring to the other records will refer to the kept record, and the merged records are deleted.
Ctrl+Z undoes the merge.</translation>
    </message>
    <message>
        <source>「{name}」への統合</source>
        <translation>Merge into “{name}”</translation>
    </message>
    <message>
        <source>{kind}「{name}」に {n} 件を統合しました(参照の付け替え {moved} 件)。Ctrl+Z で元に戻せます。</source>
        <translation>Merged {n} record(s) into “{name}” ({kind}); {moved} reference(s) moved. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>「{name}」への統合を元に戻しました。</source>
        <translation>The merge into “{name}” was undone.</translation>
    </message>
    <message>
        <source>「{name}」への統合をやり直しました。</source>
        <translation>The merge into “{name}” was redone.</translation>
    </message>
    <message>
        <source>元に戻せませんでした</source>
        <translation>Could not undo</translation>
    </message>
    <message>
        <source>記録の統合</source>
        <translation>Merge records</translation>
    </message>
    <message>
        <source>統合する</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>「{name}」をほかの記録とは別の記録として残しました。</source>
        <translation>“{name}” is kept as a record separate from the others.</translation>
    </message>
    <message>
        <source>同期で受け取った記録に、この端末の記録と似ているものがあります</source>
        <translation>Records received by sync look like records of this computer</translation>
    </message>
    <message>
        <source>似ている記録 {n}組を確認</source>
        <translation>Review {n} look-alike group(s)</translation>
    </message>
</context>
<context>
    <name>LookAlikeGroupModel</name>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>LookAlikeRecordModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>所属・所在など</source>
        <translation>Belongs to / located at</translation>
    </message>
    <message>
        <source>作成日時</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>登録元</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <source>この端末(未送信)</source>
        <translation>This computer (not sent yet)</translation>
    </message>
    <message>
        <source>この端末({user}、{when}に送信)</source>
        <translation>This computer ({user}, sent {when})</translation>
    </message>
    <message>
        <source>ほかの端末({user}、{when}に送信)</source>
        <translation>Another computer ({user}, sent {when})</translation>
    </message>
    <message>
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>生活支援コーディネーター業務管理 — {name}</source>
        <translation>Support Coordinator Case Manager — {name}</translation>
    </message>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>絞り込み</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>すべてを検索…</source>
        <translation>Search everything…</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>やり直す</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>設定…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>検索の言い換え…</source>
        <translation>Search aliases…</translation>
    </message>
    <message>
        <source>自治体の情報…</source>
        <translation>Municipality profile…</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>このアプリについて</source>
        <translation>About</translation>
    </message>
    <message>
        <source>チラシ作成…</source>
        <translation>Make a flyer…</translation>
    </message>
    <message>
        <source>地域のチームのチラシ作成…</source>
        <translation>Make an area team flyer…</translation>
    </message>
    <message>
        <source>Excel・CSVから取り込み…</source>
        <translation>Import from Excel/CSV…</translation>
    </message>
    <message>
        <source>Excel・CSVへ書き出し…</source>
        <translation>Export to Excel/CSV…</translation>
    </message>
    <message>
        <source>バックアップと復元…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>編集(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>すべてを検索 (Ctrl+K)</source>
        <translation>Search everything (Ctrl+K)</translation>
    </message>
    <message>
        <source>閲覧と確認のみ(上司・確認者)</source>
        <translation>Read and review only (supervisor)</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>生活支援コーディネーター業務管理 {version}

データベース: {path}

日本語フォント: IPAexゴシック (IPAフォントライセンスv1.0)</source>
        <translation>Support Coordinator Case Manager {version}

Database: {path}

Japanese font: IPAexGothic (IPA Font License v1.0)</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>列の対応</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>ファイルの各列を、どの項目として取り込むか選んでください(* は必須)。</source>
        <translation>Choose the field each column of the file goes to (* required).</translation>
    </message>
    <message>
        <source>ファイルの列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>内容の例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>取り込む項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>(取り込まない)</source>
        <translation>(skip)</translation>
    </message>
</context>
<context>
    <name>MeetingCalendar</name>
    <message>
        <source>前の月 (PageUp)</source>
        <translation>Previous month (PageUp)</translation>
    </message>
    <message>
        <source>次の月 (PageDown)</source>
        <translation>Next month (PageDown)</translation>
    </message>
    <message>
        <source>今月</source>
        <translation>This month</translation>
    </message>
    <message numerus="yes">
        <source>この月の会議 {count}件</source>
        <translation>
            <numerusform>{count} meeting this month</numerusform>
            <numerusform>{count} meetings this month</numerusform>
        </translation>
    </message>
    <message>
        <source>{era_year}{month}月</source>
        <translation>{era_year} month {month}</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month:02d}</translation>
    </message>
    <message numerus="yes">
        <source>{date}の会議 {count}件</source>
        <translation>
            <numerusform>{count} meeting on {date}</numerusform>
            <numerusform>{count} meetings on {date}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingDateField</name>
    <message>
        <source>「{text}」の月が正しくありません(1〜12月)</source>
        <translation>“{text}”: the month must be 1 to 12</translation>
    </message>
    <message>
        <source>「{text}」は存在しない日付です({month}月は{last}日まで)</source>
        <translation>“{text}” does not exist (month {month} has {last} days)</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>連続開催…</source>
        <translation>Recurring…</translation>
    </message>
    <message>
        <source>この内容で、毎週・毎月などの会議をまとめて作成します</source>
        <translation>Create weekly, monthly… sessions from this meeting in one go</translation>
    </message>
    <message>
        <source>議事録PDF…</source>
        <translation>Minutes PDF…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>この会議に保存していない変更があります。保存しますか?</source>
        <translation>This meeting has changes that are not saved. Save them?</translation>
    </message>
    <message>
        <source>会議の記録 — {name}</source>
        <translation>Meeting log — {name}</translation>
    </message>
</context>
<context>
    <name>MeetingDraft</name>
    <message>
        <source>(会議名なし)</source>
        <translation>(untitled meeting)</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>(なし)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>前回をコピー(&amp;P)</source>
        <translation>Copy &amp;previous</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>開始時刻</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>終了時刻</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>開催方法</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>定員(会場)</source>
        <translation>Capacity (on site)</translation>
    </message>
    <message>
        <source>定員(オンライン)</source>
        <translation>Capacity (online)</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>参加者数(会場)</source>
        <translation>Participants (on site)</translation>
    </message>
    <message>
        <source>参加者数(オンライン)</source>
        <translation>Participants (online)</translation>
    </message>
    <message>
        <source>議事録に見出しを入れる</source>
        <translation>Add section headings to the minutes</translation>
    </message>
    <message>
        <source>報告事項・協議事項・次回予定の見出しを入れます。何も書かなかった見出しは保存するときに取り除かれます</source>
        <translation>Adds the headings reports, discussion and next meeting. Headings left empty are removed when the meeting is saved</translation>
    </message>
    <message>
        <source>写真や配布資料を会議に添付します(1ファイル{limit}まで)。</source>
        <translation>Attach photos and handouts to the meeting (up to {limit} per file).</translation>
    </message>
    <message>
        <source>{time}の下書きを復元しました。内容を確認して保存してください。</source>
        <translation>Restored the draft of {time}. Check it and save.</translation>
    </message>
    <message>
        <source>下書きを自動保存しました({time})</source>
        <translation>Draft saved automatically ({time})</translation>
    </message>
    <message>
        <source>下書きを保存できません: {error}</source>
        <translation>Cannot save the draft: {error}</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>同じシリーズ・協議体・プロジェクト・種類の直近の会議から入力を始めます</source>
        <translation>Start from the latest meeting of the same series, council, project or kind</translation>
    </message>
    <message>
        <source>プロジェクト</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>出席</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>議題</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>議事録</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>決定事項</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>記録</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>添付</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>新しい会議</source>
        <translation>New meeting</translation>
    </message>
</context>
<context>
    <name>MeetingFilterBar</name>
    <message>
        <source>すべての協議体</source>
        <translation>All councils</translation>
    </message>
    <message>
        <source>すべてのプロジェクト</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>すべてのコーディネーター</source>
        <translation>All coordinators</translation>
    </message>
    <message>
        <source>すべての地域</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>すべての月</source>
        <translation>All months</translation>
    </message>
    <message>
        <source>すべての年度</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>{era_year}度</source>
        <translation>FY {era_year}</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>FY{year}</translation>
    </message>
    <message>
        <source>1月</source>
        <translation>January</translation>
    </message>
    <message>
        <source>2月</source>
        <translation>February</translation>
    </message>
    <message>
        <source>3月</source>
        <translation>March</translation>
    </message>
    <message>
        <source>4月</source>
        <translation>April</translation>
    </message>
    <message>
        <source>5月</source>
        <translation>May</translation>
    </message>
    <message>
        <source>6月</source>
        <translation>June</translation>
    </message>
    <message>
        <source>7月</source>
        <translation>July</translation>
    </message>
    <message>
        <source>8月</source>
        <translation>August</translation>
    </message>
    <message>
        <source>9月</source>
        <translation>September</translation>
    </message>
    <message>
        <source>10月</source>
        <translation>October</translation>
    </message>
    <message>
        <source>11月</source>
        <translation>November</translation>
    </message>
    <message>
        <source>12月</source>
        <translation>December</translation>
    </message>
</context>
<context>
    <name>MeetingOutput</name>
    <message>
        <source>議事録をPDFで保存</source>
        <translation>Save the minutes as PDF</translation>
    </message>
    <message>
        <source>「{path}」に保存できませんでした。

{error}</source>
        <translation>Could not save “{path}”.

{error}</translation>
    </message>
    <message>
        <source>議事録のPDFを作成できませんでした。

{error}</source>
        <translation>Could not make the minutes PDF.

{error}</translation>
    </message>
    <message>
        <source>一部の文字を置き換えました:</source>
        <translation>Some characters were replaced:</translation>
    </message>
    <message>
        <source>カレンダーに書き出す</source>
        <translation>Export to a calendar</translation>
    </message>
    <message>
        <source>書き出す会議を一覧で選んでください(Ctrl+クリックで複数選べます)。</source>
        <translation>Select the meetings to export in the list (Ctrl+click selects several).</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>連続開催…</source>
        <translation>Recurring…</translation>
    </message>
    <message>
        <source>右の入力内容で、毎週・毎月などの会議をまとめて作成します</source>
        <translation>Create weekly, monthly… sessions from the form on the right in one go</translation>
    </message>
    <message>
        <source>議事録PDF…</source>
        <translation>Minutes PDF…</translation>
    </message>
    <message>
        <source>表示中の会議の議事録をPDFで保存します</source>
        <translation>Save the minutes of the meeting shown as PDF</translation>
    </message>
    <message>
        <source>カレンダーに書き出す…</source>
        <translation>Export to calendar…</translation>
    </message>
    <message>
        <source>選んだ会議を .ics ファイルに書き出します(Outlook・Googleカレンダーなど)</source>
        <translation>Export the selected meetings to an .ics file (Outlook, Google Calendar…)</translation>
    </message>
    <message>
        <source>一覧</source>
        <translation>List</translation>
    </message>
    <message>
        <source>カレンダー</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>会議名・会場で絞り込み (Ctrl+F)</source>
        <translation>Filter by title or venue (Ctrl+F)</translation>
    </message>
    <message>
        <source>議事録PDF</source>
        <translation>Minutes PDF</translation>
    </message>
    <message>
        <source>議事録を作る会議を一覧で選んでください。</source>
        <translation>Select the meeting whose minutes you want in the list.</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>{page}に保存していない変更があります。保存しますか?</source>
        <translation>{page} has changes that are not saved. Save them?</translation>
    </message>
</context>
<context>
    <name>MeetingParticipationModel</name>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>MeetingPrompts</name>
    <message>
        <source>保存する</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MeetingTableModel</name>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>出席者(名簿)</source>
        <translation>Named attendees</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>委員を追加</source>
        <translation>Add member</translation>
    </message>
    <message>
        <source>委員を編集</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>担当者(個人)</source>
        <translation>Contact (person)</translation>
    </message>
    <message>
        <source>委員</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>MembershipTableModel</name>
    <message>
        <source>委員(機関・個人)</source>
        <translation>Member (organisation or person)</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>MinutesRecordFields</name>
    <message>
        <source>例: 町会連合会 鈴木委員</source>
        <translation>e.g. Neighbourhood association federation, Mr Suzuki</translation>
    </message>
    <message>
        <source>例: 会長 山田 太郎</source>
        <translation>e.g. Chair Taro Yamada</translation>
    </message>
    <message>
        <source>欠席者</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>記録者</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>承認者</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>承認日</source>
        <translation>Approved on</translation>
    </message>
</context>
<context>
    <name>MinutesTemplate</name>
    <message>
        <source>報告事項</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>協議事項</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>次回予定</source>
        <translation>Next meeting</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>他{count}件</source>
        <translation>+{count} more</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>火</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>水</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>木</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>金</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>土</source>
        <translation>Sat</translation>
    </message>
</context>
<context>
    <name>MunicipalityDialog</name>
    <message>
        <source>自治体の情報</source>
        <translation>Municipality profile</translation>
    </message>
    <message>
        <source>チラシの「お問い合わせ」欄、議事録と活動報告の発行者として印刷されます。あとで「ファイル &gt; 自治体の情報」から変更できます。</source>
        <translation>Printed in the contact box of flyers and as the issuer of minutes and activity reports. You can change it later under File &gt; Municipality profile.</translation>
    </message>
    <message>
        <source>例: 福生市</source>
        <translation>e.g. Fussa City</translation>
    </message>
    <message>
        <source>例: 福祉保健部 介護福祉課 地域支援係</source>
        <translation>e.g. Health and Welfare Dept., Long-term Care Division</translation>
    </message>
    <message>
        <source>例: 042-551-1511</source>
        <translation>e.g. 042-551-1511</translation>
    </message>
    <message>
        <source>例: 042-530-5800</source>
        <translation>e.g. 042-530-5800</translation>
    </message>
    <message>
        <source>例: chiiki@city.example.lg.jp</source>
        <translation>e.g. chiiki@city.example.lg.jp</translation>
    </message>
    <message>
        <source>例: https://www.city.example.lg.jp/</source>
        <translation>e.g. https://www.city.example.lg.jp/</translation>
    </message>
    <message>
        <source>例: 平日 8時30分〜17時15分(土日祝日・年末年始を除く)</source>
        <translation>e.g. Weekdays 8:30–17:15 (closed on weekends, holidays and at New Year)</translation>
    </message>
    <message>
        <source>自治体名</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>担当部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>FAX</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>ウェブ</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>受付時間</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>ロゴ</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>あとで入力する</source>
        <translation>Enter later</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>数字で入力してください</source>
        <translation>Enter a number</translation>
    </message>
</context>
<context>
    <name>OpenFailureDialog</name>
    <message>
        <source>ファイル: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <source>詳しい情報</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>このバックアップから復元して開く</source>
        <translation>Restore this backup and open it</translation>
    </message>
    <message>
        <source>バックアップファイルを選んで復元…</source>
        <translation>Choose a backup file to restore…</translation>
    </message>
    <message>
        <source>読み取り専用で開く</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <source>閉じられるまで待つ</source>
        <translation>Wait until it is closed</translation>
    </message>
    <message>
        <source>もう一度試す</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>終了する</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>データベースは使用中です</source>
        <translation>The database is in use</translation>
    </message>
    <message>
        <source>データベースは読み取り専用です</source>
        <translation>The database is read-only</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>正常なバックアップが見つかりませんでした。バックアップのファイルをお持ちなら、「バックアップファイルを選んで復元」から選んでください。</source>
        <translation>No good backup was found. If you have a backup file, choose it with “Choose a backup file to restore”.</translation>
    </message>
    <message>
        <source>最新の正常なバックアップ: {when}
復元すると、このバックアップの時点の内容に戻ります。壊れたファイルは名前を変えてそのまま残します。</source>
        <translation>Newest good backup: {when}
Restoring returns to the contents at that time. The damaged file is kept under another name.</translation>
    </message>
</context>
<context>
    <name>OpenItemModel</name>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>State</translation>
    </message>
    <message>
        <source>(期限なし)</source>
        <translation>(no due date)</translation>
    </message>
    <message>
        <source>(未定)</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>期限切れ</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未完了</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>活動を始めた日・設立日。実績報告の「新規の関係機関」はこの日の年度で数えます(空欄なら登録した日)</source>
        <translation>The day it was founded or began its activity. The activity report counts new organisations in this day&apos;s fiscal year (the day it was entered when empty)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>運営形態</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>設立日</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>担当地域</source>
        <translation>Areas served</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>参加している協議体</source>
        <translation>Councils it sits on</translation>
    </message>
    <message>
        <source>出席した会議</source>
        <translation>Meetings attended</translation>
    </message>
    <message>
        <source>参加状況</source>
        <translation>Participation</translation>
    </message>
    <message>
        <source>新しい関係機関</source>
        <translation>New organisation</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>すべての種別</source>
        <translation>All kinds</translation>
    </message>
</context>
<context>
    <name>OrganisationTableModel</name>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>担当地域</source>
        <translation>Areas served</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>「{name}」は画像として表示できません</source>
        <translation>“{name}” cannot be shown as an image</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PhotoField</name>
    <message>
        <source>写真を選ぶ…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>写真を外す</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>ファイルを読めません: {error}</source>
        <translation>Cannot read the file: {error}</translation>
    </message>
    <message>
        <source>写真のファイルが大きすぎます(50MBまで): {name}</source>
        <translation>The photo file is too large (up to 50 MB): {name}</translation>
    </message>
    <message>
        <source>写真</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>画像として読めないファイルです: {name}</source>
        <translation>Not a readable image: {name}</translation>
    </message>
    <message>
        <source>写真なし</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>表示できません</source>
        <translation>Cannot display</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>取り込みの確認</source>
        <translation>Check the import</translation>
    </message>
    <message>
        <source>問題のない行だけを、まとめて一度に取り込みます。エラー・重複・同名の行は取り込まず、あとで一覧として保存できます。</source>
        <translation>Only rows without problems are imported, all at once. Rows with errors, duplicates or same-name organisations are skipped and can be saved as a list afterwards.</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>重複と判定した行も取り込む</source>
        <translation>Import rows judged duplicates too</translation>
    </message>
    <message>
        <source>同名で電話番号が異なる関係機関も、新しい記録として取り込む</source>
        <translation>Import organisations with the same name but another phone number as new records too</translation>
    </message>
    <message>
        <source>既に登録された関係機関と名前が同じで電話番号が違う行は、同じ機関の番号違いのことが多いため、既定では取り込みません。</source>
        <translation>Rows whose name matches a registered organisation but whose phone number differs are often the same organisation with another number, so they are not imported by default.</translation>
    </message>
    <message>
        <source>取り込めませんでした</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>重複</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>同名</source>
        <translation>Same name</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>問題・メモ</source>
        <translation>Problems / notes</translation>
    </message>
</context>
<context>
    <name>ProfilePickerDialog</name>
    <message>
        <source>利用者を選ぶ</source>
        <translation>Choose the user</translation>
    </message>
    <message>
        <source>この端末でアプリを使う人を選んでください。記録した進捗には記入者として、確認には確認者としてこの名前が残ります(あとで設定から変更できます)。</source>
        <translation>Choose who uses the app on this computer. Progress entries record this name as their author and reviews as their reviewer (you can change it later in Settings).</translation>
    </message>
    <message>
        <source>例: 係長、課長、第1層コーディネーター</source>
        <translation>e.g. section chief, division head, tier-1 coordinator</translation>
    </message>
    <message>
        <source>(紐づけない)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>登録して選ぶ</source>
        <translation>Register and choose</translation>
    </message>
    <message>
        <source>新しい利用者を登録</source>
        <translation>Register a new user</translation>
    </message>
    <message>
        <source>この利用者で始める</source>
        <translation>Start as this user</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>登録済みの利用者</source>
        <translation>Registered users</translation>
    </message>
    <message>
        <source>同期サーバーにログイン中: {who}
ログイン中は、ログインしたアカウントがこの端末の利用者です。利用者を切り替えるには、ツール → 同期サーバーにログイン… からログアウトしてください。</source>
        <translation>Logged in to the sync server: {who}
While logged in, the account that logged in is the user of this computer. To switch users, log out from Tools → Log in to sync server….</translation>
    </message>
    <message>
        <source>ログイン中の利用者</source>
        <translation>Logged-in user</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message>
        <source>進捗</source>
        <translation>Progress entry</translation>
    </message>
    <message>
        <source>進捗を記録</source>
        <translation>Log progress</translation>
    </message>
    <message>
        <source>進捗を編集</source>
        <translation>Edit progress entry</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>記入者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>記入者は利用者の名前で記録されます</source>
        <translation>The author is recorded as the current user</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProgressLogModel</name>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>記入者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>記録日時</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>添付</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>確認済</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>確認後に変更</source>
        <translation>Changed after review</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>最終更新: {stamp}</source>
        <translation>Last changed: {stamp}</translation>
    </message>
    <message>
        <source>{name}が{stamp}に確認</source>
        <translation>Reviewed by {name} on {stamp}</translation>
    </message>
    <message>
        <source>確認のあとで内容が変更されました</source>
        <translation>The entry was changed after the review</translation>
    </message>
</context>
<context>
    <name>ProgressLogPanel</name>
    <message>
        <source>先に概要を保存してください</source>
        <translation>Save the overview first</translation>
    </message>
    <message>
        <source>選んだ進捗の添付ファイル(写真・資料)</source>
        <translation>Files of the selected entry (photos, documents)</translation>
    </message>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>紹介ページ(PDF・HTML)…</source>
        <translation>Project page (PDF/HTML)…</translation>
    </message>
    <message>
        <source>このプロジェクトを公開用のページ(PDF・HTML)にします</source>
        <translation>Make this project into a page to publish (PDF/HTML)</translation>
    </message>
    <message>
        <source>選んだ進捗を確認済にする…</source>
        <translation>Mark selected as reviewed…</translation>
    </message>
    <message>
        <source>タイムラインでは K キーでも確認できます</source>
        <translation>In the timeline, the K key marks an entry reviewed too</translation>
    </message>
    <message>
        <source>未確認をすべて確認済にする…</source>
        <translation>Mark all unreviewed as reviewed…</translation>
    </message>
    <message>
        <source>表示…</source>
        <translation>View…</translation>
    </message>
    <message>
        <source>操作できません</source>
        <translation>Not possible</translation>
    </message>
</context>
<context>
    <name>ProjectActionItemModel</name>
    <message>
        <source>期限</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>期限切れ</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>(未設定)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>上司(確認者)のプロファイルでは、閲覧と確認(コメント)だけができます。</source>
        <translation>As a supervisor (reviewer) you can read and review (comment) only.</translation>
    </message>
    <message>
        <source>プロジェクト名</source>
        <translation>Project title</translation>
    </message>
    <message>
        <source>プログラム</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>進捗率</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>担当コーディネーター</source>
        <translation>Lead coordinator</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>メンバー</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>概要</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>このプロジェクトの会議(ダブルクリックで会議を開きます)</source>
        <translation>Meetings of this project (double-click opens the meeting)</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>会議で決まった対応事項(ダブルクリックでその会議を開きます)</source>
        <translation>Action items decided in the meetings (double-click opens the meeting)</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>連携機関</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>進捗状況</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <source>成果物の添付ファイル(チラシ・報告書・写真など)</source>
        <translation>Outcome files (flyers, reports, photos…)</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>新しいプロジェクト</source>
        <translation>New project</translation>
    </message>
</context>
<context>
    <name>ProjectMeetingModel</name>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>出席機関・SC</source>
        <translation>Orgs &amp; coordinators</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting</translation>
    </message>
</context>
<context>
    <name>ProjectMemberPanel</name>
    <message>
        <source>(メンバーを選ぶ)</source>
        <translation>(choose a member)</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>外す</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属</source>
        <translation>Affiliation</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>役割は一覧から選ぶか入力します(リーダー、メンバーなど)。保存で確定します。</source>
        <translation>Choose a role from the list or type one (leader, member …). Saved with the project.</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>すべての状況</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>すべてのプログラム</source>
        <translation>All programs</translation>
    </message>
    <message>
        <source>プロジェクト名・目標で絞り込み (Ctrl+F)</source>
        <translation>Filter by title or goal (Ctrl+F)</translation>
    </message>
    <message>
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
</context>
<context>
    <name>ProjectPageDialog</name>
    <message>
        <source>紹介ページ(PDF・HTML)</source>
        <translation>Project page (PDF/HTML)</translation>
    </message>
    <message>
        <source>紹介文(任意): 概要の後に載せる、取り組みの背景や経緯</source>
        <translation>Narrative (optional): the background and story, printed after the overview</translation>
    </message>
    <message>
        <source>未確認の進捗も載せる</source>
        <translation>Include unreviewed entries</translation>
    </message>
    <message>
        <source>日付を和暦で表示</source>
        <translation>Dates in the Japanese calendar</translation>
    </message>
    <message>
        <source>載せる進捗と写真</source>
        <translation>Entries and photos to include</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>PDFを保存…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>HTMLを保存…</source>
        <translation>Save HTML…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>「{title}」を公開用のページにします。</source>
        <translation>Make “{title}” into a page to publish.</translation>
    </message>
    <message>
        <source>紹介文</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>確認済</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>紹介ページを保存</source>
        <translation>Save project page</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>HTML (*.html *.htm)</source>
        <translation>HTML (*.html *.htm)</translation>
    </message>
    <message>
        <source>保存できませんでした: {error}</source>
        <translation>Could not save: {error}</translation>
    </message>
    <message>
        <source>保存しました: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>紹介ページ</source>
        <translation>Project page</translation>
    </message>
</context>
<context>
    <name>ProjectSummary</name>
    <message>
        <source>進捗の記録はまだありません</source>
        <translation>No progress entries yet</translation>
    </message>
    <message>
        <source>対応事項: 未完了{open}件(期限切れ{overdue}件)</source>
        <translation>Action items: {open} open ({overdue} overdue)</translation>
    </message>
    <message>
        <source>・</source>
        <translation> · </translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>プロジェクト名</source>
        <translation>Project title</translation>
    </message>
    <message>
        <source>プログラム</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>進捗率</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>担当コーディネーター</source>
        <translation>Lead coordinator</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>最終記録日</source>
        <translation>Last entry</translation>
    </message>
</context>
<context>
    <name>QuestionnaireTab</name>
    <message>
        <source>質問を追加…</source>
        <translation>Add question…</translation>
    </message>
    <message>
        <source>質問を追加 (Insert)</source>
        <translation>Add question (Insert)</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>上へ (Ctrl+↑)</source>
        <translation>Up (Ctrl+↑)</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>下へ (Ctrl+↓)</source>
        <translation>Down (Ctrl+↓)</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>削除 (Delete)</source>
        <translation>Delete (Delete key)</translation>
    </message>
    <message>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>質問</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>選択肢</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>反映先</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>質問の削除</source>
        <translation>Delete question</translation>
    </message>
    <message>
        <source>問{number}「{prompt}」を削除しますか。
この質問への回答は、質問文とともに集計に残ります。</source>
        <translation>Delete Q{number} &quot;{prompt}&quot;?
Its answers stay in the results with the question&apos;s wording.</translation>
    </message>
    <message>
        <source>質問票</source>
        <translation>Questionnaire</translation>
    </message>
</context>
<context>
    <name>RateField</name>
    <message>
        <source>例: 27.8</source>
        <translation>e.g. 27.8</translation>
    </message>
    <message>
        <source>数字で入力してください(例: 27.8)</source>
        <translation>Enter a number (e.g. 27.8)</translation>
    </message>
</context>
<context>
    <name>RecordCombo</name>
    <message>
        <source>(見つかりません)</source>
        <translation>(not found)</translation>
    </message>
    <message>
        <source>上位{limit}件を表示しています。名前・ふりがなで絞り込んでください。</source>
        <translation>Showing the first {limit}. Type part of the name or reading to narrow them down.</translation>
    </message>
    <message>
        <source>名前・ふりがなで検索</source>
        <translation>Search by name or reading</translation>
    </message>
    <message>
        <source>該当するものがありません</source>
        <translation>Nothing matches</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>新規登録</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>表示していた記録は、他の端末で削除されました。</source>
        <translation>The record shown was deleted on another computer.</translation>
    </message>
    <message>
        <source>他の端末での変更を受信しました。入力中の内容はそのまま残しています(保存すると、あなたが変更した項目だけが記録され、受信した変更はそのまま残ります)。</source>
        <translation>A change made on another desk has arrived. What you are typing is kept (saving records only the fields you changed; the received change stays).</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>他の端末でも変更されています</source>
        <translation>Also changed on another desk</translation>
    </message>
    <message>
        <source>この画面を開いた後、次の項目が他の端末でも変更されました: {fields}
あなたの入力で上書きしますか?(上書きしないときは、入力中の内容はそのまま残ります)</source>
        <translation>Since this form was opened, these fields were also changed on another desk: {fields}
Overwrite them with what you entered? (If not, what you are typing stays in the form.)</translation>
    </message>
    <message>
        <source>上書きして保存</source>
        <translation>Overwrite and save</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>RecordKind</name>
    <message>
        <source>地域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Councils</translation>
    </message>
    <message>
        <source>協議体の委員</source>
        <translation>Council members</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>連続開催</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>プロジェクト</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>進捗</source>
        <translation>Progress entries</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering places</translation>
    </message>
    <message>
        <source>添付ファイル</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>通いの場調査</source>
        <translation>Gathering place surveys</translation>
    </message>
    <message>
        <source>調査の質問</source>
        <translation>Survey questions</translation>
    </message>
    <message>
        <source>調査の回答</source>
        <translation>Survey answers</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>新規 (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>削除 (Delete)</source>
        <translation>Delete (Delete key)</translation>
    </message>
    <message>
        <source>名前・ふりがなで絞り込み (Ctrl+F)</source>
        <translation>Filter by name or reading (Ctrl+F)</translation>
    </message>
    <message>
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>元に戻せません</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>{page}に保存していない変更があります。変更を破棄しますか?</source>
        <translation>{page} has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>{count}件以上</source>
        <translation>{count} or more</translation>
    </message>
    <message>
        <source>件数を数える</source>
        <translation>Count them</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>取り込みの結果</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>取り込んだ記録は、それぞれの一覧に表示されます。</source>
        <translation>Imported records appear in their lists.</translation>
    </message>
    <message>
        <source>取り込まなかった行を保存…</source>
        <translation>Save the skipped rows…</translation>
    </message>
    <message>
        <source>{kind}_取り込めなかった行.csv</source>
        <translation>{kind}_skipped_rows.csv</translation>
    </message>
    <message>
        <source>一覧の保存先</source>
        <translation>Save the list to</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>取り込まなかった行と理由を保存しました。
{path}</source>
        <translation>The skipped rows and the reasons were saved.
{path}</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <source>Excel・CSVで保存…</source>
        <translation>Save as Excel/CSV…</translation>
    </message>
    <message>
        <source>回答一覧</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>地域・種類別</source>
        <translation>By area and kind</translation>
    </message>
    <message>
        <source>通いの場がない曜日</source>
        <translation>Weekdays without a place</translation>
    </message>
    <message>
        <source>調査を選んでください</source>
        <translation>Choose a survey</translation>
    </message>
    <message>
        <source>回答 {places} か所 / 参加者 {participants:,} 人 / 未回答 {unanswered} か所</source>
        <translation>Places answered: {places} / Participants: {participants:,} / Places not answered: {unanswered}</translation>
    </message>
    <message>
        <source>(未回答: {names})</source>
        <translation> (not answered: {names})</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering places</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>か所数</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>回答したか所数</source>
        <translation>Places answered</translation>
    </message>
    <message>
        <source>集計の保存先</source>
        <translation>Save the results to</translation>
    </message>
    <message>
        <source>{name}_集計</source>
        <translation>{name}_results</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>集計</source>
        <translation>Results</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>確認済にする</source>
        <translation>Mark as reviewed</translation>
    </message>
    <message numerus="yes">
        <source>次の{count}件の進捗を確認済にします。</source>
        <translation>
            <numerusform>This progress entry will be marked as reviewed.</numerusform>
            <numerusform>These {count} progress entries will be marked as reviewed.</numerusform>
        </translation>
    </message>
    <message>
        <source>コメント(任意): 担当者への助言や指示など</source>
        <translation>Comment (optional): advice or instructions for the coordinator</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ctrl+Enter でも確認済にできます</source>
        <translation>Ctrl+Enter marks them reviewed too</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>利用者が選ばれていません。設定で利用者を選んでください。</source>
        <translation>No user is chosen. Choose the user in Settings.</translation>
    </message>
</context>
<context>
    <name>ReviewHistoryModel</name>
    <message>
        <source>確認日時</source>
        <translation>Reviewed at</translation>
    </message>
    <message>
        <source>確認者</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>進捗の日付</source>
        <translation>Entry date</translation>
    </message>
    <message>
        <source>進捗</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ReviewHistoryPanel</name>
    <message>
        <source>このプロジェクトの進捗はまだ確認されていません。</source>
        <translation>No entry of this project has been reviewed yet.</translation>
    </message>
    <message numerus="yes">
        <source>確認 {count}件(確認者: {names})</source>
        <translation>
            <numerusform>{count} review (reviewer: {names})</numerusform>
            <numerusform>{count} reviews (reviewers: {names})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWorkspace</name>
    <message>
        <source>確認ワークスペース</source>
        <translation>Review workspace</translation>
    </message>
    <message>
        <source>すべての担当者</source>
        <translation>All coordinators</translation>
    </message>
    <message>
        <source>すべての地域</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>すべてのプログラム</source>
        <translation>All programs</translation>
    </message>
    <message>
        <source>すべての状況</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>プロジェクト画面で開く</source>
        <translation>Open on the Projects page</translation>
    </message>
    <message>
        <source>次の未確認へ (F8)</source>
        <translation>Next unreviewed (F8)</translation>
    </message>
    <message>
        <source>未確認の進捗がある次のプロジェクトを開き、その最も古い未確認の進捗を選びます(F8)。プロジェクト内の次の未確認はタイムラインで N キーです</source>
        <translation>Open the next project with unreviewed entries and select its oldest unreviewed entry (F8). Within a project, N in the timeline goes to the next unreviewed entry</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>概要と成果の変更を保存します</source>
        <translation>Saves the changes to the overview and the outcome</translation>
    </message>
    <message>
        <source>表のプロジェクトを選ぶと、ここに概要・進捗状況・確認などが表示されます。</source>
        <translation>Choose a project in the table to see its overview, progress log and reviews here.</translation>
    </message>
    <message>
        <source>すべての年度</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>表のプロジェクトに未確認の進捗はありません。</source>
        <translation>No project in the table has unreviewed entries.</translation>
    </message>
    <message>
        <source>利用者: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>利用者: (未設定)</source>
        <translation>User: (not chosen)</translation>
    </message>
    <message numerus="yes">
        <source>{count}件のプロジェクト</source>
        <translation>
            <numerusform>{count} project</numerusform>
            <numerusform>{count} projects</numerusform>
        </translation>
    </message>
    <message>
        <source>色付きの行: {days}日以上進捗の記録がない進行中・未着手のプロジェクト</source>
        <translation>Coloured rows: active projects without a progress entry for {days} days or more</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>「{name}」に保存していない変更があります。変更を破棄しますか?</source>
        <translation>“{name}” has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>SearchAliasDialog</name>
    <message>
        <source>検索の言い換え</source>
        <translation>Search aliases</translation>
    </message>
    <message>
        <source>検索で同じものとして探す言葉を、1行に1組ずつ「=」で区切って書きます。
例: 社協 = 社会福祉協議会 / 町会 = 町内会 = 自治会
どの言葉で検索しても、組のほかの言葉を含む記録も見つかります。</source>
        <translation>Words the search treats as the same, one group per line, separated by &quot;=&quot;.
Example: SWC = social welfare council / residents association = neighbourhood association
Searching for any word of a group also finds records containing the others.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>既定に戻す</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>{count}件以上</source>
        <translation>{count}+</translation>
    </message>
    <message>
        <source>{count}件</source>
        <translation>{count}</translation>
    </message>
    <message>
        <source>キーワード(1文字から・かなの種類や全角半角は区別しません)</source>
        <translation>Keyword (from one character; hiragana/katakana and full/half width are treated alike)</translation>
    </message>
    <message>
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>すべての地域</source>
        <translation>All areas</translation>
    </message>
    <message>
        <source>「{query}」は見つかりませんでした</source>
        <translation>Nothing found for “{query}”</translation>
    </message>
    <message>
        <source>「{query}」: {count}件を表示(新しい順)。種類を選ぶと、その種類をさらに表示します</source>
        <translation>“{query}”: showing {count}, newest first. Choose a kind to see more of it.</translation>
    </message>
    <message>
        <source>「{query}」: {count}件(新しい順)</source>
        <translation>“{query}”: {count}, newest first</translation>
    </message>
    <message>
        <source>この記録は削除されています</source>
        <translation>This record has been deleted</translation>
    </message>
    <message>
        <source>すべての年度</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>FY{year}</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>連続開催の会議を作成</source>
        <translation>Create a recurring meeting</translation>
    </message>
    <message>
        <source>毎週</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>隔週</source>
        <translation>Every other week</translation>
    </message>
    <message>
        <source>毎月(同じ日)</source>
        <translation>Monthly (same date)</translation>
    </message>
    <message>
        <source>毎月(同じ週の同じ曜日)</source>
        <translation>Monthly (same weekday of the same week)</translation>
    </message>
    <message>
        <source>回</source>
        <translation> sessions</translation>
    </message>
    <message>
        <source>Space でその日の開催をやめる・戻す</source>
        <translation>Space skips or restores that date</translation>
    </message>
    <message>
        <source>祝日の回を外す</source>
        <translation>Skip the holidays</translation>
    </message>
    <message>
        <source>祝日の回を翌平日に移す</source>
        <translation>Move holidays to the next weekday</translation>
    </message>
    <message>
        <source>「{title}」の内容(時刻・会場・出席者など)で、各回を別々の会議として作成します。</source>
        <translation>Each session is created as a meeting of its own with the contents of “{title}” (times, venue, attendees…).</translation>
    </message>
    <message>
        <source>(会議名なし)</source>
        <translation>(untitled meeting)</translation>
    </message>
    <message>
        <source>初回</source>
        <translation>First session</translation>
    </message>
    <message>
        <source>繰り返し</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>回数</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>初回の日付を入力してください</source>
        <translation>Enter the date of the first session</translation>
    </message>
    <message>
        <source>{date}({weekday})</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <source>第{n}回 {day}</source>
        <translation>Session {n}: {day}</translation>
    </message>
    <message>
        <source>— {day} 開催しない</source>
        <translation>— {day} not held</translation>
    </message>
    <message>
        <source> 祝日: {name}</source>
        <translation> holiday: {name}</translation>
    </message>
    <message>
        <source>祝日に当たる回があります: {dates}</source>
        <translation>Some sessions fall on a public holiday: {dates}</translation>
    </message>
    <message>
        <source>開催日を1日以上選んでください</source>
        <translation>Choose at least one date</translation>
    </message>
    <message>
        <source>祝日の開催</source>
        <translation>Sessions on holidays</translation>
    </message>
    <message>
        <source>次の回は祝日です。このまま作成しますか?
{dates}

「祝日の回を外す」「祝日の回を翌平日に移す」で変えることもできます。</source>
        <translation>These sessions fall on a public holiday. Create them anyway?
{dates}

“Skip the holidays” or “Move holidays to the next weekday” can change them.</translation>
    </message>
    <message>
        <source>このまま作成</source>
        <translation>Create anyway</translation>
    </message>
    <message>
        <source>作成できませんでした。会議の入力内容を確認してください。</source>
        <translation>Could not create the sessions. Check the meeting form.</translation>
    </message>
</context>
<context>
    <name>SeriesEditDialog</name>
    <message>
        <source>連続開催の編集</source>
        <translation>Edit series</translation>
    </message>
    <message>
        <source>会議名を変えると各回の名前も変わります。初回の日付を変えると、すべての回が同じ日数だけ移動します。</source>
        <translation>Renaming the series renames every session. Changing the first date moves every session by the same number of days.</translation>
    </message>
    <message>
        <source>会議名(&amp;N)</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>初回の日付(&amp;D)</source>
        <translation>First &amp;date</translation>
    </message>
    <message>
        <source>各回</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>カレンダーに書き出す…</source>
        <translation>Export to calendar…</translation>
    </message>
    <message>
        <source>全回をひとつの .ics ファイルに書き出します</source>
        <translation>Export every session into one .ics file</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>第{n}回 {date}({weekday})</source>
        <translation>Session {n}: {date} ({weekday})</translation>
    </message>
    <message>
        <source> 祝日: {name}</source>
        <translation> holiday: {name}</translation>
    </message>
    <message>
        <source>連続開催</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>この会議はすでに連続開催「{title}」(全{count}回)の第{number}回です。

シリーズ全体を編集しますか? 新しい連続開催を作ると、この会議とは別のシリーズになります。</source>
        <translation>This meeting is already session {number} of the series “{title}” ({count} sessions).

Edit the whole series? A new series would be separate from this meeting.</translation>
    </message>
    <message>
        <source>シリーズを編集…</source>
        <translation>Edit the series…</translation>
    </message>
    <message>
        <source>新しい連続開催を作成…</source>
        <translation>Create a new series…</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>言語の変更は、アプリを再起動すると反映されます。</source>
        <translation>A change of language applies after restarting the app.</translation>
    </message>
    <message>
        <source>日付を和暦で表示する(例: {wareki}、オフのとき {iso})</source>
        <translation>Japanese era dates (e.g. {wareki}, else {iso})</translation>
    </message>
    <message>
        <source>(選ばない)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>(紐づけない)</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>この利用者本人に当たるコーディネーターの記録を選びます</source>
        <translation>Choose the coordinator record that is this user</translation>
    </message>
    <message>
        <source>同期サーバーにログイン中は、ログインしたアカウント({who})が利用者です</source>
        <translation>While logged in to the sync server, the user is the account that logged in ({who})</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> days</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>停滞とみなす日数</source>
        <translation>Stalled after</translation>
    </message>
    <message>
        <source>同期サーバーにログイン…</source>
        <translation>Log in to sync server…</translation>
    </message>
    <message>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>この利用者は削除されています。</source>
        <translation>This user has been deleted.</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <source>取り込むファイル</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Excel(.xlsx)か CSV を選んでください。表の上にある題名の行や空の行は自動で読み飛ばします。</source>
        <translation>Choose an Excel (.xlsx) or CSV file. Title rows above the table and empty rows are skipped automatically.</translation>
    </message>
    <message>
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>自動</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>取り込む内容</source>
        <translation>What to import</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>見出しの行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <source>取り込むファイルを選ぶ</source>
        <translation>Choose the file to import</translation>
    </message>
    <message numerus="yes">
        <source>{line}行目を見出しとして読み取りました。データは{count}行です。</source>
        <translation>
            <numerusform>Read row {line} as the header; {count} data row.</numerusform>
            <numerusform>Read row {line} as the header; {count} data rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>文字コード: {encoding}</source>
        <translation>Encoding: {encoding}</translation>
    </message>
</context>
<context>
    <name>StartupOpener</name>
    <message>
        <source>SQLite データベース (*.sqlite3 *.sqlite *.db);;すべてのファイル (*)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>復元するバックアップを選ぶ</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>読み取り専用で開けませんでした</source>
        <translation>Could not open read-only</translation>
    </message>
    <message>
        <source>読み取り専用で開きました</source>
        <translation>Opened read-only</translation>
    </message>
    <message>
        <source>データベースを読み取り専用で開きました。内容は見られますが、変更は保存できません。</source>
        <translation>The database was opened read-only. You can view its contents, but changes cannot be saved.</translation>
    </message>
    <message>
        <source>復元できませんでした</source>
        <translation>Could not restore</translation>
    </message>
    <message>
        <source>バックアップから復元して開きました。</source>
        <translation>Restored from a backup and opened.</translation>
    </message>
    <message>
        <source>壊れていたファイルは「{name}」として同じフォルダーに残しています。</source>
        <translation>The damaged file was kept in the same folder as “{name}”.</translation>
    </message>
    <message>
        <source>復元しました</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>データベースの置き場所について</source>
        <translation>About where the database is kept</translation>
    </message>
    <message>
        <source>別のウィンドウ</source>
        <translation>another window</translation>
    </message>
    <message>
        <source>自動バックアップができませんでした</source>
        <translation>Automatic backup failed</translation>
    </message>
    <message>
        <source>データは保存されています。バックアップだけができませんでした。

{error}</source>
        <translation>Your data is saved. Only the backup could not be made.

{error}</translation>
    </message>
</context>
<context>
    <name>SurveyAcceptDialog</name>
    <message>
        <source>回答を通いの場に反映</source>
        <translation>Update the gathering place from the answers</translation>
    </message>
    <message>
        <source>「{name}」の次の項目を、調査の回答で書き換えます。</source>
        <translation>These fields of &quot;{name}&quot; will be replaced by the survey&apos;s answers.</translation>
    </message>
    <message>
        <source>「{name}」に反映する変更はありません(回答と登録内容が同じか、反映先のある質問に回答がありません)。</source>
        <translation>Nothing to update in &quot;{name}&quot; (the answers match the record, or the mapped questions have no answer).</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>今の値</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>回答の値</source>
        <translation>Answer</translation>
    </message>
    <message>
        <source>(空欄)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>反映する</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>反映できませんでした</source>
        <translation>Could not update</translation>
    </message>
</context>
<context>
    <name>SurveyFormDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SurveyImportWizard</name>
    <message>
        <source>調査の回答をExcel・CSVから取り込み</source>
        <translation>Import survey answers from Excel/CSV</translation>
    </message>
    <message>
        <source>次へ &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取り込んだ回答は「回答」と「集計」に表示されます。</source>
        <translation>The imported answers appear under Answers and Results.</translation>
    </message>
</context>
<context>
    <name>SurveyPreviewPage</name>
    <message>
        <source>問題のない行の回答だけを、まとめて一度に取り込みます。空欄の回答は取り込まず、すでにある回答を残します。</source>
        <translation>Only the answers of rows without problems are imported, all at once. Empty cells import nothing and keep the answers already there.</translation>
    </message>
    <message>
        <source>取り込めませんでした</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>SurveyQuestionDialog</name>
    <message>
        <source>質問の編集</source>
        <translation>Edit question</translation>
    </message>
    <message>
        <source>質問の追加</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>例: ふだんの参加者数は何人ですか</source>
        <translation>e.g. How many people usually take part?</translation>
    </message>
    <message>
        <source>選択肢を1行に1つ</source>
        <translation>One option per line</translation>
    </message>
    <message>
        <source>(反映しない)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>質問(&amp;Q)</source>
        <translation>&amp;Question</translation>
    </message>
    <message>
        <source>種類(&amp;K)</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>選択肢(&amp;O)</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <source>通いの場に反映(&amp;F)</source>
        <translation>Updates place &amp;field</translation>
    </message>
</context>
<context>
    <name>SurveyRoundDialog</name>
    <message>
        <source>調査の設定</source>
        <translation>Survey settings</translation>
    </message>
    <message>
        <source>新しい調査</source>
        <translation>New survey</translation>
    </message>
    <message>
        <source>例: 令和6年度 通いの場調査</source>
        <translation>e.g. FY2024 gathering place survey</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>調査名(&amp;N)</source>
        <translation>Survey &amp;name</translation>
    </message>
    <message>
        <source>年度(&amp;Y)</source>
        <translation>Fiscal &amp;year</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>締切日</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>SurveyWindow</name>
    <message>
        <source>通いの場調査</source>
        <translation>Gathering place surveys</translation>
    </message>
    <message>
        <source>新しい調査…</source>
        <translation>New survey…</translation>
    </message>
    <message>
        <source>新しい調査 (Ctrl+N)</source>
        <translation>New survey (Ctrl+N)</translation>
    </message>
    <message>
        <source>設定…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>調査名・年度・期間・状況 (F2)</source>
        <translation>Name, fiscal year, dates, status (F2)</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>質問票(&amp;1)</source>
        <translation>Questionnaire (&amp;1)</translation>
    </message>
    <message>
        <source>回答(&amp;2)</source>
        <translation>Answers (&amp;2)</translation>
    </message>
    <message>
        <source>集計(&amp;3)</source>
        <translation>Results (&amp;3)</translation>
    </message>
    <message>
        <source>調査</source>
        <translation>Surveys</translation>
    </message>
    <message>
        <source>上司(確認者)のプロファイルでは閲覧だけができます</source>
        <translation>A supervisor&apos;s profile can only read here</translation>
    </message>
    <message>
        <source>調査の削除</source>
        <translation>Delete survey</translation>
    </message>
    <message numerus="yes">
        <source>「{name}」を削除しますか。質問票と {count} か所の回答も一緒に削除されます。(通いの場に反映済みの内容はそのまま残ります。Ctrl+Z で元に戻せます)</source>
        <translation>
            <numerusform>Delete &quot;{name}&quot;? Its questionnaire and the answers of {count} place are deleted with it. (What was already written to the places stays. Ctrl+Z undoes.)</numerusform>
            <numerusform>Delete &quot;{name}&quot;? Its questionnaire and the answers of {count} places are deleted with it. (What was already written to the places stays. Ctrl+Z undoes.)</numerusform>
        </translation>
    </message>
    <message>
        <source>削除できませんでした</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <source>調査「{name}」の削除</source>
        <translation>Delete survey &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>元に戻せませんでした</source>
        <translation>Could not undo</translation>
    </message>
</context>
<context>
    <name>Surveys</name>
    <message>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>実施中</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>数値</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>選択</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>記述</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>参加者数(ふだん)</source>
        <translation>Usual attendance</translation>
    </message>
    <message>
        <source>定員</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>参加費</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Who may join</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>同期サーバーにログインしていません</source>
        <translation>Not logged in to the sync server</translation>
    </message>
</context>
<context>
    <name>SyncLoginDialog</name>
    <message>
        <source>同期サーバーにログイン</source>
        <translation>Log in to sync server</translation>
    </message>
    <message>
        <source>パスワードは保存しません。ログインしなくても、この端末だけでこれまでどおり使えます。</source>
        <translation>The password is not stored. Without logging in, this computer keeps working on its own as before.</translation>
    </message>
    <message>
        <source>ログイン中: {user}</source>
        <translation>Logged in: {user}</translation>
    </message>
    <message>
        <source>サーバーのアドレス</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ログイン</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>ログアウト</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>サーバーのアドレス、ユーザー名、パスワードを入力してください。</source>
        <translation>Enter the server address, user name and password.</translation>
    </message>
    <message>
        <source>ログインできませんでした: {message}</source>
        <translation>Could not log in: {message}</translation>
    </message>
</context>
<context>
    <name>SyncMenu</name>
    <message>
        <source>今すぐ同期</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>同期サーバーにログイン…</source>
        <translation>Log in to sync server…</translation>
    </message>
    <message>
        <source>競合の確認…</source>
        <translation>Review conflicts…</translation>
    </message>
    <message>
        <source>似ている記録の確認…</source>
        <translation>Review look-alike records…</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>同期: 未接続(この端末だけで使用中)</source>
        <translation>Sync: not connected (working on this computer only)</translation>
    </message>
    <message>
        <source>同期中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>接続中</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>オフライン</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>最終同期 {time}</source>
        <translation>Last sync {time}</translation>
    </message>
</context>
<context>
    <name>TierField</name>
    <message>
        <source>呼び名…</source>
        <translation>Local names…</translation>
    </message>
    <message>
        <source>0層・1.5層など、この自治体の層の呼び名と集計先を設定します</source>
        <translation>Set this municipality&apos;s own tier names (tier 0, tier 1.5 …) and the tier each is counted as</translation>
    </message>
    <message>
        <source>{label}({tier}として集計)</source>
        <translation>{label} (counted as {tier})</translation>
    </message>
    <message>
        <source>{label}(一覧にない呼び名)</source>
        <translation>{label} (not on the list)</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>例: 13:30</source>
        <translation>e.g. 13:30</translation>
    </message>
    <message>
        <source>時刻として読めません(例: 13:30)</source>
        <translation>Not a time (e.g. 13:30)</translation>
    </message>
</context>
<context>
    <name>TimelineDelegate</name>
    <message>
        <source>確認済({name})</source>
        <translation>Reviewed ({name})</translation>
    </message>
    <message>
        <source>確認済</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>確認後に変更・未確認</source>
        <translation>Changed after review, not reviewed</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>(記入者なし)</source>
        <translation>(no author)</translation>
    </message>
    <message>
        <source>確認コメント: {comment}</source>
        <translation>Review comment: {comment}</translation>
    </message>
    <message>
        <source>添付: {names}</source>
        <translation>Files: {names}</translation>
    </message>
    <message>
        <source>確認する (K)</source>
        <translation>Review (K)</translation>
    </message>
    <message>
        <source>表示できません</source>
        <translation>Cannot show</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>↑↓: 進捗を移動・Enter: 開く(編集)・K: 確認済にする(コメント付き)・N: 次の未確認へ・写真をクリックすると原寸で表示します</source>
        <translation>↑↓: move between entries · Enter: open (edit) · K: mark reviewed (with a comment) · N: next unreviewed · click a photo to see it full size</translation>
    </message>
</context>
<context>
    <name>UndoOffer</name>
    <message>
        <source>{action}を行いました</source>
        <translation>Done: {action}</translation>
    </message>
    <message>
        <source>{action}を取り消しました</source>
        <translation>Undone: {action}</translation>
    </message>
</context>
<context>
    <name>VenueCompleter</name>
    <message>
        <source>以前の会場から選べます。候補の上で Delete を押すと候補から外します</source>
        <translation>Choose an earlier venue. Press Delete on a suggestion to remove it from the suggestions</translation>
    </message>
</context>
<context>
    <name>WaitForCloseDialog</name>
    <message>
        <source>データベースが閉じられるのを待っています</source>
        <translation>Waiting for the database to be closed</translation>
    </message>
    <message>
        <source>{holder}でデータベースが開かれています。
そちらを閉じると、自動的にこのまま開きます。</source>
        <translation>The database is open in {holder}.
When it is closed there, it opens here automatically.</translation>
    </message>
    <message>
        <source>待つのをやめる</source>
        <translation>Stop waiting</translation>
    </message>
</context>
<context>
    <name>WorkspaceTableModel</name>
    <message>
        <source>プロジェクト名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>進捗率</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>最終記録日</source>
        <translation>Last entry</translation>
    </message>
    <message>
        <source>経過日数</source>
        <translation>Days since</translation>
    </message>
    <message>
        <source>未完了の対応事項</source>
        <translation>Open items</translation>
    </message>
    <message>
        <source>期限切れ</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <source>停滞: 進捗の記録がありません</source>
        <translation>Stalled: no progress entry</translation>
    </message>
    <message>
        <source>停滞: {days}日間、進捗の記録がありません(目安 {limit}日)</source>
        <translation>Stalled: no progress entry for {days} days (threshold {limit} days)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>データベースの点検</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>データベースの点検で問題が見つかりました。これ以上の入力は控え、「ファイル &gt; バックアップと復元」から最新のバックアップを復元してください。

{detail}</source>
        <translation>The database check found a problem. Please stop entering data and restore the newest backup from File &gt; Backup and restore.

{detail}</translation>
    </message>
    <message>
        <source>データベース「{path}」を開けませんでした。

{error}</source>
        <translation>Could not open the database “{path}”.

{error}</translation>
    </message>
    <message>
        <source>データベースを開けません</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>デモデータ</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>データベースはまだ空です。架空の市のデモデータを読み込みますか?
(読み込んだデータは自由に編集・削除できます)</source>
        <translation>The database is still empty. Load the demo data of a fictional city?
(You can edit or delete it freely.)</translation>
    </message>
    <message>
        <source>読み込む</source>
        <translation>Load</translation>
    </message>
</context>
<context>
    <name>areas</name>
    <message>
        <source>人口 {n}人</source>
        <translation>population {n}</translation>
    </message>
    <message>
        <source>世帯数 {n}</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <source>高齢化率 {n}%</source>
        <translation>aged 65+ {n}%</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{iso}</translation>
    </message>
    <message>
        <source>{text}({day}現在)</source>
        <translation>{text} (as of {day})</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>自動</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>手動</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>復元前</source>
        <translation>before restore</translation>
    </message>
    <message>
        <source>更新前</source>
        <translation>before upgrade</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日 {time}({reason})</source>
        <translation>{iso} {time} ({reason})</translation>
    </message>
    <message>
        <source>バックアップ先に、開いているデータベースそのものは指定できません。</source>
        <translation>The open database itself cannot be the backup target.</translation>
    </message>
    <message>
        <source>バックアップファイル「{source}」が見つかりません。</source>
        <translation>Backup file “{source}” not found.</translation>
    </message>
    <message>
        <source>開いているデータベースそのものからは復元できません。</source>
        <translation>The open database itself cannot be restored from.</translation>
    </message>
    <message>
        <source>「{name}」は復元に使えません。{why} {detail}</source>
        <translation>“{name}” cannot be used to restore. {why} {detail}</translation>
    </message>
    <message>
        <source>データベースをほかのプログラムが使用中のため復元できません。ほかのプログラムを閉じてからもう一度お試しください。</source>
        <translation>Another program is using the database, so it cannot be restored. Close the other program and try again.</translation>
    </message>
    <message>
        <source>ファイル「{source}」が見つかりません。</source>
        <translation>File “{source}” not found.</translation>
    </message>
    <message>
        <source>「{name}」のコピーが整合性チェックに通りませんでした(元のファイルが壊れている可能性があります)。詳細: {detail}</source>
        <translation>The copy of “{name}” failed the integrity check (the original file may be damaged). Details: {detail}</translation>
    </message>
</context>
<context>
    <name>delete</name>
    <message>
        <source>削除の確認</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <source>「{name}」を削除しますか?
(Ctrl+Z で元に戻せます)</source>
        <translation>Delete “{name}”?
(Ctrl+Z undoes it.)</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>「{name}」の削除</source>
        <translation>deletion of “{name}”</translation>
    </message>
</context>
<context>
    <name>era</name>
    <message>
        <source>令和</source>
        <translation>Reiwa</translation>
    </message>
    <message>
        <source>平成</source>
        <translation>Heisei</translation>
    </message>
    <message>
        <source>昭和</source>
        <translation>Showa</translation>
    </message>
    <message>
        <source>大正</source>
        <translation>Taisho</translation>
    </message>
    <message>
        <source>明治</source>
        <translation>Meiji</translation>
    </message>
    <message>
        <source>{day} は明治より前の日付です</source>
        <translation>{day} is before the Meiji era</translation>
    </message>
    <message>
        <source>「{text}」は和暦の日付として読めません</source>
        <translation>“{text}” cannot be read as a Japanese-era date</translation>
    </message>
    <message>
        <source>「{text}」の年が正しくありません</source>
        <translation>The year of “{text}” is not valid</translation>
    </message>
    <message>
        <source>「{text}」の年が大きすぎます</source>
        <translation>The year of “{text}” is too large</translation>
    </message>
    <message>
        <source>「{text}」: {month}月はありません(月は1〜12です)</source>
        <translation>“{text}”: there is no month {month} (months are 1 to 12)</translation>
    </message>
    <message>
        <source>「{text}」は存在しない日付です({era}{year}年{month}月は{last}日までです)</source>
        <translation>“{text}” is not a date (month {month} of {era} {year} has {last} days)</translation>
    </message>
    <message>
        <source>「{text}」は{era}の始まりより前です({era}は{start_year}年{start_month}月{start_day}日から。この日は{wareki}です)</source>
        <translation>“{text}” is before the start of {era} ({era} began on {start}; this day is {day})</translation>
    </message>
    <message>
        <source>「{text}」は{era}の期間を過ぎています({following}は{start_year}年{start_month}月{start_day}日から。この日は{wareki}です)</source>
        <translation>“{text}” is after the end of {era} ({following} began on {start}; this day is {day})</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{kind}が見つかりません(削除された可能性があります)</source>
        <translation>{kind}: not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>フォルダー「{folder}」を作れませんでした: {reason}</source>
        <translation>Could not create the folder &quot;{folder}&quot;: {reason}</translation>
    </message>
    <message>
        <source>ロックファイル「{path}」を作れませんでした。</source>
        <translation>Could not create the lock file &quot;{path}&quot;.</translation>
    </message>
    <message>
        <source>地域「{name}」が見つかりません</source>
        <translation>Area &quot;{name}&quot; not found</translation>
    </message>
    <message>
        <source>「{name}」という地域が複数あります。IDで指定してください</source>
        <translation>There is more than one area named &quot;{name}&quot;. Give its ID instead</translation>
    </message>
    <message>
        <source>「{name}」のウェブページ「{url}」はhttp:// または https:// で始まるURLではないため、QRコードを載せませんでした</source>
        <translation>The web page &quot;{url}&quot; of &quot;{name}&quot; does not start with http:// or https://, so no QR code was printed</translation>
    </message>
    <message>
        <source>プロジェクト「{name}」が見つかりません</source>
        <translation>Project &quot;{name}&quot; not found</translation>
    </message>
    <message>
        <source>「{name}」という名前のプロジェクトが複数あります。IDで指定してください</source>
        <translation>There is more than one project named &quot;{name}&quot;. Give its ID instead</translation>
    </message>
    <message>
        <source>写真「{name}」は削除されているため載せませんでした</source>
        <translation>The photo &quot;{name}&quot; was left out because it has been deleted</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>地域名</source>
        <translation>Area name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ファイル名</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>相談受付時間</source>
        <translation>Consultation hours</translation>
    </message>
    <message>
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>相談できること</source>
        <translation>Consultation topics</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>担当地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>協議体名</source>
        <translation>Council name</translation>
    </message>
    <message>
        <source>主な会場</source>
        <translation>Usual venue</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Council</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>参加費</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>定員</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Who can join</translation>
    </message>
    <message>
        <source>連絡先</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>ウェブページ</source>
        <translation>Web page</translation>
    </message>
    <message>
        <source>休止・終了した日</source>
        <translation>Paused or ended on</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting name</translation>
    </message>
    <message>
        <source>会議の種類</source>
        <translation>Meeting kind</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>開催方法</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>会場の定員</source>
        <translation>Venue capacity</translation>
    </message>
    <message>
        <source>オンラインの定員</source>
        <translation>Online capacity</translation>
    </message>
    <message>
        <source>会場の参加者数</source>
        <translation>Participants on site</translation>
    </message>
    <message>
        <source>オンラインの参加者数</source>
        <translation>Participants online</translation>
    </message>
    <message>
        <source>回</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>記録者</source>
        <translation>Recorder</translation>
    </message>
    <message>
        <source>欠席者</source>
        <translation>Absentees</translation>
    </message>
    <message>
        <source>承認者</source>
        <translation>Approver</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>所属機関</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>紹介文</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>プロジェクト名</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>プログラム</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>プロジェクト</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>記入者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>自治体名</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>担当部署</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>受付時間</source>
        <translation>Reception hours</translation>
    </message>
    <message>
        <source>役割の説明</source>
        <translation>Role description</translation>
    </message>
    <message>
        <source>質問</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>調査名</source>
        <translation>Survey name</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>設置日</source>
        <translation>Established on</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>運営形態</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>上位地域</source>
        <translation>Parent area</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering places</translation>
    </message>
    <message>
        <source>調査の回答</source>
        <translation>Survey answers</translation>
    </message>
    <message>
        <source>人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>世帯数</source>
        <translation>Households</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>同名の関係機関があります(電話番号が異なります)</source>
        <translation>An organisation with the same name exists (with a different phone number)</translation>
    </message>
    <message>
        <source>{name}と重複しています</source>
        <translation>Duplicate of {name}</translation>
    </message>
    <message>
        <source>{reason}: {name}</source>
        <translation>{reason}: {name}</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>{kind}の取り込み結果</source>
        <translation>{kind} import result</translation>
    </message>
    <message>
        <source>{where}「{name}」</source>
        <translation>“{name}” {where}</translation>
    </message>
    <message>
        <source>{line}行目の</source>
        <translation>in row {line}</translation>
    </message>
    <message>
        <source>登録済みの</source>
        <translation>already registered</translation>
    </message>
    <message>
        <source>種別「{text}」が分かりません(例: {choices})</source>
        <translation>Unknown kind “{text}” (the file may say, for example: {choices})</translation>
    </message>
    <message>
        <source>{label}「{name}」が見つかりません(先に登録してください)</source>
        <translation>{label} “{name}” not found (register it first)</translation>
    </message>
    <message>
        <source>{label}「{name}」が複数あります。区別できる名前にしてください</source>
        <translation>There are several {label} records named “{name}”; use a name that tells them apart</translation>
    </message>
    <message>
        <source>種別が空欄のため「その他」にしました</source>
        <translation>The kind was empty, so it was set to Other</translation>
    </message>
    <message>
        <source>運営形態は「直営」か「委託」で入力してください(「{text}」)</source>
        <translation>Enter the operation as 直営 (direct) or 委託 (contracted) (found “{text}”)</translation>
    </message>
    <message>
        <source>種別を入力してください(例: {choices})</source>
        <translation>Enter the kind (for example: {choices})</translation>
    </message>
    <message>
        <source>電話番号が数値として保存されていたため、先頭の0を補いました</source>
        <translation>The phone number was stored as a number, so its leading 0 was restored</translation>
    </message>
    <message>
        <source>「{label}」は数式の計算結果がファイルに保存されていないため空欄として読みました(Excel で開いて保存し直すと値が入ります)</source>
        <translation>“{label}” was read as empty because the file does not store the formula&apos;s result (open and save it again in Excel to fill it in)</translation>
    </message>
    <message>
        <source>{where}「{name}」(電話 {phone})</source>
        <translation>“{name}” {where} (phone {phone})</translation>
    </message>
    <message>
        <source>必須の項目「{label}」に列を割り当ててください。</source>
        <translation>Assign a column to the required field “{label}”.</translation>
    </message>
    <message>
        <source>「{label}」に複数の列(「{names}」)が割り当てられています。</source>
        <translation>Several columns (“{names}”) are assigned to “{label}”.</translation>
    </message>
    <message>
        <source>{n}列目</source>
        <translation>column {n}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>市域</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>日常生活圏域</source>
        <translation>Daily-life area</translation>
    </message>
    <message>
        <source>学区</source>
        <translation>School district</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>行政部署</source>
        <translation>Government department</translation>
    </message>
    <message>
        <source>地域包括支援センター</source>
        <translation>Community general support centre</translation>
    </message>
    <message>
        <source>社会福祉協議会</source>
        <translation>Council of social welfare</translation>
    </message>
    <message>
        <source>ボランティアセンター</source>
        <translation>Volunteer centre</translation>
    </message>
    <message>
        <source>NPO</source>
        <translation>NPO</translation>
    </message>
    <message>
        <source>町会・自治会</source>
        <translation>Neighbourhood association</translation>
    </message>
    <message>
        <source>民生委員</source>
        <translation>Welfare commissioner</translation>
    </message>
    <message>
        <source>老人クラブ</source>
        <translation>Seniors’ club</translation>
    </message>
    <message>
        <source>企業</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>直営</source>
        <translation>Run by the city</translation>
    </message>
    <message>
        <source>委託</source>
        <translation>Contracted</translation>
    </message>
    <message>
        <source>第1層</source>
        <translation>Tier 1</translation>
    </message>
    <message>
        <source>第2層</source>
        <translation>Tier 2</translation>
    </message>
    <message>
        <source>第3層</source>
        <translation>Tier 3</translation>
    </message>
    <message>
        <source>準備中</source>
        <translation>Preparing</translation>
    </message>
    <message>
        <source>設置済</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>休止</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Council meeting</translation>
    </message>
    <message>
        <source>地域ケア会議</source>
        <translation>Community care meeting</translation>
    </message>
    <message>
        <source>小地域ケア会議</source>
        <translation>Small-area care meeting</translation>
    </message>
    <message>
        <source>連絡会</source>
        <translation>Liaison meeting</translation>
    </message>
    <message>
        <source>意見交換会</source>
        <translation>Exchange of views</translation>
    </message>
    <message>
        <source>研修会</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>講座</source>
        <translation>Course</translation>
    </message>
    <message>
        <source>フォーラム</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>交流会</source>
        <translation>Exchange gathering</translation>
    </message>
    <message>
        <source>成果発表会</source>
        <translation>Results presentation</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>オンライン</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>併用</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>未着手</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>伴走支援</source>
        <translation>Accompaniment support</translation>
    </message>
    <message>
        <source>課題解決力共有化プログラム</source>
        <translation>Problem-solving sharing program</translation>
    </message>
    <message>
        <source>プロボノ</source>
        <translation>Pro bono</translation>
    </message>
    <message>
        <source>独自</source>
        <translation>Independent</translation>
    </message>
</context>
<context>
    <name>list_table</name>
    <message>
        <source>列の幅を内容に合わせる</source>
        <translation>Fit column widths to contents</translation>
    </message>
</context>
<context>
    <name>look_alikes</name>
    <message>
        <source>地域をその下位の地域に統合することはできません(地域の階層が循環します)</source>
        <translation>An area cannot be merged into one of its own sub-areas (the area tree would loop)</translation>
    </message>
    <message>
        <source>統合した後に、関係する記録がこの端末または他の端末で変更されたため、統合を元に戻せません。</source>
        <translation>The merge cannot be undone: a record it changed has been changed since, on this desk or another one.</translation>
    </message>
    <message>
        <source>同じ記録どうしは統合できません</source>
        <translation>A record cannot be merged with itself</translation>
    </message>
    <message>
        <source>種類の違う記録は統合できません</source>
        <translation>Records of different kinds cannot be merged</translation>
    </message>
</context>
<context>
    <name>open</name>
    <message>
        <source>別のウィンドウ</source>
        <translation>another window</translation>
    </message>
    <message>
        <source>別のパソコン「{host}」</source>
        <translation>another computer “{host}”</translation>
    </message>
    <message>
        <source>このパソコンの別のウィンドウ(プロセス {pid})</source>
        <translation>another window on this computer (process {pid})</translation>
    </message>
    <message>
        <source>このパソコンの別のウィンドウ</source>
        <translation>another window on this computer</translation>
    </message>
    <message>
        <source>データベース「{name}」は{who}で開かれています。同時に書き込むとデータを守れないため、読み取り専用で開くか、相手が閉じるまで待つことができます。</source>
        <translation>The database “{name}” is open in {who}. Writing from both at once would put the data at risk, so you can open it read-only or wait until the other closes it.</translation>
    </message>
    <message>
        <source>このファイルには書き込まず、そのまま残しています。</source>
        <translation> The file has not been written to and is kept as it is.</translation>
    </message>
    <message>
        <source>データベースファイル「{name}」が空(0バイト)です。保存の途中で止まったか、コピーに失敗した可能性があります。</source>
        <translation>The database file “{name}” is empty (0 bytes). A save may have stopped halfway, or a copy failed.</translation>
    </message>
    <message>
        <source>データベースファイル「{name}」が壊れています。</source>
        <translation>The database file “{name}” is damaged.</translation>
    </message>
    <message>
        <source>ファイル「{name}」はデータベースとして読めません(データベースではないか、先頭部分が壊れています)。</source>
        <translation>The file “{name}” cannot be read as a database (it is not one, or its beginning is damaged).</translation>
    </message>
    <message>
        <source>データベースファイル「{name}」は読み取り専用です(ファイルの属性、フォルダーの権限、または書き込めない場所)。内容は見られますが、変更は保存できません。</source>
        <translation>The database file “{name}” is read-only (file attributes, folder permissions or a place that cannot be written). You can see its contents but changes cannot be saved.</translation>
    </message>
    <message>
        <source>ほかのプログラムがデータベース「{name}」を使用中(ロック中)のため開けません。しばらく待ってからもう一度開いてください。</source>
        <translation>Another program is using (locking) the database “{name}”, so it cannot be opened. Wait a moment and open it again.</translation>
    </message>
    <message>
        <source>データベースファイル「{name}」を読み込めません(アクセス権がないか、場所に接続できません)。</source>
        <translation>The database file “{name}” cannot be read (no permission, or its location cannot be reached).</translation>
    </message>
    <message>
        <source>データベースファイル「{name}」を作れません。フォルダー「{folder}」を作成できないか、書き込みが許可されていません。フォルダーの権限を確認するか、--db で書き込める場所のファイルを指定してください。</source>
        <translation>The database file “{name}” cannot be created: the folder “{folder}” cannot be created or written to. Check the folder&apos;s permissions, or name a file in a writable place with --db.</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>ログイン中のアカウントは上司(確認者)なので、閲覧と確認だけができます(サーバーもそれ以外の変更を受け付けません)</source>
        <translation>The logged-in account is a supervisor (reviewer): it can only read and review (the server refuses any other change)</translation>
    </message>
    <message>
        <source>上司(確認者)のプロファイルでは閲覧と確認だけができます。記録・編集はコーディネーターのプロファイルで行ってください(ツール → 利用者の切り替え)</source>
        <translation>A supervisor&apos;s profile can only read and review. Record and edit with a coordinator&apos;s profile (Tools → Switch user).</translation>
    </message>
    <message>
        <source>上司(確認者)</source>
        <translation>Supervisor (reviewer)</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>管理者</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>種類別</source>
        <translation>By kind</translation>
    </message>
    <message>
        <source>月別</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Councils</translation>
    </message>
    <message>
        <source>プロジェクト</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>会議一覧</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>進捗状況</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering places</translation>
    </message>
    <message>
        <source>合計</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>対象: {scope}</source>
        <translation>Scope: {scope}</translation>
    </message>
    <message>
        <source>月別の会議開催数</source>
        <translation>Meetings per month</translation>
    </message>
    <message>
        <source>発行元</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>発行</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>ウェブ</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>受付時間</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>{japanese}</source>
        <translation>{iso} ({weekday})</translation>
    </message>
    <message>
        <source>{year}年{month}月</source>
        <translation>{year}-{month}</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>地域の統計</source>
        <translation>Area statistics</translation>
    </message>
    <message>
        <source>会議の開催数</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>参加者数(延べ)</source>
        <translation>Participants (total)</translation>
    </message>
    <message>
        <source>協議体の開催数</source>
        <translation>Council meetings</translation>
    </message>
    <message>
        <source>新規の関係機関</source>
        <translation>New organisations</translation>
    </message>
    <message>
        <source>新規の担当者</source>
        <translation>New contacts</translation>
    </message>
    <message>
        <source>会議の種類</source>
        <translation>Meeting kind</translation>
    </message>
    <message>
        <source>開催数</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>会場の参加者</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>オンラインの参加者</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>参加者計</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>層</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>開催日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>会議名</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>会場</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>記入者</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>か所数</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>{month}月</source>
        <translation>{month}</translation>
    </message>
    <message>
        <source>{year}年度</source>
        <translation>FY{year}</translation>
    </message>
    <message>
        <source>{fiscal_year} 生活支援体制整備事業 実績報告</source>
        <translation>{fiscal_year} community life support programme: activity report</translation>
    </message>
    <message>
        <source>{municipality}全域</source>
        <translation>All of {municipality}</translation>
    </message>
    <message>
        <source>全域</source>
        <translation>Whole municipality</translation>
    </message>
    <message>
        <source>{person}({tiers})</source>
        <translation>{person} ({tiers})</translation>
    </message>
    <message>
        <source>地域未設定</source>
        <translation>No area</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>ユーザー名は1〜100文字にしてください</source>
        <translation>A user name must be 1 to 100 characters long</translation>
    </message>
    <message>
        <source>コーディネーターの指定はコーディネーターの役割だけです</source>
        <translation>Only a user with the coordinator role can be linked to a coordinator</translation>
    </message>
    <message>
        <source>コーディネーター「{name}」が見つかりません</source>
        <translation>Coordinator &quot;{name}&quot; was not found</translation>
    </message>
    <message>
        <source>コーディネーター「{name}」が複数あります</source>
        <translation>There is more than one coordinator named &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>ユーザー「{name}」はありません</source>
        <translation>There is no user &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>端末 {device} はありません</source>
        <translation>There is no device {device}</translation>
    </message>
    <message>
        <source>この操作は管理者だけができます</source>
        <translation>Only an administrator can do this</translation>
    </message>
    <message>
        <source>「{kind}」という種類の記録はありません</source>
        <translation>There is no kind of record called &quot;{kind}&quot;</translation>
    </message>
    <message>
        <source>上司(確認者)は添付ファイルを送れません</source>
        <translation>A supervisor (reviewer) cannot upload attachments</translation>
    </message>
    <message>
        <source>添付ファイルの内容がサーバーにありません</source>
        <translation>The attachment&apos;s content is not on the server</translation>
    </message>
    <message>
        <source>{column} は空にできません</source>
        <translation>{column} cannot be empty</translation>
    </message>
    <message>
        <source>{column} の値の形式が正しくありません</source>
        <translation>The value of {column} is not in a valid format</translation>
    </message>
    <message>
        <source>{column} の値が大きすぎます</source>
        <translation>The value of {column} is too large</translation>
    </message>
    <message>
        <source>{column} は{minimum}以上にしてください</source>
        <translation>{column} must be {minimum} or more</translation>
    </message>
    <message>
        <source>{column} は{maximum}以下にしてください</source>
        <translation>{column} must be {maximum} or less</translation>
    </message>
    <message>
        <source>{column} の値が正しくありません</source>
        <translation>The value of {column} is not valid</translation>
    </message>
    <message>
        <source>{column} に使えない文字が含まれています</source>
        <translation>{column} contains characters that cannot be used</translation>
    </message>
    <message>
        <source>{column} は{length}文字以内にしてください</source>
        <translation>{column} must be at most {length} characters long</translation>
    </message>
    <message>
        <source>{column} の値 {value} は使えません</source>
        <translation>The value {value} cannot be used for {column}</translation>
    </message>
    <message>
        <source>リクエストの形式が正しくありません</source>
        <translation>The request is not in a valid format</translation>
    </message>
    <message>
        <source>アプリのデータ形式の版が送られていません</source>
        <translation>The app did not send its data format version</translation>
    </message>
    <message>
        <source>アプリが古いため同期できません。アプリを更新してください</source>
        <translation>This app is too old to sync. Please update the app</translation>
    </message>
    <message>
        <source>サーバーがこのアプリの版にまだ対応していません。管理者にサーバーの更新を依頼してください</source>
        <translation>The server does not support this version of the app yet. Ask your administrator to update the server</translation>
    </message>
    <message>
        <source>ユーザー名またはパスワードが違います</source>
        <translation>The user name or password is incorrect</translation>
    </message>
    <message>
        <source>ログインの失敗が続いたため、しばらくログインできません。時間をおいてやり直してください</source>
        <translation>Too many failed logins: logging in is blocked for a while. Please try again later</translation>
    </message>
    <message>
        <source>初期データ(スナップショット)の要求が多すぎます。しばらくしてからやり直してください</source>
        <translation>Too many requests for the initial data (snapshot). Please try again later</translation>
    </message>
    <message>
        <source>このユーザーは無効にされています</source>
        <translation>This user has been disabled</translation>
    </message>
    <message>
        <source>ログインしてください</source>
        <translation>Please log in</translation>
    </message>
    <message>
        <source>ログイン情報が無効です。もう一度ログインしてください</source>
        <translation>The login is not valid. Please log in again</translation>
    </message>
    <message>
        <source>ログインの有効期限が切れました。もう一度ログインしてください</source>
        <translation>The login has expired. Please log in again</translation>
    </message>
    <message>
        <source>この端末のログインは取り消されました。もう一度ログインしてください</source>
        <translation>This device&apos;s login was revoked. Please log in again</translation>
    </message>
    <message>
        <source>この端末は利用停止されています。管理者に連絡してください</source>
        <translation>This device has been blocked. Please contact your administrator</translation>
    </message>
    <message>
        <source>指定された自治体はこのサーバーにありません</source>
        <translation>The municipality given is not on this server</translation>
    </message>
    <message>
        <source>自治体を指定してください</source>
        <translation>Please specify the municipality</translation>
    </message>
    <message>
        <source>この操作を行う権限がありません</source>
        <translation>You are not allowed to do this</translation>
    </message>
    <message>
        <source>見つかりません</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>この操作はできません</source>
        <translation>This operation is not possible</translation>
    </message>
    <message>
        <source>送信されたデータが大きすぎます</source>
        <translation>The data sent is too large</translation>
    </message>
    <message>
        <source>JSON で送ってください</source>
        <translation>Please send JSON</translation>
    </message>
    <message>
        <source>同じ名前のユーザーが既にあります</source>
        <translation>A user with the same name already exists</translation>
    </message>
    <message>
        <source>入力内容が正しくありません</source>
        <translation>The input is not valid</translation>
    </message>
    <message>
        <source>ファイルの内容が送られたハッシュと一致しません</source>
        <translation>The file&apos;s content does not match the hash sent</translation>
    </message>
    <message>
        <source>データベースに接続できません。しばらくしてからやり直してください</source>
        <translation>Cannot connect to the database. Please try again later</translation>
    </message>
    <message>
        <source>サーバー内部でエラーが発生しました。管理者に連絡してください</source>
        <translation>An internal server error occurred. Please contact your administrator</translation>
    </message>
    <message>
        <source>初期データ(スナップショット)の取得は{hours}時間に{count}回までです。約{minutes}分後にやり直してください</source>
        <translation>The initial data (snapshot) can be fetched at most {count} times per {hours} hour(s). Please try again in about {minutes} minute(s)</translation>
    </message>
    <message>
        <source>初期データ(スナップショット)の取得は{window}分に{count}回までです。約{minutes}分後にやり直してください</source>
        <translation>The initial data (snapshot) can be fetched at most {count} times per {window} minute(s). Please try again in about {minutes} minute(s)</translation>
    </message>
    <message>
        <source>パスワードは8文字以上にしてください</source>
        <translation>A password must be at least 8 characters long</translation>
    </message>
    <message>
        <source>パスワードは200文字以内にしてください</source>
        <translation>A password must be at most 200 characters long</translation>
    </message>
    <message>
        <source>上司(確認者)は会議・プロジェクトなどの記録を変更できません</source>
        <translation>A supervisor (reviewer) cannot change meetings, projects or other records</translation>
    </message>
    <message>
        <source>進捗の記入者は変更できません</source>
        <translation>The author of a progress entry cannot be changed</translation>
    </message>
    <message>
        <source>上司(確認者)は関係機関・地域などの情報を変更できません</source>
        <translation>A supervisor (reviewer) cannot change organisations, areas or other master data</translation>
    </message>
    <message>
        <source>関係機関・連絡先・コーディネーター・協議体・地域・通いの場の削除は管理者だけができます</source>
        <translation>Only an administrator can delete organisations, contacts, coordinators, councils, areas and gathering places</translation>
    </message>
    <message>
        <source>確認(レビュー)は上司(確認者)だけが記録できます</source>
        <translation>Only a supervisor (reviewer) can record a review</translation>
    </message>
    <message>
        <source>他の人の確認(レビュー)は変更できません</source>
        <translation>You cannot change someone else&apos;s review</translation>
    </message>
    <message>
        <source>利用者の情報は本人(氏名・ふりがな・役職)と管理者だけが変更できます</source>
        <translation>A user&apos;s details can be changed only by that user (name, reading, job title) and by an administrator</translation>
    </message>
    <message>
        <source>上司(確認者)はプロジェクトの紹介文を変更できません</source>
        <translation>A supervisor (reviewer) cannot change a project&apos;s introduction</translation>
    </message>
    <message>
        <source>自治体の設定は管理者だけが変更できます</source>
        <translation>Only an administrator can change the municipality&apos;s settings</translation>
    </message>
    <message>
        <source>同期できない表です: {table}</source>
        <translation>This table cannot be synced: {table}</translation>
    </message>
    <message>
        <source>値の形式が正しくありません</source>
        <translation>A value is not in a valid format</translation>
    </message>
    <message>
        <source>参照している記録がサーバーにありません(先に送るべき変更が届いていません)</source>
        <translation>A record this refers to is not on the server (a change that should have been sent first has not arrived)</translation>
    </message>
    <message>
        <source>同じ値を持つ記録がサーバーに既にあります</source>
        <translation>A record with the same value already exists on the server</translation>
    </message>
    <message>
        <source>必須の項目 {column} が空です</source>
        <translation>The required field {column} is empty</translation>
    </message>
    <message>
        <source>必須の項目が空です</source>
        <translation>A required field is empty</translation>
    </message>
    <message>
        <source>記録の整合性の条件を満たしていません</source>
        <translation>The record does not meet the integrity rules</translation>
    </message>
    <message>
        <source>記録の ID が正しくありません</source>
        <translation>The record&apos;s ID is not valid</translation>
    </message>
    <message>
        <source>記録の削除は削除日時(deleted_at)の更新として送ってください</source>
        <translation>Send a deletion as an update of the deletion time (deleted_at)</translation>
    </message>
    <message>
        <source>{table} に {name} という項目はありません</source>
        <translation>{table} has no field called {name}</translation>
    </message>
    <message>
        <source>サーバーにない記録を更新しようとしました</source>
        <translation>Tried to update a record that is not on the server</translation>
    </message>
    <message>
        <source>その競合はありません</source>
        <translation>There is no such conflict</translation>
    </message>
    <message>
        <source>添付ファイルの内容が先に送られていません(アップロードが必要です)</source>
        <translation>The attachment&apos;s content has not been sent first (it must be uploaded)</translation>
    </message>
    <message>
        <source>他の人の競合は解決できません</source>
        <translation>You cannot resolve someone else&apos;s conflict</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>入力した内容はそのまま残っています。</source>
        <translation>What you entered has been kept.</translation>
    </message>
    <message>
        <source>ディスクの空き容量が足りないため保存できませんでした。</source>
        <translation>Could not {action}: the disk is full.</translation>
    </message>
    <message>
        <source>データベースが読み取り専用のため保存できませんでした。</source>
        <translation>Could not {action}: the database is read-only.</translation>
    </message>
    <message>
        <source>ほかのプログラムがデータベースを使用中のため保存できませんでした。</source>
        <translation>Could not {action}: another program is using the database.</translation>
    </message>
    <message>
        <source>データベースのファイルが見つからないか、開けないため保存できませんでした。</source>
        <translation>Could not {action}: the database file is missing or cannot be opened.</translation>
    </message>
    <message>
        <source>データベースのファイルが壊れているため保存できませんでした。</source>
        <translation>Could not {action}: the database file is damaged.</translation>
    </message>
    <message>
        <source>ディスクの読み書きに失敗したため保存できませんでした。</source>
        <translation>Could not {action}: reading or writing the disk failed.</translation>
    </message>
    <message>
        <source>データの整合性の条件に合わないため保存できませんでした。</source>
        <translation>Could not {action}: the data breaks a consistency rule.</translation>
    </message>
    <message>
        <source>データベースのエラーのため保存できませんでした。</source>
        <translation>Could not {action}: a database error occurred.</translation>
    </message>
    <message>
        <source>不要なファイルを削除して空き容量を増やしてから、もう一度保存してください。</source>
        <translation>Delete files you do not need to free space, then try again.</translation>
    </message>
    <message>
        <source>書き込みできる場所のデータベースを開き直してから、もう一度保存してください。</source>
        <translation>Open the database from a writable location, then try again.</translation>
    </message>
    <message>
        <source>しばらく待ってから、もう一度保存してください。</source>
        <translation>Wait a moment, then try again.</translation>
    </message>
    <message>
        <source>データベースのファイルの場所(USBメモリやネットワークドライブ)を確認してください。</source>
        <translation>Check where the database file is (USB stick or network drive).</translation>
    </message>
    <message>
        <source>バックアップからの復元を検討してください。</source>
        <translation>Consider restoring from a backup.</translation>
    </message>
    <message>
        <source>ディスクやUSBメモリの接続を確認してから、もう一度保存してください。</source>
        <translation>Check the disk or USB stick connection, then try again.</translation>
    </message>
    <message>
        <source>関連する記録が削除されていないか確認してください。</source>
        <translation>Check that related records have not been deleted.</translation>
    </message>
    <message>
        <source>もう一度保存してください。繰り返す場合は管理者に連絡してください。</source>
        <translation>Try again. If it keeps happening, contact your administrator.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>save</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>change</translation>
    </message>
    <message>
        <source>反映</source>
        <translation>apply</translation>
    </message>
    <message>
        <source>取り込み</source>
        <translation>import</translation>
    </message>
    <message>
        <source>添付</source>
        <translation>attach</translation>
    </message>
</context>
<context>
    <name>survey</name>
    <message>
        <source>回答は{n}文字以内にしてください</source>
        <translation>Keep the answer within {n} characters</translation>
    </message>
    <message>
        <source>「{value}」は数ではありません(0以上の整数で入力してください)</source>
        <translation>“{value}” is not a number (enter a whole number, 0 or more)</translation>
    </message>
    <message>
        <source>「{value}」は大きすぎます</source>
        <translation>“{value}” is too large</translation>
    </message>
    <message>
        <source>「{value}」は選択肢にありません(選択肢: {options})</source>
        <translation>“{value}” is not one of the choices (choices: {options})</translation>
    </message>
    <message>
        <source>通いの場の名前が空欄です</source>
        <translation>The gathering place&apos;s name is empty</translation>
    </message>
    <message>
        <source>通いの場「{name}」が見つかりません(先に登録してください)</source>
        <translation>Gathering place “{name}” not found (register it first)</translation>
    </message>
    <message>
        <source>「{name}」という通いの場が複数あります</source>
        <translation>There are several gathering places named “{name}”</translation>
    </message>
    <message>
        <source>問{n} {prompt}</source>
        <translation>Q{n} {prompt}</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>none</translation>
    </message>
    <message>
        <source>(削除した質問) {wording}</source>
        <translation>(removed question) {wording}</translation>
    </message>
    <message>
        <source>回答</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>地域・種類別</source>
        <translation>By area and kind</translation>
    </message>
    <message>
        <source>通いの場がない曜日</source>
        <translation>Weekdays without a place</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering place</translation>
    </message>
    <message>
        <source>地域</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>か所数</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>参加者数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>回答したか所数</source>
        <translation>Places answered</translation>
    </message>
    <message>
        <source>説明</source>
        <translation>About</translation>
    </message>
    <message>
        <source>{name}({year}年度)の集計</source>
        <translation>Results of {name} (fiscal year {year})</translation>
    </message>
    <message>
        <source>保存できる形式は .xlsx と .csv です</source>
        <translation>Results can be saved as .xlsx or .csv</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <source>「{name}」は既にあります。スナップショットからは作成しません。</source>
        <translation>&quot;{name}&quot; already exists. Nothing was created from the snapshot.</translation>
    </message>
    <message>
        <source>スナップショットの内容が壊れています(位置が一致しません)</source>
        <translation>The snapshot is damaged (its position does not match)</translation>
    </message>
    <message>
        <source>「{name}」が作成中に別に作られました。何も上書きしていません。</source>
        <translation>&quot;{name}&quot; was created by something else meanwhile. Nothing was overwritten.</translation>
    </message>
    <message>
        <source>新しいデータベースを作れません({reason})。何も作成していません。</source>
        <translation>Cannot create the new database ({reason}). Nothing was created.</translation>
    </message>
    <message>
        <source>サーバーのスナップショットが途中までしか届いていないか壊れています</source>
        <translation>The server&apos;s snapshot arrived incomplete or damaged</translation>
    </message>
    <message>
        <source>サーバーのスナップショットを読めませんでした</source>
        <translation>Could not read the server&apos;s snapshot</translation>
    </message>
    <message>
        <source>サーバーのスナップショットはこの版では読めない形式です</source>
        <translation>The server&apos;s snapshot has a format this version cannot read</translation>
    </message>
    <message>
        <source>スナップショットを取り込めませんでした({reason})。何も変更していません</source>
        <translation>Could not load the snapshot ({reason}). Nothing was changed</translation>
    </message>
    <message>
        <source>サーバーのアドレスが正しくありません: {url}</source>
        <translation>The server address is not valid: {url}</translation>
    </message>
    <message>
        <source>送信するデータ(約 {size} MB)が大きすぎてサーバーに受け付けられませんでした。変更は未送信のまま残っています。</source>
        <translation>The data to send (about {size} MB) was too large for the server. The changes remain unsent.</translation>
    </message>
    <message>
        <source>サーバーに接続できません({reason})。ネットワークを確認してください。</source>
        <translation>Cannot connect to the server ({reason}). Please check the network.</translation>
    </message>
    <message>
        <source>サーバーの応答を読めませんでした</source>
        <translation>Could not read the server&apos;s answer</translation>
    </message>
    <message>
        <source>サーバーから受信できませんでした({reason})。ネットワークを確認してください。</source>
        <translation>Could not receive from the server ({reason}). Please check the network.</translation>
    </message>
    <message>
        <source>添付ファイルの内容を受け取れませんでした</source>
        <translation>Could not receive the attachment&apos;s contents</translation>
    </message>
    <message>
        <source>送信するデータが大きすぎてサーバーに受け付けられませんでした。変更は未送信のまま残っています。</source>
        <translation>The data to send was too large for the server. The changes remain unsent.</translation>
    </message>
    <message>
        <source>サーバーがエラーを返しました(HTTP {status})</source>
        <translation>The server returned an error (HTTP {status})</translation>
    </message>
    <message>
        <source>1回の操作の変更(送信番号 {tx})が大きすぎて送信できません(約 {size}、1回の送信の上限は {limit})。変更は未送信のまま残っています。管理者に連絡してください。</source>
        <translation>The changes of one action (send number {tx}) are too large to send (about {size}; one send may carry {limit}). The changes remain unsent. Please contact your administrator.</translation>
    </message>
    <message>
        <source>サーバーから受け取った値を保存できません: {reason}</source>
        <translation>Cannot store a value received from the server: {reason}</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <source>地域</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>関係機関の担当地域</source>
        <translation>Organisations&apos; areas</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <source>担当(配置)</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Councils</translation>
    </message>
    <message>
        <source>協議体の委員</source>
        <translation>Council members</translation>
    </message>
    <message>
        <source>プロジェクト</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>プロジェクトの連携機関</source>
        <translation>Project partner organisations</translation>
    </message>
    <message>
        <source>プロジェクトのメンバー(コーディネーター)</source>
        <translation>Project members (coordinators)</translation>
    </message>
    <message>
        <source>プロジェクトのメンバー(担当者)</source>
        <translation>Project members (contacts)</translation>
    </message>
    <message>
        <source>進捗</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>会議シリーズ</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>会議の出席コーディネーター</source>
        <translation>Meeting attendees (coordinators)</translation>
    </message>
    <message>
        <source>会議の出席機関</source>
        <translation>Meeting attendees (organisations)</translation>
    </message>
    <message>
        <source>会議の出席者</source>
        <translation>Meeting attendees (contacts)</translation>
    </message>
    <message>
        <source>対応事項</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>添付ファイル</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>User profiles</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>通いの場</source>
        <translation>Gathering places</translation>
    </message>
    <message>
        <source>通いの場調査</source>
        <translation>Gathering place surveys</translation>
    </message>
    <message>
        <source>調査の質問</source>
        <translation>Survey questions</translation>
    </message>
    <message>
        <source>調査の回答</source>
        <translation>Survey answers</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>{first}、{rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>{first}」「{rest}</source>
        <translation>{first}”, “{rest}</translation>
    </message>
    <message>
        <source>{first}・{rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>tiers</name>
    <message>
        <source>第{tier}層</source>
        <translation>Tier {tier}</translation>
    </message>
    <message>
        <source>層は第1層・第2層・第3層から選んでください</source>
        <translation>Choose tier 1, 2 or 3</translation>
    </message>
    <message>
        <source>「{label}」は層の呼び名の一覧にありません。設定で追加してください</source>
        <translation>“{label}” is not in the list of tier names; add it in the settings</translation>
    </message>
    <message>
        <source>{label}は{tier}として集計する呼び名です</source>
        <translation>{label} is a name counted as {tier}</translation>
    </message>
    <message>
        <source>層の呼び名は{n}個までです</source>
        <translation>At most {n} tier names</translation>
    </message>
    <message>
        <source>呼び名を入力してください</source>
        <translation>Enter a name</translation>
    </message>
    <message>
        <source>呼び名は{n}文字以内で入力してください</source>
        <translation>Keep the name within {n} characters</translation>
    </message>
    <message>
        <source>{label}は全国共通の層です。別の呼び名にしてください</source>
        <translation>{label} is a national tier; choose another name</translation>
    </message>
    <message>
        <source>呼び名「{label}」が重複しています</source>
        <translation>The name “{label}” appears twice</translation>
    </message>
    <message>
        <source>集計する層を第1層・第2層・第3層から選んでください</source>
        <translation>Choose tier 1, 2 or 3 to count it as</translation>
    </message>
    <message>
        <source>{tier} {area}(兼務)</source>
        <translation>{tier} {area} (concurrent)</translation>
    </message>
    <message>
        <source>{tier} {area}</source>
        <translation>{tier} {area}</translation>
    </message>
    <message>
        <source>「{label}」は{used}件の担当・協議体で使われているため削除できません。先にそれらの層を変えてください</source>
        <translation>“{label}” cannot be removed: {used} posts or councils use it. Change their tier first</translation>
    </message>
</context>
<context>
    <name>transfer</name>
    <message>
        <source>「{key}」という一覧はありません。</source>
        <translation>There is no list “{key}”.</translation>
    </message>
    <message>
        <source>保存先のファイル名は .xlsx か .csv で終わるようにしてください。</source>
        <translation>The file name must end in .xlsx or .csv.</translation>
    </message>
    <message>
        <source>保存先のファイル名は .xlsx か .zip(CSV)で終わるようにしてください。</source>
        <translation>The file name must end in .xlsx or .zip (CSV).</translation>
    </message>
    <message>
        <source>ファイルに表が見つかりませんでした(空のファイルか、空のシートです)。</source>
        <translation>No table was found in the file (the file or the sheet is empty).</translation>
    </message>
    <message>
        <source>UTF-8 (BOM付き)</source>
        <translation>UTF-8 (with BOM)</translation>
    </message>
    <message>
        <source>文字コードを判別できませんでした。Excel で「CSV UTF-8(コンマ区切り)」として保存し直してください。</source>
        <translation>The character encoding could not be detected. Save the file again in Excel as “CSV UTF-8 (comma delimited)”.</translation>
    </message>
    <message>
        <source>{line}行目は空か、表の範囲外です。</source>
        <translation>Row {line} is empty or outside the table.</translation>
    </message>
    <message>
        <source>ファイル「{path}」を開けませんでした。詳細: {detail}</source>
        <translation>The file “{path}” could not be opened. Details: {detail}</translation>
    </message>
    <message>
        <source>Excel ファイル「{name}」を読めませんでした(壊れているか、パスワード付きの可能性があります)。詳細: {detail}</source>
        <translation>The Excel file “{name}” could not be read (it may be damaged or password-protected). Details: {detail}</translation>
    </message>
    <message>
        <source>シート「{sheet}」が見つかりません。</source>
        <translation>Sheet “{sheet}” not found.</translation>
    </message>
    <message>
        <source>Excel 97-2003 形式(.xls)は読めません。Excel で「Excel ブック(.xlsx)」または「CSV」として保存し直してください。</source>
        <translation>Excel 97-2003 files (.xls) cannot be read. Save the file again in Excel as “Excel Workbook (.xlsx)” or “CSV”.</translation>
    </message>
    <message>
        <source>「{name}」は読めない形式です。.xlsx か .csv を選んでください。</source>
        <translation>“{name}” is not a format that can be read. Choose an .xlsx or .csv file.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>{label}を入力してください</source>
        <translation>{label} is required</translation>
    </message>
    <message>
        <source>{label}は{limit}文字以内で入力してください(現在{count}文字)</source>
        <translation>{label} must be at most {limit} characters (now {count})</translation>
    </message>
    <message>
        <source>メールアドレスの形式が正しくありません(例: name@example.jp)</source>
        <translation>The email address is not valid (e.g. name@example.jp)</translation>
    </message>
    <message>
        <source>電話番号は数字とハイフンで入力してください(例: 042-551-1511)</source>
        <translation>Enter the phone number with digits and hyphens (e.g. 042-551-1511)</translation>
    </message>
    <message>
        <source>ふりがなはひらがな・カタカナで入力してください</source>
        <translation>Enter the reading in hiragana or katakana</translation>
    </message>
    <message>
        <source>{label}は{y1}年{m1}月{d1}日から{y2}年{m2}月{d2}日までの日付で入力してください(入力: {value})</source>
        <translation>{label} must be a date from {y1}-{m1}-{d1} to {y2}-{m2}-{d2} (entered: {value})</translation>
    </message>
    <message>
        <source>{year}年は日付として扱えません</source>
        <translation>The year {year} cannot be used in a date</translation>
    </message>
    <message>
        <source>{month}月はありません(月は1〜12で入力してください)</source>
        <translation>There is no month {month} (enter a month from 1 to 12)</translation>
    </message>
    <message>
        <source>{year}年{month}月は{last}日までです({month}月{day}日はありません)</source>
        <translation>{year}-{month} has {last} days (there is no day {day})</translation>
    </message>
    <message>
        <source>{label}は開始日以降の日付にしてください</source>
        <translation>{label} must not be before the start date</translation>
    </message>
    <message>
        <source>終了時刻は開始時刻より後にしてください</source>
        <translation>The end time must be after the start time</translation>
    </message>
    <message>
        <source>{label}は0以上の数で入力してください</source>
        <translation>{label} must be 0 or more</translation>
    </message>
    <message>
        <source>{label}が大きすぎます({limit}以下で入力してください)</source>
        <translation>{label} is too large (enter {limit} or less)</translation>
    </message>
    <message>
        <source>{caption}は0以上の数で入力してください</source>
        <translation>{caption} must be 0 or more</translation>
    </message>
    <message>
        <source>{caption}が大きすぎます({max}以下で入力してください)</source>
        <translation>{caption} is too large (enter {max} or less)</translation>
    </message>
    <message>
        <source>高齢化率は0から100までの数(%)で入力してください</source>
        <translation>Enter the share of people aged 65+ as a number from 0 to 100 (%)</translation>
    </message>
    <message>
        <source>世帯数が人口より多くなっています。数を確かめてください</source>
        <translation>There are more households than people; check the figures</translation>
    </message>
    <message>
        <source>人口などの数には基準日(例: 令和4年9月末日)を入力してください</source>
        <translation>Enter the date the figures refer to (e.g. 2022-09-30)</translation>
    </message>
    <message>
        <source>市域は最上位の地域です。上位地域は指定できません</source>
        <translation>The whole municipality is the top area; it cannot have a parent area</translation>
    </message>
    <message>
        <source>上位地域が見つかりません</source>
        <translation>Parent area not found</translation>
    </message>
    <message>
        <source>上位地域に自分自身やその下位地域は指定できません</source>
        <translation>An area cannot be its own parent or have one of its sub-areas as parent</translation>
    </message>
    <message>
        <source>下位地域があるため削除できません</source>
        <translation>Cannot delete: the area has areas below it</translation>
    </message>
    <message>
        <source>この地域を担当中のコーディネーターがいるため削除できません</source>
        <translation>Cannot delete: a coordinator is currently assigned to this area</translation>
    </message>
    <message>
        <source>写真は5MB以下の画像にしてください</source>
        <translation>Use a photo of 5 MB or less</translation>
    </message>
    <message>
        <source>コーディネーターが見つかりません</source>
        <translation>Coordinator not found</translation>
    </message>
    <message>
        <source>担当地域が見つかりません</source>
        <translation>Assigned area not found</translation>
    </message>
    <message>
        <source>第1層の担当地域は市域(市町村全域)にしてください</source>
        <translation>A tier 1 post covers the whole municipality</translation>
    </message>
    <message>
        <source>{tier}の担当地域は市域より小さい地域にしてください</source>
        <translation>A {tier} post covers an area smaller than the municipality</translation>
    </message>
    <message>
        <source>所属機関が見つかりません</source>
        <translation>Organisation not found</translation>
    </message>
    <message>
        <source>この質問にはすでに回答があるため、種類を「{old}」から変えられません。新しい質問として追加してください(これまでの回答はそのまま残ります)</source>
        <translation>This question already has answers, so its type cannot change from &quot;{old}&quot;. Add it as a new question instead (the answers so far are kept)</translation>
    </message>
    <message>
        <source>年度を正しく入力してください(例: 2024)</source>
        <translation>Enter a valid fiscal year (e.g. 2024)</translation>
    </message>
    <message>
        <source>この質問は削除されています</source>
        <translation>This question has been deleted</translation>
    </message>
    <message>
        <source>選択式の質問には選択肢を2つ以上入力してください</source>
        <translation>A choice question needs at least two choices</translation>
    </message>
    <message>
        <source>反映先の項目が分かりません</source>
        <translation>Unknown field to update</translation>
    </message>
    <message>
        <source>同じ質問「{prompt}」がすでにあります</source>
        <translation>The question “{prompt}” already exists</translation>
    </message>
    <message>
        <source>「{label}」にはすでに問{n}が反映されます</source>
        <translation>Question {n} already updates “{label}”</translation>
    </message>
    <message>
        <source>「{field}」に反映する質問は{kinds}式にしてください</source>
        <translation>A question that updates &quot;{field}&quot; must be of type {kinds}</translation>
    </message>
    <message>
        <source>状況に反映する質問の選択肢は{options}にしてください</source>
        <translation>A question that updates the status must offer the choices {options}</translation>
    </message>
    <message>
        <source>状況「{value}」が分かりません</source>
        <translation>Unknown status &quot;{value}&quot;</translation>
    </message>
    <message>
        <source>会議が見つかりません</source>
        <translation>Meeting not found</translation>
    </message>
    <message>
        <source>担当者はコーディネーターか関係機関の担当者のどちらか一人です</source>
        <translation>The owner is either a coordinator or an organisation&apos;s contact, not both</translation>
    </message>
    <message>
        <source>担当のコーディネーターが見つかりません</source>
        <translation>The owning coordinator was not found</translation>
    </message>
    <message>
        <source>担当者が見つかりません</source>
        <translation>Contact not found</translation>
    </message>
    <message>
        <source>添付ファイルは25MB以下にしてください</source>
        <translation>Attachments must be 25 MB or smaller</translation>
    </message>
    <message>
        <source>「{name}」はファイルではありません</source>
        <translation>&quot;{name}&quot; is not a file</translation>
    </message>
    <message>
        <source>このファイル名では開けません</source>
        <translation>A file with this name cannot be opened</translation>
    </message>
    <message>
        <source>プロジェクトが見つかりません</source>
        <translation>Project not found</translation>
    </message>
    <message>
        <source>進捗が見つかりません</source>
        <translation>Progress entry not found</translation>
    </message>
    <message>
        <source>添付先(会議・プロジェクト・進捗)を一つ指定してください</source>
        <translation>Attach to exactly one meeting, project or progress entry</translation>
    </message>
    <message>
        <source>地域が見つかりません</source>
        <translation>Area not found</translation>
    </message>
    <message>
        <source>第1層協議体の地域は市域にしてください</source>
        <translation>A Tier 1 council&apos;s area must be the whole municipality</translation>
    </message>
    <message>
        <source>第{tier}層協議体の地域は市域より小さい地域にしてください</source>
        <translation>A Tier {tier} council&apos;s area must be smaller than the whole municipality</translation>
    </message>
    <message>
        <source>設置済の協議体には設置日を入力してください</source>
        <translation>Enter the date an established council was set up</translation>
    </message>
    <message>
        <source>協議体が見つかりません</source>
        <translation>Council not found</translation>
    </message>
    <message>
        <source>委員は関係機関か担当者のどちらか一方を選んでください</source>
        <translation>Choose either an organisation or a contact as the member, not both</translation>
    </message>
    <message>
        <source>関係機関が見つかりません</source>
        <translation>Organisation not found</translation>
    </message>
    <message>
        <source>運営団体が見つかりません</source>
        <translation>Running organisation not found</translation>
    </message>
    <message>
        <source>「{kind}」はすでにあります</source>
        <translation>&quot;{kind}&quot; already exists</translation>
    </message>
    <message>
        <source>開催日を1日以上選んでください</source>
        <translation>Choose at least one date</translation>
    </message>
    <message>
        <source>連続開催は{n}回までにしてください</source>
        <translation>A series can have at most {n} sessions</translation>
    </message>
    <message>
        <source>この会議はすでに連続開催の一回です。シリーズの編集で変更してください</source>
        <translation>This meeting is already a session of a series. Change it with Edit series</translation>
    </message>
    <message>
        <source>移動は{n}日以内にしてください</source>
        <translation>Move by {n} days at most</translation>
    </message>
    <message>
        <source>出席コーディネーターが見つかりません</source>
        <translation>Attending coordinator not found</translation>
    </message>
    <message>
        <source>出席機関が見つかりません</source>
        <translation>Attending organisation not found</translation>
    </message>
    <message>
        <source>出席者が見つかりません</source>
        <translation>Attendee not found</translation>
    </message>
    <message>
        <source>承認日は開催日より前にできません</source>
        <translation>The approval date cannot be before the meeting date</translation>
    </message>
    <message>
        <source>承認日を入れるときは承認者も入れてください</source>
        <translation>When you enter an approval date, enter who approved too</translation>
    </message>
    <message>
        <source>上司(確認者)のプロファイルはコーディネーターに紐づけられません</source>
        <translation>A supervisor (reviewer) profile cannot be linked to a coordinator</translation>
    </message>
    <message>
        <source>連携機関が見つかりません</source>
        <translation>Partner organisation not found</translation>
    </message>
    <message>
        <source>メンバーのコーディネーターが見つかりません(削除された可能性があります)</source>
        <translation>A member coordinator was not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>メンバーの担当者が見つかりません(削除された可能性があります)</source>
        <translation>A member contact was not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>進捗率は0から100の間で入力してください</source>
        <translation>Enter progress between 0 and 100</translation>
    </message>
    <message>
        <source>担当コーディネーターが見つかりません</source>
        <translation>Lead coordinator not found</translation>
    </message>
    <message>
        <source>メンバーの役割を入力してください</source>
        <translation>Enter the member&apos;s role</translation>
    </message>
    <message>
        <source>メンバーの役割は100文字以内で入力してください</source>
        <translation>Enter the member&apos;s role in 100 characters or fewer</translation>
    </message>
    <message>
        <source>記入者の利用者情報が見つかりません</source>
        <translation>The author&apos;s user profile was not found</translation>
    </message>
    <message>
        <source>確認は上司(確認者)のプロファイルで行ってください</source>
        <translation>Reviews must be made with a supervisor (reviewer) profile</translation>
    </message>
    <message>
        <source>確認する進捗を選んでください</source>
        <translation>Choose the progress entries to review</translation>
    </message>
    <message>
        <source>進捗が見つかりません(削除された可能性があります)</source>
        <translation>Progress entry not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>ロゴ画像は2MB以下にしてください</source>
        <translation>The logo image must be 2 MB or smaller</translation>
    </message>
    <message>
        <source>この記録の種類はこの版では扱えません</source>
        <translation>This version cannot handle this kind of record</translation>
    </message>
    <message>
        <source>値を保存できません: {reason}</source>
        <translation>Cannot store the value: {reason}</translation>
    </message>
    <message>
        <source>この項目は空欄にできません</source>
        <translation>This field cannot be left empty</translation>
    </message>
</context>
<context>
    <name>weekdays</name>
    <message>
        <source>月</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>火</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>水</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>木</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>金</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>土</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
</context>
</TS>
