/// The report's inline stylesheet: readable type, right-aligned numbers, quiet colours.
enum HTMLStyle {
    static let css = """
        :root { --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --code: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.6 -apple-system, "Segoe UI", "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 .5rem; }
        h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        header { margin-bottom: 2rem; }
        .meta, .description { color: var(--muted); margin: .25rem 0; font-size: .9rem; }
        .meta code { background: var(--code); padding: .1rem .3rem; border-radius: 4px; }
        .meta.provenance { font-size: .8rem; }
        .hash { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .875rem; }
        pre { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; overflow-x: auto; margin: .75rem 0; }
        pre.output { background: #fff; border-style: dashed; }
        .cell { margin: 1.25rem 0; }
        .table { overflow-x: auto; margin: .75rem 0; }
        table { border-collapse: collapse; font-size: .875rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--line); padding: .3rem .65rem; text-align: left; white-space: nowrap; }
        th { background: var(--code); font-weight: 600; }
        td.num, th.num { text-align: right; }
        tbody tr:nth-child(even) { background: #fbfcfd; }
        .more { color: var(--muted); font-size: .85rem; margin: .25rem 0; }
        .check { margin: .4rem 0; padding: .35rem .75rem; border-left: 4px solid; border-radius: 3px; }
        .check.passed, .meta .passed { color: var(--ok); }
        .check.passed { border-color: var(--ok); background: #f0fff4; }
        .check.failed, .meta .failed { color: var(--bad); }
        .check.failed { border-color: var(--bad); background: #fff5f5; }
        .warning { color: var(--warn); }
        p.warning { margin: .4rem 0; padding: .35rem .75rem; border-left: 4px solid var(--warn); background: #fff8e6; }
        .loc { color: var(--muted); font-size: .8rem; margin-left: .5rem; }
        .caption { color: var(--muted); font-style: italic; font-size: .9rem; }
        figure { margin: .8rem 0; }
        figure svg { max-width: 100%; height: auto; display: block; }
        """
}
