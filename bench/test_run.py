"""Unit tests for bench/run.py: parsing and table generation.

    python3 -m unittest bench/test_run.py
"""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import run  # noqa: E402


class ParseScale(unittest.TestCase):
    def test_header(self):
        src = "# fib: recursive calls.\n# scale: default=34 smoke=18\nimport sys\n"
        self.assertEqual(run.parse_scale(src), {"default": 34, "smoke": 18})

    def test_order_and_extra_keys(self):
        self.assertEqual(run.parse_scale("#scale: smoke=2 default=9 quick=3"),
                         {"default": 9, "smoke": 2, "quick": 3})

    def test_missing(self):
        with self.assertRaises(ValueError):
            run.parse_scale("print(1)\n")
        with self.assertRaises(ValueError):
            run.parse_scale("# scale: default=10\n")
        with self.assertRaises(ValueError):
            run.parse_scale("# scale: default 10 smoke=1\n")
        with self.assertRaises(ValueError):
            run.parse_scale("# scale: default=ten smoke=1\n")

    def test_every_program_has_one(self):
        progs = run.discover_programs()
        self.assertGreaterEqual(len(progs), 12)
        for p in progs:
            self.assertLess(p["scale"]["smoke"], p["scale"]["default"], p["name"])
            # the in-program default agrees with the header
            with open(p["path"], encoding="utf-8") as f:
                src = f.read()
            self.assertIn(f"else {p['scale']['default']}\n", src, p["name"])

    def test_every_program_has_an_expected_smoke_output(self):
        for p in run.discover_programs():
            path = os.path.join(run.EXPECTED_DIR, p["name"] + ".smoke.out")
            self.assertTrue(os.path.exists(path), path)

    def test_scaled_arg(self):
        self.assertEqual(run.scaled_arg(34, 1.0), 34)
        self.assertEqual(run.scaled_arg(400, 0.5), 200)
        self.assertEqual(run.scaled_arg(3, 0.1), 1)
        self.assertEqual(run.scaled_arg(10, 0.25), 2)


class ParseLedger(unittest.TestCase):
    REPORT = {
        "ledger": {
            "ast": {"current": 384, "peak": 9498},
            "objects": {"current": 81718, "peak": 123729},
            "native": {"current": 0, "peak": 0},
        },
        "process": {"heap": {"rss": 12288}},
        "rss": 4681728,
    }

    def test_last_line(self):
        stderr = "some warning\n" + json.dumps(self.REPORT) + "\n\n"
        self.assertEqual(run.parse_ledger(stderr), {"ast": 9498, "objects": 123729, "native": 0})

    def test_absent_or_broken(self):
        self.assertIsNone(run.parse_ledger(""))
        self.assertIsNone(run.parse_ledger("Traceback (most recent call last):\nValueError: x\n"))
        self.assertIsNone(run.parse_ledger('{"ledger": 3}\n'))
        self.assertIsNone(run.parse_ledger("[1, 2]\n"))

    def test_skips_malformed_categories(self):
        self.assertEqual(run.parse_ledger('{"ledger": {"a": {"peak": 5}, "b": 7, "c": {}}}'),
                         {"a": 5})


class ParseMeasure(unittest.TestCase):
    def test_line(self):
        self.assertEqual(run.parse_measure("1.250000 4804 0 0\n"),
                         {"seconds": 1.25, "maxrss_kb": 4804, "exit": 0, "timed_out": False})
        self.assertEqual(run.parse_measure("1.001404 1584 -9 1\n")["timed_out"], True)

    def test_bad(self):
        with self.assertRaises(ValueError):
            run.parse_measure("")
        with self.assertRaises(ValueError):
            run.parse_measure("1.0 2 3")


class Comparison(unittest.TestCase):
    def test_equal(self):
        self.assertIsNone(run.first_difference("a\nb\n", "a\nb\n"))

    def test_line_differs(self):
        self.assertEqual(run.first_difference("a\nb\nc\n", "a\nx\nc\n"), (2, "b", "x"))

    def test_shorter_and_longer(self):
        self.assertEqual(run.first_difference("a\nb\n", "a\n"), (2, "b", "<eof>"))
        self.assertEqual(run.first_difference("a\n", "a\nz\n"), (2, "<eof>", "z"))

    def test_trailing_newline(self):
        self.assertIsNotNone(run.first_difference("a\n", "a"))


