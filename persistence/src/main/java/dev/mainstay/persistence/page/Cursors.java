package dev.mainstay.persistence.page;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes and reads opaque page cursors: base64url (no padding) of a version byte, a kind byte, and
 * the position — the last row's sort-key values (keyset) or a row offset (offset).
 *
 * <p>Not signed, by choice: a cursor holds only values the client already saw in the page, and the
 * query's {@code WHERE} (where access rules live) is not in it, so a forged cursor can only move
 * within rows the caller may read anyway. What is checked: version, kind, a fingerprint of the sort
 * keys (a cursor of another listing is refused), the number of values, and no trailing bytes. Any
 * mismatch is an {@link InvalidPageRequestException} that names the {@code cursor} parameter.
 */
final class Cursors {
    private static final byte VERSION = 1;
    private static final byte KEYSET = 'K';
    private static final byte OFFSET = 'O';
    /** Cursors are small; a long one is not ours, and decoding it would only cost memory. */
    private static final int MAX_LENGTH = 4096;

    private Cursors() {}

    static String keyset(int fingerprint, List<String> values) {
        return encode(out -> {
            out.writeByte(KEYSET);
            out.writeInt(fingerprint);
            out.writeByte(values.size());
            for (String value : values) {
                out.writeBoolean(value != null);
                if (value != null) {
                    out.writeUTF(value);
                }
            }
        });
    }

    static String offset(int offset) {
        return encode(out -> {
            out.writeByte(OFFSET);
            out.writeInt(offset);
        });
    }

    /** Returns the sort-key values, as text, in the cursor; {@code null} entries stand for SQL NULL. */
    static String[] readKeyset(String cursor, int fingerprint, int keys) {
        try (DataInputStream in = open(cursor, KEYSET)) {
            if (in.readInt() != fingerprint || in.readUnsignedByte() != keys) {
                throw malformed();
            }
            String[] values = new String[keys];
            for (int i = 0; i < keys; i++) {
                values[i] = in.readBoolean() ? in.readUTF() : null;
            }
            return finish(in, values);
        } catch (IOException e) {
            throw malformed();
        }
    }

    static int readOffset(String cursor) {
        try (DataInputStream in = open(cursor, OFFSET)) {
            int offset = in.readInt();
            if (offset < 0) {
                throw malformed();
            }
            return finish(in, offset);
        } catch (IOException e) {
            throw malformed();
        }
    }

    /** Returns the exception for a cursor this code did not issue. */
    static InvalidPageRequestException malformed() {
        return new InvalidPageRequestException(
                "cursor", "is malformed or belongs to another listing; start again without it");
    }

    private static DataInputStream open(String cursor, byte kind) throws IOException {
        if (cursor.length() > MAX_LENGTH) {
            throw malformed();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readByte() != VERSION || in.readByte() != kind) {
            throw malformed();
        }
        return in;
    }

    private static <T> T finish(DataInputStream in, T result) throws IOException {
        if (in.read() != -1) {
            throw malformed();
        }
        return result;
    }

    private static String encode(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the stream is in memory
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }
}
