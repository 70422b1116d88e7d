"""Japanese names of tables and columns for spreadsheets (export headers, import matching).

A column without an entry here falls back to a generic label, then to its
code name; ``tests/services/test_transfer_export.py`` checks every column
of every table has a Japanese header, so a new column gets one.
"""

from __future__ import annotations

TABLE_LABELS: dict[str, str] = {
    "area": "地域",
    "organisation": "関係機関",
    "organisation_area": "関係機関の担当地域",
    "contact": "担当者",
    "coordinator": "コーディネーター",
    "assignment": "担当(配置)",
    "council": "協議体",
    "council_membership": "協議体の委員",
    "project": "プロジェクト",
    "project_organisation": "プロジェクトの連携機関",
    "progress_entry": "進捗",
    "meeting_series": "会議シリーズ",
    "meeting": "会議",
    "meeting_coordinator": "会議の出席コーディネーター",
    "meeting_organisation": "会議の出席機関",
    "meeting_contact": "会議の出席者",
    "action_item": "対応事項",
    "attachment": "添付ファイル",
    "setting": "設定",
    "user_profile": "利用者",
    "review": "確認",
}

# Labels shared by every table unless overridden below.
COLUMN_LABELS: dict[str, str] = {
    "id": "ID",
    "created_at": "作成日時(UTC)",
    "updated_at": "更新日時(UTC)",
    "deleted_at": "削除日時(UTC)",
    "name": "名称",
    "kana": "ふりがな",
    "sort_kana": "並べ替え用よみ",
    "kind": "種別",
    "notes": "備考",
    "phone": "電話番号",
    "email": "メールアドレス",
    "address": "住所",
    "website": "ウェブサイト",
    "operation": "運営形態",
    "parent_id": "上位地域",
    "organisation_id": "関係機関",
    "area_id": "地域",
    "coordinator_id": "コーディネーター",
    "contact_id": "担当者",
    "council_id": "協議体",
    "project_id": "プロジェクト",
    "meeting_id": "会議",
    "series_id": "会議シリーズ",
    "progress_entry_id": "進捗",
    "tier": "層",
    "tier_label": "層の呼び名",
    "concurrent": "兼務",
    "start_date": "開始日",
    "end_date": "終了日",
    "purpose": "目的",
    "status": "状況",
    "established_on": "設置日",
    "usual_venue": "主な会場",
    "role": "役割",
    "title": "名称",
    "program": "プログラム",
    "lead_coordinator_id": "担当コーディネーター",
    "goal": "目標",
    "progress": "進捗率",
    "outcome": "成果",
    "entry_date": "日付",
    "text": "内容",
    "author": "記入者",
    "author_profile_id": "記入者(利用者)",
    "held_on": "開催日",
    "start_time": "開始時刻",
    "end_time": "終了時刻",
    "venue": "会場",
    "mode": "開催方法",
    "capacity_on_site": "会場の定員",
    "capacity_online": "オンラインの定員",
    "participants_on_site": "会場の参加者数",
    "participants_online": "オンラインの参加者数",
    "agenda": "議題",
    "minutes": "議事録",
    "decisions": "決定事項",
    "session_number": "回",
    "owner_coordinator_id": "担当コーディネーター",
    "owner_contact_id": "担当者(関係機関)",
    "due_date": "期限",
    "done": "完了",
    "filename": "ファイル名",
    "media_type": "ファイルの種類",
    "size": "サイズ(バイト)",
    "key": "項目",
    "text_value": "値",
    "reviewer_profile_id": "確認者",
    "comment": "コメント",
    "reviewed_at": "確認日時(UTC)",
    "entry_updated_at": "確認した時点の更新日時(UTC)",
    "office_hours": "相談受付時間",
    "message": "メッセージ",
    "consult_topics": "相談できること",
}

TABLE_COLUMN_LABELS: dict[tuple[str, str], str] = {
    ("area", "name"): "地域名",
    ("contact", "name"): "氏名",
    ("contact", "organisation_id"): "所属機関",
    ("contact", "role"): "役職",
    ("coordinator", "name"): "氏名",
    ("user_profile", "name"): "氏名",
    ("user_profile", "title"): "役職",
    ("assignment", "area_id"): "担当地域",
    ("assignment", "organisation_id"): "所属機関",
    ("council", "name"): "協議体名",
    ("council_membership", "organisation_id"): "委員(関係機関)",
    ("council_membership", "contact_id"): "委員(担当者)",
    ("project", "title"): "プロジェクト名",
    ("meeting", "title"): "会議名",
    ("meeting", "kind"): "会議の種類",
    ("meeting_series", "title"): "シリーズ名",
    ("meeting_series", "kind"): "会議の種類",
    ("organisation_area", "area_id"): "担当地域",
    ("project_organisation", "organisation_id"): "連携機関",
    ("meeting_organisation", "organisation_id"): "出席機関",
    ("meeting_coordinator", "coordinator_id"): "出席コーディネーター",
    ("meeting_contact", "contact_id"): "出席者",
}

# A link table's targets shown as one column of the owner's list ("担当地域": "北部、南部").
LINK_COLUMN_LABELS: dict[str, str] = {
    "organisation_area": "担当地域",
    "project_organisation": "連携機関",
    "meeting_coordinator": "出席コーディネーター",
    "meeting_organisation": "出席機関",
    "meeting_contact": "出席者",
}


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


def column_label(table: str, column: str) -> str:
    return TABLE_COLUMN_LABELS.get((table, column)) or COLUMN_LABELS.get(column, column)
