"""Make ``mj-fallback-mincho.ttf``, the fallback font for characters IPAexGothic lacks.

The source is IPAmj明朝 (Ver.005.01, IPA Font License v1.0; Debian package
``fonts-ipamj-mincho``), the font of the MJ character set that municipal name
registers use. Only the characters IPAexGothic has no glyph for are kept
(about 43,000), hinting is dropped: 46 MB become about 19 MB.

A subset is a *Derived Program* under the IPA Font License, so it carries a
name of its own (Art. 3.1(4)), is licensed under the same licence (the text
is beside it) and this script is the means to rebuild or replace it
(Art. 3.1(2)): to use the original font instead, install IPAmj明朝 and run
this script again, or copy its ``ipamjm.ttf`` over this file's output (the
app asks the font which characters it has, so a complete font works as is).

Run (needs fontTools: ``pip install fonttools``)::

    python resources/fonts/make_mj_fallback.py path/to/ipamjm.ttf
"""

from __future__ import annotations

import argparse
from pathlib import Path

FAMILY = "MJ Fallback Mincho"
POSTSCRIPT = "MJFallbackMincho"
OUTPUT = "mj-fallback-mincho.ttf"
PRIMARY = "ipaexg.ttf"


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="IPAmj明朝 (ipamjm.ttf)")
    here = Path(__file__).resolve().parent
    parser.add_argument("--output", type=Path, default=here / OUTPUT)
    args = parser.parse_args()

    primary = set(TTFont(here / PRIMARY, lazy=True).getBestCmap())
    source = TTFont(args.source, lazy=True)
    version = source["head"].fontRevision
    wanted = sorted(set(source.getBestCmap()) - primary)

    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.glyph_names = False
    options.legacy_kern = False
    options.notdef_outline = True
    options.name_IDs = [0, 13, 14]  # copyright and licence; the names are replaced below
    options.name_languages = ["*"]
    font = subset.load_font(str(args.source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)

    names = font["name"]
    for name_id, text in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{POSTSCRIPT}-{version:.2f}"),
        (4, FAMILY),
        (5, f"Version {version:.2f}"),
        (6, POSTSCRIPT),
        (
            10,
            "Derived Program of IPAmj Mincho (IPA Font License v1.0): the characters "
            "IPAexGothic lacks, without hinting, made by make_mj_fallback.py.",
        ),
    ):
        names.setName(text, name_id, 3, 1, 0x409)
        names.setName(text, name_id, 1, 0, 0)
    subset.save_font(font, str(args.output), options)
    print(f"{args.output}: {len(wanted)} characters, {args.output.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
