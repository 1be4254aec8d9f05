-- The Conduit schema on MariaDB: AUTO_INCREMENT for identity columns, DATETIME(3) in UTC (MariaDB's
-- TIMESTAMP converts time zones), and utf8mb4_bin so that names compare case- and accent-sensitively
-- and byte by byte, as on PostgreSQL and H2 ("Jake" and "jake" are two users, as the spec's tests expect).

CREATE TABLE users (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    username      VARCHAR(64)   NOT NULL,
    email         VARCHAR(254)  NOT NULL,
    password_hash VARCHAR(100)  NOT NULL,
    bio           VARCHAR(2000),
    image         VARCHAR(2000),
    -- A change of password or e-mail revokes every token issued before it: tokens whose iat (seconds
    -- since the epoch, as in the JWT) is earlier than this are refused. 0 refuses none.
    tokens_valid_after BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username),
    CONSTRAINT users_email_key UNIQUE (email)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE follows (
    follower_id BIGINT NOT NULL,
    followee_id BIGINT NOT NULL,
    CONSTRAINT follows_pkey PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT follows_follower_fkey FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_followee_fkey FOREIGN KEY (followee_id) REFERENCES users (id) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- "Who follows this author?" is asked by the feed in the other direction of the primary key.
CREATE INDEX follows_followee_idx ON follows (followee_id);

CREATE TABLE articles (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug        VARCHAR(300)  NOT NULL,
    title       VARCHAR(255)  NOT NULL,
    description VARCHAR(1000) NOT NULL,
    body        TEXT          NOT NULL,
    author_id   BIGINT        NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    CONSTRAINT articles_slug_key UNIQUE (slug),
    CONSTRAINT articles_author_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- Lists are "most recent first": the global list walks this index, the author filter and the feed the next.
CREATE INDEX articles_created_idx ON articles (created_at, id);
CREATE INDEX articles_author_created_idx ON articles (author_id, created_at);

CREATE TABLE tags (
    id   BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    CONSTRAINT tags_name_key UNIQUE (name)
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL,
    tag_id     BIGINT NOT NULL,
    CONSTRAINT article_tags_pkey PRIMARY KEY (article_id, tag_id),
    CONSTRAINT article_tags_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    CONSTRAINT article_tags_tag_fkey FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- The tag filter goes from a tag to its articles.
CREATE INDEX article_tags_tag_idx ON article_tags (tag_id);

CREATE TABLE favorites (
    user_id    BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    CONSTRAINT favorites_pkey PRIMARY KEY (user_id, article_id),
    CONSTRAINT favorites_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT favorites_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
-- favoritesCount counts by article.
CREATE INDEX favorites_article_idx ON favorites (article_id);

CREATE TABLE comments (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    article_id BIGINT       NOT NULL,
    author_id  BIGINT       NOT NULL,
    body       TEXT         NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    CONSTRAINT comments_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    CONSTRAINT comments_author_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE INDEX comments_article_idx ON comments (article_id);
