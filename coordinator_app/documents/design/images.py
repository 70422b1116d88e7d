"""Photos and logos: decoded once, cropped or fitted, downsampled for print.

A phone photo of 4000 x 3000 pixels would make a flyer several megabytes;
resampled to 250 dpi at its printed size it is a few dozen kilobytes.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageOps, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

PRINT_DPI = 250
JPEG_QUALITY = 85
FACE_BIAS = 0.3
"""Where the crop window sits vertically: 0 = top, 0.5 = centre. Faces sit high."""

_POINTS_PER_INCH = 72.0
_ORIENTATION = 0x0112
"""The EXIF tag saying how a camera held the picture."""


class ImageProblem(ValueError):
    """The bytes are not a JPEG or PNG image Pillow can read."""


def _open(data: bytes, *, at_least: tuple[int, int] | None = None) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(data))
        if at_least is not None and image.format == "JPEG":
            # Decode a JPEG at 1/2, 1/4 or 1/8 scale when that still covers the
            # box: several times faster than decoding a phone photo in full.
            image.draft("RGB", _scaled_need(image, at_least))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageProblem(str(exc)) from exc
    if image.getexif().get(_ORIENTATION, 1) == 1:
        # Upright already: exif_transpose would return a full copy.
        return image
    return ImageOps.exif_transpose(image)


def _scaled_need(image: Image.Image, box: tuple[int, int]) -> tuple[int, int]:
    # The crop keeps the full width or the full height: ask for a decoded size
    # whose cropped part still has ``box`` pixels.
    w, h = image.size
    scale = max(box[0] / w, box[1] / h)
    return (max(1, round(w * scale)), max(1, round(h * scale)))


def _pixels(points: float) -> int:
    return max(1, round(points / _POINTS_PER_INCH * PRINT_DPI))


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image if image.mode == "RGB" else image.convert("RGB")


class PrintJpeg(ImageReader):  # type: ignore[misc]  # reportlab has no type hints
    """A JPEG made for print, embedded in the PDF as it is (DCT, never re-encoded).

    ``Canvas.drawImage`` names each image by a digest of its pixels, so it
    would decode the JPEG it embeds untouched, only to name it: a second
    decode and two copies per photo. The JPEG's bytes name it as well; nothing
    else reads this reader's pixels.
    """

    def __init__(self, jpeg: bytes) -> None:
        super().__init__(io.BytesIO(jpeg))
        self._jpeg = jpeg

    def getRGBData(self) -> bytes:
        self._dataA = None  # no transparency (drawImage reads it)
        return self._jpeg


@lru_cache(maxsize=64)
def cropped_photo(data: bytes, width: float, height: float) -> ImageReader:
    """``data`` cropped to the box's aspect ratio (faces kept) and sized for print.

    Args:
        data: JPEG or PNG bytes.
        width: printed width in points.
        height: printed height in points.

    Raises:
        ImageProblem: the bytes are not a readable image.
    """
    size = (_pixels(width), _pixels(height))
    image = _flatten(_open(data, at_least=size))
    target = width / height
    w, h = image.size
    if w / h > target:
        crop_w = round(h * target)
        left = (w - crop_w) // 2
        box = (left, 0, left + crop_w, h)
    else:
        crop_h = round(w / target)
        top = round((h - crop_h) * FACE_BIAS)
        box = (0, top, w, top + crop_h)
    if box[2] - box[0] > size[0]:
        # Bicubic: at 250 dpi no one sees the difference to Lanczos, and it is
        # several times faster on a batch. Cropping inside the resize saves a copy.
        image = image.resize(size, Image.Resampling.BICUBIC, box=box)
    else:
        image = image.crop(box)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PrintJpeg(out.getvalue())


@lru_cache(maxsize=8)
def fitted_logo(data: bytes, width: float, height: float) -> tuple[ImageReader, float, float]:
    """The logo scaled to fit ``width`` x ``height`` (never cropped), transparency kept.

    Returns:
        the image and its printed width and height in points.

    Raises:
        ImageProblem: the bytes are not a readable image.
    """
    image = _open(data)
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    scale = min(width / image.width, height / image.height)
    printed = (image.width * scale, image.height * scale)
    pixels = (_pixels(printed[0]), _pixels(printed[1]))
    if image.width > pixels[0]:
        image = image.resize(pixels, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    out.seek(0)
    return ImageReader(out), printed[0], printed[1]


class PhotoProblem(ValueError):
    """A photo's bytes are not an image Pillow can read."""


def photo_jpeg(
    content: bytes, max_pixels: int, *, reduced_decode: bool = False
) -> tuple[bytes, int, int]:
    """The photo turned upright, flattened to RGB, at most ``max_pixels`` on its
    longer side, as JPEG bytes with its width and height.

    With ``reduced_decode`` a JPEG is decoded at a reduced size (no smaller than
    needed): phone photos are far larger than a guidebook's, and decoding them whole
    is most of a guidebook's time.

    Raises:
        PhotoProblem: the bytes are not a readable image.
    """
    try:
        image = Image.open(io.BytesIO(content))
        if reduced_decode and image.format == "JPEG":
            w, h = image.size
            longest = max(w, h, 1)
            image.draft("RGB", (max_pixels * w // longest, max_pixels * h // longest))
        image.load()
        image = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoProblem(str(exc)) from exc
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    image.thumbnail((max_pixels, max_pixels), Image.Resampling.BICUBIC)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, optimize=True)
    return out.getvalue(), image.width, image.height