class Stats(unittest.TestCase):
    def test_summarize(self):
        self.assertEqual(run.summarize([3.0, 1.0, 2.0]), {"median": 2.0, "min": 1.0, "max": 3.0})
        self.assertEqual(run.summarize([1.0, 2.0])["median"], 1.5)
        self.assertIsNone(run.summarize([]))

    def test_ratio_and_geomean(self):
        self.assertEqual(run.ratio(2.0, 4.0), 0.5)
        self.assertIsNone(run.ratio(2.0, None))
        self.assertIsNone(run.ratio(None, 1.0))
        self.assertIsNone(run.ratio(1.0, 0.0))
        self.assertAlmostEqual(run.geomean([2.0, 8.0]), 4.0)
        self.assertAlmostEqual(run.geomean([2.0, None, 8.0]), 4.0)
        self.assertIsNone(run.geomean([]))

    def test_formatting(self):
        self.assertEqual(run.fmt_seconds(None), "–")
        self.assertEqual(run.fmt_seconds(0.0012), "0.0012")
        self.assertEqual(run.fmt_seconds(1.23456), "1.235")
        self.assertEqual(run.fmt_seconds(12.345), "12.3")
        self.assertEqual(run.fmt_ratio(0.5), "0.50×")
        self.assertEqual(run.fmt_ratio(31.06), "31.1×")
        self.assertEqual(run.fmt_ratio(250.4), "250×")
        self.assertEqual(run.fmt_ratio(None), "–")
        self.assertEqual(run.fmt_mb(2048), "2.0")
        self.assertEqual(run.fmt_mb(None), "–")
        self.assertEqual(run.fmt_bytes(512), "512 B")
        self.assertEqual(run.fmt_bytes(2048), "2.0 K")
        self.assertEqual(run.fmt_bytes(3 * 1024 * 1024), "3.00 M")


class ChoosePython(unittest.TestCase):
    def test_prefers_pgo_then_lto_then_first(self):
        plain = {"path": "python3", "version": "3.11.7", "config_args": "'--enable-shared'"}
        lto = {"path": "/usr/bin/python3", "version": "3.11.2", "config_args": "'--with-lto'"}
        pgo = {"path": "python3.12", "version": "3.12.1",
               "config_args": "'--enable-optimizations' '--with-lto'"}
        self.assertIs(run.choose_python([plain, lto, pgo])[0], pgo)
        self.assertIs(run.choose_python([plain, lto])[0], lto)
        c, why = run.choose_python([plain])
        self.assertIs(c, plain)
        self.assertIn("only CPython", why)
        self.assertIn("no optimised build", run.choose_python([plain, dict(plain, path="x")])[1])
        self.assertIsNone(run.choose_python([])[0])

    def test_calibration_wins_over_configure_flags(self):
        a = {"path": "python3", "version": "3.11.7", "config_args": "'--enable-optimizations'",
             "calibration": 0.30}
        b = {"path": "/usr/bin/python3", "version": "3.11.2", "config_args": "", "calibration": 0.20}
        c, why = run.choose_python([a, b])
        self.assertIs(c, b)
        self.assertIn("0.200 s vs python3 0.300 s", why)
        # a candidate whose calibration failed: fall back to the flags
        self.assertIs(run.choose_python([a, dict(b, calibration=None)])[0], a)


