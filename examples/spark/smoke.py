#!/usr/bin/env python3
"""Spark smoke test of both routes on local[2] (run by smoke.sh, which makes the environment).

    python3 smoke.py FALX WORKDIR

Builds ~1,000 JSON Lines (bench/generate.py plus bad and awkward lines), audits them directly
with `falx audit --stdin` and through Spark (the DataFrame route on text and on a table, the pipe
route), and a mixed HL7/CDA/FHIR folder with `falx audit FOLDER` and through the DataFrame route
on files (binaryFile, `falx audit --stdin-files`), and checks: rows out = lines in, every input id exactly once, the same rows as the direct
run (`source` and line numbers aside: Spark numbers lines per partition), and that the guards
fail a job when falx drops a row or exits non-zero. Prints `N passed, N failed`; exits 1 on any
failure.
"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import audit_dataframe  # noqa: E402
import audit_pipe  # noqa: E402

RESULTS = []


def decoding_warning(w):
    """A warning that Falx decoded bytes that were not UTF-8 (as Windows-1252, or with U+FFFD)."""
    return "decoded-as-windows-1252" in w or "invalid UTF-8" in w


def check(name, ok, detail=""):
    RESULTS.append(ok)
    print(("ok     " if ok else "FAILED ") + name + ("" if ok or not detail else f": {detail}"), flush=True)


def make_input(path):
    """bench/generate.py's 1,000 reports with the awkward lines spliced in; returns the line count."""
    gen = path + ".gen"
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "1000", gen], check=True)
    with open(gen, "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    os.remove(gen)
    special = [
        b"",  # blank
        b"not json at all",
        b'{"id":"no-text","accession":"A1"}',  # no text
        b'{"id":"empty-text","text":"   "}',
        json.dumps({"id": "escaped-cr", "text": "FINDINGS:\r\nFalcine calcification.\rStable.\r\n"}).encode(),
        b'{"id":"crlf-end","text":"Tentorial calcification."}\r',  # a CRLF line end
        b'{"id":"lone-cr",\r"text":"Dense calcification of the falx."}',  # a lone CR: JSON whitespace
        b'{"id":"raw-cr","text":"Falcine\rcalcification."}',  # a raw CR inside a string: not JSON
        b'{"id":"bad-utf8","text":"Falcine calcification \xe9."}',  # invalid UTF-8: repaired with a warning
        json.dumps({"id": "non-ascii", "text": "Kalzifikation der Falx \u2028 \u00e9\u00e8 \u2014 falcine calcification.",
                    "age": 71, "sex": "female"}, ensure_ascii=False).encode(),
        b'{"id":42,"text":"Falcine calcification."}',  # a number id
        b'[1,2,3]',
    ]
    for k, s in enumerate(special):  # spread over the file, so over several partitions
        lines.insert(37 + k * 83, s)
    with open(path, "wb") as f:
        f.write(b"\n".join(lines) + b"\n")
    return len(lines)


def pq_rows(path):
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist()


def falx_direct(falx, data):
    r = subprocess.run([falx, "audit", "--stdin", "--format", "jsonl", "--no-header", "--quiet"],
                       input=data, capture_output=True, check=True)
    return [json.loads(line) for line in r.stdout.split(b"\n") if line]


NUMBERED = re.compile(r"stdin#\d+|line \d+")


def normal(row, drop=("input_file", "id", "source")):
    """A row as a comparable tuple: line numbers are per partition in Spark, so they are blanked."""
    return tuple(sorted((k, NUMBERED.sub("#", str(v))) for k, v in row.items() if k not in drop))


def same_rows(name, got, want):
    g, w = collections.Counter(map(normal, got)), collections.Counter(map(normal, want))
    check(name, g == w, f"{sum((g - w).values())} rows only in Spark's output, {sum((w - g).values())} only in the direct run")


def ids_once(name, rows, ids):
    c = collections.Counter(r["record_id"] for r in rows)
    bad = [i for i in ids if c[i] != 1]
    check(name, not bad, f"{len(bad)} ids not exactly once, e.g. {bad[:3]}")


def expect_failure(name, action, *needles):
    try:
        action()
    except Exception as e:  # noqa: BLE001 - the job must fail, and say why
        text = str(e)
        check(name, any(n in text for n in needles), f"failed, but without {needles}: {text[:300]}")
        return
    check(name, False, "the job succeeded")


def make_folder(path):
    """A mixed folder from the Swift tests' fixtures: HL7 v2 (single messages, a batch of many
    messages, an ORU with an embedded CDA), CDA and HL7 v2 XML documents, FHIR JSON, in subfolders."""
    fixtures = os.path.join(ROOT, "Tests", "FalxIngestTests", "Fixtures")
    for sub, into in (("interop/hl7v2", "hl7"), ("interop/cda", "cda"), ("xml", "cda/2024"), ("results/xml", "cda/results"),
                      ("interop/fhir", "fhir")):
        shutil.copytree(os.path.join(fixtures, sub), os.path.join(path, into), dirs_exist_ok=True)
    shutil.copy(os.path.join(fixtures, "results", "status-sequence.hl7"), os.path.join(path, "hl7", "batch.hl7"))
    return sum(len(files) for _, _, files in os.walk(path))


def files_route(spark, falx, columns, name, work):
    """The DataFrame route on files (binaryFile -> falx audit --stdin-files) against `falx audit FOLDER`."""
    t0 = time.time()
    folder = os.path.join(work, "mixed")
    n_files = make_folder(folder)
    r = subprocess.run([falx, "audit", folder, "--format", "jsonl", "--quiet"], capture_output=True, check=True)
    direct = [json.loads(line) for line in r.stdout.split(b"\n") if line]
    df = audit_dataframe.read_files(spark, folder).repartition(3)
    out_dir = os.path.join(work, "files.parquet")
    audit_dataframe.audit(df, name, columns, root=audit_dataframe.files_root(folder)).write.mode("overwrite").parquet(out_dir)
    parts = len([f for f in os.listdir(out_dir) if f.startswith("part-") and os.path.getsize(os.path.join(out_dir, f)) > 1000])
    rows = pq_rows(out_dir)
    formats = collections.Counter(r["format"] for r in rows)
    check(f"files route: {len(rows)} rows of {n_files} HL7/CDA/FHIR files over {parts} partitions, as many as "
          f"`falx audit FOLDER` ({len(direct)}); formats {dict(formats)}",
          len(rows) == len(direct) and parts >= 2 and {"hl7v2", "cda"} <= set(formats))
    check("files route: `source` is the path Spark gives (file:/...), the direct run's path behind it",
          all(r["source"].startswith("file:/") for r in rows)
          and sorted(r["source"][len("file:"):] for r in rows) == sorted(r["source"] for r in direct))

    def comparable(row):
        # Ids two files share are made unique per run (`id~2`); each Spark task is a run of its own.
        row = dict(row, source=row["source"].removeprefix("file:"), record_id=row["record_id"].split("~")[0])
        return tuple(sorted((k, json.dumps(v)) for k, v in row.items()))

    g, w = collections.Counter(map(comparable, rows)), collections.Counter(map(comparable, direct))
    check("files route: the rows of `falx audit FOLDER`, typed as its JSON Lines (source and id suffixes aside)",
          g == w, f"{sum((g - w).values())} rows only in Spark's output, {sum((w - g).values())} only in the direct run")
    # A file holds any number of records, so a task cannot count rows; it checks that each row is
    # of a file sent, in order, and falx's exit status.
    for kind, body, needle in (("exits-3", f'"{falx}" "$@"\nexit 3\n', "exited 3"),
                               ("renames-sources", f'"{falx}" "$@" | sed "s|file:/|elsewhere:/|"\n', "not for a file sent")):
        wrapper = os.path.join(work, f"falx-files-{kind}")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\n" + body)
        os.chmod(wrapper, 0o755)
        expect_failure(f"files route fails the job when falx {kind}",
                       lambda: audit_dataframe.audit(df, wrapper, columns, root=audit_dataframe.files_root(folder)).collect(),
                       needle)
    print(f"files route: {time.time() - t0:.1f} s", flush=True)


def main():
    falx, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(work, "reports.jsonl")
    n_lines = make_input(src)
    data = open(src, "rb").read()
    direct = falx_direct(falx, data)
    check(f"direct run: {len(direct)} rows for {n_lines} lines", len(direct) == n_lines)
    gen_ids = [f"syn-{i:08d}" for i in range(1, 1001)] + [
        "no-text", "empty-text", "escaped-cr", "crlf-end", "lone-cr", "non-ascii", "42"]
    by_id = {r["record_id"]: r for r in direct}
    check("direct run: CRLF, lone CR between tokens and escaped CR are read; a raw CR in a string is an error row",
          by_id["crlf-end"]["status"] == "ok" and by_id["lone-cr"]["dural_calcification"] == "present"
          and by_id["escaped-cr"]["dural_calcification"] == "present"
          and "raw-cr" not in by_id and by_id["non-ascii"]["age"] == 71, json.dumps(by_id.get("lone-cr"))[:200])
    check("direct run: typed JSON Lines (age a number, lists arrays, empty values null)",
          isinstance(by_id["lone-cr"]["dc_locations"], list) and isinstance(by_id["lone-cr"]["rules"], list)
          and by_id["lone-cr"]["errors"] is None and by_id["no-text"]["dural_calcification"] is None)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from pyspark import cloudpickle

    # The route modules are not installed on the workers: send their functions by value, as a
    # script's own functions are.
    cloudpickle.register_pickle_by_value(audit_dataframe)
    cloudpickle.register_pickle_by_value(audit_pipe)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    t0 = time.time()
    spark = (SparkSession.builder.master("local[2]").appName("falx-smoke")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "3")
             # ~1.3 MB of input in 256 KiB splits: several partitions, lines cut at split edges
             .config("spark.sql.files.maxPartitionBytes", str(256 << 10))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: {time.time() - t0:.1f} s", flush=True)

    # --- the trap: Spark's text reader splits on CR too unless told lineSep="\n"
    split_default = spark.read.text(src).count()
    check(f"Spark's default text reader makes {split_default} rows of {n_lines} lines (CR splits); lineSep='\\n' makes "
          f"{n_lines}", split_default == n_lines + 2 and spark.read.text(src, lineSep="\n").count() == n_lines)

    # --- the DataFrame route on text (mapInArrow), binary shipped with addArtifacts
    t0 = time.time()
    columns = audit_dataframe.falx_schema(falx)
    check("columns and types from `falx schema --json`: 50, as docs/audit-schema.md lists",
          [c for c, _ in columns] == audit_dataframe.FALLBACK_COLUMNS and dict(columns) == audit_dataframe.FALLBACK_TYPES)
    name = audit_dataframe.ship_falx(spark, falx)
    df = audit_dataframe.read_jsonl(spark, src)
    out_dir = os.path.join(work, "dataframe.parquet")
    audit_dataframe.audit(df, name, columns, line_col="line").write.mode("overwrite").parquet(out_dir)
    parts = len([f for f in os.listdir(out_dir) if f.startswith("part-")])  # one file per task
    rows = [r.asDict() for r in spark.read.parquet(out_dir).collect()]
    check(f"DataFrame route: {len(rows)} rows out for {n_lines} lines in, over {parts} partitions",
          len(rows) == n_lines and parts >= 4)
    ids_once("DataFrame route: every input id exactly once", rows, gen_ids)
    same_rows("DataFrame route: the direct run's rows", rows, direct)
    check("DataFrame route: input_file zipped with every row", all(r["input_file"].endswith("reports.jsonl") for r in rows))
    print(f"DataFrame route: {time.time() - t0:.1f} s", flush=True)

    # JSON Lines out, read back with the same LF-only split
    jl = os.path.join(work, "dataframe.jsonl")
    audit_dataframe.audit(df, name, columns, line_col="line").write.mode("overwrite").json(jl)
    check("DataFrame route, JSON Lines out: one line per row",
          spark.read.text(jl, lineSep="\n").count() == n_lines)

    # --- the DataFrame route on a table: json.dumps of (id, text, metadata) rows
    t0 = time.time()
    table_rows = []
    for line in data.split(b"\n")[:-1]:
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if isinstance(o, dict) and isinstance(o.get("id"), str) and isinstance(o.get("text"), str):
            table_rows.append((o["id"], o["text"], o.get("age"), o.get("sex")))
    table_rows += [("null-text", None, 50, "M"), (None, "Falcine calcification.", None, None)]
    tdf = spark.createDataFrame(table_rows, "id string, text string, age int, sex string").repartition(3)
    tout = [r.asDict() for r in audit_dataframe.audit(tdf, name, columns).collect()]
    check(f"table route: {len(tout)} rows out for {len(table_rows)} rows in", len(tout) == len(table_rows))
    check("table route: each row's key is the id Falx echoed",
          all(r["id"] == r["record_id"] for r in tout if r["id"] is not None)
          and [r["record_id"].startswith("stdin#") for r in tout if r["id"] is None] == [True])
    want = {k: v for k, v in by_id.items()}
    diff = [r["id"] for r in tout if r["id"] in want and normal(r) != normal(want[r["id"]])]
    check("table route: the same audit as the direct run for every id", not diff, f"differs for {diff[:3]}")
    nt = next(r for r in tout if r["id"] == "null-text")
    check("table route: a null text is an error row that keeps its id and metadata",
          nt["status"] == "error" and any("missing-text" in e for e in nt["errors"]) and nt["sex"] == "M")
    print(f"table route: {time.time() - t0:.1f} s", flush=True)

    # --- the DataFrame route on files of any format (binaryFile)
    files_route(spark, falx, columns, name, work)

    # --- the pipe route (RDD.pipe), binary shipped with SparkContext.addFile
    t0 = time.time()
    from pyspark import SparkFiles

    spark.sparkContext.addFile(falx)
    lines = spark.read.text(src, lineSep="\n").rdd.map(lambda r: r.value)
    pipe_dir = os.path.join(work, "pipe.jsonl")
    audit_pipe.audit_lines(lines, SparkFiles.get(os.path.basename(falx))).saveAsTextFile(pipe_dir)
    prow = [json.loads(x) for x in spark.read.text(pipe_dir, lineSep="\n").rdd.map(lambda r: r.value).collect()]
    check(f"pipe route: {len(prow)} rows out for {n_lines} lines in", len(prow) == n_lines)
    ids_once("pipe route: every input id exactly once", prow, gen_ids)
    # Spark decodes text before Python sees it: invalid UTF-8 reaches Falx as U+FFFD.
    decoded = falx_direct(falx, data.decode("utf-8", "replace").encode("utf-8"))
    same_rows("pipe route: the direct run's rows (of the file with invalid UTF-8 replaced)", prow, decoded)
    # Falx decodes bytes that are not UTF-8 itself, with a warning (here the lone 0xE9 reads as Windows-1252 "é";
    # other bytes become U+FFFD); Spark's text reader repairs them before Falx sees them, so only the warning differs.
    bad_df = next((r for r in rows if r["record_id"] == "bad-utf8"), {})
    bad_pipe = next((r for r in prow if r["record_id"] == "bad-utf8"), {})
    check("invalid UTF-8: an ok row in both routes, the repair warned about only where Falx saw the bytes",
          bad_df.get("status") == "ok" and bad_pipe.get("status") == "ok"
          and any(decoding_warning(w) for w in bad_df.get("warnings") or [])
          and not any(decoding_warning(w) for w in bad_pipe.get("warnings") or []))
    print(f"pipe route: {time.time() - t0:.1f} s", flush=True)

    # --- the guards: a falx that loses a row, and one that exits non-zero after all its rows
    t0 = time.time()
    small = spark.read.text(src, lineSep="\n").limit(100).repartition(2)
    for kind, body in (("drops-a-row", f'"{falx}" "$@" | sed \'$d\'\n'),
                       ("exits-3", f'"{falx}" "$@"\nexit 3\n')):
        wrapper = os.path.join(work, f"falx-{kind}")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\n" + body)
        os.chmod(wrapper, 0o755)
        needle = "got no row" if kind == "drops-a-row" else "exited 3"
        bdf = small.select(F.col("value").cast("binary").alias("line"))
        expect_failure(f"DataFrame route fails the job when falx {kind}",
                       lambda: audit_dataframe.audit(bdf, wrapper, columns, line_col="line").collect(), needle)
        plines = small.rdd.map(lambda r: r.value)
        # RDD.zip's complaints: a batch of pairs of unequal sides, or unequal numbers of batches
        pneedles = (("exited with error code 3",) if kind == "exits-3" else
                    ("different number of items", "same number of elements"))
        expect_failure(f"pipe route fails the job when falx {kind}",
                       lambda: audit_pipe.audit_lines(plines, wrapper).collect(), *pneedles)
    print(f"guards: {time.time() - t0:.1f} s", flush=True)
    spark.stop()

    # --- Spark Connect (a local server): the DataFrame route script as a user runs it
    if os.environ.get("SMOKE_CONNECT") == "1":
        t0 = time.time()
        cdir = os.path.join(work, "connect.parquet")
        r = subprocess.run([sys.executable, os.path.join(HERE, "audit_dataframe.py"), src, cdir, "--falx", falx,
                            "--remote", "local[2]"], capture_output=True, text=True)
        crows = pq_rows(cdir) if r.returncode == 0 else []
        check(f"Spark Connect: the DataFrame route script wrote {len(crows)} rows for {n_lines} lines",
              r.returncode == 0 and len(crows) == n_lines, r.stderr[-1500:])
        same_rows("Spark Connect: the direct run's rows", crows, direct)
        print(f"Spark Connect: {time.time() - t0:.1f} s", flush=True)

    failed = RESULTS.count(False)
    print(f"smoke: {RESULTS.count(True)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
