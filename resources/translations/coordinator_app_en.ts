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
</context>
<context>
    <name>AreaEditor</name>
    <message>
        <source>(なし・最上位)</source>
        <translation>(none – top level)</translation>
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
        <source>地域</source>
        <translation>Areas</translation>
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
        <source>上位地域</source>
        <translation>Parent area</translation>
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
        <source>任意(例: 第1.5層)</source>
        <translation>Optional (e.g. Tier 1.5)</translation>
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
        <source>層の呼び名</source>
        <translation>Local tier label</translation>
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
    <name>BackupDialog</name>
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
    <name>CheckList</name>
    <message>
        <source>名前・ふりがなで絞り込み</source>
        <translation>Filter by name or reading</translation>
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
    <message>
        <source>操作できません</source>
        <translation>Not possible</translation>
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
    <name>CoordinatorPage</name>
    <message>
        <source>コーディネーター</source>
        <translation>Coordinators</translation>
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
    <message>
        <source>協議体</source>
        <translation>Councils</translation>
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
    <name>DateField</name>
    <message>
        <source>例: {example}</source>
        <translation>e.g. {example}</translation>
    </message>
    <message>
        <source>カレンダーから選ぶ</source>
        <translation>Pick from a calendar</translation>
    </message>
    <message>
        <source>日付として読めません(例: 2022-04-01、令和4年4月1日)</source>
        <translation>Not a date (e.g. 2022-04-01 or 令和4年4月1日)</translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
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
        <source>閉じる</source>
        <translation>Close</translation>
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
        <translation>{count} texts longer than Excel’s limit (32,767 characters per cell) were cut. CSV keeps the full text.</translation>
    </message>
    <message>
        <source>書き出しました</source>
        <translation>Exported</translation>
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
        <source>PDFを作成できません:</source>
        <translation>Cannot create the PDF:</translation>
    </message>
    <message>
        <source>注意(印刷はできますが、省略された文字があります):</source>
        <translation>Note (printable, but some text was shortened):</translation>
    </message>
    <message>
        <source>次の項目は枠に収まらず省略されました:</source>
        <translation>These items did not fit and were shortened:</translation>
    </message>
    <message>
        <source>PDFを保存</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>PDFを保存しました。</source>
        <translation>The PDF was saved.</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>担当中のコーディネーターがいません。</source>
        <translation>No coordinator is currently in post.</translation>
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
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>このアプリについて</source>
        <translation>About</translation>
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
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>ツールバー</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>{action}を行いました</source>
        <translation>Done: {action}</translation>
    </message>
    <message>
        <source>{action}を取り消しました</source>
        <translation>Undone: {action}</translation>
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
    <name>MeetingEditor</name>
    <message>
        <source>(なし)</source>
        <translation>(none)</translation>
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
        <source>参加者数(会場)</source>
        <translation>Participants (on site)</translation>
    </message>
    <message>
        <source>参加者数(オンライン)</source>
        <translation>Participants (online)</translation>
    </message>
    <message>
        <source>協議体</source>
        <translation>Council</translation>
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
        <source>コーディネーター</source>
        <translation>Coordinators</translation>
    </message>
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
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
        <source>新しい会議</source>
        <translation>New meeting</translation>
    </message>
</context>
<context>
    <name>MeetingPage</name>
    <message>
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>会議名・会場で絞り込み (Ctrl+F)</source>
        <translation>Filter by title or venue (Ctrl+F)</translation>
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
        <source>出席</source>
        <translation>Attendees</translation>
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
    <name>OrganisationEditor</name>
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
    <message>
        <source>関係機関</source>
        <translation>Organisations</translation>
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
        <source>問題のない行だけを、まとめて一度に取り込みます。エラーや重複の行は取り込まず、あとで一覧として保存できます。</source>
        <translation>Only rows without problems are imported, all at once. Rows with errors or duplicates are skipped and can be saved as a list afterwards.</translation>
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
        <source>取り込めませんでした</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
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
</context>
<context>
    <name>ProgressEntryTableModel</name>
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
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>(未設定)</source>
        <translation>(not set)</translation>
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
        <source>成果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>基本情報</source>
        <translation>Details</translation>
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
        <source>新しいプロジェクト</source>
        <translation>New project</translation>
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
        <source>プロジェクト</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>プロジェクト名・目標で絞り込み (Ctrl+F)</source>
        <translation>Filter by title or goal (Ctrl+F)</translation>
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
        <source>保存できません</source>
        <translation>Cannot save</translation>
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
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>「{name}」の削除</source>
        <translation>deletion of “{name}”</translation>
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
        <source>{count}件</source>
        <translation>{count} records</translation>
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
        <translation>Show dates in the Japanese era (e.g. {wareki}; off: {iso})</translation>
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
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
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
    <message>
        <source>{line}行目を見出しとして読み取りました。データは{count}行です。</source>
        <translation>Read row {line} as the header; {count} data rows.</translation>
    </message>
    <message>
        <source>文字コード: {encoding}</source>
        <translation>Encoding: {encoding}</translation>
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
    <name>app</name>
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
    <message>
        <source>このバージョンにはデモデータが含まれていません。</source>
        <translation>This version contains no demo data.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>市域</source>
        <translation>Municipality</translation>
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
</TS>
