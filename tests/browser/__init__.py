"""Helpers for the browser tests and the screenshot script: serving a built site to Chromium."""
