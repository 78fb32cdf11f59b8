"""Demo data for this app, loaded by `manage.py load_initial_data`."""


def load(stdout):
    stdout.write("No demo data yet.")
