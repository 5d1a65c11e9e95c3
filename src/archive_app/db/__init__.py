"""The catalogue: SQLAlchemy models, engine and pragmas, migrations, repositories."""
