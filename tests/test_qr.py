"""QR codes: what a phone would read back, checked with an independent decoder (ZXing)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from compassion_kit.qr import MODULE_PX, QUIET_ZONE, qr_png, qr_size_px

zxingcpp = pytest.importorskip("zxingcpp")

URLS = [
    "https://www.england.nhs.uk/",
    "https://www.youtube.com/watch?v=1Evwgu369Jw",
    "https://example.org/feedback/wye-valley-health-board-2027-03-09?source=qr&lang=en-GB",
]


@pytest.mark.parametrize("url", URLS)
def test_code_decodes_to_the_url(url: str) -> None:
    image = Image.open(io.BytesIO(qr_png(url)))
    found = zxingcpp.read_barcodes(image)
    assert [(code.text, code.format) for code in found] == [(url, zxingcpp.BarcodeFormat.QRCode)]


def test_image_is_square_with_quiet_zone_and_stated_size() -> None:
    url = URLS[1]
    image = Image.open(io.BytesIO(qr_png(url))).convert("L")
    side = qr_size_px(url)
    assert image.size == (side, side)
    margin = QUIET_ZONE * MODULE_PX
    border = image.crop((0, 0, side, margin)).getextrema()
    assert border == (255, 255)  # all white above the symbol
    assert image.getpixel((margin, margin)) == 0  # the finder pattern's dark corner


def test_same_url_same_bytes_and_empty_url_refused() -> None:
    assert qr_png(URLS[0]) == qr_png(URLS[0])
    with pytest.raises(ValueError, match="non-empty"):
        qr_png("  ")