def sample_report():
    def ok(median, rss_kb, **extra):
        r = {"status": "ok", "time": {"median": median, "min": median * 0.9, "max": median * 1.1},
             "samples": [median], "maxrss_kb": rss_kb}
        r.update(extra)
        return r

    fib = {"name": "fib", "arg": 34, "results": {
        "cpython": ok(2.0, 13000),
        "lethe": ok(0.5, 4800, ledger={"ast": 9498, "objects": 123729, "native": 0}),
        "pypy3": ok(0.25, 56000),
        "native": ok(0.02, 1300),
    }}
    words = {"name": "word_freq", "arg": 100, "results": {
        "cpython": ok(1.0, 30000),
        "lethe": {"status": "mismatch",
                  "detail": "output differs from CPython at line 2: expected 'a', got 'b'"},
        "pypy3": ok(0.5, 60000),
    }}
    report = {
        "meta": {"date": "2025-01-01 12:00 UTC", "machine": "Test CPU, 2 cores", "runs": 3,
                 "scale_factor": 1.0, "quick": False},
        "runtimes": {
            "lethe": {"description": "target/release/lethe", "version": "0.1"},
            "cpython": {"description": "/usr/bin/python3 (CPython 3.11.7)", "version": "3.11.7"},
            "pypy3": {"description": "/usr/bin/pypy3", "version": "7.3"},
            "native": {"description": "cc -O2", "version": "12"},
        },
        "programs": [fib, words],
    }
    for p in report["programs"]:
        run.add_ratios(p)
    return report


class Table(unittest.TestCase):
    def setUp(self):
        self.report = sample_report()
        self.md = run.render_markdown(self.report)

    def test_ratios(self):
        fib = self.report["programs"][0]["results"]
        self.assertAlmostEqual(fib["lethe"]["vs_cpython"], 0.25)
        self.assertAlmostEqual(fib["lethe"]["vs_native"], 25.0)
        self.assertAlmostEqual(fib["cpython"]["vs_native"], 100.0)
        words = self.report["programs"][1]["results"]
        self.assertIsNone(words["pypy3"]["vs_native"])
        self.assertAlmostEqual(fib["lethe"]["rss_vs_cpython"], 4800 / 13000)
        self.assertNotIn("vs_cpython", words["lethe"])

    def test_header_and_meta(self):
        self.assertTrue(self.md.startswith("# Benchmarks\n"))
        self.assertIn("- date: 2025-01-01 12:00 UTC", self.md)
        self.assertIn("- machine: Test CPU, 2 cores", self.md)
        self.assertIn("**cpython**: /usr/bin/python3 (CPython 3.11.7)", self.md)

    def test_rows(self):
        lines = self.md.splitlines()
        self.assertIn(
            "| program | arg | runtime | median s | min–max s | vs CPython | vs native | peak RSS MB |",
            lines)
        self.assertIn("| fib | 34 | lethe | 0.500 | 0.450–0.550 | 0.25× | 25.0× | 4.7 |", lines)
        self.assertIn("| fib | 34 | native | 0.020 | 0.018–0.022 | 0.01× | 1.00× | 1.3 |", lines)
        self.assertIn("| word_freq | 100 | pypy3 | 0.500 | 0.450–0.550 | 0.50× | – | 58.6 |", lines)
        self.assertIn("| word_freq | 100 | lethe | **mismatch** | – | – | – | – |", lines)

    def test_runtime_order_follows_report(self):
        rows = [l for l in self.md.splitlines() if l.startswith("| fib | 34 |")]
        self.assertEqual([r.split("|")[3].strip() for r in rows],
                         ["lethe", "cpython", "pypy3", "native"])

    def test_failures_section(self):
        self.assertIn("## Failures (not timed)", self.md)
        self.assertIn("- **word_freq** under lethe: mismatch — output differs", self.md)

    def test_summary_geomeans(self):
        lines = self.md.splitlines()
        self.assertIn("| lethe | 0.25× | 1 | 25.0× | 1 | 0.37× |", lines)
        self.assertIn("| pypy3 | 0.25× | 2 | 12.5× | 1 | 2.94× |", lines)
        self.assertIn("| cpython | 1.00× | – | 100× | 1 | 1.00× |", lines)

    def test_ratios_per_program(self):
        lines = self.md.splitlines()
        self.assertIn("| program | lethe time / CPython | lethe time / native | lethe RSS / CPython "
                      "| pypy3 time / CPython | pypy3 RSS / CPython |", lines)
        self.assertIn("| fib | 0.25× | 25.0× | 0.37× | 0.12× | 4.31× |", lines)
        self.assertIn("| word_freq | **mismatch** | – | – | 0.50× | 2.00× |", lines)

    def test_load_average(self):
        report = sample_report()
        report["meta"]["loadavg_start"] = [1.5, 1.0, 0.5]
        report["meta"]["loadavg_end"] = [2.0, 1.0, 0.5]
        self.assertIn("at start: 1.5/1.0/0.5, at end: 2.0/1.0/0.5", run.render_markdown(report))

    def test_ledger_table_skips_zero_categories(self):
        self.assertIn("## lethe memory ledger: peak per category", self.md)
        lines = self.md.splitlines()
        self.assertIn("| program | ast | objects |", lines)
        self.assertIn("| fib | 9.3 K | 120.8 K |", lines)

    def test_no_failures_no_section(self):
        report = sample_report()
        report["programs"] = report["programs"][:1]
        self.assertNotIn("Failures", run.render_markdown(report))

    def test_json_round_trip(self):
        self.assertEqual(json.loads(json.dumps(self.report)), self.report)


