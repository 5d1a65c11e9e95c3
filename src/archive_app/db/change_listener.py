"""A thread that LISTENs for the team catalogue's committed changes and wakes this desktop."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from archive_app.db.change_log import CHANNEL

log = logging.getLogger(__name__)
FIRST_RETRY = 0.5  # seconds before reconnecting after a network loss, doubled each failure
LAST_RETRY = 30.0
# an idle connection is asked SELECT 1 this often: a server gone quiet (a cable pulled) sends
# no error of its own, so the listener would wait for notifications that never come
PING_EVERY = 10.0
POLL = 0.5  # how long one wait for notifications lasts: how soon stop() is answered
# libpq's TCP keepalives, so a lost server is noticed between pings too
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "5", "keepalives_interval": "2"}


class ChangeListener:
    """Its own psycopg connection on the team catalogue, listening on arsip_changes.

    `wake` runs on the listener's thread: once on each (re)connection, since changes may have
    been made while it was away, and after each notification. A failure in either (the server
    gone) is logged, and the listener reconnects with a growing pause until stop()."""

    def __init__(self, params: Mapping[str, str], wake: Callable[[], object]) -> None:
        self._params = {**KEEPALIVES, "connect_timeout": "10", **params}
        self._params["application_name"] = "Arsip change listener"
        self._wake = wake
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="arsip-change-listener")
        self.connected = threading.Event()  # set while listening (tests and status read it)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop listening and wait for the thread (at most one wake and one poll)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        pause = FIRST_RETRY
        while not self._stop.is_set():
            try:
                self._listen()
                pause = FIRST_RETRY
            except Exception as error:  # the server or network gone: try again later
                self.connected.clear()
                log.warning("team change listener: %s; reconnecting in %.1f s", error, pause)
                self._stop.wait(pause)
                pause = min(pause * 2, LAST_RETRY)

    def _listen(self) -> None:
        import psycopg  # loaded with the listener only: most commands never follow a team
        from psycopg.conninfo import make_conninfo

        with psycopg.connect(make_conninfo(**self._params), autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.connected.set()
            self._wake()  # what changed while this desktop was not listening
            quiet_since = time.monotonic()
            while not self._stop.is_set():
                woken = False
                for _note in connection.notifies(timeout=POLL, stop_after=1):
                    woken = True
                if woken:
                    # the wake reads everything committed so far; notifications of it that
                    # queued meanwhile cost one more (empty) reading at most
                    self._wake()
                    quiet_since = time.monotonic()
                elif time.monotonic() - quiet_since > PING_EVERY:
                    connection.execute("SELECT 1")
                    quiet_since = time.monotonic()
        self.connected.clear()
