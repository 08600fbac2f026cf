"""Aligned plain-text tables for the terminal."""


def text_table(header: list[str], rows: list[list[str]], numeric: bool = False) -> str:
    """Columns padded to their widest cell, a rule under the header; with `numeric`, every
    column but the first is right-aligned."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        padded = [c.rjust(w) if numeric and i else c.ljust(w)
                  for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)]) + "\n"
