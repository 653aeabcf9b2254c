"""The boilerstrip command: text, --json, --explain, stdin, and errors."""

from __future__ import annotations

import gzip
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip.cli import main

PROSE = (
    "The council voted on Tuesday to approve the new bridge across the river, after a long debate "
    "that lasted most of the evening and ended with a vote of seven to two."
)
PAGE = (
    "<html><head><title>Council approves the bridge</title></head><body>"
    '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>'
    f"<article><p>{PROSE}</p></article></body></html>"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_prints_the_text(page_file: Path) -> None:
    """`python -m boilerstrip FILE` prints the main text and exits 0."""
    proc = run(str(page_file))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert PROSE in out
    assert "Sport" not in out


def test_json_has_text_and_title(page_file: Path) -> None:
    """--json prints a JSON object with the text and the title."""
    proc = run("--json", str(page_file))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert PROSE in data["text"]
    assert data["title"] == "Council approves the bridge"
    assert "blocks" not in data


def test_json_blocks(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json --blocks includes every block's verdict."""
    assert main(["--json", "--blocks", str(page_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {b["label"] for b in data["blocks"]} == {"content", "boilerplate"}


def test_explain_prints_a_table(page_file: Path) -> None:
    """--explain prints the decision table with a header and labelled rows."""
    proc = run("--explain", str(page_file))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines[0].split()[:3] == ["#", "label", "score"]
    assert any("boilerplate" in line and "Home" in line for line in lines)
    assert any("content" in line and "The council" in line for line in lines)


def test_dash_reads_stdin() -> None:
    """`-` reads the document from standard input."""
    proc = run("-", stdin=PAGE.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert PROSE in proc.stdout.decode("utf-8")


def test_kind_text_from_stdin() -> None:
    """--kind text treats markup-looking input as a dump."""
    proc = run("--kind", "text", "-", stdin=f"<p>{PROSE}</p>".encode())
    assert proc.returncode == 0, proc.stderr
    assert "<p>" in proc.stdout.decode("utf-8")


def test_missing_file_exits_2_with_a_message(tmp_path: Path) -> None:
    """A file that does not exist exits with status 2 and says so on stderr."""
    missing = tmp_path / "nope.html"
    proc = run(str(missing))
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8")
    assert "boilerstrip" in err and "nope.html" in err


def test_json_and_explain_are_exclusive(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json and --explain together are a usage error (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(["--json", "--explain", str(page_file)])
    assert info.value.code == 2
    assert "not allowed" in capsys.readouterr().err


# --- formats, batches, exit codes ------------------------------------------------------------------

PROSE2 = (
    "Work on the bridge is expected to start in the spring and it will take about two years to "
    "finish, the mayor said in a statement to the press on Wednesday morning."
)


def article(n: int) -> str:
    return (
        f"<html><head><title>Story {n}</title></head><body>"
        '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>'
        f"<article><h1>Story {n}</h1><p>Story {n}: {PROSE}</p><ul><li>First point of story {n}</li>"
        f"<li>Second point of story {n}</li></ul><p>{PROSE2}</p></article></body></html>"
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A directory tree: two pages at the top, one in a subfolder, a text dump, and an image to skip."""
    root = tmp_path / "site"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_text(article(1), encoding="utf-8")
    (root / "b.htm").write_text(article(2), encoding="utf-8")
    (root / "sub" / "c.html").write_text(article(3), encoding="utf-8")
    (root / "sub" / "d.txt").write_text(f"Story 4\n\nStory 4: {PROSE}\n\n{PROSE2}\n", encoding="utf-8")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return root


def test_format_markdown_of_one_file(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format markdown prints the page as Markdown."""
    path = page_file.parent / "list.html"
    # The h1 repeats the title, which is metadata, not body; a subheading is Markdown's "##".
    path.write_text(article(7).replace("<ul>", "<h2>What was decided</h2><ul>"), encoding="utf-8")
    assert main(["--format", "markdown", str(path)]) == 0
    out = capsys.readouterr().out
    assert "## What was decided\n" in out and "- First point of story 7\n- Second point of story 7" in out
    assert "# Story 7\n" not in out


def test_format_html_is_a_document(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format html prints a whole HTML document with the title and the kept content only."""
    assert main(["-f", "html", str(page_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "<title>Council approves the bridge</title>" in out
    assert f"<p>{PROSE}</p>" in out and "Sport" not in out


def test_directory_is_walked_recursively_in_order(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory yields its known files recursively, sorted, as one JSONL record each; others are skipped."""
    assert main(["--format", "jsonl", str(site)]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(r["input"]).name for r in records] == ["a.html", "b.htm", "c.html", "d.txt"]
    assert [r["text"].split(":")[0].split("\n")[0] for r in records] == [
        "Story 1",
        "Story 2",
        "Story 3",
        "Story 4",
    ]
    assert "4 inputs, 4 written, 0 failed" in captured.err


def test_output_dir_mirrors_the_tree(site: Path, tmp_path: Path) -> None:
    """--output-dir writes one file per input, keeping paths under a directory argument, with the format's suffix."""
    out = tmp_path / "out"
    assert main(["-f", "markdown", "-o", str(out), str(site)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a.md", "b.md", "sub/c.md", "sub/d.md"]
    assert (out / "sub" / "c.md").read_text(encoding="utf-8").startswith("Story 3: ")  # the h1 is the title: metadata


def test_output_dir_same_name_twice_is_not_overwritten(tmp_path: Path) -> None:
    """Two inputs with one base name get name.txt and name-2.txt."""
    for d, n in (("x", 1), ("y", 2)):
        (tmp_path / d).mkdir()
        (tmp_path / d / "page.html").write_text(article(n), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["-o", str(out), str(tmp_path / "x" / "page.html"), str(tmp_path / "y" / "page.html")]) == 0
    assert "Story 1" in (out / "page.txt").read_text(encoding="utf-8")
    assert "Story 2" in (out / "page-2.txt").read_text(encoding="utf-8")


def test_glob_inputs(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A glob INPUT is expanded (recursively with **)."""
    assert main(["-f", "jsonl", str(site / "**" / "*.html")]) == 0
    names = [Path(json.loads(line)["input"]).name for line in capsys.readouterr().out.splitlines()]
    assert names == ["a.html", "c.html"]


def test_jobs_keep_the_order_of_jobs_1(site: Path) -> None:
    """--jobs 2 writes the same records in the same order as --jobs 1."""
    one = run("-f", "jsonl", str(site))
    two = run("-f", "jsonl", "--jobs", "2", str(site))
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stdout.count(b"\n") == 4


def test_corrupt_and_unreadable_files_do_not_stop_a_batch(site: Path, tmp_path: Path) -> None:
    """A corrupt .gz and a dangling link are reported with their reason; the rest is written; exit 1."""
    (site / "broken.html.gz").write_bytes(b"this is not gzip data")
    (site / "gone.html").symlink_to(tmp_path / "nowhere.html")
    out = tmp_path / "out"
    proc = run("-o", str(out), str(site))
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8")
    assert "broken.html.gz: undecodable: bad gzip data" in err
    assert "gone.html: unreadable: No such file or directory" in err
    assert "6 inputs, 4 written, 2 failed" in err
    assert len(list(out.rglob("*.txt"))) == 4


def test_gzipped_document_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A .gz input is decompressed."""
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    assert main([str(path)]) == 0
    assert PROSE in capsys.readouterr().out


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    """Each JSONL line's named field is a document; bad lines are reported by line number; exit 1."""
    lines = [
        json.dumps({"id": 1, "body": article(1), "url": "https://example.com/1"}),
        "{not json",
        json.dumps({"id": 3, "html": "wrong field"}),
        "",
        json.dumps({"id": 5, "body": article(5)}),
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("-f", "jsonl", "--jsonl-field", "body", str(path))
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert [r["input"] for r in records] == [f"{path}:1", f"{path}:5"]
    assert records[0]["url"] == "https://example.com/1" and "Story 1" in records[0]["text"]
    err = proc.stderr.decode("utf-8")
    assert f"{path}:2: undecodable: not JSON" in err and f"{path}:3: undecodable: no 'body' field" in err
    assert "4 inputs, 2 written, 2 failed" in err


def test_jsonl_from_stdin() -> None:
    """--input-format jsonl reads JSONL from standard input."""
    data = "\n".join(json.dumps({"html": article(n)}) for n in (1, 2)).encode("utf-8")
    proc = run("--input-format", "jsonl", "-f", "jsonl", "-", stdin=data)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["input"] for line in proc.stdout.splitlines()] == ["-:1", "-:2"]


def warc_record(
    uri: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> bytes:
    """One WARC/1.0 response record, written by hand."""
    http = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**12:012d}-0000-4000-8000-000000000000>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


@pytest.fixture
def warc_records() -> list[bytes]:
    pytest.importorskip("fastwarc", reason="WARC input needs the optional 'warc' extra (FastWARC)")
    return [
        warc_record("https://example.com/1", article(1).encode("utf-8")),
        warc_record("https://example.com/logo.png", b"\x89PNG", content_type="image/png"),
        warc_record("https://example.com/old", b"", status="301 Moved Permanently"),
        warc_record("https://example.com/2", article(2).encode("utf-8")),
    ]


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_pages_are_documents(tmp_path: Path, warc_records: list[bytes], compressed: bool) -> None:
    """HTML responses of a WARC (plain or per-record gzip) are documents with their target URI; others are skipped."""
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(
        b"".join(gzip.compress(r) for r in warc_records) if compressed else b"".join(warc_records)
    )
    proc = run("-f", "jsonl", str(path))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://example.com/1", "https://example.com/2"]
    assert "Story 2" in records[1]["text"] and "Sport" not in records[1]["text"]


def test_broken_warc_is_reported(tmp_path: Path, warc_records: list[bytes]) -> None:
    """A file that is no WARC fails with a reason, next to a good one that is written."""
    good, bad = tmp_path / "good.warc", tmp_path / "bad.warc"
    good.write_bytes(b"".join(warc_records))
    bad.write_bytes(b"this is not a web archive\r\n\r\n")
    proc = run("-f", "jsonl", str(good), str(bad))
    assert proc.returncode == 1
    assert proc.stdout.count(b"\n") == 2
    assert "bad.warc" in proc.stderr.decode("utf-8") and "undecodable" in proc.stderr.decode("utf-8")


def test_timeout_reports_the_slow_document(tmp_path: Path) -> None:
    """--timeout fails a document over the limit, names it, counts it, and writes the others."""
    (tmp_path / "a.html").write_text(article(1), encoding="utf-8")
    slow = "<html><body>" + "".join(f"<div class=c{i}><p>{PROSE} {i}</p></div>" for i in range(6000))
    (tmp_path / "b.html").write_text(slow + "</body></html>", encoding="utf-8")
    (tmp_path / "c.html").write_text(article(3), encoding="utf-8")
    proc = run("-f", "jsonl", "--timeout", "0.3", str(tmp_path))
    assert proc.returncode == 1
    assert [Path(json.loads(line)["input"]).name for line in proc.stdout.splitlines()] == ["a.html", "c.html"]
    err = proc.stderr.decode("utf-8")
    assert "b.html: timeout: over the 0.3 s limit" in err
    assert "3 inputs, 2 written, 1 failed (1 over the time limit)" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--jobs", "-1", "x"],
        ["--timeout", "0", "x"],
        ["--format", "pdf", "x"],
        ["--json", "--format", "text", "x"],
    ],
)
def test_bad_options_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """Out-of-range or conflicting options are usage errors (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


def test_input_naming_nothing_exits_2_before_any_output(page_file: Path) -> None:
    """An INPUT that names no file, or a glob matching none, exits 2 and writes nothing, even beside good ones."""
    proc = run(str(page_file), str(page_file.parent / "zz*.html"))
    assert proc.returncode == 2 and proc.stdout == b""
    assert "zz*.html: no file matches" in proc.stderr.decode("utf-8")


def test_no_progress_bar_when_stderr_is_not_a_terminal(site: Path) -> None:
    """Batches draw no progress bar when stderr is a pipe: stderr holds only the summary."""
    proc = run(str(site))
    assert proc.returncode == 0
    assert proc.stderr.decode("utf-8").strip() == "boilerstrip: 4 inputs, 4 written, 0 failed"


def test_single_document_has_no_summary(page_file: Path) -> None:
    """One document written prints no summary (today's single-file behaviour)."""
    proc = run(str(page_file))
    assert proc.returncode == 0 and proc.stderr == b""


def test_no_tables_and_favor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--no-tables drops table rows; --favor is accepted and passed on."""
    table = "<table><tr><th>Span</th><th>Length</th></tr><tr><td>Main</td><td>420 m</td></tr></table>"
    path = tmp_path / "t.html"
    path.write_text(article(1).replace("</ul>", "</ul>" + table), encoding="utf-8")
    assert main([str(path)]) == 0
    assert "Main | 420 m" in capsys.readouterr().out
    assert main(["--no-tables", "--favor", "0.5", str(path)]) == 0
    out = capsys.readouterr().out
    assert "420 m" not in out and PROSE in out


def test_links_and_images_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown and HTML keep emphasis always, links with --include-links and images with --include-images,
    resolved against the page's URL (--url)."""
    page = article(1).replace(f"<p>{PROSE2}</p>", (
        f'<figure><img src="/img/bridge.jpg" alt="The bridge"><figcaption>{PROSE2}</figcaption></figure>'
        f'<p>Read the <a href="/minutes">minutes of the meeting</a> or the <strong>full report</strong> on the '
        "proposal, which runs to two hundred pages of drawings and costs.</p>"
    ))  # fmt: skip
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert main(["-f", "markdown", str(path)]) == 0
    plain = capsys.readouterr().out
    assert "**full report**" in plain and "](" not in plain and "minutes of the meeting" in plain
    argv = [
        "-f",
        "markdown",
        "--include-links",
        "--include-images",
        "--url",
        "https://example.com/n/1",
        str(path),
    ]
    assert main(argv) == 0
    full = capsys.readouterr().out
    assert "[minutes of the meeting](https://example.com/minutes)" in full
    assert "![The bridge](https://example.com/img/bridge.jpg) Work on the bridge" in full
    assert main(["-f", "html", "--include-links", str(path)]) == 0
    html = capsys.readouterr().out
    assert '<a href="/minutes">minutes of the meeting</a>' in html and "<img" not in html


def test_progress_bar_on_a_terminal_only_for_batches(site: Path, page_file: Path) -> None:
    """With stderr on a terminal a batch draws a progress bar (tqdm); one document and --no-progress draw none."""
    pytest.importorskip("tqdm", reason="the progress bar needs the optional 'progress' extra (tqdm)")
    pty = pytest.importorskip("pty")
    fcntl, termios = pytest.importorskip("fcntl"), pytest.importorskip("termios")

    def stderr_on_a_tty(*args: str) -> tuple[int, str]:
        master, slave = pty.openpty()
        # A new pseudo-terminal is 0 columns wide, which would draw an empty bar; real ones have a size.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        try:
            proc = subprocess.run([sys.executable, "-m", "boilerstrip", *args], stdout=subprocess.PIPE,
                                  stderr=slave, timeout=60, check=False)  # fmt: skip
        finally:
            os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed and everything was read
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(master)
        return proc.returncode, b"".join(chunks).decode("utf-8", "replace")

    code, err = stderr_on_a_tty(str(site))
    assert code == 0 and "4doc" in err.replace(" ", "") and "\r" in err
    assert "4 inputs, 4 written, 0 failed" in err
    code, err = stderr_on_a_tty("--no-progress", str(site))
    assert code == 0 and err.strip() == "boilerstrip: 4 inputs, 4 written, 0 failed"
    code, err = stderr_on_a_tty(str(page_file))
    assert code == 0 and err == ""


@pytest.mark.parametrize("favor", ["-1", "0", "1"])
def test_favor_reaches_every_format_alike(site: Path, favor: str, capsys: pytest.CaptureFixture[str]) -> None:
    """--favor changes what is kept, and text, Markdown and JSON of one run agree on it."""
    path = str(site / "a.html")
    outs = {}
    for fmt in ("text", "markdown", "json"):
        assert main(["-f", fmt, "--favor", favor, path]) == 0
        outs[fmt] = capsys.readouterr().out
    assert json.loads(outs["json"])["text"] + "\n" == outs["text"]
    for paragraph in outs["text"].strip().split("\n"):
        assert paragraph in outs["markdown"]
