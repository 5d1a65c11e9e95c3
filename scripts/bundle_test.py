"""Check the PyInstaller bundle as a user gets it: selftest, workers, start time, size.

`make bundle-test` runs it on build/bundle/dist/arsip. On Linux, when the kernel allows a
private mount namespace (`unshare -m`, as root), every Python installation on the machine is
covered by an empty folder while the bundle runs, so it proves the bundle needs none. Writes
bench-results/bundle.json; exits 1 naming the first step that failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STARTS = 5  # `--version` runs to time; the median is reported
PROGRAM = "archive-app.exe" if sys.platform == "win32" else "archive-app"
WINDOW_PROGRAM = "Arsip.exe" if sys.platform == "win32" else "Arsip"


# A saved web page written for this check (never a publisher's): importing it runs the HTML
# extractor and its data files (trafilatura, jusText, htmldate, courlan) inside the bundle
SAVED_PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<title>Nelayan Pantai Utara Kembali Melaut Setelah Cuaca Membaik - Berita Contoh</title>
<meta property="article:published_time" content="2024-07-02T06:30:00+07:00">
<link rel="canonical" href="https://example.com/daerah/2024/07/02/nelayan-kembali-melaut">
</head><body><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav><article>
<h1>Nelayan Pantai Utara Kembali Melaut Setelah Cuaca Membaik</h1>
<p class="byline">Penulis: Rahmat Hidayat</p>
<p>INDRAMAYU - Ratusan nelayan di pantai utara Indramayu kembali melaut pada Selasa pagi
setelah gelombang tinggi mereda. Selama sepekan terakhir perahu mereka hanya bersandar.</p>
<p>Ketua kelompok nelayan setempat, Darsono, mengatakan hasil tangkapan pertama cukup
menggembirakan. Ikan tongkol dan cumi mendominasi hasil tangkapan hari itu.</p>
<p>Badan cuaca memperkirakan laut tetap tenang hingga akhir pekan. (rh)</p>
</article><footer>Contoh</footer></body></html>
"""
PAGE_TITLE = "Nelayan Pantai Utara Kembali Melaut Setelah Cuaca Membaik"


class StepFailed(Exception):
    """A step of the check did not give what a user would get from a working bundle."""


def python_installations() -> list[Path]:
    """Folders and programs of the Python installations here (this one and the system's)."""
    found = {Path(sys.prefix), Path(sys.base_prefix)}
    for parent in ("/usr/lib", "/usr/local/lib"):
        found.update(Path(parent).glob("python3*"))
    for folder in ("/usr/bin", "/usr/local/bin"):
        found.update(Path(folder).glob("python3*"))
    return sorted(path for path in found if path.exists())


def hiding_python(command: list[str]) -> tuple[list[str], bool]:
    """`command` run with every Python installation covered, when this system allows it."""
    if not sys.platform.startswith("linux") or not (
        shutil.which("unshare") and shutil.which("mount")
    ):
        return command, False
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        return command, False  # no private mounts here (an unprivileged container)
    covers = [
        f"mount -t tmpfs none {shlex.quote(str(path))}"
        if path.is_dir()
        else f"mount --bind /dev/null {shlex.quote(str(path))}"
        for path in python_installations()
    ]
    script = " && ".join([*covers, 'exec "$0" "$@"'])
    return ["unshare", "-m", "sh", "-c", script, *command], True


