package dev.mainstay.examples.realworld.common;

import java.util.List;

/**
 * The spec's {@code GenericErrorModel}: {@code {"errors": {"body": ["..."]}}}, the body of every error.
 *
 * @param errors the messages
 */
public record Errors(Messages errors) {

    /** Returns the error body that carries {@code messages}. */
    public static Errors of(List<String> messages) {
        return new Errors(new Messages(messages));
    }

    /**
     * The inner object of the error body.
     *
     * @param body what went wrong, one message per problem, each naming the field it is about
     */
    public record Messages(List<String> body) {}
}
