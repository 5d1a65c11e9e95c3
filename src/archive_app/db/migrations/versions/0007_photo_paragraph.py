"""Where an inline photo stood in the text: the body paragraph it followed.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable: photos archived before this revision were never placed and stay at the end
    with op.batch_alter_table("photos") as batch:
        batch.add_column(sa.Column("paragraph", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("photos") as batch:
        batch.drop_column("paragraph")
