#!/usr/bin/env python3
"""Falx on Spark, the DataFrame route: `mapInArrow`, one `falx audit --stdin` process per partition.

    spark-submit audit_dataframe.py INPUT OUTPUT [--falx PATH] [--format parquet|jsonl]
    python3 audit_dataframe.py INPUT OUTPUT --master 'local[2]'        # without spark-submit
    python3 audit_dataframe.py --table reports OUTPUT --remote sc://host  # Spark Connect, a table
    python3 audit_dataframe.py --files /data/hl7/ OUTPUT --master 'local[2]'  # files of any format

INPUT is JSON Lines ({"id": ..., "text": ..., metadata}), a file or a folder of them, read as text
split on LF only (`lineSep="\\n"`, exactly as Falx splits), one row per line, bad lines included;
each line goes to Falx byte for byte. With --table, INPUT is a table (or Parquet folder with
--parquet-input) with an `id` key column, a `text` column and optional metadata columns
(accession, patient_id, study_datetime, procedure, interpreter, facility, birth_date, sex, age):
each row is sent as one JSON line built with json.dumps. With --files, INPUT is a folder of report
files in any format Falx reads (HL7 v2 batches, CDA, FHIR, text, ...), read whole through Spark's
`binaryFile` source and sent to `falx audit --stdin-files` (docs/commands.md): one row per record,
the same rows as `falx audit INPUT`, with `source` the file's path as Spark gives it.

OUTPUT gets one row per input row: the input key (`input_file` for text input, the key column
for a table) zipped with the 50 audit columns, typed as Falx's JSON Lines types them (docs/audit-schema.md:
strings, `age` a long, the list columns arrays of strings, empty values null), as Parquet or JSON
Lines. Every task checks that Falx exited 0, that it wrote exactly one row per line sent, in order
(`source` = `stdin#<n>`), and that each row echoes the id it was sent; otherwise the task raises,
so Spark retries it and then fails the job loudly. The driver then checks rows out = rows in.

Works on classic Spark and on Spark Connect (no RDD API is used): the binary is shipped with
`spark.addArtifacts(path, file=True)` and found on executors with `SparkFiles.get`.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

# The audit's columns and JSON Lines types (docs/audit-schema.md), used only when the driver cannot run
# the binary itself (a client on another OS); otherwise they are read from `falx schema --json`.
FALLBACK_COLUMNS = [
    "record_id", "source", "format", "status", "patient_id", "accession", "study_datetime", "procedure",
    "interpreter", "facility", "age", "sex", "dural_calcification", "dc_locations", "dc_temporality",
    "dc_evidence", "dc_offsets", "white_matter_lesions", "atrophy", "dural_thickening", "dural_enhancement",
    "venous_sinus_thrombosis", "cortical_vein_thrombosis", "venous_abnormality_other", "davf",
    "intracranial_hypotension", "subcortical_calcification", "headache", "positional_headache",
    "visual_disturbance", "cognitive_change", "seizure", "focal_deficit", "renal_disease", "category",
    "strength", "actions", "follow_up", "gadolinium_caution", "report_recommends", "audit_verdict", "rules",
    "ruleset_version", "warnings", "errors", "clinical_notes", "result_status", "superseded_by", "fact_evidence",
    "recommendation_evidence",
]
FALLBACK_TYPES = dict(
    {c: "string" for c in FALLBACK_COLUMNS}, age="integer",
    **{c: "array" for c in ("dc_locations", "actions", "report_recommends", "rules", "warnings", "errors",
                            "clinical_notes", "fact_evidence", "recommendation_evidence")})


def falx_schema(falx):
    """The audit columns and their JSON Lines types, [(name, "string" | "integer" | "array")], from
    `falx schema --json`: the schema the binary writes, so a newer falx cannot be read with stale types."""
    try:
        r = subprocess.run([falx, "schema", "--json"], stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    except OSError as e:
        print(f"note: cannot run {falx} here ({e}); using the built-in column list", file=sys.stderr)
        return [(c, FALLBACK_TYPES[c]) for c in FALLBACK_COLUMNS]
    try:
        schema = json.loads(r.stdout)
        columns = [(c["name"], c["type"]) for c in schema["columns"]]
    except (ValueError, KeyError, TypeError):
        raise RuntimeError(f"{falx} did not print its schema (exit {r.returncode}): {r.stderr[-2000:]!r}")
    if r.returncode != 0 or not columns or any(t not in ("string", "integer", "array") for _, t in columns):
        raise RuntimeError(f"{falx} printed an unknown schema (exit {r.returncode}): {r.stdout[:500]!r}")
    return columns


def falx_columns(falx):
    """The audit column names, in order (see `falx_schema` for their types)."""
    return [c for c, _ in falx_schema(falx)]


def arrow_type(kind):
    import pyarrow as pa

    return {"string": pa.string(), "integer": pa.int64(), "array": pa.list_(pa.string())}[kind]


def spark_type(kind):
    from pyspark.sql.types import ArrayType, LongType, StringType

    return {"string": StringType(), "integer": LongType(), "array": ArrayType(StringType(), False)}[kind]


def ship_falx(spark, falx):
    """Sends the binary to every executor; returns the name to pass to `SparkFiles.get` there.

    `spark.addArtifacts(..., file=True)` works on Spark Connect (3.5+) and classic Spark (4.0+);
    classic Spark 3.x uses `SparkContext.addFile` (what spark-submit --files does).
    """
    try:
        spark.addArtifacts(falx, file=True)
    except Exception:  # classic Spark before 4.0
        spark.sparkContext.addFile(falx)
    return os.path.basename(falx)


def make_audit_partition(falx, columns, line_col=None, key_col="id", passthrough=(), passthrough_types=(), jobs=1,
                         files=None):
    """The function given to `mapInArrow`: one Falx process per partition.

    `columns` is `falx_schema`'s list of (name, type); each value is kept as Falx typed it.

    `falx` is an absolute path (the binary is installed on every node) or the name of a shipped
    file (`SparkFiles.get(falx)`). With `line_col`, that column holds ready JSON Lines (binary or
    string); otherwise each row becomes `{"id": str(key), <other columns>}` by json.dumps.
    `passthrough` columns (of Arrow types `passthrough_types`) are copied to the output, zipped
    with the audit row of their line.

    With `files` = (path column, content column, root), each row is a whole file (Spark's
    `binaryFile` source): it is sent framed to `falx audit --stdin-files` with its path as `source`
    and, as the name its record ids start with, the path relative to `root` (a `file:` or other URI
    prefix), so its rows are those of `falx audit` of the folder. A file gives its records' rows
    (an HL7 batch several), each checked to be of a file sent, in order.
    """
    passthrough = list(passthrough)
    passthrough_types = list(passthrough_types)
    kinds = dict(columns)
    columns = [c for c, _ in columns]

    def audit_partition(batches):
        import collections
        import shutil
        import tempfile
        import threading

        import pyarrow as pa
        from pyspark import SparkFiles

        def local_copy(path):
            copy = os.path.join(tempfile.mkdtemp(prefix="falx-"), "falx")
            shutil.copyfile(path, copy)
            os.chmod(copy, 0o755)
            return copy

        exe = falx if os.path.isabs(falx) else SparkFiles.get(falx)
        if not os.access(exe, os.X_OK):  # a shipped file without its mode bits
            try:
                os.chmod(exe, os.stat(exe).st_mode | 0o111)
            except OSError:
                exe = local_copy(exe)
        # This runs on the executor, so its own environment is inherited (unlike RDD.pipe's env=).
        env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
        argv = ["audit", "--stdin-files" if files else "--stdin", "--no-header", "--format", "jsonl", "--quiet",
                "--jobs", str(jobs)]
        pipes = dict(stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        try:
            proc = subprocess.Popen([exe] + argv, **pipes)
        except PermissionError:  # e.g. a file system mounted noexec: run a copy in /tmp
            exe = local_copy(exe)
            proc = subprocess.Popen([exe] + argv, **pipes)

        # Per line sent, in order: (passthrough values, the id Falx must echo or None). The feeder
        # appends before it writes the line, so an entry is always there when its row comes back.
        sent = collections.deque()
        failures = []
        stderr_tail = collections.deque(maxlen=64)

        def line_of(row):
            if line_col is not None:
                raw = row[line_col]
                if raw is None:
                    raw = b""
                elif isinstance(raw, str):
                    raw = raw.encode("utf-8", "surrogatepass")
                if b"\n" in raw:  # not one JSON Lines line: send a line Falx turns into an error row
                    raw = b"falx-spark: the input value holds a line feed"
                try:
                    obj = json.loads(raw)
                    expect = obj.get("id") if isinstance(obj, dict) else None
                except ValueError:
                    expect = None
                return raw, expect if isinstance(expect, str) and expect else None
            obj = {k: v for k, v in row.items() if v is not None and k != key_col}
            key = row.get(key_col)
            if key is not None:
                obj["id"] = str(key)
            # json.dumps escapes every control character, so the line holds no raw CR or LF.
            line = json.dumps(obj, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
            return line, obj.get("id") or None

        def frame_of(row):
            """A file as one frame of --stdin-files: a JSON header line, then its bytes."""
            path_col, content_col, root = files
            path, content = row[path_col], row[content_col] or b""
            name = relative_name(path, root)
            header = json.dumps({"name": name, "path": path, "bytes": len(content)}, ensure_ascii=False)
            return header.encode("utf-8", "surrogatepass") + b"\n" + content, path

        def feed():
            try:
                for batch in batches:
                    names = batch.schema.names
                    data = {n: batch.column(i).to_pylist() for i, n in enumerate(names)}
                    for r in range(batch.num_rows):
                        row = {n: data[n][r] for n in names}
                        line, expect = frame_of(row) if files else line_of(row)
                        sent.append((tuple(row[c] for c in passthrough), expect))
                        proc.stdin.write(line if files else line + b"\n")
            except BaseException as e:  # noqa: BLE001 - reported by the main thread
                failures.append(e)
            finally:
                try:
                    proc.stdin.close()
                except OSError as e:
                    failures.append(e)

        def drain_stderr():
            for line in proc.stderr:
                stderr_tail.append(line.decode("utf-8", "replace"))

        feeder = threading.Thread(target=feed, daemon=True)
        errors = threading.Thread(target=drain_stderr, daemon=True)
        feeder.start()
        errors.start()

        expected = set(columns)
        keys = [[] for _ in passthrough]
        cells = {c: [] for c in columns}
        n = 0

        def fail(message):
            proc.kill()
            raise RuntimeError(f"falx-spark: {message}; falx stderr: {''.join(stderr_tail)[-2000:]}")

        def batch_out():
            arrays = [pa.array(v, type=t) for v, t in zip(keys, passthrough_types)] + [
                pa.array(cells[c], type=arrow_type(kinds[c])) for c in columns]
            out = pa.RecordBatch.from_arrays(arrays, names=passthrough + columns)
            for v in keys:
                v.clear()
            for c in columns:
                cells[c].clear()
            return out

        def in_step(row, n):
            """The passthrough values of row n's line or file, after checking that it is in step."""
            if files:
                # A file's rows come together, in the order the files were sent; a file may have
                # none (Falx passes over its own outputs, as in a folder).
                source = row["source"] or ""
                while sent and source != sent[0][1] and not source.startswith(sent[0][1] + "#"):
                    sent.popleft()
                if not sent:
                    fail(f"row {n} is for {source!r}, not for a file sent (rows and files are out of step)")
                return sent[0][0]
            if not sent:
                fail(f"falx wrote row {n} but only {n - 1} lines were sent")
            values, expect = sent.popleft()
            if row["source"] != f"stdin#{n}":
                fail(f"row {n} is for {row['source']}: rows and lines are out of step")
            if expect is not None and row["record_id"] != expect and not row["record_id"].startswith(expect + "~") and not (
                    row["status"] == "error" and row["record_id"] == f"stdin#{n}"):
                fail(f"row {n} echoes id {row['record_id']!r}, the line sent had {expect!r}")
            return values

        for raw in proc.stdout:
            n += 1
            try:
                row = json.loads(raw)
            except ValueError:
                fail(f"output line {n} is not JSON: {raw[:200]!r}")
            if set(row) != expected:
                fail(f"row {n} has columns {sorted(set(row) ^ expected)} beyond the schema (another falx version?)")
            for i, v in enumerate(in_step(row, n)):
                keys[i].append(v)
            for c in columns:
                cells[c].append(row[c])
            if len(cells["record_id"]) >= 4096:
                yield batch_out()
        code = proc.wait()
        feeder.join()
        errors.join()
        if failures:
            raise RuntimeError(f"falx-spark: feeding falx failed after {n} rows: {failures[0]!r}; "
                               f"falx stderr: {''.join(stderr_tail)[-2000:]}") from failures[0]
        if code != 0:
            raise RuntimeError(f"falx-spark: falx exited {code} after {n} rows; stderr: {''.join(stderr_tail)[-2000:]}")
        if sent and not files:
            raise RuntimeError(f"falx-spark: {len(sent)} of {n + len(sent)} lines sent got no row (rows out != lines in)")
        if cells["record_id"]:
            yield batch_out()

    return audit_partition


