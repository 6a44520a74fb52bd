"""arnews: analyse a corpus of Arabic news — actors, timeline, quotes and stance — and brief on it."""

__version__ = "0.1.0"
