#!/usr/bin/env python3
"""Falx on Spark, the pipe route: `RDD.pipe`, for classic clusters (RDDs; not Spark Connect).

    spark-submit --files /path/to/falx audit_pipe.py INPUT OUTPUT
    python3 audit_pipe.py INPUT OUTPUT --falx .build-static/falx --master 'local[2]'

INPUT is JSON Lines, read as text split on LF only (as Falx splits); each partition's lines are
piped through one `falx audit --stdin --no-header --format jsonl` process. OUTPUT is a folder of
JSON Lines part files, one audit row per input line (the 50 audit columns, typed JSON Lines, docs/audit-schema.md).

The traps of RDD.pipe, and what this script does about them:
- a non-zero exit is ignored unless checkCode=True: it passes checkCode=True;
- nothing checks rows out = lines in: each output partition is zipped with its input partition
  (RDD.zip fails when their lengths differ) and every row is checked against its line: `source`
  must be `stdin#<n>` and the id echoed must be the line's own;
- env= replaces the whole environment, and PySpark's default is an EMPTY one (not the executor's):
  it passes the few variables Falx wants, built here on the driver (whose os.environ is not the
  executor's, so it is not copied);
- CSV rows may hold line breaks inside quoted cells, which a line-oriented pipe would split, and a
  CSV header would repeat once per partition: it asks for --format jsonl and --no-header;
- Spark's text reader splits on CR too unless lineSep="\\n": it passes lineSep="\\n";
- a line with invalid UTF-8 reaches Falx with U+FFFD in its place (Spark decodes text before
  Python sees it), where a direct run reports that line as not valid JSON; the DataFrame route
  (audit_dataframe.py) sends the bytes unchanged.
"""
import argparse
import json
import os
import shlex
import sys


def check_rows(pairs):
    """Checks one partition's (line, output row) pairs; yields the output rows."""
    import json

    n = 0
    for line, out in pairs:
        n += 1
        row = json.loads(out)
        if row.get("source") != f"stdin#{n}":
            raise RuntimeError(f"falx-spark: row {n} is for {row.get('source')}: rows and lines are out of step")
        try:
            obj = json.loads(line)
            expect = obj.get("id") if isinstance(obj, dict) else None
        except ValueError:
            expect = None
        if isinstance(expect, str) and expect and row["record_id"] != expect and not row["record_id"].startswith(expect + "~") and not (
                row["status"] == "error" and row["record_id"] == f"stdin#{n}"):
            raise RuntimeError(f"falx-spark: row {n} echoes id {row['record_id']!r}, its line had {expect!r}")
        yield out


def audit_lines(lines, falx, jobs=1):
    """Pipes an RDD of JSON Lines strings through falx; returns the checked RDD of JSONL rows."""
    command = shlex.join([falx, "audit", "--stdin", "--no-header", "--format", "jsonl", "--quiet",
                          "--jobs", str(jobs)])
    # The child's whole environment (PySpark's pipe gives it no other): Falx needs none of these to
    # run, but a locale and PATH keep it ordinary, and SWIFT_BACKTRACE=enable=no keeps a crash
    # report short in the executor log.
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"}
    out = lines.pipe(command, env=env, checkCode=True)
    return lines.zip(out).mapPartitions(check_rows)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSON Lines file or folder")
    p.add_argument("output", help="output folder (JSON Lines part files)")
    p.add_argument("--falx", default=os.environ.get("FALX"),
                   help="falx on this machine, shipped with SparkContext.addFile (default: $FALX); "
                        "omit when spark-submit --files shipped it")
    p.add_argument("--falx-on-executors", metavar="PATH",
                   help="absolute path of falx already installed on every node (nothing is shipped)")
    p.add_argument("--jobs", type=int, default=1, help="falx --jobs per task (default 1)")
    p.add_argument("--master", help="e.g. local[2] (spark-submit sets it otherwise)")
    a = p.parse_args(argv)

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName("falx-audit-pipe")
    if a.master:
        b = b.master(a.master)
        if a.master.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = b.getOrCreate()
    sc = spark.sparkContext

    if a.falx_on_executors:
        falx = a.falx_on_executors
    else:
        name = "falx"
        if a.falx:
            sc.addFile(os.path.abspath(a.falx))
            name = os.path.basename(a.falx)
        # RDD.pipe's command is fixed here, on the driver. In local mode the executor shares the
        # driver's SparkFiles folder; on a cluster, shipped files land in each executor's working
        # directory (where the Python workers run), so a relative ./name finds them.
        falx = SparkFiles.get(name) if sc.master.startswith("local") else "./" + name

    lines = spark.read.text(a.input, lineSep="\n").rdd.map(lambda r: r.value)
    rows = audit_lines(lines, falx, a.jobs)
    rows.saveAsTextFile(a.output)
    rows_in, rows_out = lines.count(), spark.read.text(a.output, lineSep="\n").count()
    print(f"{rows_in} lines in, {rows_out} rows out -> {a.output}", file=sys.stderr)
    if rows_in != rows_out:
        print("error: rows out != lines in", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