class Plots(unittest.TestCase):
    def test_plot_command(self):
        argv = run.plot_command("target/release/memuse", "target/release/lethe", "bench/fib.py",
                                34, "docs/plots/fib.svg", "target/bench/plots/fib.trace.jsonl",
                                "target/bench/plots/fib.memuse.txt")
        self.assertEqual(argv, [
            "target/release/memuse", "-o", "target/bench/plots/fib.memuse.txt",
            "--plot", "docs/plots/fib.svg", "--ledger", "target/bench/plots/fib.trace.jsonl",
            "--", "target/release/lethe", "--mem-trace=target/bench/plots/fib.trace.jsonl",
            "bench/fib.py", "34"])

    def test_rel_to_root(self):
        self.assertEqual(run.rel_to_root(os.path.join(run.ROOT, "target", "release", "lethe")),
                         os.path.join("target", "release", "lethe"))
        self.assertEqual(run.rel_to_root("/usr/bin/python3"), "/usr/bin/python3")

    def make(self, fail=None):
        """make_plots over sample_report() with a fake run that writes the SVG."""
        import tempfile
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        md_dir = tmp.name
        svg_dir = os.path.join(md_dir, "plots")
        work = os.path.join(md_dir, "work")
        calls = []

        def fake_run(argv, cwd, timeout):
            calls.append((argv, cwd))
            svg = argv[argv.index("--plot") + 1]
            name = os.path.basename(svg)[:-4]
            if name == fail:
                return {"exit": 1, "timed_out": False, "stdout": "", "stderr": "boom\n",
                        "seconds": 0.1, "maxrss_kb": None}
            path = svg if os.path.isabs(svg) else os.path.join(cwd, svg)
            with open(path, "w") as f:
                f.write("<svg>" + name + "</svg>")
            return {"exit": 0, "timed_out": False, "stdout": "",
                    "stderr": "memuse: --ledger x: no samples; plot drawn without the ledger\n",
                    "seconds": 0.1, "maxrss_kb": None}

        report = sample_report()
        logs = []
        made = run.make_plots(report, "/x/lethe", "/x/memuse", svg_dir, md_dir, work,
                              logs.append, run=fake_run)
        return report, made, calls, logs

    def test_one_plot_per_program_lethe_passed(self):
        report, made, calls, logs = self.make()
        self.assertEqual(made, 1)
        fib, words = report["programs"]
        self.assertEqual(fib["plot"]["svg"], os.path.join("plots", "fib.svg"))
        self.assertEqual(fib["plot"]["bytes"], len("<svg>fib</svg>"))
        # word_freq's lethe result is a mismatch: no plot run at all.
        self.assertNotIn("plot", words)
        self.assertEqual(len(calls), 1)
        argv, cwd = calls[0]
        self.assertEqual(cwd, run.ROOT)
        self.assertEqual(argv[-2:], [os.path.join("bench", "fib.py"), "34"])
        self.assertTrue(argv[argv.index("--") + 2].startswith("--mem-trace="))
        self.assertTrue(any("no plot" in l and "word_freq" in l for l in logs), logs)
        # memuse's warnings reach the log.
        self.assertTrue(any("drawn without the ledger" in l for l in logs), logs)
        self.assertEqual(report["meta"]["plots"]["trace_interval_ms"], 10)

    def test_failed_plot_is_recorded(self):
        report, made, _, logs = self.make(fail="fib")
        self.assertEqual(made, 0)
        self.assertIn("exit 1: boom", report["programs"][0]["plot_error"])
        self.assertNotIn("plot", report["programs"][0])

    def test_markdown_shows_the_plots(self):
        report, _, _, _ = self.make()
        report["meta"]["plots"]["date"] = "2025-01-02 10:00 UTC"
        report["meta"]["plots"]["commit"] = "abc1234"
        md = run.render_markdown(report)
        self.assertIn("## lethe memory over time", md)
        self.assertIn("made 2025-01-02 10:00 UTC from commit abc1234", md)
        lines = md.splitlines()
        self.assertIn("### fib", lines)
        self.assertIn(f"![fib: lethe memory over time]({os.path.join('plots', 'fib.svg')})", lines)
        self.assertNotIn("### word_freq", lines)
        # The plot section comes after the tables and does not disturb them.
        self.assertLess(md.index("## lethe memory ledger"), md.index("## lethe memory over time"))
        self.assertIn("| fib | 34 | lethe | 0.500 | 0.450–0.550 | 0.25× | 25.0× | 4.7 |", lines)

    def test_no_plots_no_section(self):
        self.assertNotIn("memory over time", run.render_markdown(sample_report()))

    def test_plots_only_keeps_the_timings(self):
        """--plots-only reads OUTPUT.json, adds plots, rewrites .md and .json."""
        import tempfile
        from unittest import mock
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        prefix = os.path.join(tmp.name, "benchmarks")
        report = sample_report()
        with open(prefix + ".json", "w") as f:
            json.dump(report, f)
        exe = os.path.join(tmp.name, "exe")
        open(exe, "w").close()

        def fake_make(rep, lethe, memuse, svg_dir, md_dir, work, log, timeout, only):
            self.assertEqual((lethe, memuse), (exe, exe))
            self.assertEqual(svg_dir, os.path.join(tmp.name, "plots"))
            self.assertEqual(only, {"fib"})
            rep["programs"][0]["plot"] = {"svg": "plots/fib.svg", "bytes": 10}
            rep["meta"]["plots"] = {}
            return 1

        with mock.patch.object(run, "make_plots", fake_make), \
                mock.patch.object(run, "run_all", side_effect=AssertionError("timed")):
            status = run.main(["--plots-only", "--output", prefix, "--lethe", exe,
                               "--memuse", exe, "--only", "fib"])
        # word_freq's lethe mismatch in the kept report still counts as a failure.
        self.assertEqual(status, 1)
        with open(prefix + ".json") as f:
            saved = json.load(f)
        self.assertEqual(saved["programs"][0]["results"]["lethe"]["time"],
                         report["programs"][0]["results"]["lethe"]["time"])
        self.assertEqual(saved["programs"][0]["plot"]["svg"], "plots/fib.svg")
        with open(prefix + ".md") as f:
            self.assertIn("![fib: lethe memory over time](plots/fib.svg)", f.read())

    def test_plots_only_without_a_report_says_so(self):
        with self.assertRaises(SystemExit) as e:
            run.main(["--plots-only", "--output", "/nonexistent-dir/benchmarks"])
        self.assertIn("--plots-only needs a report", str(e.exception))


class NativeTier(unittest.TestCase):
    def test_fragment_is_included_verbatim_when_present(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "frag.md")
            self.assertEqual(run.render_native_tier(path), [])
            with open(path, "w") as f:
                f.write("## The native tier\n\n| a | b |\n")
            self.assertEqual(run.render_native_tier(path),
                             ["", "## The native tier", "", "| a | b |", ""])


if __name__ == "__main__":
    unittest.main()
