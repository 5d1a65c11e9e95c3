"""Two desktops on one team library, side by side: an edit typed in one is found in the other,
then both edit one article and the second to save meets the conflict dialog.

A throwaway PostgreSQL cluster holds the catalogue (a few corpus articles); Ana and Budi are
two database users, each running `archive-app gui` as a process of their own with their own
user data folder (their own index of the catalogue), side by side on an Xvfb screen of their
own, wide enough for two windows. The windows are driven only by key presses sent with
xdotool (as a person types), and a helper process grabs the screen. Run by
`make screenshots ARGS="--only team"`, or alone: `python -m scripts.screenshots.team_windows`.
ARSIP_TEAM_STEPS=1 also saves a picture after each step (team-step-*.png), to see where the
keys went if a shot comes out wrong.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.pg_cluster import Cluster, throwaway_cluster

DATABASE = "newsroom"
SUPERUSER = "arsip_admin"
SEED = Path("seed") / "jpnn-world-water-forum-2024.txt"
PAGES = "html_id"  # a few saved Indonesian web pages beside the seed
SEED_QUERY = '"world water forum"'
ANA_TITLE = "Forum Air Dunia 2024: Kominfo Gandeng Humas 30 Kementerian"
ANA_QUERY = '"forum air dunia"'
ANA_SECOND = "Forum Air Dunia 2024 di Bali: Humas Kementerian Bersatu"
BUDI_TITLE = "Kominfo Ajak Humas Kementerian Gaungkan Forum Air Dunia"
WINDOW = (1200, 860)  # each person's window; the screen holds two side by side


def _xdotool(*args: str, timeout: float = 60) -> str:
    """xdotool on the team screen (DISPLAY is set for this process while the shots run)."""
    done = subprocess.run(
        ["xdotool", *args], check=True, capture_output=True, text=True, timeout=timeout
    )
    return done.stdout.strip()


@dataclass
class Desktop:
    """One person's `archive-app gui` process, its window placed at `x`."""

    name: str
    process: subprocess.Popen[bytes]
    window: str = ""

    def find(self, title: str) -> str:
        """The visible window of this process whose title matches `title` (a regex)."""
        found = _xdotool(
            # --all: every condition (xdotool's default is any one of them)
            *("search", "--sync", "--all", "--onlyvisible"),
            *("--pid", str(self.process.pid), "--name", title),
        )
        return found.splitlines()[-1]

    def place(self, x: int) -> None:
        """No window manager runs: the window is moved and sized by hand, again until it
        stays (the window sets its own size while it is first shown)."""
        self.window = self.find("^Arsip")
        wanted = f"Position: {x},0 (screen: 0)\n  Geometry: {WINDOW[0]}x{WINDOW[1]}"
        for _attempt in range(20):
            size = map(str, WINDOW)
            _xdotool("windowsize", self.window, *size, "windowmove", self.window, str(x), "0")
            time.sleep(1)
            if wanted in _xdotool("getwindowgeometry", self.window):
                return
        raise SystemExit(f"team screenshots: {self.name}'s window would not move to x={x}")

    def keys(self, *keys: str, window: str | None = None) -> None:
        """Key presses into `window` (the main window by default), as a person types them."""
        _xdotool(
            "windowfocus", window or self.window, "sleep", "0.3", "key", "--delay", "150", *keys
        )
        time.sleep(0.5)

    def type(self, text: str, window: str | None = None) -> None:
        _xdotool("windowfocus", window or self.window, "type", "--delay", "40", "--", text)
        time.sleep(0.5)

    def search(self, query: str) -> None:
        self.keys("ctrl+l", "ctrl+a")
        self.type(query)
        self.keys("Return")
        time.sleep(2)

    def read_first(self) -> None:
        """Tab from the search box (past the cheat sheet button and the sort) into the results,
        the first one, Enter to read it."""
        self.keys("ctrl+l", "Tab", "Tab", "Tab", "ctrl+Home", "Return")
        time.sleep(2)

    def find_editor(self) -> str:
        """Ctrl+E on the article read: the editor's window."""
        self.keys("ctrl+e")
        editor = self.find("^Edit ")
        time.sleep(1)
        return editor

    def start_editing(self, title: str) -> str:
        """Ctrl+E on the article read, Tab to its title, typed over; the editor's window."""
        editor = self.find_editor()
        self.keys("Tab", "ctrl+a", window=editor)
        self.type(title, window=editor)
        return editor


@contextmanager
def _display(display: str) -> Iterator[None]:
    """xdotool's DISPLAY while the shots run; the caller's again afterwards."""
    before = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = display
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = before


def _cli(address: str, home: Path, *args: str) -> None:
    """An `archive-app` command on the team library, from a desktop whose data is in `home`."""
    env = dict(os.environ, XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    command = [sys.executable, "-m", "archive_app", "--library", address, *args]
    print("running archive-app", *command[3:])
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)


@contextmanager
def _screen(width: int, height: int) -> Iterator[str]:
    """An Xvfb screen of its own (a free display number, which Xvfb writes to a pipe)."""
    reading, writing = os.pipe()
    command = ["Xvfb", "-displayfd", str(writing), "-screen", "0", f"{width}x{height}x24"]
    server = subprocess.Popen(
        [*command, "-nolisten", "tcp"], pass_fds=(writing,), stderr=subprocess.DEVNULL
    )
    os.close(writing)
    with os.fdopen(reading) as pipe:
        number = pipe.readline().strip()
    try:
        if not number:
            raise SystemExit("team screenshots: Xvfb did not start (make system-libs-window)")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait()


