"""How documents look: fonts, colours, drawing primitives, text fitting, images.

:mod:`.flyer` holds the flyer designs (constant-only variants of one class);
:mod:`.records` the one stylesheet of record documents (議事録, 実績報告,
紹介ページ, ガイドブック). Nothing here knows a document's layout.
"""
