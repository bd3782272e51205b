"""All YAML reading and writing, in one place.

The answers file belongs to the officer: it is loaded and saved with
ruamel.yaml's round-trip mode so comments, key order and quoting survive,
and a load followed by a save with no edits gives back the same bytes.
Every failure becomes an :class:`InputError` naming the file and line.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tipreport.errors import InputError, UsageError

T = TypeVar("T")

_MAX_BYTES = 20 * 1024 * 1024  # an answers file is ~200 KB; refuse absurd input early


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap long plain scalars: that would break byte-identity
    y.indent(mapping=2, sequence=4, offset=2)
    y.allow_duplicate_keys = False
    return y


def read_text(path: str | Path) -> str:
    """Read a UTF-8 text file, turning every OS or decoding failure into one line."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > _MAX_BYTES:
        raise InputError(p, f"file is too large ({len(data)} bytes; limit {_MAX_BYTES})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(p, f"not UTF-8 text (byte 0x{data[exc.start]:02x})", line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


_NODE_PROPERTY = re.compile(r"(?:^|[\s\[{,])[&*](?=[^\s,\[\]{}])", re.MULTILINE)


def _reject_aliases(text: str, path: str | Path) -> None:
    """Refuse anchors/aliases: answers never need them, and they enable 'billion laughs'."""
    if not _NODE_PROPERTY.search(text):  # "R&D" in an answer is text, not an anchor
        return
    from ruamel.yaml import YAML
    from ruamel.yaml.events import AliasEvent

    try:  # libyaml's events: the scan costs a C parse, not a Python one
        for event in YAML(typ="safe", pure=False).parse(text):
            if isinstance(event, AliasEvent):
                mark = event.start_mark
                raise InputError(
                    path,
                    "YAML aliases (*name) are not allowed in tipreport files",
                    mark.line + 1,
                    mark.column + 1,
                )
    except InputError:
        raise
    except Exception:  # noqa: BLE001 - the real load below reports syntax errors
        return


MAX_DEPTH = 100  # tipreport's files nest four levels; the C reader overflows its stack near 30,000
MAX_INDENT = 400  # columns: a ladder of indentation nests as deep as brackets do
_BRACKET = re.compile(r"[\[\]{}]")
# "- - - - x" or "? ? ? x": block collections opened one inside another on one line
_COMPACT = re.compile(rf"^[ \t]*+(?:[-?:][ \t]++){{{MAX_DEPTH},}}", re.MULTILINE)
_LADDER = re.compile(rf"^[ \t]{{{MAX_INDENT},}}\S", re.MULTILINE)


MAX_LINE_CHARS = 100_000  # one paragraph a line: the longest real one is under 5,000
MAX_ITEMS = 50_000  # lines plus flow items: the largest real answers file has 1,600; 1 MB of answers, 15,000


_DIRECTIVE = re.compile(r"^%.*", re.MULTILINE)


def _reject_directives(text: str, path: str | Path) -> None:
    """One "%YAML 1.1" or "%YAML 1.2" line is read; any other directive (another version,
    a second %YAML, %TAG) is refused here, where ruamel would fail on an assertion."""
    seen = 0
    for m in _DIRECTIVE.finditer(text):
        seen += 1
        if seen > 1 or not re.fullmatch(r"%YAML[ \t]+1\.[12][ \t]*", m.group()):
            raise InputError(path, "a YAML directive tipreport does not read (one '%YAML 1.1' or "
                             "'%YAML 1.2' at most)", text.count("\n", 0, m.start()) + 1, 1)


def _reject_deep_nesting(text: str, path: str | Path) -> None:
    """Nesting past MAX_DEPTH is refused before any parser sees it: the C reader would
    overflow its stack (a crash, no message), the pure-Python one take minutes. Brackets,
    compact block indicators and indentation are each counted in one linear scan."""
    items = sum(map(text.count, ("\n", ",", "[", "{", "- ", "? ")))
    if items > MAX_ITEMS:
        raise InputError(path, f"too many lines and items for an answers or questionnaire file "
                         f"(about {items:,}; a real one has a few thousand)")
    longest = max(map(len, text.split("\n")), default=0) if len(text) > MAX_LINE_CHARS else 0
    if longest > MAX_LINE_CHARS:
        raise InputError(path, f"a line of {longest:,} characters; the longest line of a real answers "
                         f"file is a few thousand (at most {MAX_LINE_CHARS:,})")
    for rx, what in ((_COMPACT, f"block collections nested more than {MAX_DEPTH} levels deep"),
                     (_LADDER, f"a line indented more than {MAX_INDENT} columns")):
        m = rx.search(text)
        if m:
            raise InputError(path, f"{what}; an answers or questionnaire file nests a few levels",
                             text.count("\n", 0, m.start()) + 1)
    depth = 0
    for m in _BRACKET.finditer(text):
        if m.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                raise InputError(path, f"brackets nested more than {MAX_DEPTH} levels deep; "
                                 "an answers or questionnaire file nests a few levels", line)
        elif depth:
            depth -= 1


def loads(text: str, path: str | Path = "<string>") -> Any:
    """Parse YAML text; a top-level mapping is required."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if not text.strip():
        raise InputError(path, "file is empty (expected a YAML mapping)")
    _reject_deep_nesting(text, path)  # first: the alias scan below parses, in Python
    _reject_aliases(text, path)
    _reject_directives(text, path)
    try:
        with warnings.catch_warnings():  # ruamel warns (ReusedAnchorWarning) on stderr
            warnings.simplefilter("ignore")
            data = _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in problem or "found duplicate key" in str(exc):
            problem = _duplicate_message(exc)
        if mark is not None:
            raise InputError(path, problem, mark.line + 1, mark.column + 1) from None
        raise InputError(path, problem) from None
    except YAMLError as exc:
        line, col = _reader_position(text, exc)
        raise InputError(path, f"invalid YAML: {str(exc).splitlines()[0]}", line, col) from None
    except RecursionError:
        raise InputError(path, "YAML is nested too deeply") from None
    except ValueError as exc:  # a number past Python's 4,300-digit limit, a bad date
        problem = ("a number with more than 4,300 digits" if "digits" in str(exc)
                   else f"invalid value: {str(exc).splitlines()[0]}")
        raise InputError(path, problem) from None
    except TypeError:  # a mapping or list used as a key: "? {a: [b]}"
        raise InputError(path, "a key is a mapping or a list; keys in tipreport files are "
                         "plain text") from None
    except (KeyError, AttributeError, IndexError, OverflowError) as exc:  # "!!bool maybe", ...
        raise InputError(path, f"a value its YAML tag cannot hold ({type(exc).__name__}); "
                         "tipreport files use no tags") from None
    return _mapping(data, path)


def _mapping(data: Any, path: str | Path) -> dict:
    """The top level must be a mapping (said at once: no second parse is needed to say so)."""
    if data is None:
        raise InputError(path, "file holds no data (expected a YAML mapping)")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a {type(data).__name__}"
        raise InputError(path, f"top level is {kind}; expected a mapping", 1, 1)
    return data


def _reader_position(text: str, exc: Exception) -> tuple[int | None, int | None]:
    """ruamel's ReaderError (a bad character) gives an offset, not a line: turn it into one."""
    pos = getattr(exc, "position", None)
    if not isinstance(pos, int) or pos < 0:
        return None, None
    before = text[:pos]
    return before.count("\n") + 1, pos - (before.rfind("\n") + 1) + 1


def _say_duplicate(exc: Exception, path: str | Path) -> None:
    """A duplicate key libyaml's reading found is said at once, with its line: the round-trip
    parser would say the same, only slower (seconds, on a large file)."""
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and "duplicate key" in str(exc):
        raise InputError(path, _duplicate_message(exc), mark.line + 1, mark.column + 1) from None


def _duplicate_message(exc: Exception) -> str:
    text = str(exc)
    for line in text.splitlines():
        if "found duplicate key" in line:
            return line.strip().rstrip(".") + " (each key may appear once)"
    return "duplicate key"


def load(path: str | Path) -> Any:
    """Read and parse a YAML file into round-trip data (comments kept)."""
    return loads(read_text(path), path)


def loads_fast(text: str, path: str | Path = "<string>") -> Any:
    """Parse for reading only: plain dicts from libyaml, about 9x faster than round-trip.

    No comments and no line numbers are kept, so any problem (syntax or, via
    ``validate``, content) is reported by re-reading with :func:`loads`, which
    knows the lines. Valid files, the common case, pay only the fast parse.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if _needs_care(text):
        return loads(text, path)
    _reject_deep_nesting(text, path)
    _reject_aliases(text, path)  # libyaml would expand them: refused first (billion laughs)
    try:
        data = YAML(typ="safe", pure=False).load(text)
    except YAMLError as exc:
        _say_duplicate(exc, path)
        return loads(text, path)
    except (RecursionError, ValueError, TypeError):
        return loads(text, path)
    return data if isinstance(data, dict) else _mapping(data, path)


# What libyaml reads differently from ruamel's round-trip parser, or what only
# the careful path reports well: empty text, anchors and aliases, tabs (libyaml
# takes "key:<tab>value", ruamel refuses it, and an editing command would then
# fail on a file check passed), directives (%YAML 1.1 reads "yes" as true)
# and explicit tags (!!set, !!binary). An anchor, alias or tag only starts a node: after a
# space, a flow indicator or at a line's start; "R&D" or "AT&T" in an answer is text.
_CAREFUL = re.compile(r"\t|^%|(?:^|[\s\[{,])!(?=\S)", re.MULTILINE)


def _needs_care(text: str) -> bool:
    return not text.strip() or _CAREFUL.search(text) is not None


def loads_lines(text: str, path: str | Path = "<string>") -> Any:
    """Parse for reading with line numbers: libyaml parses, ruamel's containers hold the result.

    The tree has the shape, scalar types and line/column records (``lc``) that
    :func:`loads` gives, without comments, in a ninth of the time: for a
    command that reports lines but never saves (check). One difference: an
    empty value (``2E:`` with nothing after it) is placed on its key's line,
    where ruamel places it at the next token. Anything unusual (see
    _CAREFUL; duplicate, complex or merge keys; a comment-only file; a syntax
    error) goes to :func:`loads`, which reads it or says what is wrong.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if _needs_care(text):
        return loads(text, path)
    _reject_deep_nesting(text, path)
    _reject_aliases(text, path)
    yaml = YAML(typ="safe", pure=False)
    try:
        node = yaml.compose(text)
        data = None if node is None else _with_lines(node, yaml.constructor)
    except YAMLError as exc:
        _say_duplicate(exc, path)
        return loads(text, path)
    except (RecursionError, ValueError, TypeError, _Unusual):
        return loads(text, path)
    return data if isinstance(data, dict) else _mapping(data, path)


class _Unusual(Exception):
    """A construct loads_lines leaves to the round-trip loader."""


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


def _with_lines(node: Any, constructor: Any) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if isinstance(node, ScalarNode):
        value = node.value if node.tag == _STR_TAG else constructor.construct_object(node)
        if not isinstance(value, str) or node.style not in ("|", ">"):
            return value
        return LiteralScalarString(value) if node.style == "|" else FoldedScalarString(value)
    mark = node.start_mark
    if node.tag not in (_SEQ_TAG, _MAP_TAG):
        raise _Unusual(node.tag)  # !!set, !!omap and the like
    if isinstance(node, SequenceNode):
        seq = CommentedSeq()
        seq._yaml_set_line_col(mark.line, mark.column)
        for k, child in enumerate(node.value):
            seq.append(_with_lines(child, constructor))
            seq._yaml_set_idx_line_col(k, [child.start_mark.line, child.start_mark.column])
        return seq
    if not isinstance(node, MappingNode):
        raise _Unusual(type(node).__name__)
    out = CommentedMap()
    out._yaml_set_line_col(mark.line, mark.column)
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            raise _Unusual("complex or merge key")
        key = _with_lines(key_node, constructor)
        if key in out:
            raise _Unusual("duplicate key")  # loads() names both lines
        out[key] = _with_lines(value_node, constructor)
        out._yaml_set_kv_line_col(key, [key_node.start_mark.line, key_node.start_mark.column,
                                        value_node.start_mark.line, value_node.start_mark.column])
    return out


def load_validated(path: str | Path, validate: Callable[[Any], T], *, fast: bool,
                   lines: bool = False) -> tuple[T, str]:
    """Read, parse and validate a file; with ``fast`` a failure is re-validated on round-trip
    data so the error names its line. ``lines`` (with ``fast``): the fast parse keeps line
    numbers (:func:`loads_lines`). Returns the validated value and the file's text."""
    text = read_text(path)
    if not fast:
        return validate(loads(text, path)), text
    data = (loads_lines if lines else loads_fast)(text, path)  # what it refuses stays refused
    try:
        return validate(data), text
    except InputError:  # said again from a tree that knows every line (libyaml's, with lines)
        if lines:
            raise
        return validate(loads_lines(text, path)), text


def dumps(data: Any) -> str:
    """Serialise round-trip data with the project's fixed layout.

    ruamel's emitter looks at every character of a scalar in Python, twice: most of the
    time of writing an imported cable's answers. Long literal blocks whose text needs no
    care (printable, no tabs or trailing spaces, one final newline) are therefore emitted
    as a one-line stand-in and spliced in afterwards at the indentation ruamel gave the
    stand-in: the same bytes (tests compare both ways on every real cable), in a fraction
    of the time. Nothing in ``data`` is changed once this returns.
    """
    import io

    swaps: list[tuple[Any, Any, Any, str]] = []
    _stand_ins(data, swaps)
    buf = io.StringIO()
    try:
        _yaml().dump(data, buf)
    finally:
        for container, key, value, _ in swaps:
            container[key] = value
    text = buf.getvalue()
    if any(text.count(token) != 1 for *_, token in swaps):
        return _dump_slow(data)  # a stand-in that also stands in the text itself: no splicing
    for _, _, value, token in swaps:
        at = text.find(token)
        start = text.rfind("\n", 0, at) + 1
        indent = text[start:at]
        body = "\n".join(indent + ln if ln else "" for ln in value[:-1].split("\n"))
        text = text[:start] + body + text[at + len(token):]
    return text


_SPLICE_MIN = 200  # shorter blocks are not worth it
_SPLICE_TOKEN = "tipreport-splice-{:06d}-8c1f"


def _spliceable(value: Any) -> bool:
    from ruamel.yaml.scalarstring import LiteralScalarString

    if type(value) is not LiteralScalarString or len(value) < _SPLICE_MIN:
        return False
    if getattr(value, "comment", None) or getattr(getattr(value, "anchor", None), "value", None):
        return False
    body = value[:-1]
    return (value.endswith("\n") and not body.endswith("\n") and body[:1] not in (" ", "\n", "")
            and body.replace("\n", "").isprintable() and " \n" not in value and "\t" not in value)


def _stand_ins(node: Any, swaps: list) -> None:
    from ruamel.yaml.scalarstring import LiteralScalarString

    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in list(items):
        if _spliceable(value):
            token = _SPLICE_TOKEN.format(len(swaps))
            swaps.append((node, key, value, token))
            node[key] = LiteralScalarString(token + "\n")
        elif isinstance(value, dict | list):
            _stand_ins(value, swaps)


def _dump_slow(data: Any) -> str:
    """ruamel alone, for the tests that hold dumps() to it."""
    import io

    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()


def atomic_write_text(path: str | Path, text: str, *, overwrite: bool) -> None:
    """Write UTF-8 text atomically; see :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def atomic_write_bytes(path: str | Path, data: bytes, *, overwrite: bool) -> None:
    """Write via a temp file in the same folder and rename, so a crash never truncates.

    ``overwrite`` must be given explicitly: refusing to replace an officer's
    file is the default everywhere. The old file's permissions are kept; a new
    file gets the usual ones (umask). A link to a file replaces the file it points
    to (with ``overwrite``); a link to nothing is refused without ``overwrite`` and
    replaced by the file itself with it, never followed out of the folder; a FIFO,
    device or socket is never replaced. The write holds the folder's lock (see
    :func:`editing`), and temp files a killed run left for this name are removed.
    """
    p = Path(path)
    shown = p
    if p.is_symlink():
        target = Path(os.path.realpath(p))
        if target.exists():
            p = target
        elif not overwrite:
            raise UsageError(f"{shown}: is a link to {target}, which does not exist; "
                             "pass --force to replace the link with the file")
    if p.is_dir():
        raise InputError(p, "is a directory; give a file name")
    if p.exists() and not p.is_symlink() and not stat.S_ISREG(p.stat().st_mode):
        raise InputError(shown, "is not a regular file (a pipe, device or socket); "
                         "give a file name")
    if (p.exists() or p.is_symlink()) and not overwrite:
        raise UsageError(f"{shown}: already exists; pass --force to overwrite it")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.exists():
        raise InputError(shown, f"folder {folder} does not exist")
    with editing(p):
        _remove_stale_temps(p)
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise InputError(p, f"cannot write in {folder}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            keep = p.exists() and not p.is_symlink()
            os.chmod(tmp, p.stat().st_mode & 0o777 if keep else _default_mode())
            os.replace(tmp, p)
        except OSError as exc:
            _unlink_quietly(tmp)
            raise InputError(p, f"cannot write: {exc.strerror or exc}") from None
        except BaseException:
            _unlink_quietly(tmp)
            raise


# ---------------------------------------------------------------- one writer at a time

_held: dict[str, tuple[int, int]] = {}  # folder -> (fd, depth) of the locks this process holds


@contextlib.contextmanager
def editing(path: str | Path):
    """Hold the lock of the file's folder: a load-change-save of one tipreport command
    runs whole before another's begins, so ten `hours add` at once keep ten entries and
    a colleague's `check --ack` never undoes an officer's edit. Re-entrant within one
    process; where the system has no flock (Windows), edits are not serialised."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on the systems we test
        yield
        return
    folder = os.path.realpath(Path(path).parent if str(Path(path).parent) else ".")
    if folder in _held:
        fd, depth = _held[folder]
        _held[folder] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[folder]
            _held[folder] = (fd, depth - 1)
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise InputError(folder, f"cannot open the folder: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        _held[folder] = (fd, 1)
        yield
    finally:
        _held.pop(folder, None)
        os.close(fd)  # closing releases the lock


def _remove_stale_temps(p: Path) -> None:
    """Temp files of this name that a killed run left: under the folder's lock no other
    tipreport process is writing one, so any there is stale."""
    for stale in p.parent.glob(f".{glob_escape(p.name)}.*.tmp"):
        _unlink_quietly(str(stale))


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def refuse_inputs(target: str | Path | None, inputs: list, flag: str) -> None:
    """No command writes over one of its own inputs, whatever --force says."""
    if target is None or str(target) in ("", "-"):
        return
    t = os.path.realpath(target)
    for given in inputs:
        if given is not None and str(given) not in ("", "-") and os.path.realpath(given) == t:
            raise UsageError(f"{target}: {flag} names {given}, an input of this command; "
                             "write the output elsewhere")


def _default_mode() -> int:
    """What open() would give a new file: 0o666 less the umask (mkstemp's is 0o600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _unlink_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def save(path: str | Path, data: Any, *, overwrite: bool) -> None:
    """Dump and write atomically."""
    atomic_write_text(path, dumps(data), overwrite=overwrite)


def line_of(node: Any, key: Any = None) -> int | None:
    """1-based line of a mapping key (or of the node itself), when ruamel recorded it."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        if key is not None:
            return lc.key(key)[0] + 1
        return lc.line + 1
    except (KeyError, TypeError, AttributeError):
        return None


def value_line(node: Any, key: Any) -> int | None:
    """1-based line where the value of ``node[key]`` starts (a block scalar's first text line)."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None
    try:
        return lc.value(key)[0] + 1
    except (KeyError, TypeError, AttributeError):
        return None

