"""Regenerate the column tables of README.md from the stages' declarations (arnews.pipeline.readme_tables).

    python scripts/readme_tables.py          # rewrite README.md
    python scripts/readme_tables.py --check  # exit 1 when README.md differs (tests/test_pipeline.py checks too)
"""

import sys
from pathlib import Path

from arnews.pipeline import published_tables, readme_tables
from arnews.stages import undocumented

README = Path(__file__).resolve().parents[1] / "README.md"

if __name__ == "__main__":
    problems = [p for name, t in published_tables().items() for p in undocumented(name, t)]
    if problems:
        sys.exit("declared columns without documentation:\n  " + "\n  ".join(problems))
    text = README.read_text(encoding="utf-8")
    new = readme_tables(text)
    if "--check" in sys.argv:
        if new != text:
            sys.exit("README.md's column tables differ from the declared ones: run python scripts/readme_tables.py")
        print("README.md is up to date")
    else:
        README.write_text(new, encoding="utf-8")
        print("README.md written" if new != text else "README.md already up to date")
