-- Notes belong to one user. Sizes are in characters as PostgreSQL counts them (code points);
-- the application checks the limits (title 1..200, body up to 10,000) before any write.
-- H2 counts UTF-16 units, in which one code point can take two, hence the doubled widths.
CREATE TABLE notes (
    id         UUID                     NOT NULL,
    owner_id   UUID                     NOT NULL,
    title      VARCHAR(400)             NOT NULL,
    body       VARCHAR(20000)           NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notes_pk PRIMARY KEY (id),
    CONSTRAINT notes_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);

-- One index serves the only list query: one owner's notes, newest first, by keyset.
CREATE INDEX notes_owner_created_idx ON notes (owner_id, created_at, id);
