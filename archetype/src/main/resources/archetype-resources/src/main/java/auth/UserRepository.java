package ${package}.auth;

import static ${package}.db.Tables.USERS;
import static ${package}.db.Tables.USER_ROLES;

import ${package}.db.tables.records.UsersRecord;
import dev.mainstay.persistence.Database;
import dev.mainstay.persistence.UniqueViolationException;
import dev.mainstay.persistence.page.Keyset;
import dev.mainstay.persistence.page.Page;
import dev.mainstay.persistence.page.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Accounts and their roles in the {@code users} and {@code user_roles} tables. Thread-safe.
 */
public final class UserRepository {
    /** The unique constraint on {@code users.email}, as named in {@code V1__create_users.sql}. */
    private static final String UNIQUE_EMAIL = "users_email_key";

    private static final Keyset NEWEST_FIRST = Keyset.of(USERS.CREATED_AT.desc(), USERS.ID.desc());

    private final Database db;

    /**
     * Creates a repository over {@code db}.
     *
     * @param db the application's database, migrated
     */
    public UserRepository(Database db) {
        this.db = db;
    }

    /**
     * Inserts an account with its roles, all or nothing.
     *
     * @param email the normalized address
     * @param passwordHash the bcrypt hash
     * @param roles the roles to grant
     * @return the stored account, or empty if the address is taken
     */
    public Optional<User> create(String email, String passwordHash, Set<String> roles) {
        // Databases keep microseconds; truncating here makes what we return equal to what we read back.
        User user = new User(UUID.randomUUID(), email, passwordHash, roles, Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            db.transaction(tx -> {
                tx.insertInto(USERS)
                        .set(USERS.ID, user.id())
                        .set(USERS.EMAIL, user.email())
                        .set(USERS.PASSWORD_HASH, user.passwordHash())
                        .set(USERS.CREATED_AT, user.createdAt())
                        .execute();
                grant(tx, user.id(), roles);
            });
        } catch (UniqueViolationException e) {
            if (e.violates(UNIQUE_EMAIL)) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(user);
    }

    /** Returns the account with this (normalized) address, if any. */
    public Optional<User> findByEmail(String email) {
        return db.dsl().selectFrom(USERS).where(USERS.EMAIL.eq(email)).fetchOptional().map(this::withRoles);
    }

    /** Returns the account with this id, if any. */
    public Optional<User> findById(UUID id) {
        return db.dsl().selectFrom(USERS).where(USERS.ID.eq(id)).fetchOptional().map(this::withRoles);
    }

    /** Replaces a password hash, e.g. with one of a higher bcrypt cost after a login. */
    public void updatePasswordHash(UUID id, String passwordHash) {
        db.dsl().update(USERS).set(USERS.PASSWORD_HASH, passwordHash).where(USERS.ID.eq(id)).execute();
    }

    /** Grants {@code role} to an account that may already hold it. */
    public void grant(UUID id, String role) {
        db.transaction(tx -> {
            boolean held = tx.fetchExists(USER_ROLES, USER_ROLES.USER_ID.eq(id).and(USER_ROLES.ROLE.eq(role)));
            if (!held) {
                grant(tx, id, Set.of(role));
            }
        });
    }

    /**
     * Returns one page of all accounts, newest first.
     *
     * @param request the limit and the cursor of the previous page
     * @throws dev.mainstay.persistence.page.InvalidPageRequestException for a forged cursor (answered 400 naming {@code ?cursor})
     */
    public Page<User> list(PageRequest request) {
        Page<UsersRecord> page = NEWEST_FIRST.fetch(db.dsl().selectFrom(USERS), request);
        Map<UUID, Set<String>> roles = roles(page.items().stream().map(UsersRecord::getId).toList());
        return page.map(row -> user(row, roles.getOrDefault(row.getId(), Set.of())));
    }

    private User withRoles(Record row) {
        return user(row, roles(List.of(row.get(USERS.ID))).getOrDefault(row.get(USERS.ID), Set.of()));
    }

    private Map<UUID, Set<String>> roles(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.dsl()
                .select(USER_ROLES.USER_ID, USER_ROLES.ROLE)
                .from(USER_ROLES)
                .where(USER_ROLES.USER_ID.in(ids))
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(r -> r.value2(), Collectors.toSet())));
    }

    private static User user(Record row, Set<String> roles) {
        return new User(row.get(USERS.ID), row.get(USERS.EMAIL), row.get(USERS.PASSWORD_HASH), roles, row.get(USERS.CREATED_AT));
    }

    private static void grant(DSLContext tx, UUID id, Set<String> roles) {
        for (String role : roles) {
            tx.insertInto(USER_ROLES).set(USER_ROLES.USER_ID, id).set(USER_ROLES.ROLE, role).execute();
        }
    }
}
