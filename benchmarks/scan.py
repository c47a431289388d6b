"""QR scanning benchmark: the app's pipeline against each decoder alone, and camera cost.

Generates a seeded, labelled set of realistic enrollment images (page screenshots at
several scales and JPEG qualities, dark mode, photos of a monitor with perspective, blur,
noise, moiré and uneven light, small codes, rotations, a decoy QR beside the key, several
keys in one image, Google Authenticator migration exports), then prints decode rate and
median time per image for the pipeline and for each decoder on the plain grey image, and
the cost of one ``FrameScanner.feed`` on 1280x720 frames. Prints PASS/FAIL per target and
exits 1 if any target fails.

    .venv/bin/python benchmarks/scan.py [--seed N] [--verbose]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the test helpers below

from authenticator.core.account import Account, Algorithm, encode_base32
from authenticator.core.migration import encode_migration_uris, parse_migration_uri
from authenticator.scan.camera import FrameScanner
from authenticator.scan.decoders import Decoder, all_decoders, available_decoders
from authenticator.scan.pipeline import ScanResult, scan_array
from tests.helpers import synthetic as syn

ISSUERS = ["ACME Corp", "Example CA", "GitHub", "Cloud Portal", "Société Générale",
           "Bank of Example", "Mail Service", "VPN Gateway", "Certificate Authority Ltd"]
USERS = ["alice", "bob.smith", "j.doe", "admin", "ops-team", "marie.curie", "user12345"]
DOMAINS = ["example.com", "corp.example.org", "mail.example.net"]


@dataclass
class Sample:
    name: str
    category: str
    image: np.ndarray
    expected: frozenset[bytes]  # the secrets a correct scan yields, exactly


def _otpauth(rng: np.random.Generator) -> tuple[str, bytes]:
    secret = rng.bytes(int(rng.choice([10, 20, 20, 32])))
    issuer = str(rng.choice(ISSUERS))
    user = f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}"
    params = [f"secret={encode_base32(secret)}", f"issuer={quote(issuer)}"]
    if rng.random() < 0.3:
        params += [f"algorithm={rng.choice(['SHA256', 'SHA512'])}", "digits=8"]
    if rng.random() < 0.3:
        params.append("period=30")
    if rng.random() < 0.15:  # some services add a logo address: a much denser code
        params.append("image=" + quote(f"https://{rng.choice(DOMAINS)}/static/img/"
                                       "brand/logo-256x256.png", safe=""))
    return f"otpauth://totp/{quote(issuer)}:{quote(user)}?{'&'.join(params)}", secret


def _migration(rng: np.random.Generator, count: int) -> tuple[str, frozenset[bytes]]:
    accounts = [
        Account(secret=rng.bytes(20), issuer=str(rng.choice(ISSUERS)),
                name=f"{rng.choice(USERS)}@{rng.choice(DOMAINS)}",
                algorithm=Algorithm.SHA1)
        for _ in range(count)
    ]
    uris = encode_migration_uris(accounts, batch_id=int(rng.integers(1, 2**31)))
    # Big exports are split over several codes; the image shows the first one.
    first = parse_migration_uri(uris[0]).accounts
    return uris[0], frozenset(a.secret for a in first)


def _code(payload: str, rng: np.random.Generator, module_px: int) -> np.ndarray:
    return syn.qr_image(payload, module_px=module_px,
                        error=str(rng.choice(["l", "m", "m", "q"])))


def _screenshot(rng: np.random.Generator, codes: list[np.ndarray]) -> np.ndarray:
    page, _boxes = syn.enrollment_page(codes, rng)
    page = syn.resize(page, float(rng.choice([0.6, 0.75, 1.0, 1.25, 1.5])))
    if rng.random() < 0.6:
        page = syn.jpeg(page, int(rng.choice([35, 50, 70, 85, 95])))
    return page


def _photo(rng: np.random.Generator, codes: list[np.ndarray], strength: float,
           module_px: int) -> np.ndarray:
    """A photo of the page around the code(s), each module 2.5-6 pixels wide in the photo.

    Out-of-focus blur is up to 0.38 module (``strength`` > 1: 0.2-0.38, the hard end).
    Beyond about half a module no decoder reads even a clean code, and a person would
    take the photo again.
    """
    page, boxes = syn.enrollment_page(codes, rng)
    x0 = min(b[0] for b in boxes)
    y0 = min(b[1] for b in boxes)
    x1 = max(b[0] + b[2] for b in boxes)
    y1 = max(b[1] + b[3] for b in boxes)
    region = syn.crop_around(page, (x0, y0, x1 - x0, y1 - y0), float(rng.uniform(0.5, 1.8)))
    target = rng.uniform(2.5, 6.0)
    width = int(np.clip((region.shape[1] + 120) * target / module_px, 480, 2600))
    scale = width / (region.shape[1] + 120)
    relative = rng.uniform(0.08, 0.25) if strength <= 1.0 else rng.uniform(0.2, 0.38)
    return syn.monitor_photo(region, rng, strength=strength, out_width=width,
                             blur_sigma=relative * module_px * scale)


def build_set(seed: int) -> list[Sample]:
    out: list[Sample] = []

    def add(category: str,
            make: Callable[[np.random.Generator], tuple[np.ndarray, frozenset[bytes]]]) -> None:
        # One generator per image: how much randomness one image uses (noise over a
        # size that depends on the payload) never changes the images after it.
        rng = np.random.default_rng([seed, len(out)])
        image, expected = make(rng)
        out.append(Sample(f"{category}-{len(out):03d}", category, image, expected))

    def single(rng: np.random.Generator,
               transform: Callable[[list[np.ndarray], int], np.ndarray],
               module_px: int | None = None) -> tuple[np.ndarray, frozenset[bytes]]:
        uri, secret = _otpauth(rng)
        px = module_px if module_px is not None else int(rng.integers(3, 7))
        return transform([_code(uri, rng, px)], px), frozenset([secret])

    for _ in range(30):
        add("screenshot", lambda r: single(r, lambda c, _px: _screenshot(r, c)))
    for _ in range(12):
        add("dark-mode", lambda r: single(r, lambda c, _px: 255 - _screenshot(r, c)))
    for _ in range(20):
        add("photo",
            lambda r: single(r, lambda c, px: _photo(r, c, float(r.uniform(0.5, 1.0)), px)))
    for _ in range(16):
        add("hard-photo",
            lambda r: single(r, lambda c, px: _photo(r, c, float(r.uniform(1.0, 1.7)), px)))
    for _ in range(12):  # 1-2 pixels per module after scaling down
        add("small", lambda r: single(
            r, lambda c, _px: syn.resize(syn.enrollment_page(c, r)[0],
                                         float(r.uniform(0.4, 0.6))),
            module_px=3))
    for _ in range(12):
        add("rotated", lambda r: single(
            r, lambda c, _px: syn.rotate(_screenshot(r, c), float(r.uniform(-180, 180)))))

    def decoy(rng: np.random.Generator) -> tuple[np.ndarray, frozenset[bytes]]:
        uri, secret = _otpauth(rng)
        px = int(rng.integers(3, 7))
        help_link = _code("https://help.example.com/2fa/setup?lang=en", rng, px)
        codes = [help_link, _code(uri, rng, px)]
        image = (_screenshot(rng, codes) if rng.random() < 0.6
                 else _photo(rng, codes, 0.7, px))
        return image, frozenset([secret])

    for _ in range(10):
        add("decoy", decoy)

    def several(rng: np.random.Generator) -> tuple[np.ndarray, frozenset[bytes]]:
        pairs = [_otpauth(rng) for _ in range(int(rng.integers(2, 4)))]
        codes = [_code(uri, rng, 3) for uri, _ in pairs]
        return _screenshot(rng, codes), frozenset(secret for _, secret in pairs)

    for _ in range(6):
        add("several-keys", several)

    def migration(rng: np.random.Generator) -> tuple[np.ndarray, frozenset[bytes]]:
        uri, secrets = _migration(rng, int(rng.integers(1, 11)))
        code = _code(uri, rng, 3)
        image = (_screenshot(rng, [code]) if rng.random() < 0.5
                 else _photo(rng, [code], 0.8, 3))
        return image, secrets

    for _ in range(14):
        add("migration", migration)
    return out


# -- measuring --------------------------------------------------------------------------------


def secrets_of(result: ScanResult) -> frozenset[bytes]:
    return frozenset(a.secret for a in result.all_accounts())


def decoder_alone(decoder: Decoder) -> Callable[[np.ndarray], frozenset[bytes]]:
    from authenticator.scan.ladder import Rung
    from authenticator.scan.pipeline import scan_gray

    rung = Rung(decoder.name, "grey", lambda g: g)

    def run(gray: np.ndarray) -> frozenset[bytes]:
        return secrets_of(scan_gray(gray, [(decoder, rung)]))

    return run


@dataclass
class Score:
    label: str
    ok: int = 0
    total: int = 0
    times: list[float] | None = None
    failures: list[str] | None = None

    @property
    def rate(self) -> float:
        return self.ok / self.total if self.total else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times or [0.0]) * 1000


def measure(label: str, run: Callable[[np.ndarray], frozenset[bytes]],
            samples: list[Sample]) -> tuple[Score, dict[str, list[int]]]:
    score = Score(label, times=[], failures=[])
    by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sample in samples:
        start = time.perf_counter()
        got = run(sample.image)
        score.times.append(time.perf_counter() - start)  # type: ignore[union-attr]
        good = got == sample.expected
        score.ok += good
        score.total += 1
        by_category[sample.category][0] += good
        by_category[sample.category][1] += 1
        if not good:
            score.failures.append(sample.name)  # type: ignore[union-attr]
    return score, by_category


@dataclass
class Stall:
    """How the camera loop (FrameScanner.feed at 10 Hz) weighs on the app, in ms."""

    feed_max: float  # wall time of one feed, as a worker thread sees it
    feed_p99: float
    feed_median: float
    cpu_p99: float  # process CPU time during one feed (all its threads, OpenCV's included)
    gui_p99: float  # the GUI thread's longest waits while the loop runs beside it
    gui_max: float
    accepted_at: int  # frames until the key was accepted


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def camera_stall(frames: int = 300) -> Stall:
    """The app's camera loop in a worker thread (as CameraThread runs it) while the main
    thread, standing in for the GUI thread, wakes every 2 ms and notes how late it is."""
    import threading

    uri, _secret = _otpauth(np.random.default_rng(7))
    source = syn.SyntheticVideoSource(uri, frames=frames, seed=3, qr_width=300, show_from=20)
    pending = []
    while (frame := source.read()) is not None:
        pending.append(frame)
    scanner = FrameScanner()
    times: list[float] = []
    cpu: list[float] = []
    accepted = [-1]

    def loop() -> None:
        now = 0.0
        for index, frame in enumerate(pending):
            now += 0.1  # worst case: every frame is due for decoding at 10 Hz
            start, start_cpu = time.perf_counter(), time.process_time()
            outcome = scanner.feed(frame, now)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            if outcome is not None and accepted[0] < 0:
                accepted[0] = index
                scanner.reset()  # keep decoding: we measure the steady cost

    worker = threading.Thread(target=loop)
    gaps: list[float] = []
    worker.start()
    last = time.perf_counter()
    while worker.is_alive():
        time.sleep(0.002)
        tick = time.perf_counter()
        gaps.append(tick - last - 0.002)
        last = tick
    worker.join()
    return Stall(max(times) * 1000, _p99(times), statistics.median(times) * 1000, _p99(cpu),
                 _p99(gaps), max(gaps) * 1000, accepted[0])


def frames_to_accept(blur_sigma: float, frames: int = 150) -> int | None:
    """Frames (30 per second) from the code appearing until the camera loop accepts it."""
    uri, _secret = _otpauth(np.random.default_rng(8))
    source = syn.SyntheticVideoSource(uri, frames=frames, seed=4, qr_width=300,
                                      blur_sigma=blur_sigma)
    scanner = FrameScanner()
    index = 0
    while (frame := source.read()) is not None:
        if scanner.feed(frame, index / 30) is not None:
            return index
        index += 1
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--verbose", action="store_true", help="list failed images")
    args = parser.parse_args()

    samples = build_set(args.seed)
    print(f"QR scan benchmark: {len(samples)} images (seed {args.seed})")
    missing = [d.name for d in all_decoders() if not d.available()]
    if missing:
        print(f"  not available on this machine: {', '.join(missing)}")
    decoders = available_decoders()
    scan_array(samples[0].image)  # load the libraries outside the timings
    for decoder in decoders:
        decoder.decode(samples[0].image)

    winners: dict[str, int] = defaultdict(int)

    def pipeline(image: np.ndarray) -> frozenset[bytes]:
        result = scan_array(image)
        winners[f"{result.decoder}/{result.variant}"] += result.found
        return secrets_of(result)

    results = [measure("pipeline", pipeline, samples)]
    results += [measure(f"{d.name} alone", decoder_alone(d), samples) for d in decoders]

    categories = sorted({s.category for s in samples})
    print(f"\n{'':18}{'decoded':>12}{'median ms':>11}  " + " ".join(f"{c:>12}"
                                                                  for c in categories))
    for score, by_cat in results:
        cells = " ".join(f"{by_cat[c][0]:>5}/{by_cat[c][1]:<6}" for c in categories)
        print(f"{score.label:18}{score.ok:>5}/{score.total:<3} {score.rate:5.1%}"
              f"{score.median_ms:>9.1f}  {cells}")
        if args.verbose and score.failures:
            print(f"{'':18}failed: {', '.join(score.failures)}")

    if args.verbose:
        print("pipeline steps that succeeded:",
              ", ".join(f"{k} {v}" for k, v in sorted(winners.items(), key=lambda kv: -kv[1])))
    score0 = results[0][0]
    singles = [score for score, _ in results[1:]]
    best_rate = max((s.rate for s in singles), default=0.0)
    fastest = min((s.median_ms for s in singles), default=0.0)
    stall = camera_stall()
    accepted_at = stall.accepted_at
    print(f"\ncamera: FrameScanner.feed on 1280x720 frames decoded at 10 Hz in a worker: "
          f"max {stall.feed_max:.1f} ms, p99 {stall.feed_p99:.1f} ms, median "
          f"{stall.feed_median:.1f} ms wall; p99 {stall.cpu_p99:.1f} ms CPU; "
          f"accepted {accepted_at - 20} frame(s) after the code appeared")
    print(f"camera: GUI thread beside the loop: longest waits p99 {stall.gui_p99:.1f} ms, "
          f"max {stall.gui_max:.1f} ms (decoders release the GIL)")
    for sigma in (0.0, 2.0, 3.0):
        got = frames_to_accept(sigma)
        print(f"camera: 30 fps video, QR 300 px wide, focus blur sigma {sigma:.0f} px: "
              + (f"accepted after {got} frames ({got / 30:.1f} s)" if got is not None
                 else "not accepted within 5 s"))

    targets = [
        (f"pipeline decodes >= 99% of the set ({score0.rate:.1%})",
         score0.rate >= 0.99),
        (f"pipeline decodes >= best single decoder ({score0.rate:.1%} vs {best_rate:.1%})",
         score0.rate >= best_rate),
        (f"pipeline median <= 2x fastest decoder's ({score0.median_ms:.1f} ms vs "
         f"2 x {fastest:.1f} ms)", score0.median_ms <= 2 * fastest),
        (f"camera loop never stalls the GUI thread > 50 ms, p99 ({stall.gui_p99:.1f} ms)",
         stall.gui_p99 <= 50.0),
        (f"one camera decoding step costs <= 50 ms CPU, p99 ({stall.cpu_p99:.1f} ms; wall "
         f"p99 {stall.feed_p99:.1f} ms on this machine now)", stall.cpu_p99 <= 50.0),
        ("camera loop accepts the key once shown", accepted_at >= 20),
    ]
    print()
    for text, ok in targets:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
