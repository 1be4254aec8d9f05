package dev.mainstay.examples.realworld.service;

import dev.mainstay.examples.realworld.dto.Profile;
import dev.mainstay.examples.realworld.repository.ProfileRepository;
import dev.mainstay.examples.realworld.repository.UserRepository;
import dev.mainstay.examples.realworld.repository.UserRow;
import dev.mainstay.persistence.Database;

/**
 * Profiles and following. A viewer id of {@code null} means "signed out". Thread-safe.
 */
public final class ProfileService {
    private final Database db;
    private final UserRepository users;
    private final ProfileRepository profiles;

    /** Creates the service. */
    public ProfileService(Database db, UserRepository users, ProfileRepository profiles) {
        this.db = db;
        this.users = users;
        this.profiles = profiles;
    }

    /**
     * Returns the profile of {@code username} as {@code viewerId} sees it.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user
     */
    public Profile get(String username, Long viewerId) {
        return profiles.find(db.dsl(), username, viewerId).orElseThrow(() -> Problems.notFound("profile"));
    }

    /**
     * Makes {@code userId} follow {@code username}; following twice is the same as once.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user, 422 for oneself
     */
    public Profile follow(long userId, String username) {
        UserRow followee = users.findByUsername(db.dsl(), username).orElseThrow(() -> Problems.notFound("profile"));
        if (followee.id() == userId) {
            throw Problems.unprocessable("you cannot follow yourself");
        }
        profiles.follow(db.dsl(), userId, followee.id());
        return new Profile(followee.username(), followee.bio(), followee.image(), true);
    }

    /**
     * Makes {@code userId} stop following {@code username}; a no-op if it did not.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user
     */
    public Profile unfollow(long userId, String username) {
        UserRow followee = users.findByUsername(db.dsl(), username).orElseThrow(() -> Problems.notFound("profile"));
        profiles.unfollow(db.dsl(), userId, followee.id());
        return new Profile(followee.username(), followee.bio(), followee.image(), false);
    }
}
