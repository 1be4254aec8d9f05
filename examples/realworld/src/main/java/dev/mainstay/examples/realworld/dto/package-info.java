/**
 * The JSON shapes of the RealWorld API, one record per schema of the spec's {@code openapi.yml}, with the
 * wrapping objects ({@code {"user": {...}}}) nested as {@code Request} and {@code Response} records.
 *
 * <p>Records are immutable and carry no behaviour; the service layer builds them and Jackson writes them.
 */
package dev.mainstay.examples.realworld.dto;
