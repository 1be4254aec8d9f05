package dev.mainstay.examples.realworld.articles;

import dev.mainstay.examples.realworld.users.UserRepository;
import dev.mainstay.examples.realworld.users.UserRow;
import dev.mainstay.persistence.Database;
import dev.mainstay.security.password.PasswordHasher;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the database with demo data for load tests: {@value #AUTHORS} authors and as many articles as
 * asked, each with two of a handful of tags, one second apart.
 *
 * <p>Idempotent: it tops up to the asked number of seeded articles, so a restart with the same setting
 * adds nothing. The seeded authors ({@code seed-author-0}...) get random passwords nobody knows.
 */
public final class Seeder {
    static final int AUTHORS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);
    private static final List<String> TAGS = List.of("dragons", "training", "java", "javalin", "jooq", "welcome");
    private static final int BATCH = 100;
    private static final String SLUG_PREFIX = "seeded-article-";

    private final Database db;
    private final UserRepository users;
    private final ArticleRepository articles;
    private final TagRepository tags;
    private final Clock clock;

    /** Creates a seeder. */
    public Seeder(Database db, UserRepository users, ArticleRepository articles, TagRepository tags, Clock clock) {
        this.db = db;
        this.users = users;
        this.articles = articles;
        this.tags = tags;
        this.clock = clock;
    }

    /** Makes sure at least {@code count} seeded articles exist; returns how many were added. */
    public int seed(int count, PasswordHasher hasher) {
        List<UserRow> authors = authors(hasher);
        int existing = articles.countWithSlugPrefix(SLUG_PREFIX);
        LocalDateTime start = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        for (int from = existing; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            int first = from;
            db.transaction(tx -> {
                for (int i = first; i < to; i++) {
                    long id = articles.insert(
                            authors.get(i % AUTHORS).id(),
                            slug(i),
                            "Seeded article " + i,
                            "Demo article number " + i,
                            "This article was seeded for load tests.",
                            start.minusSeconds(count - i));
                    tags.attach(id, Set.of(TAGS.get(i % TAGS.size()), TAGS.get((i + 1) % TAGS.size())));
                }
            });
        }
        int added = Math.max(0, count - existing);
        if (added > 0 && db.dialect().family() == SQLDialect.POSTGRES) {
            // PostgreSQL plans from table statistics; after a bulk load, refresh them now rather than at
            // autovacuum's next pass (or never, where autovacuum is off), or lists start with table scans.
            db.dsl().execute("ANALYZE users, articles, tags, article_tags");
        }
        LOG.info("Seeded {} articles ({} were already there)", added, existing);
        return added;
    }

    private List<UserRow> authors(PasswordHasher hasher) {
        String hash = null;
        List<UserRow> authors = new ArrayList<>(AUTHORS);
        for (int i = 0; i < AUTHORS; i++) {
            String name = "seed-author-" + i;
            UserRow author = users.findByUsername(name).orElse(null);
            if (author == null) {
                hash = hash != null ? hash : hasher.hash(UUID.randomUUID().toString());
                author = users.insert(name, name + "@example.com", hash);
            }
            authors.add(author);
        }
        return authors;
    }

    private static String slug(int i) {
        return SLUG_PREFIX + i;
    }
}
