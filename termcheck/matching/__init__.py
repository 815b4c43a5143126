"""Compiled matchers: one automaton for the Chinese forms, token automata for the renderings."""

from termcheck.matching.compiled import Matchers, compile_glossary

__all__ = ["Matchers", "compile_glossary"]
