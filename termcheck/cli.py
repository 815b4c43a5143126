"""The command line: the typer apps and the registration of each command (termcheck/commands/*).

Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage or input error.
"""

from __future__ import annotations

import gc
from importlib import import_module
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from termcheck.commands.common import Command, OneLineUsageErrors

# The commands of each group, in the order the help lists them: the module of each and its
# function (the module's EXAMPLES are the command's epilog).
_COMMANDS = {
    "check": ("termcheck.commands.check", "check_command"),
    "terms": ("termcheck.commands.terms", "terms_command"),
    "fix": ("termcheck.commands.fix", "fix_command"),
}
_GLOSSARY_COMMANDS = {
    "lookup": ("termcheck.commands.lookup", "lookup_command"),
    "validate": ("termcheck.commands.validate", "validate_command"),
    "stats": ("termcheck.commands.stats", "stats_command"),
    "export": ("termcheck.commands.export", "export_command"),
    "import": ("termcheck.commands.import_", "import_command"),
}


def _command(name: str) -> typer.core.TyperCommand | TyperGroup:
    """The click command `name` of either group, built by typer from its function."""
    if name == "glossary":
        return typer.main.get_group(glossary_app)
    module_name, function = _COMMANDS.get(name) or _GLOSSARY_COMMANDS[name]
    module = import_module(module_name)
    single = typer.Typer(rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    # Every command names its arguments in its usage line as its help does (PATHS..., FILE).
    single.command(name, cls=Command, epilog=module.EXAMPLES)(getattr(module, function))
    return typer.main.get_command(single)  # type: ignore[return-value]


class _CommandsOnDemand(TyperGroup):
    """A group whose commands typer builds when one is asked for by name: typer makes a command's
    options from its function's signature and type hints, a few milliseconds a command, and a run
    uses one command (the group's help asks for them all)."""

    names: tuple[str, ...] = ()

    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.names, *(name for name in super().list_commands(ctx) if name not in self.names)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.names and cmd_name not in self.commands:
            self.add_command(_command(cmd_name), cmd_name)
        return super().get_command(ctx, cmd_name)


class _Root(_CommandsOnDemand, OneLineUsageErrors):
    names = (*_COMMANDS, "glossary")


class _Glossary(_CommandsOnDemand):
    names = tuple(_GLOSSARY_COMMANDS)


app = typer.Typer(
    cls=_Root,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Check an English translation against its Chinese source with a curated glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help text: "[default: …]" and "[tool.termcheck]" are text, not markup.
    rich_markup_mode=None,
)
glossary_app = typer.Typer(
    name="glossary", cls=_Glossary, help="Inspect, check, convert and count the glossary.", no_args_is_help=True, rich_markup_mode=None
)


def _version(value: bool) -> None:
    if value:
        from termcheck import __version__

        typer.echo(f"termcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False,
) -> None:
    pass


def main() -> None:
    try:
        app(prog_name="termcheck")
    finally:
        # The process ends here, and its memory with it: without this, the collector's passes
        # over every object while the interpreter shuts down take a fifth of a one-line check.
        gc.freeze()
