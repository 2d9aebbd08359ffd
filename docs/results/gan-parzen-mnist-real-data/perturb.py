"""Real MNIST training images 0-9,999 and five perturbations of them, as .npy files for
`jgan eval --npy FILE --dataset mnist --metrics parzen`: how much the Parzen estimate
(Goodfellow et al. 2014's protocol) drops for small pixel-level defects of perfect samples.
Usage: python3 perturb.py ../shared/datasets/mnist/train-images-idx3-ubyte.gz OUT_DIR"""
import gzip
import sys

import numpy as np

images, out = sys.argv[1], sys.argv[2]
x = np.frombuffer(gzip.open(images).read(), np.uint8, offset=16).reshape(-1, 28, 28, 1)
real = x[0:10000].astype(np.float32) / 255
rng = np.random.default_rng(0)
ink = real > 0.5


def save(name, a):
    np.save(f"{out}/{name}.npy", np.clip(a, 0, 1).astype(np.float32))


save("real", real)
save("binary", (real >= 0.5).astype(np.float32))                               # every pixel 0 or 1
save("sharp", 1 / (1 + np.exp(-20 * (real - 0.5))))                            # grey pushed toward 0/1
save("drop05", np.where(ink & (rng.random(real.shape) < 0.05), 0, real))       # 5% of ink pixels dark
save("drop20", np.where(ink & (rng.random(real.shape) < 0.20), 0, real))       # 20%
save("noise05", real + rng.normal(0, 0.05, real.shape))                        # Gaussian pixel noise, std 0.05
save("noise10", real + rng.normal(0, 0.10, real.shape))                        # std 0.10
