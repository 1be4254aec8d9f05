/** Comments on articles: adding, listing, and deleting by their author. */
package dev.mainstay.examples.realworld.comments;
