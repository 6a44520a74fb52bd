"""Output folders as transactions, stopping cleanly on signals, and spreadsheet-safe CSV.

A run's tables never land one by one in the folder the analyst reads:

- :func:`check_target` looks at ``--out`` *before* any work: a file, a read-only folder or a folder holding files
  arnews did not write is a one-line :class:`OutputError` (exit 2), not a traceback after minutes of extraction.
- :func:`transaction` locks the target (a second writer is refused with a message naming it), hands the run a
  fresh temporary folder *beside* the target (same file system), and only when the run succeeds swaps it in as
  one step (``renameat2(RENAME_EXCHANGE)`` on Linux; two renames elsewhere). An interrupted or failed run
  leaves the previous tables untouched and no temporary file behind.
- :func:`signals` turns SIGTERM into an exception, so ``finally`` blocks run (the temporary folder is removed and
  the worker processes are stopped, see :func:`stop_pool`); the command line ends SIGINT with one line and
  exit 130, SIGTERM with exit 143.
- :func:`spreadsheet_safe` neutralizes cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
  ``@``, tab, carriage return at the start) by prefixing ``'``; it is for the CSV files only: the text the
  offsets refer to is never changed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

#: written into every output folder arnews creates; a folder holding it may be replaced by the next run
MARKER = ".arnews-output"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(OSError):
    """An output folder that cannot be written; the message says which and what to do."""


class Terminated(BaseException):
    """Raised in the main process when SIGTERM arrives, so clean-up code runs (exit status 143)."""


def check_target(out: str | Path, *, replace_foreign: bool = False) -> Path:
    """Check that ``out`` can become an output folder; return it. Raises :class:`OutputError` if not.

    ``out`` may be missing (its nearest existing parent must be writable), empty, or a folder an earlier run
    wrote (it holds :data:`MARKER`). A folder holding other files is refused unless ``replace_foreign``.

    >>> check_target(tempfile.mkstemp(suffix="-تقرير.csv")[1])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    arnews.outdir.OutputError: ...-تقرير.csv: is a file, not a folder; give --out a folder (it is created if missing)
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file, not a folder; give --out a folder (it is created if missing)")
    parent = out.parent if out.exists() else next((p for p in out.absolute().parents if p.exists()), None)
    if parent is None or not parent.is_dir():
        raise OutputError(f"{out}: none of its parent folders exists; give --out a folder on this machine")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{out}: cannot write beside it in {parent} (read-only); choose another --out folder")
    if out.is_dir():
        if not os.access(out, os.W_OK | os.X_OK):
            raise OutputError(f"{out}: the folder is read-only; make it writable or choose another --out folder")
        names = {p.name for p in out.iterdir()}
        if names and not names & {MARKER, "manifest.json"} and not replace_foreign:
            shown = ", ".join(sorted(names)[:5]) + (" …" if len(names) > 5 else "")
            raise OutputError(f"{out}: holds files arnews did not write ({shown}); the folder is replaced as a "
                              "whole, so give an empty or new --out folder")
    return out


