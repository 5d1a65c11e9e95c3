"""Faults for the test cluster: restart the server, or cut one desktop's network to it."""

from __future__ import annotations

import contextlib
import socket
import threading

from tests.postgres_server import PostgresServer


def restart_server(server: PostgresServer) -> None:
    """Restart the cluster as an administrator would: a fast stop ends every session (the
    transactions open in them are rolled back), then it starts again with the options it
    ran with (pg_ctl keeps them in postmaster.opts), on the same port."""
    log = str(server.cluster.root / "log")
    server.cluster.pg_ctl("restart", "-w", "-m", "fast", "-l", log)


class Cable:
    """One desktop's network to the server: a TCP forwarder on a port of its own. cut() drops
    every connection through it and refuses new ones (as a pulled cable or a dead VPN does);
    mend() lets them through again."""

    def __init__(self, port: int) -> None:
        self.target = port
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._open = threading.Event()
        self._open.set()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def address(self, server_url: str) -> str:
        """The server's address with this cable's port in place of the server's."""
        return server_url.replace(f":{self.target}/", f":{self.port}/")

    def cut(self) -> None:
        self._open.clear()
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def mend(self) -> None:
        self._open.set()

    def close(self) -> None:
        self.cut()
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:  # closed
                return
            if not self._open.is_set():
                client.close()  # the cable is out: the connection ends at once
                continue
            server = socket.create_connection(("127.0.0.1", self.target))
            with self._lock:
                self._pairs.append((client, server))
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=_pump, args=(source, sink), daemon=True).start()


def _pump(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while data := source.recv(65536):
            sink.sendall(data)
    for end in (source, sink):
        with contextlib.suppress(OSError):
            end.shutdown(socket.SHUT_RDWR)