def audit(df, falx, columns, line_col=None, key_col="id", jobs=1, root=None):
    """The audit DataFrame of `df`: its key column(s) zipped with the audit columns, typed.

    `columns` is `falx_schema(falx)`: (name, type) pairs.

    `falx` is an absolute path on every node, or the name given back by `ship_falx`.

    With `root`, `df` is `read_files`' (`path`, `content`) and the output is the audit columns
    alone, one row per record of each file, `source` being the file's path as Spark gives it.
    """
    from pyspark.sql.pandas.types import to_arrow_type
    from pyspark.sql.types import StructField, StructType

    files = None
    if root is not None:
        df = df.select("path", "content")
        passthrough, files = [], ("path", "content", root)
    elif line_col is not None:
        passthrough = [c for c in df.columns if c != line_col]
    else:
        missing = {key_col, "text"} - set(df.columns)
        if missing:
            raise ValueError(f"the input needs the columns {sorted(missing)}")
        passthrough = [key_col]
    clash = set(passthrough) & {c for c, _ in columns}
    if clash:
        raise ValueError(f"input columns {sorted(clash)} clash with audit columns; rename them")
    fields = [df.schema[c] for c in passthrough] + [StructField(c, spark_type(t), True) for c, t in columns]
    types = [to_arrow_type(df.schema[c].dataType) for c in passthrough]
    fn = make_audit_partition(falx, columns, line_col, key_col, passthrough, types, jobs, files)
    return df.mapInArrow(fn, StructType(fields))


