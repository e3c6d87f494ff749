"""Peak resident memory of this process and every process under it (sampled)."""

from __future__ import annotations

import os
import threading
import time

import psutil


class PeakRSS:
    """Sample RSS of this process and its descendants; peak per pid, in MB.

    Descendants include pool workers started through a forkserver and Dask
    worker processes, which `getrusage` never sees.
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process(os.getpid())
        while not self._stop.is_set():
            self._sample(me)
            time.sleep(self.interval)
        self._sample(me)

    def _sample(self, me: psutil.Process) -> None:
        try:
            processes = [me] + me.children(recursive=True)
        except psutil.Error:
            return
        for process in processes:
            try:
                rss = process.memory_info().rss / 2**20
                self.names.setdefault(process.pid, " ".join(process.cmdline()[-2:])[-40:])
            except psutil.Error:
                continue
            self.peaks[process.pid] = max(self.peaks.get(process.pid, 0.0), rss)

    @property
    def main(self) -> float:
        return self.peaks.get(os.getpid(), 0.0)

    def workers(self, min_mb: float = 150.0) -> list[float]:
        """Peaks of the descendants that loaded a model (helpers such as a forkserver are small)."""
        return sorted(v for pid, v in self.peaks.items() if pid != os.getpid() and v >= min_mb)
