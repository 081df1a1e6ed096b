package org.cranisotropy.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests for recognising the same inputs when a run resumes (cra run's steps, the Monte Carlo's
 * staged chunks, the validation's skies): one incremental digest fed with text, numbers and files, as hex.
 * The JDK's MessageDigest does the hashing; this class only fixes how values are fed (doubles by their bits,
 * big-endian), so that every fingerprint of the tool is computed the same way.
 */
public final class Sha256 {
    private final MessageDigest md;
    private final ByteBuffer eight = ByteBuffer.allocate(Long.BYTES);

    public Sha256() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The hex digest of a text (UTF-8). */
    public static String of(String text) {
        return new Sha256().add(text).hex();
    }

    /** The hex digest of a file's bytes. */
    public static String ofFile(Path file) {
        return new Sha256().addFile(file).hex();
    }

    public Sha256 add(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        add(b.length);
        md.update(b);
        return this;
    }

    public Sha256 add(long v) {
        eight.clear();
        md.update(eight.putLong(v).array());
        return this;
    }

    public Sha256 add(double v) {
        return add(Double.doubleToLongBits(v));
    }

    public Sha256 add(double[] values) {
        add(values.length);
        for (double v : values) {
            add(v);
        }
        return this;
    }

    /** An object by its Java serialization (for values that are records of arrays and numbers). */
    public Sha256 addSerialized(java.io.Serializable value) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getName(), e);
        }
        md.update(bytes.toByteArray());
        return this;
    }

    public Sha256 addFile(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The digest as 64 hex digits (the digest is then reset). */
    public String hex() {
        return HexFormat.of().formatHex(md.digest());
    }
}
