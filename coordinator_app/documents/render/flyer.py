"""The flyer renderer: pages, imposition and the PDF's metadata.

It draws the :class:`FlyerData` it is given in one :class:`FlyerDesign`
(colours and primitives, :mod:`coordinator_app.documents.design.flyer`) with
the compositions of :mod:`~coordinator_app.documents.render.flyer_panels` and
:mod:`~coordinator_app.documents.render.team`, and returns bytes. It never
queries the database.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from coordinator_app import __version__
from coordinator_app.documents.data.flyer import (
    FlyerData,
    FlyerIssue,
    FlyerOverflowError,
    Layout,
    RenderedFlyer,
    TeamFlyerData,
)
from coordinator_app.documents.design.flyer import DESIGNS, FlyerDesign
from coordinator_app.documents.design.text import TextFitter
from coordinator_app.documents.render.check import undrawable_issues
from coordinator_app.documents.render.flyer_panels import CardPanel, FlyerPanel
from coordinator_app.documents.render.layouts import PAGE_TEMPLATES, PageTemplate, draw_crop_marks
from coordinator_app.documents.render.team import TeamPages

Progress = Callable[[int, int], bool]
"""Called with (done, total) after each coordinator; returning False cancels."""


class RenderCancelled(Exception):
    """The progress callback asked to stop; no PDF was produced."""


class FlyerRenderer:
    """Draws flyer data in one design and returns PDF bytes.

    Args:
        design: colours and primitives (the standard design when omitted).
    """

    def __init__(self, design: FlyerDesign | None = None) -> None:
        self.design = design or FlyerDesign()
        self.font = self.design.font

    # -- entry points -------------------------------------------------------------

    def render(
        self,
        flyers: Sequence[FlyerData],
        layout: Layout,
        *,
        strict: bool = False,
        progress: Progress | None = None,
    ) -> RenderedFlyer:
        """One PDF: each coordinator's flyer (or card sheet) in ``layout``.

        A character no bundled font has prints as 〓 and is named in the
        warnings.

        Raises:
            FlyerOverflowError: with ``strict``, if any text had to be shortened
                or a character replaced.
            RenderCancelled: ``progress`` returned False.
        """
        if layout == Layout.TEAM:
            raise ValueError("チーム紹介は render_team で作成します")
        if not flyers:
            raise ValueError("コーディネーターが選ばれていません")
        template = PAGE_TEMPLATES[layout]
        panel = CardPanel(self.design) if template.panel == "card" else FlyerPanel(self.design)
        title = "生活支援コーディネーター紹介" + ("名刺" if template.panel == "card" else "チラシ")
        if len(flyers) == 1:
            title += f" {flyers[0].owner}"
        fitter = TextFitter(self.font, self.design.TEXT)
        fitter.issues += [issue for d in flyers for issue in undrawable_issues(d)]
        with _binary_streams():
            c, out = self._canvas(template, title=title, issuer=flyers[0].issuer.name)
            for index, data in enumerate(flyers):
                fitter.owner = data.owner
                form = f"panel{index}"
                c.beginForm(form, lowerx=0, lowery=0, upperx=panel.WIDTH, uppery=panel.HEIGHT)
                panel.draw(c, data, fitter)
                c.endForm()
                self._impose(c, template, form, panel.WIDTH, panel.HEIGHT)
                if progress is not None and not progress(index + 1, len(flyers)):
                    raise RenderCancelled
            return self._finish(c, out, fitter.issues, strict=strict)

    def render_team(self, team: TeamFlyerData, *, strict: bool = False) -> RenderedFlyer:
        """The team flyer (A4, continued on further pages when many coordinators)."""
        template = PAGE_TEMPLATES[Layout.TEAM]
        fitter = TextFitter(self.font, self.design.TEXT)
        fitter.issues += undrawable_issues(team)
        with _binary_streams():
            c, out = self._canvas(
                template,
                title=f"生活支援コーディネーター紹介 {team.area_name}",
                issuer=team.issuer.name,
            )
            TeamPages(self.design).draw(c, team, fitter)
            return self._finish(c, out, fitter.issues, strict=strict)

    # -- document -----------------------------------------------------------------

    def _canvas(
        self, template: PageTemplate, *, title: str, issuer: str
    ) -> tuple[Canvas, io.BytesIO]:
        out = io.BytesIO()
        # The initial font is ours, so no page refers to an unembedded Helvetica.
        c = Canvas(out, pagesize=template.pagesize, pageCompression=1, initialFontName=self.font)
        c.setTitle(title)
        c.setAuthor(issuer or "coordinator-app")
        c.setSubject("生活支援コーディネーター紹介")
        c.setCreator(f"coordinator-app {__version__}")
        return c, out

    def _impose(
        self, c: Canvas, template: PageTemplate, form: str, width: float, height: float
    ) -> None:
        for slot in template.slots:
            scale = min(slot.width / width, slot.height / height)
            c.saveState()
            c.translate(
                slot.x + (slot.width - width * scale) / 2,
                slot.y + (slot.height - height * scale) / 2,
            )
            c.scale(scale, scale)
            c.doForm(form)
            c.restoreState()
        draw_crop_marks(c, template)
        c.showPage()

    def _finish(
        self, c: Canvas, out: io.BytesIO, issues: list[FlyerIssue], *, strict: bool
    ) -> RenderedFlyer:
        if strict and issues:
            raise FlyerOverflowError(issues)
        pages = c.getPageNumber() - 1
        c.save()
        return RenderedFlyer(pdf=out.getvalue(), pages=pages, warnings=tuple(issues))


@contextmanager
def _binary_streams() -> Iterator[None]:
    # reportlab wraps every stream in ASCII85 (printable, 25 % larger, and
    # encoded in pure Python here). PDF is a binary format anyway, so streams
    # are written as plain Flate. The switch is reportlab's only, global one.
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def renderer_for(design: str) -> FlyerRenderer:
    """The renderer of the design whose code is ``design`` (``standard``, ``warm``)."""
    try:
        return FlyerRenderer(DESIGNS[design]())
    except KeyError:
        raise ValueError(f"デザイン「{design}」はありません") from None