def run(
    command: list[str], what: str, cwd: Path, hide: bool = True
) -> tuple[str, float, float, bool]:
    """Output, wall seconds and CPU seconds (the process tree's) of a step that must succeed."""
    wrapped, hidden = hiding_python(command) if hide else (command, False)
    started = time.perf_counter()
    process = subprocess.Popen(
        wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out, err = process.communicate(timeout=600)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise StepFailed(f"{what}: exit {process.returncode}\n{out}{err}".rstrip())
    return out, wall, _children_cpu(), hidden


_cpu_seen = [0.0]


def _children_cpu() -> float:
    """CPU seconds of the children waited for since the last call (resource: POSIX only)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = usage.ru_utime + usage.ru_stime
    spent, _cpu_seen[0] = total - _cpu_seen[0], total
    return spent


def size_of(folder: Path) -> str:
    if shutil.which("du"):
        du = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True, check=True)
        return du.stdout.split()[0]
    total = sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
    return f"{total / 2**20:.0f}M"


def source_modules() -> set[str]:
    """Every module of archive_app in the source tree (the migrations are files alembic
    reads from disk, checked apart)."""
    package = REPO / "src" / "archive_app"
    names = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if "migrations" not in parts:
            names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def check_modules(bundle: Path, program: Path) -> int:
    """Every module of archive_app is in the bundle's archive (the app imports many lazily,
    which PyInstaller's import scan cannot see) and the migrations are files beside it."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz")
    missing = sorted(source_modules() - set(archive.toc))
    if missing:
        raise StepFailed(f"modules missing from the bundle: {', '.join(missing)}")
    versions = REPO / "src/archive_app/db/migrations/versions"
    bundled = bundle / "_internal/archive_app/db/migrations/versions"
    absent = sorted(p.name for p in versions.glob("*.py") if not (bundled / p.name).is_file())
    if absent:
        raise StepFailed(f"{bundled}: migrations missing: {', '.join(absent)}")
    return len(source_modules())


def check_readers(program: Path, work: Path) -> None:
    """The readers the samples do not reach: a saved page (the HTML extractor) and a photo
    (decoded and thumbnailed with Pillow), each found in the library afterwards."""
    from PIL import Image

    page, photo = work / "nelayan.html", work / "dermaga.jpg"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    Image.new("RGB", (640, 400), (90, 120, 160)).save(photo, quality=85)
    library = work / "readers"
    run([str(program), "--library", str(library), "import", str(page), str(photo)], "import", work)
    shown = [
        json.loads(run([str(program), "--library", str(library), "show", n, "--json"], n, work)[0])
        for n in ("1", "2")
    ]
    by_title = {record["title"]: record for record in shown}
    if PAGE_TITLE not in by_title or by_title[PAGE_TITLE]["dateline_place"] != "Indramayu":
        raise StepFailed(f"the saved page was read as {shown[0]}")
    photos = [p for record in shown for p in record["photos"] if p.get("media_path")]
    if not photos or not (library / photos[0]["media_path"]).is_file():
        raise StepFailed(f"the photo was not archived: {shown}")


def check(bundle: Path) -> dict[str, object]:
    program = bundle / PROGRAM
    if not program.is_file():
        raise StepFailed(f"{program}: no such program; build the bundle first (make bundle)")
    figures: dict[str, object] = {"bundle": str(bundle), "size": size_of(bundle)}
    print(f"bundle {bundle}: {figures['size']}")
    print(f"every module of archive_app is in the bundle ({check_modules(bundle, program)})")
    with tempfile.TemporaryDirectory(prefix="arsip-bundle-test-") as scratch:
        work = Path(scratch)
        out, wall, cpu, hidden = run([str(program), "selftest", "--verbose"], "selftest", work)
        if out.splitlines()[-1:] != ["ok"]:
            raise StepFailed(f"selftest did not print ok:\n{out}")
        figures.update(
            selftest_s=round(wall, 2), selftest_cpu_s=round(cpu, 2), python_hidden=hidden
        )
        print(out.rstrip())
        print(f"selftest: {wall:.1f} s ({cpu:.1f} s CPU); Python installations hidden: {hidden}")
        # a rebuild of the index runs in spawned worker processes: in a frozen program each
        # worker starts the bundle's own executable again, which must become a worker
        library = work / "library"
        samples = bundle / "_internal/archive_app/resources/samples/arsip-samples.jsonl"
        run([str(program), "--library", str(library), "import", str(samples)], "import", work)
        run([str(program), "--library", str(library), "reindex"], "reindex (workers)", work)
        found, *_ = run(
            [str(program), "--library", str(library), "search", "diperbaiki", "--json"],
            "search after reindex",
            work,
        )
        if json.loads(found)["total"] != 1:
            raise StepFailed(f"search after reindex found {found}")
        print("import, reindex in worker processes, search: ok")
        check_readers(program, work)
        print("a saved web page and a photo (Pillow) imported: ok")
        # the window's own program (no console on Windows and macOS) is the same app
        window = bundle / WINDOW_PROGRAM
        version, *_ = run([str(window), "--version"], f"{window.name} --version", work)
        if not version.startswith("archive-app "):
            raise StepFailed(f"{window} --version printed {version!r}")
        walls, cpus = [], []
        for _ in range(STARTS):
            out, wall, cpu, _hidden = run(
                [str(program), "--version"], "--version", work, hide=False
            )
            walls.append(wall)
            cpus.append(cpu)
    figures.update(
        version_start_s=round(statistics.median(walls), 2),
        version_start_cpu_s=round(statistics.median(cpus), 2),
        load_average=round(os.getloadavg()[0], 1),
    )
    print(
        f"start (`archive-app --version`, median of {STARTS}): {figures['version_start_s']} s, "
        f"{figures['version_start_cpu_s']} s CPU (load average {figures['load_average']})"
    )
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, nargs="?", default=REPO / "build/bundle/dist/arsip")
    parser.add_argument("--json", type=Path, default=REPO / "bench-results" / "bundle.json")
    args = parser.parse_args()
    try:
        figures = check(args.bundle.resolve())
    except StepFailed as failure:
        print(f"bundle-test: {failure}", file=sys.stderr)
        return 1
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"bundle-test: ok (figures in {args.json})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
