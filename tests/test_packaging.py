"""The two ways to install must agree, and the project's files must be what a fresh machine needs."""
import re
import subprocess
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(req: str) -> str:
    return req.replace(" ", "").lower().replace("_", "-")


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_spec(r) for r in project["dependencies"] + project["optional-dependencies"]["dev"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed |= {_spec(d) for d in dep["pip"] if d != "-e ."}
        elif _name(dep) not in ("python", "pip"):
            listed.add(_spec(dep))
    assert listed == wanted
    assert "-e ." in next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]


def test_matplotlib_is_pinned_to_a_version_that_shapes_arabic():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "matplotlib>=3.11" in project["dependencies"]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "make briefing" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci/run").read_text()


def test_seeds_are_the_shared_seeds_unchanged_plus_metadata():
    files = sorted(p.name for p in (ROOT / "seeds").iterdir())
    assert [f for f in files if f.endswith(".txt")] == [
        "000_390198dbe8c26a76.txt", "001_c41c622fadb124d0.txt", "002_ea3de26980be0bec.txt",
        "003_4ec1b37fe34376e5.txt", "004_0b7ef937f1fcd627.txt"]
    assert "metadata.csv" in files


def test_notebooks_are_committed_without_outputs():
    import nbformat

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), path.name
        tags = [c.metadata.get("tags", []) for c in nb.cells]
        assert any("parameters" in t for t in tags), f"{path.name} has no cell tagged 'parameters'"


def test_generated_folders_are_ignored_by_git():
    out = subprocess.run(["git", "check-ignore", "figures/x.png", "reports/briefing.html", "build/x.ipynb"],
                         cwd=ROOT, capture_output=True, text=True)
    assert len(out.stdout.split()) == 3


def test_no_module_defines_a_top_level_name_twice():
    """A function or module constant defined twice (two merged branches each adding one) silently serves every use
    with the later definition."""
    import ast

    twice = []
    for path in sorted((ROOT / "lib" / "arnews").rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
                names = [node.target.id]
            else:
                continue
            twice += [f"{path.name}: {n}" for n in names if n in seen]
            seen.update(names)
    assert twice == []