def relative_name(path, root):
    """A file's name as `falx audit ROOT` names it in record ids: its path relative to `root`
    (`file:/data/reports/` + `2024/a.hl7` gives `2024/a.hl7`); the whole path when it is not under it.
    `file:///x` and `file:/x` are the same path."""
    def plain(p):
        return "file:/" + p[len("file:///"):] if p.startswith("file:///") else p

    path, root = plain(path), plain(root).rstrip("/") + "/"
    return path[len(root):] if path.startswith(root) and len(path) > len(root) else path


def files_root(path):
    """The URI prefix Spark gives the files under `path`: `file:` + the absolute path for a local
    path without a scheme, else `path` itself (e.g. `hdfs://namenode:8020/reports`)."""
    return path if "://" in path or path.startswith("file:") else "file:" + os.path.abspath(path)


def read_files(spark, path):
    """Every file under `path` as one row (`path`, `content` bytes), through Spark's `binaryFile`
    source, recursively; `*.md` and `*.gold.jsonl` are left out as `falx audit` leaves them out of a
    folder. (Spark also leaves out names starting with `_` or `.`; Falx reads `_` names.)"""
    from pyspark.sql import functions as F

    df = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(path)
    return df.where(~F.col("path").endswith(".md") & ~F.col("path").endswith(".gold.jsonl"))