@contextlib.contextmanager
def lock(folder: str | Path, lock_file: str | Path | None = None, *, wait: bool = False) -> Iterator[Path]:
    """Hold an exclusive lock on ``folder`` (``lock_file``, by default ``.NAME.lock`` beside it); refuse a
    second writer with :class:`OutputError` (or, with ``wait``, wait for the first to finish).

    >>> with lock(Path(tempfile.mkdtemp()) / "تقارير") as held: held.name
    '.تقارير.lock'
    """
    import fcntl

    folder = Path(folder)
    path = Path(lock_file) if lock_file else folder.parent / f".{folder.name}.lock"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise OutputError(f"{folder}: cannot create the lock file {path.name} ({e.strerror}); "
                          "choose a writable --out folder") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            raise OutputError(f"{folder}: another arnews run (process {holder or '?'}) is writing to this folder; "
                              "wait for it to finish or choose another --out folder") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing releases the lock; the (empty) lock file stays, harmless and reused


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(new: Path, target: Path) -> None:
    """Put folder ``new`` at ``target`` in one step; the previous ``target`` (if any) is removed afterwards."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the previous run
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.old-"))
    os.rename(target, old / "previous")
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def transaction(out: str | Path, *, keep_hidden: bool = True, replace_foreign: bool = False,
                locked: bool = True, wait: bool = False) -> Iterator[Path]:
    """A fresh folder to write a run's output into, swapped in at ``out`` when the block succeeds.

    The target is locked for the whole run. On any exception (including SIGINT and SIGTERM) the fresh folder is
    deleted and ``out`` is left as it was. ``keep_hidden`` carries hidden files of the old folder (``.gitkeep``)
    over to the new one. ``locked=False`` when the caller already holds a lock covering ``out``.

    >>> base = Path(tempfile.mkdtemp())
    >>> with transaction(base / "جداول") as tmp: _ = (tmp / "a.csv").write_text("x")
    >>> sorted(p.name for p in (base / "جداول").iterdir())
    ['.arnews-output', 'a.csv']
    """
    out = check_target(out, replace_foreign=replace_foreign)
    with lock(out, wait=wait) if locked else contextlib.nullcontext():
        try:
            tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.tmp-"))
        except OSError as e:
            raise OutputError(f"{out}: cannot create a folder beside it ({e.strerror}); choose a writable --out "
                              "folder") from None
        try:
            (tmp / MARKER).write_text("written by arnews; this folder is replaced as a whole by the next run\n",
                                      encoding="utf-8")
            yield tmp
            if keep_hidden and out.is_dir():
                for p in out.iterdir():
                    if p.name.startswith(".") and p.name != MARKER and p.is_file() and not (tmp / p.name).exists():
                        shutil.copy2(p, tmp / p.name)
            tmp.chmod(0o755 & ~_umask())
            swap_in(tmp, out)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- signals and worker processes ----------------------------------------------------------------------


def _raise_terminated(signum, frame) -> None:
    raise Terminated()


@contextlib.contextmanager
def signals() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` (so ``finally`` blocks and pool shutdown run)."""
    try:
        previous = signal.signal(signal.SIGTERM, _raise_terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def ignore_interrupts() -> None:
    """Initializer for worker processes: SIGINT goes to the main process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def stop_pool(pool, *, abort: bool) -> None:
    """Shut a ``ProcessPoolExecutor`` down; when ``abort``, terminate its workers instead of waiting for them."""
    if not abort:
        pool.shutdown()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        with contextlib.suppress(Exception):
            p.terminate()
    for p in processes:
        with contextlib.suppress(Exception):
            p.join(timeout=5)


# --- spreadsheets ----------------------------------------------------------------------------------------


def neutralize(value: object) -> object:
    """A cell a spreadsheet would run as a formula, prefixed with ``'``; anything else unchanged.

    >>> neutralize("=HYPERLINK(\\"http://x\\")"), neutralize("-سلام"), neutralize("سلام"), neutralize(-3)
    ('\\'=HYPERLINK("http://x")', "'-سلام", 'سلام', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text cell passed through :func:`neutralize` (numbers and dates untouched).

    >>> spreadsheet_safe(pd.DataFrame({"outlet": ["@عكاظ", "الرياض"], "start": [0, 5]})).outlet.tolist()
    ["'@عكاظ", 'الرياض']
    """
    out = df.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.StringDtype):  # text only: the cells to change, found at once
            risky = out[col].str.startswith(_FORMULA_START).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                out.loc[risky, col] = "'" + out.loc[risky, col]
        elif out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralize)
    return out


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a table as a spreadsheet-safe UTF-8 CSV (dates as ``YYYY-MM-DD``)."""
    spreadsheet_safe(df).to_csv(path, index=False, encoding="utf-8", date_format="%Y-%m-%d")