def _grab(display: str, out: Path, name: str, captions: Sequence[str]) -> Path:
    """The whole screen, grabbed by a helper process on it, below a caption per window."""
    path = out / f"{name}.png"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    helper = [sys.executable, "-m", "scripts.screenshots.screen_grab", str(path), *captions]
    subprocess.run(helper, check=True, env=env)
    print("saved", path)
    return path


@contextmanager
def _gui(name: str, address: str, home: Path, display: str) -> Iterator[Desktop]:
    """`archive-app gui` for one person; closed (and waited for) at the end."""
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
    )
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "gui.log").open("wb")
    command = [sys.executable, "-m", "archive_app", "--library", address, "gui"]
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield Desktop(name, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for(condition: Callable[[], bool], what: str, within: float = 30) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"team screenshots: never happened: {what}")
        time.sleep(0.25)


def _title(cluster: Cluster, article_id: int) -> str:
    """The article's title in the catalogue, read as the administrator."""
    with cluster.connect(DATABASE) as c:
        row = c.execute("SELECT title FROM articles WHERE id = %s", (article_id,)).fetchone()
    return str(row[0]) if row else ""


def _seed_id(cluster: Cluster) -> int:
    with cluster.connect(DATABASE) as c:
        row = c.execute(
            "SELECT id FROM articles WHERE title ILIKE '%world water forum%'"
        ).fetchone()
    if row is None:
        raise SystemExit("team screenshots: the seed article was not imported")
    return int(row[0])


def team_shots(out: Path, corpus: Path) -> list[Path]:
    """45-team-edit-followed, 46-team-conflict and 47-team-history (PNG; needs Xvfb, xdotool
    and PostgreSQL)."""
    saved: list[Path] = []
    steps = iter(range(100))

    def step(what: str) -> None:  # a picture of each step, to see where the keys went astray
        if os.environ.get("ARSIP_TEAM_STEPS"):
            _grab(display, out, f"team-step-{next(steps):02d}-{what}", captions)

    with (
        throwaway_cluster(SUPERUSER, "arsip-shots-pg-") as cluster,
        tempfile.TemporaryDirectory() as scratch,
        _screen(WINDOW[0] * 2, WINDOW[1]) as display,
        _display(display),
    ):
        root = Path(scratch)
        admin = cluster.create_database(DATABASE)
        _cli(admin, root / "admin", "team", "upgrade")
        pages = sorted((corpus / PAGES).glob("*.html"))
        _cli(admin, root / "admin", "import", str(corpus / SEED), *map(str, pages))
        for person in ("ana", "budi"):
            cluster.admin(f"CREATE ROLE {person} LOGIN")
            _cli(admin, root / "admin", "team", "grant", person, "cataloguer")
        seed = _seed_id(cluster)
        ana_address = cluster.url(DATABASE, "ana")
        budi_address = cluster.url(DATABASE, "budi")
        captions = [
            f"Ana's desktop: {ana_address.removeprefix('postgresql://')}",
            f"Budi's desktop: {budi_address.removeprefix('postgresql://')}",
        ]
        with (
            _gui("ana", ana_address, root / "ana", display) as ana,
            _gui("budi", budi_address, root / "budi", display) as budi,
        ):
            ana.place(0)
            budi.place(WINDOW[0])
            time.sleep(8)  # each new desktop builds its own index of the catalogue
            step("started")
            budi.search(SEED_QUERY)
            step("budi-searched")
            budi.read_first()  # Budi reads the seed article as it is now
            step("budi-reads")

            # Ana retitles it, by the keyboard alone: search, read, Ctrl+E, the title, Enter
            ana.search(SEED_QUERY)
            step("ana-searched")
            ana.read_first()
            step("ana-reads")
            editor = ana.start_editing(ANA_TITLE)
            step("ana-edits")
            ana.keys("Return", window=editor)
            step("ana-saved")
            _wait_for(lambda: _title(cluster, seed) == ANA_TITLE, "Ana's title saved")
            time.sleep(3)  # Budi's desktop follows the change log (NOTIFY)
            budi.search(ANA_QUERY)
            budi.read_first()
            saved.append(_grab(display, out, "45-team-edit-followed", captions))

            # both edit the article: Budi's editor is open when Ana saves another title
            budi_editor = budi.start_editing(BUDI_TITLE)
            editor = ana.start_editing(ANA_SECOND)
            ana.keys("Return", window=editor)
            _wait_for(lambda: _title(cluster, seed) == ANA_SECOND, "Ana's second title saved")
            budi.keys("Return", window=budi_editor)
            conflict = budi.find("changed meanwhile")
            time.sleep(2)
            saved.append(_grab(display, out, "46-team-conflict", captions))

            # Budi keeps his title; Ana's editor's History names who made each change
            budi.keys("Return", window=conflict)
            _wait_for(lambda: _title(cluster, seed) == BUDI_TITLE, "Budi's title saved")
            time.sleep(3)
            editor = ana.find_editor()
            ana.keys("ctrl+shift+Tab", window=editor)  # from the first tab back to History
            time.sleep(2)
            saved.append(_grab(display, out, "47-team-history", captions))
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    from scripts.screenshots.__main__ import CORPUS, REPO

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    saved = team_shots(args.out, args.corpus)
    print(f"{len(saved)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
