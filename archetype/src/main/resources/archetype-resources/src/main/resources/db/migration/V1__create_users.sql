-- Accounts. E-mail addresses are stored lower-cased by the application, so the unique
-- constraint is also case-insensitive. Passwords are bcrypt hashes, never the password.
CREATE TABLE users (
    id            UUID                     NOT NULL,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(100)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

-- Roles per user: "user" for everyone, "admin" for administrators.
CREATE TABLE user_roles (
    user_id UUID        NOT NULL,
    role    VARCHAR(50) NOT NULL,
    CONSTRAINT user_roles_pk PRIMARY KEY (user_id, role),
    CONSTRAINT user_roles_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Keyset pagination of the admin's user list walks (created_at, id) newest first.
CREATE INDEX users_created_idx ON users (created_at, id);
