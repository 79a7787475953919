extension HTMLReport {
    /// The page's style: readable in black and white, A4 when printed, charts never split across pages.
    static let style: StaticString = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; background: #fff;
          margin: 0 auto; padding: 16px 24px 40px; max-width: 1120px; }
        h1 { font-size: 24px; margin: 8px 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 8px; padding-bottom: 3px; border-bottom: 2px solid #111; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        p { margin: 6px 0; }
        .notice { border: 2px solid #111; padding: 6px 10px; font-weight: bold; background: #f3f3f3; }
        .meta { color: #333; }
        .warn { border-left: 5px solid #a50f15; padding: 4px 10px; background: #fbeaea; }
        nav ol { columns: 3; margin: 6px 0; padding-left: 22px; }
        .cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0; }
        .card { border: 1px solid #555; padding: 6px 12px; min-width: 150px; }
        .card b { display: block; font-size: 22px; }
        .card span { font-size: 12px; color: #333; }
        table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; white-space: nowrap; }
        th, td { border: 1px solid #777; padding: 3px 6px; vertical-align: top; text-align: left; }
        th { background: #e8e8e8; }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        table.wide { width: 100%; }
        mark { background: #ffe066; color: #000; font-weight: bold; border-bottom: 2px solid #000; padding: 0 1px; }
        figure.chart { margin: 10px 0 16px; max-width: 860px; break-inside: avoid; page-break-inside: avoid; }
        figure.chart svg { width: 100%; height: auto; display: block; }
        figcaption { font-size: 12px; color: #333; }
        svg text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 12px; }
        svg text.label, svg text.value { fill: #111; }
        svg text.in-bar { font-size: 11px; font-weight: bold; }
        svg text.value { font-size: 11.5px; }
        svg.defs { position: absolute; }
        .small { font-size: 12px; color: #333; }
        tr.small-n { color: #6b6b6b; background: #f3f3f3; }
        .small-n-mark { font-style: italic; }
        table.worklist { table-layout: fixed; }
        table.worklist { font-size: 12px; }
        table.worklist .small { font-size: inherit; }
        table.worklist td { overflow-wrap: break-word; }
        .rules span.rule { display: block; }
        .controls { margin: 6px 0; display: flex; gap: 12px; align-items: center; }
        .controls input { font: inherit; padding: 3px 6px; width: 320px; }
        th.sorts { cursor: pointer; }
        th.sorts:focus { outline: 2px solid #000; }
        th[aria-sort="ascending"]::after { content: " \\25B2"; }
        th[aria-sort="descending"]::after { content: " \\25BC"; }
        details summary { cursor: pointer; }
        footer { margin-top: 30px; font-size: 12px; color: #333; border-top: 1px solid #777; padding-top: 6px; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11px; }
          nav, .controls { display: none; }
          h2 { break-after: avoid; page-break-after: avoid; }
          table { break-inside: auto; }
          tr, figure.chart, .card { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          details > *:not(summary) { display: block; }
          a { color: inherit; text-decoration: none; }
          table.worklist { font-size: 9px; }
        }
        """

    /// Sorting and filtering of the worklist and error tables. Without scripts the tables are complete
    /// and readable; the script only adds a filter box and clickable headers.
    static let script: StaticString = """
        (function () {
          "use strict";
          function cellKey(row, i) {
            var c = row.cells[i];
            return c ? (c.getAttribute("data-sort") || c.textContent.trim()) : "";
          }
          Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
            var body = table.tBodies[0];
            if (!body || !table.tHead) { return; }
            var box = document.createElement("input");
            box.type = "search";
            box.placeholder = "Filter rows (any text, e.g. R4)";
            box.setAttribute("aria-label", "Filter the rows of " + (table.caption ? table.caption.textContent : "the table"));
            var count = document.createElement("span");
            count.className = "small";
            var bar = document.createElement("div");
            bar.className = "controls";
            bar.appendChild(box);
            bar.appendChild(count);
            table.parentNode.insertBefore(bar, table);
            function filter() {
              var q = box.value.toLowerCase(), shown = 0;
              Array.prototype.forEach.call(body.rows, function (row) {
                var keep = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
                row.hidden = !keep;
                if (keep) { shown += 1; }
              });
              count.textContent = shown + " of " + body.rows.length + " rows shown";
            }
            box.addEventListener("input", filter);
            filter();
            var heads = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(heads, function (th, i) {
              // The header itself sorts (click, Enter or Space); its text stays plain text, which
              // prints in the header repeated on every page.
              th.tabIndex = 0;
              th.className += " sorts";
              th.title = "Sort by this column";
              function sort() {
                var ascending = th.getAttribute("aria-sort") !== "ascending";
                Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
                th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = cellKey(a, i), y = cellKey(b, i);
                  var nx = Number(x), ny = Number(y);
                  var d = (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                  return ascending ? d : -d;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              }
              th.addEventListener("click", sort);
              th.addEventListener("keydown", function (e) {
                if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
              });
            });
          });
          // For scripts/report-screenshot.sh: the laid-out height, and a sign the script ran to its end.
          document.documentElement.setAttribute("data-report-height", String(document.documentElement.scrollHeight));
          document.documentElement.setAttribute("data-report-script", "ready");
        })();
        """
}
