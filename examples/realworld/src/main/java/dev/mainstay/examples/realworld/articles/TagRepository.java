package dev.mainstay.examples.realworld.articles;

import static dev.mainstay.examples.realworld.db.Tables.ARTICLE_TAGS;
import static dev.mainstay.examples.realworld.db.Tables.TAGS;

import dev.mainstay.persistence.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.InsertValuesStep1;
import org.jooq.InsertValuesStep2;
import org.jooq.Record1;
import org.jooq.Record;

/**
 * Reads and writes tags ({@code tags}) and their links to articles ({@code article_tags}).
 * Tag lists come back sorted by {@link String#compareTo}, the same on every database; an article's own
 * tags are read with the article ({@link ArticleReader}). Thread-safe.
 */
public final class TagRepository {
    private final Database db;

    /** Creates the repository over {@code db}; inside {@code db.transaction(..)} it joins the transaction. */
    public TagRepository(Database db) {
        this.db = db;
    }

    /** Links article {@code articleId} to tags {@code names}, creating the tags that do not exist yet. */
    void attach(long articleId, Set<String> names) {
        if (names.isEmpty()) {
            return;
        }
        InsertValuesStep1<Record, String> newTags = db.dsl().insertInto(TAGS, TAGS.NAME);
        names.forEach(newTags::values);
        // Portable "insert if absent": ON CONFLICT on PostgreSQL, MERGE on H2, INSERT IGNORE on MariaDB.
        newTags.onConflict(TAGS.NAME).doNothing().execute();
        List<Long> ids =
                db.dsl().select(TAGS.ID).from(TAGS).where(TAGS.NAME.in(names)).fetch(TAGS.ID);
        InsertValuesStep2<Record, Long, Long> links =
                db.dsl().insertInto(ARTICLE_TAGS, ARTICLE_TAGS.ARTICLE_ID, ARTICLE_TAGS.TAG_ID);
        ids.forEach(id -> links.values(articleId, id));
        links.execute();
    }

    /** Returns every tag that at least one article has, sorted. */
    List<String> inUse() {
        List<String> names = new ArrayList<>(db.dsl().selectDistinct(TAGS.NAME)
                .from(TAGS)
                .join(ARTICLE_TAGS)
                .on(ARTICLE_TAGS.TAG_ID.eq(TAGS.ID))
                .fetch(Record1::value1));
        names.sort(null);
        return names;
    }
}
