/** Profiles: a user as others see them, and following (with whether the viewer follows them). */
package dev.mainstay.examples.realworld.profiles;
