/**
 * The Mainstay test kit: add {@code mainstay-test} with {@code <scope>test</scope>}. {@link
 * dev.mainstay.test.MainstayApp} starts one real app per test class, {@link dev.mainstay.test.MainstayTest}
 * one per test; both give a real {@link dev.mainstay.test.TestClient} and print the app's logs ({@link
 * dev.mainstay.test.LogCapture}) only when a test fails. {@link dev.mainstay.test.HostileInput} and
 * {@link dev.mainstay.test.HostileInputBodies} generate bad input, {@link dev.mainstay.test.ForgedToken}
 * forges JWTs for attack tests, and {@link dev.mainstay.test.ChildJvm} runs a main class in a child JVM
 * for start-up tests. Database isolation is in {@code dev.mainstay.test.database}, implementation
 * contracts in {@code dev.mainstay.test.security}.
 */
package dev.mainstay.test;
