"""Pixel statistics of MNIST-like samples beside the test images': the mean, the histogram of pixel
values in ten bins, and two counts of speckle per image: holes (a pixel <= 0.5 with at least three of
its four neighbours > 0.5) and isolated ink (a pixel > 0.5 with none of its four neighbours > 0.5).
Also the share of grey pixels (0.3 to 0.7), the anti-aliased stroke edges, which the Parzen estimate
rewards as it punishes speckle (../gan-parzen-mnist-real-data/perturb.py prices both).
Each sample file is a .npy of [N, 28, 28, 1] in [0, 1] (`jgan sample --out FILE.npy`) or a PNG grid as
`jgan sample --png` draws it (28-pixel cells, 1-pixel gaps).
Usage: python3 pixel_stats.py ../shared/datasets/mnist/t10k-images-idx3-ubyte.gz SAMPLES..."""
import gzip
import struct
import sys
import zlib

import numpy as np


def read_png_grey(path):
    """The first channel of an 8-bit, non-interlaced PNG, as floats in [0, 1] (no PIL here)."""
    data = open(path, "rb").read()
    pos, chunks, width, height, colour = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or body[12] != 0:
                sys.exit(f"{path}: only 8-bit non-interlaced PNGs are read")
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(chunks)
    stride = width * channels
    rows, previous = [], np.zeros(stride, np.int32)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], np.frombuffer(raw, np.uint8, stride, y * (stride + 1) + 1).astype(np.int32)
        out = np.zeros(stride, np.int32)
        for i in range(stride):
            left = out[i - channels] if i >= channels else 0
            up, upleft = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 0:
                predictor = 0
            elif kind == 1:
                predictor = left
            elif kind == 2:
                predictor = up
            elif kind == 3:
                predictor = (left + up) // 2
            else:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upleft)
            out[i] = (line[i] + predictor) & 255
        rows.append(out[::channels])
        previous = out
    return np.array(rows, np.float32) / 255


def load(path):
    if path.endswith(".npy"):
        return np.load(path).reshape(-1, 28, 28)
    grid = read_png_grey(path)
    columns = (grid.shape[1] - 1) // 29
    rows = (grid.shape[0] - 1) // 29
    return np.array([grid[1 + r * 29:1 + r * 29 + 28, 1 + c * 29:1 + c * 29 + 28]
                     for r in range(rows) for c in range(columns)])


def stats(name, x):
    ink = x > 0.5
    neighbours = np.zeros(x.shape, np.int32)
    neighbours[:, 1:, :] += ink[:, :-1, :]
    neighbours[:, :-1, :] += ink[:, 1:, :]
    neighbours[:, :, 1:] += ink[:, :, :-1]
    neighbours[:, :, :-1] += ink[:, :, 1:]
    holes = (~ink & (neighbours >= 3)).sum() / len(x)
    isolated = (ink & (neighbours == 0)).sum() / len(x)
    histogram = np.histogram(x, bins=10, range=(0, 1))[0] / x.size
    grey = ((x >= 0.3) & (x < 0.7)).mean()
    print(f"{name}: {len(x)} images, mean {x.mean():.4f}, ink (> 0.5) {ink.mean():.4f}, "
          f"grey (0.3 to 0.7) {grey:.4f}, holes/image {holes:.2f}, isolated ink/image {isolated:.2f}")
    print("  histogram (10 bins over [0, 1]): " + " ".join(f"{h:.4f}" for h in histogram))


test = np.frombuffer(gzip.open(sys.argv[1]).read(), np.uint8, offset=16).reshape(-1, 28, 28).astype(np.float32) / 255
stats("test images", test)
for path in sys.argv[2:]:
    stats(path, load(path))