def read_jsonl(spark, path):
    """JSON Lines as one row per LF-terminated line: `line` (the bytes, unchanged) and `input_file`.

    lineSep="\\n" matters: Spark's default splits on CR, LF and CRLF, so a lone CR (JSON
    whitespace) would split one record into two rows; Falx splits on LF only and trims a final CR.
    The bytes are passed as binary so invalid UTF-8 reaches Falx as it is in the file.
    """
    from pyspark.sql import functions as F

    return spark.read.text(path, lineSep="\n").select(
        F.col("value").cast("binary").alias("line"), F.col("_metadata.file_path").alias("input_file"))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines file or folder (a folder of any format with --files; a table name with --table)")
    p.add_argument("output", help="output folder")
    p.add_argument("--falx", default=os.environ.get("FALX", "falx"),
                   help="the falx binary on this machine, shipped to executors (default: $FALX)")
    p.add_argument("--falx-on-executors", metavar="PATH",
                   help="absolute path of falx already installed on every node (nothing is shipped)")
    p.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    p.add_argument("--table", action="store_true", help="INPUT is a table with id, text and metadata columns")
    p.add_argument("--files", action="store_true",
                   help="INPUT is a folder of report files in any format Falx reads (HL7 v2, CDA, FHIR, text …), "
                        "read whole with binaryFile")
    p.add_argument("--parquet-input", action="store_true", help="INPUT is Parquet with id, text and metadata columns")
    p.add_argument("--key", default="id", help="key column of a table (sent to Falx as the id)")
    p.add_argument("--partitions", type=int, help="repartition the input first (a shuffle)")
    p.add_argument("--jobs", type=int, default=1, help="falx --jobs per task (default 1: Spark runs one task per core)")
    p.add_argument("--master", help="e.g. local[2] (spark-submit sets it otherwise)")
    p.add_argument("--remote", help="Spark Connect URL, e.g. sc://host:15002")
    a = p.parse_args(argv)

    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("falx-audit")
    if a.remote:
        b = b.remote(a.remote)
    elif a.master:
        b = b.master(a.master)
        if a.master.startswith("local"):  # workers on this machine: this Python, with pyarrow
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = b.getOrCreate()

    local = os.path.abspath(a.falx) if os.path.exists(a.falx) else shutil.which(a.falx)
    if local is None and not a.falx_on_executors:
        p.error(f"no falx binary at {a.falx} (give --falx PATH)")
    columns = falx_schema(local or a.falx)
    falx = a.falx_on_executors or ship_falx(spark, local)
    root = None
    if a.files:
        df, line_col, root = read_files(spark, a.input), None, files_root(a.input)
    elif a.table or a.parquet_input:
        df = spark.read.parquet(a.input) if a.parquet_input else spark.read.table(a.input)
        line_col = None
    else:
        df = read_jsonl(spark, a.input)
        line_col = "line"
    if a.partitions:
        df = df.repartition(a.partitions)
    out = audit(df, falx, columns, line_col=line_col, key_col=a.key, jobs=a.jobs, root=root)
    writer = out.write.mode("overwrite")
    writer.parquet(a.output) if a.format == "parquet" else writer.json(a.output)
    # Every task checked its own partition; this checks the job: rows written = rows read.
    rows_in = df.count()
    written = spark.read.parquet(a.output) if a.format == "parquet" else spark.read.text(a.output)
    rows_out = written.count()
    print(f"{rows_in} {'files' if a.files else 'rows'} in, {rows_out} rows out -> {a.output}", file=sys.stderr)
    if a.files:  # a file gives one row per record it holds (none for a Falx output passed over)
        return 0
    if rows_in != rows_out:
        print("error: rows out != rows in", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
