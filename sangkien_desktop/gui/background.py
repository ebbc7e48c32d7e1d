"""Read-only queries off the GUI thread, the latest request winning (search as you type).

``BackgroundQuery.submit(work)`` runs ``work()`` in the thread pool and returns the request's
generation number. Only the result of the newest request is delivered (``finished`` or
``failed``, on the GUI thread); an older one still running is dropped when it ends, and one
not started yet is skipped. ``work`` must open its own session (``db.reader()``) in the worker
and must not touch Qt objects: it gets no widget, only plain values.

SQLite connections do not cross threads here: each ``db.reader()`` checks a connection out of
the engine's pool for the worker and returns it when the block ends (SQLAlchemy's file-SQLite
pool is a QueuePool with ``check_same_thread`` off, so a connection may be reused later by
another thread, never by two at once).

Closing: ``shutdown()`` drops every pending result and waits for the query still running
(at most one query's time); it runs by itself when the object is destroyed and when the
application quits, so deleting a window while a query is in flight is safe.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

# Longest wait for a running query on shutdown; a query never takes this long on a sane
# database, and if one does the process must still be able to end.
SHUTDOWN_WAIT_S = 10.0
# Queries have threads of their own: they never wait behind a long export in run_task's pool.
QUERY_THREADS = 2
_pool: QThreadPool | None = None


def _query_pool() -> QThreadPool:
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(QUERY_THREADS)
    return _pool


class _State:
    """What the GUI thread and the workers share: plain Python, never a Qt object, so a worker
    finishing after its BackgroundQuery was deleted touches nothing deleted."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation = 0
        self.running: set[threading.Event] = set()

    def latest(self, generation: int) -> bool:
        with self.lock:
            return generation == self.generation

    def drop_and_wait(self, timeout: float = SHUTDOWN_WAIT_S) -> bool:
        """Drop every pending result, then wait for the running work; True when none is left."""
        with self.lock:
            self.generation += 1
            running = list(self.running)
        return all(event.wait(timeout) for event in running)


class _Delivery(QObject):
    """Carries one job's result to the GUI thread (queued: it is emitted in the worker)."""

    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, state: _State, generation: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.state = state
        self.generation = generation
        self.work = work
        self.delivery = _Delivery()
        self.ended = threading.Event()
        with state.lock:
            state.running.add(self.ended)

    def run(self) -> None:
        try:
            if not self.state.latest(self.generation):
                return  # superseded before it started: not worth running
            try:
                result = self.work()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
                if self.state.latest(self.generation):
                    self.delivery.failed.emit(self.generation, exc)
            else:
                if self.state.latest(self.generation):
                    self.delivery.done.emit(self.generation, result)
        finally:
            self.work = None  # type: ignore[assignment]
            with self.state.lock:
                self.state.running.discard(self.ended)
            self.ended.set()


class BackgroundQuery(QObject):
    """One stream of requests whose newest result counts (e.g. a list's id query)."""

    finished = Signal(object)  # the newest request's result
    failed = Signal(object)  # the exception the newest request raised
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = _State()
        self._busy = False
        state = self._state
        app = QCoreApplication.instance()
        quitting = app.aboutToQuit.connect(state.drop_and_wait) if app is not None else None

        # A plain function holding only the shared state: it runs while this object is being
        # destroyed, when its Python methods can no longer be called.
        def destroyed(*_args: object) -> None:
            if quitting is not None:
                QObject.disconnect(quitting)
            state.drop_and_wait()

        self.destroyed.connect(destroyed)

    @property
    def busy(self) -> bool:
        """Whether the newest request is still running."""
        return self._busy

    @property
    def generation(self) -> int:
        """The newest request's number."""
        return self._state.generation

    @property
    def running(self) -> int:
        """How many requests are still running or waiting for a thread, stale ones included."""
        with self._state.lock:
            return len(self._state.running)

    def submit(self, work: Callable[[], Any]) -> int:
        """Run ``work()`` in a worker thread; returns this request's generation number."""
        with self._state.lock:
            self._state.generation += 1
            generation = self._state.generation
        job = _Job(self._state, generation, work)
        connection = Qt.ConnectionType.QueuedConnection
        job.delivery.done.connect(self._done, connection)
        job.delivery.failed.connect(self._failed, connection)
        self._set_busy(True)
        _query_pool().start(job)
        return generation

    def cancel(self) -> None:
        """Drop the result of every request made so far (e.g. the rows were loaded directly)."""
        with self._state.lock:
            self._state.generation += 1
        self._set_busy(False)

    def shutdown(self) -> bool:
        """Drop every result and wait for the running query; True when nothing runs any more."""
        self._set_busy(False)
        return self._state.drop_and_wait()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _done(self, generation: int, result: object) -> None:
        if generation == self._state.generation:  # a newer request may have come since
            self._set_busy(False)
            self.finished.emit(result)

    def _failed(self, generation: int, exc: object) -> None:
        if generation == self._state.generation:
            self._set_busy(False)
            self.failed.emit(exc)
