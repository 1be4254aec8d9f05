package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mainstay.security.password.PasswordRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = PasswordConfig.defaults().policy();

    private Reason reasonFor(String password) {
        return policy.violation(password).orElseThrow().reason();
    }

    @Test
    void acceptsALongPassphraseWithoutAnyCompositionRule() {
        assertTrue(policy.violation("all lower case words only").isEmpty());
        assertTrue(policy.violation("123498765432109").isEmpty(), "digits only is fine if long and uncommon");
    }

    @Test
    void refusesAPasswordShorterThanTheMinimumCountingCharactersNotBytes() {
        assertEquals(Reason.TOO_SHORT, reasonFor("elevenchars"));
        assertTrue(policy.violation("twelve chars").isEmpty());
        assertEquals(Reason.TOO_SHORT, reasonFor("€€€€€€€€€€€"), "11 characters though 33 bytes");
        assertEquals(
                "must be at least 12 characters",
                policy.violation("short").orElseThrow().getMessage());
    }

    @Test
    void countsAnEmojiAsOneCharacter() {
        assertEquals(Reason.TOO_SHORT, reasonFor("🔑".repeat(11)));
        assertTrue(policy.violation("🔑".repeat(12)).isEmpty());
    }

    @Test
    void refusesAPasswordOver72Bytes() {
        assertEquals(Reason.TOO_LONG, reasonFor("a".repeat(73)));
        assertTrue(policy.violation("a long but unusual passphrase".repeat(2) + "a-z")
                .isEmpty());
    }

    @Test
    void refusesNull() {
        assertEquals(Reason.MISSING, reasonFor(null));
    }

    @Test
    void refusesCommonPasswordsIgnoringCase() {
        assertEquals(Reason.TOO_COMMON, reasonFor("qwertyuiop123"), "on the bundled list");
        assertEquals(Reason.TOO_COMMON, reasonFor("1QAZ2WSX3EDC"));
        assertTrue(new PasswordPolicy(12, false).violation("qwertyuiop123").isEmpty(), "unless switched off");
    }

    @Test
    void refusesTheThreeThousandMostCommonPasswordsThatFitTheDefaultPolicy() throws IOException {
        List<String> longest;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords-long.txt")) {
            longest = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertEquals(3000, Set.copyOf(longest).size(), "ASVS 6.2.4: at least the top 3,000 that fit the policy");
        for (String common : longest) {
            assertTrue(common.codePointCount(0, common.length()) >= 12, common + " fits the default minimum");
            assertEquals(Reason.TOO_COMMON, reasonFor(common), common);
            assertEquals(Reason.TOO_COMMON, reasonFor(common.toUpperCase(Locale.ROOT)), common + ", upper case");
        }
    }

    @Test
    void refusesCommonPasswordsAtTheLowestAllowedMinimum() {
        PasswordPolicy eight = new PasswordPolicy(8, true);
        assertEquals(
                Reason.TOO_COMMON, eight.violation("password").orElseThrow().reason());
        assertEquals(
                Reason.TOO_COMMON, eight.violation("12345678").orElseThrow().reason());
    }

    @Test
    void throwsTheViolationFromCheck() {
        PasswordRejectedException thrown = assertThrows(PasswordRejectedException.class, () -> policy.check("short"));
        assertEquals(Reason.TOO_SHORT, thrown.reason());
    }

    @Test
    void refusesAMinimumBelowEight() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(7, true));
        assertTrue(e.getMessage().startsWith("security.password.min-length"), e.getMessage());
    }
}
