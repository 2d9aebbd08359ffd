"""A slight blur of MNIST-like images, as .npy for `jgan eval --npy FILE --dataset mnist --metrics parzen`:
how much the Parzen estimate (Goodfellow et al. 2014's protocol) rises when every pixel takes a share of its
four neighbours. The kernel is separable, [a, 1 - 2a, a] along rows then columns (a = 0.05 moves 10% of
each pixel's value to its neighbours, before the corners' second-order share). A post-hoc change of the
samples, not a model: it prices what the estimate rewards, and no result in the tables is blurred.
Usage: python3 blur.py IN.npy|IDX.gz A OUT.npy [STRIP.png]   (an IDX file: its first 10,000 images, scaled to
[0, 1]; STRIP.png: the first 16 images above their blurred selves, 1-pixel gaps)"""
import gzip
import struct
import sys
import zlib

import numpy as np



def write_strip(path, rows):
    """A grey 8-bit PNG of the rows of 28 x 28 images (no PIL here)."""
    height, width = len(rows) * 29 + 1, len(rows[0]) * 29 + 1
    canvas = np.full((height, width), 128, np.uint8)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            canvas[1 + r * 29:29 + r * 29, 1 + c * 29:29 + c * 29] = np.round(np.clip(image, 0, 1) * 255)
    raw = b"".join(b"\0" + canvas[y].tobytes() for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


source, a, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
if source.endswith(".gz"):
    x = np.frombuffer(gzip.open(source).read(), np.uint8, offset=16).reshape(-1, 28, 28)[:10000] / 255
else:
    x = np.load(source).reshape(-1, 28, 28)
original = x
k = (a, 1 - 2 * a, a)
p = np.pad(x, ((0, 0), (1, 1), (0, 0)))
x = k[0] * p[:, :-2] + k[1] * p[:, 1:-1] + k[2] * p[:, 2:]
p = np.pad(x, ((0, 0), (0, 0), (1, 1)))
x = k[0] * p[:, :, :-2] + k[1] * p[:, :, 1:-1] + k[2] * p[:, :, 2:]
np.save(out, x[..., None].astype(np.float32))
if len(sys.argv) > 4:
    write_strip(sys.argv[4], [original[:16], x[:16]])
