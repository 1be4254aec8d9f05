/**
 * Users: registration, login, the signed-in user's account and the {@link
 * dev.mainstay.examples.realworld.users.CurrentUser} that every feature asks who sent a request.
 */
package dev.mainstay.examples.realworld.users;
