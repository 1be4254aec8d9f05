package dev.mainstay.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The guards every password passes before bcrypt: Unicode normalisation and the 72-byte limit. */
class PasswordsTest {
    private static final String COMPOSED = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
    private static final String DECOMPOSED = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);

    private final PasswordHasher hasher = PasswordHasher.bcrypt(PasswordConfig.COST.min());

    @Test
    void aComposedAndADecomposedAccentAreOnePassword() {
        assertNotEquals(COMPOSED, DECOMPOSED, "the test needs two encodings of the same text");
        assertTrue(hasher.verify(DECOMPOSED, hasher.hash(COMPOSED)), "typed on one keyboard, checked on another");
        assertTrue(hasher.verify(COMPOSED, hasher.hash(DECOMPOSED)));
    }

    @Test
    void policyCountsTheNormalisedPassword() {
        // 12 characters once composed, 13 code points decomposed: NFC decides, not the keyboard.
        String composed = "\u00e9" + "bcdefghijkl";
        PasswordPolicy policy = new PasswordPolicy(12, false);
        policy.check(composed);
        policy.check(Normalizer.normalize(composed, Normalizer.Form.NFD));
        assertThrows(PasswordRejectedException.class, () -> new PasswordPolicy(13, false).check(composed));
        assertThrows(
                PasswordRejectedException.class,
                () -> new PasswordPolicy(13, false).check(Normalizer.normalize(composed, Normalizer.Form.NFD)));
    }

    @Test
    void saysWhyAnOverlongPasswordIsRefusedInBytes() {
        PasswordRejectedException e =
                assertThrows(PasswordRejectedException.class, () -> hasher.hash("\u00e9".repeat(37)));
        assertEquals(PasswordRejectedException.Reason.TOO_LONG, e.reason());
        assertTrue(
                e.getMessage().contains("at most 72 bytes; non-Latin characters take 2-4 bytes each"), e.getMessage());
    }
}
