package dev.mainstay.examples.realworld.profiles;

import dev.mainstay.examples.realworld.common.Problems;
import dev.mainstay.examples.realworld.users.UserRepository;
import dev.mainstay.examples.realworld.users.UserRow;

/**
 * Profiles and following. A viewer id of {@code null} means "signed out". Thread-safe.
 */
public final class ProfileService {
    private final UserRepository users;
    private final ProfileRepository profiles;

    /** Creates the service. */
    public ProfileService(UserRepository users, ProfileRepository profiles) {
        this.users = users;
        this.profiles = profiles;
    }

    /**
     * Returns the profile of {@code username} as {@code viewerId} sees it.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user
     */
    public Profile get(String username, Long viewerId) {
        return profiles.find(username, viewerId).orElseThrow(() -> Problems.notFound("profile"));
    }

    /**
     * Makes {@code userId} follow {@code username}; following twice is the same as once.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user, 422 for oneself
     */
    public Profile follow(long userId, String username) {
        UserRow followee = users.findByUsername(username).orElseThrow(() -> Problems.notFound("profile"));
        if (followee.id() == userId) {
            throw Problems.unprocessable("you cannot follow yourself");
        }
        profiles.follow(userId, followee.id());
        return new Profile(followee.username(), followee.bio(), followee.image(), true);
    }

    /**
     * Makes {@code userId} stop following {@code username}; a no-op if it did not.
     *
     * @throws dev.mainstay.core.problem.ProblemException 404 when there is no such user
     */
    public Profile unfollow(long userId, String username) {
        UserRow followee = users.findByUsername(username).orElseThrow(() -> Problems.notFound("profile"));
        profiles.unfollow(userId, followee.id());
        return new Profile(followee.username(), followee.bio(), followee.image(), false);
    }
}
